import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { IntlShape, useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { ApiError } from '../../../api/api-error';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { ReasonDialog } from '../../../ui/reason-dialog';
import { StatusChip } from '../../../ui/status-chip';
import { can, meQuery } from '../../auth/me';
import { detentionMessages as d, protectionMessages as m, stepMessages as s } from '../messages';
import { dayOf, Detention, mayLogAccess, VISITOR_KINDS } from '../protection-api';
import { explainRefusal, formatDay, groundText } from '../safeguard-refusal';
import { describeError } from '../../../i18n/error-messages';
import { useRecord } from '../use-record';
import { EpisodeSteps } from './detention-steps';
import { DayField, InputField, TextAreaField } from './fields';
import { RefusalAlert } from './refusal-alert';
import styles from './record-card.module.css';
import steps from './step-dialog.module.css';

/** The written justification the api asks of an override (libs/safeguards MIN_JUSTIFICATION). */
const MIN_JUSTIFICATION = 40;

/** A detention refusal that a supervisor may override with a written justification (the api says which: not for an unaccompanied child). */
export function overridable(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== 'SAFEGUARD.DETENTION_GUARD') return false;
  return error.details['override'] === 'NO_OVERRIDE';
}

/** A refusal of the override itself, in one paragraph for the dialog. */
function refusalSentence(intl: IntlShape, error: unknown): string {
  const explained = explainRefusal(intl, error);
  return explained ? [...explained.reasons, ...explained.instead].join(' ') : describeError(intl, error);
}

interface Props {
  api: ApiClient;
  caseId: string;
  episodes: Detention[];
  mandate: boolean;
  /** The reader holds the SAFEGUARD_OVERRIDE permission (a supervisor). */
  mayOverride: boolean;
}

/**
 * Detention episodes with their reviews and access log; with the mandate, a request to detain that the
 * detention guard checks. A refused request is explained in words, and where the rules allow an override, a
 * supervisor gives it deliberately in a dialog with a written justification.
 */
export function DetentionCard({ api, caseId, episodes, mandate, mayOverride }: Props) {
  const intl = useIntl();
  const [place, setPlace] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [summary, setSummary] = useState('');
  const [alternatives, setAlternatives] = useState('');
  const [pregnant, setPregnant] = useState(false);
  const [seriouslyIll, setSeriouslyIll] = useState(false);
  const [nextReviewOn, setNextReviewOn] = useState(() => dayOf(new Date(Date.now() + 7 * 86_400_000)));
  const [overriding, setOverriding] = useState(false);
  const [notice, setNotice] = useState(false);
  const me = useQuery(meQuery(api));
  const mayAccess = mayLogAccess(me.data?.agency.kind, can(me.data, 'CASE_RECORDS_WRITE'));
  const visitor = (kind: string) => intl.formatMessage(s[`visitor${kind as (typeof VISITOR_KINDS)[number]}`] ?? s.visitorNGO);
  const open = useRecord(caseId, (body: object) => unwrap<Detention>(api.POST('/api/v1/cases/{id}/detentions', { params: { path: { id: caseId } }, body: body as never })), () => {
    setOverriding(false);
    setNotice(true);
  });
  const body = (overrideJustification?: string) => ({
    place: place.trim(),
    legalBasis: legalBasis.trim(),
    individualAssessment: { pregnant, seriouslyIll, summary: summary.trim() },
    alternativesConsidered: alternatives
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    startedAt: new Date().toISOString(),
    nextReviewOn,
    ...(overrideJustification ? { overrideJustification } : {}),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(false);
    open.mutate(body());
  };
  const complete = place.trim() && legalBasis.trim() && summary.trim() && alternatives.trim();

  return (
    <section aria-labelledby="detention-title" className={styles.card}>
      <h2 id="detention-title">{intl.formatMessage(d.title)}</h2>
      {episodes.length > 0 ? (
        <ul className={styles.rows}>
          {episodes.map((e) => (
            <li key={e.id} className={styles.row}>
              <span className={styles.rowMain} id={`row-${e.id}`}>
                {intl.formatMessage(d.episode, { place: <bdi key="place">{e.place}</bdi>, date: intl.formatDate(e.startedAt, { dateStyle: 'medium' }) })}
              </span>
              {e.endedAt ? (
                <StatusChip tone="neutral">{intl.formatMessage(d.ended, { date: intl.formatDate(e.endedAt, { dateStyle: 'medium' }) })}</StatusChip>
              ) : (
                <StatusChip tone={e.reviewOverdue ? 'danger' : 'info'}>
                  {intl.formatMessage(e.reviewOverdue ? d.reviewOverdue : d.nextReview, { date: formatDay(intl, e.nextReviewOn) })}
                </StatusChip>
              )}
              <span className={styles.rowDetail}>{intl.formatMessage(d.legalBasisLine, {
                  basis: (
                    <bdi key="basis" dir="auto" className={steps.freeText}>
                      {e.legalBasis}
                    </bdi>
                  ),
                })}</span>
              {e.override ? (
                <span className={styles.rowDetail}>
                  {intl.formatMessage(d.overridden, { grounds: intl.formatList(e.protectedGrounds.map((g) => groundText(intl, g))), justification: (
                      <bdi key="justification" dir="auto" className={steps.freeText}>
                        {e.override.justification}
                      </bdi>
                    ),
                  })}
                </span>
              ) : null}
              {e.reviews.map((r) => (
                <span key={`review-${r.reviewedOn}`} className={styles.rowDetail}>
                  {intl.formatMessage(d.review, { date: formatDay(intl, r.reviewedOn), outcome: intl.formatMessage(r.outcome === 'RELEASE' ? d.release : d.continue) })}
                </span>
              ))}
              {e.access.map((a) => (
                <span key={`access-${a.visitedAt}-${a.organisation}`} className={styles.rowDetail}>
                  {intl.formatMessage(a.granted ? s.accessLine : s.accessRefusedLine, {
                    kind: visitor(a.visitorKind),
                    organisation: <bdi key="organisation">{a.organisation}</bdi>,
                    date: intl.formatDate(a.visitedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                    reason: <bdi key="reason">{a.refusalReason ?? ''}</bdi>,
                  })}
                </span>
              ))}
              {e.endedAt && e.endReason ? <span className={styles.rowDetail}>{intl.formatMessage(s.endedBecause, {
                    reason: (
                      <bdi key="reason" dir="auto" className={steps.freeText}>
                        {e.endReason}
                      </bdi>
                    ),
                  })}</span> : null}
              {e.reviewOverdue ? (
                <span className={`${styles.wide} ${styles.locked}`} data-testid="review-overdue">
                  {intl.formatMessage(s.overdue, { date: formatDay(intl, e.nextReviewOn) })}
                </span>
              ) : null}
              <div className={styles.wide}>
                <EpisodeSteps api={api} caseId={caseId} episode={e} may={{ detain: mandate, access: mayAccess }} onSaved={() => setNotice(true)} describedBy={`row-${e.id}`} />
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{intl.formatMessage(m.none)}</p>
      )}
      {mandate && episodes.every((e) => e.endedAt) ? (
        <div className={styles.block}>
          <h3 id="detain-title">{intl.formatMessage(d.request)}</h3>
          <form className={styles.form} onSubmit={submit} aria-labelledby="detain-title">
            <InputField label={intl.formatMessage(d.place)} value={place} onChange={setPlace} required maxLength={200} />
            <InputField label={intl.formatMessage(m.legalBasis)} value={legalBasis} onChange={setLegalBasis} required maxLength={400} />
            <TextAreaField label={intl.formatMessage(d.summary)} value={summary} onChange={setSummary} required maxLength={2000} />
            <label className={styles.check}>
              <input type="checkbox" checked={pregnant} onChange={(event) => setPregnant(event.target.checked)} />
              {intl.formatMessage(d.pregnant)}
            </label>
            <label className={styles.check}>
              <input type="checkbox" checked={seriouslyIll} onChange={(event) => setSeriouslyIll(event.target.checked)} />
              {intl.formatMessage(d.seriouslyIll)}
            </label>
            <TextAreaField label={intl.formatMessage(d.alternatives)} value={alternatives} onChange={setAlternatives} hint={intl.formatMessage(d.alternativesHint)} required />
            <DayField label={intl.formatMessage(d.nextReviewOn)} value={nextReviewOn} onChange={setNextReviewOn} required />
            <Button type="submit" isDisabled={open.isPending || !complete}>
              {intl.formatMessage(d.request)}
            </Button>
          </form>
        </div>
      ) : null}
      <div aria-live="polite">{notice && !open.error ? <Alert tone="info">{intl.formatMessage(m.saved)}</Alert> : null}</div>
      {open.error && !overriding ? <RefusalAlert error={open.error} /> : null}
      {open.error && overridable(open.error) && mayOverride ? (
        <Button
          variant="secondary"
          onPress={() => {
            open.reset();
            setOverriding(true);
          }}
        >
          {intl.formatMessage(d.override)}
        </Button>
      ) : null}
      <ReasonDialog
        isOpen={overriding}
        onClose={() => setOverriding(false)}
        onConfirm={(justification) => open.mutate(body(justification))}
        title={intl.formatMessage(d.overrideTitle)}
        body={intl.formatMessage(d.overrideBody)}
        confirmLabel={intl.formatMessage(d.overrideConfirm)}
        minLength={MIN_JUSTIFICATION}
        pending={open.isPending}
        error={overriding && open.error ? refusalSentence(intl, open.error) : undefined}
      />
    </section>
  );
}

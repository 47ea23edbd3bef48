import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { referralStatusMessages, statusMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { can, Me, meQuery } from '../../auth/me';
import { TextAreaInput } from '../components/fields';
import { ProfileDecisions } from '../components/profile-decisions';
import { caseQuery, Referral, sentReferralsQuery, writes } from '../intake-api';
import { intakeMessages } from '../messages';
import styles from '../components/result.module.css';
import { CaseNumber } from '../../../ui/case-number';
import { StatusChip, toneOf } from '../../../ui/status-chip';

interface ResultSearch {
  /** The registered cases' ids, comma-separated, in the intake's order. */
  cases: string;
}

/** After a registration: each person's case, possible earlier encounters, profiles to decide and referrals. */
export const Route = createFileRoute('/_signed-in/intake/result')({
  validateSearch: (search: Record<string, unknown>): ResultSearch => ({ cases: typeof search.cases === 'string' ? search.cases : '' }),
  component: IntakeResultPage,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function IntakeResultPage() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const { cases } = Route.useSearch();
  const me = useQuery(meQuery(api));
  const ids = cases.split(',').filter((id) => UUID.test(id));
  const referrals = useQuery({ ...sentReferralsQuery(api), enabled: can(me.data, 'REFERRALS_READ') });

  return (
    <section className={styles.page} aria-labelledby="result-title">
      <div>
        <h1 id="result-title">{intl.formatMessage(intakeMessages.resultTitle, { count: ids.length })}</h1>
        <p className={styles.intro}>{ids.length > 0 ? intl.formatMessage(intakeMessages.resultIntro) : intl.formatMessage(intakeMessages.resultGone)}</p>
      </div>
      {ids.map((id) => (
        <CaseResult key={id} api={api} caseId={id} me={me.data} referrals={referrals.data?.items.filter((r) => r.caseId === id)} />
      ))}
      <div>
        <Link to="/intake/new" className={styles.primaryLink}>
          {intl.formatMessage(intakeMessages.registerAnother)}
        </Link>
      </div>
    </section>
  );
}

function CaseResult({ api, caseId, me, referrals }: { api: ApiClient; caseId: string; me?: Me; referrals?: Referral[] }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const view = useQuery(caseQuery(api, caseId));
  const decideEncounter = useMutation({
    mutationFn: ({ encounterId, action, reason }: { encounterId: string; action: 'link' | 'dismiss'; reason?: string }) =>
      unwrap(writes(api).POST(`/api/v1/cases/${caseId}/encounters/${encounterId}/${action}`, { body: reason ? { reason } : {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['case', caseId] }),
  });
  if (view.isError) return <Alert>{describeError(intl, view.error)}</Alert>;
  if (!view.data) return null;
  const data = view.data;
  const identity = data.sections.IDENTITY;
  const name = identity ? [identity.givenName, identity.familyName].filter(Boolean).join(' ') || identity.description || '' : '';
  const encounters = identity?.possibleEncounters ?? [];
  const mayReview = can(me, 'ENCOUNTERS_REVIEW');
  const dateTime = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });

  return (
    <article className={styles.card} aria-labelledby={`case-${caseId}`} data-case-number={data.caseNumber}>
      <header className={styles.caseHeader}>
        <h2 id={`case-${caseId}`}>
          <CaseNumber caseNumber={data.caseNumber} caseId={caseId} mayOpen={can(me, 'CASES_READ')} />
          {name ? (
            <span className={styles.personName}>
              <bdi>{name}</bdi>
            </span>
          ) : null}
        </h2>
        <StatusChip tone={toneOf('case', data.status)}>{intl.formatMessage(statusMessages[data.status])}</StatusChip>
      </header>

      {encounters.length > 0 ? (
        <section aria-labelledby={`enc-${caseId}`} className={styles.block}>
          <h3 id={`enc-${caseId}`}>{intl.formatMessage(intakeMessages.encounters)}</h3>
          <ul className={styles.plainList}>
            {encounters.map((encounter) => (
              <EncounterRow
                key={encounter.id}
                encounter={encounter}
                mayReview={mayReview}
                pending={decideEncounter.isPending}
                onDecide={(action, reason) => decideEncounter.mutate({ encounterId: encounter.id, action, reason })}
              />
            ))}
          </ul>
          {decideEncounter.isError ? <Alert>{describeError(intl, decideEncounter.error)}</Alert> : null}
        </section>
      ) : null}

      <section aria-labelledby={`prof-${caseId}`} className={styles.block}>
        <h3 id={`prof-${caseId}`}>{intl.formatMessage(intakeMessages.profiles)}</h3>
        <ProfileDecisions api={api} caseId={caseId} />
      </section>

      <section aria-labelledby={`ref-${caseId}`} className={styles.block}>
        <h3 id={`ref-${caseId}`}>{intl.formatMessage(intakeMessages.referrals)}</h3>
        {referrals === undefined ? (
          <p className={styles.muted}>{intl.formatMessage(can(me, 'REFERRALS_READ') ? intakeMessages.noReferrals : intakeMessages.referralsNotVisible)}</p>
        ) : referrals.length === 0 ? (
          <p className={styles.muted}>{intl.formatMessage(intakeMessages.noReferrals)}</p>
        ) : (
          <ul className={styles.plainList}>
            {referrals.map((referral) => (
              <li key={referral.id} className={styles.referral}>
                <span>{intl.formatMessage(intakeMessages.referralDue, { agency: <bdi key="a">{referral.agency.name}</bdi>, due: dateTime(referral.dueAt) })}</span>
                <StatusChip tone={toneOf('referral', referral.status)}>
                  {Object.hasOwn(referralStatusMessages, referral.status) ? intl.formatMessage(referralStatusMessages[referral.status as keyof typeof referralStatusMessages]) : referral.status}
                </StatusChip>
              </li>
            ))}
          </ul>
        )}
        {referrals?.some((r) => r.status === 'AWAITING_CONSENT') && can(me, 'CONSENT_RECORD') ? (
          <a href={`/cases/${caseId}/consent`} className={styles.link}>
            {intl.formatMessage(intakeMessages.recordConsent)}
          </a>
        ) : null}
      </section>

      {can(me, 'INTAKE_UPDATE') ? (
        <div>
          <Link to="/cases/$caseId/complete" params={{ caseId }} className={styles.link}>
            {intl.formatMessage(intakeMessages.completeRecord)}
          </Link>
        </div>
      ) : null}
    </article>
  );
}

function EncounterRow({
  encounter,
  mayReview,
  pending,
  onDecide,
}: {
  encounter: { id: string; caseNumber: string; score: number; status: string };
  mayReview: boolean;
  pending: boolean;
  onDecide: (action: 'link' | 'dismiss', reason?: string) => void;
}) {
  const intl = useIntl();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string[] | undefined>();
  return (
    <li className={styles.encounter}>
      <span>{intl.formatMessage(intakeMessages.encounterScore, { caseNumber: <CaseNumber key="n" caseNumber={encounter.caseNumber} />, score: encounter.score })}</span>
      {encounter.status === 'LINKED' ? <StatusChip tone="success">{intl.formatMessage(intakeMessages.encounterLinked)}</StatusChip> : null}
      {encounter.status === 'DISMISSED' ? <StatusChip tone="neutral">{intl.formatMessage(intakeMessages.encounterDismissed)}</StatusChip> : null}
      {encounter.status === 'PENDING' && mayReview && !dismissing ? (
        <span className={styles.actions}>
          <Button variant="secondary" isPending={pending} onPress={() => onDecide('link')}>
            {intl.formatMessage(intakeMessages.linkEncounter)}
          </Button>
          <Button variant="quiet" onPress={() => setDismissing(true)}>
            {intl.formatMessage(intakeMessages.dismissEncounter)}
          </Button>
        </span>
      ) : null}
      {dismissing && encounter.status === 'PENDING' ? (
        <div className={styles.reason}>
          <TextAreaInput label={intl.formatMessage(intakeMessages.reason)} path="reason" errors={error}
            value={reason}
            onChange={(next) => {
              setReason(next);
              setError(undefined);
            }}
            maxLength={1000}
          />
          <span className={styles.actions}>
            <Button
              isPending={pending}
              onPress={() => {
                if (!reason.trim()) setError([intl.formatMessage(intakeMessages.reasonRequired)]);
                else onDecide('dismiss', reason.trim());
              }}
            >
              {intl.formatMessage(intakeMessages.dismissEncounter)}
            </Button>
            <Button variant="quiet" onPress={() => setDismissing(false)}>
              {intl.formatMessage(intakeMessages.cancel)}
            </Button>
          </span>
        </div>
      ) : null}
    </li>
  );
}

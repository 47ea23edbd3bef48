import { FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { IntlShape, useIntl } from 'react-intl';
import { ApiError } from '../../../api/api-error';
import { ApiClient, unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { ReasonDialog } from '../../../ui/reason-dialog';
import { StatusChip } from '../../../ui/status-chip';
import { TextField } from '../../../ui/text-field';
import { legalMessages as l, protectionMessages as m, refusalMessages } from '../messages';
import { findingMayAnswer, flagRights, MIN_FINDING, MIN_REASON, Offence, OFFENCES, ProtectionFlag } from '../protection-api';
import { useRecord } from '../use-record';
import { DialogSelect, fieldErrors } from './record-dialog';
import { RefusalAlert } from './refusal-alert';
import legal from './legal.module.css';
import styles from './record-card.module.css';
import alertStyles from './refusal-alert.module.css';

/** A prosecution flag refused by non-criminalisation (409 SAFEGUARD.NON_CRIMINALISATION) and whether a supervisor's finding answers it. */
function prosecutionRefusal(error: unknown): { offence: string; findingMayAnswer: boolean } | null {
  if (!(error instanceof ApiError) || error.code !== 'SAFEGUARD.NON_CRIMINALISATION') return null;
  return { offence: typeof error.details['offence'] === 'string' ? error.details['offence'] : 'OTHER', findingMayAnswer: findingMayAnswer(error.details) };
}

const offenceText = (intl: IntlShape, offence: string): string => intl.formatMessage(l[`offence${(OFFENCES as readonly string[]).includes(offence) ? (offence as Offence) : 'OTHER'}`]);

/** Non-criminalisation's refusal in words: final for a status offence, else a supervisor's written finding (which this reader may or may not give). */
function ProsecutionRefusal({ offence, findingMayAnswer: answerable, mayOverride }: { offence: string; findingMayAnswer: boolean; mayOverride: boolean }) {
  const intl = useIntl();
  return (
    <Alert tone="warning">
      <div className={alertStyles.refusal} data-testid="safeguard-refusal">
        <p className={alertStyles.title}>{intl.formatMessage(l.refusedTitle)}</p>
        <p>{answerable ? intl.formatMessage(l.findingRequired) : intl.formatMessage(l.statusOffence, { offence: offenceText(intl, offence) })}</p>
        {answerable ? <p className={alertStyles.subtitle}>{intl.formatMessage(mayOverride ? l.supervisorMay : l.askSupervisor)}</p> : <p className={alertStyles.subtitle}>{intl.formatMessage(refusalMessages.noOverride)}</p>}
      </div>
    </Alert>
  );
}

interface Props {
  api: ApiClient;
  caseId: string;
  flags: ProtectionFlag[];
  /** The reader's agency (a flag is closed by the agency that raised it, or by the mandated one). */
  agency: { id: string; kind: string } | undefined;
  mayWrite: boolean;
  /** The reader holds SAFEGUARD_OVERRIDE (a supervisor). */
  mayOverride: boolean;
  /** Offences non-criminalisation refuses for this person now (from the safeguard status). */
  blockedOffences: string[];
}

/**
 * The case's flags: a risk of refoulement (which stops any removal or return while open) and prosecution
 * (the border or immigration authority's, checked for non-criminalisation). Raised and closed by the
 * agencies the api allows; a presumed victim of trafficking is flagged for another offence only on a
 * supervisor's written finding, given deliberately in a dialog.
 */
export function FlagsCard({ api, caseId, flags, agency, mayWrite, mayOverride, blockedOffences }: Props) {
  const intl = useIntl();
  const rights = flagRights(agency?.kind, mayWrite, mayOverride);
  // Nothing is chosen for the officer: a flag stops removals or starts a prosecution, so its kind is a deliberate choice.
  const [kind, setKind] = useState<string>('');
  const [offence, setOffence] = useState('');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState(false);
  const [overriding, setOverriding] = useState(false);
  const [closing, setClosing] = useState<ProtectionFlag | null>(null);
  const raise = useRecord(caseId, (body: object) => unwrap<ProtectionFlag>(api.POST('/api/v1/cases/{id}/flags', { params: { path: { id: caseId } }, body: body as never })), () => {
    setOverriding(false);
    setReason('');
    setOffence('');
    setNotice(true);
  });
  const close = useRecord(
    caseId,
    ({ id, reason: why }: { id: string; reason: string }) => unwrap<ProtectionFlag>(api.POST('/api/v1/cases/{id}/flags/{flagId}/close', { params: { path: { id: caseId, flagId: id } }, body: { reason: why } })),
    () => {
      setClosing(null);
      setNotice(true);
    },
  );
  const body = (unrelatedOffenceFinding?: string) => ({
    kind,
    ...(kind === 'PROSECUTION' ? { offence } : {}),
    reason: reason.trim(),
    ...(unrelatedOffenceFinding ? { unrelatedOffenceFinding } : {}),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(false);
    close.reset();
    raise.mutate(body());
  };
  const refused = overriding ? null : prosecutionRefusal(raise.error);
  const invalid = overriding ? {} : fieldErrors(raise.error, intl.formatMessage(l.fieldProblem), ['reason']);
  const overrideError = overriding && raise.error ? (raise.error instanceof ApiError && raise.error.code === 'SAFEGUARD.NON_CRIMINALISATION' ? intl.formatMessage(l.findingRequired) : intl.formatMessage(l.fieldProblem)) : undefined;

  const statusBlocked = blockedOffences.filter((o) => o !== 'OTHER');
  const flagged = `${intl.formatMessage(l.kindPROSECUTION)}: ${offenceText(intl, offence || 'OTHER')}`;

  return (
    <section aria-labelledby="flags-title" className={styles.card}>
      <h2 id="flags-title">{intl.formatMessage(l.flagsTitle)}</h2>
      {flags.length > 0 ? (
        <ul className={styles.rows}>
          {flags.map((f) => (
            <li key={f.id} className={styles.row} data-testid="flag">
              <span className={styles.rowMain}>
                {intl.formatMessage(l.flagLine, {
                  kind: f.offence ? `${intl.formatMessage(l[`kind${f.kind}`])}: ${offenceText(intl, f.offence)}` : intl.formatMessage(l[`kind${f.kind}`]),
                  date: intl.formatDate(f.openedAt, { dateStyle: 'long' }),
                })}
              </span>
              <StatusChip tone={f.open ? (f.kind === 'REFOULEMENT_RISK' ? 'warning' : 'info') : 'neutral'}>
                {f.open ? intl.formatMessage(l.flagOpen) : intl.formatMessage(l.flagClosed, { date: intl.formatDate(f.closedAt ?? f.openedAt, { dateStyle: 'long' }) })}
              </StatusChip>
              <span className={styles.rowDetail}>{intl.formatMessage(l.flagReasonLine, { reason: <bdi key="reason">{f.reason}</bdi> })}</span>
              {f.unrelatedOffenceFinding ? <span className={styles.rowDetail}>{intl.formatMessage(l.findingLine, { finding: <bdi key="finding">{f.unrelatedOffenceFinding.text}</bdi> })}</span> : null}
              {f.closeReason ? <span className={styles.rowDetail}>{intl.formatMessage(l.flagClosedLine, { reason: <bdi key="reason">{f.closeReason}</bdi> })}</span> : null}
              {rights.close(f, agency?.id) ? (
                <span className={legal.actions}>
                  <Button
                    variant="quiet"
                    onPress={() => {
                      close.reset();
                      setNotice(false);
                      setClosing(f);
                    }}
                  >
                    {intl.formatMessage(l.close)}
                  </Button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{intl.formatMessage(m.none)}</p>
      )}
      {rights.raise.length > 0 ? (
        <div className={styles.block}>
          <h3 id="raise-flag-title">{intl.formatMessage(l.raise)}</h3>
          <Form className={styles.form} onSubmit={submit} aria-labelledby="raise-flag-title" validationErrors={invalid} validationBehavior="aria">
            <DialogSelect label={intl.formatMessage(l.kind)} name="kind" value={kind} onChange={setKind} error={raise.error}>
              <option value="">{intl.formatMessage(l.choose)}</option>
              {rights.raise.map((code) => (
                <option key={code} value={code}>
                  {intl.formatMessage(l[`kind${code}`])}
                </option>
              ))}
            </DialogSelect>
            {kind === 'PROSECUTION' ? (
              <DialogSelect label={intl.formatMessage(l.offence)} name="offence" value={offence} onChange={setOffence} error={raise.error}>
                <option value="">{intl.formatMessage(l.choose)}</option>
                {OFFENCES.map((code) => (
                  // A status offence non-criminalisation refuses for this person is shown but cannot be chosen;
                  // another offence stays open to a supervisor's written finding, and says so.
                  <option key={code} value={code} disabled={blockedOffences.includes(code) && code !== 'OTHER'}>
                    {blockedOffences.includes(code)
                      ? intl.formatMessage(code === 'OTHER' ? l.offenceNeedsFinding : l.offenceBlocked, { offence: offenceText(intl, code) })
                      : offenceText(intl, code)}
                  </option>
                ))}
              </DialogSelect>
            ) : null}
            <div className={styles.wide}>
              <TextField
                name="reason"
                rows={3}
                label={intl.formatMessage(l.why)}
                description={kind === 'REFOULEMENT_RISK' ? intl.formatMessage(l.riskHint) : undefined}
                value={reason}
                onChange={setReason}
                isRequired
                maxLength={2000}
              />
            </div>
            {kind === 'PROSECUTION' && statusBlocked.length > 0 ? (
              <p className={styles.hint}>{intl.formatMessage(l.blockedOffences, { offences: intl.formatList(statusBlocked.map((o) => offenceText(intl, o)), { type: 'conjunction' }) })}</p>
            ) : null}
            <Button type="submit" isDisabled={raise.isPending || !kind || (kind === 'PROSECUTION' && !offence)}>
              {intl.formatMessage(l.raise)}
            </Button>
          </Form>
        </div>
      ) : null}
      <div aria-live="polite">{notice && !raise.error && !close.error ? <Alert tone="info">{intl.formatMessage(m.saved)}</Alert> : null}</div>
      {refused ? <ProsecutionRefusal offence={refused.offence} findingMayAnswer={refused.findingMayAnswer} mayOverride={rights.override} /> : null}
      {raise.error && !overriding && !refused && Object.keys(invalid).length === 0 ? <RefusalAlert error={raise.error} /> : null}
      {refused?.findingMayAnswer && rights.override ? (
        <Button
          variant="secondary"
          data-testid="flag-override"
          onPress={() => {
            raise.reset();
            setOverriding(true);
          }}
        >
          {intl.formatMessage(l.override)}
        </Button>
      ) : null}
      <ReasonDialog
        isOpen={overriding}
        onClose={() => setOverriding(false)}
        onConfirm={(finding) => raise.mutate(body(finding))}
        title={intl.formatMessage(l.overrideTitle)}
        body={intl.formatMessage(l.overrideBody)}
        label={intl.formatMessage(l.overrideField)}
        details={
          <dl className={legal.summary} data-testid="override-summary">
            <dt>{intl.formatMessage(l.overrideFlagged)}</dt>
            <dd>{flagged}</dd>
            <dt>{intl.formatMessage(l.why)}</dt>
            <dd>
              <bdi>{reason.trim()}</bdi>
            </dd>
          </dl>
        }
        confirmLabel={intl.formatMessage(l.overrideConfirm)}
        minLength={MIN_FINDING}
        pending={raise.isPending}
        error={overrideError}
      />
      <ReasonDialog
        isOpen={closing !== null}
        onClose={() => setClosing(null)}
        onConfirm={(why) => closing && close.mutate({ id: closing.id, reason: why })}
        title={intl.formatMessage(l.closeTitle)}
        body={intl.formatMessage(l.closeBody)}
        confirmLabel={intl.formatMessage(l.close)}
        minLength={MIN_REASON}
        pending={close.isPending}
        error={close.error ? describe(intl, close.error) : undefined}
        tone="danger"
      />
    </section>
  );
}

function describe(intl: IntlShape, error: unknown): string {
  return error instanceof ApiError && error.fields.length > 0 ? intl.formatMessage(l.fieldProblem) : describeError(intl, error);
}

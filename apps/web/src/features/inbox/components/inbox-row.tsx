import { memo } from 'react';
import { useIntl } from 'react-intl';
import { nameOf, profileMessages, referralStatusMessages } from '../../../i18n/vocabulary';
import { Button } from '../../../ui/button';
import { CaseNumber } from '../../../ui/case-number';
import { AlertIcon } from '../../../ui/icons';
import { PriorityChip } from '../../../ui/priority-chip';
import { StatusChip, toneOf } from '../../../ui/status-chip';
import type { Referral } from '../../referrals/referrals-api';
import { Countdown, useDeadlineState } from '../countdown';
import { actionsFor, InboxAction } from '../inbox-api';
import { inboxMessages } from '../messages';
import styles from './inbox-row.module.css';

/** The first-contact clock runs until the agency acknowledges, accepts or declines. */
const CLOCK_RUNS: ReadonlySet<string> = new Set(['AWAITING_CONSENT', 'PENDING']);

const ACTION_LABEL = {
  acknowledge: inboxMessages.acknowledge,
  accept: inboxMessages.accept,
  decline: inboxMessages.decline,
  start: inboxMessages.start,
  complete: inboxMessages.complete,
} as const;

interface Props {
  referral: Referral;
  /** The border point's name, when the reference data is loaded (else its code). */
  borderPointName?: string;
  /** Arrived while the page was open. */
  isNew: boolean;
  /** An action on this referral is on its way. */
  busy: boolean;
  onAct: (referral: Referral, action: InboxAction) => void;
}

/**
 * One referral of the inbox, dense: case number, priority, status, profiles, border point, the live
 * first-contact countdown (or "overdue by …") as the strongest text, its state in the edge's colour, the
 * escalation step when one is reached, and the actions its status allows (one primary). Memoised: a poll that brings the same referral back (structural sharing) does not repaint it.
 */
export const InboxRow = memo(function InboxRow({ referral, borderPointName, isNew, busy, onAct }: Props) {
  const intl = useIntl();
  const clockRuns = CLOCK_RUNS.has(referral.status);
  const deadline = useDeadlineState(referral.dueAt);
  const late = clockRuns && (referral.overdue || deadline === 'late');
  // The edge says where the first contact stands: red overdue, amber due within 4 h, blue running, grey made.
  const edge = !clockRuns ? 'made' : late ? 'late' : deadline;
  const actions = actionsFor(referral.status);
  // Where both are offered, one line says how Acknowledge differs from Accept.
  const hintId = actions.includes('acknowledge') && actions.includes('accept') ? `inbox-${referral.id}-hint` : undefined;
  return (
    <article className={styles.row} data-deadline={edge} aria-labelledby={`inbox-${referral.id}`}>
      <div className={styles.main}>
        <p className={styles.head}>
          <span id={`inbox-${referral.id}`} className={styles.case}>
            <CaseNumber caseNumber={referral.caseNumber} caseId={referral.caseId} />
          </span>
          <PriorityChip level={referral.priority}>
            {intl.formatMessage(inboxMessages.priority, { level: referral.priority, priority: String(referral.priority) })}
          </PriorityChip>
          <StatusChip tone={toneOf('referral', referral.status)}>
            {referral.status === 'PENDING' ? intl.formatMessage(inboxMessages.statusPending) : nameOf(intl, referralStatusMessages, referral.status)}
          </StatusChip>
          {isNew ? <StatusChip tone="info">{intl.formatMessage(inboxMessages.newChip)}</StatusChip> : null}
        </p>
        <p className={styles.meta}>
          <span className={styles.profiles}>{intl.formatList(referral.profiles.map((profile) => nameOf(intl, profileMessages, profile)))}</span>
          <span className={styles.where}>
            <span>{intl.formatMessage(inboxMessages.from, { borderPoint: <bdi key="bp">{borderPointName ?? referral.borderPoint.code}</bdi> })}</span>
            <span>{intl.formatMessage(inboxMessages.role, { role: referral.role })}</span>
          </span>
        </p>
        <p className={styles.clock}>
          {clockRuns ? (
            <span className={late ? styles.overdue : styles.due}>
              {late ? <AlertIcon /> : null}
              <Countdown dueAt={referral.dueAt} />
            </span>
          ) : (
            <span className={styles.muted}>{intl.formatMessage(inboxMessages.firstContactMade)}</span>
          )}
          {referral.escalationLevel > 0 ? (
            <StatusChip tone="warning">{intl.formatMessage(inboxMessages.escalation, { level: referral.escalationLevel })}</StatusChip>
          ) : null}
          {referral.status === 'AWAITING_CONSENT' ? <span className={styles.muted}>{intl.formatMessage(inboxMessages.heldForConsent)}</span> : null}
        </p>
      </div>
      {actions.length > 0 ? (
        <div className={styles.actions} data-count={actions.length}>
          {actions.map((action, index) => (
            <Button
              key={action}
              variant={index === 0 ? 'primary' : action === 'decline' ? 'secondary' : 'quiet'}
              className={styles.action}
              data-action={action}
              isDisabled={busy}
              onPress={() => onAct(referral, action)}
              aria-label={intl.formatMessage(inboxMessages.actionLabel, { action, caseNumber: referral.caseNumber })}
              aria-describedby={hintId && (action === 'acknowledge' || action === 'accept') ? hintId : undefined}
            >
              {intl.formatMessage(ACTION_LABEL[action])}
            </Button>
          ))}
          {hintId ? (
            <p id={hintId} className={styles.actionsHint}>
              {intl.formatMessage(inboxMessages.actionsHint)}
            </p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
});

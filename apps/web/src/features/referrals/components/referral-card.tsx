import { Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { DueTime } from '../../../i18n/due-time';
import { nameOf, referralStatusMessages } from '../../../i18n/vocabulary';
import { Button } from '../../../ui/button';
import { AlertIcon } from '../../../ui/icons';
import { outcomeMessages, referralMessages } from '../messages';
import { Referral, sentOnTo, WITHDRAWABLE } from '../referrals-api';
import styles from './referral-card.module.css';
import { CaseNumber } from '../../../ui/case-number';
import { StatusChip, toneOf } from '../../../ui/status-chip';

interface Props {
  referral: Referral;
  /** The other referrals of the list, to say where a declined one went next. */
  all: readonly Referral[];
  /** Show the case number as a link (the sent-referrals list); the case page leaves it out. */
  showCase?: boolean;
  /** Offered when the user's border point sent it and it is still open. */
  onWithdraw?: (referral: Referral) => void;
}

/**
 * One referral and the loop back to the sender: agency and role, status, first-contact due time (relative
 * and absolute), overdue and escalation marks, and what the agency did.
 */
export function ReferralCard({ referral, all, showCase = false, onWithdraw }: Props) {
  const intl = useIntl();
  const open = WITHDRAWABLE.has(referral.status);
  return (
    <article className={styles.card} aria-labelledby={`referral-${referral.id}`}>
      <header className={styles.head}>
        <h3 id={`referral-${referral.id}`} className={styles.agency}>
          <bdi>{referral.agency.name}</bdi>
        </h3>
        <StatusChip tone={toneOf('referral', referral.status)}>{nameOf(intl, referralStatusMessages, referral.status)}</StatusChip>
      </header>
      <p className={styles.meta}>
        <span>{intl.formatMessage(referral.role === 'LEAD' ? referralMessages.roleLEAD : referralMessages.roleSUPPORTING)}</span>
        {referral.attempt > 1 ? <span>{intl.formatMessage(referralMessages.attempt, { attempt: referral.attempt })}</span> : null}
      </p>
      {showCase ? (
        <p>
          <Link to="/cases/$caseId" params={{ caseId: referral.caseId }} className={styles.caseLink}>
            {intl.formatMessage(referralMessages.caseLink, { caseNumber: <CaseNumber key="number" caseNumber={referral.caseNumber} /> })}
          </Link>
        </p>
      ) : null}
      {open && (referral.overdue || referral.escalationLevel > 0 || referral.status === 'AWAITING_CONSENT' || referral.status === 'PENDING') ? (
        <p className={styles.due}>
          {referral.overdue ? (
            <StatusChip tone="danger">
              <AlertIcon />
              {intl.formatMessage(referralMessages.overdue)}
            </StatusChip>
          ) : null}
          {referral.escalationLevel > 0 ? <StatusChip tone="warning">{intl.formatMessage(referralMessages.escalated, { level: referral.escalationLevel })}</StatusChip> : null}
          {referral.status === 'AWAITING_CONSENT' || referral.status === 'PENDING' ? (
            <span>{intl.formatMessage(referralMessages.due, { time: <DueTime key="due" intl={intl} at={referral.dueAt} /> })}</span>
          ) : null}
        </p>
      ) : null}
      <AgencyAction referral={referral} all={all} />
      {onWithdraw && open ? (
        <Button variant="quiet" className={styles.withdraw} onPress={() => onWithdraw(referral)} aria-label={intl.formatMessage(referralMessages.withdrawLabel, { agency: referral.agency.name })}>
          {intl.formatMessage(referralMessages.withdraw)}
        </Button>
      ) : null}
    </article>
  );
}

/** What the agency did, in words: the closed loop. */
export function AgencyAction({ referral, all }: { referral: Referral; all: readonly Referral[] }) {
  const intl = useIntl();
  const reason = referral.reason ? <bdi key="reason">{referral.reason}</bdi> : intl.formatMessage(referralMessages.noReason);
  switch (referral.status) {
    case 'AWAITING_CONSENT':
      return <p className={styles.action}>{intl.formatMessage(referralMessages.awaitingConsent)}</p>;
    case 'PENDING':
      return <p className={styles.action}>{intl.formatMessage(referralMessages.pending)}</p>;
    case 'ACKNOWLEDGED':
      return (
        <p className={styles.action}>
          {intl.formatMessage(referralMessages.acknowledged, {
            time: referral.acknowledgedAt ? <DueTime key="at" intl={intl} at={referral.acknowledgedAt} /> : '',
          })}
        </p>
      );
    case 'ACCEPTED':
      return <p className={styles.action}>{intl.formatMessage(referralMessages.accepted)}</p>;
    case 'IN_PROGRESS':
      return <p className={styles.action}>{intl.formatMessage(referralMessages.inProgress)}</p>;
    case 'SUSPENDED':
      return <p className={styles.action}>{intl.formatMessage(referralMessages.suspended)}</p>;
    case 'DECLINED': {
      const next = sentOnTo(referral, all);
      return (
        <div className={styles.action}>
          <p>{intl.formatMessage(referralMessages.declined, { reason })}</p>
          <p>
            {next
              ? intl.formatMessage(referralMessages.sentOnTo, { agency: <bdi key="next">{next.agency.name}</bdi> })
              : intl.formatMessage(referralMessages.notSentOn)}
          </p>
        </div>
      );
    }
    case 'COMPLETED':
      return (
        <div className={styles.action}>
          <p>{intl.formatMessage(referralMessages.completed, { outcome: nameOf(intl, outcomeMessages, referral.outcomeCode ?? '') })}</p>
          {referral.outcomeNote ? <p>{intl.formatMessage(referralMessages.outcomeNote, { note: <bdi key="note">{referral.outcomeNote}</bdi> })}</p> : null}
        </div>
      );
    case 'WITHDRAWN':
      return <p className={styles.action}>{intl.formatMessage(referralMessages.withdrawn, { reason })}</p>;
    default:
      return null;
  }
}

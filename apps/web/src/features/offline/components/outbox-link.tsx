import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { offlineMessages } from '../messages';
import { useOutboxItems } from '../offline-context';
import styles from './outbox-link.module.css';

/**
 * "Outbox" in the navigation, with a badge counting the records waiting to be sent. The link's name is its
 * visible word (what a voice-control user says to follow it); the count is its description.
 */
export function OutboxLink({ className }: { className?: string }) {
  const intl = useIntl();
  const countId = useId();
  const items = useOutboxItems();
  const pending = items.filter((item) => item.status === 'pending').length;
  const failed = items.filter((item) => item.status === 'failed').length;
  // The description is read from a hidden element (referenced descriptions are read even when hidden), so it
  // adds no box to the navigation's row.
  return (
    <Link to="/outbox" className={className} aria-describedby={countId}>
      {intl.formatMessage(offlineMessages.navOutbox)}
      {pending + failed > 0 ? (
        <span className={failed > 0 ? `${styles.badge} ${styles.failed}` : styles.badge} aria-hidden="true" data-testid="outbox-badge">
          {intl.formatNumber(pending + failed)}
        </span>
      ) : null}
      <span id={countId} hidden>
        {intl.formatMessage(offlineMessages.waiting, { count: pending + failed })}
      </span>
    </Link>
  );
}

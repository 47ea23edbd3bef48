import { Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { offlineMessages } from '../messages';
import { useOutboxItems } from '../offline-context';
import styles from './outbox-link.module.css';

/** "Outbox" in the navigation, with a badge counting the records waiting to be sent. */
export function OutboxLink({ className }: { className?: string }) {
  const intl = useIntl();
  const items = useOutboxItems();
  const pending = items.filter((item) => item.status === 'pending').length;
  const failed = items.filter((item) => item.status === 'failed').length;
  return (
    <Link to="/outbox" className={className} aria-label={intl.formatMessage(offlineMessages.badge, { count: pending + failed })}>
      {intl.formatMessage(offlineMessages.navOutbox)}
      {pending + failed > 0 ? (
        <span className={failed > 0 ? `${styles.badge} ${styles.failed}` : styles.badge} aria-hidden="true" data-testid="outbox-badge">
          {intl.formatNumber(pending + failed)}
        </span>
      ) : null}
    </Link>
  );
}

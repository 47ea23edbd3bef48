import { Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { adminMessages } from '../messages';
import { queueMessages } from '../queues-messages';
import styles from './admin.module.css';

/** The administration pages, one row of tabs under the main navigation. */
export function AdminNav() {
  const intl = useIntl();
  return (
    <nav aria-label={intl.formatMessage(adminMessages.navLabel)} className={styles.subnav}>
      <ul>
        <li>
          <Link to="/admin/users">{intl.formatMessage(adminMessages.navUsers)}</Link>
        </li>
        <li>
          <Link to="/admin/agencies">{intl.formatMessage(adminMessages.navAgencies)}</Link>
        </li>
        <li>
          <Link to="/admin/border-points">{intl.formatMessage(adminMessages.navBorderPoints)}</Link>
        </li>
        <li>
          <Link to="/admin/audit">{intl.formatMessage(adminMessages.navAudit)}</Link>
        </li>
        <li>
          <Link to="/admin/queues">{intl.formatMessage(queueMessages.nav)}</Link>
        </li>
      </ul>
    </nav>
  );
}

import { Link, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { adminMessages } from '../messages';
import { queueMessages } from '../queues-messages';
import styles from './admin.module.css';

/** The administration pages, one row of tabs under the main navigation; on a phone the open tab is scrolled into the row's view. */
export function AdminNav() {
  const intl = useIntl();
  const list = useRef<HTMLUListElement>(null);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  useEffect(() => {
    const strip = list.current;
    const active = strip?.querySelector<HTMLElement>('a[data-status="active"]');
    if (!strip || !active) return;
    // Only the strip scrolls (never the page): the open tab's centre to the strip's centre, in either direction.
    const stripBox = strip.getBoundingClientRect();
    const tabBox = active.getBoundingClientRect();
    strip.scrollLeft += tabBox.left + tabBox.width / 2 - (stripBox.left + stripBox.width / 2);
  }, [pathname]);
  return (
    <nav aria-label={intl.formatMessage(adminMessages.navLabel)} className={styles.subnav}>
      <ul ref={list}>
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

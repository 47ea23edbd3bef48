import { useMutation, useQuery } from '@tanstack/react-query';
import { createFileRoute, Link, Outlet, redirect, useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { can, meQuery } from '../../auth/me';
import { taskCountQuery } from '../../tasks/tasks-api';
import { AppHeader } from '../components/app-header';
import { IDLE_TIMINGS, IdleSignOut } from '../components/idle-sign-out';
import { shellMessages } from '../messages';
import styles from './signed-in.module.css';

/** Every page behind sign-in: the header, the navigation the user's roles allow, and the page. */
export const Route = createFileRoute('/_signed-in')({
  beforeLoad: ({ context, location }) => {
    if (!context.session.username) throw redirect({ to: '/sign-in', search: { next: location.href === '/' ? undefined : location.href } });
  },
  component: SignedInLayout,
});

declare global {
  interface Window {
    /** Browser tests shorten the idle sign-out here (set before the app starts); nothing else sets it. */
    kivukoIdleTimings?: { idleMs: number; warnMs: number };
  }
}

function SignedInLayout() {
  const intl = useIntl();
  const { session, api } = Route.useRouteContext();
  const navigate = useNavigate();
  const me = useQuery(meQuery(api));
  const readsCases = can(me.data, 'CASES_READ');
  const taskCount = useQuery({ ...taskCountQuery(api), enabled: readsCases });
  const sends = can(me.data, 'REFERRALS_READ') && (me.data?.borderPoints.length ?? 0) > 0;
  const signOut = useMutation({
    mutationFn: (reason: 'signed-out' | 'idle') => session.signOut(reason),
    onSettled: () => navigate({ to: '/sign-in' }),
  });

  return (
    <div className={styles.layout}>
      <a href="#main" className={styles.skip}>
        {intl.formatMessage(shellMessages.skipToContent)}
      </a>
      <AppHeader me={me.data} onSignOut={() => signOut.mutate('signed-out')} signingOut={signOut.isPending} />
      <nav aria-label={intl.formatMessage(shellMessages.mainNavigation)} className={styles.nav}>
        <ul>
          <li>
            <Link to="/" className={styles.navLink} activeOptions={{ exact: true, includeSearch: false }}>
              {intl.formatMessage(readsCases ? shellMessages.navCases : shellMessages.navAccount)}
            </Link>
          </li>
          {readsCases ? (
            <li>
              <Link to="/tasks" className={styles.navLink}>
                {intl.formatMessage(shellMessages.navTasks)}
                {taskCount.data && taskCount.data.count > 0 ? (
                  <>
                    <span className={styles.badge} aria-hidden="true">
                      {intl.formatMessage(shellMessages.navTaskBadge, { count: taskCount.data.more ? 99 : taskCount.data.count, more: String(taskCount.data.more) })}
                    </span>
                    <span className={styles.visuallyHidden}>
                      {intl.formatMessage(shellMessages.navTaskCount, { count: taskCount.data.count, more: String(taskCount.data.more) })}
                    </span>
                  </>
                ) : null}
              </Link>
            </li>
          ) : null}
          {sends ? (
            <li>
              <Link to="/referrals/sent" className={styles.navLink}>
                {intl.formatMessage(shellMessages.navSentReferrals)}
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <main id="main" className={styles.main} tabIndex={-1}>
        <Outlet />
      </main>
      <IdleSignOut onIdle={() => signOut.mutate('idle')} {...(window.kivukoIdleTimings ?? IDLE_TIMINGS)} />
    </div>
  );
}

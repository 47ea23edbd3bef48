import { useMutation, useQuery } from '@tanstack/react-query';
import { createFileRoute, Link, Outlet, redirect, useNavigate } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { can, meQuery } from '../../auth/me';
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
            <Link to="/" className={styles.navLink} activeOptions={{ exact: true }}>
              {intl.formatMessage(can(me.data, 'CASES_READ') ? shellMessages.navCases : shellMessages.navAccount)}
            </Link>
          </li>
          {can(me.data, 'INTAKE_REGISTER') ? (
            <li>
              <Link to="/intake/new" className={styles.navLink}>
                {intl.formatMessage(shellMessages.navRegister)}
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

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute, Link, Outlet, redirect, useNavigate, useRouterState } from '@tanstack/react-router';
import { RefObject, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Alert } from '../../../ui/alert';
import { can, meQuery } from '../../auth/me';
import { ConfirmDialog } from '../../offline/components/confirm-dialog';
import { OutboxLink } from '../../offline/components/outbox-link';
import { UnlockDialog } from '../../offline/components/unlock-dialog';
import { offlineMessages } from '../../offline/messages';
import { useOfflineWarmUp } from '../../offline/warm-up';
import { useOffline, useOnline, useOutboxItems, useVault } from '../../offline/offline-context';
import { inboxCountQuery } from '../../inbox/inbox-api';
import { taskCountQuery } from '../../tasks/tasks-api';
import { isLeafletLanguage } from '../../rights/rights-api';
import { AppHeader } from '../components/app-header';
import { IDLE_TIMINGS, IdleSignOut } from '../components/idle-sign-out';
import { shellMessages } from '../messages';
import styles from './signed-in.module.css';

/** Every page behind sign-in: the header, the navigation the user's roles allow, and the page. */
export const Route = createFileRoute('/_signed-in')({
  beforeLoad: ({ context, location }) => {
    const next = location.href === '/' ? undefined : location.href;
    if (!context.session.username) throw redirect({ to: '/sign-in', search: { next } });
    // Signed in with a password someone else chose: nothing else opens before it is changed.
    if (context.session.passwordChangeRequired) throw redirect({ to: '/password', search: { next } });
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
  const offline = useOffline();
  const online = useOnline();
  const vault = useVault();
  const outboxItems = useOutboxItems();
  const queryClient = useQueryClient();
  const [unsentAtSignOut, setUnsentAtSignOut] = useState<number | null>(null);
  // Unlocked after a reload: the sealed copy of /me can answer now when there is no network.
  useEffect(() => {
    if (vault.username) void queryClient.invalidateQueries({ queryKey: ['me'] });
  }, [vault.username, queryClient]);
  const readsCases = can(me.data, 'CASES_READ');
  // What registering needs with no network (questionnaire, leaflets) is read while the link is up.
  useOfflineWarmUp(api, can(me.data, 'INTAKE_REGISTER'));
  const taskCount = useQuery({ ...taskCountQuery(api), enabled: readsCases });
  const worksReferrals = can(me.data, 'REFERRALS_WORK');
  const inboxCount = useQuery({ ...inboxCountQuery(api), enabled: worksReferrals });
  const sends = can(me.data, 'REFERRALS_READ') && (me.data?.borderPoints.length ?? 0) > 0;
  const signOut = useMutation({
    // Sent records leave the device with the session; unsent ones stay sealed for their owner's next sign-in.
    mutationFn: async (reason: 'signed-out' | 'idle') => {
      const username = session.username;
      const unsent = username ? await offline.outbox.unsentCount(username).catch(() => 0) : 0;
      offline.noteSignOut(username && unsent > 0 ? { username, unsent } : null);
      await offline.outbox.forgetSent().catch(() => undefined);
      offline.vault.lock();
      await session.signOut(reason);
    },
    onSettled: () => navigate({ to: '/sign-in' }),
  });
  /** The header's sign-out: a warning first when records have not reached the server. */
  const requestSignOut = async () => {
    const unsent = session.username ? await offline.outbox.unsentCount(session.username).catch(() => 0) : 0;
    if (unsent > 0) setUnsentAtSignOut(unsent);
    else signOut.mutate('signed-out');
  };

  // On a narrow screen the navigation scrolls sideways: keep the current page's entry in view, also once the
  // entries the user's roles allow have arrived (none before /me answers) and the badges have widened them.
  const navRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const entries = [me.data?.permissions.join(' '), taskCount.data?.count, inboxCount.data?.count].join('|');
  useEffect(() => {
    navRef.current?.querySelector('[data-status="active"]')?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [pathname, entries]);
  const more = useScrollEdges(listRef, entries);

  return (
    <div className={styles.layout}>
      <a href="#main" className={styles.skip}>
        {intl.formatMessage(shellMessages.skipToContent)}
      </a>
      <AppHeader me={me.data} onSignOut={() => void requestSignOut()} signingOut={signOut.isPending} />
      <nav
        ref={navRef}
        aria-label={intl.formatMessage(shellMessages.mainNavigation)}
        className={styles.nav}
        data-more-start={more.start || undefined}
        data-more-end={more.end || undefined}
      >
        <ul ref={listRef}>
          <li>
            <Link to="/" className={styles.navLink} activeOptions={{ exact: true, includeSearch: false }}>
              {intl.formatMessage(readsCases ? shellMessages.navCases : shellMessages.navAccount)}
            </Link>
          </li>
          {worksReferrals ? (
            <li>
              <Link to="/referrals/inbox" className={styles.navLink}>
                {intl.formatMessage(shellMessages.navInbox)}
                {inboxCount.data && inboxCount.data.count > 0 ? (
                  <>
                    <span className={styles.badge} aria-hidden="true">
                      {intl.formatMessage(shellMessages.navTaskBadge, { count: inboxCount.data.more ? 99 : inboxCount.data.count, more: String(inboxCount.data.more) })}
                    </span>
                    <span className={styles.visuallyHidden}>
                      {intl.formatMessage(shellMessages.navInboxCount, { count: inboxCount.data.count, more: String(inboxCount.data.more) })}
                    </span>
                  </>
                ) : null}
              </Link>
            </li>
          ) : null}
          {can(me.data, 'INTAKE_REGISTER') ? (
            <li>
              <Link to="/intake/new" className={styles.navLink}>
                {intl.formatMessage(shellMessages.navRegister)}
              </Link>
            </li>
          ) : null}
          {can(me.data, 'INTAKE_REGISTER') && (me.data?.borderPoints.length ?? 0) > 0 ? (
            <li>
              <Link to="/mass-arrival" className={styles.navLink}>
                {intl.formatMessage(shellMessages.navMassArrival)}
              </Link>
            </li>
          ) : null}
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
          {can(me.data, 'DASHBOARD_READ') ? (
            <li>
              <Link to="/dashboard" className={styles.navLink}>
                {intl.formatMessage(shellMessages.navDashboard)}
              </Link>
            </li>
          ) : null}
          {can(me.data, 'ENCOUNTERS_REVIEW') && (me.data?.borderPoints.length ?? 0) > 0 ? (
            <li>
              <Link to="/encounters" className={styles.navLink}>
                {intl.formatMessage(shellMessages.navEncounters)}
              </Link>
            </li>
          ) : null}
          {can(me.data, 'SAFEGUARD_REPORTS_READ') ? (
            <li>
              <Link to="/monitor" className={styles.navLink}>
                {intl.formatMessage(shellMessages.navMonitor)}
              </Link>
            </li>
          ) : null}
          {can(me.data, 'INTAKE_REGISTER') || can(me.data, 'CASES_READ') ? (
            <li>
              <Link to="/leaflets/$language" params={{ language: isLeafletLanguage(intl.locale) ? intl.locale : 'en' }} className={styles.navLink}>
                {intl.formatMessage(shellMessages.navLeaflet)}
              </Link>
            </li>
          ) : null}
          {can(me.data, 'REFERRALS_WORK') || can(me.data, 'WEBHOOKS_MANAGE') ? (
            <li>
              <Link to="/settings/notifications" className={styles.navLink}>
                {intl.formatMessage(shellMessages.navNotifications)}
              </Link>
            </li>
          ) : null}
          {can(me.data, 'SOP_READ') ? (
            <li>
              <Link to="/sops" className={styles.navLink}>
                {intl.formatMessage(shellMessages.navSops)}
              </Link>
            </li>
          ) : null}
          {can(me.data, 'USERS_MANAGE') ? (
            <li>
              <Link to="/admin" className={styles.navLink}>
                {intl.formatMessage(shellMessages.navAdmin)}
              </Link>
            </li>
          ) : null}
          {can(me.data, 'INTAKE_REGISTER') || can(me.data, 'INTAKE_UPDATE') || outboxItems.length > 0 ? (
            <li>
              <OutboxLink className={styles.navLink} />
            </li>
          ) : null}
        </ul>
      </nav>
      <main id="main" className={styles.main} tabIndex={-1}>
        {online ? null : (
          <div className={styles.offline}>
            <Alert tone="warning">{intl.formatMessage(offlineMessages.offlineNow)}</Alert>
          </div>
        )}
        <Outlet />
      </main>
      <IdleSignOut onIdle={() => signOut.mutate('idle')} {...(window.kivukoIdleTimings ?? IDLE_TIMINGS)} />
      <UnlockDialog session={session} />
      <ConfirmDialog
        isOpen={unsentAtSignOut !== null}
        title={intl.formatMessage(offlineMessages.signOutTitle)}
        body={intl.formatMessage(offlineMessages.signOutBody, { count: unsentAtSignOut ?? 0 })}
        confirm={intl.formatMessage(offlineMessages.signOutConfirm)}
        cancel={intl.formatMessage(offlineMessages.stay)}
        emphasis="cancel"
        onCancel={() => setUnsentAtSignOut(null)}
        onConfirm={() => {
          setUnsentAtSignOut(null);
          signOut.mutate('signed-out');
        }}
      />
    </div>
  );
}

/**
 * Whether the sideways-scrolling list has more beyond its start and its end edge (either writing direction:
 * scrollLeft runs negative in RTL), so the navigation can show a fade and a chevron there.
 */
function useScrollEdges(ref: RefObject<HTMLElement | null>, contents: unknown): { start: boolean; end: boolean } {
  const [edges, setEdges] = useState({ start: false, end: false });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const scrolled = Math.abs(element.scrollLeft);
      const start = scrolled > 1;
      const end = scrolled + element.clientWidth < element.scrollWidth - 1;
      setEdges((before) => (before.start === start && before.end === end ? before : { start, end }));
    };
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [ref, contents]);
  return edges;
}

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
import { NavEntry, navigationFor, showsOutbox } from '../navigation';
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
  const navContext = { me: me.data, outboxItems: outboxItems.length };
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
          {navigationFor(navContext).map((entry) => (
            <li key={`${entry.to} ${entry.label.id}`}>
              <NavLink entry={entry} count={entry.badge === 'inbox' ? inboxCount.data : entry.badge === 'tasks' ? taskCount.data : undefined} />
            </li>
          ))}
          {showsOutbox(navContext) ? (
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

/** One entry of the main navigation, with its count (open tasks, referrals awaiting an answer) when it has one. */
function NavLink({ entry, count }: { entry: NavEntry; count: { count: number; more: boolean } | undefined }) {
  const intl = useIntl();
  const content = (
    <>
      {intl.formatMessage(entry.label)}
      {count && count.count > 0 ? (
        <>
          <span className={styles.badge} aria-hidden="true">
            {intl.formatMessage(shellMessages.navTaskBadge, { count: count.more ? 99 : count.count, more: String(count.more) })}
          </span>
          <span className={styles.visuallyHidden}>
            {intl.formatMessage(entry.badge === 'inbox' ? shellMessages.navInboxCount : shellMessages.navTaskCount, { count: count.count, more: String(count.more) })}
          </span>
        </>
      ) : null}
    </>
  );
  if (entry.to === '/') {
    return (
      <Link to="/" className={styles.navLink} activeOptions={{ exact: true, includeSearch: false }}>
        {content}
      </Link>
    );
  }
  if (entry.to === '/leaflets/$language') {
    return (
      <Link to="/leaflets/$language" params={{ language: isLeafletLanguage(intl.locale) ? intl.locale : 'en' }} className={styles.navLink}>
        {content}
      </Link>
    );
  }
  return (
    <Link to={entry.to} className={styles.navLink}>
      {content}
    </Link>
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

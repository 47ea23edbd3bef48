import { MessageDescriptor } from 'react-intl';
import { can, Me } from '../auth/me';
import { shellMessages } from './messages';

/** Where an entry of the main navigation leads: a page of the route tree (the leaflet page takes its language). */
export type NavTarget =
  | '/'
  | '/referrals/inbox'
  | '/intake/new'
  | '/mass-arrival'
  | '/tasks'
  | '/referrals/sent'
  | '/dashboard'
  | '/encounters'
  | '/monitor'
  | '/leaflets/$language'
  | '/settings/notifications'
  | '/sops'
  | '/admin';

export interface NavEntry {
  to: NavTarget;
  label: MessageDescriptor;
  /** The count shown beside the entry, when it has one. */
  badge?: 'inbox' | 'tasks';
}

/** What the user has and holds: whether each entry is theirs is decided from this alone. */
export interface NavContext {
  me: Me | undefined;
  /** Records of this device's outbox (unsent or kept): the outbox link stays for them after a role change. */
  outboxItems: number;
}

interface NavRule extends NavEntry {
  when: (context: NavContext) => boolean;
}

const atBorderPoint = (me: Me | undefined): boolean => (me?.borderPoints.length ?? 0) > 0;
const readsCases = ({ me }: NavContext): boolean => can(me, 'CASES_READ');

/** The main navigation, in its order: each entry with the permissions (and border points) that open it. */
const NAVIGATION: NavRule[] = [
  { to: '/', label: shellMessages.navCases, when: readsCases },
  { to: '/', label: shellMessages.navAccount, when: (context) => !readsCases(context) },
  { to: '/referrals/inbox', label: shellMessages.navInbox, badge: 'inbox', when: ({ me }) => can(me, 'REFERRALS_WORK') },
  { to: '/intake/new', label: shellMessages.navRegister, when: ({ me }) => can(me, 'INTAKE_REGISTER') },
  { to: '/mass-arrival', label: shellMessages.navMassArrival, when: ({ me }) => can(me, 'INTAKE_REGISTER') && atBorderPoint(me) },
  { to: '/tasks', label: shellMessages.navTasks, badge: 'tasks', when: readsCases },
  { to: '/referrals/sent', label: shellMessages.navSentReferrals, when: ({ me }) => can(me, 'REFERRALS_READ') && atBorderPoint(me) },
  { to: '/dashboard', label: shellMessages.navDashboard, when: ({ me }) => can(me, 'DASHBOARD_READ') },
  { to: '/encounters', label: shellMessages.navEncounters, when: ({ me }) => can(me, 'ENCOUNTERS_REVIEW') && atBorderPoint(me) },
  { to: '/monitor', label: shellMessages.navMonitor, when: ({ me }) => can(me, 'SAFEGUARD_REPORTS_READ') },
  { to: '/leaflets/$language', label: shellMessages.navLeaflet, when: ({ me }) => can(me, 'INTAKE_REGISTER') || can(me, 'CASES_READ') },
  { to: '/settings/notifications', label: shellMessages.navNotifications, when: ({ me }) => can(me, 'REFERRALS_WORK') || can(me, 'WEBHOOKS_MANAGE') },
  { to: '/sops', label: shellMessages.navSops, when: ({ me }) => can(me, 'SOP_READ') },
  { to: '/admin', label: shellMessages.navAdmin, when: ({ me }) => can(me, 'USERS_MANAGE') },
];

/** The entries of the main navigation this user sees, in order (the outbox link is decided by `showsOutbox`). */
export function navigationFor(context: NavContext): NavEntry[] {
  return NAVIGATION.filter((rule) => rule.when(context)).map(({ to, label, badge }) => (badge ? { to, label, badge } : { to, label }));
}

/** The outbox link: for those who register or update intakes, and for anyone whose device still holds records. */
export function showsOutbox({ me, outboxItems }: NavContext): boolean {
  return can(me, 'INTAKE_REGISTER') || can(me, 'INTAKE_UPDATE') || outboxItems > 0;
}

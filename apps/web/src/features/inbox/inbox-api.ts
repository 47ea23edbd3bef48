import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';
import type { Referral } from '../referrals/referrals-api';
import { InboxFilters, inboxParams } from './inbox-filters';

/** How often the inbox asks for new referrals while the tab is visible (TanStack Query pauses it when hidden). */
export const INBOX_POLL_MS = 20_000;

/** The page size the inbox reads (the api's largest). */
export const INBOX_PAGE = 100;

/** An agency as a decline's answer names it. */
export interface AgencyRef {
  id: string;
  name: string;
  kind: string;
}

/** A decline's answer: the declined referral and where the case went next. */
export interface DeclinedReferral extends Referral {
  next?: { agencies: AgencyRef[]; coordinatingBody: AgencyRef | null };
}

/**
 * The agency's queue as the api orders it (priority, then due time), open referrals unless a status is
 * asked for; read again every INBOX_POLL_MS while the tab is visible.
 */
export const inboxQuery = (api: ApiClient, filters: InboxFilters) =>
  infiniteQueryOptions({
    queryKey: ['referrals', 'inbox', filters],
    queryFn: ({ pageParam }) =>
      unwrap<{ items: Referral[]; nextCursor?: string }>(
        api.GET('/api/v1/referrals', { params: { query: { view: 'QUEUE', ...inboxParams(filters), limit: INBOX_PAGE, cursor: pageParam } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: INBOX_POLL_MS,
    refetchIntervalInBackground: false,
  });

/** The statuses that wait for the agency's answer (accept or decline). */
export const AWAITING_ANSWER = ['PENDING', 'ACKNOWLEDGED'] as const;

/**
 * How many referrals wait for the agency's answer (the navigation's badge): the first page of each status
 * that waits, so "100+" at most. Under the ['referrals'] key: an action in the inbox refreshes it.
 */
export const inboxCountQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: ['referrals', 'inbox-count'],
    queryFn: async () => {
      const pages = await Promise.all(
        AWAITING_ANSWER.map((status) =>
          unwrap<{ items: Referral[]; nextCursor?: string }>(api.GET('/api/v1/referrals', { params: { query: { view: 'QUEUE', status, limit: INBOX_PAGE } } })),
        ),
      );
      return { count: pages.reduce((sum, page) => sum + page.items.length, 0), more: pages.some((page) => Boolean(page.nextCursor)) };
    },
    staleTime: 30_000,
    refetchInterval: INBOX_POLL_MS * 3,
    refetchIntervalInBackground: false,
  });

/** What the receiving agency may do with a referral in each status (the api's transitions). */
export type InboxAction = 'acknowledge' | 'accept' | 'decline' | 'start' | 'complete';

/**
 * The first is the one primary action of the status. Accept before Decline, and Acknowledge ("seen,
 * deciding later") last; Complete stays open on an accepted referral (the api allows completing a
 * one-off service without starting), after Start work.
 */
const ACTIONS: Readonly<Record<string, readonly InboxAction[]>> = {
  PENDING: ['accept', 'decline', 'acknowledge'],
  ACKNOWLEDGED: ['accept', 'decline'],
  ACCEPTED: ['start', 'complete'],
  IN_PROGRESS: ['complete'],
};

/** The actions open on a referral in `status`, in the order they are offered (the first is the primary one). */
export const actionsFor = (status: string): readonly InboxAction[] => (Object.hasOwn(ACTIONS, status) ? ACTIONS[status] : undefined) ?? [];

/** The outcome codes a completion offers (each has a name in outcomeMessages). */
export const OUTCOMES = ['SERVICE_PROVIDED', 'SHELTERED_AND_ASSISTED', 'REFERRED_ONWARD', 'RECOGNISED_REFUGEE', 'NO_PROTECTION_NEEDS'] as const;

/** One action on a referral at the version read (a stale one is refused with 409). */
export function actOn(
  api: ApiClient,
  referral: Pick<Referral, 'id' | 'version'>,
  action: InboxAction,
  extra: { reason?: string; outcomeCode?: string; note?: string } = {},
): Promise<DeclinedReferral> {
  const init = { params: { path: { id: referral.id } }, body: { version: referral.version, ...extra } };
  switch (action) {
    case 'acknowledge':
      return unwrap<DeclinedReferral>(api.POST('/api/v1/referrals/{id}/acknowledge', init));
    case 'accept':
      return unwrap<DeclinedReferral>(api.POST('/api/v1/referrals/{id}/accept', init));
    case 'decline':
      return unwrap<DeclinedReferral>(api.POST('/api/v1/referrals/{id}/decline', init));
    case 'start':
      return unwrap<DeclinedReferral>(api.POST('/api/v1/referrals/{id}/start', init));
    case 'complete':
      return unwrap<DeclinedReferral>(api.POST('/api/v1/referrals/{id}/complete', init));
  }
}

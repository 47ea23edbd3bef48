import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';

/** Where a referral stands (the api's ReferralStatus). */
export const REFERRAL_STATUSES = ['AWAITING_CONSENT', 'PENDING', 'ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS', 'SUSPENDED', 'DECLINED', 'COMPLETED', 'WITHDRAWN'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The statuses from which the sending border point may withdraw a referral. */
export const WITHDRAWABLE: ReadonlySet<string> = new Set(['AWAITING_CONSENT', 'PENDING', 'ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS', 'SUSPENDED']);

/** One referral as GET /api/v1/referrals returns it (the document has no response schema for it yet). */
export interface Referral {
  id: string;
  caseId: string;
  caseNumber: string;
  agency: { id: string; name: string; kind: string };
  borderPoint: { id: string; code: string };
  role: 'LEAD' | 'SUPPORTING';
  profiles: string[];
  priority: number;
  status: string;
  dueAt: string;
  overdue: boolean;
  escalationLevel: number;
  attempt: number;
  previousReferralId: string | null;
  version: number;
  acknowledgedAt: string | null;
  outcomeCode: string | null;
  outcomeNote: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReferralPage {
  items: Referral[];
  nextCursor?: string;
}

/** The referrals sent from the user's border points, most urgent and soonest due first; every status unless one is asked for. */
export const sentReferralsQuery = (api: ApiClient, status?: ReferralStatus, narrow: { overdue?: true; agency?: string } = {}) =>
  infiniteQueryOptions({
    queryKey: ['referrals', 'sent', status ?? 'ALL', narrow.overdue ?? false, narrow.agency ?? 'ALL'],
    queryFn: ({ pageParam }) =>
      unwrap<ReferralPage>(
        api.GET('/api/v1/referrals', { params: { query: { view: 'SENT', status, overdue: narrow.overdue, agencyId: narrow.agency, limit: 50, cursor: pageParam } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });

/**
 * One case's referrals: those sent from the user's border points (every status), or for agency staff
 * their agency's open ones.
 */
export const caseReferralsQuery = (api: ApiClient, caseId: string, sent: boolean) =>
  queryOptions({
    queryKey: ['referrals', 'case', caseId, sent],
    queryFn: () => unwrap<ReferralPage>(api.GET('/api/v1/referrals', { params: { query: { view: sent ? 'SENT' : 'QUEUE', caseId, limit: 100 } } })),
  });

/** The referral a declined one was sent on to (the next agency in the SOP's fallback order), if any. */
export function sentOnTo(referral: Referral, all: readonly Referral[]): Referral | undefined {
  return all.find((other) => other.previousReferralId === referral.id);
}

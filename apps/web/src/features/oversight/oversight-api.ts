import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

/** GET /api/v1/dashboard (the document has no response schema for it yet). */
export interface Dashboard {
  /** Whose caseload: the caller's border points', or the cases the caller's agency holds. */
  scope: 'BORDER_POINTS' | 'AGENCY';
  asOf: string;
  caseload: { byStatus: Record<string, number>; byProfile: Record<string, number> };
  referrals: { overdue: number; awaitingConsent: number; open: number; overdueByAgency: { agencyId: string; agency: string; overdue: number }[] };
  tasks: { open: number; overdue: number };
  casesWithoutLead: number;
  detention: { open: number; reviewOverdue: number };
}

export const dashboardQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: ['dashboard'],
    queryFn: () => unwrap<Dashboard>(api.GET('/api/v1/dashboard')),
    staleTime: 30_000,
  });

/** One possible previous encounter as GET /api/v1/encounters lists it. */
export interface Encounter {
  id: string;
  caseId: string;
  caseNumber: string;
  matchedCaseId: string;
  matchedCaseNumber: string;
  score: number;
  reasons: MatchReason[];
  status: 'PENDING' | 'LINKED' | 'DISMISSED';
  foundAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

/** Why the matcher proposed the pair (libs/matching's MatchReason). */
export type MatchReason =
  /** The api never sends the number: only its last characters and its length (`detail` is "KIND COUNTRY •••••567"). */
  | { code: 'DOCUMENT_MATCH'; detail: string; kinds: string[]; country: string; numberEnding: string; numberLength: number }
  | { code: 'NAME_SIMILAR'; similarity: number }
  | { code: 'NAME_SAME_TOKENS_REORDERED' }
  | { code: 'DOB_WITHIN_ONE_YEAR'; days: number; estimated: boolean }
  | { code: 'DOB_MISMATCH'; days: number; estimated: boolean }
  | { code: 'NATIONALITY_SHARED'; value: string }
  | { code: 'NATIONALITY_DIFFERENT' };

export const encountersQuery = (api: ApiClient, status: Encounter['status']) =>
  infiniteQueryOptions({
    queryKey: ['encounters', status],
    queryFn: ({ pageParam }) =>
      unwrap<{ items: Encounter[]; nextCursor?: string }>(api.GET('/api/v1/encounters', { params: { query: { status, limit: 25, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });

/** One record of a possible encounter as the comparison shows it: identity fields only, document numbers masked. */
export type ComparedRecord = components['schemas']['ComparedRecordDto'];
export type EncounterComparison = components['schemas']['EncounterComparisonDto'];

/** GET /api/v1/encounters/:id/comparison: both records, the earlier one even outside the reader's border points. */
export const comparisonQuery = (api: ApiClient, encounterId: string) =>
  queryOptions({
    queryKey: ['encounters', 'comparison', encounterId],
    queryFn: () => unwrap<EncounterComparison>(api.GET('/api/v1/encounters/{encounterId}/comparison', { params: { path: { encounterId } } })),
  });

export type MonitorReport = 'detentions' | 'safeguard-events' | 'overdue-referrals';

export interface MonitoredDetention {
  episodeId: string;
  caseNumber: string;
  borderPoint: string;
  detainingAgency: string;
  place: string;
  startedAt: string;
  nextReviewOn: string;
  reviewOverdue: boolean;
  endedAt: string | null;
  protectedGrounds: string[];
  childNow: boolean;
  override: { justification: string; at: string } | null;
  accessVisits: number;
}

export interface MonitoredSafeguardEvent {
  id: string;
  caseNumber: string;
  borderPoint: string;
  safeguard: string;
  outcome: 'BLOCKED' | 'OVERRIDDEN';
  attempted: string;
  reasons: string[];
  justification: string | null;
  agency: string;
  at: string;
}

export interface MonitoredReferral {
  referralId: string;
  caseNumber: string;
  borderPoint: string;
  agency: string;
  agencyKind: string;
  role: string;
  priority: number;
  status: string;
  dueAt: string;
  overdueSince: string;
  escalationLevel: number;
}

export interface ReportRows {
  detentions: MonitoredDetention;
  'safeguard-events': MonitoredSafeguardEvent;
  'overdue-referrals': MonitoredReferral;
}

/** A report's filters as they stand in the URL and as the api takes them. */
export interface ReportFilters {
  from?: string;
  to?: string;
  open?: true;
  outcome?: 'BLOCKED' | 'OVERRIDDEN';
  safeguard?: 'NON_REFOULEMENT' | 'DETENTION_GUARD' | 'NON_CRIMINALISATION' | 'AGE';
}

export const OUTCOMES = ['BLOCKED', 'OVERRIDDEN'] as const;
export const SAFEGUARDS = ['NON_REFOULEMENT', 'DETENTION_GUARD', 'NON_CRIMINALISATION', 'AGE'] as const;

type Page<T> = { items: T[]; nextCursor?: string };

/** One page of a report for its filters (the others are dropped, never sent). */
function fetchReport<R extends MonitorReport>(api: ApiClient, report: R, filters: ReportFilters, cursor: string | undefined): Promise<Page<ReportRows[R]>> {
  const common = { from: filters.from, to: filters.to, limit: REPORT_PAGE, cursor };
  switch (report) {
    case 'detentions':
      return unwrap(api.GET('/api/v1/monitor/detentions', { params: { query: { ...common, open: filters.open } } }));
    case 'safeguard-events':
      return unwrap(api.GET('/api/v1/monitor/safeguard-events', { params: { query: { ...common, outcome: filters.outcome, safeguard: filters.safeguard } } }));
    default:
      return unwrap(api.GET('/api/v1/monitor/overdue-referrals', { params: { query: common } }));
  }
}

/** The filters that apply to a report, as its query key and its CSV download name them. */
export function filtersFor(report: MonitorReport, filters: ReportFilters): ReportFilters {
  return {
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(report === 'detentions' && filters.open ? { open: true as const } : {}),
    ...(report === 'safeguard-events' && filters.outcome ? { outcome: filters.outcome } : {}),
    ...(report === 'safeguard-events' && filters.safeguard ? { safeguard: filters.safeguard } : {}),
  };
}

export const REPORT_PAGE = 100;

export const reportQuery = <R extends MonitorReport>(api: ApiClient, report: R, filters: ReportFilters) =>
  infiniteQueryOptions({
    queryKey: ['monitor', report, filtersFor(report, filters)],
    queryFn: ({ pageParam }) => fetchReport(api, report, filtersFor(report, filters), pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });

/** The whole report for its filters as the api's CSV file (codes, case numbers and dates; never a name). */
export async function downloadReportCsv(api: ApiClient, report: MonitorReport, filters: ReportFilters): Promise<{ text: string; filename: string }> {
  const query = { ...filtersFor(report, filters), format: 'csv' as const };
  const call =
    report === 'detentions'
      ? api.GET('/api/v1/monitor/detentions', { params: { query }, parseAs: 'text' })
      : report === 'safeguard-events'
        ? api.GET('/api/v1/monitor/safeguard-events', { params: { query }, parseAs: 'text' })
        : api.GET('/api/v1/monitor/overdue-referrals', { params: { query }, parseAs: 'text' });
  const result = await call;
  const text = await unwrap<string>(Promise.resolve(result));
  const disposition = result.response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `kivuko-${report}.csv`;
  return { text, filename };
}

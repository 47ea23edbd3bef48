import { queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';

/** A joint SOP version's lifecycle status. */
export type SopStatus = 'DRAFT' | 'ACTIVE' | 'RETIRED';

export interface AgencyRef {
  id: string;
  name: string;
}

export interface SopVersionRef {
  id: string;
  jurisdiction: string;
  label: string;
  status: SopStatus;
}

/** One version as GET /api/v1/sops lists it (the document has no response schema for it yet). */
export interface SopSummary extends SopVersionRef {
  title: string | null;
  effectiveFrom: string | null;
  createdAt: string;
  createdBy: string | null;
  activatedAt: string | null;
  activatedBy: string | null;
  retiredAt: string | null;
  signatories: AgencyRef[];
  approvals: { complete: boolean; approved: { agency: AgencyRef; approvedBy: string; approvedAt: string }[]; missing: AgencyRef[] };
}

export interface SopVersion extends SopSummary {
  document: unknown;
}

/** One change from GET /sops/{id}/diff, addressed by the path an author would edit. */
export interface SopChange {
  section: string;
  path: string;
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  before?: unknown;
  after?: unknown;
  description: string;
}

export interface SopDiff {
  from: SopVersionRef;
  to: SopVersionRef;
  changes: SopChange[];
}

export interface SimulatedReferral {
  target: string;
  agencyKind: string;
  service: string | null;
  role: 'LEAD' | 'SUPPORTING';
  /** Each profile served, with its first-contact deadline as an ISO 8601 duration (`PT24H`). */
  profiles: { profile: string; urgency: string; role: 'LEAD' | 'SUPPORTING'; firstContact: string }[];
  priority: string;
  dueAt: string;
  agency: string | null;
  alert: string | null;
}

export interface SimulatedOutcome {
  sopVersion: string;
  profiles: { profile: string; urgency: string }[];
  withheld: string[];
  heldBack: string[];
  referrals: SimulatedReferral[];
}

export interface CaseSimulation {
  /** A built-in sample's code (its title is said from it); null for a sample given to the api. */
  code: string | null;
  name: string;
  draft: SimulatedOutcome;
  active: SimulatedOutcome | null;
  differences: { path: string; change: string }[];
}

export interface SopSimulationView {
  source: 'SAMPLES';
  version: SopVersionRef;
  active: SopVersionRef | null;
  simulation: {
    draftVersion: string;
    activeVersion: string | null;
    now: string;
    cases: CaseSimulation[];
    summary: { cases: number; casesThatDiffer: number; draftReferrals: number; activeReferrals: number | null; draftWithoutAgency: number };
  };
}

/** Where one profile of a recent case is referred under one version. */
export interface SimulatedRoute {
  profile: string;
  role: 'LEAD' | 'SUPPORTING';
  agencyKind: string;
  service: string | null;
  agency: string | null;
  firstContact: string;
}

export interface SimulatedVersionOutcome {
  profiles: { profile: string; urgency: string }[];
  routes: SimulatedRoute[];
}

/** A person's age at arrival as the simulation gives it: a band, never the age or the date of birth. */
export type AgeBand = 'UNDER_12' | 'FROM_12_TO_17' | 'CHILD' | 'FROM_18_TO_59' | 'FROM_60' | 'UNKNOWN';

/** One recent case under both versions: its number, border point, age band, profiles and routes, nothing else about the person. */
export interface RecentCaseSimulation {
  caseNumber: string;
  borderPointCode: string;
  ageBand: AgeBand;
  active: SimulatedVersionOutcome | null;
  draft: SimulatedVersionOutcome;
  changedProfiles: string[];
  changed: boolean;
}

export interface ProfileSimulationSummary {
  profile: string;
  cases: number;
  changed: number;
  unchanged: number;
  agencyChanged: number;
}

export interface SopRecentSimulationView {
  source: 'RECENT';
  version: SopVersionRef;
  active: SopVersionRef | null;
  period: { days: number; from: string; to: string };
  limit: number;
  truncated: boolean;
  summary: { cases: number; changed: number; unchanged: number };
  profiles: ProfileSimulationSummary[];
  cases: RecentCaseSimulation[];
}

/** What the simulation runs on: the built-in samples, or the cases of the last `days` days. */
export type SimulationSource = { source: 'SAMPLES' } | { source: 'RECENT'; days: number };

/** What POST /sops/validate says about a valid document. */
export interface SopDocumentSummary {
  version: string;
  title: string | null;
  jurisdiction: { country: string; borderPoints: string[] };
  effectiveFrom: string;
  signatories: AgencyRef[];
  routing: { profiles: number; targets: number };
  escalationSteps: number;
  safeguardsOff: string[];
}

export const sopListQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: ['sops'],
    queryFn: () => unwrap<{ items: SopSummary[]; nextCursor?: string }>(api.GET('/api/v1/sops', { params: { query: { limit: 100 } } })),
  });

export const sopQuery = (api: ApiClient, id: string) =>
  queryOptions({
    queryKey: ['sops', id],
    queryFn: () => unwrap<SopVersion>(api.GET('/api/v1/sops/{id}', { params: { path: { id } } })),
  });

/** The jurisdiction's active version with its document (the editor starts from it); null when there is none. */
export const activeSopQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: ['sops', 'active'],
    queryFn: async () => {
      const page = await unwrap<{ items: SopSummary[] }>(api.GET('/api/v1/sops', { params: { query: { status: 'ACTIVE', limit: 1 } } }));
      const first = page.items[0];
      return first ? unwrap<SopVersion>(api.GET('/api/v1/sops/{id}', { params: { path: { id: first.id } } })) : null;
    },
  });

export const sopDiffQuery = (api: ApiClient, id: string, against?: string) =>
  queryOptions({
    queryKey: ['sops', id, 'diff', against ?? 'ACTIVE'],
    queryFn: () => unwrap<SopDiff>(api.GET('/api/v1/sops/{id}/diff', { params: { path: { id }, query: { against } } })),
  });

/** The built-in sample arrivals, or the recent cases (the newest 200), through this version and the active one. */
export const simulateSop = (api: ApiClient, id: string, on: SimulationSource) =>
  unwrap<SopSimulationView | SopRecentSimulationView>(
    api.POST('/api/v1/sops/{id}/simulate', { params: { path: { id } }, body: (on.source === 'RECENT' ? { source: 'RECENT', days: on.days, limit: RECENT_LIMIT } : {}) as never }),
  );

/** How many recent cases the page simulates at most (the api allows up to 1000). */
export const RECENT_LIMIT = 200;

export const validateSop = (api: ApiClient, document: unknown) =>
  unwrap<{ valid: true; summary: SopDocumentSummary }>(api.POST('/api/v1/sops/validate', { body: document as never }));

export const uploadSop = (api: ApiClient, document: unknown) => unwrap<SopVersion>(api.POST('/api/v1/sops', { body: document as never }));

export const approveSop = (api: ApiClient, id: string) => unwrap<SopVersion>(api.POST('/api/v1/sops/{id}/approve', { params: { path: { id } } }));

export const activateSop = (api: ApiClient, id: string) =>
  unwrap<SopVersion & { superseded: SopVersionRef | null }>(api.POST('/api/v1/sops/{id}/activate', { params: { path: { id } } }));

export const retireSop = (api: ApiClient, id: string) => unwrap<SopVersion>(api.POST('/api/v1/sops/{id}/retire', { params: { path: { id } } }));

import { queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';

/** GET /api/v1/cases/{id}/protection: each section only for readers whose agency may see its field group. */
export interface ProtectionRecords {
  asylumClaims?: AsylumClaim[];
  trafficking?: TraffickingRecord | null;
  guardians?: Guardian[];
  bestInterests?: BestInterests[];
  ageAssessments?: AgeAssessment[];
  familyTracing?: Tracing[];
  reunifications?: Reunification[];
  carePlacements?: CarePlacement[];
  removalOrders?: RemovalOrder[];
  voluntaryReturns?: VoluntaryReturn[];
  detentions?: Detention[];
  /** Field groups with records this reader may not see (named, never shown). */
  withheld: string[];
}

export interface AsylumClaim {
  id: string;
  reference: string;
  procedure: string;
  registeredOn: string;
  interviewDates: string[];
  decision: string | null;
  decidedOn: string | null;
  appealLodgedOn: string | null;
  appealOutcome: string | null;
  withdrawnOn: string | null;
  version: number;
}

export const TRAFFICKING_STATUSES = ['POTENTIAL', 'PRESUMED', 'IDENTIFIED', 'NOT_IDENTIFIED'] as const;
export type TraffickingStatus = (typeof TRAFFICKING_STATUSES)[number];

/** Where an identification may go from each status (the api's rule: IDENTIFIED is final). */
export const NEXT_STATUS: Readonly<Record<TraffickingStatus | 'NONE', readonly TraffickingStatus[]>> = {
  NONE: ['POTENTIAL', 'PRESUMED', 'IDENTIFIED', 'NOT_IDENTIFIED'],
  POTENTIAL: ['PRESUMED', 'NOT_IDENTIFIED'],
  PRESUMED: ['IDENTIFIED', 'NOT_IDENTIFIED'],
  IDENTIFIED: [],
  NOT_IDENTIFIED: ['PRESUMED'],
};

export interface TraffickingRecord {
  id: string;
  status: TraffickingStatus;
  /** `endsOn` is the first day after the period (exclusive). */
  reflectionPeriod: { startsOn: string; endsOn: string; endedOn: string | null; running: boolean } | null;
  residencePermit: { reference: string; grantedOn: string; expiresOn: string | null } | null;
  assistance: { kind: string; providedOn: string; provider: string }[];
  version: number;
}

export const ASSISTANCE_KINDS = ['SHELTER', 'MEDICAL', 'PSYCHOSOCIAL', 'LEGAL', 'INTERPRETATION', 'FINANCIAL', 'EDUCATION', 'VOCATIONAL', 'REINTEGRATION'] as const;

export interface Guardian {
  id: string;
  guardianName: string;
  organisation: string | null;
  appointedOn: string;
}

export const BID_DECISIONS = ['RETURN_TO_COUNTRY_OF_ORIGIN', 'FAMILY_REUNIFICATION_ABROAD', 'LOCAL_INTEGRATION', 'RESETTLEMENT', 'ALTERNATIVE_CARE'] as const;

export interface BestInterests {
  id: string;
  kind: 'BIA' | 'BID';
  openedOn: string;
  completedOn: string | null;
  panelMembers: string[];
  decision: string | null;
  reasons: string | null;
  version: number;
}

export interface AgeAssessment {
  id: string;
  seriousDoubt: string;
  requestedOn: string;
  method: string | null;
  completedOn: string | null;
  ageRange: { minimum: number; maximum: number } | null;
  version: number;
}

export interface RemovalOrder {
  id: string;
  decidedOn: string;
  legalBasis: string;
  destinationCountry: string;
  status: 'ORDERED' | 'EXECUTED' | 'CANCELLED';
  executedAt: string | null;
  cancelledOn: string | null;
  version: number;
}

export interface Tracing {
  id: string;
  soughtRelatives: { relationship: string; name?: string; lastKnownLocation?: string }[];
  status: 'OPEN' | 'LOCATED' | 'NOT_FOUND' | 'STOPPED';
  version: number;
}

export interface Reunification {
  id: string;
  relative: { relationship: string; name: string; country: string };
  status: 'PROPOSED' | 'REUNIFIED' | 'NOT_IN_BEST_INTERESTS' | 'WITHDRAWN';
  version: number;
}

export interface CarePlacement {
  id: string;
  kind: string;
  provider: string;
  startedOn: string;
  endedOn: string | null;
}

export interface Detention {
  id: string;
  place: string;
  legalBasis: string;
  startedAt: string;
  nextReviewOn: string;
  reviewOverdue: boolean;
  endedAt: string | null;
  protectedGrounds: string[];
  override: { justification: string } | null;
  reviews: { reviewedOn: string; outcome: string; nextReviewOn: string | null }[];
  access: { visitorKind: string; organisation: string; visitedAt: string; granted: boolean }[];
}

export interface VoluntaryReturn {
  id: string;
  requestedOn: string;
  destinationCountry: string;
  status: 'REQUESTED' | 'CONFIRMED' | 'DEPARTED' | 'WITHDRAWN';
  counsellingSessions: { heldOn: string }[];
  voluntarinessConfirmedOn: string | null;
}

export interface SafeguardReason {
  code: string;
  text: string;
}

/** GET /api/v1/cases/{id}/safeguards: what the safeguards refuse now, named as far as the reader may know. */
export interface SafeguardStatus {
  removal: { allowed: boolean; reasons: SafeguardReason[] };
  voluntaryReturn: { allowed: boolean; reasons: SafeguardReason[] };
  detention: { guardEnabled: boolean; protectedGrounds: SafeguardReason[] };
}

export const protectionQuery = (api: ApiClient, caseId: string) =>
  queryOptions({
    queryKey: ['protection', caseId],
    queryFn: () => unwrap<ProtectionRecords>(api.GET('/api/v1/cases/{id}/protection', { params: { path: { id: caseId } } })),
  });

export const safeguardsQuery = (api: ApiClient, caseId: string) =>
  queryOptions({
    queryKey: ['protection', caseId, 'safeguards'],
    queryFn: () => unwrap<SafeguardStatus>(api.GET('/api/v1/cases/{id}/safeguards', { params: { path: { id: caseId } } })),
  });

/**
 * Which records an agency of this kind writes (the api's mandates, libs/casework record-support.ts): the page
 * offers only these forms; the api still decides (RECORD.NOT_YOUR_MANDATE).
 */
export type Mandate = 'asylum' | 'trafficking' | 'children' | 'detention' | 'removal' | 'voluntaryReturn';

const MANDATE_KINDS: Readonly<Record<Mandate, readonly string[]>> = {
  asylum: ['ASYLUM_AUTHORITY'],
  trafficking: ['ANTI_TRAFFICKING'],
  children: ['CHILD_PROTECTION'],
  detention: ['BORDER_AUTHORITY', 'IMMIGRATION'],
  removal: ['IMMIGRATION'],
  // The api also asks for the VOLUNTARY_RETURN service, which GET /me does not carry: it refuses the others.
  voluntaryReturn: ['INTERNATIONAL_ORGANIZATION'],
};

export function mandatesOf(agencyKind: string | undefined, mayWrite: boolean): Set<Mandate> {
  if (!agencyKind || !mayWrite) return new Set();
  return new Set((Object.keys(MANDATE_KINDS) as Mandate[]).filter((mandate) => MANDATE_KINDS[mandate].includes(agencyKind)));
}

/** YYYY-MM-DD of a day, in UTC (the records' dates are calendar days). */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** Whole days from `today` to `day` (both YYYY-MM-DD); negative when `day` is past. */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The last day of a period whose `endsOn` is exclusive. */
export function lastDayOf(endsOn: string): string {
  return dayOf(new Date(Date.parse(`${endsOn}T00:00:00Z`) - 86_400_000));
}

/** The HTCDS row as a CSV file (header and one row), for the download. */
export function htcdsCsv(fields: readonly string[], row: Readonly<Record<string, unknown>>): string {
  const cell = (value: unknown): string => {
    const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(';') : String(value);
    return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${fields.map(cell).join(',')}\r\n${fields.map((field) => cell(row[field])).join(',')}\r\n`;
}

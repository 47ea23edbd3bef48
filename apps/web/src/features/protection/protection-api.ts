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
  access: { visitorKind: string; organisation: string; visitedAt: string; granted: boolean; refusalReason?: string | null }[];
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

// ——— Follow-up steps of the records (the api's rules, so that the page offers only a step the record allows) ———

/** What the protection view also carries for these records (merged into the interfaces above). */
export interface Detention {
  endReason: string | null;
}
export interface Tracing {
  stopReason: string | null;
  concludedOn: string | null;
}
export interface Reunification {
  abroad: boolean;
  relationshipVerified: boolean;
  childConsent: boolean;
  tracingId: string | null;
  outcomeOn: string | null;
}
export interface CarePlacement {
  endReason: string | null;
}

/** Who may be logged as visiting a detained person (the api's DetentionAccessDto). */
export const VISITOR_KINDS = ['UNHCR', 'LEGAL_REPRESENTATIVE', 'NGO', 'FAMILY', 'CONSULAR'] as const;
/** How an age was assessed (CompleteAgeAssessmentDto). */
export const AGE_METHODS = ['DOCUMENTARY', 'PSYCHOSOCIAL_INTERVIEW', 'MULTIDISCIPLINARY', 'MEDICAL'] as const;
/** The age from which a range is wholly adult (and the child profiles are removed). */
export const ADULT_AGE = 18;
export const REUNIFICATION_OUTCOMES = ['REUNIFIED', 'NOT_IN_BEST_INTERESTS', 'WITHDRAWN'] as const;
export type ReunificationOutcome = (typeof REUNIFICATION_OUTCOMES)[number];

/** Agencies that log access to a detained person: the detaining authorities, and UNHCR-type organisations and NGOs that visit. */
const ACCESS_KINDS: readonly string[] = ['BORDER_AUTHORITY', 'IMMIGRATION', 'INTERNATIONAL_ORGANIZATION', 'NGO'];
export const mayLogAccess = (agencyKind: string | undefined, mayWrite: boolean): boolean => mayWrite && agencyKind !== undefined && ACCESS_KINDS.includes(agencyKind);

/** The steps an episode allows: review and end while it is open (DETENTION.ENDED otherwise); access is logged on any episode. */
export function detentionSteps(episode: Pick<Detention, 'endedAt'>, may: { detain: boolean; access: boolean }): { review: boolean; end: boolean; access: boolean } {
  const open = episode.endedAt === null;
  return { review: may.detain && open, end: may.detain && open, access: may.access };
}

/** Stopping and concluding are for a tracing still open (TRACING.CLOSED otherwise). */
export const tracingSteps = (tracing: Pick<Tracing, 'status'>, mandate: boolean): { stop: boolean; outcome: boolean } => {
  const open = mandate && tracing.status === 'OPEN';
  return { stop: open, outcome: open };
};

/** Once a tracing is stopped as endangering, no new tracing can start (TRACING.ENDANGERS). */
export const tracingEndangers = (tracing: readonly Pick<Tracing, 'status'>[]): boolean => tracing.some((t) => t.status === 'STOPPED');

/**
 * What missing step holds back a reunion (REUNIFICATION.NOT_READY / NO_BID): a verified relationship, the child's
 * consent, and for a reunion abroad a completed determination (BID) that decided for it.
 */
export function reunionMissing(reunification: Pick<Reunification, 'relationshipVerified' | 'childConsent' | 'abroad'>, procedures: readonly BestInterests[]): ('VERIFIED' | 'CONSENT' | 'BID')[] {
  const latestBid = procedures.filter((p) => p.kind === 'BID' && p.completedOn).sort((a, b) => ((a.completedOn ?? '') < (b.completedOn ?? '') ? 1 : -1))[0];
  return [
    ...(reunification.relationshipVerified ? [] : (['VERIFIED'] as const)),
    ...(reunification.childConsent ? [] : (['CONSENT'] as const)),
    ...(reunification.abroad && !(latestBid && (latestBid.decision === 'FAMILY_REUNIFICATION_ABROAD' || latestBid.decision === 'RETURN_TO_COUNTRY_OF_ORIGIN')) ? (['BID'] as const) : []),
  ];
}

/** The outcomes a proposed reunification may get now (none once concluded: REUNIFICATION.CONCLUDED). */
export function reunificationOutcomes(reunification: Pick<Reunification, 'status' | 'relationshipVerified' | 'childConsent' | 'abroad'>, procedures: readonly BestInterests[]): ReunificationOutcome[] {
  if (reunification.status !== 'PROPOSED') return [];
  return REUNIFICATION_OUTCOMES.filter((outcome) => outcome !== 'REUNIFIED' || reunionMissing(reunification, procedures).length === 0);
}

/** The bad fields of a 400 by the path of the form field that shows each ("relative.country" shows under "relative.country", else under "relative"). */
export function problemPaths(fields: readonly { path: string }[], shown: readonly string[]): { placed: Set<string>; unplaced: string[] } {
  const placed = new Set<string>();
  const unplaced: string[] = [];
  for (const { path } of fields) {
    const control = [...shown].sort((a, b) => b.length - a.length).find((candidate) => path === candidate || path.startsWith(`${candidate}.`) || path.startsWith(`${candidate}[`));
    if (control) placed.add(control);
    else unplaced.push(path);
  }
  return { placed, unplaced };
}

/** A day and a local time of day (from the date and time inputs) as the instant the api records. */
export function instantOf(day: string, time: string): string {
  const at = new Date(`${day}T${time || '00:00'}`);
  return Number.isNaN(at.getTime()) ? `${day}T${time}` : at.toISOString();
}

/** The local time of day now, HH:MM, for a time input. */
export const timeOf = (at: Date): string => `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;

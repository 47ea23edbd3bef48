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

/* Follow-up steps of the removal, return, asylum and flag records (what the api enforces, for the forms offered next). */

export interface ProtectionRecords {
  /** The person's own withdrawal of the asylum wish, if recorded (never the words). */
  asylumWishWithdrawal?: AsylumWishWithdrawal | null;
  flags?: ProtectionFlag[];
}

export interface AsylumWishWithdrawal {
  id: string;
  withdrawnOn: string;
  interpreterUsed: boolean;
  language: string;
}

export interface RemovalOrder {
  cancelReason?: string | null;
}

export const VULNERABILITY_OUTCOMES = ['NO_CONCERN', 'CONCERN_ADDRESSED', 'REFER_FOR_PROTECTION'] as const;
export type VulnerabilityOutcome = (typeof VULNERABILITY_OUTCOMES)[number];

export interface VoluntaryReturn {
  vulnerabilityAssessment?: { assessedOn: string; outcome: VulnerabilityOutcome } | null;
  departedAt?: string | null;
  withdrawnOn?: string | null;
  withdrawalReason?: string | null;
  version?: number;
}

export interface SafeguardStatus {
  prosecution?: { nonCriminalisationEnabled: boolean; blockedOffences: string[] };
}

export const OFFENCES = ['IRREGULAR_ENTRY', 'IRREGULAR_STAY', 'USE_OF_FALSE_DOCUMENTS', 'UNAUTHORISED_WORK', 'OTHER'] as const;
export type Offence = (typeof OFFENCES)[number];

export interface ProtectionFlag {
  id: string;
  kind: 'REFOULEMENT_RISK' | 'PROSECUTION';
  offence: Offence | null;
  reason: string;
  open: boolean;
  openedAt: string;
  closedAt: string | null;
  closeReason: string | null;
  unrelatedOffenceFinding: { text: string } | null;
  agencyId: string;
}

/** The fewest characters of a supervisor's finding that an offence is unrelated to the trafficking (libs/safeguards MIN_FINDING). */
export const MIN_FINDING = 40;
/** The fewest characters of a reason the api accepts (closing a flag, cancelling an order, withdrawing a return). */
export const MIN_REASON = 5;

/** The agencies that raise (and close) prosecution flags; a refoulement-risk flag is raised by anyone writing records and closed by its agency or the asylum authority. */
const PROSECUTION_KINDS = ['BORDER_AUTHORITY', 'IMMIGRATION'];

/** What the reader may do with the case's flags, as the api allows it (it still decides). */
export function flagRights(agencyKind: string | undefined, mayWrite: boolean, mayOverride: boolean) {
  const prosecution = mayWrite && PROSECUTION_KINDS.includes(agencyKind ?? '');
  return {
    raise: mayWrite ? (prosecution ? (['REFOULEMENT_RISK', 'PROSECUTION'] as const) : (['REFOULEMENT_RISK'] as const)) : ([] as const),
    /** A supervisor's finding that an OTHER offence is unrelated to the trafficking (the non-criminalisation override). */
    override: prosecution && mayOverride,
    close: (flag: ProtectionFlag, agencyId: string | undefined): boolean =>
      mayWrite && flag.open && (flag.agencyId === agencyId || (flag.kind === 'PROSECUTION' ? prosecution : agencyKind === 'ASYLUM_AUTHORITY')),
  };
}

/** A flag refused for a presumed or identified victim of trafficking: final for a status offence, else a supervisor's written finding answers it. */
export function findingMayAnswer(details: Readonly<Record<string, unknown>>): boolean {
  return details['finding'] === 'FINDING_REQUIRED' || (Array.isArray(details['missing']) && details['missing'].includes('unrelatedOffenceFinding'));
}

/** The steps of an assisted voluntary return after the request, in the order they are taken. */
export const RETURN_STEPS = ['counselling', 'vulnerability', 'voluntariness', 'departure'] as const;
export type ReturnStep = (typeof RETURN_STEPS)[number];

/** Why a step cannot be taken yet (or any more). */
export type StepBlock = 'NOT_COUNSELLED' | 'NOT_CONFIRMED' | 'NOT_ASSESSED' | 'PROTECTION_CONCERN' | 'SAFEGUARD' | 'CLOSED';

export interface StepState {
  step: ReturnStep;
  /** done: on record (and may be recorded again while the return is under way); next: the one to take now; open: possible now; blocked: not yet possible, `why` says. */
  state: 'done' | 'next' | 'open' | 'blocked';
  why?: StepBlock;
  /** Whether the return agency may record this step now (counselling and the assessment again while the return is under way). */
  action: boolean;
}

/**
 * Where each step of a return stands, as the api enforces them: counselling and the vulnerability assessment
 * any time while the return is under way; voluntariness only after counselling; departure only once
 * voluntariness is confirmed, the assessment raised no protection concern, and no safeguard stops a return.
 */
export function returnSteps(r: VoluntaryReturn, lockClear: boolean): StepState[] {
  const underWay = r.status === 'REQUESTED' || r.status === 'CONFIRMED';
  const counselled = r.counsellingSessions.length > 0;
  const assessed = r.vulnerabilityAssessment ?? null;
  const confirmed = r.voluntarinessConfirmedOn !== null;
  const departed = r.status === 'DEPARTED';
  const raw: { step: ReturnStep; done: boolean; why?: StepBlock }[] = [
    { step: 'counselling', done: counselled },
    { step: 'vulnerability', done: assessed !== null },
    { step: 'voluntariness', done: confirmed, why: counselled ? undefined : 'NOT_COUNSELLED' },
    {
      step: 'departure',
      done: departed,
      why: !confirmed ? 'NOT_CONFIRMED' : !assessed ? 'NOT_ASSESSED' : assessed.outcome === 'REFER_FOR_PROTECTION' ? 'PROTECTION_CONCERN' : !lockClear ? 'SAFEGUARD' : undefined,
    },
  ];
  let nextGiven = false;
  const repeatable: readonly ReturnStep[] = ['counselling', 'vulnerability'];
  return raw.map(({ step, done, why }): StepState => {
    if (done) return { step, state: 'done', action: underWay && repeatable.includes(step) };
    if (!underWay) return { step, state: 'blocked', why: 'CLOSED', action: false };
    if (why) return { step, state: 'blocked', why, action: false };
    if (nextGiven) return { step, state: 'open', action: true };
    nextGiven = true;
    return { step, state: 'next', action: true };
  });
}

/**
 * The claim that may be withdrawn (the one in force), and whether a wish may be: it counts for the lock, no claim
 * answers for it, and the person has not withdrawn it already (the asylum-seeker profile keeps counting until it
 * is lifted; a wish expressed anew after a withdrawal is the api's to accept).
 */
export function asylumWithdrawals(claims: readonly AsylumClaim[], wishPending: boolean, wishWithdrawn: boolean) {
  const inForce = claims.find((c) => !c.withdrawnOn);
  return { claim: inForce ?? null, wish: !inForce && wishPending && !wishWithdrawn };
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

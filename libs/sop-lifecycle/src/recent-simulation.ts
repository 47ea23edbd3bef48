import { CaseFacts, deriveFacts, ProfileCode, profileOrder, Urgency } from '@kivuko/profiling';
import { AgencyKind, AgencyService, ReferralRole, SimulatedOutcome, simulateCase, SimulationAgency, Sop } from '@kivuko/sop';

/** One recent case as the simulation reads it: its number, where it arrived, its person's languages and its profiling facts. */
export interface RecentCaseInput {
  caseNumber: string;
  borderPointCode: string;
  region: string | null;
  languages: string[];
  facts: CaseFacts;
}

/** Where one profile of a case is referred under one version: the agency chosen, its role, and the first-contact deadline as a duration. */
export interface SimulatedRoute {
  profile: ProfileCode;
  role: ReferralRole;
  agencyKind: AgencyKind;
  service: AgencyService | null;
  /** The agency by name; null when none is left and the coordinating body would be alerted. */
  agency: string | null;
  /** An ISO 8601 duration (`PT24H`), counted as the SOP's `deadlinesFrom` says. */
  firstContact: string;
}

/** What one version makes of a case: its profiles and the routes of each. Nothing about the person. */
export interface SimulatedVersionOutcome {
  profiles: { profile: ProfileCode; urgency: Urgency }[];
  routes: SimulatedRoute[];
}

/**
 * The person's age at arrival as a band, never as a date or a number: enough for an SOP administrator to
 * see whether a change of lead agency reaches children or adults. CHILD: presumed under 18 (an
 * apparent-minority flag) without an age that says so; UNKNOWN: no age and no presumption.
 */
export const AGE_BANDS = ['UNDER_12', 'FROM_12_TO_17', 'CHILD', 'FROM_18_TO_59', 'FROM_60', 'UNKNOWN'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The band of the age that counts at arrival (the lowest the record supports, or an assessment's lowest age). */
export function ageBandOf(facts: CaseFacts): AgeBand {
  const derived = deriveFacts(facts, []);
  const { age, isChild } = derived;
  if (age === null) return isChild ? 'CHILD' : 'UNKNOWN';
  if (age < 12) return 'UNDER_12';
  if (age < 18) return 'FROM_12_TO_17';
  if (isChild) return 'CHILD';
  return age < 60 ? 'FROM_18_TO_59' : 'FROM_60';
}

/** One recent case under the active version and the new one: only what an SOP administrator may see. */
export interface RecentCaseSimulation {
  caseNumber: string;
  borderPointCode: string;
  ageBand: AgeBand;
  /** Null when the jurisdiction has no active version. */
  active: SimulatedVersionOutcome | null;
  draft: SimulatedVersionOutcome;
  /** The profiles whose routing (found or not, agency, role, deadline) differs between the two versions. */
  changedProfiles: ProfileCode[];
  changed: boolean;
}

/** Per profile, across the cases either version finds it in: how many would be routed differently, and how many to another agency. */
export interface ProfileSimulationSummary {
  profile: ProfileCode;
  cases: number;
  changed: number;
  unchanged: number;
  /** Of the changed, those whose agencies or roles change (not only the deadline). */
  agencyChanged: number;
}

/** The keys a case of the recent-cases simulation has, and nothing else: the specs hold the answer to them. */
export const RECENT_CASE_KEYS = ['caseNumber', 'borderPointCode', 'ageBand', 'active', 'draft', 'changedProfiles', 'changed'] as const;

function outcomeOf(outcome: SimulatedOutcome): SimulatedVersionOutcome {
  const routes = outcome.referrals.flatMap((referral) =>
    referral.profiles.map(
      (p): SimulatedRoute => ({ profile: p.profile, role: p.role, agencyKind: referral.agencyKind, service: referral.service, agency: referral.agency, firstContact: p.firstContact }),
    ),
  );
  routes.sort((a, b) => profileOrder(a.profile) - profileOrder(b.profile) || (a.role === b.role ? 0 : a.role === 'LEAD' ? -1 : 1) || `${a.agencyKind}/${a.service ?? ''}`.localeCompare(`${b.agencyKind}/${b.service ?? ''}`));
  return { profiles: outcome.profiles.map((p) => ({ profile: p.profile, urgency: p.urgency })), routes };
}

const routeKey = (r: SimulatedRoute, withDeadline: boolean): string => `${r.role}|${r.agencyKind}|${r.service ?? ''}|${r.agency ?? ''}${withDeadline ? `|${r.firstContact}` : ''}`;

function routesFor(outcome: SimulatedVersionOutcome, profile: ProfileCode, withDeadline: boolean): string {
  return outcome.routes
    .filter((r) => r.profile === profile)
    .map((r) => routeKey(r, withDeadline))
    .sort()
    .join(';');
}

const finds = (outcome: SimulatedVersionOutcome, profile: ProfileCode): boolean => outcome.profiles.some((p) => p.profile === profile);

function profilesOf(...outcomes: (SimulatedVersionOutcome | null)[]): ProfileCode[] {
  const all = new Set(outcomes.flatMap((o) => o?.profiles.map((p) => p.profile) ?? []));
  return [...all].sort((a, b) => profileOrder(a) - profileOrder(b));
}

/** Whether a profile is routed differently: found by one version only, or to other agencies, roles or deadlines. */
function differs(active: SimulatedVersionOutcome, draft: SimulatedVersionOutcome, profile: ProfileCode, withDeadline: boolean): boolean {
  return finds(active, profile) !== finds(draft, profile) || routesFor(active, profile, withDeadline) !== routesFor(draft, profile, withDeadline);
}

/**
 * Profiling, routing and agency choice of one recent case under the new version and the active one (each
 * with its own rules), reduced to what an SOP administrator may see: the case number, the border point,
 * profiles and routes, and the person's age band at arrival. The person's names, dates, answers and free
 * text never leave this function.
 */
export function simulateRecentCase(draft: Sop, active: Sop | null, input: RecentCaseInput, agencies: readonly SimulationAgency[], now: Date): RecentCaseSimulation {
  const sample = { name: input.caseNumber, borderPointCode: input.borderPointCode, region: input.region, languages: input.languages, facts: input.facts };
  const draftOutcome = outcomeOf(simulateCase(draft, sample, agencies, now));
  const activeOutcome = active && outcomeOf(simulateCase(active, sample, agencies, now));
  const changedProfiles = activeOutcome ? profilesOf(activeOutcome, draftOutcome).filter((p) => differs(activeOutcome, draftOutcome, p, true)) : [];
  return {
    caseNumber: input.caseNumber,
    borderPointCode: input.borderPointCode,
    ageBand: ageBandOf(input.facts),
    active: activeOutcome,
    draft: draftOutcome,
    changedProfiles,
    changed: changedProfiles.length > 0,
  };
}

/** Per profile (in the profiles' order), how many cases either version finds it in, and how many of them change. */
export function summariseByProfile(cases: readonly RecentCaseSimulation[]): ProfileSimulationSummary[] {
  const byProfile = new Map<ProfileCode, ProfileSimulationSummary>();
  for (const c of cases) {
    for (const profile of profilesOf(c.active, c.draft)) {
      const entry = byProfile.get(profile) ?? { profile, cases: 0, changed: 0, unchanged: 0, agencyChanged: 0 };
      entry.cases += 1;
      if (c.changedProfiles.includes(profile)) {
        entry.changed += 1;
        if (c.active && differs(c.active, c.draft, profile, false)) entry.agencyChanged += 1;
      } else entry.unchanged += 1;
      byProfile.set(profile, entry);
    }
  }
  return [...byProfile.values()].sort((a, b) => profileOrder(a.profile) - profileOrder(b.profile));
}

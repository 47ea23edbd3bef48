import { CaseFacts, ProfileCode, profileCase, Urgency } from '@kivuko/profiling';
import { AgencyCandidate, chooseAgency } from './agency-choice';
import { ConsentRequirement } from './consent';
import { ChangeEntry, diffJson } from './diff';
import { planReferrals } from './referral-plan';
import { Json, Sop } from './sop';
import { ActionCode, AgencyKind, AgencyService, FieldGroup, Priority, ReferralRole } from './vocabulary';

/** A sample intake for simulation: the profiling facts, and where and in which languages the person arrived. */
export interface SampleCase {
  /** A stable code for a built-in sample (its title is translated from it); absent for samples given in a request. */
  code?: string;
  name: string;
  borderPointCode: string;
  region?: string | null;
  languages?: string[];
  facts: CaseFacts;
}

export type SimulationAgency = AgencyCandidate & { kind: AgencyKind };

export interface SimulatedReferral {
  target: string;
  agencyKind: AgencyKind;
  service: AgencyService | null;
  role: ReferralRole;
  /** Each profile served, with the first-contact deadline the SOP sets for it as a duration (`PT24H`). */
  profiles: { profile: ProfileCode; urgency: Urgency; role: ReferralRole; firstContact: string }[];
  priority: Priority;
  dueAt: string;
  actions: { action: ActionCode; dueAt: string }[];
  fieldGroups: FieldGroup[];
  consent: ConsentRequirement[];
  /** The agency chosen, by name; null when none is left and the coordinating body is alerted. */
  agency: string | null;
  fallbacks: string[];
  alert: string | null;
}

export interface SimulatedOutcome {
  sopVersion: string;
  rulesVersion: string;
  profiles: { profile: ProfileCode; urgency: Urgency }[];
  /** Held back by the profiling principles (return while a protection profile applies). */
  withheld: ProfileCode[];
  /** Held back by routing. */
  heldBack: ProfileCode[];
  referrals: SimulatedReferral[];
}

export interface CaseSimulation {
  /** The built-in sample's code; null for a sample given in the request. */
  code: string | null;
  name: string;
  draft: SimulatedOutcome;
  active: SimulatedOutcome | null;
  /** From the active SOP's outcome to the draft's; empty when they agree (or there is no active SOP). */
  differences: Omit<ChangeEntry, 'section'>[];
}

export interface SopSimulation {
  draftVersion: string;
  activeVersion: string | null;
  now: string;
  cases: CaseSimulation[];
  summary: { cases: number; casesThatDiffer: number; draftReferrals: number; activeReferrals: number | null; draftWithoutAgency: number };
}

/** Profiling, routing and agency choice for one sample under one SOP; every suggested profile counts as confirmed. */
export function simulateCase(sop: Sop, sample: SampleCase, agencies: readonly SimulationAgency[], now: Date): SimulatedOutcome {
  const profiling = profileCase(sample.facts, sop.ruleSet);
  const plan = planReferrals(
    sop,
    {
      profiles: profiling.profiles.map((p) => ({ profile: p.profile, urgency: p.urgency })),
      context: {
        borderPointCode: sample.borderPointCode,
        region: sample.region ?? null,
        arrivedAt: sample.facts.arrival.arrivedAt,
        languages: sample.languages ?? [],
        isChild: profiling.derived.isChild,
      },
    },
    now,
  );
  return {
    sopVersion: sop.version,
    rulesVersion: sop.ruleSet.version,
    profiles: profiling.profiles.map((p) => ({ profile: p.profile, urgency: p.urgency })),
    withheld: profiling.withheld.map((w) => w.profile),
    heldBack: plan.heldBack.map((h) => h.profile),
    referrals: plan.referrals.map((referral) => {
      const choice = chooseAgency(sop, referral.agencyKind, referral.requirement, agencies.filter((a) => a.kind === referral.agencyKind));
      return {
        target: referral.target,
        agencyKind: referral.agencyKind,
        service: referral.service,
        role: referral.role,
        profiles: referral.profiles.map((p) => ({ ...p, firstContact: sop.routing[p.profile].firstContact[p.urgency] })),
        priority: referral.priority,
        dueAt: referral.dueAt,
        actions: referral.actions.map((a) => ({ action: a.action, dueAt: a.dueAt })),
        fieldGroups: referral.fieldGroups,
        consent: referral.consent,
        agency: choice.chosen?.name ?? null,
        fallbacks: choice.fallbacks.map((f) => f.name),
        alert: choice.alert && `${choice.alert.coordinatingBody} alerted: ${choice.alert.reason}`,
      };
    }),
  };
}

/** The part of an outcome worth comparing between two SOPs (the versions are reported once, at the top). */
function comparable(outcome: SimulatedOutcome): Json {
  const { sopVersion: _sop, rulesVersion: _rules, ...rest } = outcome;
  // A profile's first-contact duration shows as the referral's due time already: compared once, there.
  const referrals = rest.referrals.map((r) => ({ ...r, profiles: r.profiles.map(({ firstContact: _within, ...p }) => p) }));
  return JSON.parse(JSON.stringify({ ...rest, referrals })) as Json;
}

/**
 * Runs sample intakes through a draft SOP and, when given, the active one: profiles (each SOP's own
 * rules), referrals, deadlines, agencies and data shared, and per case what the draft changes. Each
 * sample is simulated on its own (no capacity is used up between samples); `now` is the planning time.
 */
export function simulateSop(draft: Sop, active: Sop | null, samples: readonly SampleCase[], agencies: readonly SimulationAgency[], now: Date): SopSimulation {
  const cases = samples.map((sample): CaseSimulation => {
    const draftOutcome = simulateCase(draft, sample, agencies, now);
    const activeOutcome = active && simulateCase(active, sample, agencies, now);
    return {
      code: sample.code ?? null,
      name: sample.name,
      draft: draftOutcome,
      active: activeOutcome,
      differences: activeOutcome ? diffJson(comparable(activeOutcome), comparable(draftOutcome)) : [],
    };
  });
  const count = (outcomes: (SimulatedOutcome | null)[]) => outcomes.reduce((n, o) => n + (o?.referrals.length ?? 0), 0);
  return {
    draftVersion: draft.version,
    activeVersion: active?.version ?? null,
    now: now.toISOString(),
    cases,
    summary: {
      cases: cases.length,
      casesThatDiffer: cases.filter((c) => c.differences.length > 0).length,
      draftReferrals: count(cases.map((c) => c.draft)),
      activeReferrals: active ? count(cases.map((c) => c.active)) : null,
      draftWithoutAgency: cases.reduce((n, c) => n + c.draft.referrals.filter((r) => r.agency === null).length, 0),
    },
  };
}

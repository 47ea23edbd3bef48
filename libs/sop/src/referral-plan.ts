import { isProtectionProfile, MIGRATION_PROFILES, moreUrgent, ProfileCode, profileOrder, Urgency } from '@kivuko/profiling';
import { ConsentRequirement, consentRequirements, SeparateConsent, separateConsents, sharedGroups } from './consent';
import { addDuration } from './duration';
import { RoutingTarget, Sop } from './sop';
import { targetKey } from './validation/routing-reader';
import {
  ActionCode,
  AGENCY_KINDS,
  AgencyKind,
  AgencyService,
  ConsentPurpose,
  FIELD_GROUPS,
  FieldGroup,
  higherPriority,
  LEGAL_BASES,
  Priority,
  PROHIBITION_CODES,
  ProhibitionCode,
  ReferralRole,
} from './vocabulary';

/** A profile the case may be referred for (confirmed, or urgent), with its urgency. */
export interface RoutableProfile {
  profile: ProfileCode;
  urgency: Urgency;
}

export interface CaseContext {
  borderPointCode: string;
  region?: string | null;
  /** ISO 8601 date-time with a time zone. */
  arrivedAt: string;
  /** ISO 639 codes, most preferred first. */
  languages: readonly string[];
  isChild: boolean;
}

export interface PlanInput {
  profiles: readonly RoutableProfile[];
  context: CaseContext;
}

/** What `chooseAgency` needs to pick one agency for a planned referral. */
export interface AgencyRequirement {
  borderPointCode: string;
  region: string | null;
  languages: string[];
  service: AgencyService | null;
}

export interface PlannedAction {
  action: ActionCode;
  dueAt: string;
  /** The profiles that ask for it (one action, however many profiles ask). */
  profiles: ProfileCode[];
  period?: string;
  consentPurpose?: ConsentPurpose;
  note?: string;
}

/** One referral of the case: to one target (a kind of agency, with the service the SOP names). */
export interface PlannedReferral {
  /** `NGO/SAFE_SHELTER`, `ASYLUM_AUTHORITY`: unique in the plan. */
  target: string;
  agencyKind: AgencyKind;
  service: AgencyService | null;
  /** LEAD when the target leads on any of its profiles. */
  role: ReferralRole;
  /** Every profile this target serves in the case, and its role for each. */
  profiles: { profile: ProfileCode; urgency: Urgency; role: ReferralRole }[];
  /** The highest priority, and the earliest due time, of its profiles. */
  priority: Priority;
  dueAt: string;
  actions: PlannedAction[];
  prohibitions: ProhibitionCode[];
  fieldGroups: FieldGroup[];
  /** What must be on record before the referral goes to the agency. */
  consent: ConsentRequirement[];
  /** Consent its actions need (family tracing), asked for separately: it holds those actions, never the referral. */
  separateConsent: SeparateConsent[];
  requirement: AgencyRequirement;
}

export interface ReferralPlan {
  sopVersion: string;
  rulesVersion: string;
  plannedAt: string;
  /** When the deadlines count from: the planning time, or the arrival, as the SOP says. */
  clockStart: string;
  referrals: PlannedReferral[];
  /** Profiles not routed, with why (return while a protection profile is open). */
  heldBack: { profile: ProfileCode; reason: string }[];
}

/** Whether the SOP governs a border point of a country (its jurisdiction, and its border points if it names any). */
export function sopAppliesTo(sop: Sop, where: { country: string; borderPointCode: string }): boolean {
  if (sop.jurisdiction.country !== where.country) return false;
  return sop.jurisdiction.borderPoints.length === 0 || sop.jurisdiction.borderPoints.includes(where.borderPointCode);
}

const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Where the SOP's referral deadlines count from: the planning moment (`now`) or the arrival, as `deadlinesFrom` says. */
function deadlineClockStart(sop: Sop, context: CaseContext, now: Date): Date {
  if (Number.isNaN(now.getTime())) throw new RangeError('now is not a valid date');
  if (sop.deadlinesFrom === 'REFERRAL') return now;
  const arrival = ZONED_DATE_TIME.test(context.arrivedAt) ? new Date(context.arrivedAt) : null;
  if (!arrival || Number.isNaN(arrival.getTime())) throw new RangeError(`context.arrivedAt "${context.arrivedAt}" is not an ISO 8601 date-time with a time zone`);
  return arrival;
}

/** When first contact is due on a referral for a profile at an urgency: the SOP's `firstContact` after the deadline clock's start. */
export function firstContactDue(sop: Sop, profile: ProfileCode, urgency: Urgency, clockStart: Date): Date {
  return addDuration(clockStart, sop.routing[profile].firstContact[urgency]);
}

/** When a task of the border point made at `from` is due, as the SOP's `borderPointTasks` say. */
export function borderPointTaskDue(sop: Sop, task: keyof Sop['borderPointTasks'], from: Date): Date {
  return addDuration(from, sop.borderPointTasks[task]);
}

/** One profile per code, at its most urgent, in the order of PROFILES. */
function distinctProfiles(profiles: readonly RoutableProfile[]): RoutableProfile[] {
  const byCode = new Map<ProfileCode, Urgency>();
  for (const { profile, urgency } of profiles) byCode.set(profile, moreUrgent(byCode.get(profile) ?? urgency, urgency));
  return [...byCode.entries()].sort(([a], [b]) => profileOrder(a) - profileOrder(b)).map(([profile, urgency]) => ({ profile, urgency }));
}

interface Draft {
  target: RoutingTarget;
  profiles: PlannedReferral['profiles'];
  priority: Priority;
  due: Date;
  actions: Map<ActionCode, { due: Date; profiles: ProfileCode[]; action: RoutingTarget['actions'][number] }>;
  prohibitions: Set<ProhibitionCode>;
}

/**
 * The referrals a case gets under the SOP: for each routable profile its lead and supporting targets,
 * one referral per target carrying every profile it serves, with the highest priority and earliest
 * deadlines among them. Pure and deterministic: the same SOP, input and `now` give the same plan,
 * whatever the order of the input profiles.
 */
export function planReferrals(sop: Sop, input: PlanInput, now: Date): ReferralPlan {
  const start = deadlineClockStart(sop, input.context, now);
  const profiles = distinctProfiles(input.profiles);
  const protection = profiles.filter((p) => isProtectionProfile(p.profile)).map((p) => p.profile);
  const heldBack: ReferralPlan['heldBack'] = [];
  const drafts = new Map<string, Draft>();

  for (const { profile, urgency } of profiles) {
    if (protection.length > 0 && MIGRATION_PROFILES.includes(profile)) {
      heldBack.push({ profile, reason: `no return or migration route while a protection profile is open (${protection.join(', ')}): non-refoulement` });
      continue;
    }
    const entry = sop.routing[profile];
    const due = firstContactDue(sop, profile, urgency, start);
    const priority = entry.priority[urgency];
    const targets: [RoutingTarget, ReferralRole][] = [[entry.lead, 'LEAD'], ...entry.supporting.map((t): [RoutingTarget, ReferralRole] => [t, 'SUPPORTING'])];
    for (const [target, role] of targets) {
      const key = targetKey(target);
      let draft = drafts.get(key);
      if (!draft) {
        draft = { target, profiles: [], priority, due, actions: new Map(), prohibitions: new Set() };
        drafts.set(key, draft);
      }
      draft.profiles.push({ profile, urgency, role });
      draft.priority = higherPriority(draft.priority, priority);
      if (due < draft.due) draft.due = due;
      entry.prohibitions.forEach((code) => draft.prohibitions.add(code));
      for (const action of target.actions) {
        const actionDue = addDuration(start, action.within);
        const planned = draft.actions.get(action.action);
        if (!planned) draft.actions.set(action.action, { due: actionDue, profiles: [profile], action });
        else {
          planned.profiles.push(profile);
          if (actionDue < planned.due) planned.due = actionDue;
        }
      }
    }
  }

  const referrals = [...drafts.entries()].map(([key, draft]) => toReferral(sop, key, draft, input.context));
  referrals.sort(compareReferrals);
  return {
    sopVersion: sop.version,
    rulesVersion: sop.ruleSet.version,
    plannedAt: now.toISOString(),
    clockStart: start.toISOString(),
    referrals,
    heldBack,
  };
}

function toReferral(sop: Sop, key: string, draft: Draft, context: CaseContext): PlannedReferral {
  const kind = draft.target.kind;
  const actions: PlannedAction[] = [...draft.actions.values()]
    .map(({ due, profiles, action }) => ({
      action: action.action,
      dueAt: due.toISOString(),
      profiles,
      ...(action.period && { period: action.period }),
      ...(action.consentPurpose && { consentPurpose: action.consentPurpose }),
      ...(action.note && { note: action.note }),
    }))
    .sort((a, b) => (a.dueAt === b.dueAt ? (a.action < b.action ? -1 : 1) : a.dueAt < b.dueAt ? -1 : 1));
  const subject = { recipient: kind, profiles: draft.profiles.map((p) => p.profile), isChild: context.isChild };
  return {
    target: key,
    agencyKind: kind,
    service: draft.target.service ?? null,
    role: draft.profiles.some((p) => p.role === 'LEAD') ? 'LEAD' : 'SUPPORTING',
    profiles: draft.profiles,
    priority: draft.priority,
    dueAt: draft.due.toISOString(),
    actions,
    prohibitions: PROHIBITION_CODES.filter((code) => draft.prohibitions.has(code)),
    fieldGroups: sharedGroups(sop, kind),
    consent: consentRequirements(sop, subject),
    separateConsent: separateConsents(sop, subject, actions),
    requirement: {
      borderPointCode: context.borderPointCode,
      region: context.region ?? null,
      languages: [...context.languages],
      service: draft.target.service ?? null,
    },
  };
}

/** Priority, then due time, then leads before supporting targets, then kind and service. */
function compareReferrals(a: PlannedReferral, b: PlannedReferral): number {
  if (a.priority !== b.priority) return a.priority < b.priority ? -1 : 1;
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
  if (a.role !== b.role) return a.role === 'LEAD' ? -1 : 1;
  const kinds = AGENCY_KINDS.indexOf(a.agencyKind) - AGENCY_KINDS.indexOf(b.agencyKind);
  if (kinds !== 0) return kinds;
  return (a.service ?? '') < (b.service ?? '') ? -1 : (a.service ?? '') > (b.service ?? '') ? 1 : 0;
}

/** One referral to one agency on which several planned targets landed, keeping each of them. */
export interface MergedReferral extends PlannedReferral {
  /** The targets it answers, leads first, then in plan order: each with its role, profiles and actions. */
  targets: { target: string; role: ReferralRole; profiles: ProfileCode[]; actions: ActionCode[] }[];
}

/**
 * Merges the planned referrals of targets that landed on one agency (a legal-aid NGO that is also the
 * rehabilitation centre) into one referral that keeps every reason: every target with its role, profiles
 * and actions; the strongest role (LEAD over SUPPORTING) and priority; the earliest due time; each action
 * once, at its earliest due time, for every profile that asks for it; every prohibition, shared group
 * and consent requirement. Its `target` and `requirement` are the strongest part's. Pure; the order of
 * the parts does not matter.
 */
export function mergePlannedReferrals(parts: readonly PlannedReferral[]): MergedReferral {
  if (parts.length === 0) throw new RangeError('nothing to merge');
  // The lead parts first: the merged referral answers, above all, for what the agency leads on.
  const ordered = [...new Map(parts.map((p) => [p.target, p])).values()].sort((a, b) => (a.role === b.role ? compareReferrals(a, b) : a.role === 'LEAD' ? -1 : 1));
  const [first] = ordered;
  const profiles = new Map<ProfileCode, PlannedReferral['profiles'][number]>();
  const actions = new Map<ActionCode, PlannedAction>();
  for (const part of ordered) {
    for (const p of part.profiles) {
      const seen = profiles.get(p.profile);
      profiles.set(p.profile, seen ? { profile: p.profile, urgency: moreUrgent(seen.urgency, p.urgency), role: seen.role === 'LEAD' ? 'LEAD' : p.role } : { ...p });
    }
    for (const a of part.actions) {
      const seen = actions.get(a.action);
      if (!seen) actions.set(a.action, { ...a, profiles: [...a.profiles] });
      else {
        seen.profiles = [...new Set([...seen.profiles, ...a.profiles])].sort((x, y) => profileOrder(x) - profileOrder(y));
        if (a.dueAt < seen.dueAt) seen.dueAt = a.dueAt;
      }
    }
  }
  const merged: MergedReferral = {
    ...first,
    role: ordered.some((p) => p.role === 'LEAD') ? 'LEAD' : 'SUPPORTING',
    profiles: [...profiles.values()].sort((a, b) => profileOrder(a.profile) - profileOrder(b.profile)),
    priority: ordered.map((p) => p.priority).reduce(higherPriority),
    dueAt: ordered.map((p) => p.dueAt).reduce((a, b) => (b < a ? b : a)),
    actions: [...actions.values()].sort((a, b) => (a.dueAt === b.dueAt ? (a.action < b.action ? -1 : 1) : a.dueAt < b.dueAt ? -1 : 1)),
    prohibitions: PROHIBITION_CODES.filter((code) => ordered.some((p) => p.prohibitions.includes(code))),
    fieldGroups: FIELD_GROUPS.filter((group) => ordered.some((p) => p.fieldGroups.includes(group))),
    consent: mergeConsent(ordered.map((p) => p.consent)),
    separateConsent: mergeConsent(ordered.map((p) => p.separateConsent)).map((c) => ({
      ...c,
      actions: [...new Set(ordered.flatMap((p) => p.separateConsent.filter((s) => s.purpose === c.purpose).flatMap((s) => s.actions)))],
    })),
    targets: ordered.map((p) => ({
      target: p.target,
      role: p.role,
      profiles: p.profiles.map((x) => x.profile),
      actions: p.actions.map((a) => a.action),
    })),
  };
  return merged;
}

/** One requirement per purpose: every field group that waits for it, every basis that may stand in. */
function mergeConsent(lists: readonly (readonly ConsentRequirement[])[]): ConsentRequirement[] {
  const byPurpose = new Map<ConsentRequirement['purpose'], ConsentRequirement[]>();
  for (const requirement of lists.flat()) byPurpose.set(requirement.purpose, [...(byPurpose.get(requirement.purpose) ?? []), requirement]);
  return [...byPurpose.entries()].map(([purpose, same]) => {
    const legalBases = LEGAL_BASES.filter((b) => same.some((r) => r.legalBases.includes(b)));
    return {
      purpose,
      fieldGroups: FIELD_GROUPS.filter((g) => same.some((r) => r.fieldGroups.includes(g))),
      legalBases,
      automaticBasis: legalBases.find((b) => same.some((r) => r.automaticBasis === b)) ?? null,
    };
  });
}

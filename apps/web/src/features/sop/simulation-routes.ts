import type { CaseSimulation, RecentCaseSimulation, SimulatedOutcome, SimulatedVersionOutcome } from './sop-api';

/** Where one profile's referral goes under one version: the agency (null: none left, the coordinating body is alerted) and the first-contact duration. */
export interface RouteTo {
  agency: string | null;
  role: 'LEAD' | 'SUPPORTING';
  firstContact: string;
}

/** One profile of a sample: where it goes under the active version (null: no active version) and under the new one. */
export interface ProfileRoute {
  profile: string;
  active: RouteTo[] | null;
  draft: RouteTo[];
  /** Whether each version finds the profile at all (the rules may differ). */
  inActive: boolean;
  inDraft: boolean;
  differs: boolean;
}

function routesOf(outcome: SimulatedOutcome, profile: string): RouteTo[] {
  return outcome.referrals
    .flatMap((referral) =>
      referral.profiles.filter((p) => p.profile === profile).map((p): RouteTo => ({ agency: referral.agency, role: p.role, firstContact: p.firstContact })),
    )
    .sort(byRole);
}

const byRole = (a: RouteTo, b: RouteTo): number => (a.role === b.role ? (a.agency ?? '').localeCompare(b.agency ?? '') : a.role === 'LEAD' ? -1 : 1);

function recentRoutesOf(outcome: SimulatedVersionOutcome, profile: string): RouteTo[] {
  return outcome.routes
    .filter((r) => r.profile === profile)
    .map((r): RouteTo => ({ agency: r.agency, role: r.role, firstContact: r.firstContact }))
    .sort(byRole);
}

/** The profiles of a recent case whose routing changes, each with its routes under the active version and the new one. */
export function changedProfileRoutes(c: RecentCaseSimulation): ProfileRoute[] {
  return c.changedProfiles.map((profile) => ({
    profile,
    active: c.active ? recentRoutesOf(c.active, profile) : null,
    draft: recentRoutesOf(c.draft, profile),
    inActive: c.active?.profiles.some((p) => p.profile === profile) ?? false,
    inDraft: c.draft.profiles.some((p) => p.profile === profile),
    differs: true,
  }));
}

const key = (routes: RouteTo[] | null): string => JSON.stringify(routes);

/**
 * Per profile (those either version finds, the new version's first), which agencies the sample's
 * referrals go to, in which role and by when, under the active and the new version.
 */
export function profileRoutes(sample: CaseSimulation): ProfileRoute[] {
  const profiles = [...sample.draft.profiles.map((p) => p.profile), ...(sample.active?.profiles.map((p) => p.profile) ?? [])];
  return [...new Set(profiles)].map((profile) => {
    const draft = routesOf(sample.draft, profile);
    const active = sample.active ? routesOf(sample.active, profile) : null;
    const inDraft = sample.draft.profiles.some((p) => p.profile === profile);
    const inActive = sample.active?.profiles.some((p) => p.profile === profile) ?? false;
    return { profile, active, draft, inActive, inDraft, differs: sample.active !== null && (inActive !== inDraft || key(active) !== key(draft)) };
  });
}

/**
 * A sample's referrals that find no agency under the new version, and how many of them find none under
 * the active version either (same kind of agency, service and role): those are not new.
 */
export function unroutedReferrals(sample: CaseSimulation): { total: number; alsoInActive: number } {
  const same = (a: SimulatedOutcome['referrals'][number], b: SimulatedOutcome['referrals'][number]) =>
    a.agencyKind === b.agencyKind && a.service === b.service && a.role === b.role && a.target === b.target;
  const unrouted = sample.draft.referrals.filter((r) => r.agency === null);
  const alsoInActive = unrouted.filter((r) => sample.active?.referrals.some((other) => other.agency === null && same(r, other)) ?? false).length;
  return { total: unrouted.length, alsoInActive };
}

/** Changed recent cases whose changes are identical (same profiles, same routes under both versions). */
export interface ChangeGroup {
  rows: ProfileRoute[];
  cases: RecentCaseSimulation[];
  /** The lead agency of the group's first changed profile, under the active version and the new one, when it changes (null: none left). */
  lead: { from: string | null; to: string | null; toKind: string | null } | null;
}

/** The changed recent cases grouped by identical change, the largest group first. */
export function groupRecentChanges(cases: readonly RecentCaseSimulation[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const c of cases) {
    if (!c.changed) continue;
    const rows = changedProfileRoutes(c);
    const signature = JSON.stringify(rows);
    const group = groups.get(signature);
    if (group) group.cases.push(c);
    else groups.set(signature, { rows, cases: [c], lead: leadChange(c, rows[0]?.profile) });
  }
  return [...groups.values()].sort((a, b) => b.cases.length - a.cases.length);
}

function leadChange(c: RecentCaseSimulation, profile: string | undefined): ChangeGroup['lead'] {
  if (profile === undefined) return null;
  const leadOf = (outcome: SimulatedVersionOutcome | null) => outcome?.routes.find((r) => r.profile === profile && r.role === 'LEAD');
  const before = leadOf(c.active);
  const after = leadOf(c.draft);
  if (!before || !after || (before.agency === after.agency && before.agencyKind === after.agencyKind)) return null;
  return { from: before.agency, to: after.agency, toKind: after.agencyKind };
}

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

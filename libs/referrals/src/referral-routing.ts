import type { CaseProfileView } from '@kivuko/cases';
import type { Actor } from '@kivuko/platform';
import { isProtectionProfile, ProfileCode } from '@kivuko/profiling';
import { MergedReferral, mergePlannedReferrals, PlannedReferral, ReferralPlan } from '@kivuko/sop';
import type { ReferralRow } from './referral.queries';
import { ReferralAction, ReferralStatus } from './referral-status';

/**
 * The decisions of routing, without the database: which open referral a new plan ends, withdraws or
 * reuses, which targets get a new referral, whose scope routing runs in.
 */

/** The targets a referral answers (a referral made before targets were kept answers its one target). */
export const targetsOf = (referral: Pick<ReferralRow, 'target' | 'targets'>): string[] =>
  Array.isArray(referral.targets) && referral.targets.length > 0 ? referral.targets.map((t) => t.target) : [referral.target];

/** The receiving agency took the referral on (accepted, or working on it). */
export const isTakenOn = (status: ReferralStatus): boolean => status === ReferralStatus.Accepted || status === ReferralStatus.InProgress;

/**
 * Whether routing after a profiling change runs in the actor's own scope: the system's runs, and those of
 * officials of the case's border point of arrival, do; anyone else's (a receiving agency's) run in a system scope.
 */
export function routesInOwnScope(actor: Pick<Actor, 'borderPointIds'> | null, caseBorderPointId: string | undefined): boolean {
  return actor === null || (caseBorderPointId !== undefined && actor.borderPointIds.includes(caseBorderPointId));
}

/** What routing does with one open referral of the case, in the order the referrals are read. */
export type OpenReferralStep<R> =
  | { kind: 'END_FOR_PROTECTION'; referral: R }
  | { kind: 'WITHDRAW'; referral: R }
  | { kind: 'REUSE'; referral: R; merged: MergedReferral };

export interface Reconciliation<R> {
  steps: OpenReferralStep<R>[];
  /** The planned targets no open referral answers: each gets a new referral, in the plan's order. */
  toCreate: PlannedReferral[];
  /** The whole plan by target. */
  byTarget: Map<string, PlannedReferral>;
  /** The routable protection profiles, named when a return or migration referral ends for them. */
  protection: ProfileCode[];
}

/**
 * Matches the case's open referrals (oldest first, suspended ones left out) with a new plan. Protection
 * supersedes return: a referral serving a profile the plan held back or a superseded profile ends. Each
 * other referral answers the plan's targets among its own that no earlier referral claimed, merged; one
 * answering none is withdrawn. What is left of the plan is created.
 */
export function reconcileOpenReferrals<R extends Pick<ReferralRow, 'profiles' | 'target' | 'targets'>>(
  open: readonly R[],
  plan: Pick<ReferralPlan, 'referrals' | 'heldBack'>,
  profiles: readonly Pick<CaseProfileView, 'profile' | 'status' | 'routable'>[],
): Reconciliation<R> {
  const byTarget = new Map(plan.referrals.map((r) => [r.target, r]));
  // Protection supersedes return: what a return or migration profile was referred for ends, and is not reused for the protection routes.
  const cutOff = new Set<string>([...plan.heldBack.map((h) => h.profile), ...profiles.filter((p) => p.status === 'SUPERSEDED').map((p) => p.profile)]);
  const protection = profiles.filter((p) => p.routable && isProtectionProfile(p.profile)).map((p) => p.profile);
  const claimed = new Set<string>();
  const steps: OpenReferralStep<R>[] = [];
  for (const referral of open) {
    if (referral.profiles.some((p) => cutOff.has(p))) {
      steps.push({ kind: 'END_FOR_PROTECTION', referral });
      continue;
    }
    const parts = targetsOf(referral).flatMap((t) => (claimed.has(t) ? [] : (byTarget.get(t) ?? [])));
    if (parts.length === 0) {
      steps.push({ kind: 'WITHDRAW', referral });
      continue;
    }
    parts.forEach((part) => claimed.add(part.target));
    steps.push({ kind: 'REUSE', referral, merged: mergePlannedReferrals(parts) });
  }
  return { steps, toCreate: plan.referrals.filter((r) => !claimed.has(r.target)), byTarget, protection };
}

/**
 * A protection profile superseded the return or migration profile a referral serves: withdrawn, or, once
 * the agency took it on, suspended; the reason names the protection profiles open.
 */
export function protectionEnding(status: ReferralStatus, protection: readonly ProfileCode[]): { action: ReferralAction; reason: string } {
  return {
    action: isTakenOn(status) ? ReferralAction.Suspend : ReferralAction.Withdraw,
    reason: `Protection supersedes return: ${protection.length > 0 ? protection.join(', ') : 'a protection profile'} open, and no return or migration route while it is`,
  };
}

/** The open tasks of a withdrawn or suspended referral are cancelled with this reason; other actions cancel none. */
export function tasksCancelledBecause(action: ReferralAction): string | null {
  if (action === ReferralAction.Withdraw) return 'Referral withdrawn';
  if (action === ReferralAction.Suspend) return 'Referral suspended: Protection supersedes return';
  return null;
}

import { ProfileCode, Urgency } from '@kivuko/profiling';
import { CaseContext, DEFAULT_SOP, mergePlannedReferrals, planReferrals, ReferralPlan } from '@kivuko/sop';
import { isTakenOn, protectionEnding, reconcileOpenReferrals, routesInOwnScope, targetsOf, tasksCancelledBecause } from './referral-routing';
import { ReferralTarget } from './referral.queries';
import { ReferralAction, ReferralStatus } from './referral-status';

const NOW = new Date('2026-11-20T06:00:00Z');
const CONTEXT: CaseContext = { borderPointCode: 'KGM', region: 'Kigoma', arrivedAt: '2026-11-20T08:30:00+03:00', languages: ['fr'], isChild: false };

const plan = (...profiles: [ProfileCode, Urgency][]): ReferralPlan =>
  planReferrals(DEFAULT_SOP, { profiles: profiles.map(([profile, urgency]) => ({ profile, urgency })), context: CONTEXT }, NOW);

interface OpenReferral {
  id: string;
  target: string;
  targets: ReferralTarget[];
  profiles: string[];
}
const target = (t: string): ReferralTarget => ({ target: t, role: 'LEAD', profiles: [], actions: [] });
const open = (id: string, targets: string[], profiles: string[] = []): OpenReferral => ({ id, target: targets[0], targets: targets.map(target), profiles });

/** A case profile as routing reads it: confirmed and routable unless said otherwise. */
const profile = (code: ProfileCode, status: 'CONFIRMED' | 'SUPERSEDED' | 'SUGGESTED' = 'CONFIRMED', routable = status === 'CONFIRMED') => ({ profile: code, status, routable });

describe('the targets a referral answers', () => {
  it('are the targets kept on it, or its one target for a referral made before targets were kept', () => {
    expect(targetsOf({ target: 'HEALTH', targets: [target('HEALTH'), target('NGO/SAFE_SHELTER')] })).toEqual(['HEALTH', 'NGO/SAFE_SHELTER']);
    expect(targetsOf({ target: 'HEALTH', targets: [] })).toEqual(['HEALTH']);
    expect(targetsOf({ target: 'HEALTH', targets: null as unknown as ReferralTarget[] })).toEqual(['HEALTH']);
  });
});

describe('whose scope routing runs in', () => {
  const official = { borderPointIds: ['bp-kgm', 'bp-mtk'] };
  it('is the actor’s own for the system and for officials of the case’s border point of arrival', () => {
    expect(routesInOwnScope(null, 'bp-kgm')).toBe(true);
    expect(routesInOwnScope(null, undefined)).toBe(true);
    expect(routesInOwnScope(official, 'bp-mtk')).toBe(true);
  });
  it('is a system scope for anyone else (an agency whose decision changed the profiles), or when the case is not seen', () => {
    expect(routesInOwnScope(official, 'bp-other')).toBe(false);
    expect(routesInOwnScope({ borderPointIds: [] }, 'bp-kgm')).toBe(false);
    expect(routesInOwnScope(official, undefined)).toBe(false);
  });
});

describe('matching the open referrals with a new plan', () => {
  // A medical emergency and a return: HEALTH, then INTERNATIONAL_ORGANIZATION/VOLUNTARY_RETURN.
  const health = plan(['MEDICAL_EMERGENCY', 'IMMEDIATE'], ['STRANDED_MIGRANT_RETURN', 'NORMAL']);
  const RETURN = 'INTERNATIONAL_ORGANIZATION/VOLUNTARY_RETURN';
  const profiles = [profile('MEDICAL_EMERGENCY'), profile('STRANDED_MIGRANT_RETURN')];

  it('reuses a referral the plan still asks for, withdraws one it no longer does, and creates the rest in the plan’s order', () => {
    expect(health.referrals.map((r) => r.target)).toEqual(['HEALTH', RETURN]);
    const result = reconcileOpenReferrals([open('a', ['HEALTH']), open('b', ['ANTI_TRAFFICKING'])], health, profiles);
    expect(result.steps.map((s) => [s.kind, s.referral.id])).toEqual([
      ['REUSE', 'a'],
      ['WITHDRAW', 'b'],
    ]);
    const reuse = result.steps[0];
    expect(reuse.kind === 'REUSE' && reuse.merged).toEqual(mergePlannedReferrals([health.referrals[0]]));
    expect(result.toCreate.map((r) => r.target)).toEqual([RETURN]);
    expect([...result.byTarget.keys()]).toEqual(['HEALTH', RETURN]);
  });

  it('lets the oldest open referral claim a target: a later one for the same target is withdrawn, not reused twice', () => {
    const result = reconcileOpenReferrals([open('old', ['HEALTH']), open('new', ['HEALTH'])], health, profiles);
    expect(result.steps.map((s) => [s.kind, s.referral.id])).toEqual([
      ['REUSE', 'old'],
      ['WITHDRAW', 'new'],
    ]);
  });

  it('keeps every planned target one referral answers, merged, and creates none of them again', () => {
    const result = reconcileOpenReferrals([open('both', ['HEALTH', RETURN])], health, profiles);
    expect(result.steps).toHaveLength(1);
    const [step] = result.steps;
    expect(step.kind).toBe('REUSE');
    expect(step.kind === 'REUSE' && step.merged.targets.map((t) => t.target)).toEqual(['HEALTH', RETURN]);
    expect(result.toCreate).toEqual([]);
  });

  it('reads a referral made before targets were kept by its one target', () => {
    const legacy = { id: 'legacy', target: RETURN, targets: [], profiles: ['STRANDED_MIGRANT_RETURN'] };
    const result = reconcileOpenReferrals([legacy], health, profiles);
    expect(result.steps.map((s) => [s.kind, s.referral.id])).toEqual([['REUSE', 'legacy']]);
    expect(result.toCreate.map((r) => r.target)).toEqual(['HEALTH']);
  });

  it('ends what a held-back return profile was referred for, claiming nothing, and names the protection profiles open', () => {
    // Abuse on the way makes a protection case: the return is held back.
    const protection = plan(['SMUGGLED_MIGRANT_ABUSED', 'HIGH'], ['STRANDED_MIGRANT_RETURN', 'NORMAL']);
    expect(protection.heldBack.map((h) => h.profile)).toEqual(['STRANDED_MIGRANT_RETURN']);
    const returning = open('return', [RETURN], ['STRANDED_MIGRANT_RETURN']);
    const first = protection.referrals[0];
    // A referral that serves the return profile ends even where it shares a target with the new plan.
    const shared = open('shared', [first.target], ['STRANDED_MIGRANT_RETURN', 'SMUGGLED_MIGRANT_ABUSED']);
    const result = reconcileOpenReferrals([returning, shared], protection, [
      profile('SMUGGLED_MIGRANT_ABUSED'),
      profile('STRANDED_MIGRANT_RETURN'),
      profile('TRAFFICKING_VICTIM', 'SUGGESTED'),
    ]);
    expect(result.steps.map((s) => [s.kind, s.referral.id])).toEqual([
      ['END_FOR_PROTECTION', 'return'],
      ['END_FOR_PROTECTION', 'shared'],
    ]);
    expect(result.toCreate.map((r) => r.target)).toEqual(protection.referrals.map((r) => r.target));
    // Only routable protection profiles are named: a suggestion nobody confirmed is not.
    expect(result.protection).toEqual(['SMUGGLED_MIGRANT_ABUSED']);
  });

  it('ends what a superseded profile was referred for, though the plan did not hold it back', () => {
    const result = reconcileOpenReferrals([open('migrant', [RETURN], ['STRANDED_MIGRANT_RETURN'])], health, [
      profile('MEDICAL_EMERGENCY'),
      profile('STRANDED_MIGRANT_RETURN', 'SUPERSEDED'),
    ]);
    expect(result.steps.map((s) => [s.kind, s.referral.id])).toEqual([['END_FOR_PROTECTION', 'migrant']]);
    expect(result.toCreate.map((r) => r.target)).toEqual(['HEALTH', RETURN]);
    expect(result.protection).toEqual([]);
  });
});

describe('ending a referral for protection', () => {
  it('suspends what the agency took on and withdraws what it did not', () => {
    expect(protectionEnding(ReferralStatus.Accepted, ['ASYLUM_SEEKER']).action).toBe(ReferralAction.Suspend);
    expect(protectionEnding(ReferralStatus.InProgress, ['ASYLUM_SEEKER']).action).toBe(ReferralAction.Suspend);
    for (const status of [ReferralStatus.AwaitingConsent, ReferralStatus.Pending, ReferralStatus.Acknowledged]) {
      expect(protectionEnding(status, ['ASYLUM_SEEKER']).action).toBe(ReferralAction.Withdraw);
    }
  });

  it('says which protection profiles are open, or that one is', () => {
    expect(protectionEnding(ReferralStatus.Pending, ['ASYLUM_SEEKER', 'TRAFFICKING_VICTIM']).reason).toBe(
      'Protection supersedes return: ASYLUM_SEEKER, TRAFFICKING_VICTIM open, and no return or migration route while it is',
    );
    expect(protectionEnding(ReferralStatus.Pending, []).reason).toBe('Protection supersedes return: a protection profile open, and no return or migration route while it is');
  });

  it('counts a referral as taken on once accepted or in progress only', () => {
    expect(Object.values(ReferralStatus).filter(isTakenOn)).toEqual([ReferralStatus.Accepted, ReferralStatus.InProgress]);
  });
});

describe('the tasks of a referral that stops', () => {
  it('are cancelled on a withdrawal or a suspension, with why, and on nothing else', () => {
    expect(tasksCancelledBecause(ReferralAction.Withdraw)).toBe('Referral withdrawn');
    expect(tasksCancelledBecause(ReferralAction.Suspend)).toBe('Referral suspended: Protection supersedes return');
    const others = Object.values(ReferralAction).filter((a) => a !== ReferralAction.Withdraw && a !== ReferralAction.Suspend);
    for (const action of others) expect(tasksCancelledBecause(action)).toBeNull();
  });
});

import { FieldGroup } from '@kivuko/access';
import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, DomainError, DomainEventBus, FieldCipher, UnitOfWork } from '@kivuko/platform';
import {
  diffProfiles,
  FiredIndicator,
  isProfileCode,
  isProtectionProfile,
  MIGRATION_PROFILES,
  PRINCIPLE_IDS,
  ProfileCode,
  ProfileDiff,
  profileCase,
  profileOrder,
  Urgency,
  WithheldProfile,
} from '@kivuko/profiling';
import { NO_FACTS, profileRemovalRefused } from '@kivuko/safeguards';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CaseErrors } from '../cases.errors';
import { caseNotFound } from '../consent/consent.service';
import { requireOwnBorderPoint } from '../border-point-guard';
import { keepAsylumWish, loadAsylumWish } from './asylum-wish-facts';
import * as q from './case-profiling.queries';
import { ProfileRow } from './case-profiling.queries';
import { loadCaseFacts } from './case-facts';
import { CasePolicy } from '../case-policy';
import { readableGroups } from '../readable-groups';

/** A safeguard refused a profile removal: raised once the refused attempt is on the safeguard trail. */
export abstract class ProfileRemovalRefusal extends DomainError {
  abstract readonly safeguard: 'AGE' | 'NON_REFOULEMENT';
  abstract readonly reason: string;
  protected constructor(code: 'SAFEGUARD.AGE_ASSESSMENT_REQUIRED' | 'SAFEGUARD.ASYLUM_WISH_RECORDED', profile: ProfileCode) {
    super(code, CaseErrors.specs[code].kind, CaseErrors.specs[code].message, { profile });
  }
}

export class AgeRuleRefusal extends ProfileRemovalRefusal {
  readonly safeguard = 'AGE';
  readonly reason = 'AGE_ASSESSMENT_REQUIRED';
  constructor(profile: ProfileCode) {
    super('SAFEGUARD.AGE_ASSESSMENT_REQUIRED', profile);
  }
}

/** An asylum wish, once recorded in any words, cannot be profiled away: only the person's own recorded withdrawal ends it. */
export class AsylumWishRefusal extends ProfileRemovalRefusal {
  readonly safeguard = 'NON_REFOULEMENT';
  readonly reason = 'ASYLUM_WISH_PENDING';
  constructor(profile: ProfileCode) {
    super('SAFEGUARD.ASYLUM_WISH_RECORDED', profile);
  }
}

/** Profiles that count as confirmed for routing at once, while still shown for confirmation. */
export const URGENT_PROFILES: readonly ProfileCode[] = ['MEDICAL_EMERGENCY', 'UNACCOMPANIED_CHILD', 'SEPARATED_CHILD', 'TRAFFICKING_VICTIM'];
/** Profiles that route at once when their urgency is IMMEDIATE (sexual violence disclosed within 72 hours). */
export const URGENT_WHEN_IMMEDIATE: readonly ProfileCode[] = ['SGBV_SURVIVOR'];

/** The field group a profile's reasons belong to: who may not see the group sees neither the profile nor why. */
export const PROFILE_GROUP: Readonly<Record<ProfileCode, FieldGroup>> = {
  ASYLUM_SEEKER: FieldGroup.ASYLUM,
  PRIMA_FACIE_REFUGEE: FieldGroup.ASYLUM,
  UNACCOMPANIED_CHILD: FieldGroup.CHILD,
  SEPARATED_CHILD: FieldGroup.CHILD,
  CHILD_AT_RISK: FieldGroup.CHILD,
  TRAFFICKING_VICTIM: FieldGroup.TRAFFICKING,
  SMUGGLED_MIGRANT_ABUSED: FieldGroup.TRAFFICKING,
  TORTURE_SURVIVOR: FieldGroup.TORTURE,
  SGBV_SURVIVOR: FieldGroup.SGBV,
  MEDICAL_EMERGENCY: FieldGroup.HEALTH,
  SPECIFIC_NEEDS: FieldGroup.NEEDS,
  STRANDED_MIGRANT_RETURN: FieldGroup.NEEDS,
  MIGRANT: FieldGroup.NEEDS,
};

export type ProfilingTrigger = 'INTAKE' | 'INTAKE_COMPLETED' | 'INTAKE_CORRECTED' | 'RELATIONSHIP_VERIFIED' | 'AGE_ASSESSED';
/** SUPERSEDED: a return or migration profile a protection profile superseded (kept, never routed). */
export type ProfileStatus = 'SUGGESTED' | 'CONFIRMED' | 'REMOVED' | 'SUPERSEDED';

export interface CaseProfileView {
  profile: ProfileCode;
  origin: 'SUGGESTED' | 'ADDED';
  status: ProfileStatus;
  urgency: Urgency;
  /** Confirmed, or urgent and not removed: what referrals are made from. */
  routable: boolean;
  /** Whether the latest profiling run suggests it. */
  suggested: boolean;
  needsCodes: string[];
  indicators: FiredIndicator[];
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

export interface ProfilingRunView {
  version: number;
  ruleSetVersion: string;
  /** The joint SOP version whose rules ran (null: no SOP was active, the default rules ran). */
  sopVersionId: string | null;
  trigger: string;
  ranAt: string;
  ranBy: string | null;
  profiles: { profile: ProfileCode; urgency: Urgency; indicators: FiredIndicator[]; needsCodes: string[] }[];
  diff: { added: ProfileCode[]; removed: ProfileCode[]; changed: ProfileDiff['changed']; superseded?: Supersession[] };
}

/** A return or migration profile a protection profile superseded in a run, with the principle that did it. */
export interface Supersession {
  profile: ProfileCode;
  principle: string;
  by: ProfileCode[];
}

export interface CaseProfilesView {
  current: CaseProfileView[];
  history: ProfilingRunView[];
  decisions: { profile: ProfileCode; action: string; reason: string | null; decidedBy: string; decidedAt: string }[];
}

/**
 * What referrals are made from: a confirmed profile, and a suggested one that cannot wait (urgent, or
 * a protection profile that superseded a return the person was already routed for: cutting the return
 * must not leave them with no route until someone confirms).
 */
const routable = (row: Pick<ProfileRow, 'status' | 'profile' | 'urgency'>, returnSuperseded: boolean): boolean =>
  row.status === 'CONFIRMED' ||
  (row.status === 'SUGGESTED' &&
    (URGENT_PROFILES.includes(row.profile) || (row.urgency === 'IMMEDIATE' && URGENT_WHEN_IMMEDIATE.includes(row.profile)) || (returnSuperseded && isProtectionProfile(row.profile))));

const viewOf = (row: ProfileRow, returnSuperseded: boolean): CaseProfileView => ({
  profile: row.profile,
  origin: row.origin,
  status: row.status,
  urgency: row.urgency,
  routable: routable(row, returnSuperseded),
  suggested: row.suggested,
  needsCodes: row.needs_codes,
  indicators: row.indicators,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at?.toISOString() ?? null,
  reason: row.reason,
});

/** What changed a case's profiles, for those who act on them (referrals), inside the same transaction. */
export interface ProfilesChanged {
  caseId: string;
  actor: Actor | null;
  cause: ProfilingTrigger | 'DECISION';
  profiles: CaseProfileView[];
  /** Minority as the run that caused the change read it (absent after a decision, which reads no facts). */
  isChild?: boolean;
}

/**
 * Profiling inside the case: runs the engine on the case's facts, keeps each run as a version with its
 * diff, and keeps the officials' decisions (confirm, add, remove) across runs. A profile an official
 * confirmed or removed stays so when the rules run again; one the rules no longer suggest and nobody
 * decided on disappears.
 */
@Injectable()
export class CaseProfilingService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly policy: CasePolicy,
    private readonly events: DomainEventBus,
  ) {
    events.requireHandler('cases.profiles-changed', 'referrals route a case whenever its profiles change');
  }

  /** Published in the transaction of every profiling run and decision (referrals route from here). */
  private async changed(manager: EntityManager, event: ProfilesChanged): Promise<void> {
    await this.events.publish(manager, 'cases.profiles-changed', event);
  }

  /** Runs the engine on a case in the caller's transaction and stores the run; returns the current profiles. */
  async run(manager: EntityManager, caseId: string, trigger: ProfilingTrigger, actor: Actor | null): Promise<{ version: number; profiles: CaseProfileView[] }> {
    const inForce = await this.policy.forCase(manager, caseId);
    const facts = await loadCaseFacts(manager, this.cipher, caseId);
    const intakeWritten = trigger === 'INTAKE' || trigger === 'INTAKE_COMPLETED' || trigger === 'INTAKE_CORRECTED';
    const wishExpressedAgain = await keepAsylumWish(manager, facts, caseId, intakeWritten);
    const result = profileCase(facts, inForce.ruleSet);
    const previous = await q.latestRun(manager, caseId);
    const version = (previous?.version ?? 0) + 1;
    const diff = diffProfiles(previous?.profiles ?? [], result.profiles);
    const suggested = result.profiles;
    if (suggested.length > 0) {
      await q.upsertSuggested(manager, caseId, version, suggested);
    }
    // A wish expressed again after a withdrawal makes an asylum-seeker again: a removal of the withdrawn wish's profile no longer holds.
    if (wishExpressedAgain) {
      await q.restoreRemovedAsylumSeeker(manager, caseId);
    }
    const still = suggested.map((p) => p.profile);
    // No longer suggested: gone if nobody decided on it, otherwise kept with the decision.
    await q.dropUnsuggested(manager, caseId, still);
    // The run is stored once its profiles are settled (runs are append-only): with what it superseded.
    const superseded = await this.supersedeReturn(manager, caseId);
    await q.insertRun(manager, {
      id: randomUUID(),
      caseId,
      version,
      ruleSetVersion: result.ruleSetVersion,
      trigger,
      profiles: JSON.stringify(result.profiles),
      withheld: JSON.stringify(result.withheld satisfies WithheldProfile[]),
      diff: JSON.stringify({
        added: diff.added.map((p) => p.profile),
        removed: diff.removed.map((p) => p.profile),
        changed: diff.changed,
        ...(superseded.length > 0 && { superseded }),
      }),
      ranBy: actor?.userId ?? null,
      sopVersionId: inForce.sopVersionId,
    });

    const profiles = await this.current(manager, caseId);
    await this.changed(manager, { caseId, actor, cause: trigger, profiles, isChild: result.derived.isChild });
    return { version, profiles: await this.current(manager, caseId) };
  }

  async current(manager: EntityManager, caseId: string): Promise<CaseProfileView[]> {
    const rows = await q.profilesOf(manager, caseId);
    const returnSuperseded = rows.some((r) => r.status === 'SUPERSEDED');
    return rows.sort((a, b) => profileOrder(a.profile) - profileOrder(b.profile)).map((row) => viewOf(row, returnSuperseded));
  }

  /**
   * Protection supersedes return: while a protection profile stands on the case, a confirmed return or
   * migration profile is superseded (kept, with the principle that superseded it, and never routed).
   * Returns what it superseded.
   */
  private async supersedeReturn(manager: EntityManager, caseId: string): Promise<Supersession[]> {
    const rows = await q.profileStatuses(manager, caseId);
    const by = rows.filter((r) => r.status !== 'REMOVED' && r.status !== 'SUPERSEDED' && isProtectionProfile(r.profile)).map((r) => r.profile).sort((a, b) => profileOrder(a) - profileOrder(b));
    const confirmedReturn = rows.filter((r) => r.status === 'CONFIRMED' && MIGRATION_PROFILES.includes(r.profile)).map((r) => r.profile);
    if (by.length === 0 || confirmedReturn.length === 0) return [];
    const principle = PRINCIPLE_IDS.protectionSupersedesReturn;
    await q.markSuperseded(manager, caseId, confirmedReturn, `${principle}: superseded by ${by.join(', ')} (no return or migration route while a protection profile is open)`);
    return confirmedReturn.map((profile) => ({ profile, principle, by }));
  }

  /**
   * The profiles this reader may see. The registering side (officials of the case's border point, who
   * ran the screening and confirm the profiles) sees them all; an agency sees a profile, and why it was
   * suggested, only when it may see the profile's field group under the SOP and the case's consents.
   */
  async visibleTo(manager: EntityManager, actor: Actor, caseId: string, borderPointId: string, profiles: CaseProfileView[]): Promise<CaseProfileView[]> {
    if (actor.borderPointIds.includes(borderPointId)) return profiles;
    const allowed = await readableGroups(manager, this.policy, actor, caseId);
    return profiles.filter((p) => allowed.has(PROFILE_GROUP[p.profile]));
  }

  async view(actor: Actor, caseId: string, correlationId?: string): Promise<CaseProfilesView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const borderPointId = await this.requireCase(manager, caseId);
      const current = await this.visibleTo(manager, actor, caseId, borderPointId, await this.current(manager, caseId));
      const shown = new Set<ProfileCode>(current.map((p) => p.profile));
      const everything = actor.borderPointIds.includes(borderPointId);
      const visible = (profile: ProfileCode): boolean => everything || shown.has(profile);
      const runs = await q.runsOf(manager, caseId);
      const decisions = await q.decisionsOf(manager, caseId);
      await this.audit.record(manager, {
        action: 'CASE.PROFILES_READ',
        actor,
        caseId,
        fieldGroups: [...new Set(current.map((p) => PROFILE_GROUP[p.profile]))],
        purpose: 'CASE_WORK',
        correlationId,
      });
      return {
        current,
        history: runs.map((r) => ({
          version: r.version,
          ruleSetVersion: r.rule_set_version,
          sopVersionId: r.sop_version_id,
          trigger: r.trigger,
          ranAt: r.ran_at.toISOString(),
          ranBy: r.ran_by,
          profiles: r.profiles.filter((p) => visible(p.profile)).map((p) => ({ profile: p.profile, urgency: p.urgency, indicators: p.indicators, needsCodes: p.needsCodes })),
          diff: {
            added: r.diff.added.filter(visible),
            removed: r.diff.removed.filter(visible),
            changed: r.diff.changed.filter((c) => visible(c.profile)),
            ...(r.diff.superseded && { superseded: r.diff.superseded.filter((x) => visible(x.profile)).map((x) => ({ ...x, by: x.by.filter(visible) })) }),
          },
        })),
        decisions: decisions
          .filter((d) => visible(d.profile))
          .map((d) => ({ profile: d.profile, action: d.action, reason: d.reason, decidedBy: d.decided_by, decidedAt: d.decided_at.toISOString() })),
      };
    });
  }

  /** Confirms a suggested profile. */
  confirm(actor: Actor, caseId: string, profile: string, correlationId?: string): Promise<CaseProfileView[]> {
    return this.decide(actor, caseId, profile, 'CONFIRM', undefined, correlationId);
  }

  /** Adds a profile the rules missed; needs a reason. */
  add(actor: Actor, caseId: string, profile: string, reason: string | undefined, correlationId?: string): Promise<CaseProfileView[]> {
    return this.decide(actor, caseId, profile, 'ADD', reason, correlationId);
  }

  /** Removes a profile (suggested, confirmed or added); needs a reason. */
  remove(actor: Actor, caseId: string, profile: string, reason: string | undefined, correlationId?: string): Promise<CaseProfileView[]> {
    return this.decide(actor, caseId, profile, 'REMOVE', reason, correlationId);
  }

  private async decide(
    actor: Actor,
    caseId: string,
    profile: string,
    action: 'CONFIRM' | 'ADD' | 'REMOVE',
    reason: string | undefined,
    correlationId?: string,
  ): Promise<CaseProfileView[]> {
    const problems = [];
    if (!isProfileCode(profile)) problems.push({ path: 'profile', problem: 'is not a profile (see the profiling rules for the list)' });
    if (action !== 'CONFIRM' && (!reason || reason.trim().length < 5)) problems.push({ path: 'reason', problem: `a reason (at least 5 characters) is required to ${action === 'ADD' ? 'add' : 'remove'} a profile` });
    if (problems.length > 0) throw CaseErrors.badInput('PROFILE.INVALID', problems, `The decision has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}`);
    const code = profile as ProfileCode;

    const result = await this.uow.run(actorScope(actor), async (manager) => {
      const borderPointId = await this.requireCase(manager, caseId);
      requireOwnBorderPoint(actor, borderPointId);
      // One decision on a case at a time, and none while a safeguard check on it runs (the age rule reads the other profiles).
      await q.lockCase(manager, caseId);
      try {
        return await this.applyDecision(manager, actor, caseId, code, action, reason, correlationId);
      } catch (error) {
        if (!(error instanceof ProfileRemovalRefusal)) throw error;
        // The refused attempt is kept, as every safeguard's is; the decision is not made.
        await q.insertBlockedRemoval(manager, {
          id: randomUUID(),
          caseId,
          safeguard: error.safeguard,
          attempted: `REMOVE_PROFILE:${code}`,
          reasons: [error.reason],
          actorUserId: actor.userId,
          actorAgencyId: actor.agencyId,
        });
        await this.audit.record(manager, {
          action: 'SAFEGUARD.BLOCKED',
          outcome: 'DENIED',
          actor,
          caseId,
          purpose: 'SAFEGUARD',
          correlationId,
          details: { safeguard: error.safeguard, attempted: `REMOVE_PROFILE:${code}`, reasons: error.reason },
        });
        return error;
      }
    });
    if (result instanceof ProfileRemovalRefusal) throw result;
    return result;
  }

  /**
   * A decision on one profile inside the caller's transaction (an official's, or the age assessment
   * that found an adult). A child profile is removed only once a completed age assessment found the
   * person an adult: until then minority is presumed.
   */
  async applyDecision(
    manager: EntityManager,
    actor: Actor,
    caseId: string,
    code: ProfileCode,
    action: 'CONFIRM' | 'ADD' | 'REMOVE',
    reason: string | undefined,
    correlationId?: string,
  ): Promise<CaseProfileView[]> {
    const existing = await q.lockProfile(manager, caseId, code);
    if (action === 'CONFIRM') {
      if (!existing || existing.status === 'REMOVED') throw CaseErrors.raise('PROFILE.NOT_SUGGESTED');
      if (existing.status === 'CONFIRMED') throw CaseErrors.raise('PROFILE.ALREADY_CONFIRMED');
      await q.confirmProfile(manager, caseId, code, actor.userId);
    } else if (action === 'ADD') {
      if (existing && existing.status !== 'REMOVED') throw CaseErrors.raise('PROFILE.ALREADY_PRESENT', `This profile is already ${existing.status.toLowerCase()}: confirm it instead`);
      await q.addProfile(manager, caseId, code, existing?.urgency ?? (URGENT_PROFILES.includes(code) ? 'IMMEDIATE' : 'NORMAL'), actor.userId, reason);
    } else {
      if (!existing || existing.status === 'REMOVED') throw CaseErrors.raise('PROFILE.NOT_PRESENT');
      const assessedMinimumAge = await q.latestAssessedMinimumAge(manager, caseId);
      const standing = (await this.current(manager, caseId)).filter((p) => p.status !== 'REMOVED').map((p) => p.profile);
      const asylum = code === 'ASYLUM_SEEKER' ? await loadAsylumWish(manager, this.cipher, caseId) : {};
      const refused = profileRemovalRefused({ ...NO_FACTS, ...asylum, profiles: standing, assessedMinimumAge: assessedMinimumAge ?? null }, code);
      if (refused === 'ASYLUM_WISH_RECORDED') throw new AsylumWishRefusal(code);
      if (refused) throw new AgeRuleRefusal(code);
      await q.removeProfile(manager, caseId, code, actor.userId, reason);
    }
    await q.insertDecision(manager, { id: randomUUID(), caseId, profile: code, action, reason: reason ?? null, decidedBy: actor.userId });
    await this.audit.record(manager, {
      action: `PROFILE.${action === 'CONFIRM' ? 'CONFIRMED' : action === 'ADD' ? 'ADDED' : 'REMOVED'}`,
      actor,
      caseId,
      fieldGroups: [PROFILE_GROUP[code]],
      purpose: 'PROFILING',
      correlationId,
      details: { profile: code },
    });
    await this.supersedeReturn(manager, caseId);
    await this.changed(manager, { caseId, actor, cause: 'DECISION', profiles: await this.current(manager, caseId) });
    return this.current(manager, caseId);
  }

  private async requireCase(manager: EntityManager, caseId: string): Promise<string> {
    const borderPointId = await q.borderPointOfCase(manager, caseId);
    if (borderPointId === undefined) throw caseNotFound();
    return borderPointId;
  }
}

import { AuditService } from '@kivuko/audit';
import { CaseProfilingService, loadCaseFacts, ProfilesChanged } from '@kivuko/cases';
import { Actor, actorScope, applyScope, Clock, DomainEventBus, FieldCipher, JobName, OutboxService, systemScope } from '@kivuko/platform';
import { deriveFacts, ProfileCode } from '@kivuko/profiling';
import {
  AgencyCandidate,
  AgencyKind,
  BasisMet,
  borderPointTaskDue,
  chooseAgency,
  ConsentOnRecord,
  ConsentRequirement,
  meetRequirements,
  MergedReferral,
  mergePlannedReferrals,
  PlannedReferral,
  planReferrals,
  Priority,
  priorityNumber,
  Sop,
} from '@kivuko/sop';
import { ActiveSop, SopVersions } from '@kivuko/sop-lifecycle';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  CaseContextRow,
  cancelReferralTasks,
  closeConsentTask,
  countAwaitingConsent,
  findAgencyCandidates,
  findAgencyIdNamed,
  findAwaitingConsent,
  findCaseBorderPointId,
  findCaseContext,
  findCaseCountry,
  findCaseReferralsIn,
  findConsentRecords,
  findDecliningAgencyIds,
  findReferral,
  findReferralAtAgency,
  findRefusedPurposes,
  insertActionTasks,
  insertCaseLeadOnce,
  insertConsentTask,
  insertHeldEventOnce,
  insertNoAgencyTask,
  insertReferral,
  insertReferralEvent,
  recordBasisMet,
  ReferralRow,
  shareCase,
  updateReferralPlan,
} from './referral.queries';
import { ReferralService } from './referral.service';
import { OPEN_STATUSES, ReferralAction, ReferralStatus } from './referral-status';
import { isTakenOn, protectionEnding, reconcileOpenReferrals, routesInOwnScope, targetsOf, tasksCancelledBecause } from './referral-routing';

/** What stands in for consent on a referral, as recorded on it (`basis.met`: what met each requirement, never a gap). */
export type ReferralBasis = BasisMet;


export const priorityRank = (priority: Priority): number => priorityNumber(priority);

/**
 * Routes a case under the active joint SOP whenever its profiles change, in the same transaction:
 * plans the referrals the routable profiles call for, reuses an open referral to the same kind of
 * agency, chooses the agency for a new one (coverage, service, language, capacity, and the fallback
 * order), holds it for consent where the SOP requires consent that is not on record, and withdraws the
 * referrals no routable profile calls for any more. A declined referral goes to the next agency.
 */
@Injectable()
export class ReferralRouter implements OnModuleInit {
  private readonly logger = new Logger('Referrals');

  constructor(
    private readonly profiling: CaseProfilingService,
    private readonly referrals: ReferralService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly events: DomainEventBus,
    private readonly versions: SopVersions,
  ) {}

  onModuleInit(): void {
    // Profiling and reading a case go by the SOP active for it.
    this.events.provide('cases.sop-policy', async (manager, { caseId }) => {
      const country = await findCaseCountry(manager, caseId);
      const active = country !== undefined ? await this.activeSop(manager, country, this.clock.now()) : null;
      return active
        ? {
            sopVersionId: active.id,
            ruleSet: active.sop.ruleSet,
            sharing: active.sop.dataSharing.recipients,
            completeIntakeDue: (from: Date) => borderPointTaskDue(active.sop, 'completeIntake', from),
          }
        : null;
    });
    this.events.on('cases.profiles-changed', (manager, event) => this.profilesChanged(manager, event));
    this.events.on('referrals.transitioned', (manager, { referral, action, actor }) => this.afterTransition(manager, referral, action, actor));
    this.events.on('cases.consent-changed', (manager, { caseId, actor }) => this.releaseAwaitingConsent(manager, caseId, actor));
  }

  /** The active SOP version of a country (the SOP versions' own reading of it). */
  async activeSop(manager: EntityManager, country: string, at = this.clock.now()): Promise<ActiveSop | null> {
    return this.versions.active(manager, country, at);
  }

  async profilesChanged(manager: EntityManager, event: ProfilesChanged): Promise<void> {
    // Routing is the SOP's decision, not the actor's: a profiling run an agency caused (an age assessment,
    // a verified relationship) may call for referrals to other agencies, which the agency neither sees
    // nor writes. Officials of the border point of arrival route in their own scope, as at intake.
    const seen = await findCaseBorderPointId(manager, event.caseId);
    if (routesInOwnScope(event.actor, seen)) return this.route(manager, event);
    await applyScope(manager, systemScope('routing after a profiling run caused by a receiving agency'));
    try {
      await this.route(manager, event);
    } finally {
      if (event.actor) await applyScope(manager, actorScope(event.actor));
    }
  }

  private async route(manager: EntityManager, event: ProfilesChanged): Promise<void> {
    const context = (await findCaseContext(manager, event.caseId)) as CaseContextRow;
    const now = this.clock.now();
    const active = await this.activeSop(manager, context.country, now);
    if (!active) {
      this.logger.warn({ caseId: event.caseId, country: context.country }, 'no active SOP: the case is profiled but not routed');
      return;
    }
    // A profiling run has just read the facts; a decision did not, and they are read here.
    const isChild = event.isChild ?? deriveFacts(await loadCaseFacts(manager, this.cipher, event.caseId), active.sop.ruleSet.primaFacie).isChild;
    const plan = planReferrals(
      active.sop,
      {
        profiles: event.profiles.filter((p) => p.routable).map((p) => ({ profile: p.profile, urgency: p.urgency })),
        context: {
          borderPointCode: context.border_point_code,
          region: context.region,
          arrivedAt: context.arrived_at.toISOString(),
          languages: context.languages,
          isChild,
        },
      },
      now,
    );

    // A suspended referral waits to be withdrawn; routing neither reuses nor withdraws it.
    const open = (await findCaseReferralsIn(manager, event.caseId, OPEN_STATUSES)).filter((r) => r.status !== ReferralStatus.Suspended);
    const { steps, toCreate, byTarget, protection } = reconcileOpenReferrals(open, plan, event.profiles);
    for (const step of steps) {
      if (step.kind === 'END_FOR_PROTECTION') await this.endForProtection(manager, step.referral, event.actor, protection);
      else if (step.kind === 'WITHDRAW') {
        await this.referrals.transition(manager, step.referral, ReferralAction.Withdraw, event.actor, {
          reason: 'No routable profile calls for this referral any more (re-profiling)',
        });
      } else await this.reuse(manager, step.referral, step.merged);
    }
    for (const referral of toCreate) await this.create(manager, event.caseId, context.border_point_id, referral, active, event.actor, null, byTarget);
  }

  /**
   * A protection profile superseded the return or migration profile this referral serves: withdrawn, or,
   * once the agency took it on, suspended with its open tasks cancelled; the agency is told either way.
   */
  private async endForProtection(manager: EntityManager, referral: ReferralRow, actor: Actor | null, protection: ProfileCode[]): Promise<void> {
    const { action, reason } = protectionEnding(referral.status, protection);
    await this.referrals.transition(manager, referral, action, actor, { reason });
  }

  /**
   * An open referral answers the plan's targets that landed on its agency: its profiles, role, actions
   * and targets follow them; its priority and deadline never get later than promised.
   */
  private async reuse(manager: EntityManager, existing: ReferralRow, merged: MergedReferral): Promise<void> {
    await updateReferralPlan(manager, existing.id, {
      profiles: merged.profiles.map((p) => p.profile),
      priority: priorityRank(merged.priority),
      dueAt: new Date(merged.dueAt),
      role: merged.role,
      actions: merged.actions,
      targets: merged.targets,
      target: merged.target,
      separateConsent: merged.separateConsent,
    });
    // A deadline brought forward gets its own timer (the same deadline is one job, however often asked).
    if (new Date(merged.dueAt) < existing.due_at) {
      await this.outbox.enqueue(manager, JobName.ReferralDue, { referralId: existing.id }, { key: `${existing.id}-${merged.dueAt}`, runAt: new Date(merged.dueAt) });
    }
    // An agency that already took the referral on gets a task for each action the plan now adds.
    if (isTakenOn(existing.status)) {
      await this.takeOn(manager, { ...existing, role: merged.role, required_actions: merged.actions });
    }
  }

  /**
   * Creates the referral of a planned target: chooses the agency (skipping those that declined this
   * case already), holds it for consent or lets it through, shares the case with the agency, audits it.
   */
  private async create(
    manager: EntityManager,
    caseId: string,
    borderPointId: string,
    planned: PlannedReferral,
    active: ActiveSop,
    actor: Actor | null,
    previous: ReferralRow | null,
    /** The case's whole plan, by target: what an open referral at the chosen agency answers besides. */
    byTarget: ReadonlyMap<string, PlannedReferral>,
  ): Promise<void> {
    const declined = await findDecliningAgencyIds(manager, caseId);
    const choice = chooseAgency(
      active.sop,
      planned.agencyKind,
      planned.requirement,
      await this.candidates(manager, planned.agencyKind),
      declined,
    );
    if (!choice.chosen) {
      await this.alertCoordinatingBody(manager, caseId, planned, choice.alert?.coordinatingBody ?? active.sop.escalation.coordinatingBody, actor);
      return;
    }
    // Two targets may land on one agency (a legal-aid NGO that is also the rehabilitation centre): one
    // referral per agency and case, keeping every target with its role, profiles and actions.
    const sameAgency = await findReferralAtAgency(manager, caseId, choice.chosen.id, ['DECLINED', 'COMPLETED', 'WITHDRAWN', 'SUSPENDED']);
    if (sameAgency) {
      const others = targetsOf(sameAgency).flatMap((t) => (t === planned.target ? [] : (byTarget.get(t) ?? [])));
      await this.reuse(manager, sameAgency, mergePlannedReferrals([...others, planned]));
      return;
    }
    const { met, waiting } = meetRequirements(planned.consent, await this.consentsOnRecord(manager, caseId, choice.chosen.id, planned.agencyKind));
    const status = waiting.length === 0 ? ReferralStatus.Pending : ReferralStatus.AwaitingConsent;
    const single = mergePlannedReferrals([planned]);
    const id = randomUUID();
    await insertReferral(manager, {
      id,
      caseId,
      agencyId: choice.chosen.id,
      borderPointId,
      role: planned.role,
      profiles: planned.profiles.map((p) => p.profile),
      priority: priorityRank(planned.priority),
      status,
      dueAt: new Date(planned.dueAt),
      actions: planned.actions,
      fieldGroups: planned.fieldGroups,
      basis: {
        requirements: planned.consent,
        met,
        separately: planned.separateConsent,
        chosenBecause: choice.chosen.reasons,
        fallbacks: choice.fallbacks.map((f) => f.id),
      },
      sopVersionId: active.id,
      attempt: (previous?.attempt ?? 0) + 1,
      previousReferralId: previous?.id ?? null,
      target: planned.target,
      targets: single.targets,
    });
    await insertReferralEvent(manager, {
      referralId: id,
      caseId,
      from: null,
      to: status,
      actorUserId: actor?.userId ?? null,
      actorAgencyId: actor?.agencyId ?? null,
      reason: previous ? 'next agency after a decline' : null,
    });
    // The first-contact timer; the sweep catches it should the timer be lost.
    await this.outbox.enqueue(manager, JobName.ReferralDue, { referralId: id }, { key: `${id}-${planned.dueAt}`, runAt: new Date(planned.dueAt) });
    if (status === ReferralStatus.Pending) {
      await this.shareCase(manager, caseId, choice.chosen.id);
      await this.referrals.notify(manager, { id, status, agency_id: choice.chosen.id, case_id: caseId }, 'referral.created');
    } else {
      await this.askBorderPointForConsent(manager, caseId, borderPointId, active.sop);
    }
    await this.audit.record(manager, {
      action: 'REFERRAL.CREATED',
      actor,
      caseId,
      fieldGroups: planned.fieldGroups,
      purpose: 'REFERRAL',
      details: { referralId: id, agencyId: choice.chosen.id, status, sopVersionId: active.id },
    });
  }

  /** The receiving agency sees the case from now on (and keeps seeing what it held a referral for). */
  private async shareCase(manager: EntityManager, caseId: string, agencyId: string): Promise<void> {
    await shareCase(manager, caseId, agencyId, 'REFERRAL');
  }

  /**
   * One open task per case for the border point: record the consent (or legal basis) the held referrals wait
   * for, due as long after now as the SOP the referral is made under gives (an ISO 8601 duration PostgreSQL reads).
   */
  private async askBorderPointForConsent(manager: EntityManager, caseId: string, borderPointId: string, sop: Sop): Promise<void> {
    await insertConsentTask(manager, { id: randomUUID(), caseId, borderPointId, within: sop.borderPointTasks.obtainConsent });
  }

  /** Agencies of a kind, with how many referrals each received today (for the daily capacity). */
  private async candidates(manager: EntityManager, kind: AgencyKind): Promise<AgencyCandidate[]> {
    const rows = await findAgencyCandidates(manager, kind);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind,
      services: r.services as AgencyCandidate['services'],
      coverageBorderPointCodes: r.codes,
      coverageRegions: r.regions,
      languages: r.languages,
      dailyCapacity: r.daily_capacity,
      acceptedToday: r.today,
    }));
  }

  /** The consent records of a case for a recipient (the agency, or its kind), oldest first: what `meetRequirements` reads. */
  private async consentsOnRecord(manager: EntityManager, caseId: string, agencyId: string, kind: string): Promise<ConsentOnRecord[]> {
    const rows = await findConsentRecords(manager, caseId, agencyId, kind);
    return rows.map((r) => ({ id: r.id, purpose: r.purpose, decision: r.decision as ConsentOnRecord['decision'], legalBasis: r.legal_basis, fieldGroups: r.field_groups, withdrawn: r.withdrawn }));
  }

  /** Consent recorded (or withdrawn) on a case: referrals waiting for it go ahead when it now covers them. */
  async releaseAwaitingConsent(manager: EntityManager, caseId: string, actor: Actor): Promise<void> {
    const waiting = await findAwaitingConsent(manager, caseId);
    for (const referral of waiting) {
      const requirements = ((referral.basis as { requirements?: ConsentRequirement[] }).requirements ?? []);
      const { met, waiting: still } = meetRequirements(requirements, await this.consentsOnRecord(manager, caseId, referral.agency_id, referral.agency_kind));
      if (still.length === 0) {
        await recordBasisMet(manager, referral.id, met);
        const fresh = (await findReferral(manager, referral.id)) as ReferralRow;
        await this.referrals.transition(manager, fresh, ReferralAction.Release, actor, { reason: 'consent on record' });
        await this.shareCase(manager, caseId, referral.agency_id);
        continue;
      }
      // A refusal keeps it held, and the sender reads why in the referral's history.
      const refused = await findRefusedPurposes(manager, caseId, referral.agency_id, referral.agency_kind, requirements.map((r) => r.purpose));
      for (const purpose of refused) {
        await insertHeldEventOnce(manager, { referralId: referral.id, caseId, actorUserId: actor.userId, actorAgencyId: actor.agencyId, reason: `consent refused for ${purpose}` });
      }
    }
    // Nothing waits any more: the border point's consent task is done.
    if ((await countAwaitingConsent(manager, caseId)) === 0) await closeConsentTask(manager, caseId, actor.userId);
  }

  /** After a decline: the next agency in the SOP's order gets a new referral, or the coordinating body is alerted. */
  async afterTransition(manager: EntityManager, referral: ReferralRow, action: ReferralAction, actor: Actor | null): Promise<void> {
    if (action === ReferralAction.Accept) return this.takeOn(manager, referral);
    const cancelled = tasksCancelledBecause(action);
    if (cancelled !== null) {
      // What the agency was asked to do for this referral is no longer asked.
      await cancelReferralTasks(manager, referral.id, cancelled);
      return;
    }
    if (action !== ReferralAction.Decline) return;
    // The next agency is the SOP's choice, not the decliner's: it is made in a system scope (the decliner
    // may neither see nor write another agency's referral), and the decliner's scope is restored after.
    await applyScope(manager, systemScope('referral fallback after a decline'));
    try {
      await this.referToNextAgency(manager, referral, actor);
    } finally {
      if (actor) await applyScope(manager, actorScope(actor));
    }
  }

  /**
   * The agency takes the referral on: each action the SOP requires of it becomes a task on the agency,
   * due when the plan said; a lead referral makes the agency the case's lead when it has none yet.
   */
  private async takeOn(manager: EntityManager, referral: ReferralRow): Promise<void> {
    const actions = (Array.isArray(referral.required_actions) ? referral.required_actions : []) as { action: string; dueAt: string }[];
    if (actions.length > 0) await insertActionTasks(manager, referral, actions);
    if (referral.role === 'LEAD') await insertCaseLeadOnce(manager, referral);
  }

  private async referToNextAgency(manager: EntityManager, referral: ReferralRow, actor: Actor | null): Promise<void> {
    const context = await findCaseContext(manager, referral.case_id);
    if (!context) return;
    // The declined referral's own plan, under the SOP version it was made with.
    const sop = await this.versions.parsed(manager, referral.sop_version_id);
    const derived = deriveFacts(await loadCaseFacts(manager, this.cipher, referral.case_id), sop.ruleSet.primaFacie);
    const profiles = await this.profiling.current(manager, referral.case_id);
    const plan = planReferrals(
      sop,
      {
        profiles: profiles.filter((p) => p.routable).map((p) => ({ profile: p.profile, urgency: p.urgency })),
        context: { borderPointCode: context.border_point_code, region: context.region, arrivedAt: context.arrived_at.toISOString(), languages: context.languages, isChild: derived.isChild },
      },
      this.clock.now(),
    );
    // Each target the declined referral answered goes to the next agency for it.
    const byTarget = new Map(plan.referrals.map((r) => [r.target, r]));
    for (const target of targetsOf(referral)) {
      const planned = byTarget.get(target);
      if (planned) await this.create(manager, referral.case_id, referral.border_point_id, planned, { id: referral.sop_version_id, sop }, actor, referral, byTarget);
    }
  }

  /** No agency left for a referral: the coordinating body named by the SOP gets a task on the case. */
  private async alertCoordinatingBody(manager: EntityManager, caseId: string, planned: PlannedReferral, coordinatingBody: string, actor: Actor | null): Promise<void> {
    const bodyId = await findAgencyIdNamed(manager, coordinatingBody);
    if (!bodyId) {
      this.logger.error({ caseId, coordinatingBody }, 'the coordinating body named by the SOP is not an agency');
      return;
    }
    await insertNoAgencyTask(manager, { id: randomUUID(), caseId, agencyId: bodyId, dueAt: new Date(planned.dueAt) });
    await shareCase(manager, caseId, bodyId, 'COORDINATION');
    await this.audit.record(manager, {
      action: 'REFERRAL.NO_AGENCY_LEFT',
      actor,
      caseId,
      purpose: 'REFERRAL',
      details: { agencyKind: planned.agencyKind, coordinatingBodyId: bodyId },
    });
  }
}

import { AuditService } from '@kivuko/audit';
import { CaseProfilingService, CasePolicy, ConsentService, loadCaseFacts, ProfilesChanged, ProfilingListener } from '@kivuko/cases';
import { Actor, actorScope, applyScope, Clock, FieldCipher, JobName, OutboxService, systemScope } from '@kivuko/platform';
import { deriveFacts, isProtectionProfile, ProfileCode } from '@kivuko/profiling';
import {
  AgencyCandidate,
  AgencyKind,
  BasisMet,
  chooseAgency,
  ConsentOnRecord,
  ConsentRequirement,
  loadSop,
  meetRequirements,
  MergedReferral,
  mergePlannedReferrals,
  PlannedReferral,
  planReferrals,
  Priority,
  priorityNumber,
  Sop,
} from '@kivuko/sop';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ReferralFollowUp, ReferralRow, ReferralService, SELECT_REFERRAL } from './referral.service';
import { OPEN_STATUSES, ReferralAction, ReferralStatus } from './referral-status';

/** The SOP version a referral is made under. */
export interface ActiveSop {
  id: string;
  sop: Sop;
}

/** What stands in for consent on a referral, as recorded on it (`basis.met`: what met each requirement, never a gap). */
export type ReferralBasis = BasisMet;

/** The targets a referral answers (a referral made before targets were kept answers its one target). */
const targetsOf = (referral: ReferralRow): string[] =>
  Array.isArray(referral.targets) && referral.targets.length > 0 ? referral.targets.map((t) => t.target) : [referral.target];

interface CaseContextRow {
  border_point_id: string;
  border_point_code: string;
  country: string;
  region: string | null;
  arrived_at: Date;
  languages: string[];
}

export const priorityRank = (priority: Priority): number => priorityNumber(priority);

/**
 * Routes a case under the active joint SOP whenever its profiles change, in the same transaction:
 * plans the referrals the routable profiles call for, reuses an open referral to the same kind of
 * agency, chooses the agency for a new one (coverage, service, language, capacity, and the fallback
 * order), holds it for consent where the SOP requires consent that is not on record, and withdraws the
 * referrals no routable profile calls for any more. A declined referral goes to the next agency.
 */
@Injectable()
export class ReferralRouter implements ProfilingListener, ReferralFollowUp, OnModuleInit {
  private readonly logger = new Logger('Referrals');
  private readonly sops = new Map<string, Sop>();

  constructor(
    private readonly profiling: CaseProfilingService,
    private readonly consents: ConsentService,
    private readonly referrals: ReferralService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly policy: CasePolicy,
  ) {}

  onModuleInit(): void {
    // Profiling and reading a case go by the SOP active for it.
    this.policy.setSource({
      policyFor: async (manager, caseId) => {
        const [row] = await manager.query<{ country: string }[]>(
          `SELECT bp.country FROM case_file c JOIN border_point bp ON bp.id = c.border_point_id WHERE c.id = $1`,
          [caseId],
        );
        const active = row ? await this.activeSop(manager, row.country, this.clock.now()) : null;
        return active ? { sopVersionId: active.id, ruleSet: active.sop.ruleSet, sharing: active.sop.dataSharing.recipients } : null;
      },
    });
    this.profiling.addListener(this);
    this.referrals.setFollowUp(this);
    this.consents.addListener({ consentChanged: (manager, caseId, actor) => this.releaseAwaitingConsent(manager, caseId, actor) });
  }

  /** The active SOP version of a country, parsed once per version. */
  async activeSop(manager: EntityManager, country: string, at = new Date()): Promise<ActiveSop | null> {
    // The id only: a version's document never changes, so it is read (and parsed) once per version.
    const [row] = await manager.query<{ id: string }[]>(
      `SELECT id FROM sop_version WHERE jurisdiction = $1 AND status = 'ACTIVE' AND (effective_from IS NULL OR effective_from <= $2)`,
      [country, at],
    );
    if (!row) return null;
    let sop = this.sops.get(row.id);
    if (!sop) {
      const [{ document }] = await manager.query<{ document: unknown }[]>(`SELECT document FROM sop_version WHERE id = $1`, [row.id]);
      sop = loadSop(document);
      this.sops.set(row.id, sop);
    }
    return { id: row.id, sop };
  }

  async profilesChanged(manager: EntityManager, event: ProfilesChanged): Promise<void> {
    // Routing is the SOP's decision, not the actor's: a profiling run an agency caused (an age assessment,
    // a verified relationship) may call for referrals to other agencies, which the agency neither sees
    // nor writes. Officials of the border point of arrival route in their own scope, as at intake.
    const [seen] = await manager.query<{ border_point_id: string }[]>(`SELECT border_point_id FROM case_file WHERE id = $1`, [event.caseId]);
    const ownScope = event.actor === null || (seen !== undefined && event.actor.borderPointIds.includes(seen.border_point_id));
    if (ownScope) return this.route(manager, event);
    await applyScope(manager, systemScope('routing after a profiling run caused by a receiving agency'));
    try {
      await this.route(manager, event);
    } finally {
      if (event.actor) await applyScope(manager, actorScope(event.actor));
    }
  }

  private async route(manager: EntityManager, event: ProfilesChanged): Promise<void> {
    const [context] = await manager.query<CaseContextRow[]>(
      `SELECT c.border_point_id, bp.code AS border_point_code, bp.country, bp.region, c.arrived_at, p.languages
       FROM case_file c JOIN border_point bp ON bp.id = c.border_point_id JOIN person p ON p.case_id = c.id WHERE c.id = $1`,
      [event.caseId],
    );
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
    const open = (
      await manager.query<ReferralRow[]>(`${SELECT_REFERRAL} WHERE r.case_id = $1 AND r.status = ANY ($2::text[]) ORDER BY r.created_at, r.id`, [event.caseId, OPEN_STATUSES])
    ).filter((r) => r.status !== ReferralStatus.Suspended);
    const byTarget = new Map(plan.referrals.map((r) => [r.target, r]));
    // Protection supersedes return: what a return or migration profile was referred for ends, and is not reused for the protection routes.
    const cutOff = new Set<string>([...plan.heldBack.map((h) => h.profile), ...event.profiles.filter((p) => p.status === 'SUPERSEDED').map((p) => p.profile)]);
    const protection = event.profiles.filter((p) => p.routable && isProtectionProfile(p.profile)).map((p) => p.profile);
    const claimed = new Set<string>();
    for (const referral of open) {
      if (referral.profiles.some((p) => cutOff.has(p))) {
        await this.endForProtection(manager, referral, event.actor, protection);
        continue;
      }
      const parts = targetsOf(referral).flatMap((t) => (claimed.has(t) ? [] : (byTarget.get(t) ?? [])));
      if (parts.length === 0) {
        await this.referrals.transition(manager, referral, ReferralAction.Withdraw, event.actor, {
          reason: 'No routable profile calls for this referral any more (re-profiling)',
        });
        continue;
      }
      parts.forEach((part) => claimed.add(part.target));
      await this.reuse(manager, referral, mergePlannedReferrals(parts));
    }
    for (const referral of plan.referrals) {
      if (!claimed.has(referral.target)) await this.create(manager, event.caseId, context.border_point_id, referral, active, event.actor, null, byTarget);
    }
  }

  /**
   * A protection profile superseded the return or migration profile this referral serves: withdrawn, or,
   * once the agency took it on, suspended with its open tasks cancelled; the agency is told either way.
   */
  private async endForProtection(manager: EntityManager, referral: ReferralRow, actor: Actor | null, protection: ProfileCode[]): Promise<void> {
    const taken = referral.status === ReferralStatus.Accepted || referral.status === ReferralStatus.InProgress;
    await this.referrals.transition(manager, referral, taken ? ReferralAction.Suspend : ReferralAction.Withdraw, actor, {
      reason: `Protection supersedes return: ${protection.length > 0 ? protection.join(', ') : 'a protection profile'} open, and no return or migration route while it is`,
    });
  }

  /**
   * An open referral answers the plan's targets that landed on its agency: its profiles, role, actions
   * and targets follow them; its priority and deadline never get later than promised.
   */
  private async reuse(manager: EntityManager, existing: ReferralRow, merged: MergedReferral): Promise<void> {
    await manager.query(
      `UPDATE referral SET profiles = $2::text[], priority = least(priority, $3), due_at = least(due_at, $4), role = $5, required_actions = $6::jsonb,
         targets = $7::jsonb, target = $8, basis = basis || jsonb_build_object('separately', $9::jsonb), updated_at = now() WHERE id = $1`,
      [
        existing.id,
        merged.profiles.map((p) => p.profile),
        priorityRank(merged.priority),
        new Date(merged.dueAt),
        merged.role,
        JSON.stringify(merged.actions),
        JSON.stringify(merged.targets),
        merged.target,
        JSON.stringify(merged.separateConsent),
      ],
    );
    // A deadline brought forward gets its own timer (the same deadline is one job, however often asked).
    if (new Date(merged.dueAt) < existing.due_at) {
      await this.outbox.enqueue(manager, JobName.ReferralDue, { referralId: existing.id }, { key: `${existing.id}-${merged.dueAt}`, runAt: new Date(merged.dueAt) });
    }
    // An agency that already took the referral on gets a task for each action the plan now adds.
    if (existing.status === ReferralStatus.Accepted || existing.status === ReferralStatus.InProgress) {
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
    const declined = await manager.query<{ agency_id: string }[]>(
      `SELECT agency_id FROM referral WHERE case_id = $1 AND status = 'DECLINED'`,
      [caseId],
    );
    const choice = chooseAgency(
      active.sop,
      planned.agencyKind,
      planned.requirement,
      await this.candidates(manager, planned.agencyKind),
      declined.map((d) => d.agency_id),
    );
    if (!choice.chosen) {
      await this.alertCoordinatingBody(manager, caseId, planned, choice.alert?.coordinatingBody ?? active.sop.escalation.coordinatingBody, actor);
      return;
    }
    // Two targets may land on one agency (a legal-aid NGO that is also the rehabilitation centre): one
    // referral per agency and case, keeping every target with its role, profiles and actions.
    const [sameAgency] = await manager.query<ReferralRow[]>(
      `${SELECT_REFERRAL} WHERE r.case_id = $1 AND r.agency_id = $2 AND r.status <> ALL ($3::text[]) ORDER BY r.created_at, r.id LIMIT 1`,
      [caseId, choice.chosen.id, ['DECLINED', 'COMPLETED', 'WITHDRAWN', 'SUSPENDED']],
    );
    if (sameAgency) {
      const others = targetsOf(sameAgency).flatMap((t) => (t === planned.target ? [] : (byTarget.get(t) ?? [])));
      await this.reuse(manager, sameAgency, mergePlannedReferrals([...others, planned]));
      return;
    }
    const { met, waiting } = meetRequirements(planned.consent, await this.consentsOnRecord(manager, caseId, choice.chosen.id, planned.agencyKind));
    const status = waiting.length === 0 ? ReferralStatus.Pending : ReferralStatus.AwaitingConsent;
    const single = mergePlannedReferrals([planned]);
    const id = randomUUID();
    await manager.query(
      `INSERT INTO referral (id, case_id, agency_id, border_point_id, role, profiles, priority, status, due_at, required_actions, field_groups, basis,
         sop_version_id, attempt, previous_referral_id, target, targets)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $10::jsonb, $11::text[], $12::jsonb, $13, $14, $15, $16, $17::jsonb)`,
      [
        id,
        caseId,
        choice.chosen.id,
        borderPointId,
        planned.role,
        planned.profiles.map((p) => p.profile),
        priorityRank(planned.priority),
        status,
        new Date(planned.dueAt),
        JSON.stringify(planned.actions),
        planned.fieldGroups,
        JSON.stringify({
          requirements: planned.consent,
          met,
          separately: planned.separateConsent,
          chosenBecause: choice.chosen.reasons,
          fallbacks: choice.fallbacks.map((f) => f.id),
        }),
        active.id,
        (previous?.attempt ?? 0) + 1,
        previous?.id ?? null,
        planned.target,
        JSON.stringify(single.targets),
      ],
    );
    await manager.query(
      `INSERT INTO referral_event (referral_id, case_id, from_status, to_status, actor_user_id, actor_agency_id, reason) VALUES ($1, $2, NULL, $3, $4, $5, $6)`,
      [id, caseId, status, actor?.userId ?? null, actor?.agencyId ?? null, previous ? 'next agency after a decline' : null],
    );
    // The first-contact timer; the sweep catches it should the timer be lost.
    await this.outbox.enqueue(manager, JobName.ReferralDue, { referralId: id }, { key: `${id}-${planned.dueAt}`, runAt: new Date(planned.dueAt) });
    if (status === ReferralStatus.Pending) {
      await this.shareCase(manager, caseId, choice.chosen.id);
      await this.referrals.notify(manager, { id, status, agency_id: choice.chosen.id, case_id: caseId }, 'referral.created');
    } else {
      await this.askBorderPointForConsent(manager, caseId, borderPointId);
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
    await manager.query(`INSERT INTO case_share (case_id, agency_id, source) VALUES ($1, $2, 'REFERRAL') ON CONFLICT DO NOTHING`, [caseId, agencyId]);
  }

  /** One open task per case for the border point: record the consent (or legal basis) the held referrals wait for. */
  private async askBorderPointForConsent(manager: EntityManager, caseId: string, borderPointId: string): Promise<void> {
    await manager.query(
      `INSERT INTO case_task (id, case_id, kind, border_point_id, due_at)
       SELECT $1, $2, 'OBTAIN_CONSENT', $3, now() + interval '1 day'
       WHERE NOT EXISTS (SELECT 1 FROM case_task WHERE case_id = $2 AND kind = 'OBTAIN_CONSENT' AND status = 'OPEN')`,
      [randomUUID(), caseId, borderPointId],
    );
  }

  /** Agencies of a kind, with how many referrals each received today (for the daily capacity). */
  private async candidates(manager: EntityManager, kind: AgencyKind): Promise<AgencyCandidate[]> {
    const rows = await manager.query<{ id: string; name: string; services: string[]; codes: string[]; regions: string[]; languages: string[]; daily_capacity: number | null; today: number }[]>(
      `SELECT a.id, a.name, a.services, a.coverage_regions AS regions, a.languages, a.daily_capacity,
              ARRAY(SELECT bp.code FROM border_point bp WHERE bp.id = ANY (a.coverage_border_point_ids)) AS codes,
              (SELECT count(*)::int FROM referral r WHERE r.agency_id = a.id AND r.created_at >= date_trunc('day', now())) AS today
       FROM agency a WHERE a.kind = $1 AND a.active ORDER BY a.name`,
      [kind],
    );
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
    const rows = await manager.query<{ id: string; purpose: string; decision: ConsentOnRecord['decision']; legal_basis: string | null; field_groups: string[]; withdrawn: boolean }[]>(
      `SELECT id, purpose, decision, legal_basis, field_groups, withdrawn_at IS NOT NULL AS withdrawn FROM consent_record
       WHERE case_id = $1 AND (recipient_agency_id = $2 OR recipient_agency_kind = $3) ORDER BY recorded_at, id`,
      [caseId, agencyId, kind],
    );
    return rows.map((r) => ({ id: r.id, purpose: r.purpose, decision: r.decision, legalBasis: r.legal_basis, fieldGroups: r.field_groups, withdrawn: r.withdrawn }));
  }

  /** Consent recorded (or withdrawn) on a case: referrals waiting for it go ahead when it now covers them. */
  async releaseAwaitingConsent(manager: EntityManager, caseId: string, actor: Actor): Promise<void> {
    const waiting = await manager.query<ReferralRow[]>(`${SELECT_REFERRAL} WHERE r.case_id = $1 AND r.status = 'AWAITING_CONSENT'`, [caseId]);
    for (const referral of waiting) {
      const requirements = ((referral.basis as { requirements?: ConsentRequirement[] }).requirements ?? []);
      const { met, waiting: still } = meetRequirements(requirements, await this.consentsOnRecord(manager, caseId, referral.agency_id, referral.agency_kind));
      if (still.length === 0) {
        await manager.query(`UPDATE referral SET basis = basis || jsonb_build_object('met', $2::jsonb) WHERE id = $1`, [referral.id, JSON.stringify(met)]);
        const [fresh] = await manager.query<ReferralRow[]>(`${SELECT_REFERRAL} WHERE r.id = $1`, [referral.id]);
        await this.referrals.transition(manager, fresh, ReferralAction.Release, actor, { reason: 'consent on record' });
        await this.shareCase(manager, caseId, referral.agency_id);
        continue;
      }
      // A refusal keeps it held, and the sender reads why in the referral's history.
      const refused = await manager.query<{ purpose: string }[]>(
        `SELECT purpose FROM (
           SELECT DISTINCT ON (purpose) purpose, decision FROM consent_record
           WHERE case_id = $1 AND (recipient_agency_id = $2 OR recipient_agency_kind = $3) AND withdrawn_at IS NULL
           ORDER BY purpose, recorded_at DESC, id DESC) latest
         WHERE decision = 'REFUSED' AND purpose = ANY ($4::text[])`,
        [caseId, referral.agency_id, referral.agency_kind, requirements.map((r) => r.purpose)],
      );
      for (const { purpose } of refused) {
        const reason = `consent refused for ${purpose}`;
        await manager.query(
          `INSERT INTO referral_event (referral_id, case_id, from_status, to_status, actor_user_id, actor_agency_id, reason)
           SELECT $1, $2, 'AWAITING_CONSENT', 'AWAITING_CONSENT', $3, $4, $5
           WHERE NOT EXISTS (SELECT 1 FROM referral_event WHERE referral_id = $1 AND reason = $5)`,
          [referral.id, caseId, actor.userId, actor.agencyId, reason],
        );
      }
    }
    // Nothing waits any more: the border point's consent task is done.
    const [{ waiting: left }] = await manager.query<{ waiting: number }[]>(
      `SELECT count(*)::int AS waiting FROM referral WHERE case_id = $1 AND status = 'AWAITING_CONSENT'`,
      [caseId],
    );
    if (left === 0) {
      await manager.query(`UPDATE case_task SET status = 'DONE', closed_at = now(), closed_by = $2 WHERE case_id = $1 AND kind = 'OBTAIN_CONSENT' AND status = 'OPEN'`, [
        caseId,
        actor.userId,
      ]);
    }
  }

  /** After a decline: the next agency in the SOP's order gets a new referral, or the coordinating body is alerted. */
  async afterTransition(manager: EntityManager, referral: ReferralRow, action: ReferralAction, actor: Actor | null): Promise<void> {
    if (action === ReferralAction.Accept) return this.takeOn(manager, referral);
    if (action === ReferralAction.Withdraw || action === ReferralAction.Suspend) {
      // What the agency was asked to do for this referral is no longer asked.
      await manager.query(
        `UPDATE case_task SET status = 'CANCELLED', closed_at = now(), close_reason = $2 WHERE referral_id = $1 AND status = 'OPEN' AND escalation_step IS NULL`,
        [referral.id, action === ReferralAction.Withdraw ? 'Referral withdrawn' : 'Referral suspended: Protection supersedes return'],
      );
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
    if (actions.length > 0) {
      await manager.query(
        `INSERT INTO case_task (id, case_id, kind, agency_id, due_at, referral_id)
         SELECT gen_random_uuid(), $1, a.action, $2, a.due_at, $3 FROM unnest($4::text[], $5::timestamptz[]) AS a(action, due_at)
         ON CONFLICT (referral_id, kind) WHERE referral_id IS NOT NULL AND escalation_step IS NULL DO NOTHING`,
        [referral.case_id, referral.agency_id, referral.id, actions.map((a) => a.action), actions.map((a) => a.dueAt)],
      );
    }
    if (referral.role === 'LEAD') {
      await manager.query(`INSERT INTO case_lead (case_id, agency_id, source, referral_id) VALUES ($1, $2, 'REFERRAL', $3) ON CONFLICT (case_id) DO NOTHING`, [
        referral.case_id,
        referral.agency_id,
        referral.id,
      ]);
    }
  }

  private async referToNextAgency(manager: EntityManager, referral: ReferralRow, actor: Actor | null): Promise<void> {
    const [context] = await manager.query<CaseContextRow[]>(
      `SELECT c.border_point_id, bp.code AS border_point_code, bp.country, bp.region, c.arrived_at, p.languages
       FROM case_file c JOIN border_point bp ON bp.id = c.border_point_id JOIN person p ON p.case_id = c.id WHERE c.id = $1`,
      [referral.case_id],
    );
    const [sopRow] = await manager.query<{ document: unknown }[]>(`SELECT document FROM sop_version WHERE id = $1`, [referral.sop_version_id]);
    if (!context || !sopRow) return;
    // The declined referral's own plan, under the SOP version it was made with.
    const sop = this.sops.get(referral.sop_version_id) ?? loadSop(sopRow.document);
    this.sops.set(referral.sop_version_id, sop);
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
    const [body] = await manager.query<{ id: string }[]>(`SELECT id FROM agency WHERE name = $1 OR id::text = $1`, [coordinatingBody]);
    if (!body) {
      this.logger.error({ caseId, coordinatingBody }, 'the coordinating body named by the SOP is not an agency');
      return;
    }
    await manager.query(
      `INSERT INTO case_task (id, case_id, kind, agency_id, due_at) VALUES ($1, $2, 'NO_AGENCY_AVAILABLE', $3, $4)`,
      [randomUUID(), caseId, body.id, new Date(planned.dueAt)],
    );
    await manager.query(`INSERT INTO case_share (case_id, agency_id, source) VALUES ($1, $2, 'COORDINATION') ON CONFLICT DO NOTHING`, [caseId, body.id]);
    await this.audit.record(manager, {
      action: 'REFERRAL.NO_AGENCY_LEFT',
      actor,
      caseId,
      purpose: 'REFERRAL',
      details: { agencyKind: planned.agencyKind, coordinatingBodyId: body.id },
    });
  }
}

import { AgencyKind, AgencyService } from '@kivuko/access';
import { AuditService } from '@kivuko/audit';
import { asylumWishInForce, caseNotFound, CasePolicy, loadCaseFacts } from '@kivuko/cases';
import { Actor, BadInputError, DomainError, FieldCipher, Scope, UnitOfWork } from '@kivuko/platform';
import { Answers, deriveFacts, DerivedFacts } from '@kivuko/profiling';
import { NonRefoulementReason, nonRefoulementReasons, REASON_TEXT, ReturnKind, SafeguardFacts } from '@kivuko/safeguards';
import { ActionCode as SopAction, addDuration, DEFAULT_SOP, Sop } from '@kivuko/sop';
import { SopVersions } from '@kivuko/sop-lifecycle';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CaseworkErrors } from '../casework.errors';
import * as q from './record-support.queries';

/** Screening answers that say who is with the child is a parent, legal guardian or customary caregiver. */
const CAREGIVER_RELATIONSHIPS: readonly unknown[] = ['PARENT', 'LEGAL_GUARDIAN', 'CUSTOMARY_CAREGIVER'];

/**
 * Whether a parent or caregiver with the person is positively on record: the screening says one is there,
 * or every parent or relative a companion claimed to be was verified; and no check found a claimed
 * relationship false. Not known, no one, a relative, or a relationship only claimed is not enough.
 */
export function accompaniedByCaregiver(answers: Answers, derived: Pick<DerivedFacts, 'caregiver' | 'caregiverVerification'>): boolean {
  if (derived.caregiver !== 'PARENT_OR_CAREGIVER' || derived.caregiverVerification === 'NOT_VERIFIED') return false;
  const screened = CAREGIVER_RELATIONSHIPS.includes(answers['caregiver_relationship']) || answers['caregiver_present'] === true;
  return screened || derived.caregiverVerification === 'VERIFIED';
}

/** Who may write a kind of record: agencies of these kinds, or offering this service. */
export interface Mandate {
  what: string;
  kinds: readonly AgencyKind[];
  service?: AgencyService;
}

export const MANDATES = {
  asylum: { what: 'asylum claims', kinds: [AgencyKind.ASYLUM_AUTHORITY] },
  trafficking: { what: 'trafficking identification, reflection periods, permits and assistance', kinds: [AgencyKind.ANTI_TRAFFICKING] },
  children: { what: 'guardians, best-interests procedures and age assessments', kinds: [AgencyKind.CHILD_PROTECTION] },
  detention: { what: 'detention episodes', kinds: [AgencyKind.BORDER_AUTHORITY, AgencyKind.IMMIGRATION] },
  detentionAccess: { what: 'access to a detained person', kinds: [AgencyKind.BORDER_AUTHORITY, AgencyKind.IMMIGRATION, AgencyKind.INTERNATIONAL_ORGANIZATION, AgencyKind.NGO] },
  removal: { what: 'removal orders', kinds: [AgencyKind.IMMIGRATION] },
  voluntaryReturn: { what: 'assisted voluntary returns', kinds: [AgencyKind.INTERNATIONAL_ORGANIZATION], service: AgencyService.VOLUNTARY_RETURN },
  prosecution: { what: 'prosecution flags', kinds: [AgencyKind.BORDER_AUTHORITY, AgencyKind.IMMIGRATION] },
} as const satisfies Record<string, Mandate>;

/** What a transaction hands back when a safeguard refused: the refusal is committed, then raised. */
export class Refused {
  constructor(readonly error: DomainError) {}
}

export const notFound = (what: string): DomainError => CaseworkErrors.raise('RECORD.NOT_FOUND', `No ${what} with this id on this case`);
/** A field that is well formed but does not fit the record it is about (a date before the record began): 400 naming it. */
export const invalid = (path: string, problem: string): BadInputError => CaseworkErrors.badInput('RECORD.INVALID', [{ path, problem }]);

/** The case as a record-writing use case needs it. */
export interface CaseContext {
  caseId: string;
  borderPointId: string;
  country: string;
}

/**
 * The shared steps of every record use case: the case in scope, the caller's mandate, the safeguard
 * facts, the safeguard trail, and running so that a refusal is kept while the refused change is not.
 */
@Injectable()
export class RecordSupport {
  constructor(
    readonly uow: UnitOfWork,
    readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly policy: CasePolicy,
    private readonly versions: SopVersions,
  ) {}

  /** The joint SOP in force for the case's country (the default SOP where none is active). */
  async sop(manager: EntityManager, context: CaseContext): Promise<Sop> {
    return (await this.versions.active(manager, context.country))?.sop ?? DEFAULT_SOP;
  }

  /** The last day (exclusive) of a reflection period starting on `startsOn`: `days` when given, else the SOP's period. */
  reflectionEnd(sop: Sop, startsOn: string, days: number | undefined): string {
    const start = new Date(`${startsOn}T00:00:00Z`);
    if (days !== undefined) return new Date(start.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const period =
      Object.values(sop.routing)
        .flatMap((entry) => [entry.lead, ...entry.supporting])
        .flatMap((target) => target.actions)
        .find((a) => a.action === 'START_REFLECTION_PERIOD' && a.period)?.period ?? 'P30D';
    return addDuration(start, period).toISOString().slice(0, 10);
  }

  /**
   * Runs a use case in one transaction. A safeguard that refuses returns `Refused`: the transaction
   * commits what it wrote (the blocked attempt on the trail, its audit), then the refusal is raised.
   */
  async run<T>(scope: Scope, work: (manager: EntityManager) => Promise<T | Refused>): Promise<T> {
    const result = await this.uow.run(scope, work);
    if (result instanceof Refused) throw result.error;
    return result;
  }

  /**
   * The case, locked for the rest of the transaction: a use case that checks a safeguard and one that
   * records a fact the safeguards read (a claim, a flag, a profile) take turns on the same case, so a
   * check never passes on facts another transaction is changing.
   */
  async requireCase(manager: EntityManager, caseId: string): Promise<CaseContext> {
    return this.caseContext(manager, caseId, true);
  }

  /** The case, for a read. */
  readCase(manager: EntityManager, caseId: string): Promise<CaseContext> {
    return this.caseContext(manager, caseId, false);
  }

  private async caseContext(manager: EntityManager, caseId: string, lock: boolean): Promise<CaseContext> {
    const row = await q.findCaseContext(manager, caseId, lock);
    if (!row) throw caseNotFound();
    return { caseId, borderPointId: row.border_point_id, country: row.country };
  }

  /** Refuses a caller whose agency does not hold the mandate for this kind of record. */
  async requireMandate(manager: EntityManager, actor: Actor, mandate: Mandate): Promise<void> {
    const agency = await q.findAgencyMandate(manager, actor.agencyId);
    const holds = agency !== undefined && mandate.kinds.includes(agency.kind) && (!mandate.service || agency.services.includes(mandate.service));
    if (!holds) {
      throw CaseworkErrors.raise('RECORD.NOT_YOUR_MANDATE', `Your agency does not record ${mandate.what}`, {
        agencyKinds: mandate.kinds,
        ...(mandate.service ? { service: mandate.service } : {}),
      });
    }
  }

  /** The case's screening answers, decrypted on the server for a use case that reads one (never returned by this path). */
  async screeningAnswers(manager: EntityManager, caseId: string): Promise<Answers> {
    return (await loadCaseFacts(manager, this.cipher, caseId)).answers ?? {};
  }

  /** Everything the safeguards look at, as the case stands inside this transaction. */
  async facts(manager: EntityManager, caseId: string): Promise<SafeguardFacts> {
    const row = await q.findSafeguardFactsRow(manager, caseId);
    const { ruleSet } = await this.policy.forCase(manager, caseId);
    const caseFacts = await loadCaseFacts(manager, this.cipher, caseId);
    const derived = deriveFacts(caseFacts, ruleSet.primaFacie);
    const t = row.trafficking;
    return {
      profiles: row.profiles.map((p) => p.profile),
      indicatorIds: row.profiles.flatMap((p) => (p.indicators ?? []).map((i) => i.id)),
      presumedChild: derived.isChild,
      accompaniedByCaregiver: accompaniedByCaregiver(caseFacts.answers ?? {}, derived),
      asylumWishExpressed: await asylumWishInForce(manager, caseFacts, caseId),
      asylumClaim: row.claim,
      trafficking: t ? { status: t.status, reflection: t.startsOn && t.endsOn ? { startsOn: t.startsOn, endsOn: t.endsOn, endedOn: t.endedOn } : null } : null,
      bestInterestsDetermination: row.bid ? { decision: row.bid } : null,
      bestInterestsAssessed: row.best_interests_assessed,
      assessedMinimumAge: row.minimum_age,
      openRefoulementRiskFlags: row.open_flags,
    };
  }

  /** The non-refoulement lock: a refusal (kept on the safeguard trail) when any reason is open, else nothing. No override exists. */
  async refoulementRefusal(manager: EntityManager, actor: Actor, caseId: string, kind: ReturnKind, attempted: string, now: Date, correlationId?: string): Promise<Refused | undefined> {
    const facts = await this.facts(manager, caseId);
    const reasons = nonRefoulementReasons(facts, kind, now);
    if (reasons.length === 0) return undefined;
    await this.trail(manager, actor, caseId, { safeguard: 'NON_REFOULEMENT', outcome: 'BLOCKED', attempted, reasons }, correlationId);
    const lead = await q.findCaseLead(manager, caseId);
    // An open flag is answered by the agency that opened it: the refusal names each (and when), so the page can say whom to ask.
    const flags = reasons.includes('REFOULEMENT_RISK_FLAG_OPEN') ? await q.findOpenRiskFlags(manager, caseId) : [];
    const flagDetails = flags.map((f) => ({ id: f.id, openedAt: new Date(f.opened_at).toISOString(), agency: { name: f.name, kind: f.kind } }));
    return new Refused(
      CaseworkErrors.raise('SAFEGUARD.NON_REFOULEMENT', `Refused by the non-refoulement lock: ${reasons.map((r) => REASON_TEXT[r]).join('; ')}. No override exists.`, {
        reasons: reasons.map((code) => ({ code, text: REASON_TEXT[code], ...reasonDates(code, facts), ...(code === 'REFOULEMENT_RISK_FLAG_OPEN' ? { flags: flagDetails } : {}) })),
        // Who to turn to: the agency leading the case (the UI says so in the user's language).
        lead: lead ? { name: lead.name, kind: lead.kind } : null,
        override: 'NO_OVERRIDE_EXISTS',
      }),
    );
  }

  /** Puts a blocked attempt or an override on the safeguard trail (and the audit trail), in the caller's transaction. */
  async trail(
    manager: EntityManager,
    actor: Actor,
    caseId: string,
    entry: { safeguard: 'NON_REFOULEMENT' | 'DETENTION_GUARD' | 'NON_CRIMINALISATION'; outcome: 'BLOCKED' | 'OVERRIDDEN'; attempted: string; reasons: readonly string[]; justification?: string },
    correlationId?: string,
  ): Promise<void> {
    await q.insertSafeguardEvent(manager, {
      id: randomUUID(),
      caseId,
      safeguard: entry.safeguard,
      outcome: entry.outcome,
      attempted: entry.attempted,
      reasons: entry.reasons,
      justification: entry.justification ?? null,
      actorUserId: actor.userId,
      actorAgencyId: actor.agencyId,
    });
    await this.audit.record(manager, {
      action: `SAFEGUARD.${entry.outcome}`,
      outcome: entry.outcome === 'BLOCKED' ? 'DENIED' : 'SUCCESS',
      actor,
      caseId,
      purpose: 'SAFEGUARD',
      correlationId,
      details: { safeguard: entry.safeguard, attempted: entry.attempted, reasons: entry.reasons.join(',') },
    });
  }

  /**
   * The record answers a required action of the SOP: the agency's open task for it (made when it took the
   * referral on) is done, by whoever recorded it.
   */
  async actionDone(manager: EntityManager, actor: Actor, caseId: string, action: SopAction): Promise<void> {
    await q.closeActionTasks(manager, { caseId, action, agencyId: actor.agencyId, userId: actor.userId });
  }

  /** A record's own audit entry: what was recorded, in which field group. */
  async audited(manager: EntityManager, actor: Actor, caseId: string, action: string, fieldGroup: string, details: Record<string, string | number | boolean | null>, correlationId?: string): Promise<void> {
    await this.audit.record(manager, { action, actor, caseId, fieldGroups: [fieldGroup], purpose: 'CASE_WORK', correlationId, details });
  }
}

/**
 * The dates a reason runs to, where it has them: a running reflection period's last day (`until`, inclusive:
 * the day before its exclusive `endsOn`), so that a refusal can say "until 12 March".
 */
export function reasonDates(code: NonRefoulementReason, facts: SafeguardFacts): { until?: string } {
  const reflection = facts.trafficking?.reflection;
  if (code !== 'REFLECTION_PERIOD_RUNNING' || !reflection) return {};
  return { until: new Date(Date.parse(`${reflection.endsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) };
}

/** Compare-and-set on a record's version, when the caller sent one. */
export function checkVersion(current: number, expected: number | undefined, what: string): void {
  if (expected !== undefined && expected !== current) {
    throw CaseworkErrors.raise('RECORD.VERSION_CONFLICT', `The ${what} changed since version ${expected}: read it again`, { currentVersion: current });
  }
}

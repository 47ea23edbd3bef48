import { AuditService } from '@kivuko/audit';
import { maskMatchReasons, MatchReason } from '@kivuko/matching';
import { Actor, actorScope, BadInputError, Clock, DomainError, FieldCipher, FieldProblem, UnitOfWork, validationFailed } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { requireOwnBorderPoint } from './border-point-guard';
import { CaseErrors } from './cases.errors';
import { CaseNumberAllocator } from './case-number';
import { CasePolicy } from './case-policy';
import { CompleteIntakeDto, RegisterIntakeDto } from './dto/intake.dto';
import { CaseQueryService, CaseView } from './case-query.service';
import { CaseProfilingService } from './profiling/case-profiling.service';
import { caseNotFound } from './consent/consent.service';
import { PossibleEncounter, recordEncounters, searchEncounters } from './encounter-search';
import { checkIntake, checkPerson } from './intake-checks';
import * as q from './intake.queries';
import { CaseStatus, IntakeMode, TaskKind } from './intake.enums';
import { insertPerson, matchFactsOf, replacePerson, sectionsOf, writeSections } from './person-record';
import { QuestionnaireRegistry } from './screening/questionnaire';

/** Case numbers are taken at the very end of a registration; until then a case carries this stand-in. */
export const PENDING_NUMBER_PREFIX = 'PENDING-';

export interface RegisteredCase {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  version: number;
  /** The person's `ref` in the intake, when it had one. */
  ref?: string;
  possibleEncounters: { matchedCaseId: string; caseNumber: string; score: number; reasons: MatchReason[] }[];
  /** The profiles suggested at intake (for the official to confirm); urgent ones already count for routing. */
  profiles: { profile: string; urgency: string; status: string; routable: boolean }[];
}

export interface IntakeResult {
  intakeId: string;
  mode: IntakeMode;
  cases: RegisteredCase[];
}

export interface RequestContext {
  correlationId?: string;
}

/** The same object serialised the same way whatever the order of its keys. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Registering arrivals: one request registers each person, the arrival and the screening interview,
 * creates a case per person with its number, looks for earlier encounters, and audits it, all in one
 * transaction. A retried submission (same client intake id) returns the first answer unchanged.
 */
@Injectable()
export class IntakeService {
  constructor(
    readonly questionnaires: QuestionnaireRegistry,
    private readonly uow: UnitOfWork,
    private readonly numbers: CaseNumberAllocator,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly cases: CaseQueryService,
    private readonly profiling: CaseProfilingService,
    private readonly policy: CasePolicy,
    private readonly clock: Clock,
  ) {}

  async register(actor: Actor, dto: RegisterIntakeDto, context: RequestContext = {}): Promise<{ replayed: boolean; result: IntakeResult }> {
    const mode = dto.mode ?? IntakeMode.Full;
    const { problems, screenings } = checkIntake(dto, this.clock.now(), this.questionnaires);
    const payloadHash = createHash('sha256').update(canonicalJson(dto)).digest('hex');

    return this.uow.run(actorScope(actor), async (manager) => {
      const borderPoint = await q.borderPointActive(manager, dto.arrival.borderPointId);
      if (!borderPoint) throw invalid([...problems, { path: 'arrival.borderPointId', problem: 'no border point has this id' }]);
      // A retry is answered before anything else is looked at: the first submission was valid.
      const replay = await this.claimIntakeId(manager, dto, actor, payloadHash);
      if (replay) return { replayed: true, result: replay };
      if (!borderPoint.active) problems.push({ path: 'arrival.borderPointId', problem: 'this border point is not active' });
      problems.push(...(await this.companionCaseProblems(manager, dto)));
      if (problems.length > 0) throw invalid(problems);
      const arrivedAt = new Date(dto.arrival.arrivedAt);
      const caseIds: string[] = dto.persons.map(() => randomUUID());
      const byRef = new Map(dto.persons.flatMap((p, i) => (p.ref ? [[p.ref, caseIds[i]] as const] : [])));
      const status = mode === IntakeMode.Full ? CaseStatus.Open : CaseStatus.Incomplete;
      const cases: RegisteredCase[] = [];
      const groupsWritten = new Map<string, string[]>();

      // Read before writing: the searches run before the case numbers are taken, because a number's
      // counter row stays locked until commit and every registration at this border point waits on it.
      const encountersOf: PossibleEncounter[][] = [];
      for (const person of dto.persons) encountersOf.push(await searchEncounters(manager, matchFactsOf(person, arrivedAt), caseIds));

      let completeBy: Date | undefined;
      for (const [i, person] of dto.persons.entries()) {
        const caseId = caseIds[i];
        // A stand-in number until the end of the transaction: see below.
        const caseNumber = `${PENDING_NUMBER_PREFIX}${caseId}`;
        await q.insertCaseFile(manager, {
          id: caseId,
          caseNumber,
          intakeId: dto.intakeId,
          intakePosition: i,
          borderPointId: dto.arrival.borderPointId,
          registeredBy: actor.userId,
          registeringAgencyId: actor.agencyId,
          status,
          arrivedAt,
          arrivalMode: dto.arrival.mode,
          arrivalHow: dto.arrival.how ?? null,
          route: dto.arrival.route ?? [],
          intendedDestination: dto.arrival.intendedDestination ?? null,
          smugglerUsed: dto.arrival.smugglerUsed ?? null,
          nationalities: person.nationalities,
          urgentNeeds: person.urgentNeeds ?? [],
        });
        await insertPerson(manager, caseId, caseId, person);
        const sections = sectionsOf(caseId, person, screenings[i], this.cipher);
        groupsWritten.set(caseId, sections.map((section) => section.group));
        await writeSections(manager, caseId, sections);
        if (mode === IntakeMode.MassArrival) {
          await q.insertTask(manager, {
            id: randomUUID(),
            caseId,
            kind: TaskKind.CompleteIntake,
            borderPointId: dto.arrival.borderPointId,
            // As long as the SOP in force gives the border point: one SOP for the whole arrival (one border point, one
            // transaction), read for its first case only.
            dueAt: (completeBy ??= (await this.policy.forCase(manager, caseId)).completeIntakeDue(this.clock.now())),
          });
        }
        await recordEncounters(manager, caseId, encountersOf[i]);
        cases.push({
          id: caseId,
          caseNumber,
          status,
          version: 1,
          ...(person.ref ? { ref: person.ref } : {}),
          possibleEncounters: encountersOf[i],
          profiles: [],
        });
      }

      await this.linkCompanions(manager, dto, caseIds, byRef);
      // Profiling reads the whole intake, companions included.
      const profilingVersions = new Map<string, number>();
      for (const registered of cases) {
        const run = await this.profiling.run(manager, registered.id, 'INTAKE', actor);
        profilingVersions.set(registered.id, run.version);
        registered.profiles = run.profiles.map((p) => ({ profile: p.profile, urgency: p.urgency, status: p.status, routable: p.routable }));
      }

      const ordered = [...cases].sort((a, b) => a.id.localeCompare(b.id));
      for (const registered of ordered) {
        const groups = ['IDENTITY', 'ARRIVAL', ...(groupsWritten.get(registered.id) ?? [])];
        await this.audit.record(manager, {
          action: 'CASE.REGISTERED',
          actor,
          caseId: registered.id,
          fieldGroups: [...new Set(groups)],
          purpose: 'INTAKE',
          correlationId: context.correlationId,
          details: { intakeMode: mode, possibleEncounters: registered.possibleEncounters.length, profiles: registered.profiles.map((p) => p.profile).join(',') || 'NONE' },
        });
      }

      // Case numbers last: a number's counter row stays locked until commit and every registration at
      // this border point waits on it, so it is taken when nothing but the commit is left to do.
      for (const registered of cases) {
        const { caseNumber } = await this.numbers.next(manager, { borderPointId: dto.arrival.borderPointId, arrivedAt });
        await q.setCaseNumber(manager, registered.id, caseNumber);
        registered.caseNumber = caseNumber;
      }

      const result = maskedAnswer({ intakeId: dto.intakeId, mode, cases });
      await q.storeIntakeResponse(manager, dto.intakeId, result);
      return { replayed: false, result };
    });
  }

  /**
   * Completes a mass-arrival record (INCOMPLETE → OPEN, its completion task done) or corrects a full one:
   * the person's record and screening are replaced after the full checks, at the version the caller
   * read. A stale version is refused (409), never silently overwritten.
   */
  async complete(actor: Actor, caseId: string, dto: CompleteIntakeDto & { version: number }, context: RequestContext = {}): Promise<CaseView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const current = await q.lockCaseForIntake(manager, caseId);
      if (!current) throw caseNotFound();
      requireOwnBorderPoint(actor, current.border_point_id);
      if (current.version !== dto.version) {
        throw CaseErrors.raise('CASE.VERSION_CONFLICT', `The case changed since version ${dto.version}: read it again (now version ${current.version})`, {
          currentVersion: current.version,
        });
      }
      if (current.status === CaseStatus.Closed) throw CaseErrors.raise('CASE.CLOSED');
      const person = dto.person;
      const { problems, screening } = checkPerson(person, 'person', IntakeMode.Full, current.arrived_at, this.clock.now(), this.questionnaires);
      (person.travelledWith ?? []).forEach((companion, i) => {
        if (companion.caseId === undefined || companion.ref !== undefined) {
          problems.push({ path: `person.travelledWith[${i}]`, problem: 'name companions by caseId here (refs belong to one intake)' });
        } else if (companion.caseId === caseId) {
          problems.push({ path: `person.travelledWith[${i}].caseId`, problem: 'a person cannot travel with themselves' });
        }
      });
      if (person.ref !== undefined) problems.push({ path: 'person.ref', problem: 'refs belong to one intake' });
      if (problems.length > 0) throw invalid(problems);
      const companionIds = (person.travelledWith ?? []).map((c) => c.caseId as string);
      if (companionIds.length > 0) {
        const visible = await q.visibleCaseIds(manager, companionIds);
        const missing = companionIds.flatMap((id, i) => (visible.some((v) => v.id === id) ? [] : [{ path: `person.travelledWith[${i}].caseId`, problem: 'no case with this id' }]));
        if (missing.length > 0) throw invalid(missing);
      }

      await replacePerson(manager, caseId, person);
      const sections = sectionsOf(caseId, person, screening, this.cipher);
      await writeSections(manager, caseId, sections, true);
      await q.updateCaseAfterIntake(manager, caseId, current.status === CaseStatus.Incomplete ? CaseStatus.Open : current.status, person.nationalities);
      await q.closeOpenTasks(manager, caseId, actor.userId, TaskKind.CompleteIntake);
      if (companionIds.length > 0) {
        await q.upsertCompanionsOf(manager, caseId, companionIds, (person.travelledWith ?? []).map((c) => c.relationship));
      }
      const encounters = await searchEncounters(manager, matchFactsOf(person, current.arrived_at), [caseId]);
      await recordEncounters(manager, caseId, encounters);
      const completing = current.status === CaseStatus.Incomplete;
      await this.profiling.run(manager, caseId, completing ? 'INTAKE_COMPLETED' : 'INTAKE_CORRECTED', actor);
      await this.audit.record(manager, {
        action: completing ? 'CASE.INTAKE_COMPLETED' : 'CASE.INTAKE_CORRECTED',
        actor,
        caseId,
        fieldGroups: [...new Set(['IDENTITY', 'ARRIVAL', ...sections.map((s) => s.group)])],
        purpose: 'INTAKE',
        correlationId: context.correlationId,
        details: { version: current.version + 1, possibleEncounters: encounters.length },
      });
      return this.cases.read(manager, actor, caseId);
    });
  }

  /**
   * Records whether a claimed relationship between companions was verified. The claim is found from
   * either side (this person's claim about the companion, or the companion's claim about this person).
   */
  async verifyRelationship(
    actor: Actor,
    caseId: string,
    companionCaseId: string,
    verification: { verified: boolean; note: string },
    context: RequestContext = {},
  ): Promise<{ caseId: string; companionCaseId: string; relationship: string; verified: boolean; verifiedAt: string }> {
    return this.uow.run(actorScope(actor), async (manager) => {
      if (!(await q.caseVisible(manager, caseId))) throw caseNotFound();
      const row = await q.verifyCompanion(manager, caseId, companionCaseId, verification.verified, actor.userId, verification.note);
      if (!row) throw CaseErrors.raise('COMPANION.NOT_FOUND');
      // A verified (or refuted) relationship changes who cares for a child: profile both again, as far as visible.
      const visibleCases = await q.visibleCaseIdsInOrder(manager, [caseId, companionCaseId]);
      for (const { id } of visibleCases) await this.profiling.run(manager, id, 'RELATIONSHIP_VERIFIED', actor);
      await this.audit.record(manager, {
        action: verification.verified ? 'RELATIONSHIP.VERIFIED' : 'RELATIONSHIP.NOT_VERIFIED',
        actor,
        caseId,
        fieldGroups: ['ARRIVAL'],
        purpose: 'CASE_WORK',
        correlationId: context.correlationId,
        details: { companionCaseId },
      });
      return { caseId: row.case_id, companionCaseId: row.companion_case_id, relationship: row.relationship, verified: row.verified, verifiedAt: row.verified_at.toISOString() };
    });
  }

  /**
   * Claims the client's intake id for this submission, or returns the answer already given to it.
   * A concurrent submission of the same id waits on the first one's row and then sees its answer.
   */
  private async claimIntakeId(manager: EntityManager, dto: RegisterIntakeDto, actor: Actor, payloadHash: string): Promise<IntakeResult | null> {
    const isOwnBorderPoint = actor.borderPointIds.includes(dto.arrival.borderPointId);
    if (isOwnBorderPoint) {
      if (await q.claimIntakeId(manager, dto.intakeId, payloadHash, dto.arrival.borderPointId, actor.userId)) return null;
    }
    const existing = await q.intakeSubmission(manager, dto.intakeId);
    if (!existing) {
      if (!isOwnBorderPoint) throw CaseErrors.raise('INTAKE.BORDER_POINT_NOT_ASSIGNED');
      // The id is taken by a submission this user cannot see (another border point).
      throw idConflict();
    }
    if (existing.payload_hash !== payloadHash || !existing.response) throw idConflict();
    return maskedAnswer(existing.response);
  }

  /** Companion cases must exist and be visible to the caller. */
  private async companionCaseProblems(manager: EntityManager, dto: RegisterIntakeDto): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const companionCases = dto.persons.flatMap((p, i) =>
      (p.travelledWith ?? []).flatMap((c, j) => (c.caseId ? [{ caseId: c.caseId, path: `persons[${i}].travelledWith[${j}].caseId` }] : [])),
    );
    if (companionCases.length > 0) {
      const visible = await q.visibleCaseIds(manager, companionCases.map((c) => c.caseId));
      const known = new Set(visible.map((row) => row.id));
      for (const companion of companionCases) {
        if (!known.has(companion.caseId)) problems.push({ path: companion.path, problem: 'no case with this id' });
      }
    }
    return problems;
  }

  private async linkCompanions(manager: EntityManager, dto: RegisterIntakeDto, caseIds: string[], byRef: Map<string, string>): Promise<void> {
    const links = dto.persons.flatMap((person, i) =>
      (person.travelledWith ?? []).map((companion) => ({
        caseId: caseIds[i],
        companionCaseId: companion.ref !== undefined ? (byRef.get(companion.ref) as string) : (companion.caseId as string),
        relationship: companion.relationship,
      })),
    );
    if (links.length === 0) return;
    await q.upsertCompanionLinks(manager, links);
  }
}

/**
 * An intake answer with every match reason's document number masked: the matched record is often at a border
 * point the official cannot read. Answers kept before numbers were masked are masked when replayed.
 */
function maskedAnswer(result: IntakeResult): IntakeResult {
  return {
    ...result,
    cases: result.cases.map((c) => ({ ...c, possibleEncounters: (c.possibleEncounters ?? []).map((e) => ({ ...e, reasons: maskMatchReasons(e.reasons) })) })),
  };
}

function idConflict(): DomainError {
  return CaseErrors.raise('INTAKE.ID_CONFLICT');
}

export function invalid(problems: FieldProblem[]): BadInputError {
  return CaseErrors.badInput('INTAKE.INVALID', problems, validationFailed(problems, 'INTAKE.INVALID', 'The intake').message);
}

import { AuditService } from '@kivuko/audit';
import { MatchReason } from '@kivuko/matching';
import { Actor, actorScope, BadInputError, ConflictError, FieldCipher, FieldProblem, NotFoundError, UnitOfWork, validationFailed } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ForbiddenBorderPointError, requireOwnBorderPoint } from './border-point-guard';
import { CaseNumberAllocator } from './case-number';
import { CompleteIntakeDto, RegisterIntakeDto } from './dto/intake.dto';
import { CaseQueryService, CaseView } from './case-query.service';
import { CaseProfilingService } from './profiling/case-profiling.service';
import { caseNotFound } from './consent/consent.service';
import { PossibleEncounter, recordEncounters, searchEncounters } from './encounter-search';
import { checkIntake, checkPerson } from './intake-checks';
import { CaseStatus, IntakeMode, TaskKind } from './intake.enums';
import { insertPerson, matchFactsOf, replacePerson, sectionsOf, writeSections } from './person-record';
import { QuestionnaireRegistry } from './screening/questionnaire';

/** Case numbers are taken at the very end of a registration; until then a case carries this stand-in. */
export const PENDING_NUMBER_PREFIX = 'PENDING-';

/** How long a border point has to complete a mass-arrival record (until the SOP sets its own). */
export const COMPLETION_TASK_HOURS = 72;

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
  ) {}

  async register(actor: Actor, dto: RegisterIntakeDto, context: RequestContext = {}): Promise<{ replayed: boolean; result: IntakeResult }> {
    const mode = dto.mode ?? IntakeMode.Full;
    const { problems, screenings } = checkIntake(dto, new Date(), this.questionnaires);
    const payloadHash = createHash('sha256').update(canonicalJson(dto)).digest('hex');

    return this.uow.run(actorScope(actor), async (manager) => {
      const [borderPoint] = await manager.query<{ active: boolean }[]>(`SELECT active FROM border_point WHERE id = $1`, [dto.arrival.borderPointId]);
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

      for (const [i, person] of dto.persons.entries()) {
        const caseId = caseIds[i];
        // A stand-in number until the end of the transaction: see below.
        const caseNumber = `${PENDING_NUMBER_PREFIX}${caseId}`;
        await manager.query(
          `INSERT INTO case_file (id, case_number, intake_id, intake_position, border_point_id, registered_by, registering_agency_id, status,
             arrived_at, arrival_mode, arrival_how, route, intended_destination, smuggler_used, nationalities, urgent_needs)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text[], $13, $14, $15::text[], $16::text[])`,
          [
            caseId,
            caseNumber,
            dto.intakeId,
            i,
            dto.arrival.borderPointId,
            actor.userId,
            actor.agencyId,
            status,
            arrivedAt,
            dto.arrival.mode,
            dto.arrival.how ?? null,
            dto.arrival.route ?? [],
            dto.arrival.intendedDestination ?? null,
            dto.arrival.smugglerUsed ?? null,
            person.nationalities,
            person.urgentNeeds ?? [],
          ],
        );
        await insertPerson(manager, caseId, caseId, person);
        const sections = sectionsOf(caseId, person, screenings[i], this.cipher);
        groupsWritten.set(caseId, sections.map((section) => section.group));
        await writeSections(manager, caseId, sections);
        if (mode === IntakeMode.MassArrival) {
          await manager.query(
            `INSERT INTO case_task (id, case_id, kind, border_point_id, due_at) VALUES ($1, $2, $3, $4, $5)`,
            [randomUUID(), caseId, TaskKind.CompleteIntake, dto.arrival.borderPointId, new Date(Date.now() + COMPLETION_TASK_HOURS * 3_600_000)],
          );
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
        await manager.query(`UPDATE case_file SET case_number = $2 WHERE id = $1`, [registered.id, caseNumber]);
        registered.caseNumber = caseNumber;
      }

      const result: IntakeResult = { intakeId: dto.intakeId, mode, cases };
      await manager.query(`UPDATE intake_submission SET response = $2::jsonb WHERE intake_id = $1`, [dto.intakeId, JSON.stringify(result)]);
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
      const [current] = await manager.query<{ status: CaseStatus; version: number; arrived_at: Date; border_point_id: string }[]>(
        `SELECT status, version, arrived_at, border_point_id FROM case_file WHERE id = $1 FOR UPDATE`,
        [caseId],
      );
      if (!current) throw caseNotFound();
      requireOwnBorderPoint(actor, current.border_point_id);
      if (current.version !== dto.version) {
        throw new ConflictError('CASE.VERSION_CONFLICT', `The case changed since version ${dto.version}: read it again (now version ${current.version})`, {
          currentVersion: current.version,
        });
      }
      if (current.status === CaseStatus.Closed) throw new ConflictError('CASE.CLOSED', 'A closed case cannot be changed');
      const person = dto.person;
      const { problems, screening } = checkPerson(person, 'person', IntakeMode.Full, current.arrived_at, new Date(), this.questionnaires);
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
        const visible = await manager.query<{ id: string }[]>(`SELECT id FROM case_file WHERE id = ANY ($1::uuid[])`, [companionIds]);
        const missing = companionIds.flatMap((id, i) => (visible.some((v) => v.id === id) ? [] : [{ path: `person.travelledWith[${i}].caseId`, problem: 'no case with this id' }]));
        if (missing.length > 0) throw invalid(missing);
      }

      await replacePerson(manager, caseId, person);
      const sections = sectionsOf(caseId, person, screening, this.cipher);
      await writeSections(manager, caseId, sections, true);
      await manager.query(
        `UPDATE case_file SET status = $2, version = version + 1, nationalities = $3::text[], urgent_needs = '{}', updated_at = now() WHERE id = $1`,
        [caseId, current.status === CaseStatus.Incomplete ? CaseStatus.Open : current.status, person.nationalities],
      );
      await manager.query(
        `UPDATE case_task SET status = 'DONE', closed_at = now(), closed_by = $2 WHERE case_id = $1 AND kind = $3 AND status = 'OPEN'`,
        [caseId, actor.userId, TaskKind.CompleteIntake],
      );
      if (companionIds.length > 0) {
        await manager.query(
          `INSERT INTO case_companion (case_id, companion_case_id, relationship)
           SELECT $1, l.companion, l.relationship FROM unnest($2::uuid[], $3::text[]) AS l(companion, relationship)
           ON CONFLICT (case_id, companion_case_id) DO UPDATE SET relationship = EXCLUDED.relationship`,
          [caseId, companionIds, (person.travelledWith ?? []).map((c) => c.relationship)],
        );
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
      const visible = await manager.query<unknown[]>(`SELECT 1 FROM case_file WHERE id = $1`, [caseId]);
      if (visible.length === 0) throw caseNotFound();
      const [[row]] = await manager.query<[{ case_id: string; companion_case_id: string; relationship: string; verified: boolean; verified_at: Date }[], number]>(
        `UPDATE case_companion SET verified = $3, verified_by = $4, verified_at = now(), verification_note = $5
         WHERE (case_id = $1 AND companion_case_id = $2) OR (case_id = $2 AND companion_case_id = $1)
         RETURNING case_id, companion_case_id, relationship, verified, verified_at`,
        [caseId, companionCaseId, verification.verified, actor.userId, verification.note],
      );
      if (!row) throw new NotFoundError('COMPANION.NOT_FOUND', 'This case records no travel companion with this case id');
      // A verified (or refuted) relationship changes who cares for a child: profile both again, as far as visible.
      const visibleCases = await manager.query<{ id: string }[]>(`SELECT id FROM case_file WHERE id = ANY ($1::uuid[]) ORDER BY id`, [[caseId, companionCaseId]]);
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
      const claimed = await manager.query<unknown[]>(
        `INSERT INTO intake_submission (intake_id, payload_hash, border_point_id, submitted_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (intake_id) DO NOTHING RETURNING intake_id`,
        [dto.intakeId, payloadHash, dto.arrival.borderPointId, actor.userId],
      );
      if (claimed.length === 1) return null;
    }
    const [existing] = await manager.query<{ payload_hash: string; response: IntakeResult | null }[]>(
      `SELECT payload_hash, response FROM intake_submission WHERE intake_id = $1`,
      [dto.intakeId],
    );
    if (!existing) {
      if (!isOwnBorderPoint) throw new ForbiddenBorderPointError();
      // The id is taken by a submission this user cannot see (another border point).
      throw idConflict();
    }
    if (existing.payload_hash !== payloadHash || !existing.response) throw idConflict();
    return existing.response;
  }

  /** Companion cases must exist and be visible to the caller. */
  private async companionCaseProblems(manager: EntityManager, dto: RegisterIntakeDto): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const companionCases = dto.persons.flatMap((p, i) =>
      (p.travelledWith ?? []).flatMap((c, j) => (c.caseId ? [{ caseId: c.caseId, path: `persons[${i}].travelledWith[${j}].caseId` }] : [])),
    );
    if (companionCases.length > 0) {
      const visible = await manager.query<{ id: string }[]>(`SELECT id FROM case_file WHERE id = ANY ($1::uuid[])`, [companionCases.map((c) => c.caseId)]);
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
    await manager.query(
      `INSERT INTO case_companion (case_id, companion_case_id, relationship)
       SELECT l.case_id, l.companion, l.relationship FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS l(case_id, companion, relationship)
       ON CONFLICT (case_id, companion_case_id) DO UPDATE SET relationship = EXCLUDED.relationship`,
      [links.map((l) => l.caseId), links.map((l) => l.companionCaseId), links.map((l) => l.relationship)],
    );
  }
}

function idConflict(): ConflictError {
  return new ConflictError(
    'INTAKE.ID_CONFLICT',
    'This intake id was already used for a different submission; send a new intake id for a new registration',
  );
}

export function invalid(problems: FieldProblem[]): BadInputError {
  return validationFailed(problems, 'INTAKE.INVALID', 'The intake');
}

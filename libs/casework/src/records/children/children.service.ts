import { FieldGroup } from '@kivuko/access';
import { CaseProfilingService } from '@kivuko/cases';
import { Actor, actorScope } from '@kivuko/platform';
import { ADULT, CHILD_PROFILES } from '@kivuko/safeguards';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CompleteAgeAssessmentDto, CompleteBestInterestsDto, GuardianAppointmentDto, OpenBestInterestsDto, RequestAgeAssessmentDto } from './children.dto';
import { checkVersion, invalid, MANDATES, notFound, RecordSupport } from '../record-support';
import { Answers } from '@kivuko/profiling';
import { CaseworkErrors } from '../../casework.errors';
import {
  AgeRow,
  BestInterestsRow,
  completeAgeAssessmentRow,
  completeProcedure,
  GuardianRow,
  insertAgeAssessment,
  insertGuardian,
  insertProcedure,
  lockAgeAssessment,
  lockOpenAgeAssessment,
  lockOpenProcedure,
  lockProcedure,
  readAgeAssessment,
  readGuardian,
  readProcedure,
} from './children.queries';

/** The serious doubt about the stated age the intake recorded (screening questionnaire v2), in words, or null. */
function intakeDoubt(answers: Answers): string | null {
  if (answers['serious_doubt_about_age'] !== true) return null;
  const grounds = answers['age_doubt_grounds'];
  return typeof grounds === 'string' ? `Recorded at intake: ${grounds}` : 'Serious doubt about the stated age recorded at intake';
}

export interface GuardianView {
  id: string;
  guardianName: string;
  organisation: string | null;
  appointedOn: string;
  agencyId: string;
}

export interface BestInterestsView {
  id: string;
  kind: 'BIA' | 'BID';
  openedOn: string;
  completedOn: string | null;
  panelMembers: string[];
  decision: string | null;
  reasons: string | null;
  agencyId: string;
  version: number;
}

export interface AgeAssessmentView {
  id: string;
  seriousDoubt: string;
  requestedOn: string;
  method: string | null;
  completedOn: string | null;
  /** The range found; the lowest age of it is the age recorded. */
  ageRange: { minimum: number; maximum: number } | null;
  agencyId: string;
  version: number;
}
export const guardianView = (r: GuardianRow): GuardianView => ({
  id: r.id,
  guardianName: r.guardian_name,
  organisation: r.organisation,
  appointedOn: r.appointed_on,
  agencyId: r.agency_id,
});

export const bestInterestsView = (r: BestInterestsRow): BestInterestsView => ({
  id: r.id,
  kind: r.kind,
  openedOn: r.opened_on,
  completedOn: r.completed_on,
  panelMembers: r.panel_members,
  decision: r.decision,
  reasons: r.reasons,
  agencyId: r.agency_id,
  version: r.version,
});
export const ageAssessmentView = (r: AgeRow): AgeAssessmentView => ({
  id: r.id,
  seriousDoubt: r.serious_doubt,
  requestedOn: r.requested_on,
  method: r.method,
  completedOn: r.completed_on,
  ageRange: r.minimum_age !== null && r.maximum_age !== null ? { minimum: r.minimum_age, maximum: r.maximum_age } : null,
  agencyId: r.agency_id,
  version: r.version,
});

/** Child protection's records: guardians, best-interests assessments and determinations, age assessments. */
@Injectable()
export class ChildrenService {
  constructor(
    private readonly support: RecordSupport,
    private readonly profiling: CaseProfilingService,
  ) {}

  appointGuardian(actor: Actor, caseId: string, dto: GuardianAppointmentDto, correlationId?: string): Promise<GuardianView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const id = randomUUID();
      await insertGuardian(manager, id, caseId, actor.agencyId, actor.userId, dto.guardianName, dto.organisation ?? null, dto.appointedOn);
      await this.support.audited(manager, actor, caseId, 'CHILD.GUARDIAN_APPOINTED', FieldGroup.CHILD, { guardianId: id }, correlationId);
      await this.support.actionDone(manager, actor, caseId, 'APPOINT_GUARDIAN');
      const [row] = await readGuardian(manager, id);
      return guardianView(row);
    });
  }

  openBestInterests(actor: Actor, caseId: string, dto: OpenBestInterestsDto, correlationId?: string): Promise<BestInterestsView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const [open] = await lockOpenProcedure(manager, caseId, dto.kind);
      if (open) throw CaseworkErrors.raise('CHILD.PROCEDURE_OPEN', `A ${dto.kind} is already open for this child`, { procedureId: open.id });
      const id = randomUUID();
      await insertProcedure(manager, id, caseId, actor.agencyId, actor.userId, dto.kind, dto.openedOn);
      await this.support.audited(manager, actor, caseId, `CHILD.${dto.kind}_OPENED`, FieldGroup.CHILD, { procedureId: id }, correlationId);
      if (dto.kind === 'BIA') await this.support.actionDone(manager, actor, caseId, 'OPEN_BEST_INTERESTS_ASSESSMENT');
      return this.procedure(manager, id);
    });
  }

  completeBestInterests(actor: Actor, caseId: string, procedureId: string, dto: CompleteBestInterestsDto, correlationId?: string): Promise<BestInterestsView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const [row] = await lockProcedure(manager, procedureId, caseId);
      if (!row) throw notFound('best-interests procedure');
      checkVersion(row.version, dto.version, 'best-interests procedure');
      if (row.completed_on) throw CaseworkErrors.raise('CHILD.PROCEDURE_COMPLETED', `This ${row.kind} is already completed`);
      const problems = [];
      if (row.kind === 'BID' && (dto.panelMembers?.length ?? 0) < 2) problems.push({ path: 'panelMembers', problem: 'a determination is made by a panel: name two members at least' });
      if (row.kind === 'BID' && !dto.decision) problems.push({ path: 'decision', problem: 'a determination records its decision' });
      if (row.kind === 'BIA' && dto.decision) problems.push({ path: 'decision', problem: 'only a determination (BID) decides; an assessment recommends in its reasons' });
      if (dto.completedOn < row.opened_on) problems.push({ path: 'completedOn', problem: 'must not be before the procedure was opened' });
      if (problems.length > 0) throw CaseworkErrors.badInput('CHILD.INVALID', problems, `The request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}`);
      await completeProcedure(manager, row.id, dto.completedOn, dto.panelMembers ?? [], dto.decision ?? null, dto.reasons);
      await this.support.audited(manager, actor, caseId, `CHILD.${row.kind}_COMPLETED`, FieldGroup.CHILD, { procedureId: row.id, decision: dto.decision ?? null }, correlationId);
      return this.procedure(manager, row.id);
    });
  }

  requestAgeAssessment(actor: Actor, caseId: string, dto: RequestAgeAssessmentDto, correlationId?: string): Promise<AgeAssessmentView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const [open] = await lockOpenAgeAssessment(manager, caseId);
      if (open) throw CaseworkErrors.raise('CHILD.AGE_ASSESSMENT_OPEN', undefined, { assessmentId: open.id });
      // Only on a serious doubt: the requester's, or the one the intake recorded (which does not end the presumption of minority).
      const seriousDoubt = dto.seriousDoubt ?? intakeDoubt(await this.support.screeningAnswers(manager, caseId));
      if (!seriousDoubt) throw invalid('seriousDoubt', 'is required: no serious doubt about the stated age was recorded at intake');
      const id = randomUUID();
      await insertAgeAssessment(manager, id, caseId, actor.agencyId, actor.userId, seriousDoubt, dto.requestedOn);
      await this.support.audited(manager, actor, caseId, 'CHILD.AGE_ASSESSMENT_REQUESTED', FieldGroup.CHILD, { assessmentId: id }, correlationId);
      return this.assessment(manager, id);
    });
  }

  /**
   * Records the range found; its lowest age is the age recorded. A range that is wholly adult removes
   * the child profiles (the only way they are removed); otherwise the child keeps them.
   */
  completeAgeAssessment(actor: Actor, caseId: string, assessmentId: string, dto: CompleteAgeAssessmentDto, correlationId?: string): Promise<AgeAssessmentView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const [row] = await lockAgeAssessment(manager, assessmentId, caseId);
      if (!row) throw notFound('age assessment');
      checkVersion(row.version, dto.version, 'age assessment');
      if (row.completed_on) throw CaseworkErrors.raise('CHILD.AGE_ASSESSMENT_COMPLETED');
      const problems = [];
      if (dto.maximumAge < dto.minimumAge) problems.push({ path: 'maximumAge', problem: 'must not be below minimumAge' });
      if (dto.completedOn < row.requested_on) problems.push({ path: 'completedOn', problem: 'must not be before the assessment was requested' });
      if (problems.length > 0) throw CaseworkErrors.badInput('CHILD.INVALID', problems, `The request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}`);
      await completeAgeAssessmentRow(manager, row.id, dto.method, dto.completedOn, dto.minimumAge, dto.maximumAge);
      await this.support.audited(manager, actor, caseId, 'CHILD.AGE_ASSESSMENT_COMPLETED', FieldGroup.CHILD, { assessmentId: row.id, minimumAge: dto.minimumAge }, correlationId);
      // The engine reads the assessment from now on: a range wholly adult ends the presumption of minority.
      await this.profiling.run(manager, caseId, 'AGE_ASSESSED', actor);
      if (dto.minimumAge >= ADULT) {
        const current = await this.profiling.current(manager, caseId);
        for (const profile of current.filter((p) => p.status !== 'REMOVED' && p.status !== 'SUPERSEDED' && CHILD_PROFILES.includes(p.profile))) {
          await this.profiling.applyDecision(manager, actor, caseId, profile.profile, 'REMOVE', `Age assessment completed on ${dto.completedOn}: ${dto.minimumAge}–${dto.maximumAge} years`, correlationId);
        }
      }
      return this.assessment(manager, row.id);
    });
  }

  private async begin(manager: EntityManager, actor: Actor, caseId: string): Promise<void> {
    await this.support.requireCase(manager, caseId);
    await this.support.requireMandate(manager, actor, MANDATES.children);
  }

  private async procedure(manager: EntityManager, id: string): Promise<BestInterestsView> {
    const [row] = await readProcedure(manager, id);
    return bestInterestsView(row);
  }

  private async assessment(manager: EntityManager, id: string): Promise<AgeAssessmentView> {
    const [row] = await readAgeAssessment(manager, id);
    return ageAssessmentView(row);
  }
}

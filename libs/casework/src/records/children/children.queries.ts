import { EntityManager } from 'typeorm';

/** The SQL of children: each query a function of the transaction's manager and typed parameters. */

export const GUARDIAN_COLUMNS = `id, guardian_name, organisation, to_char(appointed_on, 'YYYY-MM-DD') AS appointed_on, agency_id`;

export const BEST_INTERESTS_COLUMNS = `id, kind, to_char(opened_on, 'YYYY-MM-DD') AS opened_on, to_char(completed_on, 'YYYY-MM-DD') AS completed_on, panel_members, decision, reasons, agency_id, version`;

export const AGE_ASSESSMENT_COLUMNS = `id, serious_doubt, to_char(requested_on, 'YYYY-MM-DD') AS requested_on, method, to_char(completed_on, 'YYYY-MM-DD') AS completed_on, minimum_age, maximum_age, agency_id, version`;

export interface GuardianRow {
  id: string;
  guardian_name: string;
  organisation: string | null;
  appointed_on: string;
  agency_id: string;
}

export interface BestInterestsRow {
  id: string;
  kind: 'BIA' | 'BID';
  opened_on: string;
  completed_on: string | null;
  panel_members: string[];
  decision: string | null;
  reasons: string | null;
  agency_id: string;
  version: number;
}

export interface AgeRow {
  id: string;
  serious_doubt: string;
  requested_on: string;
  method: string | null;
  completed_on: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  agency_id: string;
  version: number;
}

export async function insertGuardian(manager: EntityManager, id: string, caseId: string, agencyId: string, recordedBy: string, guardianName: string, organisation: string | null, appointedOn: string): Promise<void> {
  await manager.query(
    `INSERT INTO guardian_appointment (id, case_id, agency_id, recorded_by, guardian_name, organisation, appointed_on) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, caseId, agencyId, recordedBy, guardianName, organisation, appointedOn],
  );
}

export function readGuardian(manager: EntityManager, id: string): Promise<GuardianRow[]> {
  return manager.query<GuardianRow[]>(`SELECT ${GUARDIAN_COLUMNS} FROM guardian_appointment WHERE id = $1`, [id]);
}

export function lockOpenProcedure(manager: EntityManager, caseId: string, kind: string): Promise<{ id: string }[]> {
  return manager.query<{ id: string }[]>(`SELECT id FROM best_interests_procedure WHERE case_id = $1 AND kind = $2 AND completed_on IS NULL FOR UPDATE`, [caseId, kind]);
}

export async function insertProcedure(manager: EntityManager, id: string, caseId: string, agencyId: string, recordedBy: string, kind: string, openedOn: string): Promise<void> {
  await manager.query(
    `INSERT INTO best_interests_procedure (id, case_id, agency_id, recorded_by, kind, opened_on) VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, caseId, agencyId, recordedBy, kind, openedOn],
  );
}

export function lockProcedure(manager: EntityManager, id: string, caseId: string): Promise<BestInterestsRow[]> {
  return manager.query<BestInterestsRow[]>(`SELECT ${BEST_INTERESTS_COLUMNS} FROM best_interests_procedure WHERE id = $1 AND case_id = $2 FOR UPDATE`, [id, caseId]);
}

export async function completeProcedure(manager: EntityManager, id: string, completedOn: string, panelMembers: string[], decision: string | null, reasons: string): Promise<void> {
  await manager.query(
    `UPDATE best_interests_procedure SET completed_on = $2, panel_members = $3, decision = $4, reasons = $5, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, completedOn, panelMembers, decision, reasons],
  );
}

export function lockOpenAgeAssessment(manager: EntityManager, caseId: string): Promise<{ id: string }[]> {
  return manager.query<{ id: string }[]>(`SELECT id FROM age_assessment WHERE case_id = $1 AND completed_on IS NULL FOR UPDATE`, [caseId]);
}

export async function insertAgeAssessment(manager: EntityManager, id: string, caseId: string, agencyId: string, recordedBy: string, seriousDoubt: string, requestedOn: string): Promise<void> {
  await manager.query(
    `INSERT INTO age_assessment (id, case_id, agency_id, recorded_by, serious_doubt, requested_on) VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, caseId, agencyId, recordedBy, seriousDoubt, requestedOn],
  );
}

export function lockAgeAssessment(manager: EntityManager, id: string, caseId: string): Promise<AgeRow[]> {
  return manager.query<AgeRow[]>(`SELECT ${AGE_ASSESSMENT_COLUMNS} FROM age_assessment WHERE id = $1 AND case_id = $2 FOR UPDATE`, [id, caseId]);
}

export async function completeAgeAssessmentRow(manager: EntityManager, id: string, method: string, completedOn: string, minimumAge: number, maximumAge: number): Promise<void> {
  await manager.query(
    `UPDATE age_assessment SET method = $2, completed_on = $3, minimum_age = $4, maximum_age = $5, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, method, completedOn, minimumAge, maximumAge],
  );
}

export function readProcedure(manager: EntityManager, id: string): Promise<BestInterestsRow[]> {
  return manager.query<BestInterestsRow[]>(`SELECT ${BEST_INTERESTS_COLUMNS} FROM best_interests_procedure WHERE id = $1`, [id]);
}

export function readAgeAssessment(manager: EntityManager, id: string): Promise<AgeRow[]> {
  return manager.query<AgeRow[]>(`SELECT ${AGE_ASSESSMENT_COLUMNS} FROM age_assessment WHERE id = $1`, [id]);
}

import { EntityManager } from 'typeorm';
import { CaseStatus } from './intake.enums';
import type { IntakeResult } from './intake.service';

/** The SQL of registering arrivals, completing their records and verifying companions' relationships. */

export async function borderPointActive(manager: EntityManager, borderPointId: string): Promise<{ active: boolean } | undefined> {
  const [borderPoint] = await manager.query<{ active: boolean }[]>(`SELECT active FROM border_point WHERE id = $1`, [borderPointId]);
  return borderPoint;
}

export interface NewCaseFile {
  id: string;
  caseNumber: string;
  intakeId: string;
  intakePosition: number;
  borderPointId: string;
  registeredBy: string;
  registeringAgencyId: string;
  status: CaseStatus;
  arrivedAt: Date;
  arrivalMode: string;
  arrivalHow: string | null;
  route: string[];
  intendedDestination: string | null;
  smugglerUsed: boolean | null;
  nationalities: string[];
  urgentNeeds: string[];
}

export async function insertCaseFile(manager: EntityManager, row: NewCaseFile): Promise<void> {
  await manager.query(
    `INSERT INTO case_file (id, case_number, intake_id, intake_position, border_point_id, registered_by, registering_agency_id, status,
             arrived_at, arrival_mode, arrival_how, route, intended_destination, smuggler_used, nationalities, urgent_needs)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text[], $13, $14, $15::text[], $16::text[])`,
    [
      row.id,
      row.caseNumber,
      row.intakeId,
      row.intakePosition,
      row.borderPointId,
      row.registeredBy,
      row.registeringAgencyId,
      row.status,
      row.arrivedAt,
      row.arrivalMode,
      row.arrivalHow,
      row.route,
      row.intendedDestination,
      row.smugglerUsed,
      row.nationalities,
      row.urgentNeeds,
    ],
  );
}

export async function insertTask(manager: EntityManager, task: { id: string; caseId: string; kind: string; borderPointId: string; dueAt: Date }): Promise<void> {
  await manager.query(`INSERT INTO case_task (id, case_id, kind, border_point_id, due_at) VALUES ($1, $2, $3, $4, $5)`, [
    task.id,
    task.caseId,
    task.kind,
    task.borderPointId,
    task.dueAt,
  ]);
}

export async function setCaseNumber(manager: EntityManager, caseId: string, caseNumber: string): Promise<void> {
  await manager.query(`UPDATE case_file SET case_number = $2 WHERE id = $1`, [caseId, caseNumber]);
}

export async function storeIntakeResponse(manager: EntityManager, intakeId: string, result: IntakeResult): Promise<void> {
  await manager.query(`UPDATE intake_submission SET response = $2::jsonb WHERE intake_id = $1`, [intakeId, JSON.stringify(result)]);
}

export interface LockedCase {
  status: CaseStatus;
  version: number;
  arrived_at: Date;
  border_point_id: string;
}

/** The case's row, locked for a change of its intake record. */
export async function lockCaseForIntake(manager: EntityManager, caseId: string): Promise<LockedCase | undefined> {
  const [current] = await manager.query<LockedCase[]>(`SELECT status, version, arrived_at, border_point_id FROM case_file WHERE id = $1 FOR UPDATE`, [caseId]);
  return current;
}

/** Which of these cases exist and are visible to the transaction's actor. */
export function visibleCaseIds(manager: EntityManager, caseIds: readonly string[]): Promise<{ id: string }[]> {
  return manager.query<{ id: string }[]>(`SELECT id FROM case_file WHERE id = ANY ($1::uuid[])`, [caseIds]);
}

/** The same, in id order (the order cases are locked in). */
export function visibleCaseIdsInOrder(manager: EntityManager, caseIds: readonly string[]): Promise<{ id: string }[]> {
  return manager.query<{ id: string }[]>(`SELECT id FROM case_file WHERE id = ANY ($1::uuid[]) ORDER BY id`, [caseIds]);
}

export async function caseVisible(manager: EntityManager, caseId: string): Promise<boolean> {
  const visible = await manager.query<unknown[]>(`SELECT 1 FROM case_file WHERE id = $1`, [caseId]);
  return visible.length > 0;
}

/** A completed or corrected intake record: the next version, OPEN once complete. */
export async function updateCaseAfterIntake(manager: EntityManager, caseId: string, status: CaseStatus, nationalities: readonly string[]): Promise<void> {
  await manager.query(
    `UPDATE case_file SET status = $2, version = version + 1, nationalities = $3::text[], urgent_needs = '{}', updated_at = now() WHERE id = $1`,
    [caseId, status, nationalities],
  );
}

export async function closeOpenTasks(manager: EntityManager, caseId: string, closedBy: string, kind: string): Promise<void> {
  await manager.query(`UPDATE case_task SET status = 'DONE', closed_at = now(), closed_by = $2 WHERE case_id = $1 AND kind = $3 AND status = 'OPEN'`, [
    caseId,
    closedBy,
    kind,
  ]);
}

/** The companions one case claims, with the relationship claimed (an existing claim takes the new relationship). */
export async function upsertCompanionsOf(manager: EntityManager, caseId: string, companionIds: readonly string[], relationships: readonly string[]): Promise<void> {
  await manager.query(
    `INSERT INTO case_companion (case_id, companion_case_id, relationship)
           SELECT $1, l.companion, l.relationship FROM unnest($2::uuid[], $3::text[]) AS l(companion, relationship)
           ON CONFLICT (case_id, companion_case_id) DO UPDATE SET relationship = EXCLUDED.relationship`,
    [caseId, companionIds, relationships],
  );
}

export interface CompanionLink {
  caseId: string;
  companionCaseId: string;
  relationship: string;
}

/** The companions of every case of an intake. */
export async function upsertCompanionLinks(manager: EntityManager, links: readonly CompanionLink[]): Promise<void> {
  await manager.query(
    `INSERT INTO case_companion (case_id, companion_case_id, relationship)
       SELECT l.case_id, l.companion, l.relationship FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS l(case_id, companion, relationship)
       ON CONFLICT (case_id, companion_case_id) DO UPDATE SET relationship = EXCLUDED.relationship`,
    [links.map((l) => l.caseId), links.map((l) => l.companionCaseId), links.map((l) => l.relationship)],
  );
}

export interface VerifiedRelationshipRow {
  case_id: string;
  companion_case_id: string;
  relationship: string;
  verified: boolean;
  verified_at: Date;
}

/** Records the verification on the claim, from either side; none: no such claim. */
export async function verifyCompanion(
  manager: EntityManager,
  caseId: string,
  companionCaseId: string,
  verified: boolean,
  verifiedBy: string,
  note: string,
): Promise<VerifiedRelationshipRow | undefined> {
  // An UPDATE answers [rows, affected count].
  const [[row]] = await manager.query<[VerifiedRelationshipRow[], number]>(
    `UPDATE case_companion SET verified = $3, verified_by = $4, verified_at = now(), verification_note = $5
         WHERE (case_id = $1 AND companion_case_id = $2) OR (case_id = $2 AND companion_case_id = $1)
         RETURNING case_id, companion_case_id, relationship, verified, verified_at`,
    [caseId, companionCaseId, verified, verifiedBy, note],
  );
  return row;
}

/** Claims an intake id for a submission; false: the id was already claimed. */
export async function claimIntakeId(manager: EntityManager, intakeId: string, payloadHash: string, borderPointId: string, submittedBy: string): Promise<boolean> {
  const claimed = await manager.query<unknown[]>(
    `INSERT INTO intake_submission (intake_id, payload_hash, border_point_id, submitted_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (intake_id) DO NOTHING RETURNING intake_id`,
    [intakeId, payloadHash, borderPointId, submittedBy],
  );
  return claimed.length === 1;
}

export async function intakeSubmission(manager: EntityManager, intakeId: string): Promise<{ payload_hash: string; response: IntakeResult | null } | undefined> {
  const [existing] = await manager.query<{ payload_hash: string; response: IntakeResult | null }[]>(`SELECT payload_hash, response FROM intake_submission WHERE intake_id = $1`, [
    intakeId,
  ]);
  return existing;
}

import { TraffickingStatus } from '@kivuko/safeguards';
import { EntityManager } from 'typeorm';

/** The SQL of trafficking: each query a function of the transaction's manager and typed parameters. */

export interface TraffickingRow {
  id: string;
  status: TraffickingStatus;
  starts_on: string | null;
  ends_on: string | null;
  ended_on: string | null;
  permit_reference: string | null;
  permit_granted_on: string | null;
  permit_expires_on: string | null;
  assistance: { kind: string; providedOn: string; provider: string }[];
  agency_id: string;
  version: number;
}

export const TRAFFICKING_COLUMNS = `id, status, to_char(reflection_starts_on, 'YYYY-MM-DD') AS starts_on, to_char(reflection_ends_on, 'YYYY-MM-DD') AS ends_on,
  to_char(reflection_ended_on, 'YYYY-MM-DD') AS ended_on, permit_reference, to_char(permit_granted_on, 'YYYY-MM-DD') AS permit_granted_on,
  to_char(permit_expires_on, 'YYYY-MM-DD') AS permit_expires_on, assistance, agency_id, version`;

export function caseRegisteredAt(manager: EntityManager, id: string): Promise<{ registered_at: Date }[]> {
  return manager.query<{ registered_at: Date }[]>(`SELECT registered_at FROM case_file WHERE id = $1`, [id]);
}

export async function insertRecord(manager: EntityManager, id: string, caseId: string, agencyId: string, recordedBy: string, status: string): Promise<void> {
  await manager.query(
    `INSERT INTO trafficking_record (id, case_id, agency_id, recorded_by, status) VALUES ($1, $2, $3, $4, $5)`,
    [id, caseId, agencyId, recordedBy, status],
  );
}

export async function setIdentificationStatus(manager: EntityManager, id: string, status: string, today: string, presumedAgain: boolean): Promise<void> {
  await manager.query(
    `UPDATE trafficking_record SET status = $2, version = version + 1, updated_at = now(),
             reflection_ended_on = CASE WHEN $4 THEN NULL WHEN $2 = 'NOT_IDENTIFIED' AND reflection_ends_on > $3::date AND reflection_ended_on IS NULL THEN $3::date ELSE reflection_ended_on END,
             reflection_starts_on = CASE WHEN $4 THEN NULL ELSE reflection_starts_on END,
             reflection_ends_on = CASE WHEN $4 THEN NULL ELSE reflection_ends_on END
           WHERE id = $1`,
    [id, status, today, presumedAgain],
  );
}

export async function setReflectionPeriod(manager: EntityManager, id: string, reflectionStartsOn: string, reflectionEndsOn: string): Promise<void> {
  await manager.query(`UPDATE trafficking_record SET reflection_starts_on = $2, reflection_ends_on = $3 WHERE id = $1`, [id, reflectionStartsOn, reflectionEndsOn]);
}

export async function setPermit(manager: EntityManager, id: string, permitReference: string, permitGrantedOn: string, permitExpiresOn: string): Promise<void> {
  await manager.query(
    `UPDATE trafficking_record SET permit_reference = $2, permit_granted_on = $3, permit_expires_on = $4 WHERE id = $1`,
    [id, permitReference, permitGrantedOn, permitExpiresOn],
  );
}

export async function appendAssistance(manager: EntityManager, id: string, assistance: string): Promise<void> {
  await manager.query(`UPDATE trafficking_record SET assistance = assistance || $2::jsonb WHERE id = $1`, [id, assistance]);
}

export function recordOfCase(manager: EntityManager, caseId: string): Promise<TraffickingRow[]> {
  return manager.query<TraffickingRow[]>(`SELECT ${TRAFFICKING_COLUMNS} FROM trafficking_record WHERE case_id = $1`, [caseId]);
}

export function lockRecordOfCase(manager: EntityManager, caseId: string): Promise<TraffickingRow[]> {
  return manager.query<TraffickingRow[]>(`SELECT ${TRAFFICKING_COLUMNS} FROM trafficking_record WHERE case_id = $1 FOR UPDATE`, [caseId]);
}

export async function bumpRecordVersion(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`UPDATE trafficking_record SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
}

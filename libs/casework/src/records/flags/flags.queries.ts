import { EntityManager } from 'typeorm';
import type { FlagView } from './flags.service';

/** The SQL of flags: each query a function of the transaction's manager and typed parameters. */

export const FLAG_COLUMNS = `id, kind, offence, reason, created_at, recorded_by, closed_at, close_reason, unrelated_finding, finding_by, agency_id`;

export interface FlagRow {
  id: string;
  kind: FlagView['kind'];
  offence: string | null;
  reason: string;
  created_at: Date;
  recorded_by: string;
  closed_at: Date | null;
  close_reason: string | null;
  unrelated_finding: string | null;
  finding_by: string | null;
  agency_id: string;
}

export async function insertFlag(manager: EntityManager, id: string, caseId: string, agencyId: string, recordedBy: string, kind: string, offence: string | null | undefined, reason: string, unrelatedFinding: string | null, findingBy: string | null): Promise<void> {
  await manager.query(
    `INSERT INTO protection_flag (id, case_id, agency_id, recorded_by, kind, offence, reason, unrelated_finding, finding_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, caseId, agencyId, recordedBy, kind, offence, reason, unrelatedFinding, findingBy],
  );
}

export function lockFlag(manager: EntityManager, id: string, caseId: string): Promise<FlagRow[]> {
  return manager.query<FlagRow[]>(`SELECT ${FLAG_COLUMNS} FROM protection_flag WHERE id = $1 AND case_id = $2 FOR UPDATE`, [id, caseId]);
}

export async function markFlagClosed(manager: EntityManager, id: string, closedBy: string, closeReason: string): Promise<void> {
  await manager.query(
    `UPDATE protection_flag SET closed_at = now(), closed_by = $2, close_reason = $3, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, closedBy, closeReason],
  );
}

export function readFlag(manager: EntityManager, id: string): Promise<FlagRow[]> {
  return manager.query<FlagRow[]>(`SELECT ${FLAG_COLUMNS} FROM protection_flag WHERE id = $1`, [id]);
}

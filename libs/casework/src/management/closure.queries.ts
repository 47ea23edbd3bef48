import { EntityManager } from 'typeorm';

/** The SQL of closure: each query a function of the transaction's manager and typed parameters. */

export function stillOpen(manager: EntityManager, caseId: string): Promise<{ referrals: number; detentions: number; removals: number; returns: number }[]> {
  return manager.query<{ referrals: number; detentions: number; removals: number; returns: number }[]>(
    `SELECT (SELECT count(*)::int FROM referral WHERE case_id = $1 AND status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')) AS referrals,
                (SELECT count(*)::int FROM detention_episode WHERE case_id = $1 AND ended_at IS NULL) AS detentions,
                (SELECT count(*)::int FROM removal_order WHERE case_id = $1 AND status = 'EXECUTED') AS removals,
                (SELECT count(*)::int FROM voluntary_return WHERE case_id = $1 AND status = 'DEPARTED') AS returns`,
    [caseId],
  );
}

export async function markCaseClosed(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`UPDATE case_file SET status = 'CLOSED', version = version + 1, updated_at = now() WHERE id = $1`, [id]);
}

export async function insertClosure(manager: EntityManager, id: string, caseId: string, agencyId: string, closedBy: string, outcomeCode: string, reason: string): Promise<void> {
  await manager.query(
    `INSERT INTO case_closure (id, case_id, agency_id, closed_by, outcome_code, reason) VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, caseId, agencyId, closedBy, outcomeCode, reason],
  );
}

export async function cancelOpenTasks(manager: EntityManager, caseId: string, closedBy: string): Promise<void> {
  await manager.query(
    `UPDATE case_task SET status = 'CANCELLED', closed_at = now(), closed_by = $2, close_reason = 'Case closed' WHERE case_id = $1 AND status = 'OPEN'`,
    [caseId, closedBy],
  );
}

export async function markCaseReopened(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`UPDATE case_file SET status = 'OPEN', version = version + 1, updated_at = now() WHERE id = $1`, [id]);
}

export async function markClosureReopened(manager: EntityManager, caseId: string, reopenedBy: string, reopenReason: string): Promise<void> {
  await manager.query(
    `UPDATE case_closure SET reopened_at = now(), reopened_by = $2, reopen_reason = $3 WHERE case_id = $1 AND reopened_at IS NULL`,
    [caseId, reopenedBy, reopenReason],
  );
}

export function referralOf(manager: EntityManager, id: string): Promise<{ agency_id: string; case_id: string }[]> {
  return manager.query<{ agency_id: string; case_id: string }[]>(`SELECT agency_id, case_id FROM referral WHERE id = $1`, [id]);
}

export async function insertServiceDelivery(manager: EntityManager, id: string, caseId: string, agencyId: string, referralId: string | null, kind: string, provider: string, deliveredOn: string, note: string | null, recordedBy: string): Promise<void> {
  await manager.query(
    `INSERT INTO service_delivery (id, case_id, agency_id, referral_id, kind, provider, delivered_on, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, caseId, agencyId, referralId, kind, provider, deliveredOn, note, recordedBy],
  );
}

export function servicesOfCase(manager: EntityManager, caseId: string): Promise<{ id: string; kind: string; provider: string; delivered_on: string; note: string | null; agency_id: string; referral_id: string | null; recorded_at: Date }[]> {
  return manager.query<{ id: string; kind: string; provider: string; delivered_on: string; note: string | null; agency_id: string; referral_id: string | null; recorded_at: Date }[]>(
    `SELECT id, kind, provider, to_char(delivered_on, 'YYYY-MM-DD') AS delivered_on, note, agency_id, referral_id, recorded_at FROM service_delivery WHERE case_id = $1 ORDER BY delivered_on, recorded_at`,
    [caseId],
  );
}

export function leadOf(manager: EntityManager, caseId: string): Promise<{ agency_id: string }[]> {
  return manager.query<{ agency_id: string }[]>(`SELECT agency_id FROM case_lead WHERE case_id = $1`, [caseId]);
}

export function closureOf(manager: EntityManager, id: string): Promise<{ status: string; version: number; outcome_code: string | null; reason: string | null; closed_at: Date | null; agency_id: string | null }[]> {
  return manager.query<{ status: string; version: number; outcome_code: string | null; reason: string | null; closed_at: Date | null; agency_id: string | null }[]>(
    `SELECT c.status, c.version, k.outcome_code, k.reason, k.closed_at, k.agency_id FROM case_file c LEFT JOIN case_closure k ON k.case_id = c.id AND k.reopened_at IS NULL WHERE c.id = $1`,
    [id],
  );
}

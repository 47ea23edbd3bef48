import { EntityManager } from 'typeorm';

/** The SQL of asylum: each query a function of the transaction's manager and typed parameters. */

export const ASYLUM_CLAIM_COLUMNS = `id, to_char(registered_on, 'YYYY-MM-DD') AS registered_on, reference, procedure,
  ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(interview_dates) d ORDER BY d) AS interview_dates, decision, to_char(decided_on, 'YYYY-MM-DD') AS decided_on,
  to_char(appeal_lodged_on, 'YYYY-MM-DD') AS appeal_lodged_on, appeal_outcome, to_char(appeal_decided_on, 'YYYY-MM-DD') AS appeal_decided_on,
  to_char(withdrawn_on, 'YYYY-MM-DD') AS withdrawn_on, agency_id, version`;

export interface ClaimRow {
  id: string;
  registered_on: string;
  reference: string;
  procedure: string;
  interview_dates: string[];
  decision: string | null;
  decided_on: string | null;
  appeal_lodged_on: string | null;
  appeal_outcome: string | null;
  appeal_decided_on: string | null;
  withdrawn_on: string | null;
  agency_id: string;
  version: number;
}

export function lockClaimInForce(manager: EntityManager, caseId: string): Promise<{ id: string }[]> {
  return manager.query<{ id: string }[]>(`SELECT id FROM asylum_claim WHERE case_id = $1 AND withdrawn_on IS NULL FOR UPDATE`, [caseId]);
}

export async function insertClaim(manager: EntityManager, id: string, caseId: string, agencyId: string, recordedBy: string, registeredOn: string, reference: string, procedure: string): Promise<void> {
  await manager.query(
    `INSERT INTO asylum_claim (id, case_id, agency_id, recorded_by, registered_on, reference, procedure) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, caseId, agencyId, recordedBy, registeredOn, reference, procedure],
  );
}

export async function addInterviewDate(manager: EntityManager, id: string, date: string): Promise<void> {
  await manager.query(`UPDATE asylum_claim SET interview_dates = array_append(interview_dates, $2::date) WHERE id = $1`, [id, date]);
}

export async function setDecision(manager: EntityManager, id: string, decision: string, decidedOn: string): Promise<void> {
  await manager.query(`UPDATE asylum_claim SET decision = $2, decided_on = $3 WHERE id = $1`, [id, decision, decidedOn]);
}

export async function setAppealLodged(manager: EntityManager, id: string, appealLodgedOn: string): Promise<void> {
  await manager.query(`UPDATE asylum_claim SET appeal_lodged_on = $2 WHERE id = $1`, [id, appealLodgedOn]);
}

export async function setAppealOutcome(manager: EntityManager, id: string, appealOutcome: string, appealDecidedOn: string): Promise<void> {
  await manager.query(`UPDATE asylum_claim SET appeal_outcome = $2, appeal_decided_on = $3 WHERE id = $1`, [id, appealOutcome, appealDecidedOn]);
}

export async function setWithdrawn(manager: EntityManager, id: string, withdrawnOn: string): Promise<void> {
  await manager.query(`UPDATE asylum_claim SET withdrawn_on = $2 WHERE id = $1`, [id, withdrawnOn]);
}

export function latestClaim(manager: EntityManager, caseId: string): Promise<ClaimRow[]> {
  return manager.query<ClaimRow[]>(
    `SELECT ${ASYLUM_CLAIM_COLUMNS} FROM asylum_claim WHERE case_id = $1 ORDER BY withdrawn_on IS NULL DESC, created_at DESC LIMIT 1`,
    [caseId],
  );
}

export function lockClaimInForceRow(manager: EntityManager, caseId: string): Promise<ClaimRow[]> {
  return manager.query<ClaimRow[]>(`SELECT ${ASYLUM_CLAIM_COLUMNS} FROM asylum_claim WHERE case_id = $1 AND withdrawn_on IS NULL FOR UPDATE`, [caseId]);
}

export async function bumpClaimVersion(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`UPDATE asylum_claim SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
}

export function readClaim(manager: EntityManager, id: string): Promise<ClaimRow[]> {
  return manager.query<ClaimRow[]>(`SELECT ${ASYLUM_CLAIM_COLUMNS} FROM asylum_claim WHERE id = $1`, [id]);
}

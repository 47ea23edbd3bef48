import { EntityManager } from 'typeorm';
import type { RemovalOrderView, VoluntaryReturnView } from './returns.service';

/** The SQL of returns: each query a function of the transaction's manager and typed parameters. */

export const REMOVAL_COLUMNS = `id, to_char(decided_on, 'YYYY-MM-DD') AS decided_on, legal_basis, destination_country, status, executed_at,
  to_char(cancelled_on, 'YYYY-MM-DD') AS cancelled_on, cancel_reason, agency_id, version`;

export const RETURN_COLUMNS = `id, to_char(requested_on, 'YYYY-MM-DD') AS requested_on, destination_country, status, counselling_sessions,
  to_char(voluntariness_confirmed_on, 'YYYY-MM-DD') AS voluntariness_confirmed_on, to_char(vulnerability_assessed_on, 'YYYY-MM-DD') AS vulnerability_assessed_on,
  vulnerability_outcome, departed_at, to_char(withdrawn_on, 'YYYY-MM-DD') AS withdrawn_on, withdrawal_reason, agency_id, version`;

export interface RemovalRow {
  id: string;
  decided_on: string;
  legal_basis: string;
  destination_country: string;
  status: RemovalOrderView['status'];
  executed_at: Date | null;
  cancelled_on: string | null;
  cancel_reason: string | null;
  agency_id: string;
  version: number;
}

export interface ReturnRow {
  id: string;
  requested_on: string;
  destination_country: string;
  status: VoluntaryReturnView['status'];
  counselling_sessions: VoluntaryReturnView['counsellingSessions'];
  voluntariness_confirmed_on: string | null;
  vulnerability_assessed_on: string | null;
  vulnerability_outcome: string | null;
  departed_at: Date | null;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
  agency_id: string;
  version: number;
}

export function lockPendingRemoval(manager: EntityManager, caseId: string): Promise<{ id: string }[]> {
  return manager.query<{ id: string }[]>(`SELECT id FROM removal_order WHERE case_id = $1 AND status = 'ORDERED' FOR UPDATE`, [caseId]);
}

export async function insertRemovalOrder(manager: EntityManager, id: string, caseId: string, agencyId: string, recordedBy: string, decidedOn: string, legalBasis: string, destinationCountry: string): Promise<void> {
  await manager.query(
    `INSERT INTO removal_order (id, case_id, agency_id, recorded_by, decided_on, legal_basis, destination_country) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, caseId, agencyId, recordedBy, decidedOn, legalBasis, destinationCountry],
  );
}

export async function markRemovalExecuted(manager: EntityManager, id: string, executedAt: string): Promise<void> {
  await manager.query(`UPDATE removal_order SET status = 'EXECUTED', executed_at = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, executedAt]);
}

export async function markRemovalCancelled(manager: EntityManager, id: string, cancelledOn: string, cancelReason: string): Promise<void> {
  await manager.query(
    `UPDATE removal_order SET status = 'CANCELLED', cancelled_on = $2, cancel_reason = $3, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, cancelledOn, cancelReason],
  );
}

export function lockReturnUnderWay(manager: EntityManager, caseId: string): Promise<{ id: string }[]> {
  return manager.query<{ id: string }[]>(`SELECT id FROM voluntary_return WHERE case_id = $1 AND status IN ('REQUESTED', 'CONFIRMED') FOR UPDATE`, [caseId]);
}

export async function insertReturn(manager: EntityManager, id: string, caseId: string, agencyId: string, recordedBy: string, requestedOn: string, destinationCountry: string): Promise<void> {
  await manager.query(
    `INSERT INTO voluntary_return (id, case_id, agency_id, recorded_by, requested_on, destination_country) VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, caseId, agencyId, recordedBy, requestedOn, destinationCountry],
  );
}

export async function appendCounsellingSession(manager: EntityManager, id: string, session: string): Promise<void> {
  await manager.query(`UPDATE voluntary_return SET counselling_sessions = counselling_sessions || $2::jsonb WHERE id = $1`, [id, session]);
}

export async function markReturnConfirmed(manager: EntityManager, id: string, voluntarinessConfirmedOn: string): Promise<void> {
  await manager.query(`UPDATE voluntary_return SET status = 'CONFIRMED', voluntariness_confirmed_on = $2 WHERE id = $1`, [id, voluntarinessConfirmedOn]);
}

export async function setVulnerabilityAssessment(manager: EntityManager, id: string, vulnerabilityAssessedOn: string, vulnerabilityOutcome: string): Promise<void> {
  await manager.query(
    `UPDATE voluntary_return SET vulnerability_assessed_on = $2, vulnerability_outcome = $3 WHERE id = $1`,
    [id, vulnerabilityAssessedOn, vulnerabilityOutcome],
  );
}

export async function markReturnDeparted(manager: EntityManager, id: string, departedAt: string): Promise<void> {
  await manager.query(`UPDATE voluntary_return SET status = 'DEPARTED', departed_at = $2 WHERE id = $1`, [id, departedAt]);
}

export async function markReturnWithdrawn(manager: EntityManager, id: string, withdrawnOn: string, withdrawalReason: string): Promise<void> {
  await manager.query(`UPDATE voluntary_return SET status = 'WITHDRAWN', withdrawn_on = $2, withdrawal_reason = $3 WHERE id = $1`, [id, withdrawnOn, withdrawalReason]);
}

export function readRemovalOrder(manager: EntityManager, id: string): Promise<RemovalRow[]> {
  return manager.query<RemovalRow[]>(`SELECT ${REMOVAL_COLUMNS} FROM removal_order WHERE id = $1`, [id]);
}

export function readReturn(manager: EntityManager, id: string): Promise<ReturnRow[]> {
  return manager.query<ReturnRow[]>(`SELECT ${RETURN_COLUMNS} FROM voluntary_return WHERE id = $1`, [id]);
}

export function lockRemovalOrder(manager: EntityManager, id: string, caseId: string): Promise<RemovalRow[]> {
  return manager.query<RemovalRow[]>(`SELECT ${REMOVAL_COLUMNS} FROM removal_order WHERE id = $1 AND case_id = $2 FOR UPDATE`, [id, caseId]);
}

export function lockReturn(manager: EntityManager, id: string, caseId: string): Promise<ReturnRow[]> {
  return manager.query<ReturnRow[]>(`SELECT ${RETURN_COLUMNS} FROM voluntary_return WHERE id = $1 AND case_id = $2 FOR UPDATE`, [id, caseId]);
}

export async function bumpReturnVersion(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`UPDATE voluntary_return SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
}

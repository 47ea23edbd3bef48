import { EntityManager } from 'typeorm';
import type { TransferView } from './responsibility.service';

/** The SQL of responsibility: each query a function of the transaction's manager and typed parameters. */

export interface TransferRow {
  id: string;
  case_id: string;
  case_number: string | null;
  from_agency_id: string;
  from_name: string;
  to_agency_id: string;
  to_name: string;
  reason: string;
  basis: TransferView['basis'];
  status: TransferView['status'];
  proposed_at: Date;
  decided_at: Date | null;
  decision_reason: string | null;
}

export const SELECT_TRANSFER = `SELECT t.id, t.case_id, (SELECT c.case_number FROM case_file c WHERE c.id = t.case_id) AS case_number, t.from_agency_id, fa.name AS from_name,
  t.to_agency_id, ta.name AS to_name, t.reason, t.basis, t.status, t.proposed_at, t.decided_at, t.decision_reason
  FROM case_transfer t JOIN agency fa ON fa.id = t.from_agency_id JOIN agency ta ON ta.id = t.to_agency_id`;

export function leadWithAgency(manager: EntityManager, caseId: string): Promise<{ agency_id: string; name: string; since: Date; source: 'REFERRAL' | 'TRANSFER' }[]> {
  return manager.query<{ agency_id: string; name: string; since: Date; source: 'REFERRAL' | 'TRANSFER' }[]>(
    `SELECT l.agency_id, a.name, l.since, l.source FROM case_lead l JOIN agency a ON a.id = l.agency_id WHERE l.case_id = $1`,
    [caseId],
  );
}

export function currentAssignments(manager: EntityManager, caseId: string): Promise<{ agency_id: string; user_id: string; display_name: string; assigned_at: Date }[]> {
  return manager.query<{ agency_id: string; user_id: string; display_name: string; assigned_at: Date }[]>(
    `SELECT s.agency_id, s.user_id, u.display_name, s.assigned_at FROM case_assignment s JOIN app_user u ON u.id = s.user_id WHERE s.case_id = $1 AND s.ended_at IS NULL ORDER BY s.assigned_at`,
    [caseId],
  );
}

export function transfersOfCase(manager: EntityManager, caseId: string): Promise<TransferRow[]> {
  return manager.query<TransferRow[]>(`${SELECT_TRANSFER} WHERE t.case_id = $1 ORDER BY t.proposed_at, t.id`, [caseId]);
}

export async function endAssignment(manager: EntityManager, caseId: string, agencyId: string, endedBy: string): Promise<void> {
  await manager.query(
    `UPDATE case_assignment SET ended_at = now(), ended_by = $3 WHERE case_id = $1 AND agency_id = $2 AND ended_at IS NULL`,
    [caseId, agencyId, endedBy],
  );
}

export async function insertAssignment(manager: EntityManager, id: string, caseId: string, agencyId: string, userId: string, assignedBy: string): Promise<void> {
  await manager.query(
    `INSERT INTO case_assignment (id, case_id, agency_id, user_id, assigned_by) VALUES ($1, $2, $3, $4, $5)`,
    [id, caseId, agencyId, userId, assignedBy],
  );
}

export function lockLead(manager: EntityManager, caseId: string): Promise<{ agency_id: string }[]> {
  return manager.query<{ agency_id: string }[]>(`SELECT agency_id FROM case_lead WHERE case_id = $1 FOR UPDATE`, [caseId]);
}

export function agencyOf(manager: EntityManager, id: string): Promise<{ id: string; kind: string; active: boolean }[]> {
  return manager.query<{ id: string; kind: string; active: boolean }[]>(`SELECT id, kind, active FROM agency WHERE id = $1`, [id]);
}

export function latestSharingBasis(manager: EntityManager, caseId: string, recipientAgencyId: string, recipientAgencyKind: string): Promise<{ id: string; decision: string; legal_basis: string | null }[]> {
  return manager.query<{ id: string; decision: string; legal_basis: string | null }[]>(
    `SELECT id, decision, legal_basis FROM consent_record
         WHERE case_id = $1 AND withdrawn_at IS NULL AND decision IN ('GIVEN', 'LEGAL_BASIS') AND purpose IN ('REFERRAL', 'DATA_SHARING')
           AND (recipient_agency_id = $2 OR recipient_agency_kind = $3)
         ORDER BY recorded_at DESC LIMIT 1`,
    [caseId, recipientAgencyId, recipientAgencyKind],
  );
}

export function proposedTransfer(manager: EntityManager, caseId: string): Promise<{ id: string }[]> {
  return manager.query<{ id: string }[]>(`SELECT id FROM case_transfer WHERE case_id = $1 AND status = 'PROPOSED'`, [caseId]);
}

export async function insertTransfer(manager: EntityManager, id: string, caseId: string, fromAgencyId: string, toAgencyId: string, reason: string, basis: string, proposedBy: string): Promise<void> {
  await manager.query(
    `INSERT INTO case_transfer (id, case_id, from_agency_id, to_agency_id, reason, basis, proposed_by) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
    [id, caseId, fromAgencyId, toAgencyId, reason, basis, proposedBy],
  );
}

export function acceptTransfer(manager: EntityManager, id: string, userId: string): Promise<{ case_id: string | null }[]> {
  return manager.query<{ case_id: string | null }[]>(`SELECT kivuko_accept_transfer($1, $2) AS case_id`, [id, userId]);
}

export async function markTransferDeclined(manager: EntityManager, id: string, decidedBy: string, decisionReason: string | undefined): Promise<void> {
  await manager.query(
    `UPDATE case_transfer SET status = 'DECLINED', decided_by = $2, decided_at = now(), decision_reason = $3 WHERE id = $1`,
    [id, decidedBy, decisionReason],
  );
}

export function lockTransfer(manager: EntityManager, id: string): Promise<TransferRow[]> {
  return manager.query<TransferRow[]>(`${SELECT_TRANSFER} WHERE t.id = $1 FOR UPDATE OF t`, [id]);
}

export async function markTransferCancelled(manager: EntityManager, id: string, decidedBy: string, decisionReason: string | undefined): Promise<void> {
  await manager.query(
    `UPDATE case_transfer SET status = 'CANCELLED', decided_by = $2, decided_at = now(), decision_reason = $3 WHERE id = $1`,
    [id, decidedBy, decisionReason],
  );
}

export function readTransfer(manager: EntityManager, id: string): Promise<TransferRow[]> {
  return manager.query<TransferRow[]>(`${SELECT_TRANSFER} WHERE t.id = $1`, [id]);
}

/** The last 200 transfers an agency received (INCOMING) or proposed (OUTGOING), newest first. */
export function transfersOfAgency(manager: EntityManager, agencyId: string, direction: 'INCOMING' | 'OUTGOING'): Promise<TransferRow[]> {
  return manager.query<TransferRow[]>(
    `${SELECT_TRANSFER} WHERE ${direction === 'INCOMING' ? 't.to_agency_id' : 't.from_agency_id'} = $1 ORDER BY t.proposed_at DESC, t.id DESC LIMIT 200`,
    [agencyId],
  );
}

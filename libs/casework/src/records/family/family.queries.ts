import { EntityManager } from 'typeorm';
import type { ReunificationView, TracingView } from './family.service';

/** The SQL of family: each query a function of the transaction's manager and typed parameters. */

export const TRACING_COLUMNS = `id, sought_relatives, consent_basis, status, endangers, stop_reason, to_char(concluded_on, 'YYYY-MM-DD') AS concluded_on, agency_id, version`;

export const REUNIFICATION_COLUMNS = `id, relative, abroad, relationship_verified, child_consent, tracing_id, status, to_char(outcome_on, 'YYYY-MM-DD') AS outcome_on, agency_id, version`;

export const PLACEMENT_COLUMNS = `id, kind, provider, to_char(started_on, 'YYYY-MM-DD') AS started_on, to_char(ended_on, 'YYYY-MM-DD') AS ended_on, end_reason, agency_id`;

export interface TracingRow {
  id: string;
  sought_relatives: TracingView['soughtRelatives'];
  consent_basis: TracingView['consentBasis'];
  status: TracingView['status'];
  endangers: boolean;
  stop_reason: string | null;
  concluded_on: string | null;
  agency_id: string;
  version: number;
}

export interface ReunificationRow {
  id: string;
  relative: ReunificationView['relative'];
  abroad: boolean;
  relationship_verified: boolean;
  child_consent: boolean;
  tracing_id: string | null;
  status: ReunificationView['status'];
  outcome_on: string | null;
  agency_id: string;
  version: number;
}

export interface PlacementRow {
  id: string;
  kind: string;
  provider: string;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  agency_id: string;
}

export function agencyKind(manager: EntityManager, id: string): Promise<{ kind: string }[]> {
  return manager.query<{ kind: string }[]>(`SELECT kind FROM agency WHERE id = $1`, [id]);
}

export function latestTracingConsent(manager: EntityManager, caseId: string, recipientAgencyId: string, recipientAgencyKind: string): Promise<{ id: string; decision: string; legal_basis: string | null }[]> {
  return manager.query<{ id: string; decision: string; legal_basis: string | null }[]>(
    `SELECT id, decision, legal_basis FROM consent_record
         WHERE case_id = $1 AND purpose = 'FAMILY_TRACING' AND withdrawn_at IS NULL AND decision IN ('GIVEN', 'LEGAL_BASIS')
           AND (recipient_agency_id = $2 OR recipient_agency_kind = $3) ORDER BY recorded_at DESC LIMIT 1`,
    [caseId, recipientAgencyId, recipientAgencyKind],
  );
}

export function endangeringTracing(manager: EntityManager, caseId: string): Promise<{ id: string }[]> {
  return manager.query<{ id: string }[]>(`SELECT id FROM family_tracing WHERE case_id = $1 AND endangers`, [caseId]);
}

export async function insertTracing(manager: EntityManager, id: string, caseId: string, agencyId: string, recordedBy: string, soughtRelatives: string, consentBasis: string): Promise<void> {
  await manager.query(
    `INSERT INTO family_tracing (id, case_id, agency_id, recorded_by, sought_relatives, consent_basis) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
    [id, caseId, agencyId, recordedBy, soughtRelatives, consentBasis],
  );
}

export async function markTracingStopped(manager: EntityManager, id: string, stopReason: string): Promise<void> {
  await manager.query(`UPDATE family_tracing SET status = 'STOPPED', endangers = true, stop_reason = $2 WHERE id = $1`, [id, stopReason]);
}

export async function setTracingOutcome(manager: EntityManager, id: string, status: string, concludedOn: string): Promise<void> {
  await manager.query(`UPDATE family_tracing SET status = $2, concluded_on = $3 WHERE id = $1`, [id, status, concludedOn]);
}

export function tracingStatus(manager: EntityManager, id: string, caseId: string): Promise<{ status: string }[]> {
  return manager.query<{ status: string }[]>(`SELECT status FROM family_tracing WHERE id = $1 AND case_id = $2`, [id, caseId]);
}

export async function insertReunification(manager: EntityManager, id: string, caseId: string, agencyId: string, recordedBy: string, relative: string, abroad: boolean, relationshipVerified: boolean, childConsent: boolean, tracingId: string | null): Promise<void> {
  await manager.query(
    `INSERT INTO family_reunification (id, case_id, agency_id, recorded_by, relative, abroad, relationship_verified, child_consent, tracing_id) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
    [id, caseId, agencyId, recordedBy, relative, abroad, relationshipVerified, childConsent, tracingId],
  );
}

export function lockReunification(manager: EntityManager, id: string, caseId: string): Promise<ReunificationRow[]> {
  return manager.query<ReunificationRow[]>(`SELECT ${REUNIFICATION_COLUMNS} FROM family_reunification WHERE id = $1 AND case_id = $2 FOR UPDATE`, [id, caseId]);
}

export function latestBestInterestsDetermination(manager: EntityManager, caseId: string): Promise<{ decision: string }[]> {
  return manager.query<{ decision: string }[]>(
    `SELECT decision FROM best_interests_procedure WHERE case_id = $1 AND kind = 'BID' AND completed_on IS NOT NULL ORDER BY completed_on DESC, created_at DESC LIMIT 1`,
    [caseId],
  );
}

export async function setReunificationOutcome(manager: EntityManager, id: string, status: string, outcomeOn: string): Promise<void> {
  await manager.query(`UPDATE family_reunification SET status = $2, outcome_on = $3, version = version + 1, updated_at = now() WHERE id = $1`, [id, status, outcomeOn]);
}

export async function setReunificationChildConsent(manager: EntityManager, id: string, childConsent: boolean): Promise<void> {
  await manager.query(`UPDATE family_reunification SET child_consent = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, childConsent]);
}

export function lockCurrentPlacement(manager: EntityManager, caseId: string): Promise<{ id: string }[]> {
  return manager.query<{ id: string }[]>(`SELECT id FROM care_placement WHERE case_id = $1 AND ended_on IS NULL FOR UPDATE`, [caseId]);
}

export async function insertPlacement(manager: EntityManager, id: string, caseId: string, agencyId: string, recordedBy: string, kind: string, provider: string, startedOn: string): Promise<void> {
  await manager.query(
    `INSERT INTO care_placement (id, case_id, agency_id, recorded_by, kind, provider, started_on) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, caseId, agencyId, recordedBy, kind, provider, startedOn],
  );
}

export function lockPlacement(manager: EntityManager, id: string, caseId: string): Promise<PlacementRow[]> {
  return manager.query<PlacementRow[]>(`SELECT ${PLACEMENT_COLUMNS} FROM care_placement WHERE id = $1 AND case_id = $2 FOR UPDATE`, [id, caseId]);
}

export async function setPlacementEnded(manager: EntityManager, id: string, endedOn: string, endReason: string): Promise<void> {
  await manager.query(`UPDATE care_placement SET ended_on = $2, end_reason = $3, version = version + 1, updated_at = now() WHERE id = $1`, [id, endedOn, endReason]);
}

export function lockTracing(manager: EntityManager, id: string, caseId: string): Promise<TracingRow[]> {
  return manager.query<TracingRow[]>(`SELECT ${TRACING_COLUMNS} FROM family_tracing WHERE id = $1 AND case_id = $2 FOR UPDATE`, [id, caseId]);
}

export async function bumpTracingVersion(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`UPDATE family_tracing SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
}

export function readTracing(manager: EntityManager, id: string): Promise<TracingRow[]> {
  return manager.query<TracingRow[]>(`SELECT ${TRACING_COLUMNS} FROM family_tracing WHERE id = $1`, [id]);
}

export function readReunification(manager: EntityManager, id: string): Promise<ReunificationRow[]> {
  return manager.query<ReunificationRow[]>(`SELECT ${REUNIFICATION_COLUMNS} FROM family_reunification WHERE id = $1`, [id]);
}

export function readPlacement(manager: EntityManager, id: string): Promise<PlacementRow[]> {
  return manager.query<PlacementRow[]>(`SELECT ${PLACEMENT_COLUMNS} FROM care_placement WHERE id = $1`, [id]);
}

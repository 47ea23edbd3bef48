import { AgencyKind, FieldGroup } from '@kivuko/access';
import { EntityManager } from 'typeorm';
import { ConsentDecision, ConsentPurpose, LegalBasis } from './consent.dto';
import type { ConsentInterpreter } from './consent.service';

/** The SQL of a case's consent records. */

export interface ConsentRow {
  id: string;
  case_id: string;
  purpose: ConsentPurpose;
  recipient_agency_id: string | null;
  recipient_agency_kind: AgencyKind | null;
  field_groups: FieldGroup[];
  decision: ConsentDecision;
  legal_basis: LegalBasis | null;
  reason: string | null;
  language: string | null;
  interpreter: ConsentInterpreter | null;
  recorded_by: string;
  recorded_by_agency_id: string;
  recorded_at: Date;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
}

export async function agencyExists(manager: EntityManager, agencyId: string): Promise<boolean> {
  const agency = await manager.query<unknown[]>(`SELECT 1 FROM agency WHERE id = $1`, [agencyId]);
  return agency.length > 0;
}

export interface NewConsentRecord {
  id: string;
  caseId: string;
  purpose: ConsentPurpose;
  recipientAgencyId: string | null;
  recipientAgencyKind: AgencyKind | null;
  fieldGroups: FieldGroup[];
  decision: ConsentDecision | undefined;
  legalBasis: LegalBasis | null;
  reason: string | null;
  language: string | null;
  /** JSON text. */
  interpreter: string | null;
  recordedBy: string;
  recordedByAgencyId: string;
}

export async function insertConsent(manager: EntityManager, record: NewConsentRecord): Promise<ConsentRow> {
  const [row] = await manager.query<ConsentRow[]>(
    `INSERT INTO consent_record (id, case_id, purpose, recipient_agency_id, recipient_agency_kind, field_groups, decision, legal_basis,
           reason, language, interpreter, recorded_by, recorded_by_agency_id)
         VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $10, $11::jsonb, $12, $13) RETURNING *`,
    [
      record.id,
      record.caseId,
      record.purpose,
      record.recipientAgencyId,
      record.recipientAgencyKind,
      record.fieldGroups,
      record.decision,
      record.legalBasis,
      record.reason,
      record.language,
      record.interpreter,
      record.recordedBy,
      record.recordedByAgencyId,
    ],
  );
  return row;
}

/** One consent record of a case, locked for its withdrawal. */
export async function lockConsent(manager: EntityManager, consentId: string, caseId: string): Promise<ConsentRow | undefined> {
  const [current] = await manager.query<ConsentRow[]>(`SELECT * FROM consent_record WHERE id = $1 AND case_id = $2 FOR UPDATE`, [consentId, caseId]);
  return current;
}

export async function withdrawConsent(manager: EntityManager, consentId: string, withdrawnBy: string, reason: string | null): Promise<ConsentRow> {
  // An UPDATE answers [rows, affected count].
  const [[row]] = await manager.query<[ConsentRow[], number]>(
    `UPDATE consent_record SET withdrawn_at = now(), withdrawn_by = $2, withdrawal_reason = $3 WHERE id = $1 RETURNING *`,
    [consentId, withdrawnBy, reason],
  );
  return row;
}

/** Every consent record of a case, in the order recorded. */
export function consentsOf(manager: EntityManager, caseId: string): Promise<ConsentRow[]> {
  return manager.query<ConsentRow[]>(`SELECT * FROM consent_record WHERE case_id = $1 ORDER BY recorded_at, id`, [caseId]);
}

/** The border point of a case and its lead agency (if any); none: no such case visible. */
export async function caseOwners(manager: EntityManager, caseId: string): Promise<{ border_point_id: string; lead_agency_id: string | null } | undefined> {
  const [row] = await manager.query<{ border_point_id: string; lead_agency_id: string | null }[]>(
    `SELECT c.border_point_id, (SELECT l.agency_id FROM case_lead l WHERE l.case_id = c.id) AS lead_agency_id FROM case_file c WHERE c.id = $1`,
    [caseId],
  );
  return row;
}

export async function caseExists(manager: EntityManager, caseId: string): Promise<boolean> {
  const rows = await manager.query<unknown[]>(`SELECT 1 FROM case_file WHERE id = $1`, [caseId]);
  return rows.length > 0;
}

/** The sharing consents of a recipient (by agency or by agency kind) on a case, in the order recorded. */
export function sharingConsents(
  manager: EntityManager,
  caseId: string,
  purposes: readonly ConsentPurpose[],
  agencyId: string,
  agencyKind: AgencyKind,
): Promise<Pick<ConsentRow, 'decision' | 'field_groups' | 'withdrawn_at'>[]> {
  return manager.query<Pick<ConsentRow, 'decision' | 'field_groups' | 'withdrawn_at'>[]>(
    `SELECT decision, field_groups, withdrawn_at FROM consent_record
     WHERE case_id = $1 AND purpose = ANY ($2::text[]) AND (recipient_agency_id = $3 OR recipient_agency_kind = $4)
     ORDER BY recorded_at, id`,
    [caseId, purposes, agencyId, agencyKind],
  );
}

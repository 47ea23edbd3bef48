/** A joint SOP version's lifecycle status. */
export type SopStatus = 'DRAFT' | 'ACTIVE' | 'RETIRED';
export const SOP_STATUSES: readonly SopStatus[] = ['DRAFT', 'ACTIVE', 'RETIRED'];

export interface AgencyRef {
  id: string;
  name: string;
}

export interface SopApprovalView {
  agency: AgencyRef;
  /** The manager who approved on the agency's behalf (user id). */
  approvedBy: string;
  approvedAt: string;
}

export interface SopVersionRef {
  id: string;
  jurisdiction: string;
  label: string;
  status: SopStatus;
}

/** A version as listed: its lifecycle and which signatories approved it, without the document. */
export interface SopVersionSummary extends SopVersionRef {
  title: string | null;
  /**
   * A draft: the earliest moment it may take effect (the document's effectiveFrom, 00:00 UTC).
   * Active or retired after activation: the moment it took effect.
   */
  effectiveFrom: string | null;
  createdAt: string;
  createdBy: string | null;
  activatedAt: string | null;
  activatedBy: string | null;
  /** Superseded, or (never activated) withdrawn as a draft. */
  retiredAt: string | null;
  /** The signatory agencies, in the document's order. */
  signatories: AgencyRef[];
  approvals: { complete: boolean; approved: SopApprovalView[]; missing: AgencyRef[] };
}

export interface SopVersionView extends SopVersionSummary {
  document: unknown;
}

export interface SopVersionRow {
  id: string;
  jurisdiction: string;
  label: string;
  title: string | null;
  status: SopStatus;
  effective_from: Date | null;
  created_at: Date;
  created_by: string | null;
  activated_at: Date | null;
  activated_by: string | null;
  retired_at: Date | null;
  /** Per signatory, in order: the agency and its approval, if any (jsonb, so times come as text). */
  signatories: { agencyId: string; agencyName: string; approvedBy: string | null; approvedAt: string | null }[];
  document?: unknown;
}

const SUMMARY_COLUMNS = `v.id, v.jurisdiction, v.label, v.document->>'title' AS title, v.status, v.effective_from, v.created_at, v.created_by,
  v.activated_at, v.activated_by, v.retired_at,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('agencyId', s.id, 'agencyName', a.name, 'approvedBy', ap.approved_by, 'approvedAt', ap.approved_at) ORDER BY s.ord), '[]'::jsonb)
     FROM unnest(v.signatory_agency_ids) WITH ORDINALITY AS s(id, ord)
     JOIN agency a ON a.id = s.id
     LEFT JOIN sop_approval ap ON ap.sop_version_id = v.id AND ap.agency_id = s.id) AS signatories`;

/** Versions with their signatories' approvals; add a WHERE on `v`. */
export const SELECT_SOP_SUMMARY = `SELECT ${SUMMARY_COLUMNS} FROM sop_version v`;
export const SELECT_SOP_VERSION = `SELECT ${SUMMARY_COLUMNS}, v.document FROM sop_version v`;

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

export function sopRef(row: Pick<SopVersionRow, 'id' | 'jurisdiction' | 'label' | 'status'>): SopVersionRef {
  return { id: row.id, jurisdiction: row.jurisdiction, label: row.label, status: row.status };
}

export function sopSummary(row: SopVersionRow): SopVersionSummary {
  const approved = row.signatories
    .filter((s) => s.approvedBy !== null && s.approvedAt !== null)
    .map((s) => ({ agency: { id: s.agencyId, name: s.agencyName }, approvedBy: s.approvedBy as string, approvedAt: new Date(s.approvedAt as string).toISOString() }));
  const missing = row.signatories.filter((s) => s.approvedBy === null).map((s) => ({ id: s.agencyId, name: s.agencyName }));
  return {
    ...sopRef(row),
    title: row.title,
    effectiveFrom: iso(row.effective_from),
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    activatedAt: iso(row.activated_at),
    activatedBy: row.activated_by,
    retiredAt: iso(row.retired_at),
    signatories: row.signatories.map((s) => ({ id: s.agencyId, name: s.agencyName })),
    approvals: { complete: missing.length === 0, approved, missing },
  };
}

export function sopVersionView(row: SopVersionRow): SopVersionView {
  return { ...sopSummary(row), document: row.document };
}

import { EntityManager } from 'typeorm';
import { AgencyRef, SELECT_SOP_SUMMARY, SELECT_SOP_VERSION, SopStatus, SopVersionRow } from './sop-view';

/**
 * The SQL of the SOP lifecycle, in one place: each function takes the caller's EntityManager (its
 * transaction and scope) and typed parameters, and answers typed rows.
 */

/** A stored version as the lifecycle needs it (the document only where it is read). */
export interface SopLifecycleRow {
  id: string;
  jurisdiction: string;
  label: string;
  status: SopStatus;
  document: unknown;
}

/** The ACTIVE version of a jurisdiction, without its document. */
export interface ActiveSopRow {
  id: string;
  jurisdiction: string;
  label: string;
  status: SopStatus;
}

/** What a new version stores. */
export interface NewSopVersion {
  id: string;
  jurisdiction: string;
  label: string;
  document: unknown;
  signatoryAgencyIds: string[];
  effectiveFrom: Date;
}

/** An active agency as simulation chooses among them. */
export interface SimulationAgencyRow {
  id: string;
  name: string;
  kind: string;
  services: string[];
  codes: string[];
  regions: string[];
  languages: string[];
  daily_capacity: number | null;
}

export interface SopListFilter {
  jurisdiction?: string;
  status?: SopStatus;
  /** The last id of the previous page. */
  cursor?: string;
}

/** The jurisdiction's ACTIVE version; with `at`, only when in effect by then. */
export async function findActiveVersion(manager: EntityManager, jurisdiction: string, at: Date | null): Promise<ActiveSopRow | null> {
  const [row] = await manager.query<ActiveSopRow[]>(
    `SELECT id, jurisdiction, label, status FROM sop_version
     WHERE jurisdiction = $1 AND status = 'ACTIVE' AND ($2::timestamptz IS NULL OR effective_from IS NULL OR effective_from <= $2)`,
    [jurisdiction, at],
  );
  return row ?? null;
}

/** A version's document; undefined when there is no such version. */
export async function findVersionDocument(manager: EntityManager, id: string): Promise<{ document: unknown } | undefined> {
  const [row] = await manager.query<{ document: unknown }[]>(`SELECT document FROM sop_version WHERE id = $1`, [id]);
  return row;
}

/** A version with its document, locked for the update that follows with `lock`. */
export async function findLifecycleRow(manager: EntityManager, id: string, mode: 'read' | 'lock'): Promise<SopLifecycleRow | undefined> {
  const [row] = await manager.query<SopLifecycleRow[]>(
    `SELECT id, jurisdiction, label, status, document FROM sop_version WHERE id = $1${mode === 'lock' ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}

/** A version as shown, with its signatories' approvals and its document. */
export async function findVersionView(manager: EntityManager, id: string): Promise<SopVersionRow | undefined> {
  const [row] = await manager.query<SopVersionRow[]>(`${SELECT_SOP_VERSION} WHERE v.id = $1`, [id]);
  return row;
}

/** Versions newest first, filtered, `limit` of them after the cursor. */
export async function listVersions(manager: EntityManager, filter: SopListFilter, limit: number): Promise<SopVersionRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.jurisdiction) add((p) => `v.jurisdiction = ${p}`, filter.jurisdiction);
  if (filter.status) add((p) => `v.status = ${p}`, filter.status);
  // Versions are never deleted, so the cursor (the last id of a page) always still exists.
  if (filter.cursor) add((p) => `(v.created_at, v.id) < (SELECT created_at, id FROM sop_version WHERE id = ${p})`, filter.cursor);
  params.push(limit);
  return manager.query<SopVersionRow[]>(
    `${SELECT_SOP_SUMMARY} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY v.created_at DESC, v.id DESC LIMIT $${params.length}`,
    params,
  );
}

/** Whether the jurisdiction has an ACTIVE version, in effect yet or not (its id). */
export async function findAnyActiveId(manager: EntityManager, jurisdiction: string): Promise<string | undefined> {
  const [row] = await manager.query<{ id: string }[]>(`SELECT id FROM sop_version WHERE jurisdiction = $1 AND status = 'ACTIVE'`, [jurisdiction]);
  return row?.id;
}

/** The demo's default SOP, stored active at once. */
export async function insertActiveVersion(manager: EntityManager, version: NewSopVersion): Promise<void> {
  await manager.query(
    `INSERT INTO sop_version (id, jurisdiction, label, document, status, signatory_agency_ids, effective_from, activated_at)
     VALUES ($1, $2, $3, $4::jsonb, 'ACTIVE', $5::uuid[], $6, now())`,
    [version.id, version.jurisdiction, version.label, JSON.stringify(version.document), version.signatoryAgencyIds, version.effectiveFrom],
  );
}

/** The demo's approvals of its default SOP, one per signatory. */
export async function insertDemoApprovals(manager: EntityManager, versionId: string, signatoryAgencyIds: string[]): Promise<void> {
  await manager.query(
    `INSERT INTO sop_approval (sop_version_id, agency_id, approved_by)
     SELECT $1, a.id, u.id FROM unnest($2::uuid[]) AS a(id)
     CROSS JOIN LATERAL (
       -- The agency's own manager where the demo has one; otherwise the demo's SOP administrator records it on the agency's behalf.
       SELECT id FROM app_user
       WHERE agency_id = a.id OR 'SOP_ADMIN' = ANY (roles)
       ORDER BY (agency_id = a.id) DESC, ('AGENCY_MANAGER' = ANY (roles)) DESC, username LIMIT 1) u`,
    [versionId, signatoryAgencyIds],
  );
}

/** A DRAFT; false when the jurisdiction has a version with this label already. */
export async function insertDraft(manager: EntityManager, version: NewSopVersion, createdBy: string): Promise<boolean> {
  const inserted = await manager.query<{ id: string }[]>(
    `INSERT INTO sop_version (id, jurisdiction, label, document, status, signatory_agency_ids, effective_from, created_by)
     VALUES ($1, $2, $3, $4::jsonb, 'DRAFT', $5::uuid[], $6, $7)
     ON CONFLICT (jurisdiction, label) DO NOTHING RETURNING id`,
    [version.id, version.jurisdiction, version.label, JSON.stringify(version.document), version.signatoryAgencyIds, version.effectiveFrom, createdBy],
  );
  return inserted.length > 0;
}

export async function findIdByLabel(manager: EntityManager, jurisdiction: string, label: string): Promise<string | undefined> {
  const [row] = await manager.query<{ id: string }[]>(`SELECT id FROM sop_version WHERE jurisdiction = $1 AND label = $2`, [jurisdiction, label]);
  return row?.id;
}

/** A version for an approval, FOR SHARE: an activation (which updates the row) waits, so no approval lands on a version that just left DRAFT. */
export async function findForApproval(
  manager: EntityManager,
  id: string,
  agencyId: string,
): Promise<(Omit<SopLifecycleRow, 'document'> & { signatory: boolean }) | undefined> {
  const [row] = await manager.query<(Omit<SopLifecycleRow, 'document'> & { signatory: boolean })[]>(
    `SELECT id, jurisdiction, label, status, $2 = ANY (signatory_agency_ids) AS signatory FROM sop_version WHERE id = $1 FOR SHARE`,
    [id, agencyId],
  );
  return row;
}

/** An agency's approval; false when the agency had approved already. */
export async function insertApproval(manager: EntityManager, versionId: string, agencyId: string, userId: string): Promise<boolean> {
  const inserted = await manager.query<{ agency_id: string }[]>(
    `INSERT INTO sop_approval (sop_version_id, agency_id, approved_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING agency_id`,
    [versionId, agencyId, userId],
  );
  return inserted.length > 0;
}

/** The signatories that have not approved a version, in the document's order. */
export async function findMissingApprovals(manager: EntityManager, versionId: string): Promise<AgencyRef[]> {
  return manager.query<AgencyRef[]>(
    `SELECT a.id, a.name FROM sop_version v CROSS JOIN LATERAL unnest(v.signatory_agency_ids) WITH ORDINALITY AS s(id, ord) JOIN agency a ON a.id = s.id
     WHERE v.id = $1 AND NOT EXISTS (SELECT 1 FROM sop_approval ap WHERE ap.sop_version_id = v.id AND ap.agency_id = s.id) ORDER BY s.ord`,
    [versionId],
  );
}

/** Compare-and-set: retires the version if it is still ACTIVE; false when another activation retired it first. */
export async function retireIfActive(manager: EntityManager, id: string): Promise<boolean> {
  const [retired] = await manager.query<[{ id: string }[], number]>(`UPDATE sop_version SET status = 'RETIRED', retired_at = now() WHERE id = $1 AND status = 'ACTIVE' RETURNING id`, [id]);
  return retired.length > 0;
}

/** A DRAFT becomes ACTIVE (the one-active-per-jurisdiction index refuses a second). */
export async function activateDraft(manager: EntityManager, id: string, userId: string): Promise<void> {
  await manager.query(`UPDATE sop_version SET status = 'ACTIVE', activated_at = now(), activated_by = $2 WHERE id = $1 AND status = 'DRAFT'`, [id, userId]);
}

/** A DRAFT withdrawn. */
export async function retireDraft(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`UPDATE sop_version SET status = 'RETIRED', retired_at = now() WHERE id = $1 AND status = 'DRAFT'`, [id]);
}

/** Agencies named (by name or id) in a document. */
export async function findAgenciesNamed(manager: EntityManager, namesOrIds: string[]): Promise<AgencyRef[]> {
  return manager.query<AgencyRef[]>(`SELECT id, name FROM agency WHERE name = ANY ($1::text[]) OR id::text = ANY ($1::text[])`, [namesOrIds]);
}

/** Which of the codes are border points of the country. */
export async function findBorderPointCodes(manager: EntityManager, country: string, codes: string[]): Promise<string[]> {
  const rows = await manager.query<{ code: string }[]>(`SELECT code FROM border_point WHERE country = $1 AND code = ANY ($2::text[])`, [country, codes]);
  return rows.map((r) => r.code);
}

/** Every active agency with the border points it covers. */
export async function findActiveAgencies(manager: EntityManager): Promise<SimulationAgencyRow[]> {
  return manager.query<SimulationAgencyRow[]>(
    `SELECT a.id, a.name, a.kind, a.services, a.coverage_regions AS regions, a.languages, a.daily_capacity,
            ARRAY(SELECT bp.code FROM border_point bp WHERE bp.id = ANY (a.coverage_border_point_ids) ORDER BY bp.code) AS codes
     FROM agency a WHERE a.active ORDER BY a.name`,
  );
}

/** A recent case as the simulation reads it: its number, where it arrived and its person's languages (its facts are read apart). */
export interface RecentCaseRow {
  id: string;
  case_number: string;
  border_point_code: string;
  region: string | null;
  languages: string[];
}

/**
 * The cases registered since `since` at the border points of a country (all of them, or those named),
 * newest first, at most `limit`. Read under the system scope: the caller answers only what an SOP
 * administrator may see of them.
 */
export async function findRecentCases(manager: EntityManager, where: { country: string; borderPointCodes: string[]; since: Date }, limit: number): Promise<RecentCaseRow[]> {
  return manager.query<RecentCaseRow[]>(
    `SELECT c.id, c.case_number, bp.code AS border_point_code, bp.region, p.languages
     FROM case_file c JOIN border_point bp ON bp.id = c.border_point_id JOIN person p ON p.case_id = c.id
     WHERE bp.country = $1 AND (cardinality($2::text[]) = 0 OR bp.code = ANY ($2::text[])) AND c.registered_at >= $3
     ORDER BY c.registered_at DESC, c.case_number DESC LIMIT $4`,
    [where.country, where.borderPointCodes, where.since, limit],
  );
}

/** Makes the rest of the caller's transaction read-only: a simulation reads cases and writes nothing. */
export async function readOnly(manager: EntityManager): Promise<void> {
  await manager.query(`SET TRANSACTION READ ONLY`);
}

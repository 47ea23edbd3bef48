import { FieldGroup } from '@kivuko/access';
import { ProfileCode } from '@kivuko/profiling';
import { EntityManager } from 'typeorm';
import { ListCasesQuery } from './dto/case-query.dto';
import { CaseStatus } from './intake.enums';

/** The SQL of reading cases: one case with its sections, person, encounters and companions, and the case list. */

export interface CaseRow {
  id: string;
  case_number: string;
  status: CaseStatus;
  version: number;
  border_point_id: string;
  bp_code: string;
  bp_name: string;
  arrived_at: Date;
  arrival_mode: string;
  arrival_how: string | null;
  route: string[];
  intended_destination: string | null;
  smuggler_used: boolean | null;
  urgent_needs: string[];
  registered_at: Date;
  updated_at: Date;
}

/** A row of the list query. */
export type ListRow = CaseRow & {
  profile_statuses: { profile: ProfileCode; status: string }[];
  nationalities: string[];
  given_name: string | null;
  family_name: string | null;
  description: string | null;
  sex: string;
  date_of_birth: string | null;
  date_of_birth_estimated: boolean;
  stated_age: number | null;
};

export interface PersonRow {
  identity_id: string;
  given_name: string | null;
  family_name: string | null;
  other_names: string[];
  description: string | null;
  sex: string;
  date_of_birth: string | null;
  date_of_birth_estimated: boolean;
  stated_age: number | null;
  nationalities: string[];
  area_of_origin: string | null;
  area_of_origin_code: string | null;
  languages: string[];
  interpreter_needed: boolean | null;
  interpreter_sex: string | null;
  documents_held_by_other: boolean | null;
}

/** The case's row with its border point; none: no such case visible. */
export async function caseRow(manager: EntityManager, caseId: string): Promise<CaseRow | undefined> {
  const [row] = await manager.query<CaseRow[]>(
    `SELECT c.*, bp.code AS bp_code, bp.name AS bp_name FROM case_file c JOIN border_point bp ON bp.id = c.border_point_id WHERE c.id = $1`,
    [caseId],
  );
  return row;
}

export interface SectionRow {
  field_group: FieldGroup;
  content: Record<string, unknown> | null;
  ciphertext: string | null;
}

export function sectionRows(manager: EntityManager, caseId: string): Promise<SectionRow[]> {
  return manager.query<SectionRow[]>(`SELECT field_group, content, ciphertext FROM case_section WHERE case_id = $1`, [caseId]);
}

/** The case's open tasks, soonest due first. */
export function openTasks(manager: EntityManager, caseId: string): Promise<{ id: string; kind: string; due_at: Date | null }[]> {
  return manager.query<{ id: string; kind: string; due_at: Date | null }[]>(
    `SELECT id, kind, due_at FROM case_task WHERE case_id = $1 AND status = 'OPEN' ORDER BY due_at NULLS LAST, id`,
    [caseId],
  );
}

export async function personRow(manager: EntityManager, caseId: string): Promise<PersonRow> {
  const [person] = await manager.query<PersonRow[]>(
    `SELECT identity_id, given_name, family_name, other_names, description, sex, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
         date_of_birth_estimated, stated_age, nationalities, area_of_origin, area_of_origin_code, languages, interpreter_needed,
         interpreter_sex, documents_held_by_other
       FROM person WHERE case_id = $1`,
    [caseId],
  );
  return person;
}

/** The person's documents, in the order given. */
export function documentRows(manager: EntityManager, caseId: string): Promise<{ kind: string; number: string; issuing_country: string; expires_on: string | null }[]> {
  return manager.query<{ kind: string; number: string; issuing_country: string; expires_on: string | null }[]>(
    `SELECT kind, number, issuing_country, to_char(expires_on, 'YYYY-MM-DD') AS expires_on FROM person_document WHERE case_id = $1 ORDER BY position`,
    [caseId],
  );
}

/** The other cases of the same identity (linked encounters). */
export function identityHistory(manager: EntityManager, identityId: string, caseId: string): Promise<{ case_id: string; case_number: string; arrived_at: Date; status: string }[]> {
  return manager.query<{ case_id: string; case_number: string; arrived_at: Date; status: string }[]>(
    `SELECT case_id, case_number, arrived_at, status FROM kivuko_identity_history($1) WHERE case_id <> $2`,
    [identityId, caseId],
  );
}

/** The case's possible previous encounters, best first. */
export function possibleEncountersOf(
  manager: EntityManager,
  caseId: string,
): Promise<{ id: string; matched_case_id: string; case_number: string; score: number; reasons: unknown; status: string }[]> {
  return manager.query<{ id: string; matched_case_id: string; case_number: string; score: number; reasons: unknown; status: string }[]>(
    `SELECT e.id, e.matched_case_id, kivuko_case_number(e.matched_case_id) AS case_number, e.score, e.reasons, e.status
       FROM possible_encounter e
       WHERE e.case_id = $1 ORDER BY e.score DESC, e.id`,
    [caseId],
  );
}

/** The companion claims made by or about the case, each with the other case's number. */
export function companionRows(
  manager: EntityManager,
  caseId: string,
): Promise<{ case_id: string; companion_case_id: string; relationship: string; verified: boolean; case_number: string | null }[]> {
  return manager.query<{ case_id: string; companion_case_id: string; relationship: string; verified: boolean; case_number: string | null }[]>(
    `SELECT cc.case_id, cc.companion_case_id, cc.relationship, cc.verified,
              kivuko_case_number(CASE WHEN cc.case_id = $1 THEN cc.companion_case_id ELSE cc.case_id END) AS case_number
       FROM case_companion cc WHERE cc.case_id = $1 OR cc.companion_case_id = $1 ORDER BY cc.case_id, cc.companion_case_id`,
    [caseId],
  );
}

/** A page of the case list (`limit` rows at most). */
export function listCases(manager: EntityManager, query: ListCasesQuery, after: { arrivedAt: Date; id: string } | undefined, limit: number, today?: string): Promise<ListRow[]> {
  const { sql, params } = listQuery(query, after, limit, today);
  return manager.query<ListRow[]>(sql, params);
}

/**
 * The list query: each filter narrows an index that is already in list order (newest arrival first).
 * `today` (the clock's UTC day) dates a detention review as overdue.
 */
export function listQuery(query: ListCasesQuery, after: { arrivedAt: Date; id: string } | undefined, limit: number, today?: string): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (query.borderPointId) add((p) => `c.border_point_id = ${p}`, query.borderPointId);
  if (query.status) add((p) => `c.status = ${p}`, query.status);
  if (query.nationality) add((p) => `c.nationalities @> ARRAY[${p}]::text[]`, query.nationality);
  if (query.profile) add((p) => `EXISTS (SELECT 1 FROM case_profile cp WHERE cp.case_id = c.id AND cp.profile = ${p} AND cp.status NOT IN ('REMOVED', 'SUPERSEDED'))`, query.profile);
  if (query.urgent !== undefined) where.push(query.urgent ? `cardinality(c.urgent_needs) > 0` : `cardinality(c.urgent_needs) = 0`);
  if (query.withoutLead !== undefined) {
    where.push(query.withoutLead ? `c.status <> 'CLOSED' AND NOT EXISTS (SELECT 1 FROM case_lead l WHERE l.case_id = c.id)` : `EXISTS (SELECT 1 FROM case_lead l WHERE l.case_id = c.id)`);
  }
  if (query.detention === 'OPEN') where.push(`EXISTS (SELECT 1 FROM detention_episode d WHERE d.case_id = c.id AND d.ended_at IS NULL)`);
  if (query.detention === 'REVIEW_OVERDUE') {
    add((p) => `EXISTS (SELECT 1 FROM detention_episode d WHERE d.case_id = c.id AND d.ended_at IS NULL AND d.next_review_on < ${p}::date)`, today ?? '0001-01-01');
  }
  if (query.arrivedFrom) add((p) => `c.arrived_at >= ${p}`, new Date(query.arrivedFrom));
  if (query.arrivedTo) add((p) => `c.arrived_at < ${p}`, new Date(query.arrivedTo));
  if (after) {
    params.push(after.arrivedAt, after.id);
    where.push(`(c.arrived_at, c.id) < ($${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push(limit);
  const sql = `
    SELECT c.id, c.case_number, c.status, c.version, c.border_point_id, bp.code AS bp_code, c.arrived_at, c.registered_at, c.nationalities,
           c.urgent_needs,
           COALESCE((SELECT json_agg(json_build_object('profile', cp.profile, 'status', cp.status) ORDER BY cp.profile)
                     FROM case_profile cp WHERE cp.case_id = c.id AND cp.status NOT IN ('REMOVED', 'SUPERSEDED')), '[]'::json) AS profile_statuses,
           p.given_name, p.family_name, p.description, p.sex, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.date_of_birth_estimated, p.stated_age
    FROM case_file c JOIN person p ON p.case_id = c.id JOIN border_point bp ON bp.id = c.border_point_id
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY c.arrived_at DESC, c.id DESC
    LIMIT $${params.length}`;
  return { sql, params };
}

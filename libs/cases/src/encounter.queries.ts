import { EntityManager } from 'typeorm';
import { EncounterStatus } from './intake.enums';

/** The SQL of possible previous encounters: the candidates a search scores, the encounters kept and their review. */

export interface EncounterRow {
  id: string;
  case_id: string;
  case_number: string;
  matched_case_id: string;
  matched_case_number: string;
  score: number;
  reasons: unknown;
  status: EncounterStatus;
  found_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
}

const SELECT_ENCOUNTER = `
  SELECT e.id, e.case_id, c.case_number, e.matched_case_id, kivuko_case_number(e.matched_case_id) AS matched_case_number, e.score, e.reasons,
         e.status, e.found_at, e.decided_by, e.decided_at, e.decision_reason
  FROM possible_encounter e JOIN case_file c ON c.id = e.case_id`;

/** A page of the encounters of cases registered at these border points, newest first, after the keyset position. */
export function encountersAt(
  manager: EntityManager,
  status: EncounterStatus,
  borderPointIds: readonly string[],
  limit: number,
  after: { arrivedAt: Date; id: string } | undefined,
): Promise<EncounterRow[]> {
  return manager.query<EncounterRow[]>(
    `${SELECT_ENCOUNTER} WHERE e.status = $1 AND c.border_point_id = ANY ($3::uuid[])
         ${after ? 'AND (e.found_at, e.id) < ($4, $5::uuid)' : ''} ORDER BY e.found_at DESC, e.id DESC LIMIT $2`,
    after ? [status, limit, borderPointIds, after.arrivedAt, after.id] : [status, limit, borderPointIds],
  );
}

/** The identities of two cases. */
export async function identitiesOf(manager: EntityManager, caseId: string, matchedCaseId: string): Promise<{ from: string; to: string }> {
  const [{ from, to }] = await manager.query<{ from: string; to: string }[]>(`SELECT kivuko_case_identity($1) AS from, kivuko_case_identity($2) AS to`, [caseId, matchedCaseId]);
  return { from, to };
}

/** Links two identities: the same person. */
export async function linkIdentities(manager: EntityManager, from: string, to: string): Promise<void> {
  await manager.query(`SELECT kivuko_link_identities($1, $2)`, [from, to]);
}

/** The border point of a case; none: no such case visible. */
export async function borderPointOfCase(manager: EntityManager, caseId: string): Promise<{ border_point_id: string } | undefined> {
  const [visible] = await manager.query<{ border_point_id: string }[]>(`SELECT border_point_id FROM case_file WHERE id = $1`, [caseId]);
  return visible;
}

/** One possible encounter of a case, locked for its review. */
export async function lockEncounter(manager: EntityManager, encounterId: string, caseId: string): Promise<EncounterRow | undefined> {
  const [row] = await manager.query<EncounterRow[]>(`${SELECT_ENCOUNTER} WHERE e.id = $1 AND e.case_id = $2 FOR UPDATE OF e`, [encounterId, caseId]);
  return row;
}

/** Records the review's decision; answers when it was taken. */
export async function decideEncounter(manager: EntityManager, encounterId: string, status: EncounterStatus, decidedBy: string, reason: string | null): Promise<{ decided_at: Date }> {
  // An UPDATE answers [rows, affected count].
  const [[updated]] = await manager.query<[{ decided_at: Date }[], number]>(
    `UPDATE possible_encounter SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4 WHERE id = $1 RETURNING decided_at`,
    [encounterId, status, decidedBy, reason],
  );
  return updated;
}

export interface CandidateRow {
  case_id: string;
  case_number: string;
  names: string[];
  date_of_birth: string | null;
  date_of_birth_estimated: boolean;
  nationalities: string[];
  documents: { kind: string; number: string; country: string }[];
}

/** What scoring needs of the people known anywhere whose documents or (similar) names match, through the database function that reads across border points. */
export function encounterCandidates(manager: EntityManager, names: readonly string[], documents: readonly string[], similarity: number, perName: number): Promise<CandidateRow[]> {
  return manager.query<CandidateRow[]>(
    `SELECT case_id, case_number, names, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, date_of_birth_estimated, nationalities, documents
     FROM kivuko_encounter_candidates($1::text[], $2::text[], $3::real, $4::integer)`,
    [names, documents, similarity, perName],
  );
}

export interface NewEncounter {
  id: string;
  matchedCaseId: string;
  score: number;
  /** JSON text. */
  reasons: string;
}

/** Keeps the encounters found for a case (one per matched case). */
export async function insertEncounters(manager: EntityManager, caseId: string, encounters: readonly NewEncounter[]): Promise<void> {
  await manager.query(
    `INSERT INTO possible_encounter (id, case_id, matched_case_id, score, reasons)
     SELECT e.id, $1, e.matched, e.score, e.reasons::jsonb FROM unnest($2::uuid[], $3::uuid[], $4::real[], $5::text[]) AS e(id, matched, score, reasons)
     ON CONFLICT (case_id, matched_case_id) DO NOTHING`,
    [caseId, encounters.map((e) => e.id), encounters.map((e) => e.matchedCaseId), encounters.map((e) => e.score), encounters.map((e) => e.reasons)],
  );
}

export interface ComparedRecordRow {
  side: 'NEW' | 'EARLIER';
  case_id: string;
  case_number: string;
  given_name: string | null;
  family_name: string | null;
  other_names: string[];
  sex: string;
  date_of_birth: string | null;
  date_of_birth_estimated: boolean;
  stated_age: number | null;
  nationalities: string[];
  languages: string[];
  border_point_id: string;
  border_point_code: string;
  border_point_name: string;
  arrived_at: Date;
  registered_at: Date;
  documents: { kind: string; issuingCountry: string; numberEnding: string; numberLength: number; onOtherRecord: boolean }[];
}

/**
 * The identity fields of both records of one encounter, through the database function that checks the encounter
 * against the caller's scope (a supervisor of the new arrival's border point); no rows: not in the caller's scope.
 */
export function encounterComparison(manager: EntityManager, encounterId: string): Promise<ComparedRecordRow[]> {
  return manager.query<ComparedRecordRow[]>(
    `SELECT side, case_id, case_number, given_name, family_name, other_names, sex, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
            date_of_birth_estimated, stated_age, nationalities, languages, border_point_id, border_point_code, border_point_name,
            arrived_at, registered_at, documents
     FROM kivuko_encounter_comparison($1)`,
    [encounterId],
  );
}

import {
  isPossibleMatch,
  MatchReason,
  NAME_PREFILTER_SIMILARITY,
  normaliseDocumentNumber,
  normaliseName,
  PersonFacts,
  scoreCandidate,
} from '@kivuko/matching';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** Candidates read per probe name: the nearest names are scored, the long tail of a common name is not. */
export const CANDIDATES_PER_NAME = 50;
/** Possible encounters kept per case, best first. */
export const MAX_ENCOUNTERS = 10;

export interface PossibleEncounter {
  matchedCaseId: string;
  caseNumber: string;
  score: number;
  reasons: MatchReason[];
}

interface CandidateRow {
  case_id: string;
  case_number: string;
  names: string[];
  date_of_birth: string | null;
  date_of_birth_estimated: boolean;
  nationalities: string[];
  documents: { kind: string; number: string; country: string }[];
}

/**
 * People already known anywhere in the system who may be this person: the same document number, or a
 * similar name (pg_trgm over normalised names), scored on names, date of birth and nationality. It reads
 * across every border point through a database function that returns only what scoring needs.
 */
export async function searchEncounters(manager: EntityManager, probe: PersonFacts, exclude: readonly string[]): Promise<PossibleEncounter[]> {
  const names = [...new Set(probe.names.map(normaliseName).filter((name) => name.length > 0))];
  const documents = [...new Set(probe.documentNumbers.map((d) => normaliseDocumentNumber(d.number)).filter((n) => n.length >= 4))];
  if (names.length === 0 && documents.length === 0) return [];

  const rows = await manager.query<CandidateRow[]>(
    `SELECT case_id, case_number, names, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, date_of_birth_estimated, nationalities, documents
     FROM kivuko_encounter_candidates($1::text[], $2::text[], $3::real, $4::integer)`,
    [names, documents, NAME_PREFILTER_SIMILARITY, CANDIDATES_PER_NAME],
  );
  const found: PossibleEncounter[] = [];
  for (const row of rows) {
    if (exclude.includes(row.case_id)) continue;
    const match = scoreCandidate(probe, {
      names: row.names,
      dateOfBirth: row.date_of_birth ? { date: row.date_of_birth, estimated: row.date_of_birth_estimated } : undefined,
      nationalities: row.nationalities,
      documentNumbers: row.documents,
    });
    if (isPossibleMatch(match)) found.push({ matchedCaseId: row.case_id, caseNumber: row.case_number, score: round(match.score), reasons: match.reasons });
  }
  return found.sort((a, b) => b.score - a.score || a.caseNumber.localeCompare(b.caseNumber)).slice(0, MAX_ENCOUNTERS);
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Records the encounters found for a case, for a supervisor to link or dismiss. */
export async function recordEncounters(manager: EntityManager, caseId: string, encounters: PossibleEncounter[]): Promise<string[]> {
  if (encounters.length === 0) return [];
  const ids = encounters.map(() => randomUUID());
  await manager.query(
    `INSERT INTO possible_encounter (id, case_id, matched_case_id, score, reasons)
     SELECT e.id, $1, e.matched, e.score, e.reasons::jsonb FROM unnest($2::uuid[], $3::uuid[], $4::real[], $5::text[]) AS e(id, matched, score, reasons)
     ON CONFLICT (case_id, matched_case_id) DO NOTHING`,
    [caseId, ids, encounters.map((e) => e.matchedCaseId), encounters.map((e) => e.score), encounters.map((e) => JSON.stringify(e.reasons))],
  );
  return ids;
}

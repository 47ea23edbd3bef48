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
import * as q from './encounter.queries';

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

/**
 * People already known anywhere in the system who may be this person: the same document number, or a
 * similar name (pg_trgm over normalised names), scored on names, date of birth and nationality. It reads
 * across every border point through a database function that returns only what scoring needs.
 */
export async function searchEncounters(manager: EntityManager, probe: PersonFacts, exclude: readonly string[]): Promise<PossibleEncounter[]> {
  const names = [...new Set(probe.names.map(normaliseName).filter((name) => name.length > 0))];
  const documents = [...new Set(probe.documentNumbers.map((d) => normaliseDocumentNumber(d.number)).filter((n) => n.length >= 4))];
  if (names.length === 0 && documents.length === 0) return [];

  const rows = await q.encounterCandidates(manager, names, documents, NAME_PREFILTER_SIMILARITY, CANDIDATES_PER_NAME);
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
  await q.insertEncounters(
    manager,
    caseId,
    encounters.map((e, i) => ({ id: ids[i], matchedCaseId: e.matchedCaseId, score: e.score, reasons: JSON.stringify(e.reasons) })),
  );
  return ids;
}

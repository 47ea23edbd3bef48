import { DetentionGround } from '@kivuko/safeguards';
import { EntityManager } from 'typeorm';
import type { DetentionView } from './detention.service';

/** The SQL of detention: each query a function of the transaction's manager and typed parameters. */

export interface DetentionRow {
  id: string;
  place: string;
  legal_basis: string;
  individual_assessment: DetentionView['individualAssessment'];
  alternatives_considered: string[];
  started_at: Date;
  next_review_on: string;
  ended_at: Date | null;
  end_reason: string | null;
  protected_grounds: string[];
  override_justification: string | null;
  overridden_by: string | null;
  agency_id: string;
  version: number;
  reviews: { reviewedOn: string; outcome: string; nextReviewOn: string | null }[];
  access: { visitorKind: string; organisation: string; visitedAt: string; granted: boolean; refusalReason: string | null }[];
}

export const DETENTION_SELECT = `
  SELECT d.id, d.place, d.legal_basis, d.individual_assessment, d.alternatives_considered, d.started_at, to_char(d.next_review_on, 'YYYY-MM-DD') AS next_review_on,
         d.ended_at, d.end_reason, d.protected_grounds, d.override_justification, d.overridden_by, d.agency_id, d.version,
         coalesce((SELECT jsonb_agg(jsonb_build_object('reviewedOn', to_char(r.reviewed_on, 'YYYY-MM-DD'), 'outcome', r.outcome, 'nextReviewOn', to_char(r.next_review_on, 'YYYY-MM-DD')) ORDER BY r.reviewed_on, r.created_at)
                   FROM detention_review r WHERE r.episode_id = d.id), '[]') AS reviews,
         coalesce((SELECT jsonb_agg(jsonb_build_object('visitorKind', a.visitor_kind, 'organisation', a.organisation, 'visitedAt', a.visited_at, 'granted', a.granted, 'refusalReason', a.refusal_reason) ORDER BY a.visited_at, a.created_at)
                   FROM detention_access a WHERE a.episode_id = d.id), '[]') AS access
  FROM detention_episode d`;

export function lockOpenEpisode(manager: EntityManager, caseId: string): Promise<{ id: string }[]> {
  return manager.query<{ id: string }[]>(`SELECT id FROM detention_episode WHERE case_id = $1 AND ended_at IS NULL FOR UPDATE`, [caseId]);
}

export async function insertEpisode(manager: EntityManager, id: string, caseId: string, agencyId: string, recordedBy: string, place: string, legalBasis: string, individualAssessment: string, alternativesConsidered: string[], startedAt: string, nextReviewOn: string, protectedGrounds: DetentionGround[], overrideJustification: string | null | undefined, overriddenBy: string | null): Promise<void> {
  await manager.query(
    `INSERT INTO detention_episode (id, case_id, agency_id, recorded_by, place, legal_basis, individual_assessment, alternatives_considered, started_at, next_review_on, protected_grounds, override_justification, overridden_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13)`,
    [id, caseId, agencyId, recordedBy, place, legalBasis, individualAssessment, alternativesConsidered, startedAt, nextReviewOn, protectedGrounds, overrideJustification, overriddenBy],
  );
}

export async function insertReview(manager: EntityManager, id: string, episodeId: string, caseId: string, reviewedOn: string, outcome: string, nextReviewOn: string | null | undefined, reviewedBy: string, agencyId: string): Promise<void> {
  await manager.query(
    `INSERT INTO detention_review (id, episode_id, case_id, reviewed_on, outcome, next_review_on, reviewed_by, agency_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, episodeId, caseId, reviewedOn, outcome, nextReviewOn, reviewedBy, agencyId],
  );
}

export async function setNextReview(manager: EntityManager, id: string, nextReviewOn: string | undefined): Promise<void> {
  await manager.query(`UPDATE detention_episode SET next_review_on = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, nextReviewOn]);
}

export async function releaseOnReview(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`UPDATE detention_episode SET ended_at = now(), end_reason = 'Released on review', version = version + 1, updated_at = now() WHERE id = $1`, [id]);
}

export async function insertAccess(manager: EntityManager, id: string, episodeId: string, caseId: string, visitorKind: string, organisation: string, visitedAt: string, granted: boolean, refusalReason: string | null, recordedBy: string): Promise<void> {
  await manager.query(
    `INSERT INTO detention_access (id, episode_id, case_id, visitor_kind, organisation, visited_at, granted, refusal_reason, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, episodeId, caseId, visitorKind, organisation, visitedAt, granted, refusalReason, recordedBy],
  );
}

export async function endEpisode(manager: EntityManager, id: string, endedAt: string, endReason: string): Promise<void> {
  await manager.query(`UPDATE detention_episode SET ended_at = $2, end_reason = $3, version = version + 1, updated_at = now() WHERE id = $1`, [id, endedAt, endReason]);
}

export function readEpisode(manager: EntityManager, id: string): Promise<DetentionRow[]> {
  return manager.query<DetentionRow[]>(`${DETENTION_SELECT} WHERE d.id = $1`, [id]);
}

export function lockEpisode(manager: EntityManager, id: string, caseId: string): Promise<{ id: string; started_at: Date; ended_at: Date | null }[]> {
  return manager.query<{ id: string; started_at: Date; ended_at: Date | null }[]>(
    `SELECT id, started_at, ended_at FROM detention_episode WHERE id = $1 AND case_id = $2 FOR UPDATE`,
    [id, caseId],
  );
}

/**
 * Marks every open episode whose review date has passed unalerted as alerted for that date, and returns
 * them: once per review date (a review sets the next date, and a later lapse alerts again).
 */
export async function alertLapsedReviews(manager: EntityManager, today: string): Promise<{ id: string; case_id: string; agency_id: string; next_review_on: string }[]> {
  // An UPDATE … RETURNING answers [rows, affected count].
  const [lapsed] = await manager.query<[{ id: string; case_id: string; agency_id: string; next_review_on: string }[], number]>(
    `UPDATE detention_episode SET review_alerted_for = next_review_on
         WHERE ended_at IS NULL AND next_review_on < $1::date AND review_alerted_for IS DISTINCT FROM next_review_on
         RETURNING id, case_id, agency_id, to_char(next_review_on, 'YYYY-MM-DD') AS next_review_on`,
    [today],
  );
  return lapsed;
}

export async function insertReviewOverdueTask(manager: EntityManager, caseId: string, agencyId: string, dueAt: Date, title: string): Promise<void> {
  await manager.query(
    `INSERT INTO case_task (id, case_id, kind, agency_id, due_at, title) VALUES (gen_random_uuid(), $1, 'DETENTION_REVIEW_OVERDUE', $2, $3, $4)`,
    [caseId, agencyId, dueAt, title],
  );
}

import type { Answers, CaseFacts, CompanionRelationship, Sex, UrgentNeed } from '@kivuko/profiling';
import type { AppealOutcome, AsylumDecision } from '@kivuko/safeguards';
import { EntityManager } from 'typeorm';

/** The SQL of a case's facts as profiling and the safeguards read them, and of the asylum wish kept on the case. */

/**
 * SQL, for a `case_file` row aliased `c`: a wish is recorded and no withdrawal was recorded at or after the
 * time it was last recorded. A withdrawal ends only the wish recorded before it; a wish expressed again
 * afterwards stands until the person withdraws that one too.
 */
export const ASYLUM_WISH_STANDS_SQL = `c.asylum_wish_recorded_at IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM asylum_wish_withdrawal w WHERE w.case_id = c.id AND w.created_at >= c.asylum_wish_recorded_at)`;

export interface FactsRow {
  arrived_at: Date;
  arrival_mode: 'LAND' | 'SEA' | 'AIR';
  arrival_how: CaseFacts['arrival']['how'] | null;
  smuggler_used: boolean | null;
  urgent_needs: UrgentNeed[];
  sex: Sex;
  date_of_birth: string | null;
  date_of_birth_estimated: boolean;
  stated_age: number | null;
  nationalities: string[];
  area_of_origin_code: string | null;
  documents_held_by_other: boolean | null;
  asylum_wish_standing: boolean;
}

/** The case's arrival and person; none: no such case visible. */
export async function factsRow(manager: EntityManager, caseId: string): Promise<FactsRow | undefined> {
  const [row] = await manager.query<FactsRow[]>(
    `SELECT c.arrived_at, c.arrival_mode, c.arrival_how, c.smuggler_used, c.urgent_needs, p.sex,
            to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.date_of_birth_estimated, p.stated_age, p.nationalities,
            p.area_of_origin_code, p.documents_held_by_other,
            ${ASYLUM_WISH_STANDS_SQL} AS asylum_wish_standing
     FROM case_file c JOIN person p ON p.case_id = c.id WHERE c.id = $1`,
    [caseId],
  );
  return row;
}

/** The case's answer sections (every one but ARRIVAL), as stored. */
export function answerSections(manager: EntityManager, caseId: string): Promise<{ field_group: string; content: { answers?: Answers } | null; ciphertext: string | null }[]> {
  return manager.query<{ field_group: string; content: { answers?: Answers } | null; ciphertext: string | null }[]>(
    `SELECT field_group, content, ciphertext FROM case_section WHERE case_id = $1 AND field_group <> 'ARRIVAL'`,
    [caseId],
  );
}

export interface CompanionFactRow {
  claimed_by_this: boolean;
  relationship: CompanionRelationship;
  verified: boolean;
  verified_at: Date | null;
  claimant_sex: Sex | null;
}

/** The companion claims made by or about the case, with the claimant's sex. */
export function companionFacts(manager: EntityManager, caseId: string): Promise<CompanionFactRow[]> {
  return manager.query<CompanionFactRow[]>(
    `SELECT cc.case_id = $1 AS claimed_by_this, cc.relationship, cc.verified, cc.verified_at,
            (SELECT p.sex FROM person p WHERE p.case_id = cc.case_id) AS claimant_sex
     FROM case_companion cc WHERE cc.case_id = $1 OR cc.companion_case_id = $1`,
    [caseId],
  );
}

/** The latest completed age assessment of the case. */
export async function latestAgeAssessment(manager: EntityManager, caseId: string): Promise<{ minimum_age: number; maximum_age: number; completed_on: string } | undefined> {
  const [assessed] = await manager.query<{ minimum_age: number; maximum_age: number; completed_on: string }[]>(
    `SELECT minimum_age, maximum_age, to_char(completed_on, 'YYYY-MM-DD') AS completed_on FROM age_assessment
     WHERE case_id = $1 AND completed_on IS NOT NULL ORDER BY completed_on DESC, created_at DESC LIMIT 1`,
    [caseId],
  );
  return assessed;
}

export interface WishRow {
  recorded_at: Date | null;
  withdrawn_since: boolean;
}

/** When the case's asylum wish was kept, and whether a withdrawal was recorded since. */
export async function readWish(manager: EntityManager, caseId: string): Promise<WishRow | undefined> {
  return (
    await manager.query<WishRow[]>(
      `SELECT c.asylum_wish_recorded_at AS recorded_at,
              EXISTS (SELECT 1 FROM asylum_wish_withdrawal w WHERE w.case_id = c.id AND (c.asylum_wish_recorded_at IS NULL OR w.created_at >= c.asylum_wish_recorded_at)) AS withdrawn_since
       FROM case_file c WHERE c.id = $1`,
      [caseId],
    )
  )[0];
}

/** Keeps a wish on the case for the first time: just before a withdrawal already on record (unless expressed now), or now. */
export async function keepFirstWish(manager: EntityManager, caseId: string, expressedNow: boolean): Promise<void> {
  await manager.query(
    `UPDATE case_file SET asylum_wish_recorded_at = coalesce((SELECT min(w.created_at) - interval '1 microsecond' FROM asylum_wish_withdrawal w WHERE w.case_id = $1 AND NOT $2::boolean), clock_timestamp()) WHERE id = $1`,
    [caseId, expressedNow],
  );
}

/** A wish expressed again: it stands from now. */
export async function keepWishAgain(manager: EntityManager, caseId: string): Promise<void> {
  await manager.query(`UPDATE case_file SET asylum_wish_recorded_at = clock_timestamp() WHERE id = $1`, [caseId]);
}

export interface AsylumClaimRow {
  decision: AsylumDecision | null;
  appeal_lodged: boolean;
  appeal_outcome: AppealOutcome | null;
  withdrawn: boolean;
}

/** The case's asylum claim as the safeguards read it. */
export async function asylumClaimOf(manager: EntityManager, caseId: string): Promise<AsylumClaimRow | undefined> {
  const [claim] = await manager.query<AsylumClaimRow[]>(
    `SELECT decision, appeal_lodged_on IS NOT NULL AS appeal_lodged, appeal_outcome, withdrawn_on IS NOT NULL AS withdrawn FROM asylum_claim WHERE case_id = $1
     -- As the safeguards read it: protection once granted first, then the claim in force, then the latest.
     ORDER BY coalesce(decision IN ('RECOGNISED', 'COMPLEMENTARY_PROTECTION') OR appeal_outcome = 'ALLOWED', false) DESC, withdrawn_on IS NULL DESC, created_at DESC LIMIT 1`,
    [caseId],
  );
  return claim;
}

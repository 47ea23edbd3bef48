import { FieldCipher } from '@kivuko/platform';
import { CaseFacts } from '@kivuko/profiling';
import type { AppealOutcome, AsylumDecision, SafeguardFacts } from '@kivuko/safeguards';
import { EntityManager } from 'typeorm';
import { loadCaseFacts } from './case-facts';

/** A wish to seek asylum recorded at intake, in any words: the screening answer, or the mass-arrival flag. */
export function asylumWishRecorded(facts: CaseFacts): boolean {
  return facts.answers?.['asylum_wish_expressed'] === true || (facts.urgentNeeds ?? []).includes('ASYLUM_WISH');
}

interface WishRow {
  recorded_at: Date | null;
  withdrawn_since: boolean;
}

const readWish = async (manager: EntityManager, caseId: string): Promise<WishRow | undefined> =>
  (
    await manager.query<WishRow[]>(
      `SELECT c.asylum_wish_recorded_at AS recorded_at,
              EXISTS (SELECT 1 FROM asylum_wish_withdrawal w WHERE w.case_id = c.id AND (c.asylum_wish_recorded_at IS NULL OR w.created_at >= c.asylum_wish_recorded_at)) AS withdrawn_since
       FROM case_file c WHERE c.id = $1`,
      [caseId],
    )
  )[0];

/** Whether a wish was ever recorded for the case: kept on the case by the first profiling run that read one, or in the facts now. */
export async function asylumWishEverRecorded(manager: EntityManager, facts: CaseFacts, caseId: string): Promise<boolean> {
  if (asylumWishRecorded(facts)) return true;
  return (await readWish(manager, caseId))?.recorded_at != null;
}

/**
 * A wish recorded (on the case, or in the facts now), unless the person's own withdrawal of it (the asylum
 * authority's) was recorded after it was last expressed.
 */
export async function asylumWishInForce(manager: EntityManager, facts: CaseFacts, caseId: string): Promise<boolean> {
  const wish = await readWish(manager, caseId);
  if (!asylumWishRecorded(facts) && wish?.recorded_at == null) return false;
  return wish?.withdrawn_since !== true;
}

/**
 * Keeps on the case when a wish was recorded (in the caller's transaction, which holds the case): the first
 * time a profiling run reads one; and again when an intake written after a withdrawal (`expressedNow`: the
 * registration, its completion or a correction) records the wish again, which then stands anew. The time is
 * the clock's, taken once the case is held, so a withdrawal recorded before it ends the earlier wish only.
 * Returns whether the wish was expressed again after a withdrawal.
 */
export async function keepAsylumWish(manager: EntityManager, facts: CaseFacts, caseId: string, expressedNow: boolean): Promise<boolean> {
  if (!asylumWishRecorded(facts)) return false;
  const wish = await readWish(manager, caseId);
  if (wish?.recorded_at == null) {
    // Never kept yet: a withdrawal already on record (made on the facts alone) ended it, unless expressed now.
    await manager.query(
      `UPDATE case_file SET asylum_wish_recorded_at = coalesce((SELECT min(w.created_at) - interval '1 microsecond' FROM asylum_wish_withdrawal w WHERE w.case_id = $1 AND NOT $2::boolean), clock_timestamp()) WHERE id = $1`,
      [caseId, expressedNow],
    );
    return false;
  }
  if (!expressedNow || !wish.withdrawn_since) return false;
  await manager.query(`UPDATE case_file SET asylum_wish_recorded_at = clock_timestamp() WHERE id = $1`, [caseId]);
  return true;
}

/** What the safeguards read of a case's asylum wish and claim, inside the caller's transaction. */
export async function loadAsylumWish(manager: EntityManager, cipher: FieldCipher, caseId: string): Promise<Pick<SafeguardFacts, 'asylumWishExpressed' | 'asylumClaim'>> {
  const facts = await loadCaseFacts(manager, cipher, caseId);
  const [claim] = await manager.query<{ decision: AsylumDecision | null; appeal_lodged: boolean; appeal_outcome: AppealOutcome | null; withdrawn: boolean }[]>(
    `SELECT decision, appeal_lodged_on IS NOT NULL AS appeal_lodged, appeal_outcome, withdrawn_on IS NOT NULL AS withdrawn FROM asylum_claim WHERE case_id = $1
     -- As the safeguards read it: protection once granted first, then the claim in force, then the latest.
     ORDER BY coalesce(decision IN ('RECOGNISED', 'COMPLEMENTARY_PROTECTION') OR appeal_outcome = 'ALLOWED', false) DESC, withdrawn_on IS NULL DESC, created_at DESC LIMIT 1`,
    [caseId],
  );
  return {
    asylumWishExpressed: await asylumWishInForce(manager, facts, caseId),
    asylumClaim: claim ? { decision: claim.decision, appealLodged: claim.appeal_lodged, appealOutcome: claim.appeal_outcome, withdrawn: claim.withdrawn } : null,
  };
}

import { FieldCipher } from '@kivuko/platform';
import { CaseFacts } from '@kivuko/profiling';
import type { AppealOutcome, AsylumDecision, SafeguardFacts } from '@kivuko/safeguards';
import { EntityManager } from 'typeorm';
import { loadCaseFacts } from './case-facts';

/** A wish to seek asylum recorded at intake, in any words: the screening answer, or the mass-arrival flag. */
export function asylumWishRecorded(facts: CaseFacts): boolean {
  return facts.answers?.['asylum_wish_expressed'] === true || (facts.urgentNeeds ?? []).includes('ASYLUM_WISH');
}

/** Whether a wish was ever recorded for the case: kept on the case by the first profiling run that read one, or in the facts now. */
export async function asylumWishEverRecorded(manager: EntityManager, facts: CaseFacts, caseId: string): Promise<boolean> {
  if (asylumWishRecorded(facts)) return true;
  const [row] = await manager.query<{ recorded: boolean }[]>(`SELECT asylum_wish_recorded_at IS NOT NULL AS recorded FROM case_file WHERE id = $1`, [caseId]);
  return row?.recorded === true;
}

/** A wish ever recorded, unless the person's own withdrawal of it is on record (the asylum authority's). */
export async function asylumWishInForce(manager: EntityManager, facts: CaseFacts, caseId: string): Promise<boolean> {
  if (!(await asylumWishEverRecorded(manager, facts, caseId))) return false;
  const [withdrawal] = await manager.query<{ id: string }[]>(`SELECT id FROM asylum_wish_withdrawal WHERE case_id = $1`, [caseId]);
  return withdrawal === undefined;
}

/** Keeps on the case that a wish was recorded, the first time a profiling run reads one (in the caller's transaction). */
export async function keepAsylumWish(manager: EntityManager, facts: CaseFacts, caseId: string): Promise<void> {
  if (!asylumWishRecorded(facts)) return;
  await manager.query(`UPDATE case_file SET asylum_wish_recorded_at = now() WHERE id = $1 AND asylum_wish_recorded_at IS NULL`, [caseId]);
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

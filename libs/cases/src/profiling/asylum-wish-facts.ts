import { FieldCipher } from '@kivuko/platform';
import { CaseFacts } from '@kivuko/profiling';
import type { SafeguardFacts } from '@kivuko/safeguards';
import { EntityManager } from 'typeorm';
import { loadCaseFacts } from './case-facts';
import { asylumClaimOf, keepFirstWish, keepWishAgain, readWish } from './case-facts.queries';

/** A wish to seek asylum recorded at intake, in any words: the screening answer, or the mass-arrival flag. */
export function asylumWishRecorded(facts: CaseFacts): boolean {
  return facts.answers?.['asylum_wish_expressed'] === true || (facts.urgentNeeds ?? []).includes('ASYLUM_WISH');
}

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
    await keepFirstWish(manager, caseId, expressedNow);
    return false;
  }
  if (!expressedNow || !wish.withdrawn_since) return false;
  await keepWishAgain(manager, caseId);
  return true;
}

/** What the safeguards read of a case's asylum wish and claim, inside the caller's transaction. */
export async function loadAsylumWish(manager: EntityManager, cipher: FieldCipher, caseId: string): Promise<Pick<SafeguardFacts, 'asylumWishExpressed' | 'asylumClaim'>> {
  const facts = await loadCaseFacts(manager, cipher, caseId);
  const claim = await asylumClaimOf(manager, caseId);
  return {
    asylumWishExpressed: await asylumWishInForce(manager, facts, caseId),
    asylumClaim: claim ? { decision: claim.decision, appealLodged: claim.appeal_lodged, appealOutcome: claim.appeal_outcome, withdrawn: claim.withdrawn } : null,
  };
}

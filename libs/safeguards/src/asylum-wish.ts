import { SafeguardFacts } from './facts';

/**
 * Whether the person's asylum wish still stands. A wish recorded in any words (at screening, or flagged at
 * arrival) stands until the person's own withdrawal of it is recorded (`asylumWishExpressed` is false
 * then). Once a claim is registered the claim answers for it: it stands while the claim is undecided or
 * an appeal is pending, and the person's withdrawal of the claim ends it too.
 */
export function asylumWishStands(facts: Pick<SafeguardFacts, 'asylumWishExpressed' | 'asylumClaim'>): boolean {
  const claim = facts.asylumClaim;
  if (!claim) return facts.asylumWishExpressed;
  if (claim.withdrawn) return false;
  return claim.decision === null || (claim.appealLodged && claim.appealOutcome === null);
}

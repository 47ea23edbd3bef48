import { ProfileCode, PROTECTION_PROFILES } from '@kivuko/profiling';
import { hasProfile, isChild, isTraffickingVictim, SafeguardFacts, UNACCOMPANIED_OR_SEPARATED } from './facts';

/** Why a removal or return cannot be recorded. No override exists for any of them. */
export const NON_REFOULEMENT_REASONS = [
  'ASYLUM_WISH_PENDING',
  'ASYLUM_CLAIM_PENDING',
  'ASYLUM_APPEAL_PENDING',
  'INTERNATIONAL_PROTECTION_GRANTED',
  'REFLECTION_PERIOD_RUNNING',
  'PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD',
  'CHILD_WITHOUT_BID_SUPPORTING_RETURN',
  'REFOULEMENT_RISK_FLAG_OPEN',
  'PROTECTION_PROFILE_OPEN',
] as const;
export type NonRefoulementReason = (typeof NON_REFOULEMENT_REASONS)[number];

export const REASON_TEXT: Readonly<Record<NonRefoulementReason, string>> = {
  ASYLUM_WISH_PENDING: 'the person has expressed a wish to seek asylum and no claim has been decided',
  ASYLUM_CLAIM_PENDING: 'an asylum claim is registered and not yet decided',
  ASYLUM_APPEAL_PENDING: 'an appeal against the asylum decision is pending',
  INTERNATIONAL_PROTECTION_GRANTED: 'the person has been granted international protection',
  REFLECTION_PERIOD_RUNNING: 'a trafficking reflection and recovery period is running',
  PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD: 'the person is a presumed victim of trafficking and has not yet had a reflection period',
  CHILD_WITHOUT_BID_SUPPORTING_RETURN: 'an unaccompanied or separated child has no best-interests determination supporting return',
  REFOULEMENT_RISK_FLAG_OPEN: 'a refoulement-risk flag is open',
  PROTECTION_PROFILE_OPEN: 'a protection profile is open (assisted return only once none is)',
};

/**
 * A removal ordered by the immigration authority, an assisted voluntary return's departure, or a child
 * joining family abroad (for which a determination for that reunion answers the child's reason).
 */
export type ReturnKind = 'REMOVAL' | 'VOLUNTARY_RETURN' | 'FAMILY_REUNIFICATION_ABROAD';

/** YYYY-MM-DD of an instant, in UTC (the period's dates are calendar days). */
const HAVE_OWN_REASON: readonly ProfileCode[] = ['ASYLUM_SEEKER', 'PRIMA_FACIE_REFUGEE', 'TRAFFICKING_VICTIM', ...UNACCOMPANIED_OR_SEPARATED];

const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * Every reason, in a fixed order, why a person may not be removed or returned now; empty when none
 * applies. An asylum wish counts until a claim answers it; a claim counts until it is decided against
 * the person with no appeal pending (or withdrawn); protection once granted always counts.
 */
export function nonRefoulementReasons(facts: SafeguardFacts, kind: ReturnKind, now: Date): NonRefoulementReason[] {
  const reasons: NonRefoulementReason[] = [];
  const claim = facts.asylumClaim;
  const asylumWish = facts.asylumWishExpressed || hasProfile(facts, 'ASYLUM_SEEKER') || hasProfile(facts, 'PRIMA_FACIE_REFUGEE');
  const granted = claim !== null && claim.decision !== null && (claim.decision !== 'REJECTED' || claim.appealOutcome === 'ALLOWED');
  if (!claim) {
    if (asylumWish) reasons.push('ASYLUM_WISH_PENDING');
  } else if (granted) {
    // Protection once granted stands, whatever became of the claim afterwards.
    reasons.push('INTERNATIONAL_PROTECTION_GRANTED');
  } else if (!claim.withdrawn) {
    if (claim.decision === null) reasons.push('ASYLUM_CLAIM_PENDING');
    else if (claim.appealLodged && claim.appealOutcome === null) reasons.push('ASYLUM_APPEAL_PENDING');
  }

  const reflection = facts.trafficking?.reflection ?? null;
  const today = dayOf(now);
  // A period set to start later already protects: it runs from its start, and nothing may pre-empt it.
  if (reflection && reflection.endedOn === null && today < reflection.endsOn) reasons.push('REFLECTION_PERIOD_RUNNING');
  // A period cut short (the person was found not to be a victim) gives no protection once the person is a victim again.
  else if ((!reflection || reflection.endedOn !== null) && isTraffickingVictim(facts)) reasons.push('PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD');

  const unaccompanied = UNACCOMPANIED_OR_SEPARATED.some((p) => hasProfile(facts, p));
  const supporting = kind === 'FAMILY_REUNIFICATION_ABROAD' ? ['RETURN_TO_COUNTRY_OF_ORIGIN', 'FAMILY_REUNIFICATION_ABROAD'] : ['RETURN_TO_COUNTRY_OF_ORIGIN'];
  const decided = facts.bestInterestsDetermination?.decision;
  if (unaccompanied && isChild(facts) && (decided === undefined || !supporting.includes(decided))) {
    reasons.push('CHILD_WITHOUT_BID_SUPPORTING_RETURN');
  }
  if (facts.openRefoulementRiskFlags > 0) reasons.push('REFOULEMENT_RISK_FLAG_OPEN');
  // The joint SOP's assisted-return rule: only once no protection profile is open. Asylum, trafficking
  // and unaccompanied children have their own reasons above; this covers the others (torture, SGBV,
  // abuse in transit, a child at risk).
  if (kind === 'VOLUNTARY_RETURN' && PROTECTION_PROFILES.some((p) => !HAVE_OWN_REASON.includes(p) && hasProfile(facts, p))) reasons.push('PROTECTION_PROFILE_OPEN');
  return reasons;
}


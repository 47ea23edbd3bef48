import type { ProfileCode } from '@kivuko/profiling';

export const ASYLUM_DECISIONS = ['RECOGNISED', 'COMPLEMENTARY_PROTECTION', 'REJECTED'] as const;
export type AsylumDecision = (typeof ASYLUM_DECISIONS)[number];

export const APPEAL_OUTCOMES = ['ALLOWED', 'DISMISSED'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export const TRAFFICKING_STATUSES = ['POTENTIAL', 'PRESUMED', 'IDENTIFIED', 'NOT_IDENTIFIED'] as const;
export type TraffickingStatus = (typeof TRAFFICKING_STATUSES)[number];

/** What a best-interests determination panel decided as the child's durable solution. */
export const BID_DECISIONS = ['RETURN_TO_COUNTRY_OF_ORIGIN', 'FAMILY_REUNIFICATION_ABROAD', 'LOCAL_INTEGRATION', 'RESETTLEMENT', 'ALTERNATIVE_CARE'] as const;
export type BidDecision = (typeof BID_DECISIONS)[number];

/**
 * Everything the safeguards look at, read from the case in the transaction that wants to act. The
 * safeguards are pure functions of these facts (and of the time), so the API, the CLI and the worker
 * all decide alike.
 */
export interface SafeguardFacts {
  /** The case's profiles that are not removed (suggested, confirmed or added). */
  profiles: readonly ProfileCode[];
  /** The rule and principle ids that fired for those profiles (`needs.pregnant`, ...). */
  indicatorIds: readonly string[];
  /** Minority as the profiling engine reads it: claimed or apparent, presumed until an assessment says otherwise. */
  presumedChild: boolean;
  /**
   * A parent, legal or customary caregiver is positively on record with the person (the screening says so, or
   * the relationship of a companion as parent or caregiver was verified) and no check found a claimed
   * relationship false. Unknown, no one, a relative or an unverified claim is not: such a child counts as
   * unaccompanied or separated for the detention guard.
   */
  accompaniedByCaregiver: boolean;
  /**
   * A wish to seek asylum was recorded, in any words (at screening or flagged at arrival), and the person's own
   * withdrawal of it is not on record: it counts whatever became of the profile. A withdrawal ends only the wish
   * recorded before it: a wish expressed again afterwards counts again.
   */
  asylumWishExpressed: boolean;
  /** The asylum claim, once registered. */
  asylumClaim: {
    decision: AsylumDecision | null;
    appealLodged: boolean;
    appealOutcome: AppealOutcome | null;
    withdrawn: boolean;
  } | null;
  /** The anti-trafficking record, once opened. Dates are YYYY-MM-DD. */
  trafficking: {
    status: TraffickingStatus;
    reflection: { startsOn: string; endsOn: string; endedOn: string | null } | null;
  } | null;
  /** The latest best-interests determination, if one was made. */
  bestInterestsDetermination: { decision: BidDecision } | null;
  /** A completed best-interests assessment (or determination) is on record for the child. */
  bestInterestsAssessed: boolean;
  /** The lowest age of the latest completed age assessment's range. */
  assessedMinimumAge: number | null;
  /** Refoulement-risk flags that are open. */
  openRefoulementRiskFlags: number;
}

/** A case nothing is known about yet: the base the loaders and the tests start from. */
export const NO_FACTS: SafeguardFacts = Object.freeze({
  profiles: [],
  indicatorIds: [],
  presumedChild: false,
  accompaniedByCaregiver: false,
  asylumWishExpressed: false,
  asylumClaim: null,
  trafficking: null,
  bestInterestsDetermination: null,
  bestInterestsAssessed: false,
  assessedMinimumAge: null,
  openRefoulementRiskFlags: 0,
});

export const CHILD_PROFILES: readonly ProfileCode[] = ['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD', 'CHILD_AT_RISK'];
export const UNACCOMPANIED_OR_SEPARATED: readonly ProfileCode[] = ['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD'];
export const ADULT = 18;

const has = (facts: SafeguardFacts, profile: ProfileCode): boolean => facts.profiles.includes(profile);

/** A completed age assessment whose whole range is adult; until then minority stands. */
export function assessedAdult(facts: SafeguardFacts): boolean {
  return facts.assessedMinimumAge !== null && facts.assessedMinimumAge >= ADULT;
}

/** A child for the safeguards: a child profile, or presumed minority, unless a completed assessment found an adult. */
export function isChild(facts: SafeguardFacts): boolean {
  if (assessedAdult(facts)) return false;
  return facts.presumedChild || CHILD_PROFILES.some((p) => has(facts, p));
}

/**
 * A presumed or identified victim of trafficking: the anti-trafficking record's finding when it has
 * concluded one way or the other, otherwise the presumption the profile carries (a record opened as
 * POTENTIAL does not weaken it).
 */
export function isTraffickingVictim(facts: SafeguardFacts): boolean {
  const status = facts.trafficking?.status;
  if (status === 'PRESUMED' || status === 'IDENTIFIED') return true;
  if (status === 'NOT_IDENTIFIED') return false;
  return has(facts, 'TRAFFICKING_VICTIM');
}

export { has as hasProfile };

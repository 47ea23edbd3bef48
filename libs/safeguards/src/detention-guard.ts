import { hasProfile, isChild, isTraffickingVictim, SafeguardFacts, UNACCOMPANIED_OR_SEPARATED } from './facts';

/**
 * Why a person may not be detained. An unaccompanied or separated child is never detained: no override
 * exists. A child is accompanied only when a parent or caregiver with them is positively on record;
 * otherwise (not known, no one, a relative, an unverified claim) the child counts as unaccompanied or
 * separated. Every other ground gives way only to a supervisor's written justification (for an accompanied
 * child also a best-interests assessment on record).
 */
export const DETENTION_GROUNDS = ['UNACCOMPANIED_OR_SEPARATED_CHILD', 'CHILD', 'TRAFFICKING_VICTIM', 'TORTURE_SURVIVOR', 'SGBV_SURVIVOR', 'PREGNANT', 'SERIOUSLY_ILL'] as const;
export type DetentionGround = (typeof DETENTION_GROUNDS)[number];

/** Grounds no one may override. */
export const UNOVERRIDABLE_GROUNDS: readonly DetentionGround[] = ['UNACCOMPANIED_OR_SEPARATED_CHILD'];

export const DETENTION_GROUND_TEXT: Readonly<Record<DetentionGround, string>> = {
  UNACCOMPANIED_OR_SEPARATED_CHILD:
    'an unaccompanied or separated child, or a child with no parent or caregiver positively on record (minority is presumed until an age assessment finds otherwise)',
  CHILD: 'a child (minority is presumed until an age assessment finds otherwise)',
  TRAFFICKING_VICTIM: 'a presumed or identified victim of trafficking',
  TORTURE_SURVIVOR: 'a survivor of torture',
  SGBV_SURVIVOR: 'a survivor of sexual or gender-based violence',
  PREGNANT: 'a pregnant woman',
  SERIOUSLY_ILL: 'a seriously ill person',
};

/** Where an unaccompanied or separated child goes instead of detention (the child-protection officer's care placements). */
export const DETENTION_ALTERNATIVES_FOR_CHILDREN = ['INTERIM_CARE_PLACEMENT', 'CHILD_SHELTER'] as const;

/** What the detaining officer's individual assessment found, on top of what the case already says. */
export interface IndividualAssessment {
  pregnant: boolean;
  seriouslyIll: boolean;
}

const PREGNANCY_INDICATORS = ['needs.pregnant', 'child.pregnant', 'medical.pregnancy_complication'];
const SERIOUS_ILLNESS_INDICATORS = ['needs.serious_illness'];

/**
 * Every ground, in a fixed order, on which detaining this person is refused; empty when none applies. A
 * child is either accompanied (a parent or caregiver positively on record, and no open UNACCOMPANIED_CHILD
 * or SEPARATED_CHILD profile) or unaccompanied or separated, never both.
 */
export function detentionGrounds(facts: SafeguardFacts, assessment: IndividualAssessment): DetentionGround[] {
  const grounds: DetentionGround[] = [];
  if (isChild(facts)) grounds.push(accompaniedChild(facts) ? 'CHILD' : 'UNACCOMPANIED_OR_SEPARATED_CHILD');
  if (isTraffickingVictim(facts)) grounds.push('TRAFFICKING_VICTIM');
  if (hasProfile(facts, 'TORTURE_SURVIVOR')) grounds.push('TORTURE_SURVIVOR');
  if (hasProfile(facts, 'SGBV_SURVIVOR')) grounds.push('SGBV_SURVIVOR');
  if (assessment.pregnant || PREGNANCY_INDICATORS.some((id) => facts.indicatorIds.includes(id))) grounds.push('PREGNANT');
  if (assessment.seriouslyIll || hasProfile(facts, 'MEDICAL_EMERGENCY') || SERIOUS_ILLNESS_INDICATORS.some((id) => facts.indicatorIds.includes(id))) grounds.push('SERIOUSLY_ILL');
  return grounds;
}

/** A child with a parent or caregiver positively on record, whom no open profile finds unaccompanied or separated. */
export function accompaniedChild(facts: SafeguardFacts): boolean {
  return facts.accompaniedByCaregiver && !UNACCOMPANIED_OR_SEPARATED.some((p) => hasProfile(facts, p));
}

/** Why an episode on a protected ground was refused. */
export const DETENTION_REFUSALS = ['NO_OVERRIDE_EXISTS', 'NO_OVERRIDE', 'OVERRIDE_NOT_PERMITTED', 'JUSTIFICATION_TOO_SHORT', 'BEST_INTERESTS_ASSESSMENT_REQUIRED'] as const;
export type DetentionRefusal = (typeof DETENTION_REFUSALS)[number];

/** What an override rests on: who asks, their written justification, and (for a child) whether a best-interests assessment is on record. */
export interface DetentionOverride {
  bySupervisor: boolean;
  justification: string | undefined;
  bestInterestsAssessed: boolean;
}

/**
 * Whether the episode may be opened: no ground; or, when no ground is beyond override, a supervisor's
 * written justification for all of them, and for a child a best-interests assessment on record.
 */
export function detentionDecision(grounds: readonly DetentionGround[], override: DetentionOverride): { allowed: true; overridden: boolean } | { allowed: false; reason: DetentionRefusal } {
  if (grounds.length === 0) return { allowed: true, overridden: false };
  if (grounds.some((g) => UNOVERRIDABLE_GROUNDS.includes(g))) return { allowed: false, reason: 'NO_OVERRIDE_EXISTS' };
  if (override.justification === undefined) return { allowed: false, reason: 'NO_OVERRIDE' };
  if (!override.bySupervisor) return { allowed: false, reason: 'OVERRIDE_NOT_PERMITTED' };
  if (override.justification.trim().length < MIN_JUSTIFICATION) return { allowed: false, reason: 'JUSTIFICATION_TOO_SHORT' };
  if (grounds.includes('CHILD') && !override.bestInterestsAssessed) return { allowed: false, reason: 'BEST_INTERESTS_ASSESSMENT_REQUIRED' };
  return { allowed: true, overridden: true };
}

/** A written justification, not a word: long enough to say why no alternative to detention will do. */
export const MIN_JUSTIFICATION = 40;

/**
 * The grounds in force under a SOP: a SOP may switch the detention guard off (with its legal reference), but
 * never the ban on detaining an unaccompanied or separated child, which no SOP and no override lifts.
 */
export function enforcedDetentionGrounds(facts: SafeguardFacts, assessment: IndividualAssessment, guardEnabled: boolean): DetentionGround[] {
  const grounds = detentionGrounds(facts, assessment);
  return guardEnabled ? grounds : grounds.filter((g) => UNOVERRIDABLE_GROUNDS.includes(g));
}

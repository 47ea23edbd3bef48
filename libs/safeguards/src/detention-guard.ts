import { hasProfile, isChild, isTraffickingVictim, SafeguardFacts } from './facts';

/** Why a person may not be detained (unless a supervisor overrides with a written justification). */
export const DETENTION_GROUNDS = ['CHILD', 'TRAFFICKING_VICTIM', 'TORTURE_SURVIVOR', 'SGBV_SURVIVOR', 'PREGNANT', 'SERIOUSLY_ILL'] as const;
export type DetentionGround = (typeof DETENTION_GROUNDS)[number];

export const DETENTION_GROUND_TEXT: Readonly<Record<DetentionGround, string>> = {
  CHILD: 'a child (minority is presumed until an age assessment finds otherwise)',
  TRAFFICKING_VICTIM: 'a presumed or identified victim of trafficking',
  TORTURE_SURVIVOR: 'a survivor of torture',
  SGBV_SURVIVOR: 'a survivor of sexual or gender-based violence',
  PREGNANT: 'a pregnant woman',
  SERIOUSLY_ILL: 'a seriously ill person',
};

/** What the detaining officer's individual assessment found, on top of what the case already says. */
export interface IndividualAssessment {
  pregnant: boolean;
  seriouslyIll: boolean;
}

const PREGNANCY_INDICATORS = ['needs.pregnant', 'child.pregnant', 'medical.pregnancy_complication'];
const SERIOUS_ILLNESS_INDICATORS = ['needs.serious_illness'];

/** Every ground, in a fixed order, on which detaining this person is refused; empty when none applies. */
export function detentionGrounds(facts: SafeguardFacts, assessment: IndividualAssessment): DetentionGround[] {
  const grounds: DetentionGround[] = [];
  if (isChild(facts)) grounds.push('CHILD');
  if (isTraffickingVictim(facts)) grounds.push('TRAFFICKING_VICTIM');
  if (hasProfile(facts, 'TORTURE_SURVIVOR')) grounds.push('TORTURE_SURVIVOR');
  if (hasProfile(facts, 'SGBV_SURVIVOR')) grounds.push('SGBV_SURVIVOR');
  if (assessment.pregnant || PREGNANCY_INDICATORS.some((id) => facts.indicatorIds.includes(id))) grounds.push('PREGNANT');
  if (assessment.seriouslyIll || hasProfile(facts, 'MEDICAL_EMERGENCY') || SERIOUS_ILLNESS_INDICATORS.some((id) => facts.indicatorIds.includes(id))) grounds.push('SERIOUSLY_ILL');
  return grounds;
}

/** Whether the episode may be opened: no ground, or a supervisor's written justification for each. */
export function detentionDecision(
  grounds: readonly DetentionGround[],
  override: { bySupervisor: boolean; justification: string | undefined },
): { allowed: true; overridden: boolean } | { allowed: false; reason: 'NO_OVERRIDE' | 'OVERRIDE_NOT_PERMITTED' | 'JUSTIFICATION_TOO_SHORT' } {
  if (grounds.length === 0) return { allowed: true, overridden: false };
  if (override.justification === undefined) return { allowed: false, reason: 'NO_OVERRIDE' };
  if (!override.bySupervisor) return { allowed: false, reason: 'OVERRIDE_NOT_PERMITTED' };
  if (override.justification.trim().length < MIN_JUSTIFICATION) return { allowed: false, reason: 'JUSTIFICATION_TOO_SHORT' };
  return { allowed: true, overridden: true };
}

/** A written justification, not a word: long enough to say why no alternative to detention will do. */
export const MIN_JUSTIFICATION = 40;

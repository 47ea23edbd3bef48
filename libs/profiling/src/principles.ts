import { Findings, WithheldProfile } from './findings';
import { EvaluationContext } from './interpreter';
import { MIGRATION_PROFILES, PROTECTION_PROFILES } from './profiles';

/**
 * Principles the rules cannot switch off: applied in code after the rules ran, whatever the rule set
 * says. Presumption of minority lives in the derived facts (`isChild`), which every principle uses.
 */

/**
 * Screening answers that show a child is being exploited. For a child no "means" (threats, force,
 * deception) is needed to presume trafficking: exploitation alone is enough. Weak indicators are not
 * exploitation: "others speak for the person" (a young child's parent speaks for the child) and a
 * journey debt not to be worked off never appear here.
 */
export const CHILD_EXPLOITATION_ANSWERS: Readonly<Record<string, string>> = {
  movement_controlled: "the child's movement is controlled by others",
  threatened: 'threats against the child or family',
  debt_bondage: 'a debt to those who organised the journey or work',
  deceived_about_job: 'deceived about a job or conditions',
  little_or_no_pay: 'works for little or no pay',
  sexual_exploitation: 'sexual exploitation',
  injuries_from_control: 'injuries from control or punishment',
  child_labour: 'child labour',
  survival_sex: 'survival sex (a child cannot consent: sexual exploitation)',
};
const TRAFFICKING_FLAG = 'TRAFFICKING_SUSPECTED';

export const PRINCIPLE_IDS = {
  asylumWish: 'principle.asylum_wish',
  childWithoutCaregiver: 'principle.child_without_caregiver',
  childExploitation: 'principle.child_exploitation',
  primaFacie: 'principle.prima_facie',
  /** Applied to a case's profiles (libs/cases): a protection profile supersedes a return or migration profile, even a confirmed one. */
  protectionSupersedesReturn: 'principle.protection_supersedes_return',
} as const;

/** Runs the principles in their fixed order; returns the profiles they held back. */
export function applyPrinciples(findings: Findings, context: EvaluationContext): WithheldProfile[] {
  asylumWishMeansAsylumSeeker(findings, context);
  childWithoutCaregiverIsUnaccompanied(findings, context);
  exploitedChildIsPresumedTrafficked(findings, context);
  primaFacieForAsylumSeekers(findings, context);
  return migrationOnlyWithoutProtection(findings);
}

/** An expressed wish for asylum, in any words and at any time, always makes an asylum-seeker. */
function asylumWishMeansAsylumSeeker(findings: Findings, { answers, facts }: EvaluationContext): void {
  const evidence: string[] = [];
  if (answers['asylum_wish_expressed'] === true) evidence.push('wish to seek asylum expressed at screening');
  if (facts.urgentNeeds?.includes('ASYLUM_WISH')) evidence.push('flagged ASYLUM_WISH at arrival');
  if (evidence.length === 0) return;
  findings.ensure('ASYLUM_SEEKER', () => ({
    id: PRINCIPLE_IDS.asylumWish,
    source: 'PRINCIPLE',
    reason: 'Expressed a wish to seek asylum: an asylum-seeker until the claim is decided',
    evidence,
  }));
}

function childWithoutCaregiverIsUnaccompanied(findings: Findings, { derived }: EvaluationContext): void {
  if (!derived.isChild || derived.caregiver !== 'NONE') return;
  findings.ensure('UNACCOMPANIED_CHILD', () => ({
    id: PRINCIPLE_IDS.childWithoutCaregiver,
    source: 'PRINCIPLE',
    reason: 'A child with no parent, legal guardian or customary caregiver present',
    evidence: [derived.ageExplanation, 'no parent or caregiver present'],
  }));
}

function exploitedChildIsPresumedTrafficked(findings: Findings, { derived, answers, facts }: EvaluationContext): void {
  if (!derived.isChild) return;
  const found = Object.entries(CHILD_EXPLOITATION_ANSWERS)
    .filter(([id]) => answers[id] === true)
    .map(([, label]) => label);
  if (facts.urgentNeeds?.includes(TRAFFICKING_FLAG)) found.push(`flagged ${TRAFFICKING_FLAG} at arrival`);
  if (found.length === 0) return;
  findings.ensure('TRAFFICKING_VICTIM', () => ({
    id: PRINCIPLE_IDS.childExploitation,
    source: 'PRINCIPLE',
    reason: 'A child with an exploitation indicator: presumed trafficked (for a child no threat, force or deception needs to be shown)',
    evidence: [derived.ageExplanation, ...found],
  }));
}

function primaFacieForAsylumSeekers(findings: Findings, { derived }: EvaluationContext): void {
  const entry = derived.primaFacie;
  if (!entry || !findings.has('ASYLUM_SEEKER')) return;
  const area = entry.areaCodes.length > 0 ? ` (areas ${entry.areaCodes.join(', ')})` : '';
  findings.add('PRIMA_FACIE_REFUGEE', {
    id: PRINCIPLE_IDS.primaFacie,
    source: 'PRINCIPLE',
    reason: `Asylum-seeker of a nationality${area ? ' and area of origin' : ''} on the prima facie list in force on the arrival date`,
    evidence: [`prima facie entry ${entry.id}: ${entry.nationality}${area}, valid ${entry.validFrom} to ${entry.validTo ?? 'withdrawal'}`, `source: ${entry.source}`],
  });
}

/** No return or migration route is suggested while a protection profile applies. */
function migrationOnlyWithoutProtection(findings: Findings): WithheldProfile[] {
  const protection = PROTECTION_PROFILES.filter((profile) => findings.has(profile));
  if (protection.length === 0) return [];
  const withheld: WithheldProfile[] = [];
  for (const profile of MIGRATION_PROFILES) {
    const indicators = findings.remove(profile);
    if (indicators) withheld.push({ profile, because: `a protection profile applies: ${protection.join(', ')}`, indicators });
  }
  return withheld;
}

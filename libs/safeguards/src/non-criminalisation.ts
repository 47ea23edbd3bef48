import { isTraffickingVictim, SafeguardFacts } from './facts';

/** Offences a person may be flagged for prosecution for. */
export const OFFENCES = ['IRREGULAR_ENTRY', 'IRREGULAR_STAY', 'USE_OF_FALSE_DOCUMENTS', 'UNAUTHORISED_WORK', 'OTHER'] as const;
export type Offence = (typeof OFFENCES)[number];

/** Irregular entry and the status offences that follow from having been trafficked. */
export const STATUS_OFFENCES: readonly Offence[] = ['IRREGULAR_ENTRY', 'IRREGULAR_STAY', 'USE_OF_FALSE_DOCUMENTS', 'UNAUTHORISED_WORK'];

/** A written finding, not a word: long enough to say why the offence has nothing to do with the trafficking. */
export const MIN_FINDING = 40;

/** A supervisor's written finding that the offence is unrelated to the trafficking, when one was given. */
export interface UnrelatedOffenceFinding {
  bySupervisor: boolean;
  text: string | undefined;
}

/** Why flagging a presumed or identified victim for prosecution was refused. */
export const PROSECUTION_REFUSALS = ['STATUS_OFFENCE', 'FINDING_REQUIRED', 'FINDING_NOT_PERMITTED', 'FINDING_TOO_SHORT'] as const;
export type ProsecutionRefusal = (typeof PROSECUTION_REFUSALS)[number];

/**
 * Whether flagging this person for prosecution for `offence` is refused: a presumed or identified
 * trafficking victim is never prosecuted for irregular entry or a status offence (no finding answers
 * that), and for any other offence only on a supervisor's written finding that it is unrelated to the
 * trafficking. A finding, whenever one is given, is a supervisor's and written out. `null` when the flag
 * may be raised.
 */
export function prosecutionRefusal(facts: SafeguardFacts, offence: Offence, finding: UnrelatedOffenceFinding): ProsecutionRefusal | null {
  const victim = isTraffickingVictim(facts);
  if (victim && STATUS_OFFENCES.includes(offence)) return 'STATUS_OFFENCE';
  if (finding.text === undefined) return victim ? 'FINDING_REQUIRED' : null;
  if (!finding.bySupervisor) return 'FINDING_NOT_PERMITTED';
  if (finding.text.trim().length < MIN_FINDING) return 'FINDING_TOO_SHORT';
  return null;
}

/**
 * Whether flagging this person for prosecution for `offence` is refused as things stand, with no finding:
 * every offence for a presumed or identified victim (the status offences for good, the others until a
 * supervisor finds them unrelated to the trafficking).
 */
export function prosecutionBlocked(facts: SafeguardFacts, offence: Offence): boolean {
  return prosecutionRefusal(facts, offence, { bySupervisor: false, text: undefined }) !== null;
}

import { isTraffickingVictim, SafeguardFacts } from './facts';

/** Offences a person may be flagged for prosecution for. */
export const OFFENCES = ['IRREGULAR_ENTRY', 'IRREGULAR_STAY', 'USE_OF_FALSE_DOCUMENTS', 'UNAUTHORISED_WORK', 'OTHER'] as const;
export type Offence = (typeof OFFENCES)[number];

/** Irregular entry and the status offences that follow from having been trafficked. */
export const STATUS_OFFENCES: readonly Offence[] = ['IRREGULAR_ENTRY', 'IRREGULAR_STAY', 'USE_OF_FALSE_DOCUMENTS', 'UNAUTHORISED_WORK'];

/** Whether flagging this person for prosecution for `offence` is refused: a presumed or identified trafficking victim is not prosecuted for status offences. */
export function prosecutionBlocked(facts: SafeguardFacts, offence: Offence): boolean {
  return STATUS_OFFENCES.includes(offence) && isTraffickingVictim(facts);
}

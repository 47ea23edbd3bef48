import { PersonFacts } from './facts';
import { PrimaFacieEntry } from './rule-set';

/** Whether an entry is in force on a date (YYYY-MM-DD; both ends of the period count). */
export function isActiveOn(entry: PrimaFacieEntry, date: string): boolean {
  return entry.validFrom <= date && (entry.validTo === undefined || date <= entry.validTo);
}

/**
 * The first entry of the list, in list order, that covers one of the person's nationalities (and
 * their area of origin, when the entry names areas) and is in force on the arrival date.
 */
export function matchPrimaFacie(entries: readonly PrimaFacieEntry[], person: PersonFacts, arrivalDate: string | null): PrimaFacieEntry | null {
  if (arrivalDate === null) return null;
  for (const entry of entries) {
    if (!person.nationalities.includes(entry.nationality)) continue;
    if (entry.areaCodes.length > 0 && (person.areaOfOriginCode === undefined || !entry.areaCodes.includes(person.areaOfOriginCode))) continue;
    if (isActiveOn(entry, arrivalDate)) return entry;
  }
  return null;
}

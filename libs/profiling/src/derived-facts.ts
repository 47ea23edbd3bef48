import { calendarDateOf, isCalendarDate, yearsBetween } from './calendar';
import { Answers, CaseFacts, Companion, CompanionRelationship, UrgentNeed } from './facts';
import { matchPrimaFacie } from './prima-facie';
import { PrimaFacieEntry } from './rule-set';

export const ADULT_AGE = 18;

export type AgeSource = 'AGE_ASSESSMENT' | 'DATE_OF_BIRTH' | 'STATED_AGE' | 'UNKNOWN';

/**
 * Who is with a child: a parent, legal or customary caregiver; another relative (a separated child);
 * nobody responsible by law or custom (an unaccompanied child); or not known yet.
 */
export type Caregiver = 'PARENT_OR_CAREGIVER' | 'RELATIVE' | 'NONE' | 'UNKNOWN';
export const CAREGIVERS: readonly Caregiver[] = ['PARENT_OR_CAREGIVER', 'RELATIVE', 'NONE', 'UNKNOWN'];

/** Whether the claimed relationship to the accompanying adult was checked. */
export type CaregiverVerification = 'VERIFIED' | 'NOT_VERIFIED' | 'UNCHECKED' | 'NO_CLAIM';
export const CAREGIVER_VERIFICATIONS: readonly CaregiverVerification[] = ['VERIFIED', 'NOT_VERIFIED', 'UNCHECKED', 'NO_CLAIM'];

/** Urgent-need flags an official sets because the person looks under 18. */
const APPARENT_MINORITY_FLAGS: readonly UrgentNeed[] = ['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD'];

/** Facts the engine works out once per case; rules read them by name (see `FACTS`). */
export interface DerivedFacts {
  /** The calendar date of arrival, or null when the arrival time is not a date-time. */
  arrivalDate: string | null;
  /** The age that counts at arrival: the lowest the record supports, or the assessment's lowest age. */
  age: number | null;
  ageSource: AgeSource;
  /** Presumption of minority: under 18 by any stated or apparent age until an age assessment says otherwise. */
  isChild: boolean;
  /** Why the person counts as a child (or not), in words. */
  ageExplanation: string;
  caregiver: Caregiver;
  caregiverVerification: CaregiverVerification;
  /** The prima facie list entry the person matches on the arrival date. */
  primaFacie: PrimaFacieEntry | null;
}

export function deriveFacts(facts: CaseFacts, primaFacie: readonly PrimaFacieEntry[]): DerivedFacts {
  const arrivalDate = calendarDateOf(facts.arrival.arrivedAt);
  const answers = facts.answers ?? {};
  return {
    arrivalDate,
    ...minority(facts, arrivalDate),
    caregiver: caregiverOf(answers, facts.arrival.companions ?? []),
    caregiverVerification: verificationOf(answers, facts.arrival.companions ?? []),
    primaFacie: matchPrimaFacie(primaFacie, facts.person, arrivalDate),
  };
}

function minority(facts: CaseFacts, arrivalDate: string | null): Pick<DerivedFacts, 'age' | 'ageSource' | 'isChild' | 'ageExplanation'> {
  const assessment = facts.assessments?.age;
  if (assessment && Number.isFinite(assessment.minAge)) {
    const range = assessment.maxAge === undefined ? `${assessment.minAge} or older` : `${assessment.minAge}-${assessment.maxAge}`;
    const isChild = assessment.minAge < ADULT_AGE;
    return {
      age: assessment.minAge,
      ageSource: 'AGE_ASSESSMENT',
      isChild,
      ageExplanation: `age assessment: ${range} (the lowest age counts: ${isChild ? 'a child' : 'an adult'})`,
    };
  }

  const { person } = facts;
  const fromBirth = ageFromDateOfBirth(person.dateOfBirth, person.dateOfBirthEstimated === true, arrivalDate);
  const stated = typeof person.statedAge === 'number' && Number.isFinite(person.statedAge) ? person.statedAge : null;
  // Presumption of minority: when the record gives two ages, the lower one counts.
  let age: number | null = null;
  let ageSource: AgeSource = 'UNKNOWN';
  let ageExplanation = 'age not known';
  if (fromBirth !== null && (stated === null || fromBirth <= stated)) {
    age = fromBirth;
    ageSource = 'DATE_OF_BIRTH';
    ageExplanation = `${fromBirth} at arrival by the ${person.dateOfBirthEstimated ? 'estimated ' : ''}date of birth`;
  } else if (stated !== null) {
    age = stated;
    ageSource = 'STATED_AGE';
    ageExplanation = `${stated} at arrival by the stated or apparent age`;
  }
  if (age !== null && age < ADULT_AGE) return { age, ageSource, isChild: true, ageExplanation: `${ageExplanation}: presumed a child until an age assessment says otherwise` };

  const flag = APPARENT_MINORITY_FLAGS.find((need) => facts.urgentNeeds?.includes(need));
  if (flag) return { age, ageSource, isChild: true, ageExplanation: `flagged ${flag} at arrival (apparent minor): presumed a child until an age assessment says otherwise` };
  return { age, ageSource, isChild: false, ageExplanation };
}

/**
 * Whole years at arrival. An estimated date of birth is only relied on for its year, and the youngest
 * age that year allows counts (as if born on 31 December): the benefit of the doubt goes to minority.
 */
function ageFromDateOfBirth(dateOfBirth: string | undefined, estimated: boolean, arrivalDate: string | null): number | null {
  if (dateOfBirth === undefined || arrivalDate === null || !isCalendarDate(dateOfBirth)) return null;
  const born = estimated ? `${dateOfBirth.slice(0, 4)}-12-31` : dateOfBirth;
  const years = yearsBetween(born, arrivalDate);
  return years < 0 ? 0 : years;
}

const CAREGIVER_ANSWERS: Record<string, Caregiver> = {
  PARENT: 'PARENT_OR_CAREGIVER',
  LEGAL_GUARDIAN: 'PARENT_OR_CAREGIVER',
  CUSTOMARY_CAREGIVER: 'PARENT_OR_CAREGIVER',
  RELATIVE: 'RELATIVE',
  UNRELATED_ADULT: 'NONE',
  NONE: 'NONE',
};

/** How a companion counts for a child: a caregiver, a relative, or no one responsible for the child. */
const COMPANION_ROLE: Record<CompanionRelationship, 'CAREGIVER' | 'RELATIVE' | 'NOT_A_CARER'> = {
  MOTHER: 'CAREGIVER',
  FATHER: 'CAREGIVER',
  LEGAL_GUARDIAN: 'CAREGIVER',
  CUSTOMARY_CAREGIVER: 'CAREGIVER',
  GRANDPARENT: 'RELATIVE',
  UNCLE_OR_AUNT: 'RELATIVE',
  SIBLING: 'RELATIVE',
  COUSIN: 'RELATIVE',
  OTHER_RELATIVE: 'RELATIVE',
  // A child spouse's adult spouse is family, not a caregiver: the child counts as separated.
  SPOUSE: 'RELATIVE',
  // Younger relatives and unrelated people do not care for a child.
  CHILD: 'NOT_A_CARER',
  GRANDCHILD: 'NOT_A_CARER',
  NEPHEW_OR_NIECE: 'NOT_A_CARER',
  FRIEND: 'NOT_A_CARER',
  UNRELATED: 'NOT_A_CARER',
  UNKNOWN: 'NOT_A_CARER',
};

/** The screening answers decide; without them, the companions recorded at intake. */
function caregiverOf(answers: Answers, companions: readonly Companion[]): Caregiver {
  const relationship = answers['caregiver_relationship'];
  if (typeof relationship === 'string' && Object.hasOwn(CAREGIVER_ANSWERS, relationship)) return CAREGIVER_ANSWERS[relationship];
  const present = answers['caregiver_present'];
  if (present === false) return 'NONE';
  if (present === true) return 'PARENT_OR_CAREGIVER';
  if (companions.some((c) => COMPANION_ROLE[c.relationship] === 'CAREGIVER')) return 'PARENT_OR_CAREGIVER';
  if (companions.some((c) => COMPANION_ROLE[c.relationship] === 'RELATIVE')) return 'RELATIVE';
  return companions.length > 0 ? 'NONE' : 'UNKNOWN';
}

function verificationOf(answers: Answers, companions: readonly Companion[]): CaregiverVerification {
  const answered = answers['caregiver_relationship_verified'];
  if (answered === true) return 'VERIFIED';
  if (answered === false) return 'NOT_VERIFIED';
  const claimed = companions.filter((c) => COMPANION_ROLE[c.relationship] !== 'NOT_A_CARER');
  if (claimed.length === 0) return 'NO_CLAIM';
  if (claimed.some((c) => c.verified === false)) return 'NOT_VERIFIED';
  return claimed.every((c) => c.verified === true) ? 'VERIFIED' : 'UNCHECKED';
}

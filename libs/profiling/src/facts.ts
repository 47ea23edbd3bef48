/**
 * What the engine knows about one person's case: the intake record, the screening answers and later
 * assessments. Plain values only, so the intake, a counselling interview or a test can fill it.
 */
export type Sex = 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN';
export type ArrivalMode = 'LAND' | 'SEA' | 'AIR';
export type ArrivalHow = 'REGULAR_CROSSING' | 'IRREGULAR_CROSSING' | 'INTERCEPTED' | 'RESCUED_AT_SEA' | 'SELF_PRESENTED' | 'FOUND_IN_TERRITORY';

export const URGENT_NEEDS = [
  'MEDICAL_EMERGENCY',
  'UNACCOMPANIED_CHILD',
  'SEPARATED_CHILD',
  'TRAFFICKING_SUSPECTED',
  'RECENT_SEXUAL_VIOLENCE',
  'ASYLUM_WISH',
] as const;
/** Flags a mass-arrival record carries before the screening interview. */
export type UrgentNeed = (typeof URGENT_NEEDS)[number];

/**
 * A travel companion's relationship TO this person, as claimed ("MOTHER": the companion is this
 * person's mother). The intake's companion vocabulary.
 */
export type CompanionRelationship =
  | 'MOTHER'
  | 'FATHER'
  | 'CHILD'
  | 'SIBLING'
  | 'SPOUSE'
  | 'GRANDPARENT'
  | 'GRANDCHILD'
  | 'UNCLE_OR_AUNT'
  | 'NEPHEW_OR_NIECE'
  | 'COUSIN'
  | 'OTHER_RELATIVE'
  | 'LEGAL_GUARDIAN'
  | 'CUSTOMARY_CAREGIVER'
  | 'FRIEND'
  | 'UNRELATED'
  | 'UNKNOWN';

export interface Companion {
  relationship: CompanionRelationship;
  /** true: verified; false: checked and could not be verified; absent: not checked yet. */
  verified?: boolean;
}

export type Answer = boolean | string | number | string[];
/** Screening answers by question id (the questionnaire's ids, e.g. `fear_of_return`). */
export type Answers = Record<string, Answer>;

export interface PersonFacts {
  sex: Sex;
  /** YYYY-MM-DD. */
  dateOfBirth?: string;
  /** The date of birth is an estimate (only its year is relied on). */
  dateOfBirthEstimated?: boolean;
  /** Age as stated, or approximate in a mass arrival. */
  statedAge?: number;
  /** ISO 3166-1 alpha-3 codes, `STATELESS` or `UNKNOWN`. */
  nationalities: string[];
  /** A code of the prima facie list's area vocabulary (ISO 3166-2 subdivisions in the default list), e.g. `SO-SH`. */
  areaOfOriginCode?: string;
  /** Someone else holds the person's documents. */
  documentsHeldByOther?: boolean;
}

export interface ArrivalFacts {
  /** ISO 8601 date-time with a time zone; its UTC calendar date is the arrival date (as the intake counts it). */
  arrivedAt: string;
  mode: ArrivalMode;
  how?: ArrivalHow;
  smugglerUsed?: boolean;
  companions?: Companion[];
}

/** An age assessment's result: a range of years; its lowest age counts. */
export interface AgeAssessment {
  minAge: number;
  maxAge?: number;
  /** YYYY-MM-DD. */
  assessedOn?: string;
}

export interface CaseFacts {
  person: PersonFacts;
  arrival: ArrivalFacts;
  urgentNeeds?: UrgentNeed[];
  answers?: Answers;
  assessments?: { age?: AgeAssessment };
}

import { CAREGIVER_VERIFICATIONS, CAREGIVERS, DerivedFacts } from './derived-facts';
import { CaseFacts, URGENT_NEEDS } from './facts';

export type FactValue = boolean | string | number | readonly string[];
export type FactKind = 'number' | 'boolean' | 'string' | 'string[]';

export interface FactDefinition {
  kind: FactKind;
  /** The closed vocabulary of a string fact, when it has one (rules are checked against it). */
  values?: readonly string[];
  description: string;
  /** undefined: not known for this case (satisfies no comparison but `exists: false`). */
  read(facts: CaseFacts, derived: DerivedFacts): FactValue | undefined;
  /** Evidence in words when a comparison on this fact holds and the rule gives no label. */
  explain?(facts: CaseFacts, derived: DerivedFacts): string;
}

/** Every fact a rule may name with `"fact": ...`. Adding one here also needs it in rule-set.schema.json. */
export const FACTS = {
  'person.age': {
    kind: 'number',
    description: 'Age at arrival that counts: the lowest the record supports, or the lowest age of an age assessment',
    read: (_, d) => d.age ?? undefined,
    explain: (_, d) => d.ageExplanation,
  },
  'person.isChild': {
    kind: 'boolean',
    description: 'Under 18 by any stated or apparent age, until an age assessment says otherwise',
    read: (_, d) => d.isChild,
    explain: (_, d) => d.ageExplanation,
  },
  'person.ageSource': {
    kind: 'string',
    values: ['AGE_ASSESSMENT', 'DATE_OF_BIRTH', 'STATED_AGE', 'UNKNOWN'],
    description: 'Where the age that counts comes from',
    read: (_, d) => d.ageSource,
  },
  'person.sex': {
    kind: 'string',
    values: ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'],
    description: 'Sex as recorded',
    read: (f) => f.person.sex,
  },
  'person.nationalities': {
    kind: 'string[]',
    description: 'ISO 3166-1 alpha-3 codes, STATELESS or UNKNOWN',
    read: (f) => f.person.nationalities,
  },
  'person.areaOfOriginCode': {
    kind: 'string',
    description: 'Area of origin code (the prima facie list vocabulary)',
    read: (f) => f.person.areaOfOriginCode,
  },
  'person.documentsHeldByOther': {
    kind: 'boolean',
    description: "Someone else holds the person's documents",
    read: (f) => f.person.documentsHeldByOther,
  },
  'arrival.mode': {
    kind: 'string',
    values: ['LAND', 'SEA', 'AIR'],
    description: 'How the person travelled',
    read: (f) => f.arrival.mode,
  },
  'arrival.how': {
    kind: 'string',
    values: ['REGULAR_CROSSING', 'IRREGULAR_CROSSING', 'INTERCEPTED', 'RESCUED_AT_SEA', 'SELF_PRESENTED', 'FOUND_IN_TERRITORY'],
    description: 'How the person came to the attention of the authorities',
    read: (f) => f.arrival.how,
  },
  'arrival.smugglerUsed': {
    kind: 'boolean',
    description: 'A smuggler organised the journey',
    read: (f) => f.arrival.smugglerUsed,
  },
  urgentNeeds: {
    kind: 'string[]',
    values: URGENT_NEEDS,
    description: 'Mass-arrival urgent-need flags',
    read: (f) => f.urgentNeeds ?? [],
  },
  'child.caregiver': {
    kind: 'string',
    values: CAREGIVERS,
    description: 'Who is with the child: PARENT_OR_CAREGIVER, RELATIVE, NONE (nobody responsible by law or custom) or UNKNOWN',
    read: (_, d) => d.caregiver,
  },
  'child.caregiverVerification': {
    kind: 'string',
    values: CAREGIVER_VERIFICATIONS,
    description: 'Whether the claimed relationship to the accompanying adult was checked',
    read: (_, d) => d.caregiverVerification,
  },
  'primaFacie.match': {
    kind: 'boolean',
    description: 'Nationality and area of origin are on an entry of the prima facie list in force on the arrival date',
    read: (_, d) => d.primaFacie !== null,
    explain: (_, d) => (d.primaFacie ? `on prima facie entry ${d.primaFacie.id}` : 'on no prima facie entry'),
  },
} satisfies Record<string, FactDefinition>;

export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as FactName[];

export function isFactName(value: unknown): value is FactName {
  return typeof value === 'string' && Object.hasOwn(FACTS, value);
}

export function factDefinition(name: FactName): FactDefinition {
  return FACTS[name];
}

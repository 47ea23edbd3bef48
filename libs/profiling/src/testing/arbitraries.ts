import fc from 'fast-check';
import { Answers, CaseFacts, Companion, CompanionRelationship, URGENT_NEEDS, UrgentNeed } from '../facts';

/** Yes/no screening questions that are risk indicators: answering yes adds an indicator. */
export const INDICATOR_QUESTIONS = [
  'fear_of_return',
  'asylum_wish_expressed',
  'refugee_documents_elsewhere',
  'disability',
  'serious_illness',
  'pregnant',
  'older_person_at_risk',
  'single_parent',
  'woman_at_risk',
  'adult_answers_for_child',
  'adult_holds_child_documents',
  'child_married',
  'child_is_parent',
  'child_labour',
  'associated_with_armed_group',
  'others_speak_for_person',
  'movement_controlled',
  'threatened',
  'debt_bondage',
  'deceived_about_job',
  'little_or_no_pay',
  'sexual_exploitation',
  'injuries_from_control',
  'held_for_ransom',
  'family_extorted',
  'abandoned_en_route',
  'beaten_or_robbed',
  'detained_in_transit',
  'injured',
  'critical_condition',
  'pregnancy_complication',
  'torture_reported',
  'scars_attributed_to_torture',
  'forced_to_commit_acts',
  'witnessed_killings',
  'sexual_violence_disclosed',
  'forced_or_early_marriage',
  'fgm',
  'survival_sex',
  // Screening questionnaire v2.
  'trafficked_before',
  'fears_traffickers_on_return',
  'journey_debt',
  'chronic_illness_without_medication',
  'adult_claims_relationship_unverified',
] as const;


export const REASONS_FOR_LEAVING = ['WORK', 'FAMILY', 'EDUCATION', 'CONFLICT', 'PERSECUTION', 'GENERALISED_VIOLENCE', 'DISASTER', 'POVERTY', 'OTHER'];
export const FEAR_REASONS = ['PERSECUTION', 'CONFLICT', 'GENERALISED_VIOLENCE', 'THREAT_TO_LIFE', 'THREAT_TO_FREEDOM', 'OTHER'];
const CAREGIVER_RELATIONSHIPS = ['PARENT', 'LEGAL_GUARDIAN', 'CUSTOMARY_CAREGIVER', 'RELATIVE', 'UNRELATED_ADULT', 'NONE'];
const RELATIONSHIPS: CompanionRelationship[] = [
  'MOTHER',
  'FATHER',
  'CHILD',
  'SIBLING',
  'SPOUSE',
  'GRANDPARENT',
  'GRANDCHILD',
  'UNCLE_OR_AUNT',
  'NEPHEW_OR_NIECE',
  'COUSIN',
  'OTHER_RELATIVE',
  'LEGAL_GUARDIAN',
  'CUSTOMARY_CAREGIVER',
  'FRIEND',
  'UNRELATED',
  'UNKNOWN',
];

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const date = (from: number, to: number) =>
  fc.tuple(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/** Present one time in four: most interviews do not reach these questions. */
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });

export const answersArb: fc.Arbitrary<Answers> = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...INDICATOR_QUESTIONS, 'caregiver_present', 'caregiver_relationship_verified'), fc.boolean(), { maxKeys: 6 }),
    fc.record({
      reasons_for_leaving: maybe(fc.subarray(REASONS_FOR_LEAVING, { minLength: 1, maxLength: 2 })),
      wants_to_return_home: maybe(fc.boolean()),
      has_means_to_return: maybe(fc.boolean()),
      health_triage: maybe(fc.constantFrom('URGENT', 'NEEDS_CARE', 'NONE')),
      fear_reasons: rarely(fc.subarray(FEAR_REASONS, { minLength: 1, maxLength: 2 })),
      caregiver_relationship: rarely(fc.constantFrom(...CAREGIVER_RELATIONSHIPS)),
      sexual_violence_hours_ago: rarely(fc.integer({ min: 0, max: 2_000 })),
    }),
  )
  .map(([yesNo, others]) => withoutUndefined({ ...yesNo, ...others }) as Answers);

const companionArb: fc.Arbitrary<Companion> = fc
  .record({ relationship: fc.constantFrom(...RELATIONSHIPS), verified: maybe(fc.boolean()) })
  .map((c) => withoutUndefined(c));

/** Any case the intake could send, with every field optional where the intake allows it. */
export const factsArb: fc.Arbitrary<CaseFacts> = fc
  .record({
    sex: fc.constantFrom('FEMALE', 'MALE', 'OTHER', 'UNKNOWN') as fc.Arbitrary<CaseFacts['person']['sex']>,
    dateOfBirth: maybe(date(1950, 2026)),
    dateOfBirthEstimated: maybe(fc.boolean()),
    statedAge: maybe(fc.integer({ min: 0, max: 90 })),
    nationalities: fc.subarray(['SOM', 'ETH', 'ERI', 'COD', 'MWI', 'STATELESS', 'UNKNOWN'], { minLength: 1, maxLength: 2 }),
    areaOfOriginCode: maybe(fc.constantFrom('SO-SH', 'SO-BN', 'SO-WO', 'ET-AA')),
    documentsHeldByOther: maybe(fc.boolean()),
    arrivedOn: date(2025, 2027),
    mode: fc.constantFrom('LAND', 'SEA', 'AIR') as fc.Arbitrary<CaseFacts['arrival']['mode']>,
    smugglerUsed: maybe(fc.boolean()),
    companions: fc.array(companionArb, { maxLength: 3 }),
    // Most records carry no urgent flag; mass-arrival ones a few.
    urgentNeeds: fc.oneof({ arbitrary: fc.constant<UrgentNeed[]>([]), weight: 4 }, { arbitrary: fc.subarray([...URGENT_NEEDS], { minLength: 1, maxLength: 3 }), weight: 1 }),
    answers: answersArb,
    assessment: maybe(fc.integer({ min: 10, max: 30 }).chain((min) => fc.record({ minAge: fc.constant(min), maxAge: fc.integer({ min, max: min + 5 }) }))),
  })
  .map((g) => ({
    person: withoutUndefined({
      sex: g.sex,
      dateOfBirth: g.dateOfBirth,
      dateOfBirthEstimated: g.dateOfBirthEstimated,
      statedAge: g.statedAge,
      nationalities: g.nationalities,
      areaOfOriginCode: g.areaOfOriginCode,
      documentsHeldByOther: g.documentsHeldByOther,
    }),
    arrival: withoutUndefined({ arrivedAt: `${g.arrivedOn}T10:00:00+03:00`, mode: g.mode, smugglerUsed: g.smugglerUsed, companions: g.companions }),
    urgentNeeds: g.urgentNeeds,
    answers: g.answers,
    ...(g.assessment && { assessments: { age: g.assessment } }),
  }));

/** One more indicator for a case: a yes to a risk question, an urgent flag, a fear or flight reason, or held documents. */
export type AddedIndicator =
  | { kind: 'answer'; question: (typeof INDICATOR_QUESTIONS)[number] }
  | { kind: 'flag'; flag: UrgentNeed }
  | { kind: 'reason'; question: 'reasons_for_leaving' | 'fear_reasons'; value: string }
  | { kind: 'documentsHeldByOther' };

/** Every indicator that can be added to a case. */
export const ALL_ADDED_INDICATORS: readonly AddedIndicator[] = [
  ...INDICATOR_QUESTIONS.map((question) => ({ kind: 'answer' as const, question })),
  ...URGENT_NEEDS.map((flag) => ({ kind: 'flag' as const, flag })),
  ...REASONS_FOR_LEAVING.map((value) => ({ kind: 'reason' as const, question: 'reasons_for_leaving' as const, value })),
  ...FEAR_REASONS.map((value) => ({ kind: 'reason' as const, question: 'fear_reasons' as const, value })),
  { kind: 'documentsHeldByOther' },
];

export function describeIndicator(added: AddedIndicator): string {
  switch (added.kind) {
    case 'answer':
      return `${added.question} = true`;
    case 'flag':
      return `urgent need ${added.flag}`;
    case 'reason':
      return `${added.question} + ${added.value}`;
    case 'documentsHeldByOther':
      return 'documents held by another';
  }
}

export function withIndicator(facts: CaseFacts, added: AddedIndicator): CaseFacts {
  const answers = { ...facts.answers };
  switch (added.kind) {
    case 'answer':
      return { ...facts, answers: { ...answers, [added.question]: true } };
    case 'flag':
      return { ...facts, urgentNeeds: [...new Set([...(facts.urgentNeeds ?? []), added.flag])] };
    case 'reason': {
      const current = answers[added.question];
      const list = Array.isArray(current) ? current : [];
      return { ...facts, answers: { ...answers, [added.question]: [...new Set([...list, added.value])] } };
    }
    case 'documentsHeldByOther':
      return { ...facts, person: { ...facts.person, documentsHeldByOther: true } };
  }
}

import { AgeAssessment, Answers, ArrivalFacts, CaseFacts, PersonFacts, UrgentNeed } from '../facts';

/** The arrival time test cases use unless they say otherwise (local time at the border point). */
export const ARRIVED_AT = '2026-11-20T08:30:00+03:00';

export interface FactsOverrides {
  person?: Partial<PersonFacts>;
  arrival?: Partial<ArrivalFacts>;
  answers?: Answers;
  urgentNeeds?: UrgentNeed[];
  ageAssessment?: AgeAssessment;
}

/** A case's facts for tests: an adult Ethiopian man crossing by land, unless overridden. */
export function newFacts(overrides: FactsOverrides = {}): CaseFacts {
  return {
    person: { sex: 'MALE', statedAge: 30, nationalities: ['ETH'], ...overrides.person },
    arrival: { arrivedAt: ARRIVED_AT, mode: 'LAND', how: 'IRREGULAR_CROSSING', ...overrides.arrival },
    ...(overrides.urgentNeeds && { urgentNeeds: overrides.urgentNeeds }),
    ...(overrides.answers && { answers: overrides.answers }),
    ...(overrides.ageAssessment && { assessments: { age: overrides.ageAssessment } }),
  };
}

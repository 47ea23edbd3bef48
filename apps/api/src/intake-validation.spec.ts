import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';

/*
 * The requirement, proved over HTTP: every rule is validated server-side, and a bad intake is
 * answered 400 with every bad field named (path and reason), without echoing what was sent, and with
 * nothing written anywhere.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString();
const dateOnly = (msAgo: number): string => iso(msAgo).slice(0, 10);

type Json = Record<string, unknown>;

const ANSWERS: Json = {
  reasons_for_leaving: ['CONFLICT'],
  health_triage: 'NEEDS_CARE',
  fear_of_return: true,
  asylum_wish_expressed: true,
  asylum_statement: 'My village was attacked and my brother was killed.',
  trafficking_account: 'The driver kept our papers until we paid more.',
};

/** A valid adult for a full intake; an override set to `undefined` removes the field. */
function adult(overrides: Json = {}): Json {
  return {
    givenName: 'Amina',
    familyName: 'Warsame',
    otherNames: ['Aamina Warsame Ali'],
    sex: 'FEMALE',
    dateOfBirth: '1996-03-12',
    nationalities: ['SOM'],
    languages: ['so', 'sw'],
    interpreter: { needed: true, sex: 'FEMALE' },
    documents: [{ kind: 'PASSPORT', number: 'P 445-1122', issuingCountry: 'SOM' }],
    informationGiven: { topics: ['ASYLUM'], language: 'so' },
    screening: { answers: { ...ANSWERS } },
    ...overrides,
  };
}

/** A valid child travelling in the same intake. */
function child(overrides: Json = {}): Json {
  return {
    givenName: 'Hodan',
    familyName: 'Warsame',
    sex: 'FEMALE',
    dateOfBirth: '2019-01-05',
    dateOfBirthEstimated: true,
    nationalities: ['SOM'],
    screening: { answers: { caregiver_present: true, caregiver_relationship: 'PARENT' } },
    ...overrides,
  };
}

/** A valid full intake at a border point: the arrival is 2 hours ago unless overridden. */
function fullIntake(borderPointId: string, persons: Json[] = [adult()], arrival: Json = {}, extra: Json = {}): Json {
  return {
    intakeId: randomUUID(),
    arrival: {
      borderPointId,
      arrivedAt: iso(2 * HOUR),
      mode: 'LAND',
      how: 'IRREGULAR_CROSSING',
      route: ['ETH', 'KEN'],
      intendedDestination: 'ZAF',
      smugglerUsed: true,
      ...arrival,
    },
    persons,
    ...extra,
  };
}

/** A valid minimal mass-arrival record. */
function massIntake(borderPointId: string, person: Json): Json {
  return {
    intakeId: randomUUID(),
    mode: 'MASS_ARRIVAL',
    arrival: { borderPointId, arrivedAt: iso(HOUR), mode: 'SEA' },
    persons: [{ sex: 'MALE', nationalities: ['COD'], ...person }],
  };
}

const withAnswers = (answers: Json): Json => ({ screening: { answers: { ...ANSWERS, ...answers } } });

interface Ctx {
  NMG: string;
}

interface Refusal {
  name: string;
  body: (ctx: Ctx) => Json;
  /** The error code (or the codes either of which would do). */
  code: string | string[];
  /** Exactly the paths named, each with a fragment one of its problems must contain. */
  fields: [path: string, problem: string | RegExp][];
  /** Submitted values that must not come back in the error. */
  hidden?: (string | RegExp)[];
}

/** Personal data of the default payload: never part of any error. */
const ALWAYS_HIDDEN = ['Warsame', 'P 445-1122', 'brother was killed', 'kept our papers'];

const V = 'REQUEST.VALIDATION_FAILED';
const I = 'INTAKE.INVALID';

const longName = 'Zubeyda' + 'q'.repeat(94); // 101 characters
const longObservation = 'Observed-limp ' + 'o'.repeat(2_001 - 'Observed-limp '.length); // 2001 > 2000
const longStatement = 'Statement-secret ' + 's'.repeat(4_001 - 'Statement-secret '.length); // 4001 > 4000
const missingCase = randomUUID();
const unknownBorderPoint = randomUUID();

const REFUSALS: Refusal[] = [
  // Dates and ages.
  {
    name: 'an arrival in the future',
    body: ({ NMG }) => fullIntake(NMG, [adult()], { arrivedAt: '2099-06-01T08:00:00Z' }),
    code: I,
    fields: [['arrival.arrivedAt', 'must not be in the future']],
    hidden: ['2099'],
  },
  {
    name: 'an arrival before 1990',
    body: ({ NMG }) => fullIntake(NMG, [adult({ dateOfBirth: '1960-05-05' })], { arrivedAt: '1989-12-31T23:00:00Z' }),
    code: I,
    fields: [['arrival.arrivedAt', 'must not be before 1990-01-01']],
    hidden: ['1989-12-31'],
  },
  {
    name: 'an arrival date-time without a time zone',
    body: ({ NMG }) => fullIntake(NMG, [adult()], { arrivedAt: '2025-06-01T10:17:00' }),
    code: V,
    fields: [['arrival.arrivedAt', 'time zone']],
    hidden: ['2025-06-01T10:17'],
  },
  {
    name: 'a date of birth that is not a calendar date (2021-02-30)',
    body: ({ NMG }) => fullIntake(NMG, [adult({ dateOfBirth: '2021-02-30' })]),
    code: V,
    fields: [['persons[0].dateOfBirth', 'calendar date']],
    hidden: ['2021-02-30'],
  },
  {
    name: 'a date of birth in the future',
    body: ({ NMG }) => fullIntake(NMG, [adult({ dateOfBirth: dateOnly(-20 * DAY) })]),
    code: I,
    fields: [['persons[0].dateOfBirth', 'must not be in the future']],
    hidden: [dateOnly(-20 * DAY)],
  },
  {
    name: 'a date of birth after the arrival',
    body: ({ NMG }) => fullIntake(NMG, [adult({ dateOfBirth: dateOnly(10 * DAY) })], { arrivedAt: iso(30 * DAY) }),
    code: I,
    fields: [['persons[0].dateOfBirth', 'must not be after the arrival']],
    hidden: [dateOnly(10 * DAY)],
  },
  {
    name: 'a date of birth giving an age over 120',
    body: ({ NMG }) => fullIntake(NMG, [adult({ dateOfBirth: '1890-01-01' })]),
    code: I,
    fields: [['persons[0].dateOfBirth', 'age over 120']],
    hidden: ['1890'],
  },
  {
    name: 'a stated age over 120',
    body: ({ NMG }) => fullIntake(NMG, [adult({ dateOfBirth: undefined, statedAge: 121 })]),
    code: V,
    fields: [['persons[0].statedAge', '120']],
    hidden: [/\b121\b/],
  },
  {
    name: 'a negative stated age',
    body: ({ NMG }) => fullIntake(NMG, [adult({ dateOfBirth: undefined, statedAge: -7 })]),
    code: V,
    fields: [['persons[0].statedAge', 'less than 0']],
    hidden: ['-7'],
  },
  {
    name: 'a stated age that contradicts the date of birth',
    body: ({ NMG }) => fullIntake(NMG, [adult({ dateOfBirth: '1996-03-12', statedAge: 57 })]),
    code: I,
    fields: [['persons[0].statedAge', 'date of birth']],
    hidden: [/\b57\b/],
  },

  // Border points and codes.
  {
    name: 'a border point id that is a uuid but no border point',
    body: () => fullIntake(unknownBorderPoint),
    code: I,
    fields: [['arrival.borderPointId', 'no border point has this id']],
    hidden: [unknownBorderPoint],
  },
  {
    name: 'a border point id that is not a uuid',
    body: () => fullIntake('NMG-main-gate'),
    code: V,
    fields: [['arrival.borderPointId', 'UUID']],
    hidden: ['NMG-main-gate'],
  },
  {
    name: 'an unknown nationality code (XYZ)',
    body: ({ NMG }) => fullIntake(NMG, [adult({ nationalities: ['XYZ'] })]),
    code: V,
    fields: [['persons[0].nationalities', 'ISO 3166-1 alpha-3']],
    hidden: ['XYZ'],
  },
  {
    name: 'a nationality code in lower case (som)',
    body: ({ NMG }) => fullIntake(NMG, [adult({ nationalities: ['som'] })]),
    code: V,
    fields: [['persons[0].nationalities', 'ISO 3166-1 alpha-3']],
    hidden: [/\bsom\b/],
  },
  {
    name: 'STATELESS combined with another nationality',
    body: ({ NMG }) => fullIntake(NMG, [adult({ nationalities: ['STATELESS', 'SOM'] })]),
    code: I,
    fields: [['persons[0].nationalities', 'cannot be combined']],
  },
  {
    name: 'an unknown route country',
    body: ({ NMG }) => fullIntake(NMG, [adult()], { route: ['ETH', 'QQQ'] }),
    code: V,
    fields: [['arrival.route', 'ISO 3166-1 alpha-3']],
    hidden: ['QQQ'],
  },
  {
    name: 'an unknown document issuing country',
    body: ({ NMG }) => fullIntake(NMG, [adult({ documents: [{ kind: 'PASSPORT', number: 'P 445-1122', issuingCountry: 'ZZZ' }] })]),
    code: V,
    fields: [['persons[0].documents[0].issuingCountry', 'ISO 3166-1 alpha-3']],
    hidden: ['ZZZ'],
  },
  {
    name: 'an unknown language code',
    body: ({ NMG }) => fullIntake(NMG, [adult({ languages: ['so', 'Kisomali'] })]),
    code: V,
    fields: [['persons[0].languages', 'ISO 639']],
    hidden: ['Kisomali'],
  },

  // Over-long strings.
  {
    name: 'a given name of 101 characters',
    body: ({ NMG }) => fullIntake(NMG, [adult({ givenName: longName })]),
    code: V,
    fields: [['persons[0].givenName', 'shorter than or equal to 100 characters']],
    hidden: ['Zubeyda'],
  },
  {
    name: 'officer observations over their 2000 characters',
    body: ({ NMG }) => fullIntake(NMG, [adult(withAnswers({ officer_observations: longObservation }))]),
    code: I,
    fields: [['persons[0].screening.answers.officer_observations', 'at most 2000 characters']],
    hidden: ['Observed-limp'],
  },
  {
    name: 'a TEXT answer over 4000 characters',
    body: ({ NMG }) => fullIntake(NMG, [adult(withAnswers({ asylum_statement: longStatement }))]),
    code: I,
    fields: [['persons[0].screening.answers.asylum_statement', 'at most 4000 characters']],
    hidden: ['Statement-secret'],
  },

  // Oversized arrays.
  {
    name: '51 persons in one intake',
    body: ({ NMG }) => fullIntake(NMG, Array.from({ length: 51 }, () => adult({ documents: [] }))),
    code: V,
    fields: [['persons', 'no more than 50']],
  },
  {
    name: '11 other names',
    body: ({ NMG }) => fullIntake(NMG, [adult({ otherNames: Array.from({ length: 11 }, (_, i) => `Alias-${i}`) })]),
    code: V,
    fields: [['persons[0].otherNames', 'no more than 10']],
    hidden: ['Alias-'],
  },
  {
    name: '21 route countries',
    body: ({ NMG }) => fullIntake(NMG, [adult()], { route: Array.from({ length: 21 }, () => 'UGA') }),
    code: V,
    fields: [['arrival.route', 'no more than 20']],
    hidden: ['UGA'],
  },
  {
    name: '6 nationalities',
    body: ({ NMG }) => fullIntake(NMG, [adult({ nationalities: ['SOM', 'ETH', 'KEN', 'UGA', 'COD', 'ERI'] })]),
    code: V,
    fields: [['persons[0].nationalities', 'no more than 5']],
    hidden: ['ERI'],
  },

  // Wrong types.
  {
    name: 'persons that is not an array',
    body: ({ NMG }) => ({ ...fullIntake(NMG), persons: adult() }),
    code: V,
    fields: [['persons', 'array']],
  },
  {
    name: 'sex given as a number',
    body: ({ NMG }) => fullIntake(NMG, [adult({ sex: 90817 })]),
    code: V,
    fields: [['persons[0].sex', 'must be one of the following values']],
    hidden: ['90817'],
  },
  {
    name: 'dateOfBirthEstimated given as "yes"',
    body: ({ NMG }) => fullIntake(NMG, [adult({ dateOfBirthEstimated: 'yes' })]),
    code: V,
    fields: [['persons[0].dateOfBirthEstimated', 'boolean']],
    hidden: [/\byes\b/i],
  },
  {
    name: 'screening answers that are not an object',
    body: ({ NMG }) => fullIntake(NMG, [adult({ screening: { answers: 'I-fear-return' } })]),
    code: V,
    fields: [['persons[0].screening.answers', 'object']],
    hidden: ['I-fear-return'],
  },
  {
    name: 'a BOOLEAN answer given as the string "true"',
    body: ({ NMG }) => fullIntake(NMG, [adult(withAnswers({ fear_of_return: 'true' }))]),
    code: I,
    fields: [['persons[0].screening.answers.fear_of_return', 'must be true or false']],
    hidden: ['"true"'],
  },
  {
    name: 'a CHOICE answer that is not one of its options',
    body: ({ NMG }) => fullIntake(NMG, [adult(withAnswers({ health_triage: 'CRITICALLY_BAD' }))]),
    code: I,
    fields: [['persons[0].screening.answers.health_triage', 'must be one of URGENT, NEEDS_CARE, NONE']],
    hidden: ['CRITICALLY_BAD'],
  },
  {
    name: 'a MULTI_CHOICE answer listing an option twice',
    body: ({ NMG }) => fullIntake(NMG, [adult(withAnswers({ fear_reasons: ['THREAT_TO_LIFE', 'THREAT_TO_LIFE'] }))]),
    code: I,
    fields: [['persons[0].screening.answers.fear_reasons', 'twice']],
    hidden: ['THREAT_TO_LIFE'],
  },

  // Unknown fields.
  {
    name: 'an unknown field at the top level',
    body: ({ NMG }) => fullIntake(NMG, [adult()], {}, { nickname: 'Shadow-Op' }),
    code: V,
    fields: [['nickname', 'should not exist']],
    hidden: ['Shadow-Op'],
  },
  {
    name: 'an unknown field in the arrival',
    body: ({ NMG }) => fullIntake(NMG, [adult()], { vehiclePlate: 'T 123 ABC' }),
    code: V,
    fields: [['arrival.vehiclePlate', 'should not exist']],
    hidden: ['T 123 ABC'],
  },
  {
    name: 'an unknown field in a person',
    body: ({ NMG }) => fullIntake(NMG, [adult({ clan: 'Hawiye-secret' })]),
    code: V,
    fields: [['persons[0].clan', 'should not exist']],
    hidden: ['Hawiye-secret'],
  },

  // Text PostgreSQL cannot store, or that is not Unicode: refused before anything reads it.
  {
    name: 'a NUL character in a given name',
    body: ({ NMG }) => fullIntake(NMG, [adult({ givenName: 'Ami\u0000na-secret' })]),
    code: V,
    fields: [['persons[0].givenName', 'NUL character']],
    hidden: ['Ami'],
  },
  {
    name: 'a NUL character in a screening statement',
    body: ({ NMG }) => fullIntake(NMG, [adult(withAnswers({ asylum_statement: 'They came at night\u0000-secret' }))]),
    code: V,
    fields: [['persons[0].screening.answers.asylum_statement', 'NUL character']],
    hidden: ['came at night'],
  },
  {
    name: 'a NUL character in the name of a screening answer',
    body: ({ NMG }) => fullIntake(NMG, [adult(withAnswers({ 'fear\u0000': true }))]),
    code: V,
    fields: [['persons[0].screening.answers["fear\\u0000"]', 'NUL character']],
  },
  {
    name: 'a lone high surrogate in a family name',
    body: ({ NMG }) => fullIntake(NMG, [adult({ familyName: 'Wars\ud800ame' })]),
    code: V,
    fields: [['persons[0].familyName', 'unpaired surrogate']],
  },
  {
    name: 'a lone low surrogate in another name',
    body: ({ NMG }) => fullIntake(NMG, [adult({ otherNames: ['Aamina', '\udc00Ali'] })]),
    code: V,
    fields: [['persons[0].otherNames[1]', 'unpaired surrogate']],
  },
  {
    name: 'a NUL character in a document number and in the route',
    body: ({ NMG }) => fullIntake(NMG, [adult({ documents: [{ kind: 'PASSPORT', number: 'P 4\u00001', issuingCountry: 'SOM' }] })], { route: ['ETH', 'K\u0000EN'] }),
    code: V,
    fields: [
      ['arrival.route[1]', 'NUL character'],
      ['persons[0].documents[0].number', 'NUL character'],
    ],
  },

  // Missing, null or misshapen nested objects.
  {
    name: 'an intake without its arrival',
    body: ({ NMG }) => ({ ...fullIntake(NMG), arrival: undefined }),
    code: V,
    fields: [['arrival', 'arrival is required']],
  },
  {
    name: 'an arrival given as null',
    body: ({ NMG }) => ({ ...fullIntake(NMG), arrival: null }),
    code: V,
    fields: [['arrival', 'must be an object']],
  },
  {
    name: 'an arrival given as an array',
    body: ({ NMG }) => ({ ...fullIntake(NMG), arrival: [] }),
    code: V,
    fields: [['arrival', 'must be an object']],
  },
  {
    name: 'a person given as null',
    body: ({ NMG }) => fullIntake(NMG, [null as unknown as Json]),
    code: V,
    fields: [
      ['persons', 'must be an object'],
      ['persons[0]', 'must be either object or array'],
    ],
  },
  {
    name: 'screening given as an empty array',
    body: ({ NMG }) => fullIntake(NMG, [adult({ screening: [] })]),
    code: V,
    fields: [['persons[0].screening', 'must be an object']],
  },
  {
    name: 'a document given as an array',
    body: ({ NMG }) => fullIntake(NMG, [adult({ documents: [[]] })]),
    code: V,
    fields: [['persons[0].documents', 'must be an object']],
  },
  {
    name: 'a companion given as null and the interpreter as a string',
    body: ({ NMG }) => fullIntake(NMG, [adult({ interpreter: 'so', travelledWith: [null] })]),
    code: V,
    fields: [
      ['persons[0].interpreter', 'must be an object'],
      ['persons[0].travelledWith', 'must be an object'],
      ['persons[0].travelledWith[0]', 'must be either object or array'],
    ],
  },

  // The questionnaire.
  {
    name: 'an unknown screening question id',
    body: ({ NMG }) => fullIntake(NMG, [adult(withAnswers({ favourite_colour: 'blue-ish-secret' }))]),
    code: I,
    fields: [['persons[0].screening.answers.favourite_colour', 'not a question of this questionnaire']],
    hidden: ['blue-ish-secret'],
  },
  {
    name: 'an unknown questionnaire code',
    body: ({ NMG }) => fullIntake(NMG, [adult({ screening: { questionnaire: 'border-quiz', answers: { fear_of_return: true } } })]),
    code: I,
    fields: [['persons[0].screening.questionnaire', 'is not a known questionnaire']],
    hidden: ['border-quiz'],
  },
  {
    name: 'an unknown questionnaire version',
    body: ({ NMG }) => fullIntake(NMG, [adult({ screening: { version: 99, answers: { fear_of_return: true } } })]),
    code: I,
    fields: [['persons[0].screening.version', 'is not a version of this questionnaire']],
    hidden: [/\b99\b/],
  },

  // What a full intake and a mass-arrival record need.
  {
    name: 'a full intake without names',
    body: ({ NMG }) => fullIntake(NMG, [adult({ givenName: undefined, familyName: undefined })]),
    code: I,
    fields: [['persons[0].givenName', 'given name or the family name']],
  },
  {
    name: 'a full intake without date of birth or stated age',
    body: ({ NMG }) => fullIntake(NMG, [adult({ dateOfBirth: undefined, statedAge: undefined })]),
    code: I,
    fields: [['persons[0].dateOfBirth', 'date of birth (exact or estimated) or the stated age']],
  },
  {
    name: 'a full intake without screening',
    body: ({ NMG }) => fullIntake(NMG, [adult({ screening: undefined })]),
    code: I,
    fields: [['persons[0].screening', 'required for a full intake']],
  },
  {
    name: 'a mass-arrival record without names or description',
    body: ({ NMG }) => massIntake(NMG, { statedAge: 12 }),
    code: I,
    fields: [['persons[0].givenName', 'names or a description']],
  },
  {
    name: 'a mass-arrival record without an age',
    body: ({ NMG }) => massIntake(NMG, { description: 'boy-blue-shirt-secret' }),
    code: I,
    fields: [['persons[0].statedAge', 'approximate age']],
    hidden: ['boy-blue-shirt-secret'],
  },

  // References between persons and to cases.
  {
    name: 'travelledWith a ref no person in the intake has',
    body: ({ NMG }) =>
      fullIntake(NMG, [adult({ ref: 'mother' }), child({ ref: 'child', travelledWith: [{ ref: 'ghost-ref-q9', relationship: 'MOTHER' }] })]),
    code: I,
    fields: [['persons[1].travelledWith[0].ref', 'no person in this intake has']],
    hidden: ['ghost-ref-q9'],
  },
  {
    name: 'travelledWith the person themselves',
    body: ({ NMG }) => fullIntake(NMG, [adult({ ref: 'solo', travelledWith: [{ ref: 'solo', relationship: 'SIBLING' }] })]),
    code: I,
    fields: [['persons[0].travelledWith[0].ref', 'cannot travel with themselves']],
  },
  {
    name: 'travelledWith both a ref and a caseId',
    body: ({ NMG }) =>
      fullIntake(NMG, [adult({ ref: 'mother' }), child({ travelledWith: [{ ref: 'mother', caseId: missingCase, relationship: 'MOTHER' }] })]),
    code: I,
    // The case id is also looked up, and it does not exist either: both problems are named.
    fields: [
      ['persons[1].travelledWith[0]', 'either ref'],
      ['persons[1].travelledWith[0].caseId', 'no case with this id'],
    ],
    hidden: [missingCase],
  },
  {
    name: 'travelledWith the caseId of a case that does not exist',
    body: ({ NMG }) => fullIntake(NMG, [adult({ travelledWith: [{ caseId: missingCase, relationship: 'SIBLING' }] })]),
    code: I,
    fields: [['persons[0].travelledWith[0].caseId', 'no case with this id']],
    hidden: [missingCase],
  },
  {
    name: 'two persons with the same ref',
    body: ({ NMG }) => fullIntake(NMG, [adult({ ref: 'twin-ref-k2' }), child({ ref: 'twin-ref-k2' })]),
    code: I,
    fields: [['persons[1].ref', 'already used by persons[0]']],
    hidden: ['twin-ref-k2'],
  },

  // Several problems at once: all named in one answer.
  {
    name: 'several request-level problems in two persons, all named at once',
    body: ({ NMG }) =>
      fullIntake(NMG, [adult({ givenName: longName, languages: ['Kisomali'] }), child({ sex: 'ALIEN-SEX', nationalities: ['XYZ'] })], { route: ['QQQ'] }),
    code: V,
    fields: [
      ['arrival.route', 'ISO 3166-1 alpha-3'],
      ['persons[0].givenName', 'shorter than or equal to 100 characters'],
      ['persons[0].languages', 'ISO 639'],
      ['persons[1].sex', 'must be one of the following values'],
      ['persons[1].nationalities', 'ISO 3166-1 alpha-3'],
    ],
    hidden: ['Zubeyda', 'Kisomali', 'ALIEN-SEX', 'XYZ', 'QQQ'],
  },
  {
    name: 'several intake-rule problems in two persons, all named at once',
    body: ({ NMG }) =>
      fullIntake(
        NMG,
        [adult(withAnswers({ fear_of_return: 'true', health_triage: 'CRITICALLY_BAD' })), child({ dateOfBirth: '1890-01-01', nationalities: ['STATELESS', 'SOM'] })],
        { arrivedAt: '2099-06-01T08:00:00Z' },
      ),
    code: I,
    fields: [
      ['arrival.arrivedAt', 'must not be in the future'],
      ['persons[0].screening.answers.fear_of_return', 'must be true or false'],
      ['persons[0].screening.answers.health_triage', 'must be one of'],
      ['persons[1].dateOfBirth', 'age over 120'],
      ['persons[1].nationalities', 'cannot be combined'],
    ],
    hidden: ['2099', '"true"', 'CRITICALLY_BAD', '1890'],
  },
  {
    name: 'an unknown border point together with intake-rule problems, all named at once',
    body: () => fullIntake(unknownBorderPoint, [adult({ dateOfBirth: '1890-01-01' })], { arrivedAt: '2099-06-01T08:00:00Z' }),
    code: I,
    fields: [
      ['arrival.borderPointId', 'no border point has this id'],
      ['arrival.arrivedAt', 'must not be in the future'],
      ['persons[0].dateOfBirth', 'age over 120'],
    ],
    hidden: [unknownBorderPoint, '2099', '1890'],
  },
  {
    name: 'request-level and intake-rule problems together, all named at once',
    body: ({ NMG }) => fullIntake(NMG, [adult({ givenName: longName }), child({ nationalities: ['STATELESS', 'SOM'] })], { arrivedAt: '2099-06-01T08:00:00Z' }),
    code: [V, I],
    fields: [
      ['arrival.arrivedAt', 'must not be in the future'],
      ['persons[0].givenName', 'shorter than or equal to 100 characters'],
      ['persons[1].nationalities', 'cannot be combined'],
    ],
    hidden: ['Zubeyda', '2099'],
  },
  {
    name: 'an unknown companion case together with intake-rule problems, all named at once',
    body: ({ NMG }) =>
      fullIntake(NMG, [adult({ travelledWith: [{ caseId: missingCase, relationship: 'SIBLING' }], ...withAnswers({ health_triage: 'CRITICALLY_BAD' }) })]),
    code: [I, 'INTAKE.UNKNOWN_REFERENCE'],
    fields: [
      ['persons[0].travelledWith[0].caseId', 'no case with this id'],
      ['persons[0].screening.answers.health_triage', 'must be one of'],
    ],
    hidden: [missingCase, 'CRITICALLY_BAD'],
  },
];

/** Runs groups of assertions about a response, each even when an earlier one failed; a failure shows every failed group and the whole response. */
function withResponse(res: { status: number; body: unknown }, ...groups: (() => void)[]): void {
  const failures: string[] = [];
  for (const group of groups) {
    try {
      group();
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (failures.length > 0) throw new Error(`${failures.join('\n\n')}\n\nResponse: ${res.status} ${JSON.stringify(res.body)}`);
}

describe('intake validation: every rule checked server-side, every bad field named, nothing written', () => {
  let api: DemoApi;
  const ctx = {} as Ctx;

  const count = async (sql: string): Promise<number> => Number((await api.owner<{ n: string }>(sql))[0].n);
  /** Everything a registration writes, as the database owner sees it. */
  const written = async (): Promise<Json> => ({
    case_file: await count(`SELECT count(*) AS n FROM case_file`),
    person: await count(`SELECT count(*) AS n FROM person`),
    person_name: await count(`SELECT count(*) AS n FROM person_name`),
    person_document: await count(`SELECT count(*) AS n FROM person_document`),
    case_section: await count(`SELECT count(*) AS n FROM case_section`),
    case_companion: await count(`SELECT count(*) AS n FROM case_companion`),
    case_task: await count(`SELECT count(*) AS n FROM case_task`),
    possible_encounter: await count(`SELECT count(*) AS n FROM possible_encounter`),
    intake_submission: await count(`SELECT count(*) AS n FROM intake_submission`),
    registered_audit: await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'CASE.REGISTERED'`),
    audit_event: await count(`SELECT count(*) AS n FROM audit_event`),
    case_number_counter: await api.owner(`SELECT border_point_id, year, last_value FROM case_number_counter ORDER BY border_point_id, year`),
  });
  const post = async (body: Json) => api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(body);

  beforeAll(async () => {
    api = await startDemoApi('intake_validation');
    ctx.NMG = await api.borderPointId('NMG');
    // One registration first, so that the counters compared below are real numbers, not empty tables.
    const seeded = await post(fullIntake(ctx.NMG));
    if (seeded.status !== 201) throw new Error(`seeding failed: ${seeded.status} ${JSON.stringify(seeded.body)}`);
  }, 60_000);
  afterAll(() => api.close());

  it.each(REFUSALS)('refuses $name: 400, every bad field named, nothing echoed, nothing written', async (refusal) => {
    const before = await written();
    const res = await post(refusal.body(ctx));
    const after = await written();
    const fields: { path: string; problem: string }[] = Array.isArray(res.body?.details?.fields) ? res.body.details.fields : [];
    const codes = ([] as string[]).concat(refusal.code);

    const namesEveryBadField = (): void => {
      // Status, code and the exact set of paths, compared together so that a failure shows all three.
      expect({ status: res.status, code: res.body?.code, paths: [...new Set(fields.map((f) => f.path))].sort() }).toEqual({
        status: 400,
        code: codes.length === 1 ? codes[0] : expect.stringMatching(new RegExp(`^(${codes.map((c) => c.replace(/\./g, '\\.')).join('|')})$`)),
        paths: refusal.fields.map(([path]) => path).sort(),
      });
      expect(res.body.correlationId).toEqual(expect.any(String));
      for (const field of fields) expect(field).toEqual({ path: expect.any(String), problem: expect.stringMatching(/\S/) });
      for (const [path, fragment] of refusal.fields) {
        const problems = fields.filter((f) => f.path === path).map((f) => f.problem);
        const reason = typeof fragment === 'string' ? expect.stringContaining(fragment) : expect.stringMatching(fragment);
        expect({ path, problems }).toEqual({ path, problems: expect.arrayContaining([reason]) });
        expect(res.body.message).toContain(path);
      }
    };
    const echoesNothing = (): void => {
      // The correlation id is the server's own, and left out.
      const answer = JSON.stringify({ ...res.body, correlationId: undefined });
      for (const value of [...ALWAYS_HIDDEN, ...(refusal.hidden ?? [])]) {
        if (typeof value === 'string') expect(answer).not.toContain(value);
        else expect(answer).not.toMatch(value);
      }
    };
    const wroteNothing = (): void => expect(after).toEqual(before);

    withResponse(res, namesEveryBadField, echoesNothing, wroteNothing);
  });

  it('refuses an intake nested 20,000 levels deep with a 400 naming the field, and writes nothing', async () => {
    const before = await written();
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const text = JSON.stringify(fullIntake(ctx.NMG)).replace('"persons":[', `"persons":[${deep},`);
    const res = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).set('content-type', 'application/json').send(text);
    expect({ status: res.status, code: res.body.code, paths: res.body.details?.fields?.map((f: { path: string }) => f.path) }).toEqual({
      status: 400,
      code: V,
      paths: [expect.stringMatching(/^persons\[0\]\[0\]/)],
    });
    expect(res.body.details.fields[0].problem).toContain('nested deeper than 32 levels');
    expect(await written()).toEqual(before);
  });

  it.each([
    ['without person', (version: number): Json => ({ version })],
    ['with person null', (version: number): Json => ({ version, person: null })],
    ['with person as an array', (version: number): Json => ({ version, person: [] })],
    ['with a NUL in the description', (version: number): Json => ({ version, person: { sex: 'MALE', nationalities: ['COD'], statedAge: 30, description: 'tall\u0000' } })],
  ])('refuses completing a mass-arrival record %s: 400 naming person, nothing written', async (_name, body) => {
    const registered = await post(massIntake(ctx.NMG, { statedAge: 30, description: 'man, green jacket' }));
    expect(registered.status).toBe(201);
    const { id, version } = registered.body.cases[0] as { id: string; version: number };
    const before = await written();
    const res = await api.http().put(`/api/v1/cases/${id}/intake`).set(await api.as('border.official')).send(body(version));
    const paths = ((res.body.details?.fields ?? []) as { path: string }[]).map((f) => f.path);
    expect({ status: res.status, code: res.body.code, named: paths.length > 0 && paths.every((p) => p === 'person' || p.startsWith('person.')) }).toEqual({
      status: 400,
      code: V,
      named: true,
    });
    expect(await written()).toEqual(before);
  });

  it('still registers a valid intake after all those refusals (201), and the write checks above do see writes', async () => {
    const before = await written();
    const body = fullIntake(ctx.NMG, [adult({ ref: 'mother' }), child({ ref: 'child', travelledWith: [{ ref: 'mother', relationship: 'MOTHER' }] })]);
    const res = await post(body);
    expect({ status: res.status, body: res.body }).toEqual({ status: 201, body: expect.objectContaining({ intakeId: body.intakeId }) });
    expect(res.body.cases).toHaveLength(2);
    const after = await written();
    expect(after).toMatchObject({
      case_file: (before.case_file as number) + 2,
      person: (before.person as number) + 2,
      intake_submission: (before.intake_submission as number) + 1,
      registered_audit: (before.registered_audit as number) + 2,
      case_companion: (before.case_companion as number) + 1,
    });
    expect((after.case_section as number) > (before.case_section as number)).toBe(true);
    expect(after.case_number_counter).not.toEqual(before.case_number_counter);
  });
});

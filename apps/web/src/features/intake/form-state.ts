import type { FieldProblem } from '../../api/api-error';
import type { Answers, Question } from './questionnaire';
import { answersToSend } from './show-when';

export const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;
export const ARRIVAL_MODES = ['LAND', 'SEA', 'AIR'] as const;
export const ARRIVAL_HOWS = ['REGULAR_CROSSING', 'IRREGULAR_CROSSING', 'INTERCEPTED', 'RESCUED_AT_SEA', 'SELF_PRESENTED', 'FOUND_IN_TERRITORY'] as const;
export const DOCUMENT_KINDS = ['PASSPORT', 'NATIONAL_ID', 'REFUGEE_ID', 'BIRTH_CERTIFICATE', 'TRAVEL_DOCUMENT', 'RESIDENCE_PERMIT', 'OTHER'] as const;
export const RELATIONSHIPS = [
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
] as const;
export const URGENT_NEEDS = ['MEDICAL_EMERGENCY', 'UNACCOMPANIED_CHILD', 'SEPARATED_CHILD', 'TRAFFICKING_SUSPECTED', 'RECENT_SEXUAL_VIOLENCE', 'ASYLUM_WISH'] as const;
export const INFORMATION_TOPICS = ['ASYLUM', 'COUNSELLING', 'LEGAL_AID', 'NGO_ACCESS', 'VOLUNTARY_RETURN'] as const;
export const STATELESS = 'STATELESS';
export const UNKNOWN_NATIONALITY = 'UNKNOWN';

/** The limits the api enforces (RegisterIntakeDto), checked before sending. */
export const LIMITS = { name: 100, description: 300, nationalities: 5, languages: 10, documents: 10, route: 20, persons: 50, statedAge: 120 } as const;

export type IntakeMode = 'FULL' | 'MASS_ARRIVAL';

export interface DocumentForm {
  kind: string;
  number: string;
  issuingCountry: string;
  expiresOn: string;
}

export interface CompanionForm {
  /** Another person of this intake (their `ref`), or an existing case when completing a record. */
  ref?: string;
  caseId?: string;
  caseNumber?: string;
  relationship: string;
}

export interface PersonForm {
  /** Stable within the form; sent as the person's `ref`. */
  ref: string;
  givenName: string;
  familyName: string;
  description: string;
  sex: string;
  dateOfBirth: string;
  dateOfBirthEstimated: boolean;
  statedAge: string;
  nationalities: string[];
  languages: string[];
  interpreterNeeded: boolean;
  interpreterSex: string;
  documents: DocumentForm[];
  documentsHeldByOther: boolean;
  travelledWith: CompanionForm[];
  urgentNeeds: string[];
  informationTopics: string[];
  informationLanguage: string;
  leafletVersion: string;
  answers: Answers;
}

export interface ArrivalForm {
  borderPointId: string;
  /** YYYY-MM-DD and HH:mm, local time. */
  date: string;
  time: string;
  mode: string;
  how: string;
  route: string[];
  smugglerUsed: '' | 'yes' | 'no';
}

export interface IntakeForm {
  mode: IntakeMode;
  arrival: ArrivalForm;
  persons: PersonForm[];
}

const pad = (n: number): string => String(n).padStart(2, '0');
export const localDate = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
export const localTime = (d: Date): string => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

export function emptyPerson(ref: string): PersonForm {
  return {
    ref,
    givenName: '',
    familyName: '',
    description: '',
    sex: '',
    dateOfBirth: '',
    dateOfBirthEstimated: false,
    statedAge: '',
    nationalities: [],
    languages: [],
    interpreterNeeded: false,
    interpreterSex: '',
    documents: [],
    documentsHeldByOther: false,
    travelledWith: [],
    urgentNeeds: [],
    informationTopics: [],
    informationLanguage: '',
    leafletVersion: '',
    answers: {},
  };
}

export function emptyIntake(now: Date, borderPointId: string): IntakeForm {
  return {
    mode: 'FULL',
    arrival: { borderPointId, date: localDate(now), time: localTime(now), mode: 'LAND', how: '', route: [], smugglerUsed: '' },
    persons: [emptyPerson('p1')],
  };
}

/** The next free `ref` (p1, p2, ...). */
export function nextRef(persons: readonly PersonForm[]): string {
  const used = new Set(persons.map((p) => p.ref));
  let n = persons.length + 1;
  while (used.has(`p${n}`)) n += 1;
  return `p${n}`;
}

/** The arrival's local date and time as an ISO 8601 instant, or undefined when they do not read. */
export function arrivedAtOf(arrival: Pick<ArrivalForm, 'date' | 'time'>): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(arrival.date) || !/^\d{2}:\d{2}$/.test(arrival.time)) return undefined;
  const at = new Date(`${arrival.date}T${arrival.time}:00`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** One person as the api takes it (PersonIntakeDto); hidden questions' answers are left out. */
export function personBody(person: PersonForm, mode: IntakeMode, arrivedAt: string, questions: readonly Question[] | undefined, questionnaire?: { code: string; version: number }): Record<string, unknown> {
  const statedAge = person.statedAge.trim() === '' ? undefined : Number(person.statedAge);
  const urgentNeeds = mode === 'MASS_ARRIVAL' && person.urgentNeeds.length > 0 ? person.urgentNeeds : undefined;
  const body: Record<string, unknown> = {
    ref: person.ref,
    givenName: text(person.givenName),
    familyName: text(person.familyName),
    description: mode === 'MASS_ARRIVAL' ? text(person.description) : undefined,
    sex: person.sex || undefined,
    dateOfBirth: text(person.dateOfBirth),
    dateOfBirthEstimated: person.dateOfBirth && person.dateOfBirthEstimated ? true : undefined,
    statedAge,
    nationalities: person.nationalities,
    languages: person.languages.length > 0 ? person.languages : undefined,
    interpreter: person.interpreterNeeded ? { needed: true, sex: person.interpreterSex || undefined } : undefined,
    documents:
      person.documents.length > 0
        ? person.documents.map((d) => ({ kind: d.kind, number: d.number.trim(), issuingCountry: d.issuingCountry, expiresOn: text(d.expiresOn) }))
        : undefined,
    documentsHeldByOther: person.documentsHeldByOther || undefined,
    travelledWith:
      person.travelledWith.length > 0
        ? person.travelledWith.map((c) => (c.caseId ? { caseId: c.caseId, relationship: c.relationship } : { ref: c.ref, relationship: c.relationship }))
        : undefined,
    urgentNeeds,
    informationGiven:
      person.informationTopics.length > 0 || person.informationLanguage
        ? { topics: person.informationTopics, language: person.informationLanguage, leafletVersion: text(person.leafletVersion) }
        : undefined,
  };
  if (questions) {
    const answers = answersToSend(
      questions,
      { statedAge, dateOfBirth: text(person.dateOfBirth), dateOfBirthEstimated: person.dateOfBirthEstimated, sex: person.sex || undefined, urgentNeeds, arrivedAt },
      person.answers,
    );
    if (mode === 'FULL' || Object.keys(answers).length > 0) body.screening = { ...(questionnaire ? { questionnaire: questionnaire.code, version: questionnaire.version } : {}), answers };
  }
  return JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
}

/** The whole intake as the api takes it (RegisterIntakeDto). */
export function intakeBody(form: IntakeForm, intakeId: string, questions: readonly Question[] | undefined, questionnaire?: { code: string; version: number }): Record<string, unknown> {
  const arrivedAt = arrivedAtOf(form.arrival) ?? '';
  const arrival = {
    borderPointId: form.arrival.borderPointId,
    arrivedAt,
    mode: form.arrival.mode,
    how: form.arrival.how || undefined,
    route: form.arrival.route.length > 0 ? form.arrival.route : undefined,
    smugglerUsed: form.arrival.smugglerUsed === '' ? undefined : form.arrival.smugglerUsed === 'yes',
  };
  return JSON.parse(
    JSON.stringify({ intakeId, mode: form.mode, arrival, persons: form.persons.map((p) => personBody(p, form.mode, arrivedAt, questions, questionnaire)) }),
  ) as Record<string, unknown>;
}

/** What the form checks before sending: each problem with the api's path, so both land the same way. */
export type Problem = { path: string; code: ProblemCode; values?: Record<string, number> };
export type ProblemCode =
  | 'required'
  | 'nameRequired'
  | 'nameOrDescription'
  | 'ageRequired'
  | 'tooLong'
  | 'ageRange'
  | 'futureDate'
  | 'tooMany'
  | 'statelessAlone'
  | 'dateInvalid'
  | 'documentNumber'
  | 'companionMissing';

const CALENDAR = /^\d{4}-\d{2}-\d{2}$/;
const DOCUMENT_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$/;

export function validatePerson(person: PersonForm, mode: IntakeMode, path: string, now: Date, refs?: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const hasName = Boolean(person.givenName.trim() || person.familyName.trim());
  if (mode === 'FULL' && !hasName) problems.push({ path: `${path}.givenName`, code: 'nameRequired' });
  if (mode === 'MASS_ARRIVAL' && !hasName && !person.description.trim()) problems.push({ path: `${path}.givenName`, code: 'nameOrDescription' });
  for (const field of ['givenName', 'familyName'] as const) {
    if (person[field].trim().length > LIMITS.name) problems.push({ path: `${path}.${field}`, code: 'tooLong', values: { max: LIMITS.name } });
  }
  if (person.description.trim().length > LIMITS.description) problems.push({ path: `${path}.description`, code: 'tooLong', values: { max: LIMITS.description } });
  if (!person.sex) problems.push({ path: `${path}.sex`, code: 'required' });
  if (!person.dateOfBirth && person.statedAge.trim() === '') problems.push({ path: mode === 'FULL' ? `${path}.dateOfBirth` : `${path}.statedAge`, code: 'ageRequired' });
  if (person.dateOfBirth) {
    if (!CALENDAR.test(person.dateOfBirth)) problems.push({ path: `${path}.dateOfBirth`, code: 'dateInvalid' });
    else if (new Date(`${person.dateOfBirth}T00:00:00Z`).getTime() > now.getTime()) problems.push({ path: `${path}.dateOfBirth`, code: 'futureDate' });
  }
  if (person.statedAge.trim() !== '') {
    const age = Number(person.statedAge);
    if (!Number.isInteger(age) || age < 0 || age > LIMITS.statedAge) problems.push({ path: `${path}.statedAge`, code: 'ageRange', values: { max: LIMITS.statedAge } });
  }
  if (person.nationalities.length === 0) problems.push({ path: `${path}.nationalities`, code: 'required' });
  if (person.nationalities.length > LIMITS.nationalities) problems.push({ path: `${path}.nationalities`, code: 'tooMany', values: { max: LIMITS.nationalities } });
  if (person.nationalities.length > 1 && person.nationalities.some((n) => n === STATELESS || n === UNKNOWN_NATIONALITY)) problems.push({ path: `${path}.nationalities`, code: 'statelessAlone' });
  if (person.languages.length > LIMITS.languages) problems.push({ path: `${path}.languages`, code: 'tooMany', values: { max: LIMITS.languages } });
  person.documents.forEach((d, i) => {
    if (!d.kind) problems.push({ path: `${path}.documents[${i}].kind`, code: 'required' });
    if (!DOCUMENT_NUMBER.test(d.number.trim())) problems.push({ path: `${path}.documents[${i}].number`, code: 'documentNumber' });
    if (!d.issuingCountry) problems.push({ path: `${path}.documents[${i}].issuingCountry`, code: 'required' });
  });
  person.travelledWith.forEach((c, i) => {
    if (!c.caseId && (!c.ref || !refs?.has(c.ref))) problems.push({ path: `${path}.travelledWith[${i}].ref`, code: 'companionMissing' });
    if (!c.relationship) problems.push({ path: `${path}.travelledWith[${i}].relationship`, code: 'required' });
  });
  if ((person.informationTopics.length > 0 || person.leafletVersion) && !person.informationLanguage) problems.push({ path: `${path}.informationGiven.language`, code: 'required' });
  return problems;
}

export function validateIntake(form: IntakeForm, now: Date): Problem[] {
  const problems: Problem[] = [];
  if (!form.arrival.borderPointId) problems.push({ path: 'arrival.borderPointId', code: 'required' });
  const arrivedAt = arrivedAtOf(form.arrival);
  if (!arrivedAt) problems.push({ path: 'arrival.arrivedAt', code: 'dateInvalid' });
  else if (new Date(arrivedAt).getTime() > now.getTime() + 5 * 60_000) problems.push({ path: 'arrival.arrivedAt', code: 'futureDate' });
  if (!form.arrival.mode) problems.push({ path: 'arrival.mode', code: 'required' });
  if (form.arrival.route.length > LIMITS.route) problems.push({ path: 'arrival.route', code: 'tooMany', values: { max: LIMITS.route } });
  const refs = new Set(form.persons.map((p) => p.ref));
  form.persons.forEach((person, i) => problems.push(...validatePerson(person, form.mode, `persons[${i}]`, now, refs)));
  return problems;
}

/**
 * Where a problem shows: the api names sub-fields (`persons[0].interpreter.sex`, `persons[1].nationalities[0]`)
 * that the form shows on one control; the deepest control path that is a prefix of it wins.
 */
export function controlFor(path: string, controls: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const control of controls) {
    if (path === control || path.startsWith(`${control}.`) || path.startsWith(`${control}[`)) {
      if (!best || control.length > best.length) best = control;
    }
  }
  return best;
}

/** The api's field problems grouped by the control that shows them (unplaced ones under ''). */
export function placeProblems(fields: readonly FieldProblem[], controls: readonly string[]): Map<string, string[]> {
  const placed = new Map<string, string[]>();
  for (const field of fields) {
    const control = controlFor(field.path, controls) ?? '';
    placed.set(control, [...(placed.get(control) ?? []), field.problem]);
  }
  return placed;
}

/** The person form prefilled from a case read (GET /cases/:id), for completing or correcting the record. */
export function personFromCase(view: {
  sections: Record<string, unknown>;
}): PersonForm {
  const identity = (view.sections.IDENTITY ?? {}) as Partial<{
    givenName: string | null;
    familyName: string | null;
    description: string | null;
    sex: string;
    dateOfBirth: string | null;
    dateOfBirthEstimated: boolean | null;
    statedAge: number | null;
    nationalities: string[];
    languages: string[] | null;
    interpreter: { needed: boolean; sex: string | null } | null;
    documents: { kind: string; number: string; issuingCountry: string; expiresOn: string | null }[];
    documentsHeldByOther: boolean | null;
  }>;
  const arrival = (view.sections.ARRIVAL ?? {}) as Partial<{
    informationGiven: { topics: string[]; language: string; leafletVersion?: string };
    travelledWith: { caseId: string; caseNumber: string | null; relationship: string; claimedBy: string }[];
  }>;
  const answers: Answers = {};
  for (const [group, section] of Object.entries(view.sections)) {
    if (group === 'IDENTITY' || group === 'ARRIVAL' || typeof section !== 'object' || section === null) continue;
    const given = (section as { answers?: Record<string, unknown> }).answers;
    if (given) Object.assign(answers, given);
  }
  return {
    ...emptyPerson('p1'),
    givenName: identity.givenName ?? '',
    familyName: identity.familyName ?? '',
    description: identity.description ?? '',
    sex: identity.sex ?? '',
    dateOfBirth: identity.dateOfBirth ?? '',
    dateOfBirthEstimated: identity.dateOfBirthEstimated ?? false,
    statedAge: identity.statedAge === null || identity.statedAge === undefined ? '' : String(identity.statedAge),
    nationalities: identity.nationalities ?? [],
    languages: identity.languages ?? [],
    interpreterNeeded: identity.interpreter?.needed ?? false,
    interpreterSex: identity.interpreter?.sex ?? '',
    documents: (identity.documents ?? []).map((d) => ({ kind: d.kind, number: d.number, issuingCountry: d.issuingCountry, expiresOn: d.expiresOn ?? '' })),
    documentsHeldByOther: identity.documentsHeldByOther ?? false,
    travelledWith: (arrival.travelledWith ?? [])
      .filter((c) => c.claimedBy === 'THIS_PERSON')
      .map((c) => ({ caseId: c.caseId, caseNumber: c.caseNumber ?? undefined, relationship: c.relationship })),
    informationTopics: arrival.informationGiven?.topics ?? [],
    informationLanguage: arrival.informationGiven?.language ?? '',
    leafletVersion: arrival.informationGiven?.leafletVersion ?? '',
    answers,
  };
}

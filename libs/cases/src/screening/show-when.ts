/**
 * When a screening question applies: the `showWhen` conditions of a questionnaire, evaluated the same
 * way on the server (which refuses answers to questions that do not apply) and in the browser (which
 * does not ask them). No imports on purpose: the rules are small, pure and shared by their conformance
 * cases (`show-when.conformance.json`), which the web's evaluator runs too.
 */
export type ShowWhen =
  | { all: ShowWhen[] }
  | { any: ShowWhen[] }
  | { not: ShowWhen }
  | { answer: string; equals: boolean | string | number }
  | { answer: string; includes: string }
  | { answer: string; answered: true }
  | { person: 'mayBeChild' }
  | { person: 'sexIn'; values: string[] };

/** What a condition may know about the person, as the intake records it. */
export interface ShowWhenPerson {
  statedAge?: number;
  /** YYYY-MM-DD. */
  dateOfBirth?: string;
  /** An estimated date of birth is relied on for its year only, as if born on 31 December (the youngest age it allows). */
  dateOfBirthEstimated?: boolean;
  sex?: string;
  urgentNeeds?: readonly string[];
  /** When the person arrived (ISO date-time); ages count at the arrival's calendar date (UTC). */
  arrivedAt: string;
}

export type ShowWhenAnswers = Readonly<Record<string, unknown>>;

/** A question as far as its condition goes. */
export interface ConditionalQuestion {
  id: string;
  showWhen?: ShowWhen;
}

const ADULT_AGE = 18;
const CHILD_FLAGS = ['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD'];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole years from a date of birth to the arrival's calendar date, or null when either cannot be read. */
export function ageAtArrival(dateOfBirth: string, estimated: boolean, arrivedAt: string): number | null {
  const born = DATE.exec(dateOfBirth);
  const arrived = new Date(arrivedAt);
  if (!born || Number.isNaN(arrived.getTime())) return null;
  const year = Number(born[1]);
  const month = estimated ? 12 : Number(born[2]);
  const day = estimated ? 31 : Number(born[3]);
  const [y, m, d] = [arrived.getUTCFullYear(), arrived.getUTCMonth() + 1, arrived.getUTCDate()];
  let age = y - year;
  if (m < month || (m === month && d < day)) age -= 1;
  return age < 0 ? 0 : age;
}

/**
 * The presumption of minority: a stated age under 18, an age under 18 by the date of birth at arrival,
 * no age recorded at all, or a child flag at arrival (unaccompanied or separated).
 */
export function mayBeChild(person: ShowWhenPerson): boolean {
  if ((person.urgentNeeds ?? []).some((need) => CHILD_FLAGS.includes(need))) return true;
  const stated = typeof person.statedAge === 'number' && Number.isFinite(person.statedAge) ? person.statedAge : null;
  const fromBirth = typeof person.dateOfBirth === 'string' ? ageAtArrival(person.dateOfBirth, person.dateOfBirthEstimated === true, person.arrivedAt) : null;
  if (stated === null && fromBirth === null) return true;
  return (stated !== null && stated < ADULT_AGE) || (fromBirth !== null && fromBirth < ADULT_AGE);
}

const has = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/** Whether a condition holds for the person and the answers (which should be those of applicable questions only). */
export function holds(condition: ShowWhen, person: ShowWhenPerson, answers: ShowWhenAnswers): boolean {
  if (has(condition, 'all')) return (condition as { all: ShowWhen[] }).all.every((c) => holds(c, person, answers));
  if (has(condition, 'any')) return (condition as { any: ShowWhen[] }).any.some((c) => holds(c, person, answers));
  if (has(condition, 'not')) return !holds((condition as { not: ShowWhen }).not, person, answers);
  if (has(condition, 'person')) {
    const c = condition as { person: string; values?: string[] };
    if (c.person === 'mayBeChild') return mayBeChild(person);
    if (c.person === 'sexIn') return (c.values ?? []).includes(person.sex ?? 'UNKNOWN');
    return false;
  }
  if (has(condition, 'answer')) {
    const c = condition as { answer: string; equals?: unknown; includes?: string; answered?: true };
    const value = has(answers, c.answer) ? answers[c.answer] : undefined;
    if (has(c, 'equals')) return value !== undefined && value === c.equals;
    if (has(c, 'includes')) return Array.isArray(value) && value.includes(c.includes);
    if (has(c, 'answered')) return value !== undefined && value !== null;
  }
  return false;
}

/**
 * The answers of the questions that apply, in questionnaire order: a question applies when it has no
 * condition or its condition holds on the answers of the earlier applicable questions. So a question
 * whose condition refers to a hidden question is hidden too, and its answer does not count.
 */
export function applicableAnswers(questions: readonly ConditionalQuestion[], person: ShowWhenPerson, answers: ShowWhenAnswers): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const question of questions) {
    if (question.showWhen && !holds(question.showWhen, person, kept)) continue;
    if (has(answers, question.id) && answers[question.id] !== undefined) kept[question.id] = answers[question.id];
  }
  return kept;
}

/** The ids of the questions that apply, in questionnaire order. */
export function applicableQuestions(questions: readonly ConditionalQuestion[], person: ShowWhenPerson, answers: ShowWhenAnswers): string[] {
  const kept: Record<string, unknown> = {};
  const ids: string[] = [];
  for (const question of questions) {
    if (question.showWhen && !holds(question.showWhen, person, kept)) continue;
    ids.push(question.id);
    if (has(answers, question.id) && answers[question.id] !== undefined) kept[question.id] = answers[question.id];
  }
  return ids;
}

/** A condition in words, for the officer reading a refusal: `nameOf` gives a question's prompt. */
export function describeCondition(condition: ShowWhen, nameOf: (id: string) => string): string {
  const c = condition as Record<string, unknown>;
  if (has(c, 'all')) {
    const parts = (c['all'] as ShowWhen[]).map((x) => describeCondition(x, nameOf));
    return parts.length === 0 ? 'always' : parts.join(' and ');
  }
  if (has(c, 'any')) {
    const list = c['any'] as ShowWhen[];
    const yeses = list.every((x) => has(x, 'answer') && (x as { equals?: unknown }).equals === true);
    if (yeses && list.length > 1) return `one of ${list.map((x) => `"${nameOf((x as { answer: string }).answer)}"`).join(', ')} is answered yes`;
    const parts = list.map((x) => describeCondition(x, nameOf));
    return parts.length === 0 ? 'never' : parts.join(' or ');
  }
  if (has(c, 'not')) return `not (${describeCondition(c['not'] as ShowWhen, nameOf)})`;
  if (c['person'] === 'mayBeChild') return 'the person may be a child (an age under 18, no age recorded, or a child flag)';
  if (c['person'] === 'sexIn') return `the person's sex is ${((c['values'] as string[]) ?? []).join(' or ')}`;
  const name = `"${nameOf(String(c['answer']))}"`;
  if (has(c, 'equals')) {
    const value = c['equals'];
    return value === true ? `${name} is answered yes` : value === false ? `${name} is answered no` : `${name} is answered ${String(value)}`;
  }
  if (has(c, 'includes')) return `${name} includes ${String(c['includes'])}`;
  return `${name} is answered`;
}

const CONDITION_KEYS = ['all', 'any', 'not', 'answer', 'person'];

/**
 * Every problem with a condition, each with its path. `earlier` are the questions before the one the
 * condition belongs to (a condition may only read those), with their types and options.
 */
export function conditionProblems(
  value: unknown,
  path: string,
  earlier: ReadonlyMap<string, { type: string; options?: readonly string[] }>,
  sexes: readonly string[],
): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: must be a condition object`];
  const c = value as Record<string, unknown>;
  const keys = Object.keys(c);
  const kinds = keys.filter((k) => CONDITION_KEYS.includes(k));
  if (kinds.length !== 1) return [`${path}: must have exactly one of ${CONDITION_KEYS.join(', ')}`];
  const kind = kinds[0];
  const allowed: Record<string, string[]> = { all: ['all'], any: ['any'], not: ['not'], person: ['person', 'values'], answer: ['answer', 'equals', 'includes', 'answered'] };
  const extra = keys.filter((k) => !allowed[kind].includes(k));
  if (extra.length > 0) return [`${path}: unexpected ${extra.join(', ')}`];
  if (kind === 'all' || kind === 'any') {
    const list = c[kind];
    if (!Array.isArray(list)) return [`${path}.${kind}: must be a list of conditions`];
    return list.flatMap((item, i) => conditionProblems(item, `${path}.${kind}[${i}]`, earlier, sexes));
  }
  if (kind === 'not') return conditionProblems(c['not'], `${path}.not`, earlier, sexes);
  if (kind === 'person') {
    if (c['person'] === 'mayBeChild') return c['values'] === undefined ? [] : [`${path}.values: only goes with sexIn`];
    if (c['person'] === 'sexIn') {
      const values = c['values'];
      if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== 'string' || !sexes.includes(v))) {
        return [`${path}.values: must be a non-empty list of ${sexes.join(', ')}`];
      }
      return [];
    }
    return [`${path}.person: must be mayBeChild or sexIn`];
  }
  const id = c['answer'];
  const tests = ['equals', 'includes', 'answered'].filter((k) => has(c, k));
  if (typeof id !== 'string') return [`${path}.answer: must be a question id`];
  const question = earlier.get(id);
  if (!question) return [`${path}.answer: "${id}" is not an earlier question of the questionnaire`];
  if (tests.length !== 1) return [`${path}: an answer condition needs exactly one of equals, includes, answered`];
  if (tests[0] === 'answered') return c['answered'] === true ? [] : [`${path}.answered: must be true`];
  if (tests[0] === 'includes') {
    if (question.type !== 'MULTI_CHOICE') return [`${path}.includes: "${id}" is not a multiple choice`];
    return (question.options ?? []).includes(c['includes'] as string) ? [] : [`${path}.includes: must be an option of "${id}"`];
  }
  const expected = c['equals'];
  switch (question.type) {
    case 'BOOLEAN':
      return typeof expected === 'boolean' ? [] : [`${path}.equals: "${id}" is answered true or false`];
    case 'INTEGER':
      return typeof expected === 'number' && Number.isInteger(expected) ? [] : [`${path}.equals: "${id}" is answered with a whole number`];
    case 'CHOICE':
      return typeof expected === 'string' && (question.options ?? []).includes(expected) ? [] : [`${path}.equals: must be an option of "${id}"`];
    case 'TEXT':
      return typeof expected === 'string' ? [] : [`${path}.equals: "${id}" is answered with text`];
    default:
      return [`${path}.equals: a multiple choice is tested with includes`];
  }
}

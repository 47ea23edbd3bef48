import type { Answers, Condition, Question } from './questionnaire';

/** What a condition may know about the person, as the form holds it. */
export interface PersonFacts {
  statedAge?: number;
  /** YYYY-MM-DD. */
  dateOfBirth?: string;
  /** An estimated date of birth counts by its year only, as if born on 31 December (the youngest age it allows). */
  dateOfBirthEstimated?: boolean;
  sex?: string;
  urgentNeeds?: readonly string[];
  /** The arrival's date-time (ISO 8601): ages count at its calendar date (UTC). */
  arrivedAt: string;
}

/** A question as far as its condition goes. */
export type ConditionalQuestion = Pick<Question, 'id' | 'showWhen'>;

const ADULT_AGE = 18;
const CHILD_NEEDS = ['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD'];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole years from a date of birth to the arrival's calendar date, or undefined when either cannot be read. */
export function ageAtArrival(dateOfBirth: string, estimated: boolean, arrivedAt: string): number | undefined {
  const born = DATE.exec(dateOfBirth);
  const arrived = new Date(arrivedAt);
  if (!born || Number.isNaN(arrived.getTime())) return undefined;
  const month = estimated ? 12 : Number(born[2]);
  const day = estimated ? 31 : Number(born[3]);
  const [y, m, d] = [arrived.getUTCFullYear(), arrived.getUTCMonth() + 1, arrived.getUTCDate()];
  let age = y - Number(born[1]);
  if (m < month || (m === month && d < day)) age -= 1;
  return Math.max(0, age);
}

/**
 * The presumption of minority: a stated age under 18, an age under 18 by the date of birth at arrival,
 * no age recorded at all, or an unaccompanied or separated child flag.
 */
export function mayBeChild(person: PersonFacts): boolean {
  if ((person.urgentNeeds ?? []).some((need) => CHILD_NEEDS.includes(need))) return true;
  const stated = typeof person.statedAge === 'number' && Number.isFinite(person.statedAge) ? person.statedAge : undefined;
  const fromBirth = person.dateOfBirth ? ageAtArrival(person.dateOfBirth, person.dateOfBirthEstimated === true, person.arrivedAt) : undefined;
  if (stated === undefined && fromBirth === undefined) return true;
  return (stated !== undefined && stated < ADULT_AGE) || (fromBirth !== undefined && fromBirth < ADULT_AGE);
}

/** Whether a `showWhen` condition holds for the person and the answers (those of applicable questions). */
export function evaluate(condition: Condition, person: PersonFacts, answers: Readonly<Record<string, unknown>>): boolean {
  if ('all' in condition) return condition.all.every((part) => evaluate(part, person, answers));
  if ('any' in condition) return condition.any.some((part) => evaluate(part, person, answers));
  if ('not' in condition) return !evaluate(condition.not, person, answers);
  if ('person' in condition) {
    if (condition.person === 'mayBeChild') return mayBeChild(person);
    if (condition.person === 'sexIn') return condition.values.includes(person.sex ?? 'UNKNOWN');
    return false;
  }
  if ('answer' in condition) {
    const value = Object.hasOwn(answers, condition.answer) ? answers[condition.answer] : undefined;
    if ('equals' in condition) return value !== undefined && value === condition.equals;
    if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
    if ('answered' in condition) return value !== undefined && value !== null;
  }
  return false;
}

/**
 * The questions that apply, in questionnaire order: a question applies when it has no condition or its
 * condition holds on the answers of the earlier applicable questions (so a question whose condition
 * reads a hidden question is hidden too).
 */
export function applicableQuestions(questions: readonly ConditionalQuestion[], person: PersonFacts, answers: Readonly<Record<string, unknown>>): Set<string> {
  const kept: Record<string, unknown> = {};
  const ids = new Set<string>();
  for (const question of questions) {
    if (question.showWhen && !evaluate(question.showWhen, person, kept)) continue;
    ids.add(question.id);
    if (Object.hasOwn(answers, question.id) && answers[question.id] !== undefined) kept[question.id] = answers[question.id];
  }
  return ids;
}

/** The answers of the questions that apply (what conditions are evaluated on). */
export function applicableAnswers(questions: readonly ConditionalQuestion[], person: PersonFacts, answers: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const applicable = applicableQuestions(questions, person, answers);
  return Object.fromEntries(Object.entries(answers).filter(([id, value]) => applicable.has(id) && value !== undefined));
}

/** The answers to send: those of the questions that apply, without empty text or empty selections. */
export function answersToSend(questions: readonly Question[], person: PersonFacts, answers: Readonly<Answers>): Answers {
  const applicable = applicableQuestions(questions, person, answers);
  const result: Answers = {};
  for (const question of questions) {
    const answer = answers[question.id];
    if (!applicable.has(question.id) || answer === undefined || answer === '' || (Array.isArray(answer) && answer.length === 0)) continue;
    result[question.id] = answer;
  }
  return result;
}

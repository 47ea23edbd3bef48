import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Condition, Question } from './questionnaire';
import { answersToSend, applicableAnswers, applicableQuestions, ConditionalQuestion, evaluate, mayBeChild, PersonFacts } from './show-when';

/** The server's conformance cases: both evaluators must agree on every one. */
const CONFORMANCE = resolve(import.meta.dirname, '../../../../../libs/cases/src/screening/show-when.conformance.json');

interface ConformanceCase {
  name: string;
  condition: Condition;
  person: PersonFacts;
  answers: Record<string, unknown>;
  /** When given, the answers count only for the questions (in order) that apply. */
  questions?: ConditionalQuestion[];
  expected: boolean;
}

describe('showWhen conformance (the same file as the server)', () => {
  const cases = JSON.parse(readFileSync(CONFORMANCE, 'utf8')) as ConformanceCase[];
  it('holds cases of every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const answers = c.questions ? applicableAnswers(c.questions, c.person, c.answers) : c.answers;
    expect(evaluate(c.condition, c.person, answers)).toBe(c.expected);
  });
});

const adult: PersonFacts = { sex: 'FEMALE', statedAge: 30, arrivedAt: '2026-11-26T06:40:00Z' };

describe('evaluate', () => {
  it('presumes minority when no age is recorded, and reads an estimated date of birth as 31 December', () => {
    expect(mayBeChild({ sex: 'MALE', arrivedAt: '2026-11-26T06:40:00Z' })).toBe(true);
    expect(mayBeChild({ ...adult })).toBe(false);
    expect(mayBeChild({ ...adult, urgentNeeds: ['SEPARATED_CHILD'] })).toBe(true);
    expect(mayBeChild({ sex: 'MALE', dateOfBirth: '2008-01-01', arrivedAt: '2026-11-26T06:40:00Z' })).toBe(false);
    expect(mayBeChild({ sex: 'MALE', dateOfBirth: '2008-01-01', dateOfBirthEstimated: true, arrivedAt: '2026-11-26T06:40:00Z' })).toBe(true);
  });

  it('combines all, any and not; equals is exact; includes reads a multiple choice', () => {
    const answers = { disclosed: true, reasons: ['WORK', 'CONFLICT'], hours: 12 };
    expect(evaluate({ all: [] }, adult, answers)).toBe(true);
    expect(evaluate({ any: [] }, adult, answers)).toBe(false);
    expect(evaluate({ answer: 'disclosed', equals: true }, adult, answers)).toBe(true);
    expect(evaluate({ answer: 'hours', equals: '12' }, adult, answers)).toBe(false);
    expect(evaluate({ answer: 'reasons', includes: 'CONFLICT' }, adult, answers)).toBe(true);
    expect(evaluate({ not: { answer: 'missing', answered: true } }, adult, answers)).toBe(true);
    expect(evaluate({ person: 'sexIn', values: ['MALE'] }, adult, answers)).toBe(false);
  });
});

const prompt = { en: 'Q' };
const questions: Question[] = [
  { id: 'disclosed', group: 'SGBV', type: 'BOOLEAN', prompt },
  { id: 'hours', group: 'SGBV', type: 'INTEGER', prompt, showWhen: { answer: 'disclosed', equals: true } },
  { id: 'recent_care', group: 'SGBV', type: 'BOOLEAN', prompt, showWhen: { answer: 'hours', answered: true } },
  { id: 'caregiver', group: 'CHILD', type: 'BOOLEAN', prompt, showWhen: { person: 'mayBeChild' } },
];

describe('applicable questions and the answers sent', () => {
  it('hides a question whose condition reads a hidden question, and drops the hidden answers', () => {
    const answers = { disclosed: false, hours: 5, recent_care: true, caregiver: true };
    expect([...applicableQuestions(questions, adult, answers)]).toEqual(['disclosed']);
    expect(answersToSend(questions, adult, answers)).toEqual({ disclosed: false });
    expect(answersToSend(questions, adult, { ...answers, disclosed: true })).toEqual({ disclosed: true, hours: 5, recent_care: true });
  });

  it('drops empty text and empty selections', () => {
    expect(answersToSend([{ id: 't', group: 'NEEDS', type: 'TEXT', prompt }, { id: 'm', group: 'NEEDS', type: 'MULTI_CHOICE', prompt }], adult, { t: '', m: [] })).toEqual({});
  });
});

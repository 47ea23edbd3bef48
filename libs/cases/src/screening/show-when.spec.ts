import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applicableAnswers, ConditionalQuestion, holds, ShowWhen, ShowWhenPerson } from './show-when';

interface ConformanceCase {
  name: string;
  condition: ShowWhen;
  person: ShowWhenPerson;
  answers: Record<string, unknown>;
  /** When given, the answers count only for the questions (in order) that apply. */
  questions?: ConditionalQuestion[];
  expected: boolean;
}

const CASES = JSON.parse(readFileSync(join(__dirname, 'show-when.conformance.json'), 'utf8')) as ConformanceCase[];

/** Every kind of condition a case uses, nested ones included. */
function kindsOf(condition: ShowWhen): string[] {
  const c = condition as Record<string, unknown>;
  if ('all' in c) return ['all', ...(c['all'] as ShowWhen[]).flatMap(kindsOf)];
  if ('any' in c) return ['any', ...(c['any'] as ShowWhen[]).flatMap(kindsOf)];
  if ('not' in c) return ['not', ...kindsOf(c['not'] as ShowWhen)];
  if ('person' in c) return [String(c['person'])];
  return ['equals', 'includes', 'answered'].filter((k) => k in c);
}

describe('showWhen conditions: the conformance cases the web evaluator runs too', () => {
  it('has at least 25 cases with distinct names, covering every kind of condition, nesting and hidden dependencies', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    const kinds = new Set(CASES.flatMap((c) => kindsOf(c.condition)));
    expect([...kinds].sort()).toEqual(['all', 'answered', 'any', 'equals', 'includes', 'mayBeChild', 'not', 'sexIn']);
    expect(CASES.filter((c) => kindsOf(c.condition).length >= 4).length).toBeGreaterThanOrEqual(2);
    expect(CASES.filter((c) => c.questions && c.questions.length >= 3).length).toBeGreaterThanOrEqual(2);
    expect(CASES.filter((c) => c.expected).length).toBeGreaterThan(10);
    expect(CASES.filter((c) => !c.expected).length).toBeGreaterThan(10);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const answers = c.questions ? applicableAnswers(c.questions, c.person, c.answers) : c.answers;
    expect(holds(c.condition, c.person, answers)).toBe(c.expected);
  });
});

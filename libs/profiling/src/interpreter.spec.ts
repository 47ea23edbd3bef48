import { deriveFacts } from './derived-facts';
import { Condition } from './rule-set';
import { compile, describe as describeComparison, EvaluationContext, evidenceFor } from './interpreter';
import { PROFILES } from './profiles';
import { FactsOverrides, newFacts } from './testing/new-facts';
import { loadRuleSet } from './validation/rule-set-validator';

/** A rule-file condition, validated as the engine gets it. */
function condition(when: unknown): Condition {
  const profiles = Object.fromEntries(PROFILES.map((p) => [p, { urgency: 'NORMAL' }]));
  return loadRuleSet({ version: 'test-1', profiles, rules: [{ id: 'r', profile: 'SPECIFIC_NEEDS', reason: 'r', when }] }).rules[0].when;
}

function context(overrides: FactsOverrides = {}): EvaluationContext {
  const facts = newFacts(overrides);
  return { facts, answers: facts.answers ?? {}, derived: deriveFacts(facts, []) };
}

const holds = (when: unknown, overrides: FactsOverrides = {}) => compile(condition(when))(context(overrides));
const evidence = (when: unknown, overrides: FactsOverrides = {}) => evidenceFor(condition(when), context(overrides));

describe('comparisons on one value', () => {
  it('ne holds for a different value and not for the same one', () => {
    expect(holds({ answer: 'health_triage', ne: 'NONE' }, { answers: { health_triage: 'NEEDS_CARE' } })).toBe(true);
    expect(holds({ answer: 'health_triage', ne: 'NONE' }, { answers: { health_triage: 'NONE' } })).toBe(false);
    expect(holds({ answer: 'disability', ne: true }, { answers: { disability: true } })).toBe(false);
    expect(holds({ fact: 'arrival.mode', ne: 'SEA' }, {})).toBe(true);
    expect(holds({ fact: 'arrival.mode', ne: 'LAND' }, {})).toBe(false);
  });

  it('ne on a list holds when the list lacks the value, and never for an unanswered list', () => {
    expect(holds({ answer: 'reasons_for_leaving', ne: 'WORK' }, { answers: { reasons_for_leaving: ['FAMILY'] } })).toBe(true);
    expect(holds({ answer: 'reasons_for_leaving', ne: 'WORK' }, { answers: { reasons_for_leaving: ['FAMILY', 'WORK'] } })).toBe(false);
    expect(holds({ answer: 'reasons_for_leaving', ne: 'WORK' }, {})).toBe(false);
  });

  it('in holds for a value among those listed, on one value or a list', () => {
    expect(holds({ answer: 'health_triage', in: ['NEEDS_CARE', 'URGENT'] }, { answers: { health_triage: 'URGENT' } })).toBe(true);
    expect(holds({ answer: 'health_triage', in: ['NEEDS_CARE', 'URGENT'] }, { answers: { health_triage: 'NONE' } })).toBe(false);
    expect(holds({ fact: 'person.nationalities', in: ['SOM', 'ETH'] }, {})).toBe(true);
    expect(holds({ fact: 'person.nationalities', in: ['SOM', 'ERI'] }, {})).toBe(false);
  });

  it('orders numbers at the bound: lt and gt exclude it, lte and gte include it', () => {
    const at = (hours: number) => ({ answers: { sexual_violence_hours_ago: hours } });
    expect([71, 72, 73].map((h) => holds({ answer: 'sexual_violence_hours_ago', lt: 72 }, at(h)))).toEqual([true, false, false]);
    expect([71, 72, 73].map((h) => holds({ answer: 'sexual_violence_hours_ago', lte: 72 }, at(h)))).toEqual([true, true, false]);
    expect([71, 72, 73].map((h) => holds({ answer: 'sexual_violence_hours_ago', gt: 72 }, at(h)))).toEqual([false, false, true]);
    expect([71, 72, 73].map((h) => holds({ answer: 'sexual_violence_hours_ago', gte: 72 }, at(h)))).toEqual([false, true, true]);
  });

  it('never orders what is not a number', () => {
    for (const op of ['lt', 'lte', 'gt', 'gte']) {
      expect(holds({ answer: 'sexual_violence_hours_ago', [op]: 72 }, { answers: { sexual_violence_hours_ago: '72' } })).toBe(false);
      expect(holds({ answer: 'sexual_violence_hours_ago', [op]: 72 }, {})).toBe(false);
    }
  });
});

describe('a fact that is not known', () => {
  // A fact read as null (an area of origin stored as null) is not known, like one that is absent.
  const nullArea: FactsOverrides = { person: { areaOfOriginCode: null as unknown as string } };

  it('satisfies exists: false and nothing else, when read as null', () => {
    expect(holds({ fact: 'person.areaOfOriginCode', exists: false }, nullArea)).toBe(true);
    expect(holds({ fact: 'person.areaOfOriginCode', exists: true }, nullArea)).toBe(false);
    expect(holds({ fact: 'person.areaOfOriginCode', ne: 'SO-SH' }, nullArea)).toBe(false);
  });

  it('satisfies exists: true and a comparison once known', () => {
    const known: FactsOverrides = { person: { areaOfOriginCode: 'SO-BN' } };
    expect(holds({ fact: 'person.areaOfOriginCode', exists: true }, known)).toBe(true);
    expect(holds({ fact: 'person.areaOfOriginCode', exists: false }, known)).toBe(false);
    expect(holds({ fact: 'person.areaOfOriginCode', ne: 'SO-SH' }, known)).toBe(true);
  });

  it('reads an age not known as absent', () => {
    expect(holds({ fact: 'person.age', exists: false }, { person: { statedAge: undefined } })).toBe(true);
    expect(holds({ fact: 'person.age', lt: 18 }, { person: { statedAge: undefined } })).toBe(false);
  });

  it('refuses to compile a fact the catalogue does not know', () => {
    const unknown: Condition = { kind: 'compare', subject: { source: 'fact', name: 'person.height' }, op: 'gt', value: 150 } as unknown as Condition;
    expect(() => compile(unknown)).toThrow('Unknown fact person.height');
  });

  it('does not take an inherited property for an answer', () => {
    expect(holds({ answer: 'constructor', exists: false }, { answers: {} })).toBe(true);
  });
});

describe('combinations', () => {
  const yes = (answer: string) => ({ answer, eq: true, label: answer });

  it('all needs every part, any one part, not the opposite', () => {
    const answers = { disability: true, pregnant: false };
    expect(holds({ all: [yes('disability'), yes('pregnant')] }, { answers })).toBe(false);
    expect(holds({ all: [yes('disability'), { not: yes('pregnant') }] }, { answers })).toBe(true);
    expect(holds({ any: [yes('pregnant'), yes('single_parent')] }, { answers })).toBe(false);
    expect(holds({ any: [yes('pregnant'), yes('disability')] }, { answers })).toBe(true);
    expect(holds({ not: yes('disability') }, { answers })).toBe(false);
  });

  it('atLeast counts the parts that hold against its count', () => {
    const three = (count: number) => ({ atLeast: count, of: [yes('threatened'), yes('debt_bondage'), yes('little_or_no_pay')] });
    const answers = { threatened: true, little_or_no_pay: true };
    expect([1, 2, 3].map((count) => holds(three(count), { answers }))).toEqual([true, true, false]);
  });

  it('shows the evidence of a combination only when it holds', () => {
    const answers = { disability: true, pregnant: false };
    expect(evidence({ all: [yes('disability'), yes('pregnant')] }, { answers })).toEqual([]);
    expect(evidence({ any: [yes('pregnant'), yes('disability')] }, { answers })).toEqual(['disability']);
    expect(evidence({ atLeast: 2, of: [yes('disability'), yes('pregnant')] }, { answers })).toEqual([]);
    expect(evidence({ atLeast: 1, of: [yes('disability'), yes('pregnant')] }, { answers })).toEqual(['disability']);
    expect(evidence({ all: [yes('disability'), { not: yes('pregnant') }] }, { answers })).toEqual(['disability']);
    expect(evidence({ any: [{ not: yes('disability') }, yes('pregnant')] }, { answers })).toEqual([]);
  });

  it('names each piece of evidence once', () => {
    expect(evidence({ all: [yes('disability'), yes('disability')] }, { answers: { disability: true } })).toEqual(['disability']);
  });

  it('gives no evidence for graded indicators that do not suffice', () => {
    const graded = { graded: { strong: [yes('threatened')], medium: [yes('deceived_about_job')], weak: [yes('journey_debt')] } };
    expect(evidence(graded, { answers: { deceived_about_job: true, journey_debt: true } })).toEqual([]);
    expect(evidence(graded, { answers: { threatened: true, journey_debt: true } })).toEqual(['threatened (strong indicator)', 'journey_debt (weak indicator)']);
  });

  it('names why one medium indicator sufficed only when it had to', () => {
    const graded = {
      graded: { strong: [yes('threatened')], medium: [yes('deceived_about_job'), yes('little_or_no_pay')], weak: [yes('journey_debt')], oneMediumSuffices: yes('disability') },
    };
    expect(evidence(graded, { answers: { deceived_about_job: true, disability: true } })).toEqual(['deceived_about_job (medium indicator)', 'disability']);
    expect(evidence(graded, { answers: { deceived_about_job: true, little_or_no_pay: true, disability: true } })).toEqual([
      'deceived_about_job (medium indicator)',
      'little_or_no_pay (medium indicator)',
    ]);
    expect(evidence(graded, { answers: { threatened: true, disability: true } })).toEqual(['threatened (strong indicator)']);
    expect(holds(graded, { answers: { disability: true } })).toBe(false);
  });
});

describe('evidence of nested combinations', () => {
  const yes = (answer: string) => ({ answer, eq: true, label: answer });
  const graded = { graded: { strong: [yes('threatened')], medium: [yes('deceived_about_job'), yes('little_or_no_pay')], weak: [yes('journey_debt')] } };
  const answers = { disability: true, older_person_at_risk: true, pregnant: true };

  it('counts a nested part only when it held, and keeps only the evidence of parts that held', () => {
    // Two of: graded indicators that do not suffice, and a disability: only one holds, so only pregnancy is evidence.
    expect(evidence({ any: [{ atLeast: 2, of: [graded, yes('disability')] }, yes('pregnant')] }, { answers })).toEqual(['pregnant']);
    expect(evidence({ any: [{ atLeast: 2, of: [graded, yes('disability')] }, yes('pregnant')] }, { answers: { ...answers, threatened: true } })).toEqual([
      'threatened (strong indicator)',
      'disability',
      'pregnant',
    ]);
    expect(evidence({ any: [{ atLeast: 2, of: [{ all: [yes('disability'), yes('single_parent')] }, yes('older_person_at_risk')] }, yes('pregnant')] }, { answers })).toEqual(['pregnant']);
    expect(evidence({ any: [{ atLeast: 2, of: [{ any: [yes('single_parent')] }, yes('older_person_at_risk')] }, yes('pregnant')] }, { answers })).toEqual(['pregnant']);
    expect(evidence({ any: [{ atLeast: 2, of: [{ any: [yes('disability')] }, yes('older_person_at_risk')] }, yes('pregnant')] }, { answers })).toEqual([
      'disability',
      'older_person_at_risk',
      'pregnant',
    ]);
  });

  it('takes in on a list to hold when one value is listed, not all of them', () => {
    expect(holds({ fact: 'person.nationalities', in: ['ETH'] }, { person: { nationalities: ['ETH', 'KEN'] } })).toBe(true);
  });
});

describe('evidence in words', () => {
  it('uses the label, else the fact’s own explanation, else the comparison in words', () => {
    expect(evidence({ answer: 'disability', eq: true, label: 'a disability' }, { answers: { disability: true } })).toEqual(['a disability']);
    expect(evidence({ fact: 'person.isChild', eq: true }, { person: { statedAge: 15 } })).toEqual([
      '15 at arrival by the stated or apparent age: presumed a child until an age assessment says otherwise',
    ]);
    expect(evidence({ fact: 'arrival.mode', eq: 'LAND' })).toEqual(['arrival.mode = LAND']);
    expect(evidence({ answer: 'health_triage', eq: 'NEEDS_CARE' }, { answers: { health_triage: 'NEEDS_CARE' } })).toEqual(['health_triage = NEEDS_CARE']);
  });

  it('writes each operator as a reader expects', () => {
    const words = (when: unknown) => {
      const c = condition(when);
      if (c.kind !== 'compare') throw new Error('not a comparison');
      return describeComparison(c);
    };
    expect(words({ answer: 'disability', exists: true })).toBe('disability known');
    expect(words({ answer: 'disability', exists: false })).toBe('disability not known');
    expect(words({ answer: 'health_triage', in: ['NONE', 'URGENT'] })).toBe('health_triage in NONE, URGENT');
    expect(words({ answer: 'health_triage', ne: 'NONE' })).toBe('health_triage ≠ NONE');
    expect(['lt', 'lte', 'gt', 'gte'].map((op) => words({ answer: 'sexual_violence_hours_ago', [op]: 72 }))).toEqual([
      'sexual_violence_hours_ago < 72',
      'sexual_violence_hours_ago ≤ 72',
      'sexual_violence_hours_ago > 72',
      'sexual_violence_hours_ago ≥ 72',
    ]);
  });
});

import { DEFAULT_RULE_SET_DOCUMENT } from '../default-rule-set';
import { FACT_NAMES } from '../fact-catalogue';
import { PROFILES } from '../profiles';
import { QuestionRef } from './condition-validator';
import { InvalidRuleSetError, loadRuleSet, validateRuleSet } from './rule-set-validator';

type Doc = Record<string, unknown> & { rules: unknown[]; profiles: Record<string, unknown> };

const ok = (id: string) => ({ id, profile: 'ASYLUM_SEEKER', reason: 'Afraid to go back', when: { answer: 'fear_of_return', eq: true } });

/** A valid rule file with these rules (and the default profiles), to break one thing at a time. */
function documentWith(rules: unknown[]): Doc {
  const profiles = Object.fromEntries(PROFILES.map((p) => [p, { urgency: 'NORMAL' }]));
  return { version: 'test-2026.1', profiles, rules };
}

function problemsOf(document: unknown, questions?: QuestionRef[]): { path: string; problem: string }[] {
  const result = validateRuleSet(document, questions ? { questions } : {});
  return result.ok ? [] : result.problems;
}

describe('rule file validation', () => {
  it('accepts the default rule set and a rule file read from JSON text', () => {
    expect(problemsOf(DEFAULT_RULE_SET_DOCUMENT)).toEqual([]);
    expect(problemsOf(JSON.parse(JSON.stringify(documentWith([ok('asylum.fear')]))))).toEqual([]);
  });

  it('names the path of a comparison whose bound is not a number', () => {
    const rules = [ok('a.one'), ok('a.two'), ok('a.three'), { ...ok('a.four'), when: { all: [{ answer: 'sexual_violence_disclosed', eq: true }, { answer: 'sexual_violence_hours_ago', gte: '72' }] } }];
    expect(problemsOf(documentWith(rules))).toEqual([{ path: 'rules[3].when.all[1].gte', problem: 'must be a number' }]);
  });

  it('reports every problem of a file at once, each with its path', () => {
    const document = documentWith([
      { ...ok('asylum.fear'), when: { answer: 'fear_of_return', equals: true } },
      { ...ok('child.alone'), when: { any: [{ fact: 'person.isMinor', eq: true }, { fact: 'person.isChild', eq: 'yes' }] } },
      { ...ok('trafficking.control'), profile: 'TRAFFICKING_VICTIM', when: { atLeast: 3, of: [{ answer: 'threatened', eq: true }, { answer: 'debt_bondage', eq: true }] } },
      { ...ok('asylum.fear'), urgency: 'URGENT', needsCodes: ['SCUC'] },
      { ...ok('refugee.prima_facie'), profile: 'PRIMA_FACIE_REFUGEE' },
    ]);
    expect(problemsOf(document)).toEqual([
      { path: 'rules[0].when.equals', problem: 'is not allowed in a comparison' },
      { path: 'rules[0].when', problem: 'must name one operator: eq, ne, lt, lte, gt, gte, in, exists' },
      { path: 'rules[1].when.any[0].fact', problem: `must be one of ${FACT_NAMES.join(', ')}` },
      { path: 'rules[1].when.any[1].eq', problem: 'must be true or false (person.isChild is true or false)' },
      { path: 'rules[2].when.atLeast', problem: 'must not exceed the number of conditions in of (2)' },
      { path: 'rules[3].id', problem: '"asylum.fear" is already used by rules[0]' },
      { path: 'rules[3].urgency', problem: 'must be one of IMMEDIATE, HIGH, NORMAL' },
      { path: 'rules[3].needsCodes[0]', problem: 'must be a specific-needs code such as SC-UC' },
      { path: 'rules[4].profile', problem: 'PRIMA_FACIE_REFUGEE is derived from the prima facie list, not from rules' },
    ]);
  });

  it.each([
    ['two operators', { answer: 'fear_of_return', eq: true, ne: false }, 'rules[0].when', 'must name only one operator, not eq and ne'],
    ['two forms', { all: [{ answer: 'injured', eq: true }], answer: 'fear_of_return', eq: true }, 'rules[0].when', 'must have exactly one form, not all and comparison'],
    ['no form', { label: 'afraid' }, 'rules[0].when', 'must be one of: all, any, not, atLeast with of, graded, or a comparison on an answer or a fact'],
    ['graded with no indicator', { graded: { weak: [] } }, 'rules[0].when.graded.weak', 'must be a non-empty list'],
    ['graded with nothing in it', { graded: {} }, 'rules[0].when.graded', 'must list at least one strong or medium indicator (weak ones never suffice)'],
    ['graded with weak indicators only', { graded: { weak: [{ answer: 'journey_debt', eq: true }, { answer: 'others_speak_for_person', eq: true }] } }, 'rules[0].when.graded', 'must list at least one strong or medium indicator (weak ones never suffice)'],
    ['oneMediumSuffices without a medium indicator', { graded: { strong: [{ answer: 'threatened', eq: true }], oneMediumSuffices: { fact: 'person.isChild', eq: true } } }, 'rules[0].when.graded.oneMediumSuffices', 'needs at least one medium indicator'],
    ['graded with the retired anyOneSuffices', { graded: { strong: [{ answer: 'threatened', eq: true }], anyOneSuffices: { fact: 'person.isChild', eq: true } } }, 'rules[0].when.graded.anyOneSuffices', 'is not allowed'],
    ['graded with an unknown grade', { graded: { strong: [{ answer: 'threatened', eq: true }], severe: [{ answer: 'injured', eq: true }] } }, 'rules[0].when.graded.severe', 'is not allowed'],
    ['graded that is a list', { graded: [{ answer: 'threatened', eq: true }] }, 'rules[0].when.graded', 'must be an object with strong, medium and weak lists of indicators'],
    ['a key beside graded', { graded: { strong: [{ answer: 'threatened', eq: true }] }, label: 'x' }, 'rules[0].when.label', 'is not allowed beside graded'],
    ['an answer and a fact', { answer: 'injured', fact: 'person.isChild', eq: true }, 'rules[0].when', 'must compare an answer or a fact, not both'],
    ['an empty all', { all: [] }, 'rules[0].when.all', 'must be a non-empty list'],
    ['a condition that is not an object', { not: 'fear_of_return' }, 'rules[0].when.not', 'must be a condition (an object)'],
    ['atLeast without of', { atLeast: 2 }, 'rules[0].when.of', 'is required with atLeast'],
    ['atLeast zero', { atLeast: 0, of: [{ answer: 'injured', eq: true }] }, 'rules[0].when.atLeast', 'must be a whole number of at least 1'],
    ['a key beside any', { any: [{ answer: 'injured', eq: true }], label: 'x' }, 'rules[0].when.label', 'is not allowed beside any'],
    ['a question id that is not snake_case', { answer: 'Fear Of Return', eq: true }, 'rules[0].when.answer', 'must be a question id (snake_case)'],
    ['a value outside a fact vocabulary', { fact: 'child.caregiver', eq: 'MOTHER' }, 'rules[0].when.eq', 'must be one of PARENT_OR_CAREGIVER, RELATIVE, NONE, UNKNOWN'],
    ['an ordering on a text fact', { fact: 'person.sex', lt: 3 }, 'rules[0].when.lt', 'cannot order person.sex: it is not a number (use eq, ne, in or exists)'],
    ['in on a yes/no fact', { fact: 'person.isChild', in: [true] }, 'rules[0].when.in', 'person.isChild is true or false: use eq'],
    ['a bad element of in', { answer: 'reasons_for_leaving', in: ['WORK', { x: 1 }] }, 'rules[0].when.in[1]', 'must be a string or a number'],
    ['exists that is not yes/no', { answer: 'injured', exists: 'yes' }, 'rules[0].when.exists', 'must be true or false'],
    ['an object as eq', { answer: 'injured', eq: { value: true } }, 'rules[0].when.eq', 'must be a string, a number or true/false'],
    ['an empty label', { answer: 'injured', eq: true, label: ' ' }, 'rules[0].when.label', 'must be a non-empty string'],
  ])('refuses %s with its path', (_kind, when, path, problem) => {
    expect(problemsOf(documentWith([{ ...ok('a.rule'), when }]))).toEqual([{ path, problem }]);
  });

  it('refuses conditions nested too deeply', () => {
    let when: unknown = { answer: 'injured', eq: true };
    for (let i = 0; i < 12; i += 1) when = { not: when };
    expect(problemsOf(documentWith([{ ...ok('a.deep'), when }]))).toEqual([{ path: `rules[0].when${'.not'.repeat(12)}`, problem: 'is nested too deeply (at most 12 levels)' }]);
  });

  it('refuses problems at the top of the file and in the profiles', () => {
    const document: Doc = { ...documentWith([ok('asylum.fear')]), version: 'kivuko default', extra: 1 };
    delete document.profiles['MIGRANT'];
    document.profiles['REFUGEE'] = { urgency: 'HIGH' };
    document.profiles['ASYLUM_SEEKER'] = { urgency: 'SOON', needsCodes: ['LP-RR', 'LP-RR'] };
    expect(problemsOf(document)).toEqual([
      { path: 'extra', problem: 'is not allowed' },
      { path: 'version', problem: 'must be a version such as kivuko-default-2026.1' },
      { path: 'profiles.REFUGEE', problem: `is not a profile (${PROFILES.join(', ')})` },
      { path: 'profiles.ASYLUM_SEEKER.urgency', problem: 'must be one of IMMEDIATE, HIGH, NORMAL' },
      { path: 'profiles.ASYLUM_SEEKER.needsCodes', problem: 'must not list a code twice' },
      { path: 'profiles.MIGRANT', problem: 'is required: every profile needs its urgency' },
    ]);
    expect(problemsOf([])).toEqual([{ path: '(rule set)', problem: 'must be an object' }]);
    expect(problemsOf({ profiles: documentWith([]).profiles })).toEqual([
      { path: 'version', problem: 'must be a version such as kivuko-default-2026.1' },
      { path: 'rules', problem: 'must be a non-empty list' },
    ]);
  });

  it('refuses a prima facie entry without a valid period, nationality or source', () => {
    const document = {
      ...documentWith([ok('asylum.fear')]),
      primaFacie: [
        { id: 'SOM-sc', nationality: 'Somalia', areaCodes: ['SO-SH', 'lower shabelle'], validFrom: '2026-02-30', source: 'UNHCR' },
        { id: 'SOM-sc', nationality: 'SOM', validFrom: '2026-06-01', validTo: '2026-01-01', source: '' },
      ],
    };
    expect(problemsOf(document)).toEqual([
      { path: 'primaFacie[0].nationality', problem: 'must be an ISO 3166-1 alpha-3 code such as SOM' },
      { path: 'primaFacie[0].areaCodes[1]', problem: 'must be an area code such as SO-SH' },
      { path: 'primaFacie[0].validFrom', problem: 'must be a date (YYYY-MM-DD)' },
      { path: 'primaFacie[1].id', problem: '"SOM-sc" is used twice' },
      { path: 'primaFacie[1].validTo', problem: 'must not be before validFrom (2026-06-01)' },
      { path: 'primaFacie[1].source', problem: 'must be a note of where the determination comes from' },
    ]);
  });

  it('checks answers against a questionnaire when one is given', () => {
    const questions: QuestionRef[] = [
      { id: 'fear_of_return', type: 'BOOLEAN' },
      { id: 'health_triage', type: 'CHOICE', options: ['URGENT', 'NEEDS_CARE', 'NONE'] },
      { id: 'sexual_violence_hours_ago', type: 'INTEGER' },
      { id: 'asylum_statement', type: 'TEXT' },
    ];
    const document = documentWith([
      { ...ok('a.one'), when: { answer: 'fear_of_retrun', eq: true } },
      { ...ok('a.two'), when: { answer: 'fear_of_return', eq: 'yes' } },
      { ...ok('a.three'), when: { answer: 'health_triage', in: ['URGENT', 'CRITICAL'] } },
      { ...ok('a.four'), when: { answer: 'sexual_violence_hours_ago', eq: '72' } },
      { ...ok('a.five'), when: { answer: 'asylum_statement', eq: 'war' } },
      { ...ok('a.six'), when: { all: [{ answer: 'asylum_statement', exists: true }, { answer: 'health_triage', lt: 2 }] } },
    ]);
    expect(problemsOf(document, questions)).toEqual([
      { path: 'rules[0].when.answer', problem: '"fear_of_retrun" is not a question of the questionnaire' },
      { path: 'rules[1].when.eq', problem: 'must be true or false (question fear_of_return is true or false)' },
      { path: 'rules[2].when.in[1]', problem: 'must be one of URGENT, NEEDS_CARE, NONE' },
      { path: 'rules[3].when.eq', problem: 'must be a number (question sexual_violence_hours_ago is a number)' },
      { path: 'rules[4].when.eq', problem: 'cannot compare question asylum_statement: it is free text (only exists applies)' },
      { path: 'rules[5].when.all[1].lt', problem: 'cannot order question health_triage: it is not a number (use eq, ne, in or exists)' },
    ]);
    expect(problemsOf(document)).toEqual([]);
  });

  it('loadRuleSet refuses an invalid file with an error that carries every problem and its path', () => {
    const error = (() => {
      try {
        loadRuleSet(documentWith([{ ...ok('a.rule'), when: { answer: 'sexual_violence_hours_ago', lt: 'soon' } }, { ...ok('b.rule'), reason: '' }]));
      } catch (caught: unknown) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InvalidRuleSetError);
    expect(error).toMatchObject({
      code: 'PROFILING.INVALID_RULE_SET',
      problems: [
        { path: 'rules[0].when.lt', problem: 'must be a number' },
        { path: 'rules[1].reason', problem: 'must be a non-empty string' },
      ],
      message: 'The rule set is invalid: rules[0].when.lt: must be a number; rules[1].reason: must be a non-empty string',
    });
  });
});

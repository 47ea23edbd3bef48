import { DEFAULT_RULE_SET_DOCUMENT, validateRuleSet } from '@kivuko/profiling';
import { DEFAULT_QUESTIONNAIRE } from '../screening/questionnaire';
import { inverseRelationship } from './case-facts';

describe('the default profiling rules and the screening questionnaire', () => {
  it('agree: every question a rule reads exists, with the type and options the rule expects', () => {
    const result = validateRuleSet(DEFAULT_RULE_SET_DOCUMENT, { questions: DEFAULT_QUESTIONNAIRE.questions });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('would refuse a questionnaire that lost a question the rules read', () => {
    const without = DEFAULT_QUESTIONNAIRE.questions.filter((q) => q.id !== 'fear_of_return');
    const result = validateRuleSet(DEFAULT_RULE_SET_DOCUMENT, { questions: without });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.problem).join(' ')).toContain('fear_of_return');
  });
});

describe('companions read from the other side', () => {
  it.each([
    ['MOTHER', 'FEMALE', 'CHILD'],
    ['CHILD', 'FEMALE', 'MOTHER'],
    ['CHILD', 'MALE', 'FATHER'],
    ['CHILD', 'UNKNOWN', 'OTHER_RELATIVE'],
    ['UNCLE_OR_AUNT', 'MALE', 'NEPHEW_OR_NIECE'],
    ['GRANDCHILD', 'FEMALE', 'GRANDPARENT'],
    ['SIBLING', 'MALE', 'SIBLING'],
    ['LEGAL_GUARDIAN', 'FEMALE', 'UNKNOWN'],
    ['UNRELATED', 'MALE', 'UNRELATED'],
  ] as const)('a claimant who says this person is their %s (claimant %s) is this person’s %s', (claimed, sex, expected) => {
    expect(inverseRelationship(claimed, sex)).toBe(expected);
  });
});

import { DEFAULT_RULE_SET_DOCUMENT, validateRuleSet } from '@kivuko/profiling';
import { checkAnswers, DEFAULT_QUESTIONNAIRE, QUESTIONNAIRE_V1, QuestionnaireRegistry } from '../screening/questionnaire';
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

describe('the versioned screening questionnaire', () => {
  it('asks, in version 2, what version 1 could not express, each in its field group', () => {
    const groups = Object.fromEntries(DEFAULT_QUESTIONNAIRE.questions.map((q) => [q.id, q.group]));
    expect(DEFAULT_QUESTIONNAIRE.version).toBe(2);
    expect(groups).toMatchObject({
      documents_lost_or_stolen: 'NEEDS',
      onward_movement: 'NEEDS',
      onward_destination_place: 'NEEDS',
      serious_doubt_about_age: 'CHILD',
      adult_claims_relationship_unverified: 'CHILD',
      trafficked_before: 'TRAFFICKING',
      fears_traffickers_on_return: 'TRAFFICKING',
      journey_debt: 'TRAFFICKING',
      chronic_illness_without_medication: 'HEALTH',
    });
  });

  it('keeps version 1 answerable and readable: every version 1 question is in version 2 with the same type, group and options', () => {
    const registry = new QuestionnaireRegistry();
    expect(registry.default).toBe(DEFAULT_QUESTIONNAIRE);
    const v1 = registry.find('kivuko-screening', 1);
    expect(v1?.questionnaire).toBe(QUESTIONNAIRE_V1);
    expect(checkAnswers(v1!.byId, { trafficked_before: true }, 'answers')).toEqual([{ path: 'answers.trafficked_before', problem: 'is not a question of this questionnaire' }]);
    const v2 = new Map(DEFAULT_QUESTIONNAIRE.questions.map((q) => [q.id, q]));
    for (const q of QUESTIONNAIRE_V1.questions) expect([q.id, v2.get(q.id)?.group, v2.get(q.id)?.type, v2.get(q.id)?.options]).toEqual([q.id, q.group, q.type, q.options]);
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

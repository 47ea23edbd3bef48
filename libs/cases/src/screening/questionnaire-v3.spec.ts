import { DEFAULT_RULE_SET, DEFAULT_RULE_SET_DOCUMENT, profileCase, validateRuleSet } from '@kivuko/profiling';
// The profiling library's personas are its test data, not its API: a spec-only reach into them, deliberately.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PERSONAS } from '../../../profiling/src/testing/personas';
import { DEFAULT_QUESTIONNAIRE, inapplicableAnswers, promptOf, QUESTIONNAIRE_LANGUAGES, QuestionnaireRegistry, validateQuestionnaire } from './questionnaire';
import { QUESTIONNAIRE_V3 } from './questionnaire-v3';
import { questionnaireView } from './questionnaire.dto';
import { applicableAnswers, applicableQuestions, ShowWhenPerson } from './show-when';

const ARRIVED = '2026-06-14T10:00:00Z';
const person = (extra: Partial<ShowWhenPerson>): ShowWhenPerson => ({ sex: 'FEMALE', statedAge: 30, arrivedAt: ARRIVED, ...extra });
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('screening questionnaire version 3', () => {
  it('is valid, and asks exactly version 2’s questions with the same groups, types, options and limits', () => {
    expect(validateQuestionnaire(QUESTIONNAIRE_V3)).toEqual([]);
    const v2 = new Map(DEFAULT_QUESTIONNAIRE.questions.map((q) => [q.id, q]));
    expect(QUESTIONNAIRE_V3.questions.map((q) => q.id).sort()).toEqual([...v2.keys()].sort());
    for (const q of QUESTIONNAIRE_V3.questions) {
      const old = v2.get(q.id)!;
      expect([q.id, q.group, q.type, q.options, q.maxLength, q.min, q.max]).toEqual([q.id, old.group, old.type, old.options, old.maxLength, old.min, old.max]);
      expect(promptOf(q).length).toBeGreaterThan(0);
    }
  });

  it('agrees with the default profiling rules', () => {
    const result = validateRuleSet(DEFAULT_RULE_SET_DOCUMENT, { questions: QUESTIONNAIRE_V3.questions });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('carries every prompt, option label and group title in every language, and each translation differs from English somewhere', () => {
    for (const q of QUESTIONNAIRE_V3.questions) {
      for (const lang of QUESTIONNAIRE_LANGUAGES) {
        expect([q.id, lang, typeof q.prompt === 'object' && q.prompt[lang].trim().length > 0]).toEqual([q.id, lang, true]);
        for (const option of q.options ?? []) expect([q.id, option, lang, (q.optionLabels?.[option]?.[lang] ?? '').length > 0]).toEqual([q.id, option, lang, true]);
      }
    }
    for (const lang of ['fr', 'pt', 'sw', 'ar'] as const) {
      const same = QUESTIONNAIRE_V3.questions.filter((q) => typeof q.prompt === 'object' && q.prompt[lang] === q.prompt.en);
      expect([lang, same.map((q) => q.id)]).toEqual([lang, []]);
    }
    expect(QUESTIONNAIRE_V3.groups?.map((g) => g.id).sort()).toEqual([...new Set(QUESTIONNAIRE_V3.questions.map((q) => q.group))].sort());
  });

  it('refuses a questionnaire whose translations, conditions or groups are wrong, each with its path', () => {
    const broken = clone(QUESTIONNAIRE_V3) as unknown as { questions: Record<string, unknown>[]; groups: unknown[] };
    const at = (id: string) => broken.questions.find((q) => q['id'] === id)!;
    delete (at('pregnant')['prompt'] as Record<string, string>)['sw'];
    delete ((at('onward_movement')['optionLabels'] as Record<string, Record<string, string>>)['UNDECIDED'])['ar'];
    at('fear_reasons')['showWhen'] = { answer: 'asylum_wish_expressed', equals: true };
    at('asylum_wish_words')['showWhen'] = { answer: 'asylum_wish_expressed', equals: 'yes' };
    at('health_need')['showWhen'] = { answer: 'reasons_for_leaving', includes: 'HUNGER' };
    at('injured')['showWhen'] = { person: 'sexIn', values: ['WOMAN'] };
    at('fgm')['showWhen'] = { answer: 'fgm', answered: true };
    at('survival_sex')['showWhen'] = { answer: 'health_triage', equals: 'URGENT', answered: true };
    broken.groups = broken.groups.filter((g) => (g as { id: string }).id !== 'TORTURE');
    const index = (id: string) => broken.questions.findIndex((q) => q['id'] === id);
    expect(validateQuestionnaire(broken)).toEqual([
      `questions[${index('onward_movement')}].optionLabels.UNDECIDED: the translation is missing in ar`,
      `questions[${index('pregnant')}].prompt: the translation is missing in sw`,
      `questions[${index('fear_reasons')}].showWhen.answer: "asylum_wish_expressed" is not an earlier question of the questionnaire`,
      `questions[${index('asylum_wish_words')}].showWhen.equals: "asylum_wish_expressed" is answered true or false`,
      `questions[${index('health_need')}].showWhen.includes: must be an option of "reasons_for_leaving"`,
      `questions[${index('injured')}].showWhen.values: must be a non-empty list of FEMALE, MALE, OTHER, UNKNOWN`,
      `questions[${index('fgm')}].showWhen.answer: "fgm" is not an earlier question of the questionnaire`,
      `questions[${index('survival_sex')}].showWhen: an answer condition needs exactly one of equals, includes, answered`,
      'groups: no title for TORTURE',
    ]);
    // An SOP-carried questionnaire goes through the same door.
    expect(() => new QuestionnaireRegistry([broken as never])).toThrow(/is invalid/);
  });

  it('asks the child questions only of who may be a child, and the doubt about age of everyone', () => {
    const adult = new Set(applicableQuestions(QUESTIONNAIRE_V3.questions, person({}), {}));
    const child = new Set(applicableQuestions(QUESTIONNAIRE_V3.questions, person({ statedAge: 15 }), {}));
    const noAge = new Set(applicableQuestions(QUESTIONNAIRE_V3.questions, person({ statedAge: undefined }), {}));
    const flagged = new Set(applicableQuestions(QUESTIONNAIRE_V3.questions, person({ urgentNeeds: ['UNACCOMPANIED_CHILD'] }), {}));
    for (const id of ['caregiver_present', 'adult_answers_for_child', 'adult_holds_child_documents', 'child_married', 'child_is_parent', 'child_labour', 'associated_with_armed_group', 'adult_claims_relationship_unverified']) {
      expect([id, adult.has(id), child.has(id), noAge.has(id), flagged.has(id)]).toEqual([id, false, true, true, true]);
    }
    expect([adult.has('serious_doubt_about_age'), child.has('serious_doubt_about_age')]).toEqual([true, true]);
    // A serious doubt about an adult's stated age opens the child questions: the person stays presumed a child until assessed.
    expect(applicableQuestions(QUESTIONNAIRE_V3.questions, person({}), { serious_doubt_about_age: true })).toEqual(expect.arrayContaining(['caregiver_present', 'child_labour']));
  });

  it.each([
    ['caregiver_relationship', { caregiver_present: false }, {}, person({ statedAge: 15 })],
    ['caregiver_relationship_verified', { caregiver_present: true }, {}, person({ statedAge: 15 })],
    ['asylum_wish_words', { asylum_wish_expressed: true }, { asylum_wish_expressed: false }, person({})],
    ['fear_reasons', { fear_of_return: true }, { fear_of_return: false }, person({})],
    ['sexual_violence_hours_ago', { sexual_violence_disclosed: true }, { sexual_violence_disclosed: false }, person({})],
    ['sgbv_account', { sexual_violence_disclosed: true }, { sexual_violence_disclosed: false }, person({})],
    ['onward_destination_place', { onward_movement: 'ONWARD_TO_ANOTHER_COUNTRY' }, { onward_movement: 'UNDECIDED' }, person({})],
    ['age_doubt_grounds', { serious_doubt_about_age: true }, { serious_doubt_about_age: false }, person({})],
    ['torture_account', { torture_reported: true }, { torture_reported: false }, person({})],
    ['trafficking_account', { threatened: false, journey_debt: true }, { threatened: false, journey_debt: false }, person({})],
  ] as const)('asks %s after the answer that opens it, not otherwise', (id, opens, closes, who) => {
    expect(applicableQuestions(QUESTIONNAIRE_V3.questions, who, opens)).toContain(id);
    expect(applicableQuestions(QUESTIONNAIRE_V3.questions, who, closes)).not.toContain(id);
    expect(applicableQuestions(QUESTIONNAIRE_V3.questions, who, {})).not.toContain(id);
  });

  it('asks about pregnancy unless the person is recorded as male', () => {
    for (const [sex, asked] of [['FEMALE', true], ['OTHER', true], ['UNKNOWN', true], ['MALE', false]] as const) {
      const ids = applicableQuestions(QUESTIONNAIRE_V3.questions, person({ sex }), {});
      expect([sex, ids.includes('pregnant'), ids.includes('pregnancy_complication')]).toEqual([sex, asked, asked]);
    }
  });

  it('names each answer that does not apply, and why', () => {
    expect(inapplicableAnswers(QUESTIONNAIRE_V3, person({ sex: 'MALE' }), { pregnant: true, caregiver_present: true, sexual_violence_hours_ago: 3, fear_of_return: false }, 'answers')).toEqual([
      { path: 'answers.caregiver_present', problem: 'does not apply: asked only when the person may be a child (an age under 18, no age recorded, or a child flag) or "Serious doubt about the stated age (the person stays presumed a child until assessed)" is answered yes' },
      { path: 'answers.pregnant', problem: "does not apply: asked only when the person's sex is FEMALE or OTHER or UNKNOWN" },
      { path: 'answers.sexual_violence_hours_ago', problem: 'does not apply: asked only when "Sexual violence disclosed" is answered yes' },
    ].sort((a, b) => QUESTIONNAIRE_V3.questions.findIndex((q) => `answers.${q.id}` === a.path) - QUESTIONNAIRE_V3.questions.findIndex((q) => `answers.${q.id}` === b.path)));
    expect(inapplicableAnswers(QUESTIONNAIRE_V3, person({}), { torture_account: 'x', torture_reported: false }, 'answers')).toEqual([
      {
        path: 'answers.torture_account',
        problem: 'does not apply: asked only when one of "Torture reported", "Scars or impairment attributed to torture", "Forced to commit acts", "Witnessed killings" is answered yes',
      },
    ]);
    expect(inapplicableAnswers(DEFAULT_QUESTIONNAIRE, person({ sex: 'MALE' }), { pregnant: true }, 'answers')).toEqual([]);
  });

  it('keeps every profile the default rules suggest for the personas when only the answers that apply count', () => {
    const changed = PERSONAS.flatMap((persona) => {
      const { person: p, arrival, urgentNeeds, answers = {} } = persona.facts;
      const who: ShowWhenPerson = { statedAge: p.statedAge, dateOfBirth: p.dateOfBirth, dateOfBirthEstimated: p.dateOfBirthEstimated, sex: p.sex, urgentNeeds, arrivedAt: arrival.arrivedAt };
      // Answered as version 3 asks: who is with the child after whether someone is, and a later age assessment after a serious doubt at intake.
      const asked = { ...answers };
      if (asked['caregiver_relationship'] !== undefined && asked['caregiver_present'] === undefined) asked['caregiver_present'] = asked['caregiver_relationship'] !== 'NONE';
      if (persona.facts.assessments?.age && asked['serious_doubt_about_age'] === undefined) asked['serious_doubt_about_age'] = true;
      const kept = applicableAnswers(QUESTIONNAIRE_V3.questions, who, asked) as typeof answers;
      const before = profileCase(persona.facts, DEFAULT_RULE_SET).profiles.map((x) => x.profile);
      const after = profileCase({ ...persona.facts, answers: kept }, DEFAULT_RULE_SET).profiles.map((x) => x.profile);
      const dropped = Object.keys(answers).filter((k) => !(k in kept));
      return before.join() === after.join() && dropped.every((k) => answers[k] !== true) ? [] : [{ persona: persona.name, before, after, dropped }];
    });
    expect(changed).toEqual([]);
  });

  it('is what GET /questionnaire serves: the contract’s shape, groups in order of use', () => {
    const view = questionnaireView(new QuestionnaireRegistry().current);
    expect(view).toMatchObject({ code: 'kivuko-screening', version: 3, languages: ['en', 'fr', 'pt', 'sw', 'ar'] });
    expect(view.groups.map((g) => g.id)).toEqual(['NEEDS', 'CHILD', 'ASYLUM', 'TRAFFICKING', 'HEALTH', 'TORTURE', 'SGBV']);
    const hours = view.questions.find((q) => q.id === 'sexual_violence_hours_ago');
    expect(hours).toEqual({
      id: 'sexual_violence_hours_ago',
      group: 'SGBV',
      type: 'INTEGER',
      min: 0,
      max: 100000,
      prompt: expect.objectContaining({ en: 'How many hours ago (if recent)' }),
      showWhen: { answer: 'sexual_violence_disclosed', equals: true },
    });
    expect(view.questions.find((q) => q.id === 'health_triage')?.options?.[0]).toEqual({ value: 'URGENT', label: expect.objectContaining({ en: 'Urgent care needed now', ar: expect.any(String) }) });
  });
});

import { DEFAULT_RULE_SET, DEFAULT_RULE_SET_DOCUMENT, defaultRuleSetJson } from './default-rule-set';
import { profileCase } from './engine';
import { PROFILES } from './profiles';
import { RuleSet } from './rule-set';
import { newFacts } from './testing/new-facts';
import { loadRuleSet } from './validation/rule-set-validator';

/** A rule file with these rules and every profile NORMAL unless `urgencies` says otherwise. */
function ruleSet(rules: unknown[], extra: { urgencies?: Record<string, string>; primaFacie?: unknown[] } = {}): RuleSet {
  const profiles = Object.fromEntries(PROFILES.map((p) => [p, { urgency: extra.urgencies?.[p] ?? 'NORMAL' }]));
  return loadRuleSet({ version: 'test-1', profiles, rules, ...(extra.primaFacie && { primaFacie: extra.primaFacie }) });
}

const needs = (id: string, when: unknown) => ({ id, profile: 'SPECIFIC_NEEDS', reason: id, when });
const firedIds = (rules: RuleSet, answers: Record<string, boolean | string | number | string[]>) =>
  profileCase(newFacts({ answers }), rules).profiles.find((p) => p.profile === 'SPECIFIC_NEEDS')?.indicators.map((i) => i.id) ?? [];

describe('the rule interpreter', () => {
  it('lets an unanswered question satisfy no comparison except exists: false', () => {
    const rules = ruleSet([
      needs('eq', { answer: 'disability', eq: false }),
      needs('ne', { answer: 'disability', ne: true }),
      needs('lt', { answer: 'sexual_violence_hours_ago', lt: 72 }),
      needs('in', { answer: 'health_triage', in: ['NONE'] }),
      needs('known', { answer: 'disability', exists: true }),
      needs('unknown', { answer: 'disability', exists: false }),
      needs('not_eq', { not: { answer: 'disability', eq: true } }),
    ]);
    expect(firedIds(rules, {})).toEqual(['unknown', 'not_eq']);
    expect(firedIds(rules, { disability: false })).toEqual(['eq', 'ne', 'known', 'not_eq']);
  });

  it('compares list answers element by element', () => {
    const rules = ruleSet([
      needs('contains', { answer: 'reasons_for_leaving', eq: 'WORK' }),
      needs('lacks', { answer: 'reasons_for_leaving', ne: 'CONFLICT' }),
      needs('shares', { answer: 'reasons_for_leaving', in: ['CONFLICT', 'PERSECUTION'] }),
    ]);
    expect(firedIds(rules, { reasons_for_leaving: ['WORK', 'FAMILY'] })).toEqual(['contains', 'lacks']);
    expect(firedIds(rules, { reasons_for_leaving: ['PERSECUTION'] })).toEqual(['lacks', 'shares']);
  });

  it('orders numbers only, and counts with atLeast', () => {
    const rules = ruleSet([
      needs('under_72', { answer: 'sexual_violence_hours_ago', lt: 72 }),
      needs('at_most_72', { answer: 'sexual_violence_hours_ago', lte: 72 }),
      needs('over_72', { answer: 'sexual_violence_hours_ago', gt: 72 }),
      needs('at_least_72', { answer: 'sexual_violence_hours_ago', gte: 72 }),
      needs('two_of_three', { atLeast: 2, of: [{ answer: 'threatened', eq: true }, { answer: 'debt_bondage', eq: true }, { answer: 'little_or_no_pay', eq: true }] }),
    ]);
    expect(firedIds(rules, { sexual_violence_hours_ago: 72, threatened: true })).toEqual(['at_most_72', 'at_least_72']);
    expect(firedIds(rules, { sexual_violence_hours_ago: '71', threatened: true, little_or_no_pay: true })).toEqual(['two_of_three']);
  });

  it('weighs graded indicators: one strong or two medium; one medium where oneMediumSuffices holds; weak ones never count', () => {
    const graded = {
      strong: [{ answer: 'threatened', eq: true, label: 'threats' }],
      medium: [{ answer: 'deceived_about_job', eq: true, label: 'deceived' }, { answer: 'little_or_no_pay', eq: true, label: 'unpaid' }],
      weak: [{ answer: 'others_speak_for_person', eq: true, label: 'spoken for' }, { answer: 'journey_debt', eq: true, label: 'journey debt' }],
    };
    const rules = ruleSet([needs('adult', { graded }), needs('child_rule', { graded: { ...graded, oneMediumSuffices: { answer: 'disability', eq: true, label: 'a child' } } })]);
    const cases: [Record<string, boolean>, string[]][] = [
      [{ threatened: true }, ['adult', 'child_rule']],
      [{ deceived_about_job: true }, []],
      [{ deceived_about_job: true, little_or_no_pay: true }, ['adult', 'child_rule']],
      [{ little_or_no_pay: true, journey_debt: true }, []],
      [{ little_or_no_pay: true, journey_debt: true, others_speak_for_person: true }, []],
      [{ others_speak_for_person: true, journey_debt: true }, []],
      [{ others_speak_for_person: true, disability: true }, []],
      [{ others_speak_for_person: true, journey_debt: true, disability: true }, []],
      [{ deceived_about_job: true, disability: true }, ['child_rule']],
      [{ threatened: true, disability: true }, ['adult', 'child_rule']],
      [{ disability: true }, []],
    ];
    for (const [answers, fired] of cases) expect([answers, firedIds(rules, answers)]).toEqual([answers, fired]);
    const evidenceOf = (answers: Record<string, boolean>) =>
      profileCase(newFacts({ answers }), rules).profiles[0].indicators.map((i) => [i.id, i.evidence]);
    // Weak ones are listed with their grade when the rule fires; the lowered threshold is named only where it was needed.
    expect(evidenceOf({ threatened: true, little_or_no_pay: true, journey_debt: true, disability: true })).toEqual([
      ['adult', ['threats (strong indicator)', 'unpaid (medium indicator)', 'journey debt (weak indicator)']],
      ['child_rule', ['threats (strong indicator)', 'unpaid (medium indicator)', 'journey debt (weak indicator)']],
    ]);
    expect(evidenceOf({ little_or_no_pay: true, others_speak_for_person: true, disability: true })).toEqual([
      ['child_rule', ['unpaid (medium indicator)', 'spoken for (weak indicator)', 'a child']],
    ]);
  });

  it('shows as evidence the labels of what made a rule fire, not of parts that failed or sit under not', () => {
    const rules = ruleSet([
      needs('mixed', {
        any: [
          { all: [{ answer: 'disability', eq: true, label: 'disability' }, { answer: 'older_person_at_risk', eq: true, label: 'older person' }] },
          { atLeast: 1, of: [{ answer: 'pregnant', eq: true, label: 'pregnant' }, { answer: 'single_parent', eq: true, label: 'single parent' }] },
          { answer: 'health_triage', eq: 'NEEDS_CARE' },
          { not: { answer: 'woman_at_risk', eq: true, label: 'woman at risk' } },
        ],
      }),
    ]);
    const [profile] = profileCase(newFacts({ answers: { disability: true, pregnant: true, health_triage: 'NEEDS_CARE' } }), rules).profiles;
    expect(profile.indicators).toEqual([{ id: 'mixed', source: 'RULE', reason: 'mixed', evidence: ['pregnant', 'health_triage = NEEDS_CARE'] }]);
  });

  it('explains an unlabelled child condition with the age that counts', () => {
    const rules = ruleSet([{ id: 'child', profile: 'CHILD_AT_RISK', reason: 'A child', when: { fact: 'person.isChild', eq: true } }]);
    const [profile] = profileCase(newFacts({ person: { statedAge: 15 } }), rules).profiles;
    expect(profile.indicators[0].evidence).toEqual(['15 at arrival by the stated or apparent age: presumed a child until an age assessment says otherwise']);
  });
});

describe('urgency and specific-needs codes', () => {
  it('starts from the profile defaults; a rule raises the urgency but never lowers it, and adds its codes', () => {
    const rules = ruleSet(
      [
        { id: 'low', profile: 'SGBV_SURVIVOR', reason: 'low', urgency: 'NORMAL', needsCodes: ['SV-FM'], when: { answer: 'forced_or_early_marriage', eq: true } },
        { id: 'recent', profile: 'SGBV_SURVIVOR', reason: 'recent', urgency: 'IMMEDIATE', needsCodes: ['SV-VF'], when: { answer: 'sexual_violence_hours_ago', lt: 72 } },
      ],
      { urgencies: { SGBV_SURVIVOR: 'HIGH' } },
    );
    const run = (answers: Record<string, boolean | number>) => profileCase(newFacts({ answers }), rules).profiles[0];
    expect(run({ forced_or_early_marriage: true })).toMatchObject({ urgency: 'HIGH', needsCodes: ['SV-FM'] });
    expect(run({ forced_or_early_marriage: true, sexual_violence_hours_ago: 5 })).toMatchObject({ urgency: 'IMMEDIATE', needsCodes: ['SV-FM', 'SV-VF'] });
  });
});

describe('built-in principles under a rule set that ignores them', () => {
  const bare = ruleSet(
    [
      { id: 'work', profile: 'MIGRANT', reason: 'Came for work', when: { answer: 'reasons_for_leaving', eq: 'WORK' } },
      { id: 'home', profile: 'STRANDED_MIGRANT_RETURN', reason: 'Wants to go home', when: { answer: 'wants_to_return_home', eq: true } },
    ],
    { primaFacie: [{ id: 'SSD-2026', nationality: 'SSD', validFrom: '2026-01-01', source: 'test decision' }] },
  );

  it('makes an asylum-seeker of anyone who expressed the wish, and a prima facie refugee when the list matches', () => {
    const result = profileCase(newFacts({ person: { nationalities: ['SSD'] }, answers: { reasons_for_leaving: ['WORK'], asylum_wish_expressed: true } }), bare);
    expect(result.profiles.map((p) => [p.profile, p.indicators.map((i) => i.id)])).toEqual([
      ['ASYLUM_SEEKER', ['principle.asylum_wish']],
      ['PRIMA_FACIE_REFUGEE', ['principle.prima_facie']],
    ]);
    expect(result.withheld).toEqual([{ profile: 'MIGRANT', because: 'a protection profile applies: ASYLUM_SEEKER, PRIMA_FACIE_REFUGEE', indicators: [expect.objectContaining({ id: 'work' })] }]);
  });

  it('does not make a prima facie refugee of someone on the list who is not an asylum-seeker', () => {
    const result = profileCase(newFacts({ person: { nationalities: ['SSD'] }, answers: { reasons_for_leaving: ['WORK'] } }), bare);
    expect(result.profiles.map((p) => p.profile)).toEqual(['MIGRANT']);
    expect(result.derived.primaFacie?.id).toBe('SSD-2026');
  });

  it('makes an unaccompanied child of a child with no caregiver, and presumes an exploited child trafficked', () => {
    const result = profileCase(newFacts({ person: { statedAge: 16 }, answers: { caregiver_present: false, little_or_no_pay: true, wants_to_return_home: true } }), bare);
    expect(result.profiles.map((p) => [p.profile, p.urgency, p.indicators.map((i) => i.id)])).toEqual([
      ['UNACCOMPANIED_CHILD', 'NORMAL', ['principle.child_without_caregiver']],
      ['TRAFFICKING_VICTIM', 'NORMAL', ['principle.child_exploitation']],
    ]);
    expect(result.profiles[1].indicators[0].evidence).toEqual([
      '16 at arrival by the stated or apparent age: presumed a child until an age assessment says otherwise',
      'works for little or no pay',
    ]);
    expect(result.withheld.map((w) => w.profile)).toEqual(['STRANDED_MIGRANT_RETURN']);
  });

  it('does not presume a child trafficked on a weak indicator: others speaking for a child, or a journey debt, is no exploitation', () => {
    const spokenFor = newFacts({ person: { statedAge: 6 }, arrival: { companions: [{ relationship: 'MOTHER', verified: true }] }, answers: { others_speak_for_person: true, journey_debt: true } });
    expect(profileCase(spokenFor, bare).profiles).toEqual([]);
  });

  it('does not presume trafficking of an adult with one indicator', () => {
    expect(profileCase(newFacts({ answers: { little_or_no_pay: true } }), bare).profiles).toEqual([]);
  });
});

describe('results and the default rule set', () => {
  it('gives results that survive storage as JSON unchanged', () => {
    const result = profileCase(newFacts({ person: { nationalities: ['SOM'], areaOfOriginCode: 'SO-SH', statedAge: 16 }, answers: { fear_of_return: true, caregiver_present: false } }), DEFAULT_RULE_SET);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.profiles.map((p) => p.profile)).toEqual(['ASYLUM_SEEKER', 'PRIMA_FACIE_REFUGEE', 'UNACCOMPANIED_CHILD']);
  });

  it('ships the default rule set as plain JSON covering every profile', () => {
    expect(JSON.parse(defaultRuleSetJson())).toEqual(DEFAULT_RULE_SET_DOCUMENT);
    expect(loadRuleSet(JSON.parse(defaultRuleSetJson()))).toEqual(DEFAULT_RULE_SET);
    const targeted = new Set(DEFAULT_RULE_SET.rules.map((r) => r.profile));
    expect(PROFILES.filter((p) => !targeted.has(p))).toEqual(['PRIMA_FACIE_REFUGEE']);
    expect(DEFAULT_RULE_SET.version).toBe('kivuko-default-2026.2');
    expect(DEFAULT_RULE_SET.primaFacie.map((e) => [e.id, e.validFrom, e.validTo])).toEqual([['SOM-south-central', '2026-01-01', '2027-12-31']]);
  });
});

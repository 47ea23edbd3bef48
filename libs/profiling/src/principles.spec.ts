import { profileCase } from './engine';
import { CHILD_EXPLOITATION_ANSWERS, PRINCIPLE_IDS } from './principles';
import { PROFILES } from './profiles';
import { RuleSet } from './rule-set';
import { FactsOverrides, newFacts } from './testing/new-facts';
import { loadRuleSet } from './validation/rule-set-validator';

/**
 * Each principle on its own: under a rule set whose rules never suggest the profiles the principles add,
 * whatever is found is the principle's doing.
 */
function ruleSet(rules: unknown[], primaFacie: unknown[] = []): RuleSet {
  const profiles = Object.fromEntries(PROFILES.map((p) => [p, { urgency: 'NORMAL' }]));
  return loadRuleSet({ version: 'test-1', profiles, rules, primaFacie });
}

const MIGRATION_RULES = [
  { id: 'work', profile: 'MIGRANT', reason: 'Came for work', when: { answer: 'reasons_for_leaving', eq: 'WORK' } },
  { id: 'home', profile: 'STRANDED_MIGRANT_RETURN', reason: 'Wants to go home', when: { answer: 'wants_to_return_home', eq: true } },
];
const bare = ruleSet(MIGRATION_RULES);

const CHILD_AGE = '15 at arrival by the stated or apparent age: presumed a child until an age assessment says otherwise';

const profiled = (overrides: FactsOverrides, rules: RuleSet = bare) => profileCase(newFacts(overrides), rules);
const indicators = (overrides: FactsOverrides, rules: RuleSet = bare) =>
  profiled(overrides, rules).profiles.map((p) => [p.profile, p.indicators.map((i) => [i.id, i.evidence])]);

describe('principle: an exploited child is presumed trafficked', () => {
  it('presumes a child flagged TRAFFICKING_SUSPECTED at arrival trafficked, with no screening answer and no rule', () => {
    expect(indicators({ person: { statedAge: 15 }, urgentNeeds: ['TRAFFICKING_SUSPECTED'] })).toEqual([
      ['TRAFFICKING_VICTIM', [['principle.child_exploitation', [CHILD_AGE, 'flagged TRAFFICKING_SUSPECTED at arrival']]]],
    ]);
  });

  it('does not presume an adult flagged TRAFFICKING_SUSPECTED trafficked: for an adult the rules decide', () => {
    expect(profiled({ urgentNeeds: ['TRAFFICKING_SUSPECTED'] }).profiles).toEqual([]);
  });

  it('does not read another arrival flag as a trafficking flag', () => {
    expect(profiled({ person: { statedAge: 15 }, urgentNeeds: ['MEDICAL_EMERGENCY'] }).profiles).toEqual([]);
  });

  it('presumes a child trafficked on any single exploitation answer, naming it as evidence', () => {
    for (const [answer, label] of Object.entries(CHILD_EXPLOITATION_ANSWERS)) {
      expect([answer, indicators({ person: { statedAge: 15 }, answers: { [answer]: true } })]).toEqual([
        answer,
        [['TRAFFICKING_VICTIM', [['principle.child_exploitation', [CHILD_AGE, label]]]]],
      ]);
    }
  });

  it('counts an exploitation answer only when it is yes', () => {
    const no = Object.fromEntries(Object.keys(CHILD_EXPLOITATION_ANSWERS).map((answer) => [answer, false]));
    expect(profiled({ person: { statedAge: 15 }, answers: no }).profiles).toEqual([]);
  });

  it('lists every exploitation answer and the arrival flag together, in that order', () => {
    const [profile] = profiled({ person: { statedAge: 15 }, answers: { threatened: true, child_labour: true }, urgentNeeds: ['TRAFFICKING_SUSPECTED'] }).profiles;
    expect(profile.indicators.map((i) => i.evidence)).toEqual([
      [CHILD_AGE, 'threats against the child or family', 'child labour', 'flagged TRAFFICKING_SUSPECTED at arrival'],
    ]);
  });

  it('adds nothing where a rule already presumes trafficking: the rule’s reason stands alone', () => {
    const rules = ruleSet([{ id: 'flagged', profile: 'TRAFFICKING_VICTIM', reason: 'Flagged', when: { fact: 'urgentNeeds', eq: 'TRAFFICKING_SUSPECTED' } }]);
    const [profile] = profiled({ person: { statedAge: 15 }, urgentNeeds: ['TRAFFICKING_SUSPECTED'] }, rules).profiles;
    expect(profile.indicators.map((i) => [i.id, i.source])).toEqual([['flagged', 'RULE']]);
  });
});

describe('principle: an asylum wish makes an asylum-seeker', () => {
  it('makes an asylum-seeker of a person flagged ASYLUM_WISH at arrival, with no screening answer', () => {
    expect(indicators({ urgentNeeds: ['ASYLUM_WISH'] })).toEqual([['ASYLUM_SEEKER', [['principle.asylum_wish', ['flagged ASYLUM_WISH at arrival']]]]]);
  });

  it('names both the screening answer and the arrival flag when both say so', () => {
    expect(indicators({ answers: { asylum_wish_expressed: true }, urgentNeeds: ['ASYLUM_WISH'] })).toEqual([
      ['ASYLUM_SEEKER', [['principle.asylum_wish', ['wish to seek asylum expressed at screening', 'flagged ASYLUM_WISH at arrival']]]],
    ]);
  });

  it('makes no asylum-seeker of a person who answered no, or was flagged for something else', () => {
    expect(profiled({ answers: { asylum_wish_expressed: false }, urgentNeeds: ['MEDICAL_EMERGENCY'] }).profiles).toEqual([]);
  });

  it('holds back the return and migration routes the rules found, keeping their indicators', () => {
    const result = profiled({ answers: { asylum_wish_expressed: true, reasons_for_leaving: ['WORK'], wants_to_return_home: true } });
    expect(result.profiles.map((p) => p.profile)).toEqual(['ASYLUM_SEEKER']);
    expect(result.withheld.map((w) => [w.profile, w.because, w.indicators.map((i) => i.id)])).toEqual([
      ['STRANDED_MIGRANT_RETURN', 'a protection profile applies: ASYLUM_SEEKER', ['home']],
      ['MIGRANT', 'a protection profile applies: ASYLUM_SEEKER', ['work']],
    ]);
  });

  it('holds nothing back while no protection profile applies', () => {
    const result = profiled({ answers: { reasons_for_leaving: ['WORK'], wants_to_return_home: true } });
    expect(result.profiles.map((p) => p.profile)).toEqual(['STRANDED_MIGRANT_RETURN', 'MIGRANT']);
    expect(result.withheld).toEqual([]);
  });
});

describe('principle: a child with no caregiver is unaccompanied', () => {
  it('makes an unaccompanied child only of a child whom nobody responsible accompanies', () => {
    expect(indicators({ person: { statedAge: 15 }, answers: { caregiver_present: false } })).toEqual([
      ['UNACCOMPANIED_CHILD', [['principle.child_without_caregiver', [CHILD_AGE, 'no parent or caregiver present']]]],
    ]);
    // Not known yet, or a relative: not (yet) unaccompanied by this principle.
    expect(profiled({ person: { statedAge: 15 } }).profiles).toEqual([]);
    expect(profiled({ person: { statedAge: 15 }, answers: { caregiver_relationship: 'RELATIVE' } }).profiles).toEqual([]);
    // An adult travelling alone is no unaccompanied child.
    expect(profiled({ answers: { caregiver_present: false } }).profiles).toEqual([]);
  });
});

describe('principle: prima facie refugees', () => {
  const entries = [
    { id: 'SOM-south', nationality: 'SOM', areaCodes: ['SO-SH', 'SO-BN'], validFrom: '2026-01-01', validTo: '2026-12-31', source: 'decision 1/2026' },
    { id: 'SSD-all', nationality: 'SSD', validFrom: '2026-01-01', source: 'decision 2/2026' },
  ];
  const rules = ruleSet(MIGRATION_RULES, entries);

  it('names the entry, its areas and its period for an asylum-seeker of a listed area', () => {
    const [, prima] = profiled({ person: { nationalities: ['SOM'], areaOfOriginCode: 'SO-SH' }, answers: { asylum_wish_expressed: true } }, rules).profiles;
    expect(prima.indicators).toEqual([
      {
        id: 'principle.prima_facie',
        source: 'PRINCIPLE',
        reason: 'Asylum-seeker of a nationality and area of origin on the prima facie list in force on the arrival date',
        evidence: ['prima facie entry SOM-south: SOM (areas SO-SH, SO-BN), valid 2026-01-01 to 2026-12-31', 'source: decision 1/2026'],
      },
    ]);
  });

  it('names a whole-nationality entry without areas, in force until withdrawn', () => {
    const [, prima] = profiled({ person: { nationalities: ['SSD'] }, answers: { asylum_wish_expressed: true } }, rules).profiles;
    expect(prima.indicators[0].reason).toBe('Asylum-seeker of a nationality on the prima facie list in force on the arrival date');
    expect(prima.indicators[0].evidence).toEqual(['prima facie entry SSD-all: SSD, valid 2026-01-01 to withdrawal', 'source: decision 2/2026']);
  });
});

describe('principle ids', () => {
  it('keeps the ids stored with every finding a principle made', () => {
    expect(PRINCIPLE_IDS).toEqual({
      asylumWish: 'principle.asylum_wish',
      childWithoutCaregiver: 'principle.child_without_caregiver',
      childExploitation: 'principle.child_exploitation',
      primaFacie: 'principle.prima_facie',
      protectionSupersedesReturn: 'principle.protection_supersedes_return',
    });
  });
});

describe('what a principle records', () => {
  it('records each principle as such, with a reason in words', () => {
    const result = profiled({ person: { statedAge: 15 }, answers: { asylum_wish_expressed: true, caregiver_present: false, child_labour: true } });
    expect(result.profiles.map((p) => p.profile)).toEqual(['ASYLUM_SEEKER', 'UNACCOMPANIED_CHILD', 'TRAFFICKING_VICTIM']);
    for (const indicator of result.profiles.flatMap((p) => p.indicators)) {
      expect([indicator.id, indicator.source, indicator.reason]).toEqual([indicator.id, 'PRINCIPLE', expect.stringMatching(/^[A-Z].{20,}/)]);
    }
  });
});

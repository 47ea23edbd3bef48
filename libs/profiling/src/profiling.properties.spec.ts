import fc from 'fast-check';
import { DEFAULT_RULE_SET, DEFAULT_RULE_SET_DOCUMENT } from './default-rule-set';
import { profileCase } from './engine';
import { CaseFacts } from './facts';
import { isProtectionProfile, MIGRATION_PROFILES, ProfileCode } from './profiles';
import { RuleSet } from './rule-set';
import { ALL_ADDED_INDICATORS, describeIndicator, factsArb, withIndicator } from './testing/arbitraries';
import { loadRuleSet } from './validation/rule-set-validator';
import { newFacts } from './testing/new-facts';
import { Graded } from './rule-set';
import { CHILD_EXPLOITATION_ANSWERS } from './principles';

const RUNS = { numRuns: 500 };
const protectionOf = (facts: CaseFacts, ruleSet: RuleSet = DEFAULT_RULE_SET): ProfileCode[] =>
  profileCase(facts, ruleSet)
    .profiles.map((p) => p.profile)
    .filter(isProtectionProfile);

/** The default rule file with some rules removed and others added: rule sets a SOP could carry. */
function variant(options: { drop?: (id: string, profile: string) => boolean; add?: unknown[] }): RuleSet {
  const document = JSON.parse(JSON.stringify(DEFAULT_RULE_SET_DOCUMENT)) as { rules: { id: string; profile: string }[] };
  document.rules = document.rules.filter((r) => !options.drop?.(r.id, r.profile));
  document.rules.push(...((options.add ?? []) as { id: string; profile: string }[]));
  return loadRuleSet(document);
}

const always = { fact: 'person.sex', exists: true };
/** Rules that suggest return and migration for everyone, and no child, asylum or trafficking rules at all. */
const HOSTILE = variant({
  drop: (_, profile) => ['ASYLUM_SEEKER', 'UNACCOMPANIED_CHILD', 'TRAFFICKING_VICTIM'].includes(profile),
  add: [
    { id: 'everyone.returns', profile: 'STRANDED_MIGRANT_RETURN', reason: 'Everyone', when: always },
    { id: 'everyone.migrant', profile: 'MIGRANT', reason: 'Everyone', when: always },
  ],
});

/** The default rule set's graded trafficking indicators that are screening answers, by grade. */
const GRADED = (() => {
  const rule = DEFAULT_RULE_SET.rules.find((r) => r.id === 'trafficking.graded_indicators');
  if (!rule || rule.when.kind !== 'graded') throw new Error('the default rule set lost trafficking.graded_indicators');
  const when: Graded = rule.when;
  const answers = (grade: 'strong' | 'medium' | 'weak'): string[] =>
    when[grade].flatMap((c) => (c.kind === 'compare' && c.subject.source === 'answer' ? [c.subject.name] : []));
  return { strong: answers('strong'), medium: answers('medium'), weak: answers('weak') };
})();

describe('graded trafficking indicators (the default rule set)', () => {
  const subset = (ids: string[]) => fc.subarray(ids);
  const fired = (facts: CaseFacts): boolean =>
    profileCase(facts, DEFAULT_RULE_SET).profiles.some((p) => p.profile === 'TRAFFICKING_VICTIM' && p.indicators.some((i) => i.id === 'trafficking.graded_indicators'));
  const answersOf = (...lists: string[][]) => Object.fromEntries(lists.flat().map((id) => [id, true]));

  it('suggests a presumed victim for an adult exactly on one strong or two medium indicators, whatever weak ones are added', () => {
    fc.assert(
      fc.property(subset(GRADED.strong), subset(GRADED.medium), subset(GRADED.weak), (strong, medium, weak) => {
        const expected = strong.length >= 1 || medium.length >= 2;
        expect(fired(newFacts({ answers: answersOf(strong, medium, weak) }))).toBe(expected);
      }),
      RUNS,
    );
  });

  it('for a child, suggests it on any one strong or medium indicator, and never on weak ones alone, however many', () => {
    const childOf = (age: number, withMother: boolean, answers: Record<string, boolean>) =>
      newFacts({ person: { statedAge: age }, arrival: withMother ? { companions: [{ relationship: 'MOTHER', verified: true }] } : {}, answers });
    fc.assert(
      fc.property(subset(GRADED.weak), fc.constantFrom(...GRADED.strong, ...GRADED.medium), fc.integer({ min: 0, max: 17 }), fc.boolean(), (weak, one, age, withMother) => {
        expect(fired(childOf(age, withMother, answersOf(weak, [one])))).toBe(true);
        // Neither the rule nor the child-exploitation principle: no TRAFFICKING_VICTIM at all.
        expect(protectionOf(childOf(age, withMother, answersOf(weak)))).not.toContain('TRAFFICKING_VICTIM');
        expect(protectionOf(childOf(age, withMother, answersOf(weak)), HOSTILE)).not.toContain('TRAFFICKING_VICTIM');
      }),
      RUNS,
    );
  });

  it('counts no weak indicator of the rule among the answers that make the child-exploitation principle presume trafficking', () => {
    expect(GRADED.weak.filter((id) => id in CHILD_EXPLOITATION_ANSWERS)).toEqual([]);
    expect(GRADED.weak).toEqual(['others_speak_for_person', 'journey_debt']);
  });

  it('grades every indicator of the rule, with at least one of each grade', () => {
    expect([GRADED.strong.length > 0, GRADED.medium.length > 0, GRADED.weak.length > 0]).toEqual([true, true, true]);
  });
});

describe('profiling properties over generated cases', () => {
  it('never removes a protection profile when an indicator is added (any one of them, to any case)', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const before = protectionOf(facts);
        const losses = ALL_ADDED_INDICATORS.flatMap((added) => {
          const after = protectionOf(withIndicator(facts, added));
          return before.filter((p) => !after.includes(p)).map((lost) => `${describeIndicator(added)} removed ${lost}`);
        });
        expect(losses).toEqual([]);
      }),
      RUNS,
    );
  });

  it('always suggests UNACCOMPANIED_CHILD for a child with no caregiver, even under rules without child rules', () => {
    const child = fc.oneof(
      fc.record({ statedAge: fc.integer({ min: 0, max: 17 }) }).map((person) => ({ person, assessment: undefined })),
      fc.integer({ min: 0, max: 17 }).map((minAge) => ({ person: { statedAge: 30 }, assessment: { minAge, maxAge: minAge + 3 } })),
    );
    const noCaregiver = fc.constantFrom<Record<string, boolean | string>>(
      { caregiver_present: false },
      { caregiver_relationship: 'NONE' },
      { caregiver_relationship: 'UNRELATED_ADULT', caregiver_present: true },
    );
    fc.assert(
      fc.property(factsArb, child, noCaregiver, (facts, { person, assessment }, answers) => {
        const { dateOfBirth: _dob, statedAge: _age, ...rest } = facts.person;
        // The relationship answer decides over caregiver_present, so a generated one must not stay.
        const { caregiver_relationship: _relationship, ...otherAnswers } = facts.answers ?? {};
        const childFacts: CaseFacts = {
          ...facts,
          person: { ...rest, ...person },
          answers: { ...otherAnswers, ...answers },
          assessments: assessment ? { age: assessment } : {},
        };
        expect(protectionOf(childFacts)).toContain('UNACCOMPANIED_CHILD');
        expect(protectionOf(childFacts, HOSTILE)).toContain('UNACCOMPANIED_CHILD');
      }),
      RUNS,
    );
  });

  it('never suggests MIGRANT or STRANDED_MIGRANT_RETURN beside a protection profile, even when the rules suggest them for everyone', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        for (const ruleSet of [DEFAULT_RULE_SET, HOSTILE]) {
          const profiles = profileCase(facts, ruleSet).profiles.map((p) => p.profile);
          if (profiles.some(isProtectionProfile)) expect(profiles.filter((p) => MIGRATION_PROFILES.includes(p))).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('always suggests ASYLUM_SEEKER after an expressed wish for asylum, even under rules without asylum rules', () => {
    const wish = fc.constantFrom<(f: CaseFacts) => CaseFacts>(
      (f) => ({ ...f, answers: { ...f.answers, asylum_wish_expressed: true } }),
      (f) => ({ ...f, urgentNeeds: [...(f.urgentNeeds ?? []), 'ASYLUM_WISH'] }),
    );
    fc.assert(
      fc.property(factsArb, wish, (facts, express) => {
        expect(protectionOf(express(facts), HOSTILE)).toContain('ASYLUM_SEEKER');
      }),
      RUNS,
    );
  });

  it('always presumes a child with an exploitation indicator trafficked, even under rules without trafficking rules', () => {
    const exploitation = fc.constantFrom('movement_controlled', 'debt_bondage', 'little_or_no_pay', 'sexual_exploitation', 'child_labour', 'survival_sex');
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 0, max: 17 }), exploitation, (facts, age, indicator) => {
        const child: CaseFacts = { ...facts, person: { ...facts.person, dateOfBirth: undefined, statedAge: age }, assessments: {}, answers: { ...facts.answers, [indicator]: true } };
        expect(protectionOf(child, HOSTILE)).toContain('TRAFFICKING_VICTIM');
      }),
      RUNS,
    );
  });

  it('is deterministic: the same case gives the same result, whatever the order of answers, flags and companions', () => {
    fc.assert(
      fc.property(factsArb, fc.integer(), (facts, seed) => {
        const shuffle = <T>(list: readonly T[]): T[] => {
          const out = [...list];
          let state = seed;
          for (let i = out.length - 1; i > 0; i -= 1) {
            state = (Math.imul(state, 1_103_515_245) + 12_345) | 0;
            const j = Math.abs(state) % (i + 1);
            [out[i], out[j]] = [out[j], out[i]];
          }
          return out;
        };
        const reordered: CaseFacts = JSON.parse(
          JSON.stringify({
            ...facts,
            answers: Object.fromEntries(shuffle(Object.entries(facts.answers ?? {}))),
            urgentNeeds: shuffle(facts.urgentNeeds ?? []),
            arrival: { ...facts.arrival, companions: shuffle(facts.arrival.companions ?? []) },
          }),
        );
        const first = profileCase(facts, DEFAULT_RULE_SET);
        expect(profileCase(facts, DEFAULT_RULE_SET)).toEqual(first);
        expect(profileCase(reordered, DEFAULT_RULE_SET)).toEqual(first);
      }),
      RUNS,
    );
  });
});

import { ProfileCode, PROFILES } from '@kivuko/profiling';
import fc from 'fast-check';
import { profileRemovalRefused } from './age';
import { asylumWishStands } from './asylum-wish';
import { DETENTION_GROUNDS, detentionDecision, detentionGrounds, IndividualAssessment, MIN_JUSTIFICATION, UNOVERRIDABLE_GROUNDS } from './detention-guard';
import { APPEAL_OUTCOMES, ASYLUM_DECISIONS, BID_DECISIONS, CHILD_PROFILES, SafeguardFacts, TRAFFICKING_STATUSES, UNACCOMPANIED_OR_SEPARATED } from './facts';
import { MIN_FINDING, OFFENCES, prosecutionBlocked, prosecutionRefusal, STATUS_OFFENCES } from './non-criminalisation';
import { NON_REFOULEMENT_REASONS, nonRefoulementReasons, ReturnKind } from './non-refoulement';

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2025, 0, 1);
/** Days the generated dates and `now` fall in: narrow enough for periods to run, end and lie ahead. */
const SPAN_DAYS = 120;
const isoDay = (offset: number): string => new Date(FIRST_DAY + offset * DAY_MS).toISOString().slice(0, 10);

/** Profiles with a non-refoulement reason of their own: the only ones that can block a removal. */
const REMOVAL_PROFILES: readonly ProfileCode[] = ['ASYLUM_SEEKER', 'PRIMA_FACIE_REFUGEE', 'TRAFFICKING_VICTIM', 'UNACCOMPANIED_CHILD', 'SEPARATED_CHILD'];
const INDICATOR_IDS = ['needs.pregnant', 'child.pregnant', 'medical.pregnancy_complication', 'needs.serious_illness', 'needs.disability', 'asylum.fear_of_return', 'trafficking.debt_bondage'];
const KINDS: ReturnKind[] = ['REMOVAL', 'VOLUNTARY_RETURN'];

const claimArb: fc.Arbitrary<NonNullable<SafeguardFacts['asylumClaim']>> = fc.record({
  decision: fc.constantFrom(null, ...ASYLUM_DECISIONS),
  appealLodged: fc.boolean(),
  appealOutcome: fc.constantFrom(null, ...APPEAL_OUTCOMES),
  withdrawn: fc.boolean(),
});

const reflectionArb: fc.Arbitrary<NonNullable<NonNullable<SafeguardFacts['trafficking']>['reflection']>> = fc
  .record({ start: fc.integer({ min: 0, max: SPAN_DAYS }), length: fc.integer({ min: 1, max: 60 }), endedAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }) })
  .map(({ start, length, endedAfter }) => ({
    startsOn: isoDay(start),
    endsOn: isoDay(start + length),
    endedOn: endedAfter === null ? null : isoDay(start + Math.min(endedAfter, length)),
  }));

const traffickingArb: fc.Arbitrary<NonNullable<SafeguardFacts['trafficking']>> = fc.record({
  status: fc.constantFrom(...TRAFFICKING_STATUSES),
  reflection: fc.option(reflectionArb, { nil: null }),
});

const factsArb = (profiles: readonly ProfileCode[] = PROFILES): fc.Arbitrary<SafeguardFacts> =>
  fc.record({
    profiles: fc.subarray([...profiles]),
    indicatorIds: fc.subarray(INDICATOR_IDS),
    presumedChild: fc.boolean(),
    accompaniedByCaregiver: fc.boolean(),
    asylumWishExpressed: fc.boolean(),
    asylumClaim: fc.option(claimArb, { nil: null }),
    trafficking: fc.option(traffickingArb, { nil: null }),
    bestInterestsDetermination: fc.option(fc.record({ decision: fc.constantFrom(...BID_DECISIONS) }), { nil: null }),
    bestInterestsAssessed: fc.boolean(),
    assessedMinimumAge: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    openRefoulementRiskFlags: fc.nat({ max: 3 }),
  });

const nowArb = fc.date({ min: new Date(FIRST_DAY - 10 * DAY_MS), max: new Date(FIRST_DAY + (SPAN_DAYS + 70) * DAY_MS), noInvalidDate: true });
const kindArb = fc.constantFrom(...KINDS);
const assessmentArb: fc.Arbitrary<IndividualAssessment> = fc.record({ pregnant: fc.boolean(), seriouslyIll: fc.boolean() });
const overrideArb = fc.record({ bySupervisor: fc.boolean(), justification: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }), bestInterestsAssessed: fc.boolean() });
const findingArb = fc.record({ bySupervisor: fc.boolean(), text: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }) });

/** The facts, frozen all the way down: a safeguard that wrote to them would throw. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The list is in the order of `all`, with no duplicates and nothing from outside it. */
const inOrderOf = <T>(all: readonly T[], list: readonly T[]): void => {
  expect(list).toEqual(all.filter((item) => list.includes(item)));
};

describe('non-refoulement properties over generated cases', () => {
  it('gives reasons only from NON_REFOULEMENT_REASONS, in that order, without duplicates, and leaves the facts alone', () => {
    fc.assert(
      fc.property(factsArb(), kindArb, nowArb, (facts, kind, now) => {
        const reasons = nonRefoulementReasons(deepFreeze(facts), kind, now);
        inOrderOf(NON_REFOULEMENT_REASONS, reasons);
        expect(nonRefoulementReasons(facts, kind, now)).toEqual(reasons);
      }),
    );
  });

  it('blocks a removal for no reason a voluntary return would not also have: only PROTECTION_PROFILE_OPEN differs', () => {
    fc.assert(
      fc.property(factsArb(), nowArb, (facts, now) => {
        const removal = nonRefoulementReasons(facts, 'REMOVAL', now);
        const voluntary = nonRefoulementReasons(facts, 'VOLUNTARY_RETURN', now);
        expect(voluntary).toEqual(expect.arrayContaining(removal));
        expect(removal).toEqual(voluntary.filter((r) => r !== 'PROTECTION_PROFILE_OPEN'));
      }),
    );
  });

  it('never empties or shortens the reasons when a refoulement-risk flag is opened', () => {
    fc.assert(
      fc.property(factsArb(), kindArb, nowArb, (facts, kind, now) => {
        const before = nonRefoulementReasons(facts, kind, now);
        const after = nonRefoulementReasons({ ...facts, openRefoulementRiskFlags: facts.openRefoulementRiskFlags + 1 }, kind, now);
        expect(after).toContain('REFOULEMENT_RISK_FLAG_OPEN');
        expect(after).toEqual(expect.arrayContaining(before));
      }),
    );
  });

  it('finds no reason against a removal with no asylum wish or profile, no trafficking or unaccompanied-child profile, no record and no flag', () => {
    const bare = factsArb(PROFILES.filter((p) => !REMOVAL_PROFILES.includes(p))).map(
      (facts): SafeguardFacts => ({ ...facts, asylumWishExpressed: false, asylumClaim: null, trafficking: null, openRefoulementRiskFlags: 0 }),
    );
    fc.assert(
      fc.property(bare, nowArb, (facts, now) => {
        expect(nonRefoulementReasons(facts, 'REMOVAL', now)).toEqual([]);
      }),
    );
  });

  it('always blocks return while an asylum claim is open (undecided, not withdrawn), whatever else the case says', () => {
    const open = fc.tuple(factsArb(), claimArb).map(([facts, claim]): SafeguardFacts => ({ ...facts, asylumClaim: { ...claim, decision: null, withdrawn: false } }));
    fc.assert(
      fc.property(open, kindArb, nowArb, (facts, kind, now) => {
        const reasons = nonRefoulementReasons(facts, kind, now);
        expect(reasons).toContain('ASYLUM_CLAIM_PENDING');
        expect(reasons).not.toContain('ASYLUM_WISH_PENDING');
      }),
    );
  });

  it('always blocks return once protection was granted on a claim that stands', () => {
    const granted = fc
      .tuple(factsArb(), claimArb, fc.boolean())
      .map(([facts, claim, onAppeal]): SafeguardFacts => ({
        ...facts,
        asylumClaim: onAppeal ? { ...claim, decision: 'REJECTED', appealLodged: true, appealOutcome: 'ALLOWED', withdrawn: false } : { ...claim, decision: 'RECOGNISED', withdrawn: false },
      }));
    fc.assert(
      fc.property(granted, kindArb, nowArb, (facts, kind, now) => {
        const reasons = nonRefoulementReasons(facts, kind, now);
        expect(reasons).toContain('INTERNATIONAL_PROTECTION_GRANTED');
        expect(reasons.filter((r) => r.startsWith('ASYLUM_'))).toEqual([]);
      }),
    );
  });

  it('always blocks return while a reflection period has not reached its end day and was not ended, whatever the record status', () => {
    fc.assert(
      fc.property(factsArb(), traffickingArb, reflectionArb, kindArb, nowArb, (facts, record, period, kind, now) => {
        const running = { ...period, endedOn: null };
        const reasons = nonRefoulementReasons({ ...facts, trafficking: { ...record, reflection: running } }, kind, now);
        expect(reasons.includes('REFLECTION_PERIOD_RUNNING')).toBe(now.toISOString().slice(0, 10) < running.endsOn);
        expect(reasons).not.toContain('PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD');
      }),
    );
  });

  it('blocks the return of an unaccompanied or separated child not assessed an adult unless a BID supports return', () => {
    const child = fc
      .tuple(factsArb(), fc.constantFrom<ProfileCode>('UNACCOMPANIED_CHILD', 'SEPARATED_CHILD'), fc.option(fc.integer({ min: 0, max: 17 }), { nil: null }))
      .map(([facts, profile, age]): SafeguardFacts => ({ ...facts, profiles: [...facts.profiles, profile], assessedMinimumAge: age }));
    fc.assert(
      fc.property(child, kindArb, nowArb, (facts, kind, now) => {
        const blocked = nonRefoulementReasons(facts, kind, now).includes('CHILD_WITHOUT_BID_SUPPORTING_RETURN');
        expect(blocked).toBe(facts.bestInterestsDetermination?.decision !== 'RETURN_TO_COUNTRY_OF_ORIGIN');
      }),
    );
  });
});

describe('detention, prosecution and age properties over generated cases', () => {
  it('gives grounds only from DETENTION_GROUNDS, in that order, without duplicates; an assessment finding only adds grounds', () => {
    fc.assert(
      fc.property(factsArb(), assessmentArb, (facts, assessment) => {
        const grounds = detentionGrounds(deepFreeze(facts), assessment);
        inOrderOf(DETENTION_GROUNDS, grounds);
        expect(detentionGrounds(facts, { pregnant: true, seriouslyIll: true })).toEqual(expect.arrayContaining([...grounds, 'PREGNANT', 'SERIOUSLY_ILL']));
      }),
    );
  });

  it('allows detention without an override exactly when no ground applies', () => {
    fc.assert(
      fc.property(factsArb(), assessmentArb, overrideArb, (facts, assessment, override) => {
        const grounds = detentionGrounds(facts, assessment);
        const decision = detentionDecision(grounds, override);
        expect(decision.allowed && !decision.overridden).toBe(grounds.length === 0);
      }),
    );
  });

  it('lets grounds be overridden only by a supervisor with a justification of MIN_JUSTIFICATION characters once trimmed, for a child only with a best-interests assessment, and never for an unaccompanied or separated child', () => {
    const grounds = fc.subarray([...DETENTION_GROUNDS], { minLength: 1 });
    fc.assert(
      fc.property(grounds, overrideArb, (list, override) => {
        const decision = detentionDecision(list, override);
        const overridable = !list.some((g) => UNOVERRIDABLE_GROUNDS.includes(g));
        const justified = override.bySupervisor && override.justification !== undefined && override.justification.trim().length >= MIN_JUSTIFICATION;
        const assessed = !list.includes('CHILD') || override.bestInterestsAssessed;
        expect(decision).toEqual(overridable && justified && assessed ? { allowed: true, overridden: true } : { allowed: false, reason: expect.any(String) });
        if (!overridable) expect(decision).toEqual({ allowed: false, reason: 'NO_OVERRIDE_EXISTS' });
      }),
    );
  });

  it('never allows the detention of an unaccompanied or separated child not assessed an adult, whatever the override', () => {
    const alone = fc
      .tuple(factsArb(), fc.constantFrom<ProfileCode>(...UNACCOMPANIED_OR_SEPARATED), fc.option(fc.integer({ min: 0, max: 17 }), { nil: null }))
      .map(([facts, profile, age]): SafeguardFacts => ({ ...facts, profiles: [...facts.profiles, profile], assessedMinimumAge: age }));
    fc.assert(
      fc.property(alone, assessmentArb, overrideArb, (facts, assessment, override) => {
        const grounds = detentionGrounds(facts, assessment);
        expect(grounds).toContain('UNACCOMPANIED_OR_SEPARATED_CHILD');
        expect(grounds).not.toContain('CHILD');
        expect(detentionDecision(grounds, { ...override, bySupervisor: true, justification: 'x'.repeat(MIN_JUSTIFICATION) })).toEqual({ allowed: false, reason: 'NO_OVERRIDE_EXISTS' });
      }),
    );
  });

  it('never allows the detention of a child not positively accompanied by a parent or caregiver, whatever the override', () => {
    const unaccompanied = fc
      .tuple(factsArb(), fc.option(fc.integer({ min: 0, max: 17 }), { nil: null }))
      .map(([facts, age]): SafeguardFacts => ({ ...facts, presumedChild: true, accompaniedByCaregiver: false, assessedMinimumAge: age }));
    fc.assert(
      fc.property(unaccompanied, assessmentArb, overrideArb, (facts, assessment, override) => {
        const grounds = detentionGrounds(facts, assessment);
        expect(grounds).toContain('UNACCOMPANIED_OR_SEPARATED_CHILD');
        expect(grounds).not.toContain('CHILD');
        for (const bySupervisor of [false, true]) {
          const decision = detentionDecision(grounds, { bySupervisor, justification: `${override.justification ?? ''}${'x'.repeat(MIN_JUSTIFICATION)}`, bestInterestsAssessed: true });
          expect(decision).toEqual({ allowed: false, reason: 'NO_OVERRIDE_EXISTS' });
        }
        expect(detentionDecision(grounds, override).allowed).toBe(false);
      }),
    );
  });

  it('counts a child as accompanied only with a caregiver positively on record and no unaccompanied or separated profile', () => {
    const child = fc
      .tuple(factsArb(), fc.option(fc.integer({ min: 0, max: 17 }), { nil: null }))
      .map(([facts, age]): SafeguardFacts => ({ ...facts, presumedChild: true, assessedMinimumAge: age }));
    fc.assert(
      fc.property(child, assessmentArb, (facts, assessment) => {
        const accompanied = facts.accompaniedByCaregiver && !UNACCOMPANIED_OR_SEPARATED.some((p) => facts.profiles.includes(p));
        expect(detentionGrounds(facts, assessment).filter((g) => g.endsWith('CHILD'))).toEqual([accompanied ? 'CHILD' : 'UNACCOMPANIED_OR_SEPARATED_CHILD']);
      }),
    );
  });

  it('never treats a person assessed an adult as a child: no CHILD ground, no child reason, child profiles removable', () => {
    const adult = fc.tuple(factsArb(), fc.integer({ min: 18, max: 60 })).map(([facts, age]): SafeguardFacts => ({ ...facts, assessedMinimumAge: age }));
    fc.assert(
      fc.property(adult, assessmentArb, kindArb, nowArb, (facts, assessment, kind, now) => {
        expect(detentionGrounds(facts, assessment).filter((g) => g.endsWith('CHILD'))).toEqual([]);
        expect(nonRefoulementReasons(facts, kind, now)).not.toContain('CHILD_WITHOUT_BID_SUPPORTING_RETURN');
        expect(PROFILES.filter((p) => profileRemovalRefused(facts, p) !== null)).toEqual(asylumWishStands(facts) ? ['ASYLUM_SEEKER'] : []);
      }),
    );
  });

  it('always treats a presumed child not assessed an adult as a child, and never lets the last child profile go', () => {
    const child = fc
      .tuple(factsArb(), fc.option(fc.integer({ min: 0, max: 17 }), { nil: null }))
      .map(([facts, age]): SafeguardFacts => ({ ...facts, presumedChild: true, assessedMinimumAge: age }));
    fc.assert(
      fc.property(child, assessmentArb, (facts, assessment) => {
        expect(detentionGrounds(facts, assessment).filter((g) => g.endsWith('CHILD'))).toHaveLength(1);
        const childProfiles = facts.profiles.filter((p) => CHILD_PROFILES.includes(p));
        const refused = PROFILES.filter((p) => profileRemovalRefused(facts, p) !== null);
        // Removing any child profile is refused exactly when no other child profile would remain.
        for (const p of CHILD_PROFILES) expect({ p, refused: refused.includes(p) }).toEqual({ p, refused: childProfiles.filter((q) => q !== p).length === 0 });
        expect(refused.every((p) => CHILD_PROFILES.includes(p) || (p === 'ASYLUM_SEEKER' && asylumWishStands(facts)))).toBe(true);
      }),
    );
  });

  it('refuses to remove ASYLUM_SEEKER exactly while the asylum wish stands, and never lets the non-refoulement lock forget a standing wish', () => {
    fc.assert(
      fc.property(factsArb(), kindArb, nowArb, (facts, kind, now) => {
        const stands = asylumWishStands(facts);
        expect(profileRemovalRefused(facts, 'ASYLUM_SEEKER')).toBe(stands ? 'ASYLUM_WISH_RECORDED' : null);
        if (stands) expect(nonRefoulementReasons(facts, kind, now).some((r) => r.startsWith('ASYLUM_') || r === 'INTERNATIONAL_PROTECTION_GRANTED')).toBe(true);
      }),
    );
  });

  it('blocks every offence or none, exactly when the TRAFFICKING_VICTIM ground applies, when no finding is on record', () => {
    fc.assert(
      fc.property(factsArb(), (facts) => {
        const victim = detentionGrounds(facts, { pregnant: false, seriouslyIll: false }).includes('TRAFFICKING_VICTIM');
        expect(OFFENCES.filter((offence) => prosecutionBlocked(facts, offence))).toEqual(victim ? OFFENCES : []);
      }),
    );
  });

  it('lets a victim be flagged for a status offence never, and for another only on a supervisor’s finding of MIN_FINDING characters once trimmed (the only kind of finding anyone may give)', () => {
    fc.assert(
      fc.property(factsArb(), fc.constantFrom(...OFFENCES), findingArb, (facts, offence, finding) => {
        const refusal = prosecutionRefusal(facts, offence, finding);
        const victim = detentionGrounds(facts, { pregnant: false, seriouslyIll: false }).includes('TRAFFICKING_VICTIM');
        const found = finding.bySupervisor && finding.text !== undefined && finding.text.trim().length >= MIN_FINDING;
        if (victim && STATUS_OFFENCES.includes(offence)) expect(refusal).toBe('STATUS_OFFENCE');
        else if (victim || finding.text !== undefined) expect(refusal === null).toBe(found);
        else expect(refusal).toBeNull();
      }),
    );
  });
});

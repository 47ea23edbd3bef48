import type { ProfileCode } from '@kivuko/profiling';
import { profileRemovalRefused } from './age';
import { asylumWishStands } from './asylum-wish';
import { DETENTION_GROUND_TEXT, DETENTION_GROUNDS, DetentionOverride, detentionDecision, detentionGrounds, enforcedDetentionGrounds, IndividualAssessment, MIN_JUSTIFICATION } from './detention-guard';
import { NO_FACTS, SafeguardFacts } from './facts';
import { MIN_FINDING, OFFENCES, prosecutionBlocked, prosecutionRefusal, STATUS_OFFENCES } from './non-criminalisation';
import { NON_REFOULEMENT_REASONS, nonRefoulementReasons, REASON_TEXT, ReturnKind } from './non-refoulement';

const NOW = new Date('2025-03-10T12:00:00Z');
const KINDS: ReturnKind[] = ['REMOVAL', 'VOLUNTARY_RETURN'];
const NOTHING_FOUND: IndividualAssessment = { pregnant: false, seriouslyIll: false };
const LONG_ENOUGH = 'No alternative: absconded twice from open reception, reporting failed.';

const facts = (extra: Partial<SafeguardFacts>): SafeguardFacts => ({ ...NO_FACTS, ...extra });
const claim = (extra: Partial<NonNullable<SafeguardFacts['asylumClaim']>>): SafeguardFacts['asylumClaim'] => ({
  decision: null,
  appealLodged: false,
  appealOutcome: null,
  withdrawn: false,
  ...extra,
});
const reflection = (startsOn: string, endsOn: string, endedOn: string | null = null): SafeguardFacts['trafficking'] => ({
  status: 'PRESUMED',
  reflection: { startsOn, endsOn, endedOn },
});
const removal = (f: SafeguardFacts, now: Date = NOW) => nonRefoulementReasons(f, 'REMOVAL', now);
const bothKinds = (f: SafeguardFacts) => KINDS.map((kind) => nonRefoulementReasons(f, kind, NOW));

describe('nonRefoulementReasons', () => {
  it('finds nothing for a case nothing is known about, for either kind of return', () => {
    expect(bothKinds(NO_FACTS)).toEqual([[], []]);
  });

  describe('asylum', () => {
    it.each<ProfileCode>(['ASYLUM_SEEKER', 'PRIMA_FACIE_REFUGEE'])('counts a %s profile with no claim as a pending asylum wish', (profile) => {
      expect(bothKinds(facts({ profiles: [profile] }))).toEqual([['ASYLUM_WISH_PENDING'], ['ASYLUM_WISH_PENDING']]);
    });

    it('counts an undecided claim as pending, in place of the wish it answers', () => {
      expect(removal(facts({ profiles: ['ASYLUM_SEEKER'], asylumClaim: claim({}) }))).toEqual(['ASYLUM_CLAIM_PENDING']);
      expect(removal(facts({ asylumClaim: claim({}) }))).toEqual(['ASYLUM_CLAIM_PENDING']);
    });

    it('counts a lodged appeal against a rejection, with no outcome yet, as pending', () => {
      expect(removal(facts({ asylumClaim: claim({ decision: 'REJECTED', appealLodged: true }) }))).toEqual(['ASYLUM_APPEAL_PENDING']);
    });

    it('lets a rejection stand once the appeal is dismissed, or when none was lodged, even with the asylum profile open', () => {
      const dismissed = claim({ decision: 'REJECTED', appealLodged: true, appealOutcome: 'DISMISSED' });
      const unappealed = claim({ decision: 'REJECTED' });
      expect(removal(facts({ profiles: ['ASYLUM_SEEKER'], asylumClaim: dismissed }))).toEqual([]);
      expect(removal(facts({ profiles: ['ASYLUM_SEEKER'], asylumClaim: unappealed }))).toEqual([]);
    });

    it.each([
      ['recognition', claim({ decision: 'RECOGNISED' })],
      ['complementary protection', claim({ decision: 'COMPLEMENTARY_PROTECTION' })],
      ['an allowed appeal', claim({ decision: 'REJECTED', appealLodged: true, appealOutcome: 'ALLOWED' })],
    ])('counts %s as international protection granted', (_, granted) => {
      expect(bothKinds(facts({ asylumClaim: granted }))).toEqual([['INTERNATIONAL_PROTECTION_GRANTED'], ['INTERNATIONAL_PROTECTION_GRANTED']]);
    });

    it('keeps protection once granted even when the claim is later marked withdrawn', () => {
      expect(removal(facts({ asylumClaim: claim({ decision: 'RECOGNISED', withdrawn: true }) }))).toEqual(['INTERNATIONAL_PROTECTION_GRANTED']);
      expect(removal(facts({ asylumClaim: claim({ decision: 'REJECTED', appealLodged: true, appealOutcome: 'ALLOWED', withdrawn: true }) }))).toEqual(['INTERNATIONAL_PROTECTION_GRANTED']);
    });

    it('finds nothing from asylum once an undecided claim is withdrawn, even with the asylum profile open', () => {
      expect(removal(facts({ profiles: ['ASYLUM_SEEKER'], asylumClaim: claim({ withdrawn: true }) }))).toEqual([]);
      expect(removal(facts({ asylumClaim: claim({ decision: 'REJECTED', appealLodged: true, withdrawn: true }) }))).toEqual([]);
    });
  });

  describe('trafficking', () => {
    it('counts a reflection period running on the day as running, from its first day to the day before it ends', () => {
      expect(removal(facts({ trafficking: reflection('2025-03-10', '2025-04-09') }))).toEqual(['REFLECTION_PERIOD_RUNNING']);
      expect(removal(facts({ trafficking: reflection('2025-02-08', '2025-03-11') }))).toEqual(['REFLECTION_PERIOD_RUNNING']);
    });

    it('counts a reflection period set to start later as already running', () => {
      expect(removal(facts({ trafficking: reflection('2025-03-20', '2025-04-19') }))).toEqual(['REFLECTION_PERIOD_RUNNING']);
    });

    it('reads the day in UTC', () => {
      const period = facts({ trafficking: reflection('2025-02-08', '2025-03-10') });
      expect(removal(period, new Date('2025-03-09T23:59:59Z'))).toEqual(['REFLECTION_PERIOD_RUNNING']);
      expect(removal(period, new Date('2025-03-10T00:00:00Z'))).toEqual([]);
    });

    it('finds nothing once the period has reached its end day, or was ended early', () => {
      expect(removal(facts({ trafficking: reflection('2025-02-08', '2025-03-10') }))).toEqual([]);
      expect(removal(facts({ trafficking: reflection('2025-02-01', '2025-03-03') }))).toEqual([]);
      // Ended early: the person was found not to be a victim (a victim again is owed a new period, below).
      expect(removal(facts({ trafficking: { status: 'NOT_IDENTIFIED', reflection: { startsOn: '2025-03-01', endsOn: '2025-03-31', endedOn: '2025-03-05' } } }))).toEqual([]);
    });

    it('does not count an ended period as a missing one, even for a presumed victim', () => {
      const ended = facts({ profiles: ['TRAFFICKING_VICTIM'], trafficking: reflection('2025-02-01', '2025-03-03') });
      expect(removal(ended)).not.toContain('PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD');
    });

    it('counts a presumed victim with no anti-trafficking record as a victim without a reflection period', () => {
      expect(bothKinds(facts({ profiles: ['TRAFFICKING_VICTIM'] }))).toEqual([
        ['PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD'],
        ['PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD'],
      ]);
    });

    it.each(['PRESUMED', 'IDENTIFIED'] as const)('counts a %s record without a reflection period as a victim without one', (status) => {
      expect(removal(facts({ trafficking: { status, reflection: null } }))).toEqual(['PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD']);
    });

    it('keeps the profile’s presumption while the record is only POTENTIAL', () => {
      const potential = facts({ profiles: ['TRAFFICKING_VICTIM'], trafficking: { status: 'POTENTIAL', reflection: null } });
      expect(removal(potential)).toEqual(['PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD']);
      expect(detentionGrounds(potential, { pregnant: false, seriouslyIll: false })).toEqual(['TRAFFICKING_VICTIM']);
      expect(prosecutionBlocked(potential, 'IRREGULAR_ENTRY')).toBe(true);
      expect(removal(facts({ trafficking: { status: 'POTENTIAL', reflection: null } }))).toEqual([]);
    });

    it('lets a NOT_IDENTIFIED record decide over the trafficking profile', () => {
      expect(removal(facts({ profiles: ['TRAFFICKING_VICTIM'], trafficking: { status: 'NOT_IDENTIFIED', reflection: null } }))).toEqual([]);
    });
  });

  describe('unaccompanied and separated children', () => {
    it.each<ProfileCode>(['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD'])('blocks the return of a %s without a best-interests determination', (profile) => {
      expect(bothKinds(facts({ profiles: [profile] }))).toEqual([['CHILD_WITHOUT_BID_SUPPORTING_RETURN'], ['CHILD_WITHOUT_BID_SUPPORTING_RETURN']]);
    });

    it('lets a determination for return to the country of origin lift the block', () => {
      const decided = facts({ profiles: ['UNACCOMPANIED_CHILD'], bestInterestsDetermination: { decision: 'RETURN_TO_COUNTRY_OF_ORIGIN' } });
      expect(bothKinds(decided)).toEqual([[], []]);
    });

    it.each(['LOCAL_INTEGRATION', 'FAMILY_REUNIFICATION_ABROAD', 'RESETTLEMENT', 'ALTERNATIVE_CARE'] as const)('keeps the block when the determination chose %s', (decision) => {
      const decided = facts({ profiles: ['SEPARATED_CHILD'], bestInterestsDetermination: { decision } });
      expect(removal(decided)).toEqual(['CHILD_WITHOUT_BID_SUPPORTING_RETURN']);
    });

    it('does not treat someone assessed an adult (lowest age 18) as a child, but keeps a range starting at 17 a child', () => {
      expect(removal(facts({ profiles: ['UNACCOMPANIED_CHILD'], presumedChild: true, assessedMinimumAge: 18 }))).toEqual([]);
      expect(removal(facts({ profiles: ['UNACCOMPANIED_CHILD'], presumedChild: true, assessedMinimumAge: 17 }))).toEqual(['CHILD_WITHOUT_BID_SUPPORTING_RETURN']);
    });

    it('needs an unaccompanied or separated profile: presumed minority alone does not block', () => {
      expect(removal(facts({ presumedChild: true }))).toEqual([]);
      expect(removal(facts({ profiles: ['CHILD_AT_RISK'], presumedChild: true }))).toEqual([]);
    });
  });

  it('blocks both kinds of return while a refoulement-risk flag is open', () => {
    expect(bothKinds(facts({ openRefoulementRiskFlags: 1 }))).toEqual([['REFOULEMENT_RISK_FLAG_OPEN'], ['REFOULEMENT_RISK_FLAG_OPEN']]);
    expect(bothKinds(facts({ openRefoulementRiskFlags: 3 }))).toEqual([['REFOULEMENT_RISK_FLAG_OPEN'], ['REFOULEMENT_RISK_FLAG_OPEN']]);
  });

  it.each<ProfileCode>(['TORTURE_SURVIVOR', 'SGBV_SURVIVOR', 'SMUGGLED_MIGRANT_ABUSED', 'CHILD_AT_RISK'])(
    'blocks a voluntary return, never a removal, while a %s profile is open',
    (profile) => {
      expect(nonRefoulementReasons(facts({ profiles: [profile] }), 'VOLUNTARY_RETURN', NOW)).toEqual(['PROTECTION_PROFILE_OPEN']);
      expect(nonRefoulementReasons(facts({ profiles: [profile] }), 'REMOVAL', NOW)).toEqual([]);
    },
  );

  it.each<ProfileCode>(['MEDICAL_EMERGENCY', 'SPECIFIC_NEEDS', 'STRANDED_MIGRANT_RETURN', 'MIGRANT'])('does not count a %s profile as a protection profile', (profile) => {
    expect(bothKinds(facts({ profiles: [profile] }))).toEqual([[], []]);
  });

  it('does not add PROTECTION_PROFILE_OPEN for profiles that have their own reason', () => {
    const lifted = facts({
      profiles: ['ASYLUM_SEEKER', 'PRIMA_FACIE_REFUGEE', 'TRAFFICKING_VICTIM', 'UNACCOMPANIED_CHILD', 'SEPARATED_CHILD'],
      asylumClaim: claim({ decision: 'REJECTED' }),
      trafficking: reflection('2025-01-01', '2025-01-31'),
      bestInterestsDetermination: { decision: 'RETURN_TO_COUNTRY_OF_ORIGIN' },
    });
    expect(nonRefoulementReasons(lifted, 'VOLUNTARY_RETURN', NOW)).toEqual([]);
  });

  it('gives every reason that applies together, in the order of NON_REFOULEMENT_REASONS', () => {
    const everything = facts({
      profiles: ['TORTURE_SURVIVOR', 'UNACCOMPANIED_CHILD', 'ASYLUM_SEEKER'],
      asylumClaim: claim({}),
      trafficking: reflection('2025-03-01', '2025-03-31'),
      openRefoulementRiskFlags: 2,
    });
    const reasons = nonRefoulementReasons(everything, 'VOLUNTARY_RETURN', NOW);
    expect(reasons).toEqual([
      'ASYLUM_CLAIM_PENDING',
      'REFLECTION_PERIOD_RUNNING',
      'CHILD_WITHOUT_BID_SUPPORTING_RETURN',
      'REFOULEMENT_RISK_FLAG_OPEN',
      'PROTECTION_PROFILE_OPEN',
    ]);
    expect(reasons).toEqual(NON_REFOULEMENT_REASONS.filter((r) => reasons.includes(r)));
    expect(nonRefoulementReasons(everything, 'REMOVAL', NOW)).toEqual(reasons.filter((r) => r !== 'PROTECTION_PROFILE_OPEN'));
  });

  it('gives the wish, the missing reflection period and the child reason together for a trafficked child who fears return', () => {
    const child = facts({ profiles: ['ASYLUM_SEEKER', 'UNACCOMPANIED_CHILD', 'TRAFFICKING_VICTIM'], presumedChild: true });
    expect(removal(child)).toEqual(['ASYLUM_WISH_PENDING', 'PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD', 'CHILD_WITHOUT_BID_SUPPORTING_RETURN']);
  });
});

describe('detentionGrounds', () => {
  it('finds no ground for a case nothing is known about', () => {
    expect(detentionGrounds(NO_FACTS, NOTHING_FOUND)).toEqual([]);
  });

  it.each<ProfileCode>(['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD'])('refuses to detain a %s as an unaccompanied or separated child', (profile) => {
    expect(detentionGrounds(facts({ profiles: [profile] }), NOTHING_FOUND)).toEqual(['UNACCOMPANIED_OR_SEPARATED_CHILD']);
    expect(detentionGrounds(facts({ profiles: [profile, 'CHILD_AT_RISK'], presumedChild: true }), NOTHING_FOUND)).toEqual(['UNACCOMPANIED_OR_SEPARATED_CHILD']);
  });

  it('refuses to detain an accompanied child at risk as a child', () => {
    expect(detentionGrounds(facts({ profiles: ['CHILD_AT_RISK'], accompaniedByCaregiver: true }), NOTHING_FOUND)).toEqual(['CHILD']);
  });

  it('refuses to detain a presumed child with a caregiver on record and no child profile as a child', () => {
    expect(detentionGrounds(facts({ presumedChild: true, accompaniedByCaregiver: true }), NOTHING_FOUND)).toEqual(['CHILD']);
  });

  it('counts a child with no parent or caregiver positively on record as unaccompanied or separated: no override', () => {
    const alone = facts({ presumedChild: true });
    expect(detentionGrounds(alone, NOTHING_FOUND)).toEqual(['UNACCOMPANIED_OR_SEPARATED_CHILD']);
    expect(detentionGrounds(facts({ profiles: ['CHILD_AT_RISK'] }), NOTHING_FOUND)).toEqual(['UNACCOMPANIED_OR_SEPARATED_CHILD']);
    const override = { bySupervisor: true, justification: LONG_ENOUGH, bestInterestsAssessed: true };
    expect(detentionDecision(detentionGrounds(alone, NOTHING_FOUND), override)).toEqual({ allowed: false, reason: 'NO_OVERRIDE_EXISTS' });
    expect(enforcedDetentionGrounds(alone, NOTHING_FOUND, false)).toEqual(['UNACCOMPANIED_OR_SEPARATED_CHILD']);
  });

  it.each<ProfileCode>(['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD'])('lets an open %s profile decide over a caregiver on record', (profile) => {
    expect(detentionGrounds(facts({ profiles: [profile], presumedChild: true, accompaniedByCaregiver: true }), NOTHING_FOUND)).toEqual(['UNACCOMPANIED_OR_SEPARATED_CHILD']);
  });

  it('gives no child ground to an adult, accompanied or not', () => {
    expect(detentionGrounds(facts({ accompaniedByCaregiver: false }), NOTHING_FOUND)).toEqual([]);
  });

  it('does not count someone assessed an adult as a child, whatever the profiles and the presumption', () => {
    const assessed = facts({ profiles: ['UNACCOMPANIED_CHILD', 'CHILD_AT_RISK'], presumedChild: true, assessedMinimumAge: 18 });
    expect(detentionGrounds(assessed, NOTHING_FOUND)).toEqual([]);
    expect(detentionGrounds({ ...assessed, assessedMinimumAge: 16 }, NOTHING_FOUND)).toEqual(['UNACCOMPANIED_OR_SEPARATED_CHILD']);
  });

  it('refuses to detain a presumed trafficking victim, from the profile or a PRESUMED or IDENTIFIED record', () => {
    expect(detentionGrounds(facts({ profiles: ['TRAFFICKING_VICTIM'] }), NOTHING_FOUND)).toEqual(['TRAFFICKING_VICTIM']);
    expect(detentionGrounds(facts({ trafficking: { status: 'PRESUMED', reflection: null } }), NOTHING_FOUND)).toEqual(['TRAFFICKING_VICTIM']);
    expect(detentionGrounds(facts({ trafficking: { status: 'IDENTIFIED', reflection: null } }), NOTHING_FOUND)).toEqual(['TRAFFICKING_VICTIM']);
  });

  it('lets a NOT_IDENTIFIED record decide over the trafficking profile', () => {
    const notIdentified = facts({ profiles: ['TRAFFICKING_VICTIM'], trafficking: { status: 'NOT_IDENTIFIED', reflection: null } });
    expect(detentionGrounds(notIdentified, NOTHING_FOUND)).toEqual([]);
  });

  it('refuses to detain a torture survivor and an SGBV survivor', () => {
    expect(detentionGrounds(facts({ profiles: ['TORTURE_SURVIVOR'] }), NOTHING_FOUND)).toEqual(['TORTURE_SURVIVOR']);
    expect(detentionGrounds(facts({ profiles: ['SGBV_SURVIVOR'] }), NOTHING_FOUND)).toEqual(['SGBV_SURVIVOR']);
  });

  it('refuses to detain a pregnant woman, from the individual assessment', () => {
    expect(detentionGrounds(NO_FACTS, { pregnant: true, seriouslyIll: false })).toEqual(['PREGNANT']);
  });

  it.each(['needs.pregnant', 'child.pregnant', 'medical.pregnancy_complication'])('refuses to detain a pregnant woman, from the indicator %s', (id) => {
    expect(detentionGrounds(facts({ indicatorIds: ['needs.disability', id] }), NOTHING_FOUND)).toEqual(['PREGNANT']);
  });

  it('refuses to detain a seriously ill person, from the assessment, a MEDICAL_EMERGENCY profile or the serious-illness indicator', () => {
    expect(detentionGrounds(NO_FACTS, { pregnant: false, seriouslyIll: true })).toEqual(['SERIOUSLY_ILL']);
    expect(detentionGrounds(facts({ profiles: ['MEDICAL_EMERGENCY'] }), NOTHING_FOUND)).toEqual(['SERIOUSLY_ILL']);
    expect(detentionGrounds(facts({ indicatorIds: ['needs.serious_illness'] }), NOTHING_FOUND)).toEqual(['SERIOUSLY_ILL']);
  });

  it('finds no ground in unrelated profiles and indicators', () => {
    const unrelated = facts({ profiles: ['ASYLUM_SEEKER', 'SPECIFIC_NEEDS', 'MIGRANT'], indicatorIds: ['needs.disability', 'asylum.fear_of_return'] });
    expect(detentionGrounds(unrelated, NOTHING_FOUND)).toEqual([]);
  });

  it('gives every ground that applies, in a fixed order', () => {
    const everything = facts({ profiles: ['SGBV_SURVIVOR', 'TORTURE_SURVIVOR', 'TRAFFICKING_VICTIM', 'SEPARATED_CHILD'], indicatorIds: ['child.pregnant'] });
    expect(detentionGrounds(everything, { pregnant: false, seriouslyIll: true })).toEqual(['UNACCOMPANIED_OR_SEPARATED_CHILD', 'TRAFFICKING_VICTIM', 'TORTURE_SURVIVOR', 'SGBV_SURVIVOR', 'PREGNANT', 'SERIOUSLY_ILL']);
  });
});

describe('enforcedDetentionGrounds', () => {
  const everything = facts({ profiles: ['TORTURE_SURVIVOR', 'TRAFFICKING_VICTIM', 'UNACCOMPANIED_CHILD'], indicatorIds: ['child.pregnant'] });

  it('gives every ground while the SOP keeps the detention guard on', () => {
    expect(enforcedDetentionGrounds(everything, NOTHING_FOUND, true)).toEqual(detentionGrounds(everything, NOTHING_FOUND));
  });

  it('keeps the ban on detaining an unaccompanied or separated child when a SOP switches the guard off, and only that ground', () => {
    expect(enforcedDetentionGrounds(everything, NOTHING_FOUND, false)).toEqual(['UNACCOMPANIED_OR_SEPARATED_CHILD']);
    expect(enforcedDetentionGrounds(facts({ profiles: ['SEPARATED_CHILD'] }), NOTHING_FOUND, false)).toEqual(['UNACCOMPANIED_OR_SEPARATED_CHILD']);
    expect(enforcedDetentionGrounds(facts({ profiles: ['CHILD_AT_RISK', 'TORTURE_SURVIVOR'], presumedChild: true, accompaniedByCaregiver: true }), NOTHING_FOUND, false)).toEqual([]);
  });
});

describe('detentionDecision', () => {
  it('allows detention without an override when no ground applies', () => {
    expect(detentionDecision([], { bySupervisor: false, justification: undefined, bestInterestsAssessed: true })).toEqual({ allowed: true, overridden: false });
    expect(detentionDecision([], { bySupervisor: true, justification: LONG_ENOUGH, bestInterestsAssessed: true })).toEqual({ allowed: true, overridden: false });
  });

  it('refuses detention on a ground when no justification was given, even by a supervisor', () => {
    expect(detentionDecision(['CHILD'], { bySupervisor: true, justification: undefined, bestInterestsAssessed: true })).toEqual({ allowed: false, reason: 'NO_OVERRIDE' });
    expect(detentionDecision(['CHILD'], { bySupervisor: false, justification: undefined, bestInterestsAssessed: true })).toEqual({ allowed: false, reason: 'NO_OVERRIDE' });
  });

  it('refuses an override by someone who is not a supervisor, however well justified', () => {
    expect(detentionDecision(['PREGNANT'], { bySupervisor: false, justification: LONG_ENOUGH, bestInterestsAssessed: true })).toEqual({ allowed: false, reason: 'OVERRIDE_NOT_PERMITTED' });
  });

  it('refuses a supervisor override whose justification is shorter than MIN_JUSTIFICATION once trimmed', () => {
    const short = 'x'.repeat(MIN_JUSTIFICATION - 1);
    expect(detentionDecision(['TORTURE_SURVIVOR'], { bySupervisor: true, justification: '', bestInterestsAssessed: true })).toEqual({ allowed: false, reason: 'JUSTIFICATION_TOO_SHORT' });
    expect(detentionDecision(['TORTURE_SURVIVOR'], { bySupervisor: true, justification: short, bestInterestsAssessed: true })).toEqual({ allowed: false, reason: 'JUSTIFICATION_TOO_SHORT' });
    expect(detentionDecision(['TORTURE_SURVIVOR'], { bySupervisor: true, justification: `   ${short}   \n`, bestInterestsAssessed: true })).toEqual({ allowed: false, reason: 'JUSTIFICATION_TOO_SHORT' });
    expect(detentionDecision(['TORTURE_SURVIVOR'], { bySupervisor: true, justification: ' '.repeat(100), bestInterestsAssessed: true })).toEqual({ allowed: false, reason: 'JUSTIFICATION_TOO_SHORT' });
  });

  it('refuses a one-line reason from a supervisor: a word or a phrase is not a written justification', () => {
    for (const justification of ['Flight risk.', 'Risk of absconding, no address.']) {
      expect(detentionDecision(['PREGNANT'], { bySupervisor: true, justification, bestInterestsAssessed: true })).toEqual({ allowed: false, reason: 'JUSTIFICATION_TOO_SHORT' });
    }
  });

  it('never lets an unaccompanied or separated child be detained: no override exists, whoever asks and whatever is on record', () => {
    const strongest: DetentionOverride = { bySupervisor: true, justification: LONG_ENOUGH, bestInterestsAssessed: true };
    expect(detentionDecision(['UNACCOMPANIED_OR_SEPARATED_CHILD'], strongest)).toEqual({ allowed: false, reason: 'NO_OVERRIDE_EXISTS' });
    expect(detentionDecision(['UNACCOMPANIED_OR_SEPARATED_CHILD', 'TRAFFICKING_VICTIM'], strongest)).toEqual({ allowed: false, reason: 'NO_OVERRIDE_EXISTS' });
    expect(detentionDecision(['UNACCOMPANIED_OR_SEPARATED_CHILD'], { bySupervisor: false, justification: undefined, bestInterestsAssessed: false })).toEqual({ allowed: false, reason: 'NO_OVERRIDE_EXISTS' });
  });

  it('lets a supervisor override for an accompanied child only with a best-interests assessment on record', () => {
    expect(detentionDecision(['CHILD'], { bySupervisor: true, justification: LONG_ENOUGH, bestInterestsAssessed: false })).toEqual({ allowed: false, reason: 'BEST_INTERESTS_ASSESSMENT_REQUIRED' });
    expect(detentionDecision(['CHILD', 'SERIOUSLY_ILL'], { bySupervisor: true, justification: LONG_ENOUGH, bestInterestsAssessed: false })).toEqual({ allowed: false, reason: 'BEST_INTERESTS_ASSESSMENT_REQUIRED' });
    expect(detentionDecision(['CHILD'], { bySupervisor: true, justification: LONG_ENOUGH, bestInterestsAssessed: true })).toEqual({ allowed: true, overridden: true });
    // Other grounds do not ask for one.
    expect(detentionDecision(['PREGNANT'], { bySupervisor: true, justification: LONG_ENOUGH, bestInterestsAssessed: false })).toEqual({ allowed: true, overridden: true });
  });

  it('allows a supervisor override with a justification of at least MIN_JUSTIFICATION characters, marked as overridden', () => {
    expect(detentionDecision(['SGBV_SURVIVOR'], { bySupervisor: true, justification: 'x'.repeat(MIN_JUSTIFICATION), bestInterestsAssessed: true })).toEqual({ allowed: true, overridden: true });
    expect(detentionDecision(['CHILD', 'SERIOUSLY_ILL'], { bySupervisor: true, justification: LONG_ENOUGH, bestInterestsAssessed: true })).toEqual({ allowed: true, overridden: true });
  });
});

describe('prosecutionRefusal and prosecutionBlocked', () => {
  const victims: [string, SafeguardFacts][] = [
    ['the trafficking profile', facts({ profiles: ['TRAFFICKING_VICTIM'] })],
    ['a PRESUMED record', facts({ trafficking: { status: 'PRESUMED', reflection: null } })],
    ['an IDENTIFIED record', facts({ trafficking: { status: 'IDENTIFIED', reflection: { startsOn: '2025-01-01', endsOn: '2025-01-31', endedOn: null } } })],
  ];
  const FINDING = 'The assault on the officer happened at the post, after the exploitation had ended.';
  const noFinding = { bySupervisor: false, text: undefined };

  it.each(victims)('blocks every offence for a victim known from %s while no finding is on record, OTHER included', (_, victim) => {
    expect(OFFENCES.filter((offence) => prosecutionBlocked(victim, offence))).toEqual(OFFENCES);
    expect(prosecutionRefusal(victim, 'OTHER', noFinding)).toBe('FINDING_REQUIRED');
  });

  it.each(victims)('never lets a finding answer a status offence for a victim known from %s', (_, victim) => {
    for (const offence of STATUS_OFFENCES) expect(prosecutionRefusal(victim, offence, { bySupervisor: true, text: FINDING })).toBe('STATUS_OFFENCE');
  });

  it('lets another offence be flagged against a victim only on a supervisor’s written finding that it is unrelated to the trafficking', () => {
    const victim = victims[0][1];
    expect(prosecutionRefusal(victim, 'OTHER', { bySupervisor: false, text: FINDING })).toBe('FINDING_NOT_PERMITTED');
    expect(prosecutionRefusal(victim, 'OTHER', { bySupervisor: true, text: 'Unrelated.' })).toBe('FINDING_TOO_SHORT');
    expect(prosecutionRefusal(victim, 'OTHER', { bySupervisor: true, text: ` ${'x'.repeat(MIN_FINDING - 1)}  ` })).toBe('FINDING_TOO_SHORT');
    expect(prosecutionRefusal(victim, 'OTHER', { bySupervisor: true, text: FINDING })).toBeNull();
  });

  it('blocks nothing for a person who is not a presumed or identified victim', () => {
    const notVictims = [
      NO_FACTS,
      facts({ profiles: ['TRAFFICKING_VICTIM'], trafficking: { status: 'NOT_IDENTIFIED', reflection: null } }),
      facts({ profiles: ['SMUGGLED_MIGRANT_ABUSED', 'ASYLUM_SEEKER'] }),
    ];
    for (const person of notVictims) {
      expect(OFFENCES.filter((offence) => prosecutionBlocked(person, offence))).toEqual([]);
      expect(prosecutionRefusal(person, 'OTHER', noFinding)).toBeNull();
    }
  });

  it('checks a finding whenever one is given: a supervisor’s, written out', () => {
    expect(prosecutionRefusal(NO_FACTS, 'OTHER', { bySupervisor: false, text: FINDING })).toBe('FINDING_NOT_PERMITTED');
    expect(prosecutionRefusal(NO_FACTS, 'OTHER', { bySupervisor: true, text: 'n/a' })).toBe('FINDING_TOO_SHORT');
    expect(prosecutionRefusal(NO_FACTS, 'OTHER', { bySupervisor: true, text: FINDING })).toBeNull();
  });
});

describe('profileRemovalRefused', () => {
  it.each<ProfileCode>(['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD', 'CHILD_AT_RISK'])('refuses to remove %s until an age assessment found an adult', (profile) => {
    expect(profileRemovalRefused(NO_FACTS, profile)).toBe('AGE_ASSESSMENT_REQUIRED');
    expect(profileRemovalRefused(facts({ assessedMinimumAge: 17 }), profile)).toBe('AGE_ASSESSMENT_REQUIRED');
    expect(profileRemovalRefused(facts({ assessedMinimumAge: 18 }), profile)).toBeNull();
    expect(profileRemovalRefused(facts({ presumedChild: true, assessedMinimumAge: 25 }), profile)).toBeNull();
  });

  it('lets one child profile give way to another, but never the last one before an adult assessment', () => {
    const both = facts({ presumedChild: true, profiles: ['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD'] });
    expect(profileRemovalRefused(both, 'UNACCOMPANIED_CHILD')).toBeNull();
    expect(profileRemovalRefused(facts({ presumedChild: true, profiles: ['SEPARATED_CHILD'] }), 'SEPARATED_CHILD')).toBe('AGE_ASSESSMENT_REQUIRED');
    expect(profileRemovalRefused(facts({ profiles: ['CHILD_AT_RISK', 'ASYLUM_SEEKER'] }), 'CHILD_AT_RISK')).toBe('AGE_ASSESSMENT_REQUIRED');
  });

  it('refuses to remove ASYLUM_SEEKER while a recorded asylum wish stands, and lets it go once the person withdrew it', () => {
    expect(profileRemovalRefused(facts({ asylumWishExpressed: true, profiles: ['ASYLUM_SEEKER'] }), 'ASYLUM_SEEKER')).toBe('ASYLUM_WISH_RECORDED');
    // The loaders set asylumWishExpressed false once the person's own withdrawal of the wish is recorded.
    expect(profileRemovalRefused(facts({ asylumWishExpressed: false, profiles: ['ASYLUM_SEEKER'] }), 'ASYLUM_SEEKER')).toBeNull();
    // A claim answers for the wish: it stands while the claim is pending or appealed, not once withdrawn.
    expect(profileRemovalRefused(facts({ asylumClaim: claim({}) }), 'ASYLUM_SEEKER')).toBe('ASYLUM_WISH_RECORDED');
    expect(profileRemovalRefused(facts({ asylumClaim: claim({ decision: 'REJECTED', appealLodged: true }) }), 'ASYLUM_SEEKER')).toBe('ASYLUM_WISH_RECORDED');
    expect(profileRemovalRefused(facts({ asylumWishExpressed: true, asylumClaim: claim({ withdrawn: true }) }), 'ASYLUM_SEEKER')).toBeNull();
    expect(asylumWishStands(facts({ asylumWishExpressed: true, asylumClaim: claim({ decision: 'REJECTED' }) }))).toBe(false);
  });

  it.each<ProfileCode>(['ASYLUM_SEEKER', 'TRAFFICKING_VICTIM', 'TORTURE_SURVIVOR', 'MIGRANT'])('always allows removing %s when no asylum wish stands, even for a presumed child', (profile) => {
    expect(profileRemovalRefused(facts({ presumedChild: true, profiles: ['UNACCOMPANIED_CHILD', profile] }), profile)).toBeNull();
    expect(profileRemovalRefused(NO_FACTS, profile)).toBeNull();
  });
});

describe('what the review of the first version found', () => {
  const now = new Date('2026-06-01T10:00:00Z');
  it('counts an asylum wish recorded at screening even when the asylum profile was removed', () => {
    expect(nonRefoulementReasons(facts({ asylumWishExpressed: true }), 'REMOVAL', now)).toEqual(['ASYLUM_WISH_PENDING']);
    expect(nonRefoulementReasons(facts({ asylumWishExpressed: true, asylumClaim: claim({ decision: 'REJECTED' }) }), 'REMOVAL', now)).toEqual([]);
  });

  it('owes a presumed victim a reflection period again when the earlier one was cut short', () => {
    const cutShort = { startsOn: '2026-05-01', endsOn: '2026-05-31', endedOn: '2026-05-10' };
    expect(nonRefoulementReasons(facts({ trafficking: { status: 'PRESUMED', reflection: cutShort } }), 'REMOVAL', now)).toEqual(['PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD']);
    expect(nonRefoulementReasons(facts({ trafficking: { status: 'NOT_IDENTIFIED', reflection: cutShort } }), 'REMOVAL', now)).toEqual([]);
  });

  it('lets a determination for a reunion abroad answer the child’s reason for that reunion only', () => {
    const child = facts({ profiles: ['UNACCOMPANIED_CHILD'], presumedChild: true, bestInterestsDetermination: { decision: 'FAMILY_REUNIFICATION_ABROAD' } });
    expect(nonRefoulementReasons(child, 'FAMILY_REUNIFICATION_ABROAD', now)).toEqual([]);
    expect(nonRefoulementReasons(child, 'REMOVAL', now)).toEqual(['CHILD_WITHOUT_BID_SUPPORTING_RETURN']);
    expect(nonRefoulementReasons({ ...child, openRefoulementRiskFlags: 1 }, 'FAMILY_REUNIFICATION_ABROAD', now)).toEqual(['REFOULEMENT_RISK_FLAG_OPEN']);
  });
});

describe('the rules written out, not read back from the lists they test', () => {
  const victim = facts({ profiles: ['TRAFFICKING_VICTIM'] });
  const FINDING = 'The assault on the officer happened at the post, after the exploitation had ended.';

  it.each(['IRREGULAR_ENTRY', 'IRREGULAR_STAY', 'USE_OF_FALSE_DOCUMENTS', 'UNAUTHORISED_WORK'] as const)('never lets a finding answer %s for a victim: a status offence', (offence) => {
    expect(prosecutionRefusal(victim, offence, { bySupervisor: true, text: FINDING })).toBe('STATUS_OFFENCE');
  });

  it('takes a finding of exactly the minimum length as written out', () => {
    expect(prosecutionRefusal(victim, 'OTHER', { bySupervisor: true, text: 'x'.repeat(MIN_FINDING) })).toBeNull();
    expect(MIN_FINDING).toBe(40);
  });

  it('lets a child join family abroad on a determination for return to the country of origin, as for any return', () => {
    const child = facts({ profiles: ['SEPARATED_CHILD'], presumedChild: true, bestInterestsDetermination: { decision: 'RETURN_TO_COUNTRY_OF_ORIGIN' } });
    expect(nonRefoulementReasons(child, 'FAMILY_REUNIFICATION_ABROAD', NOW)).toEqual([]);
    expect(nonRefoulementReasons(child, 'REMOVAL', NOW)).toEqual([]);
  });

  it('starts from a case of which nothing is known: no profile, no indicator, no assessment, no record', () => {
    expect(NO_FACTS).toEqual({
      profiles: [],
      indicatorIds: [],
      presumedChild: false,
      accompaniedByCaregiver: false,
      asylumWishExpressed: false,
      asylumClaim: null,
      trafficking: null,
      bestInterestsDetermination: null,
      bestInterestsAssessed: false,
      assessedMinimumAge: null,
      openRefoulementRiskFlags: 0,
    });
    expect(Object.isFrozen(NO_FACTS)).toBe(true);
  });
});

describe('refusals in words', () => {
  // An official refused a detention or a return reads these: each ground and reason has its own sentence.
  const sentences = (texts: Readonly<Record<string, string>>, codes: readonly string[]) => codes.map((code) => [code, texts[code]]);
  const written = (codes: readonly string[]) => codes.map((code) => [code, expect.stringMatching(/^[a-z].{10,}[^.]$/)]);

  it('explains every detention ground, each in its own words', () => {
    expect(sentences(DETENTION_GROUND_TEXT, DETENTION_GROUNDS)).toEqual(written(DETENTION_GROUNDS));
    expect(new Set(Object.values(DETENTION_GROUND_TEXT)).size).toBe(DETENTION_GROUNDS.length);
  });

  it('explains every non-refoulement reason, each in its own words', () => {
    expect(sentences(REASON_TEXT, NON_REFOULEMENT_REASONS)).toEqual(written(NON_REFOULEMENT_REASONS));
    expect(new Set(Object.values(REASON_TEXT)).size).toBe(NON_REFOULEMENT_REASONS.length);
  });
});

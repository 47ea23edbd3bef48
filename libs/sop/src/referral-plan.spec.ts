import fc from 'fast-check';
import { PROFILES, ProfileCode, URGENCIES, Urgency } from '@kivuko/profiling';
import { DEFAULT_SOP } from './default-sop';
import { addDuration } from './duration';
import { borderPointTaskDue, CaseContext, firstContactDue, mergePlannedReferrals, PlannedReferral, planReferrals, ReferralPlan, RoutableProfile, sopAppliesTo } from './referral-plan';
import { higherPriority, priorityNumber } from './vocabulary';
import { defaultWith, setAt } from './testing/documents';
import { targetKey } from './validation/routing-reader';

const NOW = new Date('2026-11-20T06:00:00Z');

function context(overrides: Partial<CaseContext> = {}): CaseContext {
  return { borderPointCode: 'KGM', region: 'Kigoma', arrivedAt: '2026-11-20T08:30:00+03:00', languages: ['fr'], isChild: false, ...overrides };
}

const p = (profile: ProfileCode, urgency: Urgency): RoutableProfile => ({ profile, urgency });

describe('planReferrals', () => {
  it('gives one referral per target carrying every profile it serves, at the highest priority and earliest due time', () => {
    // A trafficked child who fears return: the asylum authority leads on asylum and supports the child's case.
    const plan = planReferrals(DEFAULT_SOP, { profiles: [p('TRAFFICKING_VICTIM', 'IMMEDIATE'), p('UNACCOMPANIED_CHILD', 'IMMEDIATE'), p('ASYLUM_SEEKER', 'HIGH')], context: context({ isChild: true }) }, NOW);
    const asylum = plan.referrals.find((r) => r.target === 'ASYLUM_AUTHORITY');
    expect(asylum).toMatchObject({
      role: 'LEAD',
      priority: 'P1',
      dueAt: '2026-11-20T14:00:00.000Z',
      profiles: [
        { profile: 'ASYLUM_SEEKER', urgency: 'HIGH', role: 'LEAD' },
        { profile: 'UNACCOMPANIED_CHILD', urgency: 'IMMEDIATE', role: 'SUPPORTING' },
      ],
    });
    expect(plan.referrals.map((r) => r.target)).toEqual([
      'ASYLUM_AUTHORITY',
      'INTERNATIONAL_ORGANIZATION/LEGAL_AID',
      'CHILD_PROTECTION',
      'ANTI_TRAFFICKING',
      'HEALTH',
      'NGO/SAFE_SHELTER',
      'INTERNATIONAL_ORGANIZATION/VOLUNTARY_RETURN',
      'NGO/LEGAL_AID',
    ]);
    expect(plan).toMatchObject({ sopVersion: 'tza-joint-sop-2026.1', rulesVersion: 'kivuko-default-2026.2', plannedAt: NOW.toISOString(), clockStart: NOW.toISOString(), heldBack: [] });
  });

  it('lists an action asked by two profiles once, at its earliest deadline, naming both', () => {
    const plan = planReferrals(DEFAULT_SOP, { profiles: [p('SMUGGLED_MIGRANT_ABUSED', 'HIGH'), p('SPECIFIC_NEEDS', 'NORMAL')], context: context() }, NOW);
    const ngo = plan.referrals.find((r) => r.target === 'NGO/PSYCHOSOCIAL');
    expect(ngo?.profiles.map((x) => x.profile)).toEqual(['SMUGGLED_MIGRANT_ABUSED', 'SPECIFIC_NEEDS']);
    expect(ngo?.actions.map((a) => a.action)).toEqual(['TRAFFICKING_AND_TORTURE_SCREENING', 'VULNERABILITY_ASSESSMENT', 'INFORMATION_ON_REMEDIES', 'PSYCHOSOCIAL_SUPPORT']);
    const merged = defaultWith((d) => setAt(d, 'routing.SPECIFIC_NEEDS.lead.actions', [{ action: 'PSYCHOSOCIAL_SUPPORT', within: 'P1D' }]));
    const again = planReferrals(merged, { profiles: [p('SMUGGLED_MIGRANT_ABUSED', 'HIGH'), p('SPECIFIC_NEEDS', 'NORMAL')], context: context() }, NOW);
    expect(again.referrals.find((r) => r.target === 'NGO/PSYCHOSOCIAL')?.actions.find((a) => a.action === 'PSYCHOSOCIAL_SUPPORT')).toEqual({
      action: 'PSYCHOSOCIAL_SUPPORT',
      dueAt: '2026-11-21T06:00:00.000Z',
      profiles: ['SMUGGLED_MIGRANT_ABUSED', 'SPECIFIC_NEEDS'],
    });
  });

  it('holds back return and migration routes while a protection profile is open', () => {
    const plan = planReferrals(DEFAULT_SOP, { profiles: [p('STRANDED_MIGRANT_RETURN', 'NORMAL'), p('SMUGGLED_MIGRANT_ABUSED', 'NORMAL'), p('MIGRANT', 'NORMAL')], context: context() }, NOW);
    expect(plan.heldBack.map((h) => h.profile)).toEqual(['STRANDED_MIGRANT_RETURN', 'MIGRANT']);
    expect(plan.heldBack[0].reason).toContain('SMUGGLED_MIGRANT_ABUSED');
    expect(plan.referrals.some((r) => r.target === 'INTERNATIONAL_ORGANIZATION/VOLUNTARY_RETURN' || r.target === 'IMMIGRATION')).toBe(false);
  });

  it('routes a return when only needs, not protection, are open', () => {
    const plan = planReferrals(DEFAULT_SOP, { profiles: [p('STRANDED_MIGRANT_RETURN', 'NORMAL'), p('MEDICAL_EMERGENCY', 'IMMEDIATE')], context: context() }, NOW);
    expect(plan.heldBack).toEqual([]);
    expect(plan.referrals.map((r) => r.target)).toEqual(['HEALTH', 'INTERNATIONAL_ORGANIZATION/VOLUNTARY_RETURN']);
  });

  it('counts deadlines from the arrival when the SOP says so', () => {
    const sop = defaultWith((d) => setAt(d, 'deadlinesFrom', 'ARRIVAL'));
    const plan = planReferrals(sop, { profiles: [p('MEDICAL_EMERGENCY', 'IMMEDIATE')], context: context({ arrivedAt: '2026-11-20T08:30:00+03:00' }) }, NOW);
    expect(plan.clockStart).toBe('2026-11-20T05:30:00.000Z');
    expect(plan.referrals[0].dueAt).toBe('2026-11-20T06:30:00.000Z');
    expect(() => planReferrals(sop, { profiles: [p('MEDICAL_EMERGENCY', 'IMMEDIATE')], context: context({ arrivedAt: '20 November' }) }, NOW)).toThrow(RangeError);
  });

  it('lets a child’s best interests stand in for consent only for a child, and vital interest proceed at once in an emergency', () => {
    const adult = planReferrals(DEFAULT_SOP, { profiles: [p('TRAFFICKING_VICTIM', 'IMMEDIATE'), p('MEDICAL_EMERGENCY', 'IMMEDIATE')], context: context() }, NOW);
    const child = planReferrals(DEFAULT_SOP, { profiles: [p('TRAFFICKING_VICTIM', 'IMMEDIATE'), p('MEDICAL_EMERGENCY', 'IMMEDIATE')], context: context({ isChild: true }) }, NOW);
    const shelter = (plan: typeof adult) => plan.referrals.find((r) => r.target === 'NGO/SAFE_SHELTER')?.consent;
    expect(shelter(adult)).toEqual([{ purpose: 'REFERRAL', fieldGroups: ['TRAFFICKING', 'HEALTH', 'SGBV', 'TORTURE'], legalBases: [], automaticBasis: null }]);
    expect(shelter(child)).toEqual([{ purpose: 'REFERRAL', fieldGroups: ['TRAFFICKING', 'HEALTH', 'SGBV', 'TORTURE'], legalBases: ['CHILD_BEST_INTERESTS'], automaticBasis: null }]);
    const health = adult.referrals.find((r) => r.target === 'HEALTH');
    expect(health?.consent).toEqual([{ purpose: 'REFERRAL', fieldGroups: ['SGBV', 'TORTURE'], legalBases: ['VITAL_INTEREST'], automaticBasis: 'VITAL_INTEREST' }]);
    const lead = adult.referrals.find((r) => r.target === 'ANTI_TRAFFICKING');
    expect(lead?.consent).toEqual([{ purpose: 'REFERRAL', fieldGroups: ['HEALTH'], legalBases: ['LEGAL_OBLIGATION'], automaticBasis: null }]);
  });

  it('refers an unaccompanied or separated child to child protection on its mandate at once, and only there', () => {
    for (const profile of ['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD'] as const) {
      const plan = planReferrals(DEFAULT_SOP, { profiles: [p(profile, 'IMMEDIATE')], context: context({ isChild: true }) }, NOW);
      const lead = plan.referrals.find((r) => r.target === 'CHILD_PROTECTION');
      expect(lead?.consent.map((c) => [c.purpose, c.automaticBasis])).toEqual([['REFERRAL', 'CHILD_PROTECTION_MANDATE']]);
      expect(lead?.separateConsent.map((c) => [c.purpose, c.actions])).toEqual([['FAMILY_TRACING', ['START_FAMILY_TRACING']]]);
      // The mandate is child protection's own: the supporting agencies still need consent or a recorded basis.
      for (const other of plan.referrals.filter((r) => r.target !== 'CHILD_PROTECTION')) expect(other.consent.every((c) => c.automaticBasis === null)).toBe(true);
    }
    // An accompanied child at risk is not under the mandate.
    const atRisk = planReferrals(DEFAULT_SOP, { profiles: [p('CHILD_AT_RISK', 'HIGH')], context: context({ isChild: true }) }, NOW);
    expect(atRisk.referrals.find((r) => r.target === 'CHILD_PROTECTION')?.consent.map((c) => c.automaticBasis)).toEqual([null]);
  });

  it('needs no consent where the recipient gets no consent-bound group, and shares only the SOP’s groups', () => {
    const plan = planReferrals(DEFAULT_SOP, { profiles: [p('MIGRANT', 'NORMAL')], context: context() }, NOW);
    const immigration = plan.referrals.find((r) => r.target === 'IMMIGRATION');
    expect(immigration?.consent).toEqual([]);
    expect(immigration?.fieldGroups).toEqual(['IDENTITY', 'ARRIVAL', 'DETENTION', 'RETURN']);
    expect(immigration?.requirement).toEqual({ borderPointCode: 'KGM', region: 'Kigoma', languages: ['fr'], service: null });
  });

  it('knows where an SOP applies', () => {
    expect(sopAppliesTo(DEFAULT_SOP, { country: 'TZA', borderPointCode: 'NMG' })).toBe(true);
    expect(sopAppliesTo(DEFAULT_SOP, { country: 'KEN', borderPointCode: 'NMG' })).toBe(false);
    const namangaOnly = defaultWith((d) => setAt(d, 'jurisdiction.borderPoints', ['NMG']));
    expect(sopAppliesTo(namangaOnly, { country: 'TZA', borderPointCode: 'NMG' })).toBe(true);
    expect(sopAppliesTo(namangaOnly, { country: 'TZA', borderPointCode: 'KGM' })).toBe(false);
  });

  it('orders priorities P1 first, and numbers them for a numeric column', () => {
    expect(higherPriority('P3', 'P1')).toBe('P1');
    expect(higherPriority('P2', 'P4')).toBe('P2');
    expect(['P1', 'P2', 'P3', 'P4'].map((x) => priorityNumber(x as 'P1'))).toEqual([1, 2, 3, 4]);
  });

  it('plans nothing for no profiles', () => {
    expect(planReferrals(DEFAULT_SOP, { profiles: [], context: context() }, NOW).referrals).toEqual([]);
  });
});

describe('planReferrals: deadlines and order', () => {
  it('keeps an action’s earliest deadline when a later profile asks for it with more time', () => {
    const slower = defaultWith((d) => setAt(d, 'routing.SPECIFIC_NEEDS.lead.actions', [{ action: 'PSYCHOSOCIAL_SUPPORT', within: 'P14D' }]));
    const plan = planReferrals(slower, { profiles: [p('SMUGGLED_MIGRANT_ABUSED', 'NORMAL'), p('SPECIFIC_NEEDS', 'NORMAL')], context: context() }, NOW);
    expect(plan.referrals.find((r) => r.target === 'NGO/PSYCHOSOCIAL')?.actions.find((a) => a.action === 'PSYCHOSOCIAL_SUPPORT')).toEqual({
      action: 'PSYCHOSOCIAL_SUPPORT',
      dueAt: '2026-11-27T06:00:00.000Z',
      profiles: ['SMUGGLED_MIGRANT_ABUSED', 'SPECIFIC_NEEDS'],
    });
  });

  it('keeps a referral’s earliest first contact and highest priority whichever of its profiles comes first', () => {
    // Torture (P1 at once) and asylum (P2, 1 day) both reach the legal-aid NGO; asylum comes first in profile order.
    const plan = planReferrals(DEFAULT_SOP, { profiles: [p('TORTURE_SURVIVOR', 'IMMEDIATE'), p('ASYLUM_SEEKER', 'NORMAL')], context: context() }, NOW);
    const legalAid = plan.referrals.find((r) => r.target === 'NGO/LEGAL_AID');
    expect(legalAid?.profiles.map((x) => x.profile)).toEqual(['ASYLUM_SEEKER', 'TORTURE_SURVIVOR']);
    expect(legalAid).toMatchObject({ priority: 'P1', dueAt: '2026-11-20T07:00:00.000Z' });
  });

  it('takes one profile asked twice at its most urgent', () => {
    const plan = planReferrals(DEFAULT_SOP, { profiles: [p('SGBV_SURVIVOR', 'NORMAL'), p('SGBV_SURVIVOR', 'IMMEDIATE'), p('SGBV_SURVIVOR', 'HIGH')], context: context() }, NOW);
    const lead = plan.referrals.find((r) => r.target === 'NGO/GBV_CASE_MANAGEMENT');
    expect(lead).toMatchObject({ priority: 'P1', dueAt: '2026-11-20T07:00:00.000Z', profiles: [{ profile: 'SGBV_SURVIVOR', urgency: 'IMMEDIATE', role: 'LEAD' }] });
  });

  it('puts a lead before a supporting target of the same priority and due time, whatever the kinds', () => {
    // The health service comes before NGOs among agency kinds; it supports here, the NGO leads.
    const plan = planReferrals(DEFAULT_SOP, { profiles: [p('SMUGGLED_MIGRANT_ABUSED', 'IMMEDIATE')], context: context() }, NOW);
    expect(plan.referrals.map((r) => [r.target, r.role, r.priority, r.dueAt])).toEqual([
      ['NGO/PSYCHOSOCIAL', 'LEAD', 'P1', '2026-11-20T14:00:00.000Z'],
      ['HEALTH', 'SUPPORTING', 'P1', '2026-11-20T14:00:00.000Z'],
    ]);
  });

  it('puts a lead planned after a supporting target of the same priority and due time before it', () => {
    // Torture (first in profile order) brings two supporting targets; the medical emergency's lead, planned last, goes first.
    const plan = planReferrals(DEFAULT_SOP, { profiles: [p('TORTURE_SURVIVOR', 'IMMEDIATE'), p('MEDICAL_EMERGENCY', 'IMMEDIATE')], context: context() }, NOW);
    expect(plan.referrals.map((r) => [r.target, r.role, r.priority, r.dueAt])).toEqual([
      ['HEALTH', 'LEAD', 'P1', '2026-11-20T07:00:00.000Z'],
      ['NGO/TORTURE_REHABILITATION', 'LEAD', 'P1', '2026-11-20T07:00:00.000Z'],
      ['ASYLUM_AUTHORITY', 'SUPPORTING', 'P1', '2026-11-20T07:00:00.000Z'],
      ['NGO/LEGAL_AID', 'SUPPORTING', 'P1', '2026-11-20T07:00:00.000Z'],
    ]);
  });

  it('orders supporting targets of equal standing by agency kind, then by service', () => {
    const plan = planReferrals(DEFAULT_SOP, { profiles: [p('SGBV_SURVIVOR', 'NORMAL')], context: context() }, NOW);
    expect(plan.referrals.map((r) => [r.target, r.role, r.service])).toEqual([
      ['NGO/GBV_CASE_MANAGEMENT', 'LEAD', 'GBV_CASE_MANAGEMENT'],
      ['HEALTH', 'SUPPORTING', null],
      ['NGO/LEGAL_AID', 'SUPPORTING', 'LEGAL_AID'],
      ['NGO/SAFE_SHELTER', 'SUPPORTING', 'SAFE_SHELTER'],
    ]);
  });

  it('orders a referral’s actions by due time, then by code, and carries each action’s period, consent purpose and note', () => {
    const plan = planReferrals(DEFAULT_SOP, { profiles: [p('TRAFFICKING_VICTIM', 'HIGH'), p('UNACCOMPANIED_CHILD', 'HIGH')], context: context({ isChild: true }) }, NOW);
    const antiTrafficking = plan.referrals.find((r) => r.target === 'ANTI_TRAFFICKING');
    expect(antiTrafficking?.actions.find((a) => a.action === 'START_REFLECTION_PERIOD')).toEqual({
      action: 'START_REFLECTION_PERIOD',
      dueAt: '2026-11-21T06:00:00.000Z',
      profiles: ['TRAFFICKING_VICTIM'],
      period: 'P30D',
    });
    const tracing = plan.referrals.find((r) => r.target === 'CHILD_PROTECTION')?.actions.find((a) => a.action === 'START_FAMILY_TRACING');
    expect(tracing).toMatchObject({ consentPurpose: 'FAMILY_TRACING', note: 'Unless tracing would endanger the child or the family' });
    expect(tracing).not.toHaveProperty('period');
    const sgbv = planReferrals(DEFAULT_SOP, { profiles: [p('SGBV_SURVIVOR', 'NORMAL')], context: context() }, NOW).referrals[0];
    expect(sgbv.actions.map((a) => [a.action, a.dueAt])).toEqual([
      ['OBTAIN_EXPLICIT_CONSENT', '2026-11-20T07:00:00.000Z'],
      ['SAME_SEX_STAFF_AND_INTERPRETER', '2026-11-20T07:00:00.000Z'],
      ['SAFETY_PLAN', '2026-11-21T06:00:00.000Z'],
    ]);
    expect(sgbv.actions[0]).toEqual({ action: 'OBTAIN_EXPLICIT_CONSENT', dueAt: '2026-11-20T07:00:00.000Z', profiles: ['SGBV_SURVIVOR'] });
  });

  it('asks the agency for the case’s border point, region (none when not known), languages and the target’s service', () => {
    const plan = planReferrals(DEFAULT_SOP, { profiles: [p('SGBV_SURVIVOR', 'NORMAL')], context: context({ region: undefined, languages: ['so', 'sw'] }) }, NOW);
    expect(plan.referrals.find((r) => r.target === 'NGO/SAFE_SHELTER')?.requirement).toEqual({ borderPointCode: 'KGM', region: null, languages: ['so', 'sw'], service: 'SAFE_SHELTER' });
  });
});

describe('planReferrals: when the deadlines start', () => {
  const fromArrival = defaultWith((d) => setAt(d, 'deadlinesFrom', 'ARRIVAL'));
  const startOf = (arrivedAt: string, sop = fromArrival) => planReferrals(sop, { profiles: [p('MEDICAL_EMERGENCY', 'IMMEDIATE')], context: context({ arrivedAt }) }, NOW).clockStart;

  it('reads an arrival time with milliseconds, or without seconds, in any time zone', () => {
    expect(startOf('2026-11-20T08:30:15.250+03:00')).toBe('2026-11-20T05:30:15.250Z');
    expect(startOf('2026-11-20T08:30+03:00')).toBe('2026-11-20T05:30:00.000Z');
    expect(startOf('2026-11-20T05:30:00.123456789Z')).toBe('2026-11-20T05:30:00.123Z');
    expect(startOf('2026-11-20T05:30:00.5Z')).toBe('2026-11-20T05:30:00.500Z');
    expect(startOf('2026-11-20T03:30-02:00')).toBe('2026-11-20T05:30:00.000Z');
  });

  it('refuses an arrival time without a time zone, without a time, with anything around it, or that is no date', () => {
    for (const arrivedAt of ['2026-11-20T08:30:00', '2026-11-20', '2026-11-20T08Z', 'on 2026-11-20T08:30:00Z', '2026-11-20T08:30:00Z at Kigoma', '2026-11-20T08:30:00.Z', '2026-11-20T05:30:00.1234567891Z', '2026-13-01T08:30:00Z']) {
      expect(() => startOf(arrivedAt)).toThrow(`context.arrivedAt "${arrivedAt}" is not an ISO 8601 date-time with a time zone`);
    }
  });

  it('counts from the planning time when the SOP says so, whatever the arrival time says', () => {
    expect(startOf('20 November', DEFAULT_SOP)).toBe(NOW.toISOString());
  });

  it('refuses a planning time that is no date', () => {
    expect(() => planReferrals(DEFAULT_SOP, { profiles: [], context: context() }, new Date('never'))).toThrow('now is not a valid date');
  });
});

describe('planReferrals (properties)', () => {
  const routable = fc.array(fc.record({ profile: fc.constantFrom(...PROFILES), urgency: fc.constantFrom(...URGENCIES) }), { maxLength: 16 });
  const contexts = fc.record({
    borderPointCode: fc.constantFrom('NMG', 'KGM', 'DAR', 'KSL'),
    region: fc.option(fc.constantFrom('Arusha', 'Kigoma'), { nil: null }),
    arrivedAt: fc.constant('2026-11-20T08:30:00+03:00'),
    languages: fc.array(fc.constantFrom('sw', 'en', 'fr', 'so', 'am'), { maxLength: 3 }),
    isChild: fc.boolean(),
  });
  const withShuffle = routable.chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length })));
  const instants = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true });

  it('is deterministic, whatever the order of the profiles, and leaves its input alone', () => {
    fc.assert(
      fc.property(withShuffle, contexts, instants, ([profiles, shuffled], ctx, now) => {
        const before = JSON.stringify(profiles);
        const plan = planReferrals(DEFAULT_SOP, { profiles, context: ctx }, now);
        expect(planReferrals(DEFAULT_SOP, { profiles: shuffled, context: ctx }, now)).toEqual(plan);
        expect(JSON.stringify(profiles)).toBe(before);
      }),
    );
  });

  it('gives every routed profile exactly one LEAD, its SOP lead, and every supporting target', () => {
    fc.assert(
      fc.property(routable, contexts, instants, (profiles, ctx, now) => {
        const plan = planReferrals(DEFAULT_SOP, { profiles, context: ctx }, now);
        const held = new Set(plan.heldBack.map((h) => h.profile));
        const routed = [...new Set(profiles.map((x) => x.profile))].filter((code) => !held.has(code));
        for (const code of routed) {
          const leads = plan.referrals.filter((r) => r.profiles.some((x) => x.profile === code && x.role === 'LEAD'));
          expect(leads.map((r) => r.target)).toEqual([targetKey(DEFAULT_SOP.routing[code].lead)]);
          expect(leads[0].role).toBe('LEAD');
          for (const target of DEFAULT_SOP.routing[code].supporting) {
            expect(plan.referrals.find((r) => r.target === targetKey(target))?.profiles.map((x) => x.profile)).toContain(code);
          }
        }
        expect(new Set(plan.referrals.map((r) => r.target)).size).toBe(plan.referrals.length);
        expect(plan.referrals.flatMap((r) => r.profiles.map((x) => x.profile)).every((code) => routed.includes(code))).toBe(true);
      }),
    );
  });

  it('never sets a deadline before the clock starts, and takes the most pressing of its profiles', () => {
    fc.assert(
      fc.property(routable, contexts, instants, (profiles, ctx, now) => {
        const plan = planReferrals(DEFAULT_SOP, { profiles, context: ctx }, now);
        for (const referral of plan.referrals) {
          expect(referral.dueAt >= plan.clockStart).toBe(true);
          const dues = referral.profiles.map((x) => addDuration(now, DEFAULT_SOP.routing[x.profile].firstContact[x.urgency]).toISOString());
          expect(referral.dueAt).toBe([...dues].sort()[0]);
          const priorities = referral.profiles.map((x) => DEFAULT_SOP.routing[x.profile].priority[x.urgency]);
          expect(referral.priority).toBe([...priorities].sort()[0]);
          expect(referral.actions.every((a) => a.dueAt >= plan.clockStart)).toBe(true);
        }
        const order = plan.referrals.map((r) => `${r.priority}|${r.dueAt}`);
        expect(order).toEqual([...order].sort());
      }),
    );
  });
});

describe('mergePlannedReferrals', () => {
  // Planned in each test, not while Jest collects them: the mutation test sees which test ran what.
  let plan: ReferralPlan;
  beforeEach(() => {
    plan = planReferrals(DEFAULT_SOP, { profiles: [p('ASYLUM_SEEKER', 'HIGH'), p('TORTURE_SURVIVOR', 'NORMAL')], context: context({ borderPointCode: 'NMG', region: 'Arusha' }) }, NOW);
  });
  const target = (key: string): PlannedReferral => {
    const found = plan.referrals.find((r) => r.target === key);
    if (!found) throw new Error(`no ${key} in the plan`);
    return found;
  };

  it('keeps every target landing on one agency: the strongest role, the earliest due time, every action and profile', () => {
    const legalAid = target('NGO/LEGAL_AID');
    const rehabilitation = target('NGO/TORTURE_REHABILITATION');
    // The legal-aid target (same day, supporting) comes first in the plan: the rehabilitation lead must not be lost behind it.
    expect([legalAid.role, rehabilitation.role]).toEqual(['SUPPORTING', 'LEAD']);
    const merged = mergePlannedReferrals([legalAid, rehabilitation]);
    expect(merged).toMatchObject({ role: 'LEAD', priority: 'P2', dueAt: legalAid.dueAt, target: 'NGO/TORTURE_REHABILITATION' });
    expect(merged.profiles).toEqual([
      { profile: 'ASYLUM_SEEKER', urgency: 'HIGH', role: 'SUPPORTING' },
      { profile: 'TORTURE_SURVIVOR', urgency: 'NORMAL', role: 'LEAD' },
    ]);
    expect(merged.actions.map((a) => a.action)).toEqual(['ASYLUM_COUNSELLING', 'MEDICO_LEGAL_DOCUMENTATION']);
    expect(merged.prohibitions).toEqual(['NO_REMOVAL_WHILE_CLAIM_PENDING', 'NO_CONTACT_WITH_COUNTRY_OF_ORIGIN', 'NO_DETENTION', 'NO_REPEATED_INTERVIEWS'].filter((c) => legalAid.prohibitions.includes(c as never) || rehabilitation.prohibitions.includes(c as never)));
    expect(merged.targets).toEqual([
      { target: 'NGO/TORTURE_REHABILITATION', role: 'LEAD', profiles: ['TORTURE_SURVIVOR'], actions: ['MEDICO_LEGAL_DOCUMENTATION'] },
      { target: 'NGO/LEGAL_AID', role: 'SUPPORTING', profiles: ['ASYLUM_SEEKER', 'TORTURE_SURVIVOR'], actions: ['ASYLUM_COUNSELLING'] },
    ]);
    expect(mergePlannedReferrals([rehabilitation, legalAid])).toEqual(merged);
    expect(() => mergePlannedReferrals([])).toThrow(RangeError);
  });

  it('shares every group any part shares, and asks one consent per purpose covering every part’s groups and bases', () => {
    const legalAid: PlannedReferral = {
      ...target('NGO/LEGAL_AID'),
      fieldGroups: ['IDENTITY', 'HEALTH'],
      consent: [{ purpose: 'REFERRAL', fieldGroups: ['HEALTH'], legalBases: ['LEGAL_OBLIGATION'], automaticBasis: null }],
    };
    const rehabilitation: PlannedReferral = {
      ...target('NGO/TORTURE_REHABILITATION'),
      fieldGroups: ['IDENTITY', 'TORTURE'],
      consent: [{ purpose: 'REFERRAL', fieldGroups: ['SGBV', 'TORTURE'], legalBases: ['VITAL_INTEREST'], automaticBasis: 'VITAL_INTEREST' }],
    };
    const merged = mergePlannedReferrals([legalAid, rehabilitation]);
    expect(merged.fieldGroups).toEqual(['IDENTITY', 'HEALTH', 'TORTURE']);
    expect(merged.consent).toEqual([{ purpose: 'REFERRAL', fieldGroups: ['HEALTH', 'SGBV', 'TORTURE'], legalBases: ['LEGAL_OBLIGATION', 'VITAL_INTEREST'], automaticBasis: 'VITAL_INTEREST' }]);
    expect(mergePlannedReferrals([legalAid, { ...rehabilitation, consent: [{ ...rehabilitation.consent[0], automaticBasis: null }] }]).consent[0].automaticBasis).toBeNull();
  });

  it('is the part itself for one target, and keeps every reason of any set of targets, whatever their order (properties)', () => {
    const parts = fc.subarray(plan.referrals, { minLength: 1 }).chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length })));
    expect(mergePlannedReferrals([legalAidOf(plan.referrals)])).toMatchObject({ ...legalAidOf(plan.referrals), targets: [expect.objectContaining({ target: 'NGO/LEGAL_AID' })] });
    fc.assert(
      fc.property(parts, ([chosen, shuffled]) => {
        const merged = mergePlannedReferrals(chosen);
        expect(mergePlannedReferrals(shuffled)).toEqual(merged);
        expect(merged.targets.map((t) => t.target).sort()).toEqual(chosen.map((c) => c.target).sort());
        expect(merged.role).toBe(chosen.some((c) => c.role === 'LEAD') ? 'LEAD' : 'SUPPORTING');
        expect(merged.dueAt).toBe(chosen.map((c) => c.dueAt).sort()[0]);
        expect(merged.priority).toBe(chosen.map((c) => c.priority).sort()[0]);
        for (const part of chosen) {
          for (const a of part.actions) {
            const kept = merged.actions.find((m) => m.action === a.action);
            expect(kept && kept.dueAt <= a.dueAt && a.profiles.every((x) => kept.profiles.includes(x))).toBe(true);
          }
          for (const x of part.profiles) expect(merged.profiles.find((m) => m.profile === x.profile)?.role === 'LEAD' || x.role === 'SUPPORTING').toBe(true);
        }
        expect(new Set(merged.actions.map((a) => a.action)).size).toBe(merged.actions.length);
      }),
    );
  });
});

describe('mergePlannedReferrals: shared actions and separate consent', () => {
  const childProtection = (): PlannedReferral => {
    const plan = planReferrals(DEFAULT_SOP, { profiles: [p('UNACCOMPANIED_CHILD', 'IMMEDIATE')], context: context({ isChild: true }) }, NOW);
    return plan.referrals.find((r) => r.target === 'CHILD_PROTECTION') as PlannedReferral;
  };
  const later = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();

  it('lists an action two targets ask once, at its earliest due time, for every profile that asks it', () => {
    const lead = childProtection();
    const other: PlannedReferral = {
      ...lead,
      target: 'CHILD_PROTECTION/OTHER',
      role: 'SUPPORTING',
      profiles: [{ profile: 'SEPARATED_CHILD', urgency: 'HIGH', role: 'SUPPORTING' }],
      actions: lead.actions.map((a, i) => ({ ...a, dueAt: i === 0 ? later(a.dueAt, -1) : later(a.dueAt, 1), profiles: ['SEPARATED_CHILD'] })),
      separateConsent: lead.separateConsent.map((c) => ({ ...c, actions: ['APPOINT_GUARDIAN'] })),
    };
    const merged = mergePlannedReferrals([other, lead]);
    expect(merged.actions.map((a) => a.action).sort()).toEqual(lead.actions.map((a) => a.action).sort());
    const first = lead.actions[0];
    expect(merged.actions.find((a) => a.action === first.action)).toMatchObject({ dueAt: later(first.dueAt, -1), profiles: ['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD'] });
    for (const action of lead.actions.slice(1)) expect(merged.actions.find((a) => a.action === action.action)?.dueAt).toBe(action.dueAt);
    expect(merged.separateConsent.map((c) => [c.purpose, c.actions])).toEqual([['FAMILY_TRACING', ['START_FAMILY_TRACING', 'APPOINT_GUARDIAN']]]);
    expect(merged.profiles).toEqual([
      { profile: 'UNACCOMPANIED_CHILD', urgency: 'IMMEDIATE', role: 'LEAD' },
      { profile: 'SEPARATED_CHILD', urgency: 'HIGH', role: 'SUPPORTING' },
    ]);
    expect(merged.target).toBe('CHILD_PROTECTION');
  });
});

const legalAidOf = (referrals: readonly PlannedReferral[]): PlannedReferral => referrals.find((r) => r.target === 'NGO/LEGAL_AID') as PlannedReferral;

describe('named deadlines', () => {
  const at = new Date('2026-11-20T05:30:00Z');

  it('firstContactDue: the SOP\'s firstContact for the profile and urgency after the clock start', () => {
    expect(firstContactDue(DEFAULT_SOP, 'ASYLUM_SEEKER', 'NORMAL', at).toISOString()).toBe('2026-11-20T13:30:00.000Z');
    const sop = defaultWith((d) => setAt(d, 'routing.ASYLUM_SEEKER.firstContact.NORMAL', 'PT12H'));
    expect(firstContactDue(sop, 'ASYLUM_SEEKER', 'NORMAL', at).toISOString()).toBe('2026-11-20T17:30:00.000Z');
  });

  it('borderPointTaskDue: the SOP\'s borderPointTasks duration after the task is made', () => {
    expect(borderPointTaskDue(DEFAULT_SOP, 'completeIntake', at).toISOString()).toBe('2026-11-23T05:30:00.000Z');
    expect(borderPointTaskDue(DEFAULT_SOP, 'obtainConsent', at).toISOString()).toBe('2026-11-21T05:30:00.000Z');
    const sop = defaultWith((d) => setAt(d, 'borderPointTasks', { completeIntake: 'PT10H', obtainConsent: 'PT5H' }));
    expect(borderPointTaskDue(sop, 'completeIntake', at).toISOString()).toBe('2026-11-20T15:30:00.000Z');
    expect(borderPointTaskDue(sop, 'obtainConsent', at).toISOString()).toBe('2026-11-20T10:30:00.000Z');
  });
});

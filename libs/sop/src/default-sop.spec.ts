import { DEFAULT_RULE_SET_DOCUMENT, PROFILES, ProfileCode, URGENCIES, Urgency } from '@kivuko/profiling';
import { DEFAULT_SOP, DEFAULT_SOP_DOCUMENT, defaultSopJson } from './default-sop';
import { planReferrals } from './referral-plan';
import { DEMO_AGENCIES } from './samples';
import { validateSop } from './validation/sop-validator';
import { targetKey } from './validation/routing-reader';
import { Priority } from './vocabulary';

const NOW = new Date('2026-11-20T06:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Route {
  lead: string;
  supporting: string[];
  /** First contact for IMMEDIATE, HIGH, NORMAL. */
  within: [number, number, number];
  priority: [Priority, Priority, Priority];
}

const ASYLUM: Route = {
  lead: 'ASYLUM_AUTHORITY',
  supporting: ['INTERNATIONAL_ORGANIZATION/LEGAL_AID', 'NGO/LEGAL_AID'],
  within: [8 * HOUR, 8 * HOUR, 8 * HOUR],
  priority: ['P1', 'P2', 'P2'],
};
const CHILD: Route = {
  lead: 'CHILD_PROTECTION',
  supporting: ['INTERNATIONAL_ORGANIZATION/LEGAL_AID', 'ASYLUM_AUTHORITY'],
  within: [DAY, DAY, DAY],
  priority: ['P1', 'P2', 'P2'],
};

/** The domain guide's default joint SOP, as this library encodes it ("same day" = 8 hours). */
const EXPECTED: Record<ProfileCode, Route> = {
  ASYLUM_SEEKER: ASYLUM,
  PRIMA_FACIE_REFUGEE: ASYLUM,
  UNACCOMPANIED_CHILD: CHILD,
  SEPARATED_CHILD: CHILD,
  CHILD_AT_RISK: { lead: 'CHILD_PROTECTION', supporting: ['HEALTH', 'NGO/PSYCHOSOCIAL'], within: [DAY, DAY, 3 * DAY], priority: ['P1', 'P2', 'P3'] },
  TRAFFICKING_VICTIM: {
    lead: 'ANTI_TRAFFICKING',
    supporting: ['INTERNATIONAL_ORGANIZATION/VOLUNTARY_RETURN', 'NGO/SAFE_SHELTER', 'HEALTH'],
    within: [DAY, DAY, DAY],
    priority: ['P1', 'P2', 'P2'],
  },
  SMUGGLED_MIGRANT_ABUSED: { lead: 'NGO/PSYCHOSOCIAL', supporting: ['HEALTH'], within: [8 * HOUR, 8 * HOUR, 3 * DAY], priority: ['P1', 'P2', 'P3'] },
  TORTURE_SURVIVOR: { lead: 'NGO/TORTURE_REHABILITATION', supporting: ['ASYLUM_AUTHORITY', 'NGO/LEGAL_AID'], within: [HOUR, 3 * DAY, 3 * DAY], priority: ['P1', 'P3', 'P3'] },
  SGBV_SURVIVOR: {
    lead: 'NGO/GBV_CASE_MANAGEMENT',
    supporting: ['HEALTH', 'NGO/SAFE_SHELTER', 'NGO/LEGAL_AID'],
    within: [HOUR, DAY, DAY],
    priority: ['P1', 'P2', 'P2'],
  },
  MEDICAL_EMERGENCY: { lead: 'HEALTH', supporting: [], within: [HOUR, HOUR, HOUR], priority: ['P1', 'P1', 'P1'] },
  SPECIFIC_NEEDS: { lead: 'NGO/PSYCHOSOCIAL', supporting: ['HEALTH'], within: [3 * DAY, 3 * DAY, 3 * DAY], priority: ['P2', 'P3', 'P3'] },
  STRANDED_MIGRANT_RETURN: { lead: 'INTERNATIONAL_ORGANIZATION/VOLUNTARY_RETURN', supporting: [], within: [3 * DAY, 3 * DAY, 3 * DAY], priority: ['P2', 'P3', 'P3'] },
  MIGRANT: { lead: 'IMMIGRATION', supporting: ['INTERNATIONAL_ORGANIZATION/VOLUNTARY_RETURN'], within: [7 * DAY, 7 * DAY, 7 * DAY], priority: ['P2', 'P4', 'P4'] },
};

function planFor(profile: ProfileCode, urgency: Urgency, isChild = false) {
  return planReferrals(
    DEFAULT_SOP,
    { profiles: [{ profile, urgency }], context: { borderPointCode: 'NMG', region: 'Arusha', arrivedAt: '2026-11-20T08:30:00+03:00', languages: [], isChild } },
    NOW,
  );
}

describe('the default SOP', () => {
  const table = PROFILES.flatMap((profile) => URGENCIES.map((urgency, i) => [profile, urgency, i] as const));

  it.each(table)('routes %s (%s) to the expected agency kinds with the expected deadlines', (profile, urgency, i) => {
    const expected = EXPECTED[profile];
    const plan = planFor(profile, urgency);
    expect(plan.heldBack).toEqual([]);
    expect(plan.referrals.filter((r) => r.role === 'LEAD').map((r) => r.target)).toEqual([expected.lead]);
    expect(plan.referrals.filter((r) => r.role === 'SUPPORTING').map((r) => r.target).sort()).toEqual([...expected.supporting].sort());
    const due = new Date(NOW.getTime() + expected.within[i]).toISOString();
    for (const referral of plan.referrals) {
      expect([referral.target, referral.dueAt, referral.priority]).toEqual([referral.target, due, expected.priority[i]]);
      expect(referral.profiles).toEqual([{ profile, urgency, role: referral.role }]);
    }
  });

  it('has a route for every profile and nothing else', () => {
    expect(Object.keys(DEFAULT_SOP.routing)).toEqual([...PROFILES]);
    expect(Object.keys(EXPECTED).sort()).toEqual([...PROFILES].sort());
  });

  it('starts a 30-day reflection period within 24 hours for a trafficking victim', () => {
    const lead = planFor('TRAFFICKING_VICTIM', 'IMMEDIATE').referrals.find((r) => r.role === 'LEAD');
    expect(lead?.actions.find((a) => a.action === 'START_REFLECTION_PERIOD')).toEqual({
      action: 'START_REFLECTION_PERIOD',
      dueAt: '2026-11-21T06:00:00.000Z',
      profiles: ['TRAFFICKING_VICTIM'],
      period: 'P30D',
    });
  });

  it('appoints a guardian within 24 hours and traces family only under the family-tracing purpose', () => {
    const lead = planFor('UNACCOMPANIED_CHILD', 'IMMEDIATE', true).referrals.find((r) => r.role === 'LEAD');
    expect(lead?.actions.map((a) => [a.action, a.dueAt])).toEqual([
      ['APPOINT_GUARDIAN', '2026-11-21T06:00:00.000Z'],
      ['ARRANGE_INTERIM_CARE', '2026-11-21T06:00:00.000Z'],
      ['OPEN_BEST_INTERESTS_ASSESSMENT', '2026-11-23T06:00:00.000Z'],
      ['START_FAMILY_TRACING', '2026-11-27T06:00:00.000Z'],
    ]);
    // The referral itself stands on the child-protection mandate; family tracing asks its own consent, which holds only the tracing.
    expect(lead?.consent).toEqual([{ purpose: 'REFERRAL', fieldGroups: ['SGBV'], legalBases: ['CHILD_BEST_INTERESTS', 'LEGAL_OBLIGATION', 'CHILD_PROTECTION_MANDATE'], automaticBasis: 'CHILD_PROTECTION_MANDATE' }]);
    expect(lead?.separateConsent).toEqual([{ purpose: 'FAMILY_TRACING', fieldGroups: [], legalBases: ['CHILD_BEST_INTERESTS'], automaticBasis: null, actions: ['START_FAMILY_TRACING'] }]);
    expect(lead?.prohibitions).toEqual(['NO_DETENTION', 'NO_RETURN_WITHOUT_BID', 'NO_ROUTINE_AGE_ASSESSMENT', 'NO_TRACING_THAT_ENDANGERS']);
  });

  it('carries the default profiling rule set and keeps every safeguard on', () => {
    expect(DEFAULT_SOP_DOCUMENT['profiling']).toBe(DEFAULT_RULE_SET_DOCUMENT);
    expect(Object.values(DEFAULT_SOP.safeguards).every((s) => s.enabled)).toBe(true);
  });

  it('names only targets some demo agency can serve, and a coordinating body that is a demo agency', () => {
    const targets = new Set(PROFILES.flatMap((p) => [DEFAULT_SOP.routing[p].lead, ...DEFAULT_SOP.routing[p].supporting]));
    for (const target of targets) {
      const serving = DEMO_AGENCIES.filter((a) => a.kind === target.kind && (!target.service || a.services.includes(target.service)));
      expect([targetKey(target), serving.length > 0]).toEqual([targetKey(target), true]);
    }
    expect(DEMO_AGENCIES.map((a) => a.name)).toContain(DEFAULT_SOP.escalation.coordinatingBody);
    for (const name of DEFAULT_SOP.signatories) expect(DEMO_AGENCIES.map((a) => a.name)).toContain(name);
  });

  it('is available as JSON text an author can start from', () => {
    const text = defaultSopJson();
    expect(text.endsWith('}\n')).toBe(true);
    expect(validateSop(JSON.parse(text)).ok).toBe(true);
  });
});

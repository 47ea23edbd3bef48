import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { groupChanges, pathParts, readDuration } from './diff-format';
import { describePath } from './path-messages';
import { jsonFault, jsonSpans, lineOf, locatePath } from './json-locate';
import { changedProfileRoutes, groupRecentChanges, profileRoutes, unroutedReferrals } from './simulation-routes';
import type { CaseSimulation, RecentCaseSimulation, SimulatedOutcome, SopChange } from './sop-api';

const DOC = JSON.stringify(
  {
    version: 'tza-2027.1',
    signatories: ['Border Management Service', 'Tumaini Shelter'],
    routing: { TRAFFICKING_VICTIM: { firstContact: { HIGH: 'PT8H', NORMAL: 'P1D' } } },
    escalation: { steps: [{ after: 'PT4H' }, { after: 'PT8H' }] },
  },
  null,
  2,
);

describe('locating a validator path in the editor text', () => {
  it('finds the exact value a path names', () => {
    const span = locatePath(DOC, 'routing.TRAFFICKING_VICTIM.firstContact.HIGH');
    expect(span && DOC.slice(span.start, span.end)).toBe('"PT8H"');
    const step = locatePath(DOC, 'escalation.steps[1].after');
    expect(step && DOC.slice(step.start, step.end)).toBe('"PT8H"');
    expect(step && lineOf(DOC, step.start)).toBe(DOC.slice(0, DOC.lastIndexOf('"PT8H"')).split('\n').length);
    const item = locatePath(DOC, 'signatories[1]');
    expect(item && DOC.slice(item.start, item.end)).toBe('"Tumaini Shelter"');
  });

  it('falls back to the nearest enclosing value for a missing field, and to the whole document', () => {
    const span = locatePath(DOC, 'routing.TRAFFICKING_VICTIM.firstContact.IMMEDIATE');
    expect(span && DOC.slice(span.start, span.end)).toBe('{\n        "HIGH": "PT8H",\n        "NORMAL": "P1D"\n      }');
    const root = locatePath(DOC, 'effectiveFrom');
    expect(root).toEqual({ start: 0, end: DOC.length });
    expect(locatePath(DOC, '(sop)')).toEqual({ start: 0, end: DOC.length });
  });

  it('keeps what was read before a syntax fault', () => {
    const broken = '{ "version": "x", "routing": { "A": 1, }';
    const spans = jsonSpans(broken);
    expect(spans.get('version')).toEqual({ start: 13, end: 16 });
    expect(spans.has('(sop)')).toBe(false);
  });

  it('says where a text stops being JSON', () => {
    const text = '{ "version": "x",\n  "routing": }';
    expect(jsonFault(text)).toBe(text.indexOf('}', 20));
    expect(lineOf(text, jsonFault(text) ?? 0)).toBe(2);
    expect(jsonFault('{ "a": [1, 2] }')).toBeNull();
    expect(jsonFault('{ "a": 1 } x')).toBe(11);
    expect(jsonFault(DOC)).toBeNull();
  });
});

describe('the diff', () => {
  it('groups changes by section in order of appearance', () => {
    const change = (section: string, path: string): SopChange => ({ section, path, change: 'CHANGED', before: 1, after: 2, description: '' });
    const groups = groupChanges([change('routing', 'routing.A'), change('version', 'version'), change('routing', 'routing.B')]);
    expect(groups.map(([name, list]) => [name, list.map((c) => c.path)])).toEqual([
      ['routing', ['routing.A', 'routing.B']],
      ['version', ['version']],
    ]);
  });

  it('reads day and hour durations only', () => {
    expect(readDuration('PT8H')).toEqual({ days: 0, hours: 8 });
    expect(readDuration('P3D')).toEqual({ days: 3, hours: 0 });
    expect(readDuration('P1DT12H')).toEqual({ days: 1, hours: 12 });
    expect(readDuration('P')).toBeNull();
    expect(readDuration('PT')).toBeNull();
    expect(readDuration('PT30M')).toBeNull();
    expect(readDuration('Kigoma')).toBeNull();
  });
});

describe('the simulation per profile', () => {
  const outcome = (referrals: SimulatedOutcome['referrals'], profiles: string[]): SimulatedOutcome => ({
    sopVersion: 'v',
    profiles: profiles.map((profile) => ({ profile, urgency: 'HIGH' })),
    withheld: [],
    heldBack: [],
    referrals,
  });
  const referral = (agency: string | null, role: 'LEAD' | 'SUPPORTING', profiles: string[], firstContact: string) => ({
    target: 'X',
    agencyKind: 'NGO',
    service: null,
    role,
    profiles: profiles.map((profile) => ({ profile, urgency: 'HIGH', role, firstContact })),
    priority: 'P1',
    dueAt: '2026-12-08T08:00:00Z',
    agency,
    alert: null,
  });

  it('lists, per profile, the agencies under both versions, the lead first, and marks what differs', () => {
    const sample: CaseSimulation = {
      code: null,
      name: 'Sample',
      draft: outcome(
        [referral('Tumaini Shelter', 'SUPPORTING', ['SGBV_SURVIVOR'], 'PT24H'), referral('Anti-Trafficking Secretariat', 'LEAD', ['TRAFFICKING_VICTIM', 'SGBV_SURVIVOR'], 'PT12H')],
        ['TRAFFICKING_VICTIM', 'SGBV_SURVIVOR'],
      ),
      active: outcome(
        [referral('Anti-Trafficking Secretariat', 'LEAD', ['TRAFFICKING_VICTIM', 'SGBV_SURVIVOR'], 'PT24H'), referral('Tumaini Shelter', 'SUPPORTING', ['SGBV_SURVIVOR'], 'PT24H')],
        ['TRAFFICKING_VICTIM', 'SGBV_SURVIVOR', 'MIGRANT'],
      ),
      differences: [{ path: 'x', change: 'CHANGED' }],
    };
    const rows = profileRoutes(sample);
    expect(rows.map((r) => r.profile)).toEqual(['TRAFFICKING_VICTIM', 'SGBV_SURVIVOR', 'MIGRANT']);
    expect(rows[1]?.draft.map((r) => [r.agency, r.role])).toEqual([
      ['Anti-Trafficking Secretariat', 'LEAD'],
      ['Tumaini Shelter', 'SUPPORTING'],
    ]);
    // The lead's first contact moved from 24 to 12 hours: both profiles it serves differ; MIGRANT is found by the active rules only.
    expect(rows.map((r) => r.differs)).toEqual([true, true, true]);
    expect(rows[2]).toMatchObject({ draft: [], active: [], inDraft: false, inActive: true });
  });

  it('differs nowhere when the versions agree, and says there is no active version', () => {
    const same = outcome([referral(null, 'LEAD', ['MIGRANT'], 'PT24H')], ['MIGRANT']);
    expect(profileRoutes({ code: null, name: 's', draft: same, active: same, differences: [] })).toEqual([
      {
        profile: 'MIGRANT',
        active: [{ agency: null, role: 'LEAD', firstContact: 'PT24H' }],
        draft: [{ agency: null, role: 'LEAD', firstContact: 'PT24H' }],
        inActive: true,
        inDraft: true,
        differs: false,
      },
    ]);
    expect(profileRoutes({ code: null, name: 's', draft: same, active: null, differences: [] })[0]).toMatchObject({ active: null, differs: false });
  });

  it('counts the referrals that find no agency, and those that find none under the active version either', () => {
    const draft = outcome([referral(null, 'LEAD', ['MIGRANT'], 'PT24H'), { ...referral(null, 'SUPPORTING', ['MIGRANT'], 'PT24H'), agencyKind: 'HEALTH' }], ['MIGRANT']);
    const active = outcome([referral(null, 'LEAD', ['MIGRANT'], 'PT24H'), { ...referral('Regional Hospital', 'SUPPORTING', ['MIGRANT'], 'PT24H'), agencyKind: 'HEALTH' }], ['MIGRANT']);
    expect(unroutedReferrals({ code: null, name: 's', draft, active, differences: [] })).toEqual({ total: 2, alsoInActive: 1 });
    expect(unroutedReferrals({ code: null, name: 's', draft, active: null, differences: [] })).toEqual({ total: 2, alsoInActive: 0 });
    expect(unroutedReferrals({ code: null, name: 's', draft: active, active: draft, differences: [] })).toEqual({ total: 1, alsoInActive: 1 });
  });
});

describe('the recent cases that change', () => {
  it('lists the changed profiles of a case with their routes under both versions', () => {
    const route = (profile: string, agency: string | null, firstContact = 'PT24H') => ({ profile, role: 'LEAD' as const, agencyKind: 'NGO', service: null, agency, firstContact });
    const rows = changedProfileRoutes({
      caseNumber: 'TZA-KGM-2026-000001',
      borderPointCode: 'KGM',
      ageBand: 'FROM_18_TO_59',
      active: { profiles: [{ profile: 'TRAFFICKING_VICTIM', urgency: 'HIGH' }, { profile: 'MIGRANT', urgency: 'NORMAL' }], routes: [route('TRAFFICKING_VICTIM', 'Anti-Trafficking Secretariat'), route('MIGRANT', 'Migration Agency')] },
      draft: { profiles: [{ profile: 'TRAFFICKING_VICTIM', urgency: 'HIGH' }, { profile: 'MIGRANT', urgency: 'NORMAL' }], routes: [route('TRAFFICKING_VICTIM', 'Child Protection Service', 'PT12H'), route('MIGRANT', 'Migration Agency')] },
      changedProfiles: ['TRAFFICKING_VICTIM'],
      changed: true,
    });
    expect(rows).toEqual([
      {
        profile: 'TRAFFICKING_VICTIM',
        active: [{ agency: 'Anti-Trafficking Secretariat', role: 'LEAD', firstContact: 'PT24H' }],
        draft: [{ agency: 'Child Protection Service', role: 'LEAD', firstContact: 'PT12H' }],
        inActive: true,
        inDraft: true,
        differs: true,
      },
    ]);
  });
});

describe('grouping the recent cases that change alike', () => {
  const route = (profile: string, agency: string | null, agencyKind: string) => ({ profile, role: 'LEAD' as const, agencyKind, service: null, agency, firstContact: 'PT24H' });
  const outcome = (agency: string | null, agencyKind: string) => ({ profiles: [{ profile: 'TRAFFICKING_VICTIM', urgency: 'HIGH' }], routes: [route('TRAFFICKING_VICTIM', agency, agencyKind)] });
  const recent = (caseNumber: string, draftAgency: string | null, changed = true): RecentCaseSimulation => ({
    caseNumber,
    borderPointCode: 'KGM',
    ageBand: 'FROM_18_TO_59',
    active: outcome('Anti-Trafficking Secretariat', 'ANTI_TRAFFICKING'),
    draft: changed ? outcome(draftAgency, 'CHILD_PROTECTION') : outcome('Anti-Trafficking Secretariat', 'ANTI_TRAFFICKING'),
    changedProfiles: changed ? ['TRAFFICKING_VICTIM'] : [],
    changed,
  });

  it('puts identical changes in one group, the largest first, with the lead before and after', () => {
    const groups = groupRecentChanges([recent('C-1', null), recent('C-2', 'Child Protection Service'), recent('C-3', 'Child Protection Service'), recent('C-4', 'x', false)]);
    expect(groups.map((g) => g.cases.map((c) => c.caseNumber))).toEqual([['C-2', 'C-3'], ['C-1']]);
    expect(groups[0]?.lead).toEqual({ from: 'Anti-Trafficking Secretariat', to: 'Child Protection Service', toKind: 'CHILD_PROTECTION' });
    expect(groups[1]?.lead).toEqual({ from: 'Anti-Trafficking Secretariat', to: null, toKind: 'CHILD_PROTECTION' });
    expect(groups[0]?.rows).toHaveLength(1);
    expect(groupRecentChanges([recent('C-5', 'x', false)])).toEqual([]);
  });
});

describe('a change path in words', () => {
  const intl = createIntl({ locale: 'en', defaultLocale: 'en', messages: {} });

  it('splits a path at dots and list positions', () => {
    expect(pathParts('routing.ASYLUM_SEEKER.supporting[0].actions[1].within')).toEqual(['routing', 'ASYLUM_SEEKER', 'supporting', '0', 'actions', '1', 'within']);
    expect(pathParts('dataSharing.recipients[HEALTH]')).toEqual(['dataSharing', 'recipients', 'HEALTH']);
  });

  it('names sections, fields, profiles, urgencies and list positions, and keeps what it does not know', () => {
    expect(describePath(intl, 'routing.ASYLUM_SEEKER.firstContact.HIGH')).toBe('Routing · Asylum-seeker · First contact · High');
    expect(describePath(intl, 'routing.TRAFFICKING_VICTIM.supporting[0].kind')).toBe('Routing · Victim of trafficking · Supporting agencies · No. 1 · Kind of agency');
    expect(describePath(intl, 'escalation.steps[1].after')).toBe('Escalation · Steps · No. 2 · After');
    expect(describePath(intl, 'dataSharing.recipients[HEALTH].someNewField')).toBe('Data sharing · recipients · Health · someNewField');
  });
});

import { CaseFacts } from '@kivuko/profiling';
import { DEFAULT_SOP, DEFAULT_SOP_DOCUMENT, DEMO_AGENCIES, loadSop, Sop } from '@kivuko/sop';
import { ageBandOf, RECENT_CASE_KEYS, RecentCaseInput, simulateRecentCase, summariseByProfile } from './recent-simulation';

const NOW = new Date('2026-11-20T06:00:00Z');

/** The default SOP with one change made to its document. */
function defaultWith(change: (routing: Record<string, Record<string, unknown>>) => void): Sop {
  const doc = JSON.parse(JSON.stringify(DEFAULT_SOP_DOCUMENT)) as { version: string; routing: Record<string, Record<string, unknown>> };
  doc.version = 'tza-joint-sop-2026.2';
  change(doc.routing);
  return loadSop(doc);
}

/** A woman whose employer holds her documents and controls her movement: a presumed trafficking victim. */
const trafficked = (caseNumber: string): RecentCaseInput => ({
  caseNumber,
  borderPointCode: 'KGM',
  region: 'Kigoma',
  languages: ['rw', 'sw'],
  facts: {
    person: { sex: 'FEMALE', dateOfBirth: '2001-03-09', nationalities: ['RWA'], documentsHeldByOther: true },
    arrival: { arrivedAt: '2026-11-19T08:30:00+03:00', mode: 'LAND', how: 'IRREGULAR_CROSSING' },
    answers: { movement_controlled: true, debt_bondage: true, deceived_about_job: true, other_notes: 'Mukamana told the officer about the farm in Kasulu' },
  } as CaseFacts,
});

/** A labour migrant with no protection flag. */
const labourer = (caseNumber: string): RecentCaseInput => ({
  caseNumber,
  borderPointCode: 'NMG',
  region: 'Arusha',
  languages: ['ny', 'en'],
  facts: {
    person: { sex: 'MALE', dateOfBirth: '1995-08-01', nationalities: ['MWI'] },
    arrival: { arrivedAt: '2026-11-19T10:00:00+03:00', mode: 'LAND', how: 'REGULAR_CROSSING' },
    answers: { reasons_for_leaving: ['WORK'], fear_of_return: false },
  },
});

describe('simulateRecentCase', () => {
  it('answers only the case number, the border point, profiles and routes: no name, date of birth, answer or free text', () => {
    const result = simulateRecentCase(DEFAULT_SOP, DEFAULT_SOP, trafficked('TZA-KGM-2026-000041'), DEMO_AGENCIES, NOW);
    expect(Object.keys(result).sort()).toEqual([...RECENT_CASE_KEYS].sort());
    for (const outcome of [result.active, result.draft]) {
      expect(Object.keys(outcome ?? {}).sort()).toEqual(['profiles', 'routes']);
      for (const p of outcome?.profiles ?? []) expect(Object.keys(p).sort()).toEqual(['profile', 'urgency']);
      for (const r of outcome?.routes ?? []) expect(Object.keys(r).sort()).toEqual(['agency', 'agencyKind', 'firstContact', 'profile', 'role', 'service']);
    }
    const text = JSON.stringify(result);
    for (const personal of ['2001-03-09', 'Mukamana', 'Kasulu', 'RWA', 'movement_controlled', '2026-11-19', 'rw']) expect(text).not.toContain(personal);
    expect(result).toMatchObject({ caseNumber: 'TZA-KGM-2026-000041', borderPointCode: 'KGM', ageBand: 'FROM_18_TO_59', changed: false, changedProfiles: [] });
    // Deadlines as durations, never as times.
    expect(result.draft.routes.find((r) => r.profile === 'TRAFFICKING_VICTIM' && r.role === 'LEAD')).toEqual({
      profile: 'TRAFFICKING_VICTIM',
      role: 'LEAD',
      agencyKind: 'ANTI_TRAFFICKING',
      service: null,
      agency: 'Anti-Trafficking Secretariat',
      firstContact: 'PT24H',
    });
  });

  it('shows a draft that routes a profile to another agency, and counts it per profile', () => {
    // Trafficking victims led by the child protection service instead of the anti-trafficking secretariat.
    const draft = defaultWith((routing) => {
      (routing['TRAFFICKING_VICTIM'] as { lead: Record<string, unknown> }).lead = { kind: 'CHILD_PROTECTION' };
    });
    const cases = [trafficked('C-1'), trafficked('C-2'), labourer('C-3')].map((input) => simulateRecentCase(draft, DEFAULT_SOP, input, DEMO_AGENCIES, NOW));
    expect(cases.map((c) => c.changed)).toEqual([true, true, false]);
    expect(cases[0].changedProfiles).toEqual(['TRAFFICKING_VICTIM']);
    const lead = (outcome: { routes: { profile: string; role: string; agency: string | null }[] } | null) =>
      outcome?.routes.find((r) => r.profile === 'TRAFFICKING_VICTIM' && r.role === 'LEAD')?.agency;
    expect(lead(cases[0].active)).toBe('Anti-Trafficking Secretariat');
    expect(lead(cases[0].draft)).toBe('Child Protection Service');

    const summary = summariseByProfile(cases);
    expect(summary.find((s) => s.profile === 'TRAFFICKING_VICTIM')).toEqual({ profile: 'TRAFFICKING_VICTIM', cases: 2, changed: 2, unchanged: 0, agencyChanged: 2 });
    expect(summary.find((s) => s.profile === 'MIGRANT')).toEqual({ profile: 'MIGRANT', cases: 1, changed: 0, unchanged: 1, agencyChanged: 0 });
    for (const s of summary) expect(s.changed + s.unchanged).toBe(s.cases);
  });

  it('counts a shorter deadline as a change, but not as a change of agency', () => {
    const draft = defaultWith((routing) => {
      routing['TRAFFICKING_VICTIM']['firstContact'] = { IMMEDIATE: 'PT12H', HIGH: 'PT12H', NORMAL: 'PT12H' };
    });
    const result = simulateRecentCase(draft, DEFAULT_SOP, trafficked('C-4'), DEMO_AGENCIES, NOW);
    expect(result.changedProfiles).toEqual(['TRAFFICKING_VICTIM']);
    expect(summariseByProfile([result]).find((s) => s.profile === 'TRAFFICKING_VICTIM')).toMatchObject({ changed: 1, agencyChanged: 0 });
  });

  it('changes nothing without an active version to compare with', () => {
    const result = simulateRecentCase(DEFAULT_SOP, null, trafficked('C-5'), DEMO_AGENCIES, NOW);
    expect(result).toMatchObject({ active: null, changed: false, changedProfiles: [] });
    expect(summariseByProfile([result]).every((s) => s.changed === 0 && s.unchanged === s.cases)).toBe(true);
  });
});

describe('ageBandOf', () => {
  const withPerson = (person: Partial<CaseFacts['person']>, extra: Partial<CaseFacts> = {}): CaseFacts => ({
    person: { sex: 'FEMALE', nationalities: ['COD'], ...person },
    arrival: { arrivedAt: '2026-11-19T08:30:00+03:00', mode: 'LAND' },
    ...extra,
  });

  it('gives the age at arrival as a band, never the age or the date', () => {
    expect(ageBandOf(withPerson({ dateOfBirth: '2016-01-10' }))).toBe('UNDER_12');
    expect(ageBandOf(withPerson({ dateOfBirth: '2009-11-20' }))).toBe('FROM_12_TO_17');
    // Eighteen on the day after arrival: still a child when she arrived.
    expect(ageBandOf(withPerson({ dateOfBirth: '2008-11-20' }))).toBe('FROM_12_TO_17');
    expect(ageBandOf(withPerson({ dateOfBirth: '2008-11-19' }))).toBe('FROM_18_TO_59');
    expect(ageBandOf(withPerson({ statedAge: 64 }))).toBe('FROM_60');
  });

  it('keeps the lower age and the presumption of minority', () => {
    expect(ageBandOf(withPerson({ dateOfBirth: '1990-01-01', statedAge: 16 }))).toBe('FROM_12_TO_17');
    expect(ageBandOf(withPerson({}, { urgentNeeds: ['UNACCOMPANIED_CHILD'] }))).toBe('CHILD');
    expect(ageBandOf(withPerson({}))).toBe('UNKNOWN');
    // An age assessment's lowest age counts.
    expect(ageBandOf(withPerson({ statedAge: 15 }, { assessments: { age: { minAge: 19, maxAge: 23 } } }))).toBe('FROM_18_TO_59');
  });
});

import { DEFAULT_SOP } from './default-sop';
import { BUILT_IN_SAMPLES, DEMO_AGENCIES } from './samples';
import { simulateSop } from './simulation';
import { defaultWith, getAt, setAt } from './testing/documents';

const NOW = new Date('2026-11-20T06:00:00Z');
const sample = (start: string) => {
  const found = BUILT_IN_SAMPLES.find((s) => s.name.startsWith(start));
  if (!found) throw new Error(`no sample ${start}`);
  return found;
};

describe('simulateSop', () => {
  it('reports profiles, referrals, deadlines, agencies and data shared for each sample', () => {
    const simulation = simulateSop(DEFAULT_SOP, null, [sample('16-year-old girl')], DEMO_AGENCIES, NOW);
    const [girl] = simulation.cases;
    expect(girl.active).toBeNull();
    expect(girl.differences).toEqual([]);
    expect(girl.draft.profiles).toEqual([
      { profile: 'ASYLUM_SEEKER', urgency: 'HIGH' },
      { profile: 'UNACCOMPANIED_CHILD', urgency: 'IMMEDIATE' },
      { profile: 'TRAFFICKING_VICTIM', urgency: 'IMMEDIATE' },
    ]);
    const lead = girl.draft.referrals.find((r) => r.target === 'ANTI_TRAFFICKING');
    expect(lead).toMatchObject({ agency: 'Anti-Trafficking Secretariat', priority: 'P1', dueAt: '2026-11-21T06:00:00.000Z', fieldGroups: ['IDENTITY', 'CONTACT', 'ARRIVAL', 'NEEDS', 'CHILD', 'TRAFFICKING', 'HEALTH'] });
    // No hospital covers the airport in the demo: the coordinating body hears of it.
    expect(girl.draft.referrals.find((r) => r.target === 'HEALTH')).toMatchObject({ agency: null, alert: 'Refugee Agency alerted: no HEALTH at DAR is left to refer to' });
    expect(simulation.summary).toEqual({ cases: 1, casesThatDiffer: 0, draftReferrals: 8, activeReferrals: null, draftWithoutAgency: 2 });
    expect(girl.draft.referrals.filter((r) => r.agency === null).map((r) => r.target)).toEqual(['HEALTH', 'NGO/SAFE_SHELTER']);
  });

  it('shows what a draft changes compared with the active SOP, case by case', () => {
    const draft = defaultWith((d) => {
      setAt(d, 'version', 'tza-joint-sop-2026.2');
      setAt(d, 'routing.TRAFFICKING_VICTIM.firstContact', { IMMEDIATE: 'PT12H', HIGH: 'PT12H', NORMAL: 'PT24H' });
      const supporting = getAt(d, 'routing.SGBV_SURVIVOR.supporting') as unknown[];
      setAt(d, 'routing.SGBV_SURVIVOR.supporting', [supporting[0], supporting[2]]);
    });
    const simulation = simulateSop(draft, DEFAULT_SOP, BUILT_IN_SAMPLES, DEMO_AGENCIES, NOW);
    expect(simulation).toMatchObject({ draftVersion: 'tza-joint-sop-2026.2', activeVersion: 'tza-joint-sop-2026.1', now: NOW.toISOString() });
    const changed = simulation.cases.filter((c) => c.differences.length > 0);
    expect(changed.map((c) => c.name)).toEqual([sample('16-year-old girl').name, sample('Congolese woman raped').name]);
    expect(changed[0].differences).toEqual([
      { path: 'referrals[ANTI_TRAFFICKING].dueAt', change: 'CHANGED', before: '2026-11-21T06:00:00.000Z', after: '2026-11-20T18:00:00.000Z' },
      { path: 'referrals[HEALTH].dueAt', change: 'CHANGED', before: '2026-11-21T06:00:00.000Z', after: '2026-11-20T18:00:00.000Z' },
      { path: 'referrals[NGO/SAFE_SHELTER].dueAt', change: 'CHANGED', before: '2026-11-21T06:00:00.000Z', after: '2026-11-20T18:00:00.000Z' },
      { path: 'referrals[INTERNATIONAL_ORGANIZATION/VOLUNTARY_RETURN].dueAt', change: 'CHANGED', before: '2026-11-21T06:00:00.000Z', after: '2026-11-20T18:00:00.000Z' },
    ]);
    expect(changed[1].differences.map((d) => [d.path, d.change])).toEqual([['referrals[NGO/SAFE_SHELTER]', 'REMOVED']]);
    expect(simulation.summary).toMatchObject({ cases: BUILT_IN_SAMPLES.length, casesThatDiffer: 2 });
    expect(simulation.summary.activeReferrals).toBe((simulation.summary.draftReferrals ?? 0) + 1);
  });

  it('profiles each sample with each SOP’s own rules', () => {
    const draft = defaultWith((d) => {
      const rules = getAt(d, 'profiling.rules') as { id: string }[];
      setAt(d, 'profiling.rules', rules.filter((r) => !r.id.startsWith('needs.')));
    });
    const simulation = simulateSop(draft, DEFAULT_SOP, [sample('Somali mother')], DEMO_AGENCIES, NOW);
    const paths = simulation.cases[0].differences.map((d) => `${d.path} ${d.change}`);
    expect(paths).toEqual(['profiles[SPECIFIC_NEEDS] REMOVED', 'referrals[NGO/PSYCHOSOCIAL] REMOVED', 'referrals[HEALTH] REMOVED']);
  });

  it('finds no differences when the draft is the active SOP', () => {
    const simulation = simulateSop(DEFAULT_SOP, DEFAULT_SOP, BUILT_IN_SAMPLES, DEMO_AGENCIES, NOW);
    expect(simulation.cases.every((c) => c.differences.length === 0)).toBe(true);
    expect(simulation.summary.casesThatDiffer).toBe(0);
  });
});

import fc from 'fast-check';
import { AgencyCandidate, chooseAgency } from './agency-choice';
import { DEFAULT_SOP } from './default-sop';
import { AgencyRequirement } from './referral-plan';
import { DEMO_AGENCIES } from './samples';
import { defaultWith, setAt } from './testing/documents';

function ngo(id: string, overrides: Partial<AgencyCandidate> = {}): AgencyCandidate {
  return {
    id,
    name: `Shelter ${id}`,
    kind: 'NGO',
    services: ['SAFE_SHELTER'],
    coverageBorderPointCodes: ['KGM'],
    coverageRegions: [],
    languages: ['sw'],
    dailyCapacity: 10,
    acceptedToday: 0,
    ...overrides,
  };
}

const need: AgencyRequirement = { borderPointCode: 'KGM', region: 'Kigoma', languages: ['fr', 'sw'], service: 'SAFE_SHELTER' };

describe('chooseAgency', () => {
  it('ranks by coverage, service, language and capacity in the SOP’s order, and says why', () => {
    const candidates = [
      ngo('a', { name: 'Amani', languages: ['sw'] }),
      ngo('b', { name: 'Baraka', languages: ['fr'] }),
      ngo('c', { name: 'Chanzo', coverageBorderPointCodes: [], coverageRegions: ['Kigoma'], languages: ['fr'] }),
      ngo('d', { name: 'Dira', languages: ['fr'], dailyCapacity: 10, acceptedToday: 10 }),
    ];
    const choice = chooseAgency(DEFAULT_SOP, 'NGO', need, candidates);
    expect(choice.chosen).toEqual({ id: 'b', name: 'Baraka', rank: 1, reasons: ['covers border point KGM', 'offers SAFE_SHELTER', 'speaks fr', '10 of 10 places left today'] });
    expect(choice.fallbacks.map((f) => [f.name, f.rank])).toEqual([
      ['Dira', 2],
      ['Amani', 3],
      ['Chanzo', 4],
    ]);
    expect(choice.fallbacks[0].reasons).toContain('full today (10 of 10 taken)');
    expect(choice.fallbacks[1].reasons).toContain("speaks sw (the person's language no. 2)");
    expect(choice.fallbacks[2].reasons[0]).toBe('covers region Kigoma (not border point KGM itself)');
    expect(choice.alert).toBeNull();
  });

  it('falls back on decline, and alerts the coordinating body when none is left', () => {
    const candidates = [ngo('a', { name: 'Amani' }), ngo('b', { name: 'Baraka' })];
    const first = chooseAgency(DEFAULT_SOP, 'NGO', need, candidates);
    expect(first.chosen?.name).toBe('Amani');
    expect(first.fallbacks.map((f) => f.name)).toEqual(['Baraka']);
    expect(first.fallbacks[0].reasons.at(-1)).toBe('level with Amani on every criterion: after it by name');

    const afterDecline = chooseAgency(DEFAULT_SOP, 'NGO', need, candidates, ['a']);
    expect(afterDecline.chosen?.name).toBe('Baraka');
    expect(afterDecline.fallbacks).toEqual([]);
    expect(afterDecline.ineligible).toEqual([{ id: 'a', name: 'Amani', reasons: ['declined this referral already'] }]);

    const noneLeft = chooseAgency(DEFAULT_SOP, 'NGO', need, candidates, ['a', 'b']);
    expect(noneLeft.chosen).toBeNull();
    expect(noneLeft.fallbacks).toEqual([]);
    expect(noneLeft.alert).toEqual({ coordinatingBody: 'Refugee Agency', reason: 'no NGO offering SAFE_SHELTER at KGM is left to refer to' });
  });

  it('leaves out agencies failing a required criterion, with why', () => {
    const candidates = [ngo('far', { name: 'Far', coverageBorderPointCodes: ['NMG'] }), ngo('legal', { name: 'Legal', services: ['LEGAL_AID'] }), ngo('police', { name: 'Police', kind: 'IMMIGRATION' })];
    const choice = chooseAgency(DEFAULT_SOP, 'NGO', need, candidates);
    expect(choice.chosen).toBeNull();
    expect(choice.ineligible).toEqual([
      { id: 'far', name: 'Far', reasons: ['does not cover border point KGM or region Kigoma'] },
      { id: 'legal', name: 'Legal', reasons: ['does not offer SAFE_SHELTER'] },
      { id: 'police', name: 'Police', reasons: ['is IMMIGRATION, not NGO'] },
    ]);
  });

  it('skips full agencies altogether when the SOP makes capacity required', () => {
    const strict = defaultWith((d) => setAt(d, 'agencyChoice.criteria[3].required', true));
    const candidates = [ngo('full', { name: 'Full', acceptedToday: 10 }), ngo('open', { name: 'Open', acceptedToday: 9 })];
    expect(chooseAgency(strict, 'NGO', need, candidates).fallbacks).toEqual([]);
    expect(chooseAgency(strict, 'NGO', need, candidates).ineligible.map((i) => i.reasons)).toEqual([['full today (10 of 10 taken)']]);
    expect(chooseAgency(DEFAULT_SOP, 'NGO', need, candidates).fallbacks.map((f) => f.name)).toEqual(['Full']);
  });

  it('prefers more room left, and no limit over any limit', () => {
    const candidates = [ngo('x', { name: 'X', acceptedToday: 8 }), ngo('y', { name: 'Y', acceptedToday: 2 }), ngo('z', { name: 'Z', dailyCapacity: null })];
    expect(chooseAgency(DEFAULT_SOP, 'NGO', need, candidates).chosen?.name).toBe('Z');
    expect(chooseAgency(DEFAULT_SOP, 'NGO', need, candidates).fallbacks.map((f) => f.name)).toEqual(['Y', 'X']);
  });

  it('says an agency without a daily limit has no daily limit', () => {
    const choice = chooseAgency(DEFAULT_SOP, 'NGO', need, [ngo('z', { name: 'Z', dailyCapacity: null })]);
    expect(choice.chosen?.reasons.at(-1)).toBe('no daily limit');
  });

  it('follows the order of the criteria in the SOP', () => {
    const languageFirst = defaultWith((d) =>
      setAt(d, 'agencyChoice.criteria', [
        { criterion: 'LANGUAGE', required: false },
        { criterion: 'COVERAGE', required: false },
      ]),
    );
    const candidates = [ngo('near', { name: 'Near', languages: ['sw'] }), ngo('far', { name: 'Far', coverageBorderPointCodes: ['NMG'], languages: ['fr'], services: [] })];
    expect(chooseAgency(languageFirst, 'NGO', need, candidates).chosen?.name).toBe('Far');
    expect(chooseAgency(DEFAULT_SOP, 'NGO', need, candidates).chosen?.name).toBe('Near');
  });

  it('sends a shelter referral at Namanga to the coordinating body in the demo (no shelter covers it)', () => {
    const ngos = DEMO_AGENCIES.filter((a) => a.kind === 'NGO');
    expect(chooseAgency(DEFAULT_SOP, 'NGO', { ...need, borderPointCode: 'NMG', region: 'Arusha' }, ngos).chosen).toBeNull();
    expect(chooseAgency(DEFAULT_SOP, 'NGO', { ...need, service: 'LEGAL_AID', borderPointCode: 'NMG', region: 'Arusha' }, ngos).chosen?.name).toBe('Haki Legal Aid');
  });

  it('ranks the same whatever the order of the candidates, and never offers an excluded one', () => {
    const candidate = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      name: fc.constantFrom('Amani', 'Baraka', 'Chanzo'),
      services: fc.subarray(['SAFE_SHELTER', 'LEGAL_AID'] as const),
      coverageBorderPointCodes: fc.subarray(['KGM', 'NMG']),
      coverageRegions: fc.subarray(['Kigoma']),
      languages: fc.subarray(['sw', 'fr', 'en']),
      dailyCapacity: fc.option(fc.nat(5), { nil: null }),
      acceptedToday: fc.nat(6),
    });
    const unique = fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 6 });
    fc.assert(
      fc.property(unique, fc.subarray(['a', 'b', 'c']), (candidates, excluded) => {
        const choice = chooseAgency(DEFAULT_SOP, 'NGO', need, candidates, excluded);
        expect(chooseAgency(DEFAULT_SOP, 'NGO', need, [...candidates].reverse(), excluded)).toEqual(choice);
        const offered = [choice.chosen, ...choice.fallbacks].flatMap((r) => (r ? [r.id] : []));
        expect(offered.filter((id) => excluded.includes(id))).toEqual([]);
        expect(offered.length + choice.ineligible.length).toBe(candidates.length);
        expect(choice.alert === null).toBe(choice.chosen !== null);
      }),
    );
  });
  it('scores an agency that speaks none of the person’s languages below one that speaks the last of them', () => {
    const candidates = [ngo('a', { name: 'Amani', languages: ['en'] }), ngo('b', { name: 'Baraka', languages: ['sw'] })];
    const choice = chooseAgency(DEFAULT_SOP, 'NGO', need, candidates);
    expect([choice.chosen?.name, ...choice.fallbacks.map((f) => f.name)]).toEqual(['Baraka', 'Amani']);
    expect(choice.fallbacks[0].reasons).toContain('speaks none of fr, sw');
  });

  it('leaves out an agency that speaks none of the person’s languages when the SOP requires a shared language', () => {
    const strict = defaultWith((d) => setAt(d, 'agencyChoice.criteria[2].required', true));
    const candidates = [ngo('a', { name: 'Amani', languages: ['en'] }), ngo('b', { name: 'Baraka', languages: ['sw'] })];
    const choice = chooseAgency(strict, 'NGO', need, candidates);
    expect(choice.chosen?.name).toBe('Baraka');
    expect(choice.fallbacks).toEqual([]);
    expect(choice.ineligible).toEqual([{ id: 'a', name: 'Amani', reasons: ['speaks none of fr, sw'] }]);
  });

  it('weighs languages by the person’s preference: the first counts most', () => {
    const three: AgencyRequirement = { ...need, languages: ['so', 'sw', 'en'] };
    const candidates = [ngo('a', { name: 'Amani', languages: ['en'] }), ngo('b', { name: 'Baraka', languages: ['sw', 'en'] }), ngo('c', { name: 'Chanzo', languages: ['so'] })];
    const choice = chooseAgency(DEFAULT_SOP, 'NGO', three, candidates);
    expect([choice.chosen, ...choice.fallbacks].map((r) => [r?.name, r?.reasons[2]])).toEqual([
      ['Chanzo', 'speaks so'],
      ['Baraka', "speaks sw (the person's language no. 2)"],
      ['Amani', "speaks en (the person's language no. 3)"],
    ]);
  });

  it('holds no language against anyone when none is recorded for the person, nor a service when none is named', () => {
    const open: AgencyRequirement = { ...need, languages: [], service: null };
    const strict = defaultWith((d) => setAt(d, 'agencyChoice.criteria[2].required', true));
    const choice = chooseAgency(strict, 'NGO', open, [ngo('a', { name: 'Amani', languages: [], services: [] })]);
    expect(choice.chosen?.reasons).toEqual(['covers border point KGM', 'no particular service required', 'no language recorded for the person', '10 of 10 places left today']);
  });

  it('prefers an agency at the border point to one covering only its region, and refuses one covering neither', () => {
    const candidates = [ngo('r', { name: 'Amani', coverageBorderPointCodes: [], coverageRegions: ['Kigoma'] }), ngo('p', { name: 'Baraka' })];
    expect(chooseAgency(DEFAULT_SOP, 'NGO', need, candidates).chosen?.name).toBe('Baraka');
    // With no region known for the case, region coverage does not count.
    const noRegion = chooseAgency(DEFAULT_SOP, 'NGO', { ...need, region: null }, candidates);
    expect(noRegion.chosen?.name).toBe('Baraka');
    expect(noRegion.ineligible).toEqual([{ id: 'r', name: 'Amani', reasons: ['does not cover border point KGM'] }]);
  });

  it('counts an agency taken beyond its limit as full, never as negative room', () => {
    const strict = defaultWith((d) => setAt(d, 'agencyChoice.criteria[3].required', true));
    const choice = chooseAgency(strict, 'NGO', need, [ngo('over', { name: 'Over', dailyCapacity: 5, acceptedToday: 7 })]);
    expect(choice.chosen).toBeNull();
    expect(choice.ineligible).toEqual([{ id: 'over', name: 'Over', reasons: ['full today (7 of 5 taken)'] }]);
  });

  it('keeps every agency of the kind, and one of no stated kind, in the running', () => {
    const candidates = [ngo('a', { name: 'Amani', kind: undefined }), ngo('b', { name: 'Baraka' })];
    expect(chooseAgency(DEFAULT_SOP, 'NGO', need, candidates).ineligible).toEqual([]);
    expect(chooseAgency(DEFAULT_SOP, 'NGO', need, candidates).chosen?.name).toBe('Amani');
  });

  it('ranks agencies level on every criterion by name, then by id, and says so', () => {
    const candidates = [ngo('b2', { name: 'Same' }), ngo('a1', { name: 'Same' }), ngo('c', { name: 'Other' })];
    const choice = chooseAgency(DEFAULT_SOP, 'NGO', need, candidates);
    expect([choice.chosen, ...choice.fallbacks].map((r) => [r?.id, r?.rank])).toEqual([
      ['c', 1],
      ['a1', 2],
      ['b2', 3],
    ]);
    expect(choice.chosen?.reasons).toHaveLength(4);
    expect(choice.fallbacks.map((f) => f.reasons.at(-1))).toEqual(['level with Other on every criterion: after it by name', 'level with Same on every criterion: after it by name']);
  });

  it('names no tie where a later criterion told two agencies apart', () => {
    const choice = chooseAgency(DEFAULT_SOP, 'NGO', need, [ngo('a', { name: 'Amani', acceptedToday: 5 }), ngo('b', { name: 'Baraka' })]);
    expect(choice.chosen?.name).toBe('Baraka');
    expect(choice.fallbacks[0].reasons).toEqual(['covers border point KGM', 'offers SAFE_SHELTER', "speaks sw (the person's language no. 2)", '5 of 10 places left today']);
  });

  it('alerts the coordinating body naming the kind and place when no service is named', () => {
    const choice = chooseAgency(DEFAULT_SOP, 'HEALTH', { ...need, service: null }, []);
    expect(choice).toEqual({ kind: 'HEALTH', chosen: null, fallbacks: [], ineligible: [], alert: { coordinatingBody: 'Refugee Agency', reason: 'no HEALTH at KGM is left to refer to' } });
  });
});

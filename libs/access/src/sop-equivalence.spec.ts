import { AGENCY_KINDS, consentBoundGroups, DEFAULT_SOP, DEFAULT_SOP_DOCUMENT, DEMO_AGENCIES as SOP_DEMO_AGENCIES, DEMO_BORDER_POINT_REGIONS, sharedGroups, validateSop } from '@kivuko/sop';
import fc from 'fast-check';
import { DEMO_AGENCIES, DEMO_BORDER_POINTS } from './demo-data';
import { allowedGroups, DEFAULT_DATA_SHARING, FIELD_GROUPS, validateDataSharingMap } from './field-groups';

/**
 * The SOP library's samples and default document repeat this library's demo agencies and default sharing
 * map (the SOP's CLI simulates without a database); these tests keep the two equal. The vocabularies
 * themselves (agency kinds, services, field groups) are the SOP library's, imported here.
 */
describe('the SOP library’s demo data', () => {
  it('has the demo agencies and border points of the access library', () => {
    expect(SOP_DEMO_AGENCIES.map((a) => ({ name: a.name, kind: a.kind, services: a.services, covers: a.coverageBorderPointCodes, languages: a.languages }))).toEqual(
      DEMO_AGENCIES.map((a) => ({ name: a.name, kind: a.kind, services: a.services, covers: [...a.covers], languages: a.languages })),
    );
    expect(DEMO_BORDER_POINT_REGIONS).toEqual(Object.fromEntries(DEMO_BORDER_POINTS.map((b) => [b.code, b.region])));
  });
});

describe('the default SOP’s data sharing', () => {
  it('is the access library’s default sharing map', () => {
    expect(DEFAULT_SOP_DOCUMENT['dataSharing']).toMatchObject({ recipients: JSON.parse(JSON.stringify(DEFAULT_DATA_SHARING)) as object });
    expect(DEFAULT_SOP.dataSharing.recipients).toEqual(DEFAULT_DATA_SHARING);
  });

  it('withholds, without consent, exactly what the access library withholds', () => {
    for (const kind of AGENCY_KINDS) {
      const withoutConsent = allowedGroups(DEFAULT_DATA_SHARING, kind, { consentFor: [] });
      const bound = consentBoundGroups(DEFAULT_SOP, kind, 'REFERRAL');
      expect([kind, sharedGroups(DEFAULT_SOP, kind).filter((g) => !bound.includes(g))]).toEqual([kind, FIELD_GROUPS.filter((g) => withoutConsent.has(g))]);
    }
  });

  it('accepts and refuses the same sharing maps as validateDataSharingMap (the rules no SOP can switch off)', () => {
    const kind = fc.constantFrom(...AGENCY_KINDS);
    const group = fc.constantFrom(...FIELD_GROUPS);
    const edit = fc.record({ kind, list: fc.constantFrom('groups', 'consentRequiredFor'), group, add: fc.boolean() });
    let refused = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const map = JSON.parse(JSON.stringify(DEFAULT_DATA_SHARING)) as Record<string, Record<string, string[]>>;
        for (const e of edits) {
          const list = map[e.kind][e.list];
          map[e.kind][e.list] = e.add ? (list.includes(e.group) ? list : [...list, e.group]) : list.filter((g) => g !== e.group);
        }
        const document = JSON.parse(JSON.stringify(DEFAULT_SOP_DOCUMENT)) as { dataSharing: Record<string, unknown> };
        document.dataSharing['recipients'] = map;
        const result = validateSop(document);
        const sopProblems = result.ok ? [] : result.problems.filter((p) => p.path.startsWith('dataSharing.recipients'));
        const accessProblems = validateDataSharingMap(map);
        if (accessProblems.length > 0) refused += 1;
        expect(sopProblems.length > 0).toBe(accessProblems.length > 0);
        // Same places: the access library's paths are the same, without the `dataSharing.recipients.` prefix.
        expect(sopProblems.map((p) => p.path.replace('dataSharing.recipients.', '')).sort()).toEqual(accessProblems.map((p) => p.split(':')[0]).sort());
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(30);
  });
});

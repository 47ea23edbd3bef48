// eslint-disable-next-line @nx/enforce-module-boundaries -- the equivalence checks below compare the SOP's copy of the vocabularies with the access library's
import {
  AgencyKind,
  AgencyService,
  allowedGroups,
  DEFAULT_DATA_SHARING,
  DEMO_AGENCIES as ACCESS_DEMO_AGENCIES,
  DEMO_BORDER_POINTS,
  FIELD_GROUPS as ACCESS_FIELD_GROUPS,
  SENSITIVE_FIELD_GROUPS as ACCESS_SENSITIVE,
  validateDataSharingMap,
} from '@kivuko/access';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consentBoundGroups, sharedGroups } from './consent';
import { DEFAULT_SOP, DEFAULT_SOP_DOCUMENT } from './default-sop';
import { DEMO_AGENCIES, DEMO_BORDER_POINT_REGIONS } from './samples';
import { editableDefault, setAt } from './testing/documents';
import { validateSop } from './validation/sop-validator';
import { AGENCY_KINDS, AGENCY_SERVICES, CONSENT_PURPOSES, FIELD_GROUPS, LEGAL_BASES, SENSITIVE_FIELD_GROUPS } from './vocabulary';

/**
 * This library repeats the access library's vocabularies so it stays free of Nest and TypeORM; these
 * tests keep the two equal. (Importing @kivuko/access here is a spec-only, domain-to-domain edge: if
 * access ever imports @kivuko/sop, move these tests to avoid a project cycle.)
 */
describe('the same vocabularies as the access library', () => {
  it('has the same agency kinds, services, field groups and sensitive groups, in the same order', () => {
    expect([...AGENCY_KINDS]).toEqual(Object.values(AgencyKind));
    expect([...AGENCY_SERVICES]).toEqual(Object.values(AgencyService));
    expect([...FIELD_GROUPS]).toEqual([...ACCESS_FIELD_GROUPS]);
    expect([...SENSITIVE_FIELD_GROUPS]).toEqual([...ACCESS_SENSITIVE]);
  });

  it('has the consent purposes and legal bases of the intake’s consent records', () => {
    // Read as text: importing @kivuko/cases would tie this library to the lib most likely to import it.
    const source = readFileSync(join(__dirname, '..', '..', 'cases', 'src', 'consent', 'consent.dto.ts'), 'utf8');
    const values = (name: string) => [...(new RegExp(`export enum ${name} \\{([^}]*)\\}`).exec(source)?.[1] ?? '').matchAll(/= '([A-Z_]+)'/g)].map((m) => m[1]);
    expect(values('ConsentPurpose')).toEqual([...CONSENT_PURPOSES]);
    expect(values('LegalBasis')).toEqual([...LEGAL_BASES]);
  });

  it('has the demo agencies and border points of the access library', () => {
    expect(DEMO_AGENCIES.map((a) => ({ name: a.name, kind: a.kind, services: a.services, covers: a.coverageBorderPointCodes, languages: a.languages }))).toEqual(
      ACCESS_DEMO_AGENCIES.map((a) => ({ name: a.name, kind: a.kind, services: a.services, covers: [...a.covers], languages: a.languages })),
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
      const withoutConsent = allowedGroups(DEFAULT_DATA_SHARING, kind as AgencyKind, { consentFor: [] });
      const bound = consentBoundGroups(DEFAULT_SOP, kind, 'REFERRAL');
      expect([kind, sharedGroups(DEFAULT_SOP, kind).filter((g) => !bound.includes(g))]).toEqual([kind, ACCESS_FIELD_GROUPS.filter((g) => withoutConsent.has(g))]);
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
        const result = validateSop(setAt(editableDefault(), 'dataSharing.recipients', map));
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

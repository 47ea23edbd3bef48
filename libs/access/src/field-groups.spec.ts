import fc from 'fast-check';
import { AgencyKind } from './access.enums';
import {
  DEFAULT_DATA_SHARING,
  FIELD_GROUPS,
  FieldGroup,
  SENSITIVE_FIELD_GROUPS,
  allowedGroups,
  shapeRecord,
  validateDataSharingMap,
  withheldGroups,
  withheldReason,
} from './field-groups';

/** A mutable deep copy of the default map, to break in one place per test. */
function editableDefault(): Record<string, { groups: unknown[]; consentRequiredFor: unknown[] }> {
  return JSON.parse(JSON.stringify(DEFAULT_DATA_SHARING)) as Record<string, { groups: unknown[]; consentRequiredFor: unknown[] }>;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const noConsent = { consentFor: [] };

describe('field groups', () => {
  it('is the fixed vocabulary of twelve sections, five of them sensitive', () => {
    expect([...FIELD_GROUPS].sort()).toEqual(
      ['ARRIVAL', 'ASYLUM', 'CHILD', 'CONTACT', 'DETENTION', 'HEALTH', 'IDENTITY', 'NEEDS', 'RETURN', 'SGBV', 'TORTURE', 'TRAFFICKING'].sort(),
    );
    expect([...SENSITIVE_FIELD_GROUPS].sort()).toEqual(['ASYLUM', 'HEALTH', 'SGBV', 'TORTURE', 'TRAFFICKING']);
  });
});

describe('DEFAULT_DATA_SHARING', () => {
  it('passes its own validation', () => {
    expect(validateDataSharingMap(DEFAULT_DATA_SHARING)).toEqual([]);
  });

  it('has an entry for every agency kind and nothing else', () => {
    expect(Object.keys(DEFAULT_DATA_SHARING).sort()).toEqual([...Object.values(AgencyKind)].sort());
  });

  it('never gives an NGO the asylum section, even with consent', () => {
    expect(DEFAULT_DATA_SHARING[AgencyKind.NGO].groups).not.toContain(FieldGroup.ASYLUM);
    expect(allowedGroups(DEFAULT_DATA_SHARING, AgencyKind.NGO, { consentFor: [...FIELD_GROUPS] }).has(FieldGroup.ASYLUM)).toBe(false);
  });

  it('never gives a monitor a sensitive section, even with consent', () => {
    const monitor = DEFAULT_DATA_SHARING[AgencyKind.MONITOR].groups;
    expect(monitor.filter((group) => SENSITIVE_FIELD_GROUPS.includes(group))).toEqual([]);
    const allowed = allowedGroups(DEFAULT_DATA_SHARING, AgencyKind.MONITOR, { consentFor: [...FIELD_GROUPS] });
    expect([...allowed].sort()).toEqual([FieldGroup.ARRIVAL, FieldGroup.CHILD, FieldGroup.DETENTION, FieldGroup.RETURN].sort());
  });

  it('never gives immigration the asylum, SGBV, torture or trafficking sections', () => {
    const immigration = DEFAULT_DATA_SHARING[AgencyKind.IMMIGRATION].groups;
    for (const group of [FieldGroup.ASYLUM, FieldGroup.SGBV, FieldGroup.TORTURE, FieldGroup.TRAFFICKING]) {
      expect(immigration).not.toContain(group);
    }
  });

  it('requires consent for SGBV wherever it shares SGBV', () => {
    const sharingSgbv = Object.values(AgencyKind).filter((kind) => DEFAULT_DATA_SHARING[kind].groups.includes(FieldGroup.SGBV));
    expect(sharingSgbv.length).toBeGreaterThan(0);
    for (const kind of sharingSgbv) expect(DEFAULT_DATA_SHARING[kind].consentRequiredFor).toContain(FieldGroup.SGBV);
  });

  it('requires consent for every sensitive section it shares with an NGO or an international organization', () => {
    for (const kind of [AgencyKind.NGO, AgencyKind.INTERNATIONAL_ORGANIZATION]) {
      const { groups, consentRequiredFor } = DEFAULT_DATA_SHARING[kind];
      const sensitive = groups.filter((group) => SENSITIVE_FIELD_GROUPS.includes(group));
      expect(sensitive.length).toBeGreaterThan(0);
      expect(sensitive.filter((group) => !consentRequiredFor.includes(group))).toEqual([]);
    }
  });

  it('cannot be changed at run time', () => {
    expect(() => (DEFAULT_DATA_SHARING[AgencyKind.NGO].groups as FieldGroup[]).push(FieldGroup.ASYLUM)).toThrow(TypeError);
    expect(DEFAULT_DATA_SHARING[AgencyKind.NGO].groups).not.toContain(FieldGroup.ASYLUM);
  });
});

describe('validateDataSharingMap', () => {
  it('refuses a map that gives a monitor a sensitive section, naming the path', () => {
    const map = editableDefault();
    map[AgencyKind.MONITOR].groups.push(FieldGroup.SGBV);
    map[AgencyKind.MONITOR].consentRequiredFor.push(FieldGroup.SGBV);
    expect(validateDataSharingMap(map)).toEqual([
      'MONITOR.groups[4]: "SGBV" is sensitive and is never shared with MONITOR (a rule the SOP cannot switch off)',
    ]);
  });

  it('refuses a monitor the asylum section even when it is consent-bound', () => {
    const map = editableDefault();
    map[AgencyKind.MONITOR].groups.unshift(FieldGroup.ASYLUM);
    map[AgencyKind.MONITOR].consentRequiredFor.push(FieldGroup.ASYLUM);
    expect(validateDataSharingMap(map)).toEqual([
      'MONITOR.groups[0]: "ASYLUM" is sensitive and is never shared with MONITOR (a rule the SOP cannot switch off)',
    ]);
  });

  it('reports an unknown field group with its path', () => {
    const map = editableDefault();
    map[AgencyKind.NGO].groups.splice(2, 0, 'FOO');
    expect(validateDataSharingMap(map)).toEqual(['NGO.groups[2]: "FOO" is not a field group']);
  });

  it('reports an unknown agency kind key', () => {
    const map = editableDefault();
    map['POLICE'] = { groups: [FieldGroup.IDENTITY], consentRequiredFor: [] };
    expect(validateDataSharingMap(map)).toEqual(['POLICE: "POLICE" is not an agency kind']);
  });

  it('reports a consent requirement for a group the kind is not given', () => {
    const map = editableDefault();
    map[AgencyKind.IMMIGRATION].consentRequiredFor.push(FieldGroup.ASYLUM);
    expect(validateDataSharingMap(map)).toEqual([
      'IMMIGRATION.consentRequiredFor[0]: "ASYLUM" is not in IMMIGRATION.groups, so there is nothing to require consent for',
    ]);
  });

  it('reports a missing agency kind', () => {
    const map = editableDefault();
    delete map[AgencyKind.HEALTH];
    expect(validateDataSharingMap(map)).toEqual([
      'HEALTH: missing (every agency kind needs an entry; an empty "groups" list shares nothing)',
    ]);
  });

  it('refuses SGBV shared without a consent requirement', () => {
    const map = editableDefault();
    map[AgencyKind.CHILD_PROTECTION].consentRequiredFor = [];
    expect(validateDataSharingMap(map)).toEqual([
      'CHILD_PROTECTION.groups[7]: "SGBV" is shared only with consent or a legal basis, so CHILD_PROTECTION.consentRequiredFor must list it (a rule the SOP cannot switch off)',
    ]);
  });

  it('reports malformed entries, duplicates and unknown properties each with its path', () => {
    const map = editableDefault() as Record<string, unknown>;
    map[AgencyKind.NGO] = 'everything';
    map[AgencyKind.HEALTH] = { groups: [FieldGroup.IDENTITY, FieldGroup.IDENTITY, 7], consentRequired: [] };
    expect(validateDataSharingMap(map)).toEqual([
      'HEALTH.consentRequired: unknown property (expected "groups" and "consentRequiredFor")',
      'HEALTH.groups[1]: "IDENTITY" is listed twice',
      'HEALTH.groups[2]: 7 is not a field group',
      'HEALTH.consentRequiredFor: must be an array of field groups, got undefined',
      'NGO: must be an object with "groups" and "consentRequiredFor", got "everything"',
    ]);
  });

  it('refuses something that is not a map at all', () => {
    expect(validateDataSharingMap(null)).toEqual(['(map): must be an object keyed by agency kind, got null']);
    expect(validateDataSharingMap([])).toEqual(['(map): must be an object keyed by agency kind, got an array']);
  });
});

describe('allowedGroups', () => {
  it('withholds consent-bound groups until consent is granted', () => {
    const allowed = allowedGroups(DEFAULT_DATA_SHARING, AgencyKind.NGO, noConsent);
    expect([...allowed].sort()).toEqual([FieldGroup.CONTACT, FieldGroup.IDENTITY, FieldGroup.NEEDS].sort());
  });

  it('includes a consent-bound group once consent is granted for it, and only that one', () => {
    const allowed = allowedGroups(DEFAULT_DATA_SHARING, AgencyKind.NGO, { consentFor: [FieldGroup.SGBV] });
    expect([...allowed].sort()).toEqual([FieldGroup.CONTACT, FieldGroup.IDENTITY, FieldGroup.NEEDS, FieldGroup.SGBV].sort());
  });

  it('does not add a group the kind is not given, whatever consent says', () => {
    const allowed = allowedGroups(DEFAULT_DATA_SHARING, AgencyKind.IMMIGRATION, { consentFor: [FieldGroup.ASYLUM, FieldGroup.SGBV] });
    expect([...allowed].sort()).toEqual([FieldGroup.ARRIVAL, FieldGroup.DETENTION, FieldGroup.IDENTITY, FieldGroup.RETURN].sort());
  });

  it('gives groups that need no consent without any', () => {
    const allowed = allowedGroups(DEFAULT_DATA_SHARING, AgencyKind.ASYLUM_AUTHORITY, noConsent);
    expect(allowed.has(FieldGroup.ASYLUM)).toBe(true);
    expect(allowed.has(FieldGroup.TORTURE)).toBe(false);
  });

  it('still keeps sensitive groups from monitors and SGBV behind consent when handed an unvalidated map', () => {
    const map = editableDefault();
    map[AgencyKind.MONITOR].groups.push(FieldGroup.HEALTH);
    map[AgencyKind.HEALTH].consentRequiredFor = [];
    const unvalidated = map as unknown as typeof DEFAULT_DATA_SHARING;
    expect(allowedGroups(unvalidated, AgencyKind.MONITOR, { consentFor: [FieldGroup.HEALTH] }).has(FieldGroup.HEALTH)).toBe(false);
    const health = allowedGroups(unvalidated, AgencyKind.HEALTH, noConsent);
    expect(health.has(FieldGroup.SGBV)).toBe(false);
    expect(health.has(FieldGroup.TORTURE)).toBe(true);
  });

  it('gives nothing to an agency kind the map does not know', () => {
    expect(allowedGroups(DEFAULT_DATA_SHARING, 'POLICE' as AgencyKind, { consentFor: [...FIELD_GROUPS] }).size).toBe(0);
  });
});

describe('shapeRecord and withheldGroups', () => {
  const record = {
    [FieldGroup.IDENTITY]: { name: 'Amina', dateOfBirth: '2009-03-01' },
    [FieldGroup.NEEDS]: { shelter: true },
    [FieldGroup.ASYLUM]: { narrative: 'fled after threats' },
    [FieldGroup.SGBV]: { disclosed: true, narrative: 'confidential' },
  };
  const allowed = new Set([FieldGroup.IDENTITY, FieldGroup.NEEDS, FieldGroup.CONTACT]);

  it('returns only the allowed sections, leaving absent ones absent', () => {
    expect(shapeRecord(record, allowed)).toEqual({
      [FieldGroup.IDENTITY]: { name: 'Amina', dateOfBirth: '2009-03-01' },
      [FieldGroup.NEEDS]: { shelter: true },
    });
    expect(Object.keys(shapeRecord(record, allowed))).not.toContain(FieldGroup.CONTACT);
  });

  it('leaves the input untouched and returns a new object', () => {
    const before = structuredClone(record);
    const frozen = deepFreeze(structuredClone(record));
    const shaped = shapeRecord(frozen, allowed);
    expect(shaped).not.toBe(frozen);
    expect(frozen).toEqual(before);
    shapeRecord(record, allowed);
    expect(record).toEqual(before);
  });

  it('drops keys that are not field groups', () => {
    const shaped = shapeRecord({ ...record, caseId: 'c-1' }, allowed);
    expect(Object.keys(shaped).sort()).toEqual([FieldGroup.IDENTITY, FieldGroup.NEEDS].sort());
  });

  it('names the sections that were present but withheld, without their content', () => {
    expect(withheldGroups(record, allowed)).toEqual([FieldGroup.ASYLUM, FieldGroup.SGBV]);
    expect(withheldGroups(record, new Set(FIELD_GROUPS))).toEqual([]);
  });

  it('treats a section set to undefined as absent', () => {
    const sparse = { [FieldGroup.IDENTITY]: { name: 'Amina' }, [FieldGroup.HEALTH]: undefined };
    expect(Object.keys(shapeRecord(sparse, new Set(FIELD_GROUPS)))).toEqual([FieldGroup.IDENTITY]);
    expect(withheldGroups(sparse, new Set())).toEqual([FieldGroup.IDENTITY]);
  });

  it('keeps exactly the record keys that are allowed and never alters a section (property)', () => {
    const section = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).filter((key) => key !== '__proto__'),
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 })),
      { maxKeys: 4 },
    );
    const sections = Object.fromEntries(FIELD_GROUPS.map((group) => [group, section])) as Record<FieldGroup, typeof section>;
    const records = fc.record({ ...sections, caseId: fc.uuid() }, { requiredKeys: [] });
    const allowedSets = fc.subarray([...FIELD_GROUPS]).map((groups) => new Set(groups));

    fc.assert(
      fc.property(records, allowedSets, (input, allow) => {
        const before = structuredClone(input);
        const shaped = shapeRecord(input, allow);
        const expected = Object.keys(input).filter((key) => allow.has(key as FieldGroup));
        expect(Object.keys(shaped).sort()).toEqual(expected.sort());
        for (const key of expected) expect(shaped[key as FieldGroup]).toBe(input[key as FieldGroup]);
        expect(input).toEqual(before);
        expect(withheldGroups(input, allow).sort()).toEqual(
          Object.keys(input).filter((key) => key !== 'caseId' && !allow.has(key as FieldGroup)).sort(),
        );
      }),
      { numRuns: 300 },
    );
  });

  describe('withheldReason', () => {
    it('says consent is missing for a group the map shares with the kind only with consent', () => {
      expect(withheldReason(DEFAULT_DATA_SHARING, AgencyKind.NGO, FieldGroup.TRAFFICKING)).toBe('CONSENT_MISSING');
      expect(withheldReason(DEFAULT_DATA_SHARING, AgencyKind.NGO, FieldGroup.HEALTH)).toBe('CONSENT_MISSING');
    });

    it('says not shared for a group the map never gives the kind, or a rule forbids', () => {
      expect(withheldReason(DEFAULT_DATA_SHARING, AgencyKind.NGO, FieldGroup.ARRIVAL)).toBe('NOT_SHARED');
      expect(withheldReason(DEFAULT_DATA_SHARING, AgencyKind.NGO, FieldGroup.ASYLUM)).toBe('NOT_SHARED');
      const map = editableDefault();
      map[AgencyKind.MONITOR].groups.push(FieldGroup.ASYLUM);
      map[AgencyKind.MONITOR].consentRequiredFor.push(FieldGroup.ASYLUM);
      expect(withheldReason(map as never, AgencyKind.MONITOR, FieldGroup.ASYLUM)).toBe('NOT_SHARED');
    });
  });
});

import { describe, expect, it } from 'vitest';
import { CaseListItem, describedOnly, fold, matchesSearch, splitProfiles, westernDigits } from './cases-api';

const item = (person: Partial<NonNullable<CaseListItem['person']>>, caseNumber = 'TZA-NMG-2026-000042'): CaseListItem => ({
  id: 'c1',
  caseNumber,
  status: 'OPEN',
  version: 1,
  borderPoint: { id: 'b', code: 'NMG' },
  arrivedAt: '2026-03-01T10:00:00Z',
  registeredAt: '2026-03-01T10:00:00Z',
  nationalities: [],
  urgentNeeds: [],
  profiles: [],
  person: { givenName: null, familyName: null, description: null, sex: 'F', ageAtArrival: null, ...person },
});

describe('the case list search', () => {
  it('reads Eastern Arabic and Persian digits as 0–9', () => {
    expect(westernDigits('٠١٢٣٤٥٦٧٨٩ ۰۴۲')).toBe('0123456789 042');
    expect(fold('٠٠٠٠٤٢')).toBe('000042');
    expect(matchesSearch(item({ givenName: 'Amina' }), '٠٠٠٠٤٢')).toBe(true);
    expect(matchesSearch(item({ givenName: 'Amina' }), 'tza-nmg-٢٠٢٦-٠٠٠٠٤٢')).toBe(true);
    expect(matchesSearch(item({ givenName: 'Amina' }), '٠٠٠٠٤٣')).toBe(false);
  });
});

describe('the profiles the list names openly', () => {
  it('keeps medical emergency, migrant, stranded migrant and specific needs; everything else is sensitive', () => {
    expect(splitProfiles(['MEDICAL_EMERGENCY', 'TRAFFICKING_VICTIM', 'MIGRANT', 'UNACCOMPANIED_CHILD'])).toEqual({
      open: ['MEDICAL_EMERGENCY', 'MIGRANT'],
      sensitive: ['TRAFFICKING_VICTIM', 'UNACCOMPANIED_CHILD'],
    });
    for (const code of ['ASYLUM_SEEKER', 'PRIMA_FACIE_REFUGEE', 'SEPARATED_CHILD', 'CHILD_AT_RISK', 'SGBV_SURVIVOR', 'TORTURE_SURVIVOR', 'SMUGGLED_MIGRANT_ABUSED', 'A_NEW_CODE']) {
      expect(splitProfiles([code]).sensitive).toEqual([code]);
    }
    expect(splitProfiles(['STRANDED_MIGRANT_RETURN', 'SPECIFIC_NEEDS']).sensitive).toEqual([]);
  });
});

describe('a person recorded by description only', () => {
  it('is told apart from a named person', () => {
    expect(describedOnly(item({ description: 'woman, about 30' }).person!)).toBe(true);
    expect(describedOnly(item({ givenName: 'Amina', description: 'tall' }).person!)).toBe(false);
    expect(describedOnly(item({}).person!)).toBe(false);
  });
});

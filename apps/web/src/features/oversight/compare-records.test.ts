import { describe, expect, it } from 'vitest';
import type { CaseView, Identity } from '../intake/intake-api';
import { compareRecords, normalise, spellingVariants } from './compare-records';

const identity = (over: Partial<Identity>): Identity => ({
  givenName: 'Amina',
  familyName: 'Hassan',
  otherNames: null,
  description: null,
  sex: 'FEMALE',
  dateOfBirth: '2001-03-04',
  dateOfBirthEstimated: false,
  statedAge: null,
  nationalities: ['SOM'],
  languages: null,
  interpreter: null,
  documents: [],
  documentsHeldByOther: null,
  possibleEncounters: [],
  ...over,
});

const record = (id: string, over: Partial<Identity>, point = 'Namanga'): CaseView => ({
  id,
  caseNumber: `TZA-NMG-2026-00000${id}`,
  status: 'OPEN',
  version: 1,
  borderPoint: { id: 'bp', code: 'NMG', name: point },
  arrivedAt: '2026-12-01T08:00:00.000Z',
  sections: { IDENTITY: identity(over) } as CaseView['sections'],
  profiles: [],
});

const verdicts = (left: CaseView, right?: CaseView) => Object.fromEntries(compareRecords(left, right).map((row) => [row.field, row.verdict]));

describe('comparing two records side by side', () => {
  it('reads names alike whatever their case, accents and spacing', () => {
    expect(normalise('  Amína  HASSAN ')).toBe(normalise('amina hassan'));
    expect(verdicts(record('1', {}), record('2', { givenName: 'AMÍNA', familyName: 'hassan' })).name).toBe('SAME');
  });

  it('marks what differs, what only one record has, and what neither has', () => {
    const left = record('1', { nationalities: ['SOM', 'ETH'], otherNames: ['Amina Xasan'] });
    const right = record('2', { nationalities: ['ETH'], dateOfBirth: '2001-03-04', dateOfBirthEstimated: true, sex: 'FEMALE' }, 'Dar es Salaam airport');
    expect(verdicts(left, right)).toEqual({
      name: 'SAME',
      otherNames: 'ONE_SIDE',
      sex: 'SAME',
      // The same day, one of them an estimate: the day agrees (the page says which is estimated).
      dateOfBirth: 'SAME',
      nationalities: 'DIFFERENT',
      documents: 'NEITHER',
      borderPoint: 'DIFFERENT',
      arrived: 'SAME',
    });
  });

  it('compares documents by kind, country and number, and a stated age when there is no date of birth', () => {
    const doc = { kind: 'PASSPORT', issuingCountry: 'SOM', number: 'P123-456', expiresOn: null };
    const left = record('1', { documents: [doc], dateOfBirth: null, statedAge: 24 });
    const right = record('2', { documents: [{ ...doc, number: 'p123 456' }], dateOfBirth: null, statedAge: 25 });
    const rows = compareRecords(left, right);
    expect(rows.find((row) => row.field === 'documents')?.verdict).toBe('SAME');
    expect(rows.find((row) => row.field === 'dateOfBirth')).toMatchObject({ left: ['age:24'], right: ['age:25'], verdict: 'DIFFERENT' });
  });

  it('shows the new arrival alone when the earlier record is outside the reader’s scope', () => {
    const rows = compareRecords(record('1', {}), undefined);
    expect(rows.every((row) => row.right.length === 0)).toBe(true);
    expect(rows.find((row) => row.field === 'name')?.verdict).toBe('ONE_SIDE');
  });

  it('reads differently spelled names as similar when the matcher found them alike, else as different', () => {
    const left = record('1', { givenName: 'Mohamed Abdi', familyName: 'Warsame' });
    const right = record('2', { givenName: 'Maxamed Cabdi', familyName: 'Warsame' });
    expect(verdicts(left, right).name).toBe('DIFFERENT');
    expect(Object.fromEntries(compareRecords(left, right, true).map((row) => [row.field, row.verdict])).name).toBe('SIMILAR');
    // Names the same stay the same; only the name row is softened.
    expect(Object.fromEntries(compareRecords(left, left, true).map((row) => [row.field, row.verdict])).name).toBe('SAME');
    expect(compareRecords(left, record('2', { nationalities: ['ETH'] }), true).find((row) => row.field === 'nationalities')?.verdict).toBe('DIFFERENT');
  });

  it('pairs the words of two names that are spelled differently', () => {
    expect(spellingVariants('Mohamed Abdi Warsame', 'Maxamed Cabdi WARSAME')).toEqual([
      ['Mohamed', 'Maxamed'],
      ['Abdi', 'Cabdi'],
    ]);
    expect(spellingVariants('Amina Hassan', 'Amina Xasan Ali')).toEqual([]);
    expect(spellingVariants('', '')).toEqual([]);
  });
});

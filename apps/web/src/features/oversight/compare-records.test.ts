import { describe, expect, it } from 'vitest';
import { compareRecords, documentMatchParts, matchLevel, maskedDocument, maskedNumber, normalise, spellingVariants } from './compare-records';
import type { ComparedRecord } from './oversight-api';

type Over = Partial<ComparedRecord>;

const record = (id: string, over: Over, point = 'Namanga'): ComparedRecord => ({
  caseId: id,
  caseNumber: `TZA-NMG-2026-00000${id}`,
  givenName: 'Amina',
  familyName: 'Hassan',
  otherNames: [],
  sex: 'FEMALE',
  dateOfBirth: '2001-03-04',
  dateOfBirthEstimated: false,
  statedAge: null,
  nationalities: ['SOM'],
  languages: [],
  borderPoint: { id: 'bp', code: 'NMG', name: point },
  arrivedAt: '2026-12-01T08:00:00.000Z',
  registeredAt: '2026-12-01T08:30:00.000Z',
  documents: [],
  ...over,
});

const verdicts = (left: ComparedRecord, right?: ComparedRecord) => Object.fromEntries(compareRecords(left, right).map((row) => [row.field, row.verdict]));

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
      languages: 'NEITHER',
      documents: 'NEITHER',
      borderPoint: 'EXPECTED',
      arrived: 'SAME',
    });
  });

  it('compares masked documents by what the api says both records hold, and a stated age when there is no date of birth', () => {
    const doc = { kind: 'PASSPORT', issuingCountry: 'SOM', numberEnding: '456', numberLength: 7, onOtherRecord: true };
    const left = record('1', { documents: [doc], dateOfBirth: null, statedAge: 24 });
    const right = record('2', { documents: [doc, { ...doc, kind: 'NATIONAL_ID', onOtherRecord: false }], dateOfBirth: null, statedAge: 25 });
    const rows = compareRecords(left, right);
    expect(rows.find((row) => row.field === 'documents')).toMatchObject({ left: ['PASSPORT SOM ••••456'], verdict: 'SAME' });
    expect(rows.find((row) => row.field === 'dateOfBirth')).toMatchObject({ left: ['age:24'], right: ['age:25'], verdict: 'DIFFERENT' });
    // The same last characters are not the same number: without one in common, the documents differ.
    const apart = compareRecords(record('1', { documents: [{ ...doc, onOtherRecord: false }] }), record('2', { documents: [{ ...doc, onOtherRecord: false }] }));
    expect(apart.find((row) => row.field === 'documents')?.verdict).toBe('DIFFERENT');
    expect(maskedDocument({ ...doc, numberEnding: '9', numberLength: 2 })).toBe('PASSPORT SOM •9');
    // The matcher's reason names the document too, from the api's parts: its number is written the same way.
    const reason = { code: 'DOCUMENT_MATCH', detail: 'NATIONAL_ID/PASSPORT SOM •••••567', kinds: ['NATIONAL_ID', 'PASSPORT'], country: 'SOM', numberEnding: '567', numberLength: 8 } as const;
    expect(documentMatchParts({ ...reason, kinds: [...reason.kinds] })).toEqual({ kinds: ['NATIONAL_ID', 'PASSPORT'], country: 'SOM', number: '•••••567' });
    expect(maskedNumber('9', 2)).toBe('•9');
    expect(maskedNumber('', 1)).toBe('•');
    // Characters, not UTF-16 units: an ending in Arabic-Indic or astral digits keeps the length the api gave.
    expect(maskedNumber('𝟙𝟚𝟛', 6)).toBe('•••𝟙𝟚𝟛');
    expect(maskedNumber('٥٦٧', 8)).toBe('•••••٥٦٧');
  });

  it('reads two times in the same minute as the same, as the page shows them', () => {
    const rows = compareRecords(record('1', { arrivedAt: '2026-12-07T20:32:05.120Z' }), record('2', { arrivedAt: '2026-12-07T20:32:48.001Z' }));
    expect(rows.find((row) => row.field === 'arrived')?.verdict).toBe('SAME');
    // Two arrivals days apart differ as two arrivals always do: an expected difference, not one against the match.
    const apart = compareRecords(record('1', {}), record('2', { arrivedAt: '2026-12-04T20:32:00.000Z' }));
    expect(apart.find((row) => row.field === 'arrived')?.verdict).toBe('EXPECTED');
    expect(apart.map((row) => row.field)).not.toContain('registered');
    expect([matchLevel(1), matchLevel(0.85), matchLevel(0.7), matchLevel(0.59)]).toEqual(['STRONG', 'STRONG', 'POSSIBLE', 'WEAK']);
  });

  it('shows the new arrival alone while the earlier record is not read', () => {
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

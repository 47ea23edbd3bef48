import { DEFAULT_QUESTIONNAIRE } from '@kivuko/cases';
import { AGE_BANDS, HTCDS_FIELDS, HtcdsInput, htcdsRecord, validateHtcdsRecord } from './htcds';

/** A 16-year-old Malawian girl at a border post: deceived, controlled, in debt, sexually exploited. */
const child = (): HtcdsInput => ({
  recordId: 'c0ffee00b4d1e5a7',
  registeredAt: '2026-03-14T08:30:00+03:00',
  sex: 'FEMALE',
  ageAtRegistration: 16,
  presumedChild: true,
  nationalities: ['MWI'],
  identificationStatus: 'PRESUMED',
  documentsHeldByOther: true,
  screeningAnswers: {
    movement_controlled: true,
    threatened: true,
    debt_bondage: true,
    deceived_about_job: true,
    little_or_no_pay: true,
    sexual_exploitation: true,
    injuries_from_control: false,
    others_speak_for_person: true,
    forced_or_early_marriage: false,
    associated_with_armed_group: false,
    child_labour: true,
    trafficking_account: 'Told she would work in a shop in Nairobi.',
  },
});

/** Only what a surge intake has: no age, no nationality known, no screening yet. */
const sparse = (): HtcdsInput => ({
  recordId: 'rec_000000000042',
  registeredAt: '2025-12-31',
  sex: 'UNKNOWN',
  ageAtRegistration: null,
  presumedChild: false,
  nationalities: ['UNKNOWN'],
  identificationStatus: 'POTENTIAL',
  documentsHeldByOther: null,
  screeningAnswers: {},
});

const names = HTCDS_FIELDS.map((field) => field.name);

describe('HTCDS_FIELDS', () => {
  it('names each field once and uses the CTDC column names', () => {
    expect(new Set(names).size).toBe(names.length);
    for (const name of ['yearOfRegistration', 'Datasource', 'gender', 'ageBroad', 'majorityStatus', 'majorityStatusAtExploit', 'majorityEntry',
      'citizenship', 'meansOfControlDebtBondage', 'meansOfControlWithholdsDocuments', 'meansOfControlNotSpecified', 'isForcedLabour',
      'isSexAndLabour', 'isSlaveryAndPractices', 'typeOfLabourMiningOrDrilling', 'typeOfSexRemoteInteractiveServices', 'isAbduction',
      'CountryOfExploitation', 'recruiterRelationIntimatePartner', 'recruiterRelationUnknown']) {
      expect(names).toContain(name);
    }
    expect(names).toHaveLength(59);
  });

  it('only maps questions the default questionnaire has', () => {
    const ids = new Set(DEFAULT_QUESTIONNAIRE.questions.map((q) => q.id));
    for (const id of Object.keys(child().screeningAnswers)) expect(ids).toContain(id);
  });
});

describe('htcdsRecord', () => {
  it('maps a full case to the expected row, which passes validation', () => {
    const row = htcdsRecord(child());
    expect(Object.keys(row)).toEqual(names);
    expect(row).toMatchObject({
      recordId: 'c0ffee00b4d1e5a7',
      yearOfRegistration: 2026,
      Datasource: 'Case Management',
      gender: 'Female',
      ageBroad: '9--17',
      majorityStatus: 'Minor',
      citizenship: 'MW',
      meansOfControlDebtBondage: 1,
      meansOfControlThreats: 1,
      meansOfControlFalsePromises: 1,
      meansOfControlRestrictsMovement: 1,
      meansOfControlWithholdsDocuments: 1,
      meansOfControlPhysicalAbuse: 0,
      meansOfControlNotSpecified: 0,
      isSexualExploit: 1,
      isForcedMarriage: 0,
      isForcedMilitary: 0,
    });
    expect(validateHtcdsRecord(row)).toEqual([]);
  });

  it('does not stretch near-miss answers into other columns', () => {
    const row = htcdsRecord(child());
    // little_or_no_pay, child_labour and sexual_exploitation are not these.
    expect(row['meansOfControlTakesEarnings']).toBeNull();
    expect(row['isForcedLabour']).toBeNull();
    expect(row['meansOfControlSexualAbuse']).toBeNull();
    // Sexual exploitation known, forced labour not: whether it was both is unknown.
    expect(row['isSexAndLabour']).toBeNull();
    expect(htcdsRecord({ ...child(), screeningAnswers: { sexual_exploitation: false } })['isSexAndLabour']).toBe(0);
  });

  it('gives null for every fact Kivuko does not have, never a guess', () => {
    const row = htcdsRecord(sparse());
    const known = { recordId: 'rec_000000000042', yearOfRegistration: 2025, Datasource: 'Case Management', meansOfControlNotSpecified: 1 };
    for (const name of names) expect([name, row[name]]).toEqual([name, name in known ? known[name as keyof typeof known] : null]);
    expect(validateHtcdsRecord(row)).toEqual([]);
  });

  it('leaves exploitation-time majority unknown even for a child', () => {
    const row = htcdsRecord(child());
    expect(row['majorityStatusAtExploit']).toBeNull();
    expect(row['majorityEntry']).toBeNull();
    expect(row['CountryOfExploitation']).toBeNull();
  });

  it('treats a malformed answer as unknown', () => {
    const row = htcdsRecord({ ...sparse(), screeningAnswers: { threatened: 'yes', debt_bondage: 1 } });
    expect(row['meansOfControlThreats']).toBeNull();
    expect(row['meansOfControlDebtBondage']).toBeNull();
  });

  it.each([
    [0, '0--8'], [8, '0--8'], [9, '9--17'], [17, '9--17'], [18, '18--20'], [20, '18--20'], [21, '21--23'], [24, '24--26'],
    [29, '27--29'], [30, '30--38'], [38, '30--38'], [39, '39--47'], [47, '39--47'], [48, '48+'], [90, '48+'],
  ])('puts age %i in band %s', (age, band) => {
    expect(htcdsRecord({ ...sparse(), ageAtRegistration: age })['ageBroad']).toBe(band);
    expect(AGE_BANDS).toContain(band);
  });

  it('decides majority from age, and from the presumption of minority while it stands', () => {
    expect(htcdsRecord({ ...sparse(), ageAtRegistration: 17 })['majorityStatus']).toBe('Minor');
    expect(htcdsRecord({ ...sparse(), ageAtRegistration: 18 })['majorityStatus']).toBe('Adult');
    expect(htcdsRecord({ ...sparse(), presumedChild: true })['majorityStatus']).toBe('Minor');
  });

  it('maps sex to gender only where it says something', () => {
    expect(htcdsRecord({ ...sparse(), sex: 'MALE' })['gender']).toBe('Male');
    expect(htcdsRecord({ ...sparse(), sex: 'OTHER' })['gender']).toBeNull();
  });

  it('takes the first recorded nationality that is a country', () => {
    expect(htcdsRecord({ ...sparse(), nationalities: ['STATELESS'] })['citizenship']).toBeNull();
    expect(htcdsRecord({ ...sparse(), nationalities: ['UNKNOWN', 'SOM', 'KEN'] })['citizenship']).toBe('SO');
    expect(htcdsRecord({ ...sparse(), nationalities: [] })['citizenship']).toBeNull();
  });

  it('keeps the year as recorded whatever the offset', () => {
    expect(htcdsRecord({ ...sparse(), registeredAt: '2025-12-31T23:30:00-05:00' })['yearOfRegistration']).toBe(2025);
  });

  it('refuses a person not identified as a victim, and input no case has', () => {
    expect(() => htcdsRecord({ ...child(), identificationStatus: 'NOT_IDENTIFIED' })).toThrow(/not identified/);
    expect(() => htcdsRecord({ ...child(), registeredAt: '14/03/2026' })).toThrow(RangeError);
    expect(() => htcdsRecord({ ...child(), ageAtRegistration: 16.5 })).toThrow(RangeError);
    expect(() => htcdsRecord({ ...child(), recordId: 'TZA-HLL-2026-000123 Amina' })).toThrow(RangeError);
  });

  it('carries no name, case number or free text from the case', () => {
    const caseNumber = 'TZA-HLL-2026-000123';
    const withIdentity = { ...child(), caseNumber, givenName: 'Amina', familyName: 'Banda' } as HtcdsInput;
    const row = htcdsRecord(withIdentity);
    const values = Object.values(row).map(String).join('|');
    for (const secret of [caseNumber, 'Amina', 'Banda', 'Nairobi', '2026-03-14']) expect(values).not.toContain(secret);
    for (const name of Object.keys(row)) expect(name).not.toMatch(/name|caseNumber|birth|phone|email|address/i);
  });
});

describe('validateHtcdsRecord', () => {
  it('names every problem with its field', () => {
    const row: Record<string, unknown> = { ...htcdsRecord(child()) };
    delete row['gender'];
    row['givenName'] = 'Amina';
    row['ageBroad'] = '10-14';
    row['meansOfControlThreats'] = true;
    row['yearOfRegistration'] = '2026';
    row['citizenship'] = 'MWI';
    row['recordId'] = '';
    expect(validateHtcdsRecord(row).sort()).toEqual(
      [
        'gender: missing (use null when unknown)',
        'givenName: not a field of the layout',
        'ageBroad: "10-14" is not one of 0--8, 9--17, 18--20, 21--23, 24--26, 27--29, 30--38, 39--47, 48+',
        'meansOfControlThreats: must be 0, 1 or null',
        'yearOfRegistration: must be a whole number or null',
        'citizenship: "MWI" is not an allowed value',
        'recordId: must be a non-empty string or null',
      ].sort(),
    );
  });

  it('rejects what is not a row', () => {
    expect(validateHtcdsRecord(null as unknown as Record<string, unknown>)).toEqual(['(row): must be an object']);
  });
});

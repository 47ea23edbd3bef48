import { deriveFacts } from './derived-facts';
import { isActiveOn, matchPrimaFacie } from './prima-facie';
import { PrimaFacieEntry } from './rule-set';
import { FactsOverrides, newFacts } from './testing/new-facts';

const derive = (overrides: FactsOverrides, list: PrimaFacieEntry[] = []) => deriveFacts(newFacts(overrides), list);

describe('age at arrival and the presumption of minority', () => {
  it('counts whole years from the date of birth to the UTC date of arrival, however the time was written', () => {
    const person = { dateOfBirth: '2008-11-20', statedAge: undefined };
    expect(derive({ person, arrival: { arrivedAt: '2026-11-20T03:30:00+03:00' } })).toMatchObject({ arrivalDate: '2026-11-20', age: 18, ageSource: 'DATE_OF_BIRTH', isChild: false });
    // 00:30 in Dar es Salaam is still 19 November in UTC, the date the intake counts ages by.
    expect(derive({ person, arrival: { arrivedAt: '2026-11-20T00:30:00+03:00' } })).toMatchObject({ arrivalDate: '2026-11-19', age: 17, isChild: true });
    expect(derive({ person, arrival: { arrivedAt: '2026-11-19T21:30:00Z' } })).toMatchObject({ arrivalDate: '2026-11-19', age: 17 });
    expect(derive({ person: { dateOfBirth: '2008-02-29', statedAge: undefined }, arrival: { arrivedAt: '2026-02-28T10:00:00Z' } }).age).toBe(17);
  });

  it('takes the lower of the date of birth and the stated age', () => {
    expect(derive({ person: { dateOfBirth: '2007-03-10', statedAge: 17 } })).toMatchObject({ age: 17, ageSource: 'STATED_AGE', isChild: true });
    expect(derive({ person: { dateOfBirth: '2012-03-10', statedAge: 19 } })).toMatchObject({ age: 14, ageSource: 'DATE_OF_BIRTH', isChild: true });
  });

  it('relies only on the year of an estimated date of birth, giving the youngest age it allows', () => {
    expect(derive({ person: { dateOfBirth: '2008-01-01', dateOfBirthEstimated: true, statedAge: undefined } })).toMatchObject({ age: 17, isChild: true });
    expect(derive({ person: { dateOfBirth: '2008-01-01', dateOfBirthEstimated: false, statedAge: undefined } })).toMatchObject({ age: 18, isChild: false });
  });

  it('presumes a child flagged as unaccompanied or separated when no age under 18 is recorded', () => {
    expect(derive({ person: { statedAge: undefined }, urgentNeeds: ['SEPARATED_CHILD'] })).toMatchObject({ age: null, isChild: true });
    expect(derive({ person: { statedAge: 19 }, urgentNeeds: ['UNACCOMPANIED_CHILD'] })).toMatchObject({ age: 19, isChild: true });
    expect(derive({ person: { statedAge: undefined } })).toMatchObject({ age: null, ageSource: 'UNKNOWN', isChild: false });
  });

  it('lets an age assessment decide, counting its lowest age', () => {
    expect(derive({ person: { statedAge: 15 }, ageAssessment: { minAge: 19, maxAge: 23 } })).toMatchObject({ age: 19, ageSource: 'AGE_ASSESSMENT', isChild: false });
    expect(derive({ person: { statedAge: 15 }, urgentNeeds: ['UNACCOMPANIED_CHILD'], ageAssessment: { minAge: 18 } })).toMatchObject({ isChild: false });
    const assessed = derive({ person: { dateOfBirth: '2000-01-01' }, ageAssessment: { minAge: 17, maxAge: 20 } });
    expect(assessed).toMatchObject({ age: 17, isChild: true });
    expect(assessed.ageExplanation).toBe('age assessment: 17-20 (the lowest age counts: a child)');
  });

  it('treats an unreadable date of birth or arrival time as unknown rather than failing', () => {
    expect(derive({ person: { dateOfBirth: '2010-02-30', statedAge: undefined } })).toMatchObject({ age: null, isChild: false });
    expect(derive({ person: { dateOfBirth: '2010-02-01', statedAge: 30 }, arrival: { arrivedAt: 'yesterday' } })).toMatchObject({ arrivalDate: null, age: 30 });
    // A time without a zone would depend on the server's time zone: not a date the engine relies on.
    expect(derive({ arrival: { arrivedAt: '2026-11-20T08:00:00' } }).arrivalDate).toBeNull();
  });
});

describe('who is with a child', () => {
  it('follows the screening answers first', () => {
    expect(derive({ answers: { caregiver_relationship: 'UNRELATED_ADULT', caregiver_present: true } }).caregiver).toBe('NONE');
    expect(derive({ answers: { caregiver_relationship: 'RELATIVE', caregiver_present: false } }).caregiver).toBe('RELATIVE');
    expect(derive({ answers: { caregiver_relationship: 'CUSTOMARY_CAREGIVER' } }).caregiver).toBe('PARENT_OR_CAREGIVER');
    expect(derive({ answers: { caregiver_present: false }, arrival: { companions: [{ relationship: 'MOTHER' }] } }).caregiver).toBe('NONE');
  });

  it('falls back to the companions recorded at intake', () => {
    expect(derive({ arrival: { companions: [{ relationship: 'FRIEND' }, { relationship: 'FATHER' }] } }).caregiver).toBe('PARENT_OR_CAREGIVER');
    expect(derive({ arrival: { companions: [{ relationship: 'SIBLING' }, { relationship: 'UNRELATED' }] } }).caregiver).toBe('RELATIVE');
    expect(derive({ arrival: { companions: [{ relationship: 'UNRELATED' }, { relationship: 'CHILD' }] } }).caregiver).toBe('NONE');
    expect(derive({ arrival: { companions: [] } }).caregiver).toBe('UNKNOWN');
  });

  it('knows whether the claimed relationship was verified, could not be, or was not checked', () => {
    expect(derive({ arrival: { companions: [{ relationship: 'MOTHER', verified: true }] } }).caregiverVerification).toBe('VERIFIED');
    expect(derive({ arrival: { companions: [{ relationship: 'MOTHER', verified: true }, { relationship: 'UNCLE_OR_AUNT', verified: false }] } }).caregiverVerification).toBe('NOT_VERIFIED');
    expect(derive({ arrival: { companions: [{ relationship: 'FATHER' }] } }).caregiverVerification).toBe('UNCHECKED');
    expect(derive({ arrival: { companions: [{ relationship: 'FRIEND' }] } }).caregiverVerification).toBe('NO_CLAIM');
    expect(derive({ answers: { caregiver_relationship_verified: false }, arrival: { companions: [{ relationship: 'FATHER', verified: true }] } }).caregiverVerification).toBe('NOT_VERIFIED');
  });
});

describe('the prima facie list', () => {
  const southCentral: PrimaFacieEntry = { id: 'SOM-sc', nationality: 'SOM', areaCodes: ['SO-SH', 'SO-BN'], validFrom: '2026-01-01', validTo: '2026-12-31', source: 'test' };
  const wholeCountry: PrimaFacieEntry = { id: 'SSD', nationality: 'SSD', areaCodes: [], validFrom: '2026-06-01', source: 'test' };
  const somali = (areaOfOriginCode?: string) => ({ sex: 'MALE' as const, nationalities: ['KEN', 'SOM'], ...(areaOfOriginCode && { areaOfOriginCode }) });

  it('is in force from its first to its last day inclusive, or until withdrawn', () => {
    expect([isActiveOn(southCentral, '2025-12-31'), isActiveOn(southCentral, '2026-01-01'), isActiveOn(southCentral, '2026-12-31'), isActiveOn(southCentral, '2027-01-01')]).toEqual([false, true, true, false]);
    expect(isActiveOn(wholeCountry, '2099-01-01')).toBe(true);
  });

  it('matches any of the nationalities, and the area of origin when the entry names areas', () => {
    expect(matchPrimaFacie([southCentral], somali('SO-SH'), '2026-05-01')?.id).toBe('SOM-sc');
    expect(matchPrimaFacie([southCentral], somali('SO-WO'), '2026-05-01')).toBeNull();
    expect(matchPrimaFacie([southCentral], somali(), '2026-05-01')).toBeNull();
    expect(matchPrimaFacie([southCentral], somali('SO-SH'), null)).toBeNull();
    expect(matchPrimaFacie([southCentral, wholeCountry], { sex: 'FEMALE', nationalities: ['SSD'] }, '2026-07-01')?.id).toBe('SSD');
  });

  it('is matched on the arrival date, not today', () => {
    expect(derive({ person: somali('SO-BN'), arrival: { arrivedAt: '2026-12-31T23:00:00Z' } }, [southCentral]).primaFacie?.id).toBe('SOM-sc');
    expect(derive({ person: somali('SO-BN'), arrival: { arrivedAt: '2027-01-01T04:00:00+03:00' } }, [southCentral]).primaFacie).toBeNull();
  });
});

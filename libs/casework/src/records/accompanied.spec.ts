import { deriveFacts } from '@kivuko/profiling';
import type { Answers, Companion } from '@kivuko/profiling';
import { accompaniedByCaregiver } from './record-support';

/** What the detention guard reads of who is with a child: only a parent or caregiver positively on record counts. */
describe('accompaniedByCaregiver', () => {
  const accompanied = (answers: Answers, companions: Companion[] = []): boolean =>
    accompaniedByCaregiver(
      answers,
      deriveFacts({ person: { sex: 'FEMALE', statedAge: 11, nationalities: ['SOM'] }, arrival: { arrivedAt: '2026-03-01T08:00:00Z', mode: 'LAND', companions }, answers }, []),
    );

  it('counts a parent, legal guardian or customary caregiver the screening records', () => {
    expect(accompanied({ caregiver_relationship: 'PARENT' })).toBe(true);
    expect(accompanied({ caregiver_relationship: 'LEGAL_GUARDIAN' })).toBe(true);
    expect(accompanied({ caregiver_relationship: 'CUSTOMARY_CAREGIVER' })).toBe(true);
    expect(accompanied({ caregiver_present: true })).toBe(true);
  });

  it('counts a companion whose relationship as parent was verified', () => {
    expect(accompanied({}, [{ relationship: 'MOTHER', verified: true }])).toBe(true);
  });

  it('does not count unknown company, no one, a relative, an unrelated adult or an unverified or disproved claim', () => {
    expect(accompanied({})).toBe(false);
    expect(accompanied({ caregiver_present: false })).toBe(false);
    expect(accompanied({ caregiver_relationship: 'NONE' })).toBe(false);
    expect(accompanied({ caregiver_relationship: 'RELATIVE', caregiver_present: true })).toBe(false);
    expect(accompanied({ caregiver_relationship: 'UNRELATED_ADULT' })).toBe(false);
    expect(accompanied({}, [{ relationship: 'MOTHER' }])).toBe(false);
    expect(accompanied({}, [{ relationship: 'FATHER', verified: false }])).toBe(false);
    expect(accompanied({ caregiver_relationship: 'PARENT', caregiver_relationship_verified: false })).toBe(false);
  });
});

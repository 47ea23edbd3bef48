import { PersonIntakeDto } from './dto/intake.dto';
import { matchFactsOf, namesOf } from './person-record';

const person = (change: Partial<PersonIntakeDto>): PersonIntakeDto => ({ sex: 'FEMALE', nationalities: ['SOM'], ...change }) as PersonIntakeDto;
const ARRIVED = new Date('2026-11-26T03:40:00Z');

describe('namesOf', () => {
  it('gives the full name first, then the other names, and leaves out blanks', () => {
    expect(namesOf(person({ givenName: 'Amina', familyName: 'Hassan', otherNames: ['Aminah Hasan', ' '] }))).toEqual(['Amina Hassan', 'Aminah Hasan']);
    expect(namesOf(person({ familyName: 'Hassan' }))).toEqual(['Hassan']);
    expect(namesOf(person({}))).toEqual([]);
  });
});

describe('matchFactsOf', () => {
  it('takes the date of birth as given, with its estimate flag', () => {
    expect(matchFactsOf(person({ dateOfBirth: '1995-04-12' }), ARRIVED).dateOfBirth).toEqual({ date: '1995-04-12', estimated: false });
    expect(matchFactsOf(person({ dateOfBirth: '1995-04-12', dateOfBirthEstimated: true }), ARRIVED).dateOfBirth).toEqual({ date: '1995-04-12', estimated: true });
  });

  it('stands a stated age in as an estimated mid-year date of birth in the year of arrival', () => {
    expect(matchFactsOf(person({ statedAge: 30 }), ARRIVED).dateOfBirth).toEqual({ date: '1996-07-01', estimated: true });
  });

  it('has no date of birth without a date or an age, and compares documents by kind, number and country', () => {
    const facts = matchFactsOf(person({ documents: [{ kind: 'PASSPORT', number: 'P 123', issuingCountry: 'SOM' }] as PersonIntakeDto['documents'] }), ARRIVED);
    expect(facts.dateOfBirth).toBeUndefined();
    expect(facts.documentNumbers).toEqual([{ kind: 'PASSPORT', number: 'P 123', country: 'SOM' }]);
    expect(facts.nationalities).toEqual(['SOM']);
  });
});

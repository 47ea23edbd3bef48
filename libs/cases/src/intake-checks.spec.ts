import { RegisterIntakeDto } from './dto/intake.dto';
import { REGISTER_INTAKE_EXAMPLE } from './dto/intake.example';
import { ageAt, CLOCK_SKEW_MS, checkIntake, checkPerson } from './intake-checks';
import { IntakeMode } from './intake.enums';
import { QuestionnaireRegistry } from './screening/questionnaire';

const questionnaires = new QuestionnaireRegistry();
const NOW = new Date('2026-11-26T12:00:00Z');
const ARRIVED = new Date(REGISTER_INTAKE_EXAMPLE.arrival.arrivedAt);

/** The documented example, which is a valid intake, with changes. */
const intake = (change: (dto: RegisterIntakeDto) => void = () => undefined): RegisterIntakeDto => {
  const dto = structuredClone(REGISTER_INTAKE_EXAMPLE) as unknown as RegisterIntakeDto;
  change(dto);
  return dto;
};
const paths = (dto: RegisterIntakeDto, now = NOW, structural: string[] = []): string[] => checkIntake(dto, now, questionnaires, structural).problems.map((p) => p.path);
const massPerson = (person: Record<string, unknown>) => person as unknown as RegisterIntakeDto['persons'][number];

describe('ageAt', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageAt('2000-06-15', new Date('2026-06-14T23:59:59Z'))).toBe(25);
    expect(ageAt('2000-06-15', new Date('2026-06-15T00:00:00Z'))).toBe(26);
  });
});

describe('checkIntake', () => {
  it('accepts the documented example, with a questionnaire for each person', () => {
    const { problems, screenings } = checkIntake(intake(), NOW, questionnaires);
    expect(problems).toEqual([]);
    expect(screenings).toHaveLength(2);
    expect(screenings.every((s) => s !== undefined)).toBe(true);
  });

  it('refuses an arrival beyond the allowed clock skew, and accepts one within it', () => {
    const at = (ms: number) => intake((d) => (d.arrival.arrivedAt = new Date(NOW.getTime() + ms).toISOString()));
    expect(paths(at(CLOCK_SKEW_MS))).not.toContain('arrival.arrivedAt');
    expect(paths(at(CLOCK_SKEW_MS + 1000))).toContain('arrival.arrivedAt');
  });

  it('reads the time it is given, not the machine clock', () => {
    const dto = intake();
    expect(paths(dto, new Date('2026-11-26T03:30:00Z'))).toContain('arrival.arrivedAt');
    expect(paths(dto, NOW)).not.toContain('arrival.arrivedAt');
  });

  it('refuses an arrival before 1990', () => {
    expect(paths(intake((d) => (d.arrival.arrivedAt = '1989-12-31T23:59:00Z')))).toContain('arrival.arrivedAt');
  });

  it('refuses a ref used twice and a companion ref that names nobody or the person themselves', () => {
    expect(paths(intake((d) => (d.persons[1].ref = 'mother')))).toContain('persons[1].ref');
    expect(paths(intake((d) => (d.persons[1].travelledWith = [{ ref: 'father', relationship: 'FATHER' } as never])))).toContain('persons[1].travelledWith[0].ref');
    expect(paths(intake((d) => (d.persons[1].travelledWith = [{ ref: 'son', relationship: 'OTHER_RELATIVE' } as never])))).toContain('persons[1].travelledWith[0].ref');
  });

  it('wants a companion named by ref or by caseId, exactly one of them', () => {
    expect(paths(intake((d) => (d.persons[1].travelledWith = [{ relationship: 'MOTHER' } as never])))).toContain('persons[1].travelledWith[0]');
    expect(
      paths(intake((d) => (d.persons[1].travelledWith = [{ ref: 'mother', caseId: '0b0e8a5e-6a0e-4f43-9b8a-2d3c4e5f6a7b', relationship: 'MOTHER' } as never]))),
    ).toContain('persons[1].travelledWith[0]');
  });

  it('does not check again the parts whose shape was already refused', () => {
    const dto = intake((d) => (d.persons[0].dateOfBirth = '2099-01-01'));
    expect(paths(dto)).toContain('persons[0].dateOfBirth');
    expect(paths(dto, NOW, ['persons[0].sex'])).not.toContain('persons[0].dateOfBirth');
    expect(paths(dto, NOW, ['arrival'])).toEqual([]);
  });
});

describe('checkPerson', () => {
  const full = () => intake().persons[0];
  const check = (person: RegisterIntakeDto['persons'][number], mode = IntakeMode.Full) => checkPerson(person, 'person', mode, ARRIVED, NOW, questionnaires).problems;

  it('wants a name, an age and a screening in a full intake', () => {
    const person = { ...full(), givenName: undefined, familyName: undefined, dateOfBirth: undefined, screening: undefined };
    expect(check(person).map((p) => p.path)).toEqual(expect.arrayContaining(['person.givenName', 'person.dateOfBirth', 'person.screening']));
  });

  it('keeps the description and the urgent-need flags for mass-arrival records', () => {
    expect(check({ ...full(), description: 'tall, red scarf' }).map((p) => p.path)).toContain('person.description');
    expect(check({ ...full(), urgentNeeds: ['MEDICAL_EMERGENCY'] } as never).map((p) => p.path)).toContain('person.urgentNeeds');
  });

  it('takes a mass-arrival record with a description and an approximate age, and refuses one with neither', () => {
    expect(check(massPerson({ description: 'woman in a green coat', statedAge: 30, sex: 'FEMALE', nationalities: ['UNKNOWN'] }), IntakeMode.MassArrival)).toEqual([]);
    expect(check(massPerson({ sex: 'FEMALE', nationalities: ['UNKNOWN'] }), IntakeMode.MassArrival).map((p) => p.path)).toEqual(['person.givenName', 'person.statedAge']);
  });

  it('refuses a date of birth in the future, after the arrival, or over 120 years before it', () => {
    expect(check({ ...full(), dateOfBirth: '2026-12-01' }).map((p) => p.problem)).toContain('must not be in the future');
    const afterArrival = checkPerson({ ...full(), dateOfBirth: '2026-11-28' }, 'person', IntakeMode.Full, ARRIVED, new Date('2026-12-31T00:00:00Z'), questionnaires).problems;
    expect(afterArrival.map((p) => p.problem)).toContain('must not be after the arrival');
    expect(check({ ...full(), dateOfBirth: '1900-01-01' }).map((p) => p.problem)).toContain('gives an age over 120 at arrival');
  });

  it('refuses a stated age more than 2 years from the date of birth, and accepts one within 2 years', () => {
    expect(check({ ...full(), statedAge: 31 }).map((p) => p.path)).not.toContain('person.statedAge');
    expect(check({ ...full(), statedAge: 34 }).map((p) => p.path)).toContain('person.statedAge');
  });

  it('refuses an estimate flag without a date, an interpreter sex without an interpreter, STATELESS with a nationality, and a document listed twice', () => {
    const person = {
      ...full(),
      dateOfBirth: undefined,
      statedAge: 30,
      dateOfBirthEstimated: true,
      interpreter: { needed: false, sex: 'FEMALE' },
      nationalities: ['SOM', 'STATELESS'],
      documents: [full().documents![0], full().documents![0]],
    } as never;
    expect(check(person).map((p) => p.path)).toEqual(
      expect.arrayContaining(['person.dateOfBirthEstimated', 'person.interpreter.sex', 'person.nationalities', 'person.documents[1]']),
    );
  });

  it('names an unknown questionnaire, or an unknown version of a known one', () => {
    const screening = full().screening!;
    expect(check({ ...full(), screening: { ...screening, questionnaire: 'NO_SUCH_QUESTIONNAIRE' } } as never).map((p) => p.path)).toContain('person.screening.questionnaire');
    expect(check({ ...full(), screening: { ...screening, version: 999 } } as never).map((p) => p.path)).toContain('person.screening.version');
  });
});

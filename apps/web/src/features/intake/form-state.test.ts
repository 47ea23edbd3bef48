import { describe, expect, it } from 'vitest';
import { controlFor, emptyIntake, emptyPerson, intakeBody, IntakeForm, validateIntake } from './form-state';
import type { Question } from './questionnaire';

const now = new Date('2026-11-26T08:00:00Z');
const questions: Question[] = [
  { id: 'sexual_violence_disclosed', group: 'SGBV', type: 'BOOLEAN', prompt: { en: 'Disclosed' } },
  { id: 'sexual_violence_hours_ago', group: 'SGBV', type: 'INTEGER', prompt: { en: 'Hours' }, showWhen: { answer: 'sexual_violence_disclosed', equals: true } },
];

function family(): IntakeForm {
  const form = emptyIntake(new Date('2026-11-26T06:40:00Z'), '9b2d5c1e-8f2a-4c55-9d0e-3f1a2b3c4d5e');
  form.persons = [
    { ...emptyPerson('p1'), givenName: 'Amina', familyName: 'Warsame', sex: 'FEMALE', statedAge: '34', nationalities: ['SOM'], answers: { sexual_violence_disclosed: false, sexual_violence_hours_ago: 5 } },
    { ...emptyPerson('p2'), givenName: 'Hodan', sex: 'FEMALE', dateOfBirth: '2016-03-01', nationalities: ['SOM'], travelledWith: [{ ref: 'p1', relationship: 'MOTHER' }] },
  ];
  return form;
}

describe('the registration body', () => {
  it('sends each person with their ref, companions by ref, and only the answers of questions that apply', () => {
    const body = intakeBody(family(), 'c0a8f7e2-1b2c-4d3e-8f9a-0b1c2d3e4f5a', questions, { code: 'kivuko-screening', version: 3 }) as {
      intakeId: string;
      mode: string;
      arrival: { arrivedAt: string };
      persons: { ref: string; statedAge?: number; travelledWith?: unknown; screening: { questionnaire: string; version: number; answers: unknown } }[];
    };
    expect(body.intakeId).toBe('c0a8f7e2-1b2c-4d3e-8f9a-0b1c2d3e4f5a');
    expect(body.mode).toBe('FULL');
    expect(body.arrival.arrivedAt).toBe('2026-11-26T06:40:00.000Z');
    expect(body.persons[0]).toMatchObject({ ref: 'p1', statedAge: 34, screening: { questionnaire: 'kivuko-screening', version: 3, answers: { sexual_violence_disclosed: false } } });
    expect(body.persons[0]?.screening.answers).not.toHaveProperty('sexual_violence_hours_ago');
    expect(body.persons[1]?.travelledWith).toEqual([{ ref: 'p1', relationship: 'MOTHER' }]);
  });

  it('leaves urgent needs and the description out of a full interview', () => {
    const form = family();
    form.persons[0] = { ...form.persons[0]!, urgentNeeds: ['MEDICAL_EMERGENCY'], description: 'tall' };
    const body = intakeBody(form, 'id', questions) as { persons: Record<string, unknown>[] };
    expect(body.persons[0]).not.toHaveProperty('urgentNeeds');
    expect(body.persons[0]).not.toHaveProperty('description');
  });
});

describe('the checks before sending (the api’s rules)', () => {
  it('passes a complete family', () => {
    expect(validateIntake(family(), now)).toEqual([]);
  });

  it('names each problem by the api’s path', () => {
    const form = family();
    form.persons[1] = { ...form.persons[1]!, givenName: '', dateOfBirth: '', sex: '', nationalities: ['STATELESS', 'SOM'], travelledWith: [{ ref: 'p9', relationship: '' }] };
    expect(validateIntake(form, now).map((p) => `${p.path} ${p.code}`)).toEqual([
      'persons[1].givenName nameRequired',
      'persons[1].sex required',
      'persons[1].dateOfBirth ageRequired',
      'persons[1].nationalities statelessAlone',
      'persons[1].travelledWith[0].ref companionMissing',
      'persons[1].travelledWith[0].relationship required',
    ]);
  });

  it('a mass-arrival record takes a description instead of names, and needs an approximate age', () => {
    const form = family();
    form.mode = 'MASS_ARRIVAL';
    form.persons = [{ ...emptyPerson('p1'), description: 'woman, red scarf', sex: 'FEMALE', nationalities: ['UNKNOWN'] }];
    expect(validateIntake(form, now).map((p) => `${p.path} ${p.code}`)).toEqual(['persons[0].statedAge ageRequired']);
  });
});

describe('where an api field problem shows', () => {
  const controls = ['persons[1].nationalities', 'persons[1].interpreter', 'persons[1].interpreter.sex', 'persons[0].screening.answers.fgm', 'arrival.arrivedAt'];
  it('on its control, or the deepest control its path falls under', () => {
    expect(controlFor('persons[1].nationalities', controls)).toBe('persons[1].nationalities');
    expect(controlFor('persons[1].nationalities[0]', controls)).toBe('persons[1].nationalities');
    expect(controlFor('persons[1].interpreter.sex', controls)).toBe('persons[1].interpreter.sex');
    expect(controlFor('persons[1].interpreter.needed', controls)).toBe('persons[1].interpreter');
    expect(controlFor('persons[0].screening.answers.fgm', controls)).toBe('persons[0].screening.answers.fgm');
    expect(controlFor('persons[2].sex', controls)).toBeUndefined();
  });
});

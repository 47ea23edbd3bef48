import { Clock } from '@kivuko/platform';
import { REGISTER_INTAKE_EXAMPLE } from './dto/intake.example';
import { RegisterIntakeBodyPipe } from './intake-body.pipe';
import { QuestionnaireRegistry } from './screening/questionnaire';

/** The documented example with a shape problem (an unknown sex), so the intake's own rules are answered with it. */
const misshapen = () => {
  const body = structuredClone(REGISTER_INTAKE_EXAMPLE) as { persons: { sex: string }[] };
  body.persons[0].sex = 'NOT_A_SEX';
  return body;
};

const refusedPaths = (pipe: RegisterIntakeBodyPipe, body: unknown): string[] => {
  try {
    pipe.transform(body);
  } catch (error) {
    return (error as { fields: { path: string }[] }).fields.map((f) => f.path);
  }
  throw new Error('the body was accepted');
};

describe('RegisterIntakeBodyPipe', () => {
  const clock = new Clock();
  const pipe = new RegisterIntakeBodyPipe(new QuestionnaireRegistry(), clock);
  afterEach(() => clock.fixAt(null));

  it('passes a body of sound shape on to the use case', () => {
    expect(pipe.transform(structuredClone(REGISTER_INTAKE_EXAMPLE))).toMatchObject({ intakeId: REGISTER_INTAKE_EXAMPLE.intakeId });
  });

  it('answers the shape problems and the rules together, reading the time from the clock', () => {
    clock.fixAt(new Date('2026-11-26T03:30:00Z'));
    expect(refusedPaths(pipe, misshapen())).toEqual(expect.arrayContaining(['persons[0].sex', 'arrival.arrivedAt']));
    clock.fixAt(new Date('2026-11-26T12:00:00Z'));
    expect(refusedPaths(pipe, misshapen())).toContain('persons[0].sex');
    expect(refusedPaths(pipe, misshapen())).not.toContain('arrival.arrivedAt');
  });
});

import { BadInputError, DomainError } from './domain-error';
import { defineErrors, errorCodeList } from './error-catalog';

describe('error catalogues', () => {
  const errors = defineErrors('cases', {
    'CASE.NOT_FOUND': { kind: 'NOT_FOUND', message: 'No case with this id is visible to you' },
    'INTAKE.INVALID': { kind: 'BAD_INPUT', message: 'The registration is not valid' },
  });

  it('raises a declared code with its kind and declared message, or a more precise one', () => {
    const plain = errors.raise('CASE.NOT_FOUND');
    expect(plain).toBeInstanceOf(DomainError);
    expect([plain.code, plain.kind, plain.message]).toEqual(['CASE.NOT_FOUND', 'NOT_FOUND', 'No case with this id is visible to you']);
    expect(errors.raise('CASE.NOT_FOUND', 'Case 7 is not visible').message).toBe('Case 7 is not visible');
  });

  it('names each bad field of a 400, and refuses a field list for a code that is not BAD_INPUT', () => {
    const bad = errors.badInput('INTAKE.INVALID', [{ path: 'persons[0].sex', problem: 'unknown value' }]);
    expect(bad).toBeInstanceOf(BadInputError);
    expect(bad.fields).toEqual([{ path: 'persons[0].sex', problem: 'unknown value' }]);
    expect(() => errors.badInput('CASE.NOT_FOUND', [])).toThrow(/declared NOT_FOUND/);
  });

  it('publishes every code with its status, and refuses a code that two contexts declare', () => {
    expect(errorCodeList([errors]).map((e) => [e.code, e.status])).toEqual([
      ['CASE.NOT_FOUND', 404],
      ['INTAKE.INVALID', 400],
    ]);
    const again = defineErrors('casework', { 'CASE.NOT_FOUND': { kind: 'NOT_FOUND', message: 'x' } });
    expect(() => errorCodeList([errors, again])).toThrow(/declared by both cases and casework/);
  });

  it('refuses a code that is not of the form AREA.NAME', () => {
    expect(() => defineErrors('x', { 'not-a-code': { kind: 'CONFLICT', message: 'x' } })).toThrow(/AREA.NAME/);
  });
});

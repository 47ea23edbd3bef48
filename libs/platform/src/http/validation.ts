import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BadInputError, FieldProblem } from '../errors/domain-error';

/** Flattens class-validator's tree into one problem per failed rule, addressed by a dotted path. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    // A required field that is simply absent gets one plain message, not every rule it would break.
    // (The value is looked at only for that; it never leaves this function.)
    const missing = error.value === undefined && error.constraints !== undefined;
    const own = missing
      ? [{ path, problem: `${path} is required` }]
      : Object.values(error.constraints ?? {}).map((problem) => ({ path, problem }));
    return [...own, ...fieldProblems(error.children ?? [], path)];
  });
}

/** The 400 for a set of field problems, with a summary naming each field once. */
export function validationFailed(fields: FieldProblem[], code = 'REQUEST.VALIDATION_FAILED', subject = 'The request'): BadInputError {
  const paths = [...new Set(fields.map((f) => f.path))];
  return new BadInputError(code, `${subject} has ${paths.length} invalid field${paths.length === 1 ? '' : 's'}: ${paths.join(', ')}`, fields);
}

/**
 * Validates a body the way the global pipe does, but returns the problems instead of throwing, so a
 * route can add its own rules and answer every problem in one 400.
 */
export function validateBody<T extends object>(type: ClassConstructor<T>, body: unknown): { value: T; problems: FieldProblem[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { value: {} as T, problems: [{ path: '(body)', problem: 'the body must be a JSON object' }] };
  }
  const value = plainToInstance(type, body);
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: false, validationError: { target: false, value: true } });
  return { value, problems: fieldProblems(errors) };
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => validationFailed(fieldProblems(errors)),
  });
}

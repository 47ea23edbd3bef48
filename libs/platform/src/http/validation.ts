import { ValidationError, ValidationPipe } from '@nestjs/common';
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

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const fields = fieldProblems(errors);
      const paths = [...new Set(fields.map((f) => f.path))];
      return new BadInputError(
        'REQUEST.VALIDATION_FAILED',
        `The request has ${paths.length} invalid field${paths.length === 1 ? '' : 's'}: ${paths.join(', ')}`,
        fields,
      );
    },
  });
}

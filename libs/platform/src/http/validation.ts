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
    const own = Object.values(error.constraints ?? {}).map((problem) => ({ path, problem }));
    return [...own, ...fieldProblems(error.children ?? [], path)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = fieldProblems(errors);
      return new BadInputError(
        'REQUEST.VALIDATION_FAILED',
        `The request has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}: ${[...new Set(fields.map((f) => f.path))].join(', ')}`,
        fields,
      );
    },
  });
}

/**
 * Every error a use case raises on purpose carries a code from this catalogue. The code decides the
 * HTTP status in one place (the global filter), so services never think in status codes.
 */
export type ErrorKind =
  | 'BAD_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'UNPROCESSABLE'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_MANY'
  | 'UNAVAILABLE';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A single problem with one input field, addressed by its path (e.g. `persons[0].dateOfBirth`). */
export interface FieldProblem {
  path: string;
  problem: string;
}

export class BadInputError extends DomainError {
  constructor(code: string, message: string, readonly fields: FieldProblem[]) {
    super(code, 'BAD_INPUT', message, { fields });
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, 'NOT_FOUND', message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, 'CONFLICT', message, details);
  }
}

export const HTTP_STATUS_BY_KIND: Record<ErrorKind, number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY: 429,
  UNPROCESSABLE: 422,
  UNAVAILABLE: 503,
};

import { defineErrors } from './error-catalog';

/**
 * The refusals the platform answers with itself, whichever context's route was asked: input the validation
 * refuses, the error filter's answer for each status an HTTP error or Fastify raises before a route runs, a
 * lost race on a unique index, and a database that went away.
 */
export const PlatformErrors = defineErrors('platform', {
  'REQUEST.VALIDATION_FAILED': { kind: 'BAD_INPUT', message: 'The request has invalid fields: `details.fields` names each' },
  'REQUEST.BAD_INPUT': { kind: 'BAD_INPUT', message: 'The request cannot be read (for example, its body is not valid JSON)' },
  'AUTH.UNAUTHENTICATED': { kind: 'UNAUTHENTICATED', message: 'No valid credentials' },
  'AUTH.FORBIDDEN': { kind: 'FORBIDDEN', message: 'Refused' },
  'REQUEST.NOT_FOUND': { kind: 'NOT_FOUND', message: 'No such route' },
  'REQUEST.METHOD_NOT_ALLOWED': { kind: 'METHOD_NOT_ALLOWED', message: 'The route does not take this method' },
  'REQUEST.CONFLICT': { kind: 'CONFLICT', message: 'The request conflicts with the current state' },
  'REQUEST.TOO_LARGE': { kind: 'TOO_LARGE', message: 'The body is larger than the limit (KIVUKO_BODY_LIMIT_BYTES)' },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': { kind: 'UNSUPPORTED_MEDIA_TYPE', message: 'The body is not JSON' },
  'REQUEST.UNPROCESSABLE': { kind: 'UNPROCESSABLE', message: 'The request cannot be processed' },
  'REQUEST.TOO_MANY': { kind: 'TOO_MANY', message: 'Too many requests: wait `Retry-After` seconds' },
  'CONFLICT.ALREADY_EXISTS': { kind: 'CONFLICT', message: 'Another request made the same thing at the same time: read it again' },
  'SERVICE.DATABASE_UNAVAILABLE': { kind: 'UNAVAILABLE', message: 'The database is briefly unavailable; send the request again in a few seconds.' },
});

export type PlatformErrorCode = keyof typeof PlatformErrors.specs;

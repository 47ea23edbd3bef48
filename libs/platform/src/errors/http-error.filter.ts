import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, HTTP_STATUS_BY_KIND } from './domain-error';
import { PlatformErrorCode, PlatformErrors } from './platform.errors';

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  correlationId: string;
}

/** The code of an HTTP error that carries none of its own (Nest's, or Fastify's before a route runs), by status. */
const CODE_BY_STATUS: Record<number, PlatformErrorCode> = {
  400: 'REQUEST.BAD_INPUT',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'REQUEST.NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  409: 'REQUEST.CONFLICT',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  422: 'REQUEST.UNPROCESSABLE',
  429: 'REQUEST.TOO_MANY',
};

/** Errors Fastify raises before a route runs (body parsing, size, content type). */
interface FastifyError {
  statusCode?: number;
  code?: string;
  message: string;
}

function isFastifyError(e: unknown): e is FastifyError {
  return (
    e instanceof Error &&
    typeof (e as FastifyError).code === 'string' &&
    (e as FastifyError).code!.startsWith('FST_') &&
    typeof (e as FastifyError).statusCode === 'number'
  );
}

/** The name of the unique index a database error violated, for the indexes named `…_uq`. */
function uniqueViolation(e: unknown): string | null {
  const driver = (e as { driverError?: { code?: unknown; constraint?: unknown } } | null)?.driverError;
  return e instanceof Error && driver?.code === '23505' && typeof driver.constraint === 'string' && driver.constraint.endsWith('_uq') ? driver.constraint : null;
}

/**
 * SQLSTATEs that say the connection or the server went away, not that the statement was wrong:
 * class 08 (connection exception), 57P01–57P03 (terminated by an administrator, crash, starting up).
 */
const CONNECTION_LOST_SQLSTATES = /^(08...|57P0[1-3])$/;
/** Socket errors on the way to the database. */
const CONNECTION_LOST_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** What node-postgres and its pool say when a connection dies or none can be had in time. */
const CONNECTION_LOST_MESSAGES = [
  /^Connection terminated/,
  /Client has encountered a connection error and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Client was closed and is not queryable/,
];
/** TypeORM's own: the query runner's connection was released under it (its pool client died). */
const CONNECTION_LOST_NAMES = new Set(['QueryRunnerProviderAlreadyReleasedError', 'ConnectionIsNotSetError']);

/** Seconds a 503 asks the caller to wait while the database comes back. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The database could not be reached or dropped the connection (restart, failover, network): the
 * request may succeed if sent again. Looks through TypeORM's wrapper, `cause` and AggregateError.
 */
export function isDatabaseConnectionLoss(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.name === 'string' && CONNECTION_LOST_NAMES.has(e.name)) return true;
  if (typeof e.code === 'string' && (CONNECTION_LOST_SQLSTATES.test(e.code) || CONNECTION_LOST_ERRNOS.has(e.code))) return true;
  if (typeof e.message === 'string' && CONNECTION_LOST_MESSAGES.some((m) => m.test(e.message as string))) return true;
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((i) => i !== error && isDatabaseConnectionLoss(i, depth + 1));
}

/** A platform refusal's code and declared message. */
function declared(code: PlatformErrorCode): { code: string; message: string } {
  return { code, message: PlatformErrors.specs[code].message };
}

/** Turns any error into `{ code, message, details?, correlationId }` with the matching status. */
export function toErrorResponse(error: unknown, correlationId: string): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    const body: ErrorBody = { code: error.code, message: error.message, correlationId };
    if (error.details !== undefined) body.details = error.details;
    return { status: HTTP_STATUS_BY_KIND[error.kind], body };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response && typeof response.message === 'string'
        ? response.message
        : error.message;
    return { status, body: { code: CODE_BY_STATUS[status] ?? `HTTP.${status}`, message, correlationId } };
  }
  // Two requests raced for something only one may have (a constraint named `…_uq`): the loser is told so.
  const unique = uniqueViolation(error);
  if (unique) {
    return { status: HttpStatus.CONFLICT, body: { ...declared('CONFLICT.ALREADY_EXISTS'), details: { constraint: unique }, correlationId } };
  }
  if (isDatabaseConnectionLoss(error)) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      body: {
        ...declared('SERVICE.DATABASE_UNAVAILABLE'),
        details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
        correlationId,
      },
    };
  }
  if (isFastifyError(error) && error.statusCode! >= 400 && error.statusCode! < 500) {
    const status = error.statusCode!;
    const message =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
        ? `The request body is not valid JSON: ${error.message}`
        : error.message;
    return { status, body: { code: CODE_BY_STATUS[status] ?? `HTTP.${status}`, message, correlationId } };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { code: 'INTERNAL', message: 'An unexpected error occurred; quote the correlation id when reporting it.', correlationId },
  };
}

/** Seconds a 429 asks the caller to wait: what the refusal says (`details.retryAfterSeconds`), else one. */
export function retryAfterSeconds(details: unknown): number {
  const said = (details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
  return typeof said === 'number' && Number.isFinite(said) && said >= 1 ? Math.ceil(said) : 1;
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body } = toErrorResponse(error, String(request.id));
    if (status === HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.warn({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error), correlationId: body.correlationId }, 'database unavailable');
      void reply.header('retry-after', String(retryAfterSeconds(body.details)));
    } else if (status >= 500) {
      this.logger.error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error), correlationId: body.correlationId }, 'unhandled error');
    }
    if (status === HttpStatus.TOO_MANY_REQUESTS) void reply.header('retry-after', String(retryAfterSeconds(body.details)));
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, HTTP_STATUS_BY_KIND } from './domain-error';

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  correlationId: string;
}

const CODE_BY_STATUS: Record<number, string> = {
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
    return { status: HttpStatus.CONFLICT, body: { code: 'CONFLICT.ALREADY_EXISTS', message: 'Another request made the same thing at the same time: read it again', details: { constraint: unique }, correlationId } };
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
    if (status >= 500) {
      this.logger.error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error), correlationId: body.correlationId }, 'unhandled error');
    }
    if (status === HttpStatus.TOO_MANY_REQUESTS) void reply.header('retry-after', String(retryAfterSeconds(body.details)));
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

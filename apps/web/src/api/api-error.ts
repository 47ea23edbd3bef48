/** One bad field of a 400 (`details.fields` of the api's error body). */
export interface FieldProblem {
  path: string;
  problem: string;
  /** A stable code for the kind of problem, where the api gives one (the page says it in the user's language). */
  code?: string;
  params?: Record<string, unknown>;
}

/**
 * A refusal from the api, or no answer at all (`status` 0, code `NETWORK.UNREACHABLE`). The code is
 * what the UI translates (`error.<code>` in the catalogs); the api's English message is never shown.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly correlationId?: string,
    /** Seconds to wait, from a 429's Retry-After. */
    readonly retryAfterSeconds?: number,
    readonly fields: FieldProblem[] = [],
    /** The rest of the error body's `details` (a safeguard's reasons, dates and lead agency), as the api sent it. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(code);
    this.name = 'ApiError';
  }

  static network(): ApiError {
    return new ApiError(0, 'NETWORK.UNREACHABLE');
  }

  /** Reads the api's error body (`{ code, message, details, correlationId }`) from a failed response. */
  static async from(response: Response): Promise<ApiError> {
    let body: unknown = null;
    try {
      body = await response.clone().json();
    } catch {
      // Not JSON (a proxy's error page): the status still says what happened.
    }
    return ApiError.fromBody(response, body);
  }

  /** The same, from a body already parsed (openapi-fetch reads it before handing back the response). */
  static fromBody(response: Response, parsed: unknown): ApiError {
    const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
      code?: unknown;
      correlationId?: unknown;
      details?: { fields?: unknown; retryAfterSeconds?: unknown };
    };
    const header = Number(response.headers.get('retry-after'));
    const retryAfter = Number.isFinite(header) && header > 0 ? header : typeof body.details?.retryAfterSeconds === 'number' ? body.details.retryAfterSeconds : undefined;
    const fields = Array.isArray(body.details?.fields) ? (body.details.fields as FieldProblem[]) : [];
    const code = typeof body.code === 'string' ? body.code : `HTTP.${response.status}`;
    const details = typeof body.details === 'object' && body.details !== null ? (body.details as Record<string, unknown>) : {};
    return new ApiError(response.status, code, typeof body.correlationId === 'string' ? body.correlationId : undefined, retryAfter, fields, details);
  }
}

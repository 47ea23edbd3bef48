import { BadInputError, DomainError, ErrorKind, FieldProblem, HTTP_STATUS_BY_KIND } from './domain-error';

/**
 * What one refusal means: its kind (which decides the HTTP status, in one place) and what it says when the
 * place that raises it has nothing more precise to say.
 */
export interface ErrorSpec {
  kind: ErrorKind;
  message: string;
}

/** One entry of the published list of refusals (the OpenAPI document carries them all). */
export interface ErrorCodeEntry {
  code: string;
  context: string;
  kind: ErrorKind;
  status: number;
  message: string;
}

/**
 * The refusals of one context, declared in one file (`<context>.errors.ts`) and raised through it, so that a
 * newcomer finds every code a context can answer with, with its status and meaning, in one place:
 *
 *   export const CaseErrors = defineErrors('cases', {
 *     'CASE.NOT_FOUND': { kind: 'NOT_FOUND', message: 'No case with this id is visible to you' },
 *   });
 *   throw CaseErrors.raise('CASE.NOT_FOUND');
 *   throw CaseErrors.raise('CASE.NOT_FOUND', `Case ${id} is not visible to you`);
 *   throw CaseErrors.badInput('INTAKE.INVALID', fields);
 */
export class ErrorCatalog<Code extends string> {
  constructor(
    readonly context: string,
    readonly specs: Readonly<Record<Code, ErrorSpec>>,
  ) {
    for (const code of Object.keys(specs)) {
      if (!/^[A-Z][A-Z_]*\.[A-Z][A-Z0-9_]*$/.test(code)) throw new Error(`error code ${code} of ${context} is not of the form AREA.NAME`);
    }
  }

  /** The error for `code`, with its declared message unless a more precise one is given. */
  raise(code: Code, message?: string, details?: unknown): DomainError {
    const spec = this.specs[code];
    if (spec.kind === 'BAD_INPUT') {
      const fields = (details as { fields?: FieldProblem[] } | undefined)?.fields ?? [];
      return new BadInputError(code, message ?? spec.message, fields);
    }
    return new DomainError(code, spec.kind, message ?? spec.message, details);
  }

  /** A 400 naming each bad field; `code` must be declared with kind BAD_INPUT. */
  badInput(code: Code, fields: FieldProblem[], message?: string): BadInputError {
    const spec = this.specs[code];
    if (spec.kind !== 'BAD_INPUT') throw new Error(`${code} is declared ${spec.kind}, not BAD_INPUT`);
    return new BadInputError(code, message ?? spec.message, fields);
  }

  /** Whether `error` is this catalogue's `code` (for callers that recover from one refusal). */
  is(error: unknown, code: Code): boolean {
    return error instanceof DomainError && error.code === code;
  }

  entries(): ErrorCodeEntry[] {
    return (Object.entries(this.specs) as [Code, ErrorSpec][]).map(([code, spec]) => ({
      code,
      context: this.context,
      kind: spec.kind,
      status: HTTP_STATUS_BY_KIND[spec.kind],
      message: spec.message,
    }));
  }
}

export function defineErrors<const Code extends string>(context: string, specs: Record<Code, ErrorSpec>): ErrorCatalog<Code> {
  return new ErrorCatalog(context, specs);
}

/**
 * Every code of the given catalogues, sorted; a code declared twice (in two contexts, or with two meanings) is
 * refused, so the published list has one meaning per code.
 */
export function errorCodeList(catalogs: readonly ErrorCatalog<string>[]): ErrorCodeEntry[] {
  const byCode = new Map<string, ErrorCodeEntry>();
  for (const entry of catalogs.flatMap((c) => c.entries())) {
    const earlier = byCode.get(entry.code);
    if (earlier) throw new Error(`error code ${entry.code} is declared by both ${earlier.context} and ${entry.context}`);
    byCode.set(entry.code, entry);
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

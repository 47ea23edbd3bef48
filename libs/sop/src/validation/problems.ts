import { isDuration, parseDuration } from '../duration';

/** The parameters of a problem's code: codes, numbers and values from the document, never prose. */
export type ProblemParams = Record<string, string | number | string[]>;

/**
 * One problem with an SOP document, addressed by its JSON path (`routing.TRAFFICKING_VICTIM.firstContact.HIGH`):
 * `code` is stable (see SOP_PROBLEM_CODES) and, with `params`, lets a client say it in its own language;
 * `problem` says it in English for api users.
 */
export interface SopProblem {
  path: string;
  problem: string;
  code: SopProblemCode;
  params?: ProblemParams;
}

/** Every code a problem with an SOP document may have. */
export const SOP_PROBLEM_CODES = [
  'REQUIRED',
  'NOT_OBJECT',
  'NOT_TEXT',
  'NOT_BOOLEAN',
  'NOT_LIST',
  'EMPTY_LIST',
  'NOT_DATE',
  'BAD_FORMAT',
  'TOO_LONG',
  'NOT_ALLOWED',
  'NOT_ONE_OF',
  'LISTED_TWICE',
  'NOT_DURATION',
  'ZERO_DURATION',
  'TARGET_TWICE',
  'NEVER_RECEIVES',
  'DEADLINE_ORDER',
  'PRIORITY_ORDER',
  'CONSENT_NOT_SHARED',
  'NEVER_SHARED',
  'CONSENT_REQUIRED',
  'BASIS_CHILD_ONLY',
  'BASIS_NEEDS_PROFILES',
  'BASIS_NEEDS_RECIPIENTS',
  'BASIS_CHILD_PROTECTION_ONLY',
  'BASIS_NOT_AUTOMATIC',
  'BASIS_UNDEFINED',
  'COORDINATOR_NOT_SIGNATORY',
  'STEP_ORDER',
  'NO_STEP_FOR_PRIORITY',
  'AGENCY_ONLY_FOR_NOTIFY',
  'SAFEGUARD_ALWAYS_ON',
  'LEGAL_REFERENCE_REQUIRED',
  'PROFILING_RULES',
  'NOT_AN_AGENCY',
  'SAME_AGENCY_TWICE',
  'NOT_A_BORDER_POINT',
] as const;
export type SopProblemCode = (typeof SOP_PROBLEM_CODES)[number];

export type RawObject = Record<string, unknown>;

export function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function child(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** A value as a message may show it: SOP documents hold no personal data, so values are quoted. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Collects problems as a document is read, so every problem is reported at once. */
export class Problems {
  readonly found: SopProblem[] = [];

  add(path: string, problem: string, code: SopProblemCode, params?: ProblemParams): undefined {
    this.found.push({ path: path === '' ? '(sop)' : path, problem, code, ...(params && { params }) });
    return undefined;
  }

  /** Adds the problem and answers false, for checks that keep a running verdict. */
  refuse(path: string, problem: string, code: SopProblemCode, params?: ProblemParams): false {
    this.add(path, problem, code, params);
    return false;
  }

  /** Reports every key of `value` that is not in `allowed`. */
  onlyKeys(value: RawObject, allowed: readonly string[], path: string): void {
    const expected = allowed.filter((k) => k !== '$schema');
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.add(child(path, key), `is not allowed here (expected ${expected.join(', ')})`, 'NOT_ALLOWED', { allowed: expected });
    }
  }

  object(value: unknown, path: string, what: string): RawObject | undefined {
    if (isObject(value)) return value;
    return value === undefined ? this.add(path, `is required (${what})`, 'REQUIRED') : this.add(path, `must be ${what}, got ${shown(value)}`, 'NOT_OBJECT', { value: shown(value) });
  }

  text(value: unknown, path: string, options: { max: number; pattern?: RegExp; shape?: string }): string | undefined {
    if (value === undefined) return this.add(path, `is required (${options.shape ?? 'a non-empty string'})`, 'REQUIRED');
    if (typeof value !== 'string' || value.trim().length === 0) return this.add(path, `must be ${options.shape ?? 'a non-empty string'}, got ${shown(value)}`, 'NOT_TEXT', { value: shown(value) });
    if (options.pattern && !options.pattern.test(value)) return this.add(path, `${shown(value)} is not ${options.shape ?? `text matching ${String(options.pattern)}`}`, 'BAD_FORMAT', { value: shown(value) });
    if (value.length > options.max) return this.add(path, `must be at most ${options.max} characters`, 'TOO_LONG', { max: options.max });
    return value;
  }

  /** Optional text: absent gives null (nothing to report), present must be valid. */
  optionalText(value: unknown, path: string, max: number): string | null | undefined {
    return value === undefined ? null : this.text(value, path, { max });
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value === 'boolean') return value;
    return value === undefined ? this.add(path, 'is required (true or false)', 'REQUIRED') : this.add(path, `must be true or false, got ${shown(value)}`, 'NOT_BOOLEAN', { value: shown(value) });
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const expected = allowed.length > 12 ? `one of the ${allowed.length} known codes (see the schema)` : `one of ${allowed.join(', ')}`;
    if (value === undefined) return this.add(path, `is required (${expected})`, 'REQUIRED');
    return this.add(path, `${shown(value)} is not ${expected}`, 'NOT_ONE_OF', { value: shown(value), ...(allowed.length <= 12 && { allowed: [...allowed] }) });
  }

  /** An ISO 8601 duration; `positive` refuses zero. */
  duration(value: unknown, path: string, options: { positive: boolean }): string | undefined {
    if (value === undefined) return this.add(path, 'is required (an ISO 8601 duration such as PT24H or P3D)', 'REQUIRED');
    if (!isDuration(value)) return this.add(path, `${shown(value)} is not an ISO 8601 duration (e.g. PT1H, PT24H, P3D; whole numbers, no sign)`, 'NOT_DURATION', { value: shown(value) });
    const parsed = parseDuration(value);
    if (options.positive && parsed && Object.values(parsed).every((n) => n === 0)) return this.add(path, `${shown(value)} must be longer than zero`, 'ZERO_DURATION', { value: shown(value) });
    return value;
  }

  /** A list read item by item; undefined when it is not a list or any item is refused. */
  list<T>(value: unknown, path: string, read: (raw: unknown, at: string, index: number) => T | undefined, options: { nonEmpty: boolean }): T[] | undefined {
    if (!Array.isArray(value)) {
      const expected = options.nonEmpty ? 'a non-empty list' : 'a list';
      return value === undefined ? this.add(path, `is required (${expected})`, 'REQUIRED') : this.add(path, `must be ${expected}, got ${shown(value)}`, 'NOT_LIST', { value: shown(value) });
    }
    if (options.nonEmpty && value.length === 0) return this.add(path, 'must be a non-empty list', 'EMPTY_LIST');
    const out: T[] = [];
    value.forEach((raw: unknown, i) => {
      const parsed = read(raw, item(path, i), i);
      if (parsed !== undefined) out.push(parsed);
    });
    return out.length === value.length ? out : undefined;
  }

  /** A list of codes from a vocabulary, each at most once. */
  codes<T extends string>(value: unknown, allowed: readonly T[], path: string, options: { nonEmpty: boolean } = { nonEmpty: false }): T[] | undefined {
    const seen = new Set<string>();
    return this.list(
      value,
      path,
      (raw, at) => {
        const code = this.oneOf(raw, allowed, at);
        if (code === undefined) return undefined;
        if (seen.has(code)) return this.add(at, `"${code}" is listed twice`, 'LISTED_TWICE', { value: code });
        seen.add(code);
        return code;
      },
      options,
    );
  }
}

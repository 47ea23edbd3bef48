import { isDuration, parseDuration } from '../duration';

/** One problem with an SOP document, addressed by its JSON path (`routing.TRAFFICKING_VICTIM.firstContact.HIGH`). */
export interface SopProblem {
  path: string;
  problem: string;
}

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

  add(path: string, problem: string): undefined {
    this.found.push({ path: path === '' ? '(sop)' : path, problem });
    return undefined;
  }

  /** Adds the problem and answers false, for checks that keep a running verdict. */
  refuse(path: string, problem: string): false {
    this.add(path, problem);
    return false;
  }

  /** Reports every key of `value` that is not in `allowed`. */
  onlyKeys(value: RawObject, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.add(child(path, key), `is not allowed here (expected ${allowed.filter((k) => k !== '$schema').join(', ')})`);
    }
  }

  object(value: unknown, path: string, what: string): RawObject | undefined {
    if (isObject(value)) return value;
    return this.add(path, value === undefined ? `is required (${what})` : `must be ${what}, got ${shown(value)}`);
  }

  text(value: unknown, path: string, options: { max: number; pattern?: RegExp; shape?: string }): string | undefined {
    if (value === undefined) return this.add(path, `is required (${options.shape ?? 'a non-empty string'})`);
    if (typeof value !== 'string' || value.trim().length === 0) return this.add(path, `must be ${options.shape ?? 'a non-empty string'}, got ${shown(value)}`);
    if (options.pattern && !options.pattern.test(value)) return this.add(path, `${shown(value)} is not ${options.shape ?? `text matching ${String(options.pattern)}`}`);
    if (value.length > options.max) return this.add(path, `must be at most ${options.max} characters`);
    return value;
  }

  /** Optional text: absent gives null (nothing to report), present must be valid. */
  optionalText(value: unknown, path: string, max: number): string | null | undefined {
    return value === undefined ? null : this.text(value, path, { max });
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value === 'boolean') return value;
    return this.add(path, value === undefined ? 'is required (true or false)' : `must be true or false, got ${shown(value)}`);
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const expected = allowed.length > 12 ? `one of the ${allowed.length} known codes (see the schema)` : `one of ${allowed.join(', ')}`;
    return this.add(path, value === undefined ? `is required (${expected})` : `${shown(value)} is not ${expected}`);
  }

  /** An ISO 8601 duration; `positive` refuses zero. */
  duration(value: unknown, path: string, options: { positive: boolean }): string | undefined {
    if (value === undefined) return this.add(path, 'is required (an ISO 8601 duration such as PT24H or P3D)');
    if (!isDuration(value)) return this.add(path, `${shown(value)} is not an ISO 8601 duration (e.g. PT1H, PT24H, P3D; whole numbers, no sign)`);
    const parsed = parseDuration(value);
    if (options.positive && parsed && Object.values(parsed).every((n) => n === 0)) return this.add(path, `${shown(value)} must be longer than zero`);
    return value;
  }

  /** A list read item by item; undefined when it is not a list or any item is refused. */
  list<T>(value: unknown, path: string, read: (raw: unknown, at: string, index: number) => T | undefined, options: { nonEmpty: boolean }): T[] | undefined {
    if (!Array.isArray(value)) {
      const expected = options.nonEmpty ? 'a non-empty list' : 'a list';
      return this.add(path, value === undefined ? `is required (${expected})` : `must be ${expected}, got ${shown(value)}`);
    }
    if (options.nonEmpty && value.length === 0) return this.add(path, 'must be a non-empty list');
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
        if (seen.has(code)) return this.add(at, `"${code}" is listed twice`);
        seen.add(code);
        return code;
      },
      options,
    );
  }
}

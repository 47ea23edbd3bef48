/** One problem with a rule file, addressed by its path (e.g. `rules[3].when.all[1].gte`). */
export interface RuleSetProblem {
  path: string;
  problem: string;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function child(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** Collects problems as a document is read, so every problem is reported at once. */
export class Problems {
  readonly found: RuleSetProblem[] = [];

  add(path: string, problem: string): undefined {
    this.found.push({ path: path === '' ? '(rule set)' : path, problem });
    return undefined;
  }

  /** Reports every key of `value` that is not in `allowed`. */
  onlyKeys(value: JsonObject, allowed: readonly string[], path: string, where = ''): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.add(child(path, key), `is not allowed${where}`);
    }
  }

  /** A string of 1..max characters, optionally matching a pattern described as `shape`. */
  text(value: unknown, path: string, options: { max: number; pattern?: RegExp; shape?: string }): string | undefined {
    if (typeof value !== 'string' || value.trim().length === 0) return this.add(path, options.shape ? `must be ${options.shape}` : 'must be a non-empty string');
    if (options.pattern && !options.pattern.test(value)) return this.add(path, `must be ${options.shape ?? `text matching ${String(options.pattern)}`}`);
    if (value.length > options.max) return this.add(path, `must be at most ${options.max} characters`);
    return value;
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T | undefined {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    return this.add(path, `must be one of ${allowed.join(', ')}`);
  }

  /** A list whose items are read by `read`; undefined when the value is not a list or an item is refused. */
  list<T>(value: unknown, path: string, read: (raw: unknown, at: string, index: number) => T | undefined, options: { nonEmpty: boolean }): T[] | undefined {
    if (!Array.isArray(value)) return this.add(path, options.nonEmpty ? 'must be a non-empty list' : 'must be a list');
    if (options.nonEmpty && value.length === 0) return this.add(path, 'must be a non-empty list');
    const out: T[] = [];
    value.forEach((raw: unknown, i) => {
      const parsed = read(raw, item(path, i), i);
      if (parsed !== undefined) out.push(parsed);
    });
    return out.length === value.length ? out : undefined;
  }
}

import { describeDuration, isDuration } from './duration';
import { Json, Sop } from './sop';

/** One change, addressed by the path an author would edit. */
export interface ChangeEntry {
  /** The top-level section (`routing`, `profiling`, `dataSharing`, …). */
  section: string;
  /** E.g. `routing.TRAFFICKING_VICTIM.firstContact.HIGH`, `routing.SGBV_SURVIVOR.supporting[NGO/SAFE_SHELTER]`. */
  path: string;
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  before?: Json;
  after?: Json;
}

type JsonRecord = { readonly [key: string]: Json };

function isRecord(value: Json | undefined): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * How list items are matched between versions: by `id` (rules, prima facie entries), `action`,
 * `profile`, `target` or `kind` (+ `service`); other lists of objects of the same length item by item;
 * lists of plain values whole.
 */
function itemKey(value: Json): string | null {
  if (!isRecord(value)) return null;
  for (const field of ['id', 'action', 'profile', 'target']) {
    const key = value[field];
    if (typeof key === 'string') return key;
  }
  const kind = value['kind'];
  if (typeof kind === 'string') return typeof value['service'] === 'string' ? `${kind}/${value['service']}` : kind;
  return null;
}

function keyedItems(list: readonly Json[]): Map<string, Json> | null {
  const map = new Map<string, Json>();
  for (const value of list) {
    const key = itemKey(value);
    if (key === null || map.has(key)) return null;
    map.set(key, value);
  }
  return map;
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Every difference between two JSON values, with paths; objects by key, keyed lists by item key. */
export function diffJson(before: Json | undefined, after: Json | undefined, path = ''): Omit<ChangeEntry, 'section'>[] {
  if (same(before, after)) return [];
  if (before === undefined) return [{ path, change: 'ADDED', after }];
  if (after === undefined) return [{ path, change: 'REMOVED', before }];
  if (isRecord(before) && isRecord(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    return keys.flatMap((key) => diffJson(before[key], after[key], join(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const [a, b] = [keyedItems(before as readonly Json[]), keyedItems(after as readonly Json[])];
    if (a && b) {
      const keys = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
      const changes = keys.flatMap((key) => diffJson(a.get(key), b.get(key), `${path}[${key}]`));
      const order = (m: Map<string, Json>) => [...m.keys()].filter((k) => a.has(k) && b.has(k)).join();
      // Only the order changed: worth saying, since the order of criteria or steps means something.
      return changes.length === 0 && order(a) !== order(b) ? [{ path, change: 'CHANGED', before, after }] : changes;
    }
    // Lists of objects with no key (escalation steps, criteria) of the same length: item by item.
    if (before.length === after.length && [...before, ...after].every((v) => isRecord(v as Json))) {
      return before.flatMap((value, index) => diffJson(value as Json, after[index] as Json, `${path}[${index}]`));
    }
  }
  return [{ path, change: 'CHANGED', before, after }];
}

/**
 * What changed from SOP `a` to SOP `b`: routing per profile (targets, deadlines, priorities, actions),
 * agency choice, data sharing, escalation, safeguards, the profiling rules (by rule id) and versions.
 */
export function diffSops(a: Sop, b: Sop): ChangeEntry[] {
  return diffJson(a.document, b.document).map((entry) => ({ section: entry.path.split(/[.[]/)[0] || '(sop)', ...entry }));
}

function shownValue(value: Json | undefined): string {
  if (value === undefined) return '(none)';
  if (isDuration(value)) return `${value} (${describeDuration(value)})`;
  return JSON.stringify(value);
}

/** One line for an author: `routing.X.firstContact.HIGH: PT24H (24 hours) → PT12H (12 hours)`. */
export function describeChange(entry: Omit<ChangeEntry, 'section'>): string {
  switch (entry.change) {
    case 'ADDED':
      return `${entry.path}: added ${shownValue(entry.after)}`;
    case 'REMOVED':
      return `${entry.path}: removed (was ${shownValue(entry.before)})`;
    case 'CHANGED':
      return `${entry.path}: ${shownValue(entry.before)} → ${shownValue(entry.after)}`;
  }
}

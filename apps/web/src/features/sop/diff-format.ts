import type { SopChange } from './sop-api';

/** The changes by top-level section, sections in the order they first appear. */
export function groupChanges(changes: readonly SopChange[]): [string, SopChange[]][] {
  const groups = new Map<string, SopChange[]>();
  for (const change of changes) {
    const list = groups.get(change.section) ?? [];
    list.push(change);
    groups.set(change.section, list);
  }
  return [...groups];
}

/** A simple ISO 8601 duration of days and hours (`P3D`, `PT8H`, `P1DT12H`), else null. */
export function readDuration(value: string): { days: number; hours: number } | null {
  const match = /^P(?:(\d+)D)?(?:T(\d+)H)?$/.exec(value);
  if (!match || value === 'P' || value === 'PT' || (match[1] === undefined && match[2] === undefined)) return null;
  return { days: Number(match[1] ?? 0), hours: Number(match[2] ?? 0) };
}

/** The segments of a change path: `routing.ASYLUM_SEEKER.supporting[0].within` → routing, ASYLUM_SEEKER, supporting, 0, within. */
export function pathParts(path: string): string[] {
  return path
    .split(/\.|\[|\]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

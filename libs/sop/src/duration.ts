/**
 * ISO 8601 durations, `P[n]Y[n]M[n]W[n]DT[n]H[n]M[n]S`, with whole, non-negative numbers only (no
 * fractions, no sign). Deadlines are added in UTC: a day is always 24 hours, and years and months are
 * UTC calendar steps that keep the time of day and clamp the day to the end of a shorter month
 * (2026-01-31 + P1M = 2026-02-28). The result never depends on the process time zone.
 */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION = /^P(?:(\d{1,6})Y)?(?:(\d{1,6})M)?(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,6})S)?)?$/;

/** The duration, or null when the text is not one (`P`, `PT`, `P1DT`, fractions and signs are refused). */
export function parseDuration(text: unknown): Duration | null {
  if (typeof text !== 'string') return null;
  const match = DURATION.exec(text);
  if (!match) return null;
  const [, y, mo, w, d, h, mi, s] = match;
  if ([y, mo, w, d, h, mi, s].every((part) => part === undefined)) return null;
  // `T` must be followed by at least one time part.
  if (text.includes('T') && [h, mi, s].every((part) => part === undefined)) return null;
  const n = (part: string | undefined) => (part === undefined ? 0 : Number(part));
  return { years: n(y), months: n(mo), weeks: n(w), days: n(d), hours: n(h), minutes: n(mi), seconds: n(s) };
}

export function isDuration(text: unknown): text is string {
  return parseDuration(text) !== null;
}

function required(duration: Duration | string): Duration {
  if (typeof duration !== 'string') return duration;
  const parsed = parseDuration(duration);
  if (!parsed) throw new RangeError(`"${duration}" is not an ISO 8601 duration`);
  return parsed;
}

/** `date` plus the duration, in UTC calendar terms. */
export function addDuration(date: Date, duration: Duration | string): Date {
  const d = required(duration);
  let instant = date.getTime();
  if (d.years !== 0 || d.months !== 0) {
    const totalMonths = date.getUTCFullYear() * 12 + date.getUTCMonth() + d.years * 12 + d.months;
    const year = Math.floor(totalMonths / 12);
    const month = totalMonths % 12;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const shifted = new Date(instant);
    shifted.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
    instant = shifted.getTime();
  }
  const seconds = ((d.weeks * 7 + d.days) * 24 + d.hours) * 3600 + d.minutes * 60 + d.seconds;
  return new Date(instant + seconds * 1000);
}

/** Negative, zero or positive as `a` is shorter than, as long as, or longer than `b`, counted from `from`. */
export function compareDurations(a: Duration | string, b: Duration | string, from: Date): number {
  return Math.sign(addDuration(from, a).getTime() - addDuration(from, b).getTime());
}

export function isZeroDuration(duration: Duration | string): boolean {
  const d = required(duration);
  return Object.values(d).every((n) => n === 0);
}

const UNITS: [keyof Duration, string][] = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
];

/** In words for SOP authors: `PT1H` → "1 hour", `P1DT12H` → "1 day 12 hours", `PT0S` → "at once". */
export function describeDuration(duration: Duration | string): string {
  const d = required(duration);
  const parts = UNITS.filter(([unit]) => d[unit] !== 0).map(([unit, word]) => `${d[unit]} ${word}${d[unit] === 1 ? '' : 's'}`);
  return parts.length === 0 ? 'at once' : parts.join(' ');
}

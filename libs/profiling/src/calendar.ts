/** Calendar dates as YYYY-MM-DD strings: compared as text, never through the process time zone. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The UTC calendar date of an ISO 8601 date-time with a time zone, or null when it is not one. UTC, as
 * the intake counts ages and case-number years: the same instant gives the same date however it was
 * written, so a case profiled at intake and again from the stored record gets the same age.
 */
export function calendarDateOf(dateTime: string): string | null {
  if (!ZONED_DATE_TIME.test(dateTime)) return null;
  const instant = new Date(dateTime);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString().slice(0, 10);
}

/** Whole years from a date of birth to a date (both YYYY-MM-DD). */
export function yearsBetween(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

import type { IntlShape } from 'react-intl';
import { commonMessages } from './common-messages';

/** Dates and times with a 24-hour clock in every language. */
export const DATE_TIME = { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' } as const;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 hours", "2 days ago": the largest whole unit, in the UI language. */
export function relativeTime(intl: IntlShape, at: string | Date, now: number = Date.now()): string {
  const diff = new Date(at).getTime() - now;
  const [unit, size] = UNITS.find(([, length]) => Math.abs(diff) >= length) ?? (['minute', 60_000] as const);
  return intl.formatRelativeTime(Math.round(diff / size), unit, { numeric: 'auto' });
}

/** A point in time as "in 3 hours (7 Dec 2026, 14:05)": relative, then the date and 24-hour time. */
export function DueTime({ intl, at, className }: { intl: IntlShape; at: string; className?: string }) {
  return (
    <time dateTime={at} className={className}>
      {intl.formatMessage(commonMessages.relativeAbsolute, { relative: relativeTime(intl, at), absolute: intl.formatDate(at, DATE_TIME) })}
    </time>
  );
}

import { useSyncExternalStore } from 'react';
import type { IntlShape } from 'react-intl';
import { useIntl } from 'react-intl';
import { DATE_TIME } from '../../i18n/due-time';
import { inboxMessages } from './messages';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = 'day' | 'hour' | 'minute' | 'second';

/**
 * A time left (or past) as at most two units, largest first: days and hours, hours and minutes, or under
 * an hour minutes and seconds; zero parts are left out (never an empty list: "0 s" at the deadline).
 */
export function countdownParts(diffMs: number): { overdue: boolean; parts: [number, Unit][] } {
  const overdue = diffMs < 0;
  const left = Math.abs(diffMs);
  // Counted in whole seconds towards the deadline (floor) and away from it once past (floor of the lateness).
  const total = Math.floor(left / SECOND) * SECOND;
  const [major, minor]: [[Unit, number], [Unit, number]] =
    total >= DAY
      ? [['day', DAY], ['hour', HOUR]]
      : total >= HOUR
        ? [['hour', HOUR], ['minute', MINUTE]]
        : [['minute', MINUTE], ['second', SECOND]];
  const big = Math.floor(total / major[1]);
  const small = Math.floor((total % major[1]) / minor[1]);
  const parts: [number, Unit][] = [];
  if (big > 0) parts.push([big, major[0]]);
  if (small > 0 || big === 0) parts.push([small, minor[0]]);
  return { overdue, parts };
}

/** "due in 3 hr, 5 min" / "overdue by 2 days, 4 hr", in the UI language. */
export function countdownText(intl: IntlShape, dueAt: string, now: number): string {
  const { overdue, parts } = countdownParts(new Date(dueAt).getTime() - now);
  const duration = intl.formatList(
    parts.map(([value, unit]) => intl.formatNumber(value, { style: 'unit', unit, unitDisplay: 'short' })),
    { type: 'unit', style: 'narrow' },
  );
  return intl.formatMessage(overdue ? inboxMessages.overdueBy : inboxMessages.dueIn, { duration });
}

/**
 * One clock for every countdown on the page: a single interval, running only while a countdown is
 * mounted. Each countdown re-renders only when its own text changes (its snapshot is that text), so a
 * tick repaints the few rows under an hour (seconds) and, once a minute, the others.
 */
export class Ticker {
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private at = Date.now();

  constructor(private readonly periodMs = SECOND) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.timer === undefined) {
      this.at = Date.now();
      this.timer = setInterval(() => {
        this.at = Date.now();
        for (const notify of this.listeners) notify();
      }, this.periodMs);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer !== undefined) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  };

  /** The time of the last tick (the same for every countdown in one tick). */
  readonly now = (): number => (this.timer === undefined ? Date.now() : this.at);

  /** How many countdowns listen (for tests). */
  get size(): number {
    return this.listeners.size;
  }
}

export const ticker = new Ticker();

/** The countdown's text, re-rendering its component only when the text changes. */
export function useCountdown(dueAt: string, clock: Ticker = ticker): string {
  const intl = useIntl();
  return useSyncExternalStore(clock.subscribe, () => countdownText(intl, dueAt, clock.now()));
}

/** Whether the deadline has passed, re-rendering its component only when that flips. */
export function usePast(dueAt: string, clock: Ticker = ticker): boolean {
  const due = new Date(dueAt).getTime();
  return useSyncExternalStore(clock.subscribe, () => clock.now() >= due);
}

/** Under this much time left, a first contact is due soon (the row's edge turns amber). */
export const SOON_MS = 4 * 3_600_000;

/** Where a deadline stands at `now`: passed, due within SOON_MS, or later. */
export type DeadlineState = 'late' | 'soon' | 'later';
export const deadlineState = (dueAt: string, now: number): DeadlineState => {
  const left = new Date(dueAt).getTime() - now;
  return left <= 0 ? 'late' : left <= SOON_MS ? 'soon' : 'later';
};

/** Where the deadline stands, re-rendering its component only when that changes. */
export function useDeadlineState(dueAt: string, clock: Ticker = ticker): DeadlineState {
  return useSyncExternalStore(clock.subscribe, () => deadlineState(dueAt, clock.now()));
}

/** A live countdown to a deadline; the exact due time is in its `dateTime` and title. Not a live region: it changes every second. */
export function Countdown({ dueAt, className, clock }: { dueAt: string; className?: string; clock?: Ticker }) {
  const intl = useIntl();
  const text = useCountdown(dueAt, clock);
  return (
    <time dateTime={dueAt} className={className} title={intl.formatDate(dueAt, DATE_TIME)}>
      {text}
    </time>
  );
}

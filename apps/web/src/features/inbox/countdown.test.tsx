import { act, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { createIntl } from 'react-intl';
import { IntlProvider } from 'react-intl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ar from '../../../lang/ar.json';
import en from '../../../lang/en.json';
import { Countdown, countdownParts, countdownText, deadlineState, Ticker } from './countdown';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('countdownParts', () => {
  it('gives two units at most, largest first, and leaves zero parts out', () => {
    expect(countdownParts(2 * D + 3 * H + 59 * M)).toEqual({ overdue: false, parts: [[2, 'day'], [3, 'hour']] });
    expect(countdownParts(3 * H + 5 * M + 30 * S)).toEqual({ overdue: false, parts: [[3, 'hour'], [5, 'minute']] });
    expect(countdownParts(4 * M + 12 * S + 900)).toEqual({ overdue: false, parts: [[4, 'minute'], [12, 'second']] });
    expect(countdownParts(2 * H)).toEqual({ overdue: false, parts: [[2, 'hour']] });
    expect(countdownParts(42 * S)).toEqual({ overdue: false, parts: [[42, 'second']] });
    expect(countdownParts(0)).toEqual({ overdue: false, parts: [[0, 'second']] });
  });

  it('counts the lateness once the deadline is past', () => {
    expect(countdownParts(-(1 * H + 20 * M))).toEqual({ overdue: true, parts: [[1, 'hour'], [20, 'minute']] });
    expect(countdownParts(-1)).toEqual({ overdue: true, parts: [[0, 'second']] });
  });
});

describe('countdownText', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  it('says "due in" before and "overdue by" after the deadline, in the UI language', () => {
    const intl = createIntl({ locale: 'en', messages: en });
    expect(countdownText(intl, '2026-12-07T15:05:00Z', now)).toBe('First contact due in 3 hr 5 min');
    expect(countdownText(intl, '2026-12-07T10:40:00Z', now)).toBe('First contact overdue by 1 hr 20 min');
    const arabic = createIntl({ locale: 'ar', messages: ar });
    expect(countdownText(arabic, '2026-12-07T15:05:00Z', now)).toMatch(/^أول تواصل خلال /);
    expect(countdownText(arabic, '2026-12-07T10:40:00Z', now)).toMatch(/^أول تواصل متأخر بمقدار /);
  });
});

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-12-07T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts down live on one shared clock, repaints only a countdown whose text changed, and stops the clock when none is left', () => {
    const clock = new Ticker(1_000);
    const commits = { seconds: 0, day: 0 };
    const view = render(
      <IntlProvider locale="en" messages={en} timeZone="UTC">
        <Profiler id="seconds" onRender={() => void (commits.seconds += 1)}>
          <Countdown dueAt="2026-12-07T12:00:03Z" clock={clock} />
        </Profiler>
        <Profiler id="day" onRender={() => void (commits.day += 1)}>
          <Countdown dueAt="2026-12-08T15:00:30Z" clock={clock} />
        </Profiler>
      </IntlProvider>,
    );
    expect(clock.size).toBe(2);
    expect(screen.getByText('First contact due in 3 sec')).toBeInTheDocument();
    expect(screen.getByText('First contact due in 1 day 3 hr')).toBeInTheDocument();
    for (let tick = 0; tick < 5; tick += 1) act(() => void vi.advanceTimersByTime(1_000));
    const late = screen.getByText('First contact overdue by 2 sec');
    expect(late.getAttribute('datetime')).toBe('2026-12-07T12:00:03Z');
    expect(screen.getByText('First contact due in 1 day 3 hr')).toBeInTheDocument();
    // Five ticks: the seconds countdown repainted at each, the day-long one (same text) never after mounting.
    expect(commits.seconds).toBe(6);
    expect(commits.day).toBe(1);
    view.unmount();
    expect(clock.size).toBe(0);
  });
});

describe('deadlineState', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  it('is late once the deadline has passed, soon within four hours, later before', () => {
    expect(deadlineState('2026-12-07T11:59:59Z', now)).toBe('late');
    expect(deadlineState('2026-12-07T12:00:00Z', now)).toBe('late');
    expect(deadlineState('2026-12-07T12:00:01Z', now)).toBe('soon');
    expect(deadlineState('2026-12-07T16:00:00Z', now)).toBe('soon');
    expect(deadlineState('2026-12-07T16:00:01Z', now)).toBe('later');
  });
});

import fc from 'fast-check';
import { addDuration, compareDurations, describeDuration, Duration, isZeroDuration, parseDuration } from './duration';

const at = (iso: string) => new Date(iso);
const zero: Duration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseDuration', () => {
  it.each([
    ['PT1H', { hours: 1 }],
    ['PT24H', { hours: 24 }],
    ['P3D', { days: 3 }],
    ['P2W', { weeks: 2 }],
    ['P1DT12H', { days: 1, hours: 12 }],
    ['P1Y2M3W4DT5H6M7S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }],
    ['PT0S', {}],
    ['PT90M', { minutes: 90 }],
  ])('reads %s', (text, parts) => {
    expect(parseDuration(text)).toEqual({ ...zero, ...parts });
  });

  it.each(['', 'P', 'PT', 'P1DT', 'PT25X', 'P1.5D', 'PT0.5H', '-P1D', 'P-1D', '1D', 'pt1h', 'P1H', 'PT1D', 'P1M1Y', 'PT1S1M', ' PT1H', 'PT1H ', 'P1234567D'])(
    'refuses %p',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );

  it('refuses what is not a string', () => {
    for (const value of [1, null, undefined, {}, ['PT1H']]) expect(parseDuration(value)).toBeNull();
  });
});

describe('addDuration', () => {
  it.each([
    ['2026-11-20T06:00:00Z', 'PT1H', '2026-11-20T07:00:00.000Z'],
    ['2026-11-20T06:00:00Z', 'PT8H', '2026-11-20T14:00:00.000Z'],
    ['2026-11-20T06:00:00Z', 'P3D', '2026-11-23T06:00:00.000Z'],
    ['2026-11-20T06:00:00Z', 'P1W', '2026-11-27T06:00:00.000Z'],
    ['2026-11-20T06:00:00Z', 'P30D', '2026-12-20T06:00:00.000Z'],
    ['2026-11-20T06:00:00Z', 'PT0S', '2026-11-20T06:00:00.000Z'],
    // Years and months are UTC calendar steps; the day is clamped to the end of a shorter month.
    ['2026-01-31T10:00:00Z', 'P1M', '2026-02-28T10:00:00.000Z'],
    ['2028-01-31T10:00:00Z', 'P1M', '2028-02-29T10:00:00.000Z'],
    ['2028-02-29T10:00:00Z', 'P1Y', '2029-02-28T10:00:00.000Z'],
    ['2026-11-30T23:30:00Z', 'P1M', '2026-12-30T23:30:00.000Z'],
    ['2026-12-15T00:00:00Z', 'P1Y1M', '2028-01-15T00:00:00.000Z'],
    ['2026-01-31T10:00:00Z', 'P1M1D', '2026-03-01T10:00:00.000Z'],
  ])('%s + %s = %s', (from, duration, expected) => {
    expect(addDuration(at(from), duration).toISOString()).toBe(expected);
  });

  it('counts a day as 24 hours across a daylight-saving change elsewhere (UTC only)', () => {
    // 2026-03-29 is the EU spring-forward day; in UTC nothing happens.
    expect(addDuration(at('2026-03-28T12:00:00+01:00'), 'P1D').toISOString()).toBe('2026-03-29T11:00:00.000Z');
  });

  it('keeps the input date unchanged', () => {
    const from = at('2026-11-20T06:00:00Z');
    addDuration(from, 'P1M');
    expect(from.toISOString()).toBe('2026-11-20T06:00:00.000Z');
  });

  it('throws on text that is not a duration', () => {
    expect(() => addDuration(at('2026-11-20T06:00:00Z'), 'PT25X')).toThrow('"PT25X" is not an ISO 8601 duration');
  });

  const timeOnly = fc.record({
    years: fc.constant(0),
    months: fc.constant(0),
    weeks: fc.nat(10),
    days: fc.nat(60),
    hours: fc.nat(100),
    minutes: fc.nat(200),
    seconds: fc.nat(1000),
  });
  const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

  it('adds weeks, days and time parts additively, never going back in time', () => {
    fc.assert(
      fc.property(instant, timeOnly, timeOnly, (from, a, b) => {
        const sum: Duration = {
          years: 0,
          months: 0,
          weeks: a.weeks + b.weeks,
          days: a.days + b.days,
          hours: a.hours + b.hours,
          minutes: a.minutes + b.minutes,
          seconds: a.seconds + b.seconds,
        };
        expect(addDuration(addDuration(from, a), b).getTime()).toBe(addDuration(from, sum).getTime());
        expect(addDuration(from, a).getTime()).toBeGreaterThanOrEqual(from.getTime());
      }),
    );
  });

  it('lands on a valid date for any month step, never past the end of the target month', () => {
    fc.assert(
      fc.property(instant, fc.nat(30), fc.nat(40), (from, years, months) => {
        const result = addDuration(from, { ...zero, years, months });
        const targetMonths = from.getUTCFullYear() * 12 + from.getUTCMonth() + years * 12 + months;
        expect(result.getUTCFullYear() * 12 + result.getUTCMonth()).toBe(targetMonths);
        expect(result.getUTCDate()).toBeLessThanOrEqual(from.getUTCDate());
        expect(result.getUTCHours()).toBe(from.getUTCHours());
      }),
    );
  });
});

describe('compareDurations, isZeroDuration and describeDuration', () => {
  const from = at('2026-02-01T00:00:00Z');

  it('compares from a reference date (a month is 28 days in February)', () => {
    expect(compareDurations('PT1H', 'PT24H', from)).toBe(-1);
    expect(compareDurations('P1D', 'PT24H', from)).toBe(0);
    expect(compareDurations('P1M', 'P28D', from)).toBe(0);
    expect(compareDurations('P1M', 'P30D', at('2026-03-01T00:00:00Z'))).toBe(1);
  });

  it('knows a zero duration', () => {
    expect(isZeroDuration('PT0S')).toBe(true);
    expect(isZeroDuration('P0D')).toBe(true);
    expect(isZeroDuration('PT1S')).toBe(false);
  });

  it.each([
    ['PT1H', '1 hour'],
    ['PT8H', '8 hours'],
    ['P3D', '3 days'],
    ['P1DT12H', '1 day 12 hours'],
    ['P1Y2M', '1 year 2 months'],
    ['PT0S', 'at once'],
  ])('describes %s as "%s"', (text, words) => {
    expect(describeDuration(text)).toBe(words);
  });
});

import { describe, expect, it } from 'vitest';
import { filtersFor } from './oversight-api';
import { periodIsValid, validateMonitorSearch } from './report-filters';

describe("the monitor page's URL", () => {
  it('keeps a report, its period and its filters, and drops what the api would refuse', () => {
    expect(validateMonitorSearch({ report: 'safeguard-events', from: '2026-11-01', to: '2026-11-30', outcome: 'OVERRIDDEN', safeguard: 'DETENTION_GUARD' })).toEqual({
      report: 'safeguard-events',
      from: '2026-11-01',
      to: '2026-11-30',
      outcome: 'OVERRIDDEN',
      safeguard: 'DETENTION_GUARD',
    });
    expect(validateMonitorSearch({ report: 'everything', from: '1 Nov', to: '2026-13-45', outcome: 'ALLOWED', open: 'yes' })).toEqual({});
    // The first report is the default: it is not written into the URL.
    expect(validateMonitorSearch({ report: 'detentions', open: 'true' })).toEqual({ open: true });
  });

  it('sends each report only the filters it takes', () => {
    const all = { from: '2026-11-01', open: true as const, outcome: 'BLOCKED' as const, safeguard: 'AGE' as const };
    expect(filtersFor('detentions', all)).toEqual({ from: '2026-11-01', open: true });
    expect(filtersFor('safeguard-events', all)).toEqual({ from: '2026-11-01', outcome: 'BLOCKED', safeguard: 'AGE' });
    expect(filtersFor('overdue-referrals', all)).toEqual({ from: '2026-11-01' });
  });

  it('refuses a period that ends before it starts', () => {
    expect(periodIsValid({ from: '2026-11-02', to: '2026-11-01' })).toBe(false);
    expect(periodIsValid({ from: '2026-11-01', to: '2026-11-01' })).toBe(true);
    expect(periodIsValid({ to: '2026-11-01' })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { activeInboxFilterCount, inboxParams, validateInboxFilters } from './inbox-filters';

describe('the inbox filters in the URL', () => {
  const point = '0b0e8c1a-6f1e-4c3b-9a55-2f7d1c9e4b10';

  it('keeps the values the api takes and drops the others', () => {
    expect(validateInboxFilters({ status: 'PENDING', profile: 'TRAFFICKING_VICTIM', borderPoint: point, overdue: 'true' })).toEqual({
      status: 'PENDING',
      profile: 'TRAFFICKING_VICTIM',
      borderPoint: point,
      overdue: true,
    });
    expect(validateInboxFilters({ status: 'LOST', profile: 'PIRATE', borderPoint: 'NMG', overdue: 'yes' })).toEqual({});
    expect(validateInboxFilters({ overdue: true })).toEqual({ overdue: true });
  });

  it('counts those on and turns them into the api query', () => {
    expect(activeInboxFilterCount({})).toBe(0);
    expect(activeInboxFilterCount({ status: 'ACKNOWLEDGED', overdue: true })).toBe(2);
    expect(inboxParams({ status: 'ACKNOWLEDGED', profile: 'MIGRANT', borderPoint: point, overdue: true })).toEqual({
      status: 'ACKNOWLEDGED',
      profile: 'MIGRANT',
      borderPointId: point,
      overdue: true,
    });
    expect(inboxParams({})).toEqual({});
  });
});

import { TraffickingRow } from './trafficking.queries';
import { traffickingView } from './trafficking.service';

const row = (over: Partial<TraffickingRow> = {}): TraffickingRow => ({
  id: 'rec-1',
  status: 'PRESUMED',
  starts_on: '2026-12-01',
  ends_on: '2026-12-31',
  ended_on: null,
  permit_reference: null,
  permit_granted_on: null,
  permit_expires_on: null,
  assistance: [],
  agency_id: 'agency-1',
  version: 3,
  ...over,
});
const at = (iso: string): Date => new Date(iso);

describe('the reflection period of a trafficking record', () => {
  it('runs from its first day, up to but not on its end day', () => {
    expect(traffickingView(row(), at('2026-11-30T23:59:59Z')).reflectionPeriod?.running).toBe(false);
    expect(traffickingView(row(), at('2026-12-01T00:00:00Z')).reflectionPeriod?.running).toBe(true);
    expect(traffickingView(row(), at('2026-12-30T23:59:59Z')).reflectionPeriod?.running).toBe(true);
    expect(traffickingView(row(), at('2026-12-31T00:00:00Z')).reflectionPeriod?.running).toBe(false);
  });

  it('stops running once it ended early (found not to be a victim), and says when', () => {
    const view = traffickingView(row({ ended_on: '2026-12-10' }), at('2026-12-15T12:00:00Z'));
    expect(view.reflectionPeriod).toEqual({ startsOn: '2026-12-01', endsOn: '2026-12-31', endedOn: '2026-12-10', running: false });
  });

  it('is absent until one was granted', () => {
    expect(traffickingView(row({ starts_on: null, ends_on: null }), at('2026-12-15T12:00:00Z')).reflectionPeriod).toBeNull();
  });
});

describe('the residence permit of a trafficking record', () => {
  it('shows once it has a reference and a grant date', () => {
    const granted = row({ permit_reference: 'RP-2027-0042', permit_granted_on: '2027-01-10', permit_expires_on: '2028-01-10' });
    expect(traffickingView(granted, at('2027-02-01T00:00:00Z')).residencePermit).toEqual({ reference: 'RP-2027-0042', grantedOn: '2027-01-10', expiresOn: '2028-01-10' });
    expect(traffickingView(row({ permit_reference: 'RP-2027-0042' }), at('2027-02-01T00:00:00Z')).residencePermit).toBeNull();
    expect(traffickingView(row(), at('2027-02-01T00:00:00Z')).residencePermit).toBeNull();
  });
});

import { DEFAULT_SOP } from './default-sop';
import { alertsDue, escalationSchedule } from './escalation';

describe('escalationSchedule', () => {
  const dueAt = '2026-11-20T07:00:00.000Z';

  it('alerts the receiving agency’s manager at once, then the coordinating body, then the monitor (P1)', () => {
    expect(escalationSchedule(DEFAULT_SOP, { priority: 'P1', dueAt })).toEqual([
      { at: '2026-11-20T07:00:00.000Z', notify: 'RECEIVING_AGENCY_MANAGER', agency: null, step: 0 },
      { at: '2026-11-20T07:00:00.000Z', notify: 'SENDING_BORDER_POINT_SUPERVISOR', agency: null, step: 1 },
      { at: '2026-11-20T11:00:00.000Z', notify: 'COORDINATING_BODY', agency: 'Refugee Agency', step: 2 },
      { at: '2026-11-23T07:00:00.000Z', notify: 'AGENCY', agency: 'Independent Protection Monitor', step: 4 },
    ]);
  });

  it('gives less pressing referrals a day before the coordinating body hears of them', () => {
    expect(escalationSchedule(DEFAULT_SOP, { priority: 'P3', dueAt: new Date(dueAt) }).map((a) => [a.notify, a.at])).toEqual([
      ['RECEIVING_AGENCY_MANAGER', '2026-11-20T07:00:00.000Z'],
      ['COORDINATING_BODY', '2026-11-21T07:00:00.000Z'],
      ['AGENCY', '2026-11-23T07:00:00.000Z'],
    ]);
  });

  it('fires only the steps due by a fixed clock', () => {
    expect(alertsDue(DEFAULT_SOP, { priority: 'P1', dueAt }, new Date('2026-11-20T06:59:59Z'))).toEqual([]);
    expect(alertsDue(DEFAULT_SOP, { priority: 'P1', dueAt }, new Date('2026-11-20T11:00:00Z')).map((a) => a.step)).toEqual([0, 1, 2]);
  });

  it('refuses a due time that is not a date', () => {
    expect(() => escalationSchedule(DEFAULT_SOP, { priority: 'P1', dueAt: 'tomorrow' })).toThrow(RangeError);
  });
  it('alerts on the steps for every priority and those naming the referral’s own, each with its position in the SOP', () => {
    expect(escalationSchedule(DEFAULT_SOP, { priority: 'P2', dueAt }).map((a) => [a.step, a.notify, a.agency])).toEqual([
      [0, 'RECEIVING_AGENCY_MANAGER', null],
      [3, 'COORDINATING_BODY', 'Refugee Agency'],
      [4, 'AGENCY', 'Independent Protection Monitor'],
    ]);
  });

  it('fires a step at its time exactly, not a moment before', () => {
    const atFourHours = new Date('2026-11-20T11:00:00.000Z');
    expect(alertsDue(DEFAULT_SOP, { priority: 'P1', dueAt }, new Date(atFourHours.getTime() - 1)).map((a) => a.step)).toEqual([0, 1]);
    expect(alertsDue(DEFAULT_SOP, { priority: 'P1', dueAt }, atFourHours).map((a) => a.step)).toEqual([0, 1, 2]);
    expect(alertsDue(DEFAULT_SOP, { priority: 'P1', dueAt: new Date(dueAt) }, new Date('2026-11-30T00:00:00Z')).map((a) => a.step)).toEqual([0, 1, 2, 4]);
  });

  it('refuses an invalid due date given as a date', () => {
    expect(() => escalationSchedule(DEFAULT_SOP, { priority: 'P1', dueAt: new Date('tomorrow') })).toThrow('dueAt is not a valid date');
  });
});

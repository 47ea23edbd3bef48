import { DEFAULT_SOP } from '@kivuko/sop';
import { alertRecipient, escalationProgress, priorityOfRank } from './referral-deadlines';

describe('a referral’s stored priority', () => {
  it('is named as the SOP names it, an unknown rank counting as the lowest', () => {
    expect([1, 2, 3, 4].map(priorityOfRank)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(priorityOfRank(9)).toBe('P4');
    expect(priorityOfRank(0)).toBe('P4');
  });
});

describe('where a late referral’s escalation stands', () => {
  // Under the default SOP a P1 referral escalates at its due time (steps 0 and 1), 4 h after (2) and 3 days after (4).
  const dueAt = new Date('2026-11-20T07:00:00.000Z');
  const p1 = (escalationLevel: number) => ({ priority: 1, due_at: dueAt, escalation_level: escalationLevel });

  it('fires the steps due by now, moves the level past the last one and looks again at the next step', () => {
    const progress = escalationProgress(DEFAULT_SOP, p1(0), new Date('2026-11-20T07:00:00.000Z'));
    expect(progress.due.map((a) => [a.step, a.notify])).toEqual([
      [0, 'RECEIVING_AGENCY_MANAGER'],
      [1, 'SENDING_BORDER_POINT_SUPERVISOR'],
    ]);
    expect(progress.level).toBe(2);
    expect(progress.next).toBe('2026-11-20T11:00:00.000Z');
  });

  it('fires no step twice: those below the level are done', () => {
    const progress = escalationProgress(DEFAULT_SOP, p1(2), new Date('2026-11-20T12:00:00.000Z'));
    expect(progress.due.map((a) => a.step)).toEqual([2]);
    // The level jumps past a step the referral's priority skips (step 3 is not for P1).
    expect(progress.level).toBe(3);
    expect(progress.next).toBe('2026-11-23T07:00:00.000Z');
  });

  it('keeps the level and the next look when nothing is due yet', () => {
    const progress = escalationProgress(DEFAULT_SOP, p1(3), new Date('2026-11-21T07:00:00.000Z'));
    expect(progress).toEqual({ due: [], level: 3, next: '2026-11-23T07:00:00.000Z' });
  });

  it('looks no more once the last step fired', () => {
    const progress = escalationProgress(DEFAULT_SOP, p1(3), new Date('2026-11-23T07:00:00.000Z'));
    expect(progress.due.map((a) => [a.step, a.agency])).toEqual([[4, 'Independent Protection Monitor']]);
    expect(progress.level).toBe(5);
    expect(progress.next).toBeUndefined();
  });

  it('goes by the referral’s own priority: a P3 referral waits a day for the coordinating body', () => {
    const progress = escalationProgress(DEFAULT_SOP, { priority: 3, due_at: dueAt, escalation_level: 0 }, new Date('2026-11-20T12:00:00.000Z'));
    expect(progress.due.map((a) => a.notify)).toEqual(['RECEIVING_AGENCY_MANAGER']);
    expect(progress.next).toBe('2026-11-21T07:00:00.000Z');
  });
});

describe('who an escalation step alerts', () => {
  const referral = { agency_id: 'agency-receiving', border_point_id: 'bp-sending' };
  it('is the receiving agency, the sending border point, or the agency the SOP names', () => {
    expect(alertRecipient({ notify: 'RECEIVING_AGENCY_MANAGER', agency: null }, referral)).toEqual({ agencyId: 'agency-receiving' });
    expect(alertRecipient({ notify: 'SENDING_BORDER_POINT_SUPERVISOR', agency: null }, referral)).toEqual({ borderPointId: 'bp-sending' });
    expect(alertRecipient({ notify: 'COORDINATING_BODY', agency: 'Refugee Agency' }, referral)).toEqual({ agencyNamed: 'Refugee Agency' });
    expect(alertRecipient({ notify: 'AGENCY', agency: 'Independent Protection Monitor' }, referral)).toEqual({ agencyNamed: 'Independent Protection Monitor' });
  });
});

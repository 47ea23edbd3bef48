import { taskOverdue } from './tasks.service';

describe('a task is overdue', () => {
  const due = new Date('2026-12-07T12:00:00Z');

  it('once its due time has passed, while it is open', () => {
    expect(taskOverdue('OPEN', due, new Date('2026-12-07T12:00:00.001Z'))).toBe(true);
    expect(taskOverdue('OPEN', due, new Date('2026-12-09T00:00:00Z'))).toBe(true);
  });

  it('not before nor at its due time', () => {
    expect(taskOverdue('OPEN', due, new Date('2026-12-07T11:59:59.999Z'))).toBe(false);
    expect(taskOverdue('OPEN', due, new Date('2026-12-07T12:00:00Z'))).toBe(false);
  });

  it('never once it is done or cancelled', () => {
    const later = new Date('2027-01-01T00:00:00Z');
    expect(taskOverdue('DONE', due, later)).toBe(false);
    expect(taskOverdue('CANCELLED', due, later)).toBe(false);
  });
});

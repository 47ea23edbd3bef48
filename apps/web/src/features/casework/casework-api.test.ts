import { describe, expect, it } from 'vitest';
import { assigneeOf, CaseTask, orderTasks, today, zonedDateTime } from './casework-api';

const task = (id: string, status: CaseTask['status'], dueAt: string, createdAt = '2026-12-01T08:00:00Z'): CaseTask => ({
  id,
  caseId: 'c',
  kind: 'CUSTOM',
  title: id,
  note: null,
  holder: { agencyId: 'a', borderPointId: null },
  assignedTo: null,
  status,
  dueAt,
  overdue: false,
  createdAt,
});

describe('the workspace helpers', () => {
  it('lists open tasks soonest due first, then closed ones newest first', () => {
    const ordered = orderTasks([
      task('done-old', 'DONE', '2026-12-01T10:00:00Z', '2026-11-01T00:00:00Z'),
      task('late', 'OPEN', '2026-12-09T10:00:00Z'),
      task('soon', 'OPEN', '2026-12-08T10:00:00Z'),
      task('cancelled-new', 'CANCELLED', '2026-12-01T10:00:00Z', '2026-12-05T00:00:00Z'),
    ]);
    expect(ordered.map((t) => t.id)).toEqual(['soon', 'late', 'cancelled-new', 'done-old']);
  });

  it('finds the caseworker of the reader’s agency, not another agency’s', () => {
    const view = {
      lead: null,
      transfers: [],
      assignments: [
        { agencyId: 'other', userId: 'u1', displayName: 'Elsewhere', since: '2026-12-01T00:00:00Z' },
        { agencyId: 'mine', userId: 'u2', displayName: 'Neema', since: '2026-12-01T00:00:00Z' },
      ],
    };
    expect(assigneeOf(view, 'mine')?.displayName).toBe('Neema');
    expect(assigneeOf(view, 'none')).toBeNull();
    expect(assigneeOf(undefined, 'mine')).toBeNull();
  });

  it('turns a day and a time into an instant the api accepts, and refuses an incomplete one', () => {
    const at = zonedDateTime('2026-12-08', '17:00');
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(new Date(at!).getTime()).toBe(new Date(2026, 11, 8, 17, 0).getTime());
    expect(zonedDateTime('', '17:00')).toBeNull();
    expect(zonedDateTime('2026-12-08', '')).toBeNull();
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

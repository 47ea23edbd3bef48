import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../api/client';
import { renderInApp } from '../../../test-router';
import type { CaseTask, Responsibility } from '../casework-api';
import { CaseSummary, taskSummary } from './case-summary';

const task = (id: string, dueAt: string, over: Partial<CaseTask> = {}): CaseTask => ({
  id,
  caseId: 'c1',
  kind: 'RISK_ASSESSMENT',
  title: null,
  note: null,
  holder: { agencyId: 'a-me', borderPointId: null },
  assignedTo: null,
  status: 'OPEN',
  dueAt,
  overdue: false,
  createdAt: '2026-12-01T00:00:00Z',
  ...over,
});
const tasks = [
  task('t1', '2026-12-09T10:00:00Z'),
  task('t2', '2026-12-05T10:00:00Z', { overdue: true, kind: 'CASE_PLAN' }),
  task('t3', '2026-12-01T10:00:00Z', { holder: { agencyId: 'a-other', borderPointId: null }, overdue: true }),
  task('t4', '2026-12-02T10:00:00Z', { status: 'DONE' }),
];
const responsibility: Responsibility = {
  lead: { agencyId: 'a-lead', agencyName: 'Anti-Trafficking Secretariat', since: '2026-12-01T00:00:00Z', source: 'REFERRAL' },
  assignments: [],
  transfers: [],
};

describe('the case summary strip', () => {
  it('counts only this agency’s open tasks: the soonest due next, the overdue ones', () => {
    expect(taskSummary(tasks, 'a-me')).toEqual({ next: tasks[1], overdue: 1 });
    expect(taskSummary([], 'a-me')).toEqual({ next: null, overdue: 0 });
  });

  it('shows the next task, the overdue count, the lead, and assigns the case to the reader', async () => {
    const puts: unknown[] = [];
    const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });
    let held = responsibility;
    const api = {
      GET: (path: string) => ok(path.endsWith('/tasks') ? tasks : held),
      PUT: (_path: string, options: { body: unknown }) => {
        puts.push(options.body);
        held = { ...responsibility, assignments: [{ agencyId: 'a-me', userId: 'u-me', displayName: 'Me', since: '2026-12-07T00:00:00Z' }] };
        return ok(held);
      },
    } as unknown as ApiClient;
    renderInApp(<CaseSummary api={api} caseId="c1" me={{ id: 'u-me', agencyId: 'a-me' }} canAssign />);
    const strip = await screen.findByRole('region', { name: 'Case summary' });
    expect(await screen.findByText('Anti-Trafficking Secretariat')).toBeInTheDocument();
    expect(strip).toHaveTextContent('Agree a case plan, due');
    expect(strip).toHaveTextContent('Overdue tasks1');
    expect(strip).toHaveTextContent('Not assigned');
    await userEvent.click(screen.getByRole('button', { name: 'Assign to me' }));
    expect(puts).toEqual([{ userId: 'u-me' }]);
    expect(await screen.findByText('You')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Assign to me' })).toBeNull();
  });
});

import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../api/client';
import { renderInApp } from '../../../test-router';
import type { CaseTask } from '../casework-api';
import { TasksSection } from './tasks-section';

const task: CaseTask = {
  id: 't1',
  caseId: 'c1',
  kind: 'SAFETY_ASSESSMENT',
  title: null,
  note: null,
  holder: { agencyId: 'a-ats', borderPointId: null },
  assignedTo: null,
  status: 'OPEN',
  dueAt: '2026-12-09T10:00:00Z',
  overdue: false,
  createdAt: '2026-12-07T10:00:00Z',
};

describe('TasksSection', () => {
  it('names the agency that holds another agency’s task', async () => {
    const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });
    const api = { GET: (path: string) => ok(path.endsWith('/agencies') ? [{ id: 'a-ats', name: 'Anti-Trafficking Secretariat', kind: 'ANTI_TRAFFICKING', active: true }] : [task]) } as unknown as ApiClient;
    renderInApp(<TasksSection api={api} caseId="c1" me={{ id: 'u-me', agencyId: 'a-me' }} canManage={false} colleagues={[]} formOpen={false} onFormOpenChange={() => undefined} />);
    expect(await screen.findByText('Anti-Trafficking Secretariat')).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent('Anti-Trafficking Secretariat does it');
    expect(screen.getByRole('listitem')).not.toHaveTextContent('another agency or the border point');
  });
});

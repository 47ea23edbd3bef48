import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';

/** One task as GET /api/v1/tasks returns it (the document has no response schema for it yet). */
export interface Task {
  id: string;
  caseId: string;
  caseNumber: string;
  /** The SOP's required action (APPOINT_GUARDIAN, ...), a system task (OBTAIN_CONSENT, COMPLETE_INTAKE, ...), or CUSTOM. */
  kind: string;
  title: string | null;
  note: string | null;
  referralId: string | null;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  dueAt: string;
  overdue: boolean;
  createdAt: string;
}

export interface TaskPage {
  items: Task[];
  nextCursor?: string;
}

export const TASK_PAGE = 50;

/** The user's open tasks (their border points', or their agency's), soonest due first. */
export const tasksQuery = (api: ApiClient) =>
  infiniteQueryOptions({
    queryKey: ['tasks'],
    queryFn: ({ pageParam }) => unwrap<TaskPage>(api.GET('/api/v1/tasks', { params: { query: { limit: TASK_PAGE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });

/** How many open tasks the navigation counts: up to 100, then "99+". */
export const taskCountQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: ['tasks', 'count'],
    queryFn: async () => {
      const page = await unwrap<TaskPage>(api.GET('/api/v1/tasks', { params: { query: { limit: 100 } } }));
      return { count: page.items.length, more: Boolean(page.nextCursor) };
    },
    staleTime: 30_000,
  });

/** Tasks that close themselves when the work is recorded where it is done: not marked done by hand. */
export const SELF_CLOSING: ReadonlySet<string> = new Set(['OBTAIN_CONSENT', 'COMPLETE_INTAKE']);

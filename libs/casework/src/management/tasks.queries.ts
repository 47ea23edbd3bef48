import { EntityManager } from 'typeorm';
import type { TaskView } from './tasks.service';

/** The SQL of tasks: each query a function of the transaction's manager and typed parameters. */

export interface TaskRow {
  id: string;
  case_id: string;
  case_number: string;
  kind: string;
  title: string | null;
  note: string | null;
  agency_id: string | null;
  border_point_id: string | null;
  assigned_to: string | null;
  referral_id: string | null;
  status: TaskView['status'];
  due_at: Date;
  due_exact: string;
  created_at: Date;
  closed_at: Date | null;
  close_reason: string | null;
}

// The due time in full (microseconds) for the cursor: a JavaScript date would cut it to milliseconds,
// and a page would then start again at its own last task.
export const SELECT_TASK = `SELECT t.id, t.case_id, kivuko_case_number(t.case_id) AS case_number, t.kind, t.title, t.note, t.agency_id, t.border_point_id, t.assigned_to,
  t.referral_id, t.status, t.due_at, to_char(t.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS due_exact, t.created_at, t.closed_at, t.close_reason
  FROM case_task t`;

export function tasksOfCase(manager: EntityManager, caseId: string): Promise<TaskRow[]> {
  return manager.query<TaskRow[]>(`${SELECT_TASK} WHERE t.case_id = $1 ORDER BY t.status <> 'OPEN', t.due_at, t.id`, [caseId]);
}

export async function insertTask(manager: EntityManager, id: string, caseId: string, agencyId: string | null, borderPointId: string | null, dueAt: string, title: string, note: string | null, assignedTo: string | null, createdBy: string): Promise<void> {
  await manager.query(
    `INSERT INTO case_task (id, case_id, kind, agency_id, border_point_id, due_at, title, note, assigned_to, created_by) VALUES ($1, $2, 'CUSTOM', $3, $4, $5, $6, $7, $8, $9)`,
    [id, caseId, agencyId, borderPointId, dueAt, title, note, assignedTo, createdBy],
  );
}

export function lockTask(manager: EntityManager, id: string): Promise<TaskRow[]> {
  return manager.query<TaskRow[]>(`${SELECT_TASK} WHERE t.id = $1 FOR UPDATE OF t`, [id]);
}

export async function markTaskClosed(manager: EntityManager, id: string, status: string, closedBy: string, closeReason: string | null): Promise<void> {
  await manager.query(`UPDATE case_task SET status = $2, closed_at = now(), closed_by = $3, close_reason = $4 WHERE id = $1`, [id, status, closedBy, closeReason]);
}

export function readTask(manager: EntityManager, id: string): Promise<TaskRow[]> {
  return manager.query<TaskRow[]>(`${SELECT_TASK} WHERE t.id = $1`, [id]);
}

export function caseForTask(manager: EntityManager, id: string): Promise<{ status: string; version: number; border_point_id: string }[]> {
  return manager.query<{ status: string; version: number; border_point_id: string }[]>(`SELECT status, version, border_point_id FROM case_file WHERE id = $1`, [id]);
}

export function userOf(manager: EntityManager, id: string): Promise<{ agency_id: string; active: boolean }[]> {
  return manager.query<{ agency_id: string; active: boolean }[]>(`SELECT agency_id, active FROM app_user WHERE id = $1`, [id]);
}

/** Whose open tasks a queue shows: an agency's, one caseworker's, or those at the caller's border points. */
export type TaskHolder = { agencyId: string } | { assignedTo: string } | { borderPointIds: string[] };

/** A page of open tasks, soonest due first, after the keyset cursor; only the overdue (or not) ones when asked. */
export function openTaskQueue(manager: EntityManager, holder: TaskHolder, lateness: { overdue: boolean; now: Date } | undefined, limit: number, after: { dueAt: string; id: string } | undefined): Promise<TaskRow[]> {
  const params: unknown[] = [];
  const add = (value: unknown): string => `$${params.push(value)}`;
  const where = [`t.status = 'OPEN'`];
  if ('agencyId' in holder) where.push(`t.agency_id = ${add(holder.agencyId)}`);
  else if ('assignedTo' in holder) where.push(`t.assigned_to = ${add(holder.assignedTo)}`);
  else where.push(`t.border_point_id = ANY (${add(holder.borderPointIds)}::uuid[])`);
  if (lateness) where.push(`t.due_at ${lateness.overdue ? '<' : '>='} ${add(lateness.now)}`);
  if (after) where.push(`(t.due_at, t.id) > (${add(after.dueAt)}::timestamptz, ${add(after.id)}::uuid)`);
  return manager.query<TaskRow[]>(`${SELECT_TASK} WHERE ${where.join(' AND ')} ORDER BY t.due_at, t.id LIMIT ${add(limit + 1)}`, params);
}

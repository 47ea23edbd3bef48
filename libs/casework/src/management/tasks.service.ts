import { AuditService } from '@kivuko/audit';
import { caseNotFound } from '@kivuko/cases';
import { Actor, actorScope, Clock, PlatformErrors, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AddTaskDto, CloseTaskDto, TaskQuery } from './management.dto';
import { CaseworkErrors } from '../casework.errors';
import { caseForTask, insertTask, lockTask, markTaskClosed, openTaskQueue, readTask, TaskRow, tasksOfCase, userOf } from './tasks.queries';

export interface TaskView {
  id: string;
  caseId: string;
  caseNumber: string;
  /** The SOP's required action (APPOINT_GUARDIAN, ...), a system task (OBTAIN_CONSENT, ...), or CUSTOM. */
  kind: string;
  title: string | null;
  note: string | null;
  holder: { agencyId: string | null; borderPointId: string | null };
  assignedTo: string | null;
  referralId: string | null;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  closedAt: string | null;
  closeReason: string | null;
}

/** An open task is overdue once its due time has passed (a closed or cancelled one never is). */
export const taskOverdue = (status: string, dueAt: Date, now: Date): boolean => status === 'OPEN' && dueAt.getTime() < now.getTime();

/**
 * Tasks: the SOP's required actions on the agency that took a referral on, the system's own (consent to
 * obtain, an intake to complete, escalations), and what caseworkers add. Queues show the open ones,
 * soonest due first, each read from an index of open tasks.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private view(row: TaskRow): TaskView {
    return {
      id: row.id,
      caseId: row.case_id,
      caseNumber: row.case_number,
      kind: row.kind,
      title: row.title,
      note: row.note,
      holder: { agencyId: row.agency_id, borderPointId: row.border_point_id },
      assignedTo: row.assigned_to,
      referralId: row.referral_id,
      status: row.status,
      dueAt: row.due_at.toISOString(),
      overdue: taskOverdue(row.status, row.due_at, this.clock.now()),
      createdAt: row.created_at.toISOString(),
      closedAt: row.closed_at?.toISOString() ?? null,
      closeReason: row.close_reason,
    };
  }

  /** The caller's queue of open tasks. */
  queue(actor: Actor, query: TaskQuery): Promise<{ items: TaskView[]; nextCursor?: string }> {
    const view = query.view ?? (actor.borderPointIds.length > 0 ? 'BORDER_POINTS' : 'AGENCY');
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeTaskCursor(query.cursor) : undefined;
    return this.uow.run(actorScope(actor), async (manager) => {
      const holder = view === 'AGENCY' ? { agencyId: actor.agencyId } : view === 'MINE' ? { assignedTo: actor.userId } : { borderPointIds: actor.borderPointIds };
      const rows = await openTaskQueue(manager, holder, query.overdue === undefined ? undefined : { overdue: query.overdue, now: this.clock.now() }, limit, after);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const items = page.map((r) => this.view(r));
      return rows.length > limit && last ? { items, nextCursor: Buffer.from(`${last.due_exact}|${last.id}`, 'utf8').toString('base64url') } : { items };
    });
  }

  /** Every task of a case the caller sees, open ones first; another holder's titles and notes stay with it. */
  ofCase(actor: Actor, caseId: string): Promise<TaskView[]> {
    return this.uow.run(actorScope(actor), async (manager) => {
      await requireCase(manager, caseId);
      const rows = await tasksOfCase(manager, caseId);
      const holds = (r: TaskRow): boolean => r.agency_id === actor.agencyId || (r.border_point_id !== null && actor.borderPointIds.includes(r.border_point_id));
      return rows.map((r) => (holds(r) ? this.view(r) : { ...this.view(r), title: null, note: null }));
    });
  }

  /** A caseworker's own task on the case, held by their agency or border point (optionally assigned to a colleague). */
  add(actor: Actor, caseId: string, dto: AddTaskDto, correlationId?: string): Promise<TaskView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const current = await requireCase(manager, caseId);
      if (dto.assignedTo) await requireColleague(manager, actor, dto.assignedTo, 'assignedTo');
      // An official of the border point of arrival adds to the border point's queue; agency staff to their agency's.
      const atBorderPoint = actor.borderPointIds.includes(current.border_point_id);
      const id = randomUUID();
      await insertTask(manager, id, caseId, atBorderPoint ? null : actor.agencyId, atBorderPoint ? current.border_point_id : null, dto.dueAt, dto.title, dto.note ?? null, dto.assignedTo ?? null, actor.userId);
      await this.audit.record(manager, { action: 'TASK.ADDED', actor, caseId, purpose: 'CASE_WORK', correlationId, details: { taskId: id } });
      return this.read(manager, id);
    });
  }

  complete(actor: Actor, taskId: string, dto: CloseTaskDto, correlationId?: string): Promise<TaskView> {
    return this.close(actor, taskId, 'DONE', dto, correlationId);
  }

  cancel(actor: Actor, taskId: string, dto: CloseTaskDto, correlationId?: string): Promise<TaskView> {
    if (!dto.reason) throw CaseworkErrors.badInput('TASK.INVALID', [{ path: 'reason', problem: 'a reason is required to cancel a task' }]);
    return this.close(actor, taskId, 'CANCELLED', dto, correlationId);
  }

  private close(actor: Actor, taskId: string, status: 'DONE' | 'CANCELLED', dto: CloseTaskDto, correlationId?: string): Promise<TaskView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const [task] = await lockTask(manager, taskId);
      if (!task) throw CaseworkErrors.raise('TASK.NOT_FOUND');
      const holds = task.agency_id === actor.agencyId || (task.border_point_id !== null && actor.borderPointIds.includes(task.border_point_id));
      if (!holds) throw CaseworkErrors.raise('TASK.NOT_YOURS');
      if (task.status !== 'OPEN') throw CaseworkErrors.raise('TASK.CLOSED', `This task is already ${task.status.toLowerCase()}`);
      await markTaskClosed(manager, task.id, status, actor.userId, dto.reason ?? null);
      await this.audit.record(manager, { action: status === 'DONE' ? 'TASK.DONE' : 'TASK.CANCELLED', actor, caseId: task.case_id, purpose: 'CASE_WORK', correlationId, details: { taskId: task.id, kind: task.kind } });
      return this.read(manager, task.id);
    });
  }

  private async read(manager: EntityManager, id: string): Promise<TaskView> {
    const [row] = await readTask(manager, id);
    return this.view(row);
  }
}

export async function requireCase(manager: EntityManager, caseId: string): Promise<{ status: string; version: number; border_point_id: string }> {
  const [row] = await caseForTask(manager, caseId);
  if (!row) throw caseNotFound();
  return row;
}

/** A user of the caller's own agency, or a 400 naming the field. */
export async function requireColleague(manager: EntityManager, actor: Actor, userId: string, path: string): Promise<void> {
  const [user] = await userOf(manager, userId);
  if (!user || user.agency_id !== actor.agencyId || !user.active) {
    throw CaseworkErrors.badInput('CASE.NOT_A_COLLEAGUE', [{ path, problem: 'must be an active user of your agency' }]);
  }
}

function decodeTaskCursor(cursor: string): { dueAt: string; id: string } {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path: 'cursor', problem: 'must be the nextCursor of an earlier page' }], 'The cursor is not one this queue gave out');
  return { dueAt: match[1], id: match[2] };
}

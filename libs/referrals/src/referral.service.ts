import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, applyScope, DomainError, DomainEventBus, FieldProblem, PlatformErrors, systemScope, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ListReferralsQuery, ReferralActionDto } from './referral.dto';
import { FIRST_CONTACT_ACTIONS, nextStatus, ReferralAction, ReferralStatus } from './referral-status';
import { AgencyRefRow, findOnwardsAfterDecline, findQueuePage, findReferral, findReferralEvents, findRegisteringAgencyId, insertReferralEvent, moveReferral, ReferralRow, ReferralTarget } from './referral.queries';
import { ReferralErrors } from './referrals.errors';

export interface ReferralView {
  id: string;
  caseId: string;
  caseNumber: string;
  agency: { id: string; name: string; kind: string };
  borderPoint: { id: string; code: string };
  role: 'LEAD' | 'SUPPORTING';
  target: string;
  /** Every routing target that landed on this agency for the case, with its role, profiles and actions. */
  targets: ReferralTarget[];
  profiles: string[];
  priority: number;
  status: ReferralStatus;
  dueAt: string;
  overdue: boolean;
  escalationLevel: number;
  requiredActions: unknown;
  fieldGroups: string[];
  basis: unknown;
  sopVersionId: string;
  attempt: number;
  previousReferralId: string | null;
  version: number;
  acknowledgedAt: string | null;
  outcomeCode: string | null;
  outcomeNote: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Where the case goes after a decline (the decline's answer only): the agencies the SOP's fallback order
 * sent it on to, or, when none was left, the coordinating body that was alerted; both empty when the case
 * already had an open referral at the next agency (that referral took the target over).
 */
export interface DeclineOnwards {
  agencies: AgencyRefRow[];
  coordinatingBody: AgencyRefRow | null;
}

export function referralView(row: ReferralRow): ReferralView {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    agency: { id: row.agency_id, name: row.agency_name, kind: row.agency_kind },
    borderPoint: { id: row.border_point_id, code: row.border_point_code },
    role: row.role,
    target: row.target,
    targets: row.targets,
    profiles: row.profiles,
    priority: row.priority,
    status: row.status,
    dueAt: row.due_at.toISOString(),
    overdue: row.overdue_at !== null,
    escalationLevel: row.escalation_level,
    requiredActions: row.required_actions,
    fieldGroups: row.field_groups,
    basis: row.basis,
    sopVersionId: row.sop_version_id,
    attempt: row.attempt,
    previousReferralId: row.previous_referral_id,
    version: row.version,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    outcomeCode: row.outcome_code,
    outcomeNote: row.outcome_note,
    reason: row.reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The referral events an agency's webhook receives. */
export type ReferralEvent = 'referral.created' | 'referral.overdue' | 'referral.withdrawn' | 'referral.suspended' | 'referral.completed';

const notFound = (): DomainError => ReferralErrors.raise('REFERRAL.NOT_FOUND');

/** The event an action sends to the agency's webhook, where it sends one. */
const EVENT_OF: Partial<Record<ReferralAction, ReferralEvent>> = {
  [ReferralAction.Release]: 'referral.created',
  [ReferralAction.Withdraw]: 'referral.withdrawn',
  [ReferralAction.Suspend]: 'referral.suspended',
  [ReferralAction.Complete]: 'referral.completed',
};

/** The event an action sends to the agency, or undefined when it sends none. */
export const agencyEventOf = (action: ReferralAction): ReferralEvent | undefined => EVENT_OF[action];

/** Which side acts: the receiving agency works a referral, the sending border point withdraws it. */
const RECEIVER_ACTIONS: readonly ReferralAction[] = [ReferralAction.Acknowledge, ReferralAction.Accept, ReferralAction.Decline, ReferralAction.Start, ReferralAction.Complete];

/** What is wrong with a request to act on a referral: a decline or a withdrawal needs a reason, a completion (and only a completion) an outcome. */
export function actionProblems(action: ReferralAction, dto: Pick<ReferralActionDto, 'reason' | 'outcomeCode' | 'note'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (action === ReferralAction.Decline && !dto.reason) problems.push({ path: 'reason', problem: 'a reason is required to decline' });
  if (action === ReferralAction.Withdraw && !dto.reason) problems.push({ path: 'reason', problem: 'a reason is required to withdraw' });
  if (action === ReferralAction.Complete && !dto.outcomeCode) problems.push({ path: 'outcomeCode', problem: 'an outcome code is required to complete' });
  if (action !== ReferralAction.Complete && (dto.outcomeCode !== undefined || dto.note !== undefined)) {
    problems.push({ path: 'outcomeCode', problem: 'an outcome is given only when completing' });
  }
  return problems;
}

/**
 * Why the actor may not take the action on the referral, or null when they may: the receiving agency
 * works a referral, an official of the sending border point withdraws it.
 */
export function refusalToAct(
  actor: Pick<Actor, 'agencyId' | 'borderPointIds'>,
  referral: Pick<ReferralRow, 'agency_id' | 'border_point_id'>,
  action: ReferralAction,
): string | null {
  const receiver = referral.agency_id === actor.agencyId;
  const sender = actor.borderPointIds.includes(referral.border_point_id);
  if (RECEIVER_ACTIONS.includes(action) ? !receiver : !sender) {
    return RECEIVER_ACTIONS.includes(action) ? 'Only the receiving agency works a referral' : 'Only the sending border point withdraws a referral';
  }
  return null;
}

/**
 * Referral queues and transitions. Each transition is a compare-and-set on the referral's status and
 * version, so two concurrent transitions on one referral cannot both succeed; each is audited and kept
 * as a referral event.
 */
@Injectable()
export class ReferralService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly events: DomainEventBus,
  ) {
    events.requireHandler('referrals.transitioned', 'the next agency after a decline, the tasks of an accepted referral');
    events.requireHandler('referrals.agency-event', "the agencies' webhooks");
  }

  /** Tells the receiving agency (and, for a completion, the registering agency: the closed loop). */
  async notify(manager: EntityManager, referral: Pick<ReferralRow, 'id' | 'status' | 'agency_id' | 'case_id'>, event: ReferralEvent): Promise<void> {
    const about = { id: referral.id, status: referral.status };
    await this.events.publish(manager, 'referrals.agency-event', { agencyId: referral.agency_id, event, referral: about });
    if (event === 'referral.completed') {
      const sender = await findRegisteringAgencyId(manager, referral.case_id);
      if (sender !== undefined && sender !== referral.agency_id) await this.events.publish(manager, 'referrals.agency-event', { agencyId: sender, event, referral: about });
    }
  }

  async list(actor: Actor, query: ListReferralsQuery): Promise<{ items: ReferralView[]; nextCursor?: string }> {
    const limit = query.limit ?? 25;
    const sent = query.view === 'SENT';
    if (!sent && query.agencyId && query.agencyId !== actor.agencyId) {
      throw ReferralErrors.raise('REFERRAL.OTHER_AGENCY');
    }
    const after = query.cursor ? decodeQueueCursor(query.cursor) : undefined;
    return this.uow.run(actorScope(actor), async (manager) => {
      const rows = await findQueuePage(manager, actor, query, after, limit + 1);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const items = page.map(referralView);
      return rows.length > limit && last ? { items, nextCursor: encodeQueueCursor(last) } : { items };
    });
  }

  async get(actor: Actor, id: string): Promise<ReferralView & { history: { from: string | null; to: string; at: string; actorUserId: string | null; reason: string | null }[] }> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const row = await findReferral(manager, id);
      if (!row) throw notFound();
      const events = await findReferralEvents(manager, id);
      return {
        ...referralView(row),
        history: events.map((e) => ({ from: e.from_status, to: e.to_status, at: e.occurred_at.toISOString(), actorUserId: e.actor_user_id, reason: e.reason })),
      };
    });
  }

  async act(actor: Actor, id: string, action: ReferralAction, dto: ReferralActionDto, correlationId?: string): Promise<ReferralView & { next?: DeclineOnwards }> {
    const problems = actionProblems(action, dto);
    if (problems.length > 0) throw ReferralErrors.badInput('REFERRAL.INVALID', problems, `The request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}`);

    return this.uow.run(actorScope(actor), async (manager) => {
      const row = await findReferral(manager, id);
      if (!row) throw notFound();
      const refusal = refusalToAct(actor, row, action);
      if (refusal !== null) throw ReferralErrors.raise('REFERRAL.NOT_YOURS', refusal);
      const fresh = await this.transition(manager, row, action, actor, { reason: dto.reason, outcomeCode: dto.outcomeCode, note: dto.note, expectedVersion: dto.version }, correlationId);
      if (action !== ReferralAction.Decline) return referralView(fresh);
      // The decliner is told where the case went next; the next agency's referral is read in a system scope.
      await applyScope(manager, systemScope('where a declined referral went next'));
      try {
        return { ...referralView(fresh), next: await findOnwardsAfterDecline(manager, fresh.id, fresh.case_id) };
      } finally {
        await applyScope(manager, actorScope(actor));
      }
    });
  }

  /**
   * Moves a referral on, inside the caller's transaction: checked against the status machine and the
   * version read, recorded as an event and audited; then the agency is told and `referrals.transitioned` is published (fallback, tasks).
   */
  async transition(
    manager: EntityManager,
    row: ReferralRow,
    action: ReferralAction,
    actor: Actor | null,
    change: { reason?: string; outcomeCode?: string; note?: string; expectedVersion?: number },
    correlationId?: string,
  ): Promise<ReferralRow> {
    const to = nextStatus(row.status, action);
    if (!to) {
      throw ReferralErrors.raise('REFERRAL.TRANSITION_NOT_ALLOWED', `A ${row.status} referral cannot be ${action.toLowerCase()}d`, { status: row.status, action });
    }
    if (change.expectedVersion !== undefined && change.expectedVersion !== row.version) {
      throw ReferralErrors.raise('REFERRAL.VERSION_CONFLICT', `The referral changed since version ${change.expectedVersion}`, { currentVersion: row.version });
    }
    const firstContact = FIRST_CONTACT_ACTIONS.includes(action);
    // No row moved means someone else moved the referral first.
    const moved = await moveReferral(manager, row, { to, firstContact, outcomeCode: change.outcomeCode ?? null, note: change.note ?? null, reason: change.reason ?? null });
    if (!moved) {
      throw ReferralErrors.raise('REFERRAL.CHANGED', undefined, { status: row.status });
    }
    await insertReferralEvent(manager, {
      referralId: row.id,
      caseId: row.case_id,
      from: row.status,
      to,
      actorUserId: actor?.userId ?? null,
      actorAgencyId: actor?.agencyId ?? null,
      reason: change.reason ?? change.outcomeCode ?? null,
    });
    await this.audit.record(manager, {
      action: `REFERRAL.${to}`,
      actor,
      caseId: row.case_id,
      purpose: 'REFERRAL',
      correlationId,
      details: { referralId: row.id, from: row.status, agencyId: row.agency_id },
    });
    const fresh = (await findReferral(manager, row.id)) as ReferralRow;
    const event = agencyEventOf(action);
    if (event) await this.notify(manager, fresh, event);
    await this.events.publish(manager, 'referrals.transitioned', { referral: fresh, action, actor });
    return fresh;
  }
}

export function encodeQueueCursor(row: Pick<ReferralRow, 'priority' | 'due_at' | 'id'>): string {
  return Buffer.from(`${row.priority}|${row.due_at.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

export function decodeQueueCursor(cursor: string): { priority: number; dueAt: Date; id: string } {
  const match = /^(\d{1,3})\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path: 'cursor', problem: 'must be the nextCursor of an earlier page' }], 'The cursor is not one this queue gave out');
  }
  return { priority: Number(match[1]), dueAt: new Date(match[2]), id: match[3] };
}

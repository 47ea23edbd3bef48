import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, BadInputError, DomainError, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ListReferralsQuery, ReferralActionDto } from './referral.dto';
import { FIRST_CONTACT_ACTIONS, nextStatus, ReferralAction, ReferralStatus } from './referral-status';
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

export interface ReferralTarget {
  target: string;
  role: 'LEAD' | 'SUPPORTING';
  profiles: string[];
  actions: string[];
}

export interface ReferralRow {
  id: string;
  case_id: string;
  case_number: string;
  agency_id: string;
  agency_name: string;
  agency_kind: string;
  /** The SOP's routing target (`NGO/SAFE_SHELTER`, `ASYLUM_AUTHORITY`) the referral answers. */
  target: string;
  targets: ReferralTarget[];
  border_point_id: string;
  border_point_code: string;
  role: 'LEAD' | 'SUPPORTING';
  profiles: string[];
  priority: number;
  status: ReferralStatus;
  due_at: Date;
  overdue_at: Date | null;
  escalation_level: number;
  required_actions: unknown;
  field_groups: string[];
  basis: unknown;
  sop_version_id: string;
  attempt: number;
  previous_referral_id: string | null;
  version: number;
  acknowledged_at: Date | null;
  outcome_code: string | null;
  outcome_note: string | null;
  reason: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * A referral with what a reader needs to know about it. The agency and border point come from scalar
 * lookups, evaluated for the page's rows only: as joins they let the planner start from the small
 * agency and border point tables and sort the queue instead of reading it from its index in order.
 */
const REFERRAL_LABELS = `kivuko_case_number(r.case_id) AS case_number, (SELECT a.name FROM agency a WHERE a.id = r.agency_id) AS agency_name,
  (SELECT a.kind FROM agency a WHERE a.id = r.agency_id) AS agency_kind, (SELECT b.code FROM border_point b WHERE b.id = r.border_point_id) AS border_point_code`;

export const SELECT_REFERRAL = `SELECT r.*, ${REFERRAL_LABELS} FROM referral r`;

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

/** What happens after a referral's status changed (the next agency after a decline, the notifications). */
export interface ReferralFollowUp {
  afterTransition(manager: EntityManager, referral: ReferralRow, action: ReferralAction, actor: Actor | null): Promise<void>;
}

/** Where referral events go out (the agencies' webhooks), inside the transaction that caused them. */
export interface ReferralEventSink {
  emit(manager: EntityManager, agencyId: string, event: ReferralEvent, referral: { id: string; status: string }): Promise<void>;
}

const notFound = (): DomainError => ReferralErrors.raise('REFERRAL.NOT_FOUND');

/** The event an action sends to the agency's webhook, where it sends one. */
const EVENT_OF: Partial<Record<ReferralAction, ReferralEvent>> = {
  [ReferralAction.Release]: 'referral.created',
  [ReferralAction.Withdraw]: 'referral.withdrawn',
  [ReferralAction.Suspend]: 'referral.suspended',
  [ReferralAction.Complete]: 'referral.completed',
};

/** Which side acts: the receiving agency works a referral, the sending border point withdraws it. */
const RECEIVER_ACTIONS: readonly ReferralAction[] = [ReferralAction.Acknowledge, ReferralAction.Accept, ReferralAction.Decline, ReferralAction.Start, ReferralAction.Complete];

/**
 * Referral queues and transitions. Each transition is a compare-and-set on the referral's status and
 * version, so two concurrent transitions on one referral cannot both succeed; each is audited and kept
 * as a referral event.
 */
@Injectable()
export class ReferralService {
  private followUp?: ReferralFollowUp;
  private events?: ReferralEventSink;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  setFollowUp(followUp: ReferralFollowUp): void {
    this.followUp = followUp;
  }

  setEventSink(events: ReferralEventSink): void {
    this.events = events;
  }

  /** Tells the receiving agency (and, for a completion, the registering agency: the closed loop). */
  async notify(manager: EntityManager, referral: Pick<ReferralRow, 'id' | 'status' | 'agency_id' | 'case_id'>, event: Parameters<ReferralEventSink['emit']>[2]): Promise<void> {
    if (!this.events) return;
    await this.events.emit(manager, referral.agency_id, event, referral);
    if (event === 'referral.completed') {
      const [sender] = await manager.query<{ agency_id: string }[]>(`SELECT registering_agency_id AS agency_id FROM case_file WHERE id = $1`, [referral.case_id]);
      if (sender && sender.agency_id !== referral.agency_id) await this.events.emit(manager, sender.agency_id, event, referral);
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
      const { sql, params } = queueQuery(actor, query, after, limit + 1);
      const rows = await manager.query<ReferralRow[]>(sql, params);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const items = page.map(referralView);
      return rows.length > limit && last ? { items, nextCursor: encodeQueueCursor(last) } : { items };
    });
  }

  async get(actor: Actor, id: string): Promise<ReferralView & { history: { from: string | null; to: string; at: string; actorUserId: string | null; reason: string | null }[] }> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const [row] = await manager.query<ReferralRow[]>(`${SELECT_REFERRAL} WHERE r.id = $1`, [id]);
      if (!row) throw notFound();
      const events = await manager.query<{ from_status: string | null; to_status: string; occurred_at: Date; actor_user_id: string | null; reason: string | null }[]>(
        `SELECT from_status, to_status, occurred_at, actor_user_id, reason FROM referral_event WHERE referral_id = $1 ORDER BY id`,
        [id],
      );
      return {
        ...referralView(row),
        history: events.map((e) => ({ from: e.from_status, to: e.to_status, at: e.occurred_at.toISOString(), actorUserId: e.actor_user_id, reason: e.reason })),
      };
    });
  }

  async act(actor: Actor, id: string, action: ReferralAction, dto: ReferralActionDto, correlationId?: string): Promise<ReferralView> {
    const problems = [];
    if (action === ReferralAction.Decline && !dto.reason) problems.push({ path: 'reason', problem: 'a reason is required to decline' });
    if (action === ReferralAction.Withdraw && !dto.reason) problems.push({ path: 'reason', problem: 'a reason is required to withdraw' });
    if (action === ReferralAction.Complete && !dto.outcomeCode) problems.push({ path: 'outcomeCode', problem: 'an outcome code is required to complete' });
    if (action !== ReferralAction.Complete && (dto.outcomeCode !== undefined || dto.note !== undefined)) {
      problems.push({ path: 'outcomeCode', problem: 'an outcome is given only when completing' });
    }
    if (problems.length > 0) throw ReferralErrors.badInput('REFERRAL.INVALID', problems, `The request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}`);

    return this.uow.run(actorScope(actor), async (manager) => {
      const [row] = await manager.query<ReferralRow[]>(`${SELECT_REFERRAL} WHERE r.id = $1`, [id]);
      if (!row) throw notFound();
      const receiver = row.agency_id === actor.agencyId;
      const sender = actor.borderPointIds.includes(row.border_point_id);
      if (RECEIVER_ACTIONS.includes(action) ? !receiver : !sender) {
        throw ReferralErrors.raise(
          'REFERRAL.NOT_YOURS',
          RECEIVER_ACTIONS.includes(action) ? 'Only the receiving agency works a referral' : 'Only the sending border point withdraws a referral',
        );
      }
      return referralView(await this.transition(manager, row, action, actor, { reason: dto.reason, outcomeCode: dto.outcomeCode, note: dto.note, expectedVersion: dto.version }, correlationId));
    });
  }

  /**
   * Moves a referral on, inside the caller's transaction: checked against the status machine and the
   * version read, recorded as an event and audited; then the follow-up runs (fallback, notifications).
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
    // An UPDATE answers [rows, affected count]; no row means someone else moved the referral first.
    const [[updated]] = await manager.query<[{ id: string }[], number]>(
      `UPDATE referral SET status = $3, version = version + 1, updated_at = now(),
         acknowledged_at = CASE WHEN $4 AND acknowledged_at IS NULL THEN now() ELSE acknowledged_at END,
         outcome_code = coalesce($5, outcome_code), outcome_note = coalesce($6, outcome_note), reason = coalesce($7, reason)
       WHERE id = $1 AND version = $2 AND status = $8 RETURNING id`,
      [row.id, row.version, to, firstContact, change.outcomeCode ?? null, change.note ?? null, change.reason ?? null, row.status],
    );
    if (!updated) {
      throw ReferralErrors.raise('REFERRAL.CHANGED', undefined, { status: row.status });
    }
    await manager.query(
      `INSERT INTO referral_event (referral_id, case_id, from_status, to_status, actor_user_id, actor_agency_id, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.id, row.case_id, row.status, to, actor?.userId ?? null, actor?.agencyId ?? null, change.reason ?? change.outcomeCode ?? null],
    );
    await this.audit.record(manager, {
      action: `REFERRAL.${to}`,
      actor,
      caseId: row.case_id,
      purpose: 'REFERRAL',
      correlationId,
      details: { referralId: row.id, from: row.status, agencyId: row.agency_id },
    });
    const [fresh] = await manager.query<ReferralRow[]>(`${SELECT_REFERRAL} WHERE r.id = $1`, [row.id]);
    const event = EVENT_OF[action];
    if (event) await this.notify(manager, fresh, event);
    await this.followUp?.afterTransition(manager, fresh, action, actor);
    return fresh;
  }
}

/**
 * The queue query: the agency's open referrals (or those sent from the caller's border points), most
 * urgent and soonest due first. Each shape reads an index in this order, so a page reads about its own
 * rows: the open queue the partial index of open referrals (its predicate written out so the planner can
 * match it), a status filter the full queue index, a profile filter on the open queue the open referrals
 * by (agency, profile), and the sender's view one index scan per border point, merged.
 */
export function queueQuery(
  actor: Pick<Actor, 'agencyId' | 'borderPointIds'>,
  query: ListReferralsQuery,
  after: { priority: number; dueAt: Date; id: string } | undefined,
  limit: number,
): { sql: string; params: unknown[] } {
  const sent = query.view === 'SENT';
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  // Open referrals of one profile, from their own index in queue order (only while no status is asked for).
  const byProfile = !sent && query.profile !== undefined && !query.status;
  if (sent) {
    params.push(actor.borderPointIds);
    where.push('r.border_point_id = bp.id');
  } else if (byProfile) {
    add((p) => `o.agency_id = ${p}`, actor.agencyId);
    add((p) => `o.profile = ${p}`, query.profile);
  } else add((p) => `r.agency_id = ${p}`, actor.agencyId);
  if (query.status) add((p) => `r.status = ${p}`, query.status);
  // The open referrals by profile hold open referrals only (the trigger keeps them so).
  else if (!sent && !byProfile) where.push(`r.status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')`);
  if (query.priority) add((p) => `${byProfile ? 'o' : 'r'}.priority = ${p}`, query.priority);
  if (query.profile && !byProfile) add((p) => `r.profiles @> ARRAY[${p}]::text[]`, query.profile);
  if (query.borderPointId) add((p) => `r.border_point_id = ${p}`, query.borderPointId);
  if (query.caseId) add((p) => `r.case_id = ${p}`, query.caseId);
  if (query.overdue !== undefined) where.push(query.overdue ? 'r.overdue_at IS NOT NULL' : 'r.overdue_at IS NULL');
  const key = byProfile ? ['o.priority', 'o.due_at', 'o.referral_id'] : ['r.priority', 'r.due_at', 'r.id'];
  if (after) {
    params.push(after.priority, after.dueAt, after.id);
    where.push(`(${key.join(', ')}) > ($${params.length - 2}, $${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push(limit);
  const limitParam = `$${params.length}`;
  if (sent) {
    return {
      sql: `WITH page AS (
              SELECT r.* FROM unnest($1::uuid[]) AS bp(id)
              CROSS JOIN LATERAL (SELECT r.* FROM referral r WHERE ${where.join(' AND ')} ORDER BY r.priority, r.due_at, r.id LIMIT ${limitParam}) r
              ORDER BY r.priority, r.due_at, r.id LIMIT ${limitParam})
            SELECT r.*, ${REFERRAL_LABELS} FROM page r ORDER BY r.priority, r.due_at, r.id`,
      params,
    };
  }
  if (byProfile) {
    return {
      sql: `${SELECT_REFERRAL} JOIN referral_open_profile o ON o.referral_id = r.id WHERE ${where.join(' AND ')} ORDER BY ${key.join(', ')} LIMIT ${limitParam}`,
      params,
    };
  }
  return { sql: `${SELECT_REFERRAL} WHERE ${where.join(' AND ')} ORDER BY r.priority, r.due_at, r.id LIMIT ${limitParam}`, params };
}

export function encodeQueueCursor(row: Pick<ReferralRow, 'priority' | 'due_at' | 'id'>): string {
  return Buffer.from(`${row.priority}|${row.due_at.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

export function decodeQueueCursor(cursor: string): { priority: number; dueAt: Date; id: string } {
  const match = /^(\d{1,3})\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new BadInputError('REQUEST.VALIDATION_FAILED', 'The cursor is not one this queue gave out', [{ path: 'cursor', problem: 'must be the nextCursor of an earlier page' }]);
  }
  return { priority: Number(match[1]), dueAt: new Date(match[2]), id: match[3] };
}

import { AuditService } from '@kivuko/audit';
import { Actor, BadInputError, Clock, systemScope, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MonitorPageQuery, SafeguardEventsQuery } from './monitor.dto';

export interface MonitoredDetention {
  episodeId: string;
  caseNumber: string;
  borderPoint: string;
  detainingAgency: string;
  place: string;
  startedAt: string;
  nextReviewOn: string;
  reviewOverdue: boolean;
  endedAt: string | null;
  /** Why the person is protected: the exact grounds found at opening, and whether the case shows a child now. */
  protectedGrounds: string[];
  childNow: boolean;
  override: { justification: string; at: string } | null;
  accessVisits: number;
}

export interface MonitoredSafeguardEvent {
  id: string;
  caseNumber: string;
  borderPoint: string;
  safeguard: string;
  outcome: 'BLOCKED' | 'OVERRIDDEN';
  attempted: string;
  reasons: string[];
  justification: string | null;
  agency: string;
  at: string;
}

export interface MonitoredReferral {
  referralId: string;
  caseNumber: string;
  borderPoint: string;
  agency: string;
  agencyKind: string;
  role: string;
  priority: number;
  status: string;
  dueAt: string;
  overdueSince: string;
  escalationLevel: number;
}

type Page<T> = { items: T[]; nextCursor?: string };

const CHILD_NOW = `EXISTS (SELECT 1 FROM case_profile p WHERE p.case_id = d.case_id AND p.status <> 'REMOVED' AND p.profile IN ('UNACCOMPANIED_CHILD', 'SEPARATED_CHILD', 'CHILD_AT_RISK'))`;

/**
 * The independent monitor's reports, read across every case: detention of protected persons, blocked
 * and overridden safeguards, referrals overdue past escalation. Monitors see no case rows; these
 * reports run as a named system task and return case numbers, codes, dates and justifications — never a
 * narrative, a name or a sensitive section. Every read is audited.
 */
@Injectable()
export class MonitorService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  detentions(actor: Actor, query: MonitorPageQuery, correlationId?: string): Promise<Page<MonitoredDetention>> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const limit = query.limit ?? 50;
    return this.report(actor, 'MONITOR.DETENTIONS_READ', correlationId, async (manager) => {
      const rows = await manager.query<{
        id: string;
        case_number: string;
        border_point: string;
        agency: string;
        place: string;
        started_at: Date;
        next_review_on: string;
        ended_at: Date | null;
        protected_grounds: string[];
        child_now: boolean;
        override_justification: string | null;
        created_at: Date;
        visits: number;
        at_us: string;
      }[]>(
        `SELECT d.id, c.case_number, bp.code AS border_point, a.name AS agency, d.place, d.started_at, to_char(d.next_review_on, 'YYYY-MM-DD') AS next_review_on, d.ended_at,
                d.protected_grounds, ${CHILD_NOW} AS child_now, d.override_justification, d.created_at,
                (SELECT count(*)::int FROM detention_access x WHERE x.episode_id = d.id AND x.granted) AS visits,
                to_char(d.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_us
         FROM detention_episode d JOIN case_file c ON c.id = d.case_id JOIN border_point bp ON bp.id = c.border_point_id JOIN agency a ON a.id = d.agency_id
         WHERE (cardinality(d.protected_grounds) > 0 OR ${CHILD_NOW})
           ${query.open ? 'AND d.ended_at IS NULL' : ''}
           ${after ? 'AND (d.started_at, d.id) < ($2::timestamptz, $3::uuid)' : ''}
         ORDER BY d.started_at DESC, d.id DESC LIMIT $1`,
        after ? [limit + 1, after.atUs, after.id] : [limit + 1],
      );
      const today = this.clock.now().toISOString().slice(0, 10);
      return page(rows, limit, (r) => ({
        episodeId: r.id,
        caseNumber: r.case_number,
        borderPoint: r.border_point,
        detainingAgency: r.agency,
        place: r.place,
        startedAt: r.started_at.toISOString(),
        nextReviewOn: r.next_review_on,
        reviewOverdue: r.ended_at === null && r.next_review_on < today,
        endedAt: r.ended_at?.toISOString() ?? null,
        // The monitor is entitled to the exact ground and reason codes (never the narratives behind them).
        protectedGrounds: r.protected_grounds,
        childNow: r.child_now,
        override: r.override_justification ? { justification: r.override_justification, at: r.created_at.toISOString() } : null,
        accessVisits: r.visits,
      }));
    });
  }

  safeguardEvents(actor: Actor, query: SafeguardEventsQuery, correlationId?: string): Promise<Page<MonitoredSafeguardEvent>> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const limit = query.limit ?? 50;
    return this.report(actor, 'MONITOR.SAFEGUARD_EVENTS_READ', correlationId, async (manager) => {
      const params: unknown[] = [limit + 1];
      const where: string[] = [];
      if (query.outcome) where.push(`e.outcome = $${params.push(query.outcome)}`);
      if (query.safeguard) where.push(`e.safeguard = $${params.push(query.safeguard)}`);
      if (after) where.push(`(e.occurred_at, e.id) < ($${params.push(after.atUs)}::timestamptz, $${params.push(after.id)}::uuid)`);
      const rows = await manager.query<{
        id: string;
        case_number: string;
        border_point: string;
        safeguard: string;
        outcome: 'BLOCKED' | 'OVERRIDDEN';
        attempted: string;
        reasons: string[];
        justification: string | null;
        agency: string;
        occurred_at: Date;
        at_us: string;
      }[]>(
        `SELECT e.id, c.case_number, bp.code AS border_point, e.safeguard, e.outcome, e.attempted, e.reasons, e.justification, a.name AS agency, e.occurred_at,
                to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_us
         FROM safeguard_event e JOIN case_file c ON c.id = e.case_id JOIN border_point bp ON bp.id = c.border_point_id JOIN agency a ON a.id = e.actor_agency_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY e.occurred_at DESC, e.id DESC LIMIT $1`,
        params,
      );
      return page(rows, limit, (r) => ({
        id: r.id,
        caseNumber: r.case_number,
        borderPoint: r.border_point,
        safeguard: r.safeguard,
        outcome: r.outcome,
        // A refused prosecution names its offence, which says no more than the attempt did.
        attempted: r.attempted,
        reasons: r.reasons,
        justification: r.justification,
        agency: r.agency,
        at: r.occurred_at.toISOString(),
      }));
    });
  }

  /** Open referrals not acknowledged in time and escalated at least once, longest overdue first. */
  overdueReferrals(actor: Actor, query: MonitorPageQuery, correlationId?: string): Promise<Page<MonitoredReferral>> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const limit = query.limit ?? 50;
    return this.report(actor, 'MONITOR.OVERDUE_REFERRALS_READ', correlationId, async (manager) => {
      const rows = await manager.query<{
        id: string;
        case_number: string;
        border_point: string;
        agency: string;
        agency_kind: string;
        role: string;
        priority: number;
        status: string;
        due_at: Date;
        overdue_at: Date;
        escalation_level: number;
        at_us: string;
      }[]>(
        `SELECT r.id, kivuko_case_number(r.case_id) AS case_number, bp.code AS border_point, a.name AS agency, a.kind AS agency_kind, r.role, r.priority, r.status, r.due_at, r.overdue_at,
                r.escalation_level, to_char(r.overdue_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_us
         FROM referral r JOIN agency a ON a.id = r.agency_id JOIN border_point bp ON bp.id = r.border_point_id
         WHERE r.overdue_at IS NOT NULL AND r.escalation_level > 0 AND r.acknowledged_at IS NULL AND r.status IN ('AWAITING_CONSENT', 'PENDING')
           ${after ? 'AND (r.overdue_at, r.id) > ($2::timestamptz, $3::uuid)' : ''}
         ORDER BY r.overdue_at, r.id LIMIT $1`,
        after ? [limit + 1, after.atUs, after.id] : [limit + 1],
      );
      return page(rows, limit, (r) => ({
        referralId: r.id,
        caseNumber: r.case_number,
        borderPoint: r.border_point,
        agency: r.agency,
        agencyKind: r.agency_kind,
        role: r.role,
        priority: r.priority,
        status: r.status,
        dueAt: r.due_at.toISOString(),
        overdueSince: r.overdue_at.toISOString(),
        escalationLevel: r.escalation_level,
      }));
    });
  }

  private report<T>(actor: Actor, action: string, correlationId: string | undefined, work: (manager: EntityManager) => Promise<Page<T>>): Promise<Page<T>> {
    return this.uow.run(systemScope(`monitor report for ${actor.username}`), async (manager) => {
      const result = await work(manager);
      await this.audit.record(manager, { action, actor, purpose: 'MONITORING', correlationId, details: { items: result.items.length } });
      return result;
    });
  }
}

function page<R extends { id: string; at_us: string }, T>(rows: R[], limit: number, view: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return rows.length > limit && last ? { items: items.map(view), nextCursor: Buffer.from(`${last.at_us}|${last.id}`, 'utf8').toString('base64url') } : { items: items.map(view) };
}

function decodeCursor(cursor: string): { atUs: string; id: string } {
  // The instant in full (microseconds), compared as a timestamp so the report's index serves the next page.
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new BadInputError('REQUEST.VALIDATION_FAILED', 'The cursor is not one this report gave out', [{ path: 'cursor', problem: 'must be the nextCursor of an earlier page' }]);
  return { atUs: match[1], id: match[2] };
}

import { AuditService } from '@kivuko/audit';
import { Actor, Clock, PlatformErrors, systemScope, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MonitorPageQuery, SafeguardEventsQuery } from './monitor.dto';
import { detentionReport, overdueReferralReport, safeguardEventReport } from './monitor.queries';

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
      const rows = await detentionReport(manager, query.open, limit, after);
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
      const rows = await safeguardEventReport(manager, { outcome: query.outcome, safeguard: query.safeguard }, limit, after);
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
      const rows = await overdueReferralReport(manager, limit, after);
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
  if (!match) throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path: 'cursor', problem: 'must be the nextCursor of an earlier page' }], 'The cursor is not one this report gave out');
  return { atUs: match[1], id: match[2] };
}

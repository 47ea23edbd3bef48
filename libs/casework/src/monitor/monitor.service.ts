import { AuditService } from '@kivuko/audit';
import { Actor, Clock, PlatformErrors, systemScope, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MonitorPageQuery, SafeguardEventsQuery } from './monitor.dto';
import { CsvColumn, DETENTION_COLUMNS, OVERDUE_REFERRAL_COLUMNS, SAFEGUARD_EVENT_COLUMNS, toCsv } from './monitor-csv';
import { MonitoredDetention, MonitoredReferral, MonitoredSafeguardEvent } from './monitor-views';
import { detentionReport, overdueReferralReport, ReportPeriod, safeguardEventReport } from './monitor.queries';

/** The most rows one CSV download holds (a report for a period is far smaller; past it, narrow the period). */
export const CSV_MAX_ROWS = 10_000;

/** A report's name in its CSV file and its columns. */
export type MonitorReport = 'detentions' | 'safeguard-events' | 'overdue-referrals';

export type { MonitoredDetention, MonitoredReferral, MonitoredSafeguardEvent } from './monitor-views';

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
    const csv = query.format === 'csv';
    const after = query.cursor && !csv ? decodeCursor(query.cursor) : undefined;
    const limit = csv ? CSV_MAX_ROWS : (query.limit ?? 50);
    return this.report(actor, 'MONITOR.DETENTIONS_READ', correlationId, csv, async (manager) => {
      const rows = await detentionReport(manager, { open: query.open, period: periodOf(query) }, limit, after);
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
    const csv = query.format === 'csv';
    const after = query.cursor && !csv ? decodeCursor(query.cursor) : undefined;
    const limit = csv ? CSV_MAX_ROWS : (query.limit ?? 50);
    return this.report(actor, 'MONITOR.SAFEGUARD_EVENTS_READ', correlationId, csv, async (manager) => {
      const rows = await safeguardEventReport(manager, { outcome: query.outcome, safeguard: query.safeguard, period: periodOf(query) }, limit, after);
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
    const csv = query.format === 'csv';
    const after = query.cursor && !csv ? decodeCursor(query.cursor) : undefined;
    const limit = csv ? CSV_MAX_ROWS : (query.limit ?? 50);
    return this.report(actor, 'MONITOR.OVERDUE_REFERRALS_READ', correlationId, csv, async (manager) => {
      const rows = await overdueReferralReport(manager, { period: periodOf(query) }, limit, after);
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

  /** The whole report for the query's filters (no paging) as CSV text. */
  async csv(actor: Actor, report: MonitorReport, query: SafeguardEventsQuery, correlationId?: string): Promise<string> {
    const all = { ...query, format: 'csv' as const, cursor: undefined };
    switch (report) {
      case 'detentions':
        return csvOf(DETENTION_COLUMNS, await this.detentions(actor, all, correlationId));
      case 'safeguard-events':
        return csvOf(SAFEGUARD_EVENT_COLUMNS, await this.safeguardEvents(actor, all, correlationId));
      case 'overdue-referrals':
        return csvOf(OVERDUE_REFERRAL_COLUMNS, await this.overdueReferrals(actor, all, correlationId));
    }
  }

  private report<T>(actor: Actor, action: string, correlationId: string | undefined, csvFormat: boolean, work: (manager: EntityManager) => Promise<Page<T>>): Promise<Page<T>> {
    return this.uow.run(systemScope(`monitor report for ${actor.username}`), async (manager) => {
      const result = await work(manager);
      await this.audit.record(manager, { action, actor, purpose: 'MONITORING', correlationId, details: { items: result.items.length, format: csvFormat ? 'csv' : 'json' } });
      return result;
    });
  }
}

function csvOf<T>(columns: readonly CsvColumn<T>[], result: Page<T>): string {
  return toCsv(columns, result.items);
}

/** The query's days as instants: from the first day's UTC midnight to the midnight after the last. */
function periodOf(query: MonitorPageQuery): ReportPeriod {
  const day = 24 * 60 * 60 * 1000;
  return {
    ...(query.from ? { from: new Date(`${query.from}T00:00:00Z`) } : {}),
    ...(query.to ? { before: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + day) } : {}),
  };
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

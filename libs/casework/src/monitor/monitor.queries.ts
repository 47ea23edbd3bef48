import { EntityManager } from 'typeorm';

/** The SQL of the monitor's reports: each a keyset page (`after` the last row of the previous page) of the manager's rows. */

export interface ReportCursor {
  atUs: string;
  id: string;
}

/** A report's period: from an instant (inclusive) and before another (exclusive), on the report's own time column. */
export interface ReportPeriod {
  from?: Date;
  before?: Date;
}

/** The period's conditions on `column`, their values pushed onto `params`. */
function periodWhere(column: string, period: ReportPeriod, params: unknown[]): string[] {
  const where: string[] = [];
  if (period.from) where.push(`${column} >= $${params.push(period.from)}`);
  if (period.before) where.push(`${column} < $${params.push(period.before)}`);
  return where;
}

const CHILD_NOW = `EXISTS (SELECT 1 FROM case_profile p WHERE p.case_id = d.case_id AND p.status <> 'REMOVED' AND p.profile IN ('UNACCOMPANIED_CHILD', 'SEPARATED_CHILD', 'CHILD_AT_RISK'))`;

export type DetentionReportRow = {
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
};

export function detentionReport(manager: EntityManager, filter: { open?: boolean; period: ReportPeriod }, limit: number, after: ReportCursor | undefined): Promise<DetentionReportRow[]> {
  const params: unknown[] = [limit + 1];
  const where = [`(cardinality(d.protected_grounds) > 0 OR ${CHILD_NOW})`, ...periodWhere('d.started_at', filter.period, params)];
  if (filter.open) where.push('d.ended_at IS NULL');
  if (after) where.push(`(d.started_at, d.id) < ($${params.push(after.atUs)}::timestamptz, $${params.push(after.id)}::uuid)`);
  return manager.query<DetentionReportRow[]>(
        `SELECT d.id, c.case_number, bp.code AS border_point, a.name AS agency, d.place, d.started_at, to_char(d.next_review_on, 'YYYY-MM-DD') AS next_review_on, d.ended_at,
                d.protected_grounds, ${CHILD_NOW} AS child_now, d.override_justification, d.created_at,
                (SELECT count(*)::int FROM detention_access x WHERE x.episode_id = d.id AND x.granted) AS visits,
                to_char(d.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_us
         FROM detention_episode d JOIN case_file c ON c.id = d.case_id JOIN border_point bp ON bp.id = c.border_point_id JOIN agency a ON a.id = d.agency_id
         WHERE ${where.join(' AND ')}
         ORDER BY d.started_at DESC, d.id DESC LIMIT $1`,
    params,
  );
}

export type SafeguardEventReportRow = {
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
};

export function safeguardEventReport(manager: EntityManager, filter: { outcome?: string; safeguard?: string; period: ReportPeriod }, limit: number, after: ReportCursor | undefined): Promise<SafeguardEventReportRow[]> {
  const params: unknown[] = [limit + 1];
  const where: string[] = periodWhere('e.occurred_at', filter.period, params);
  if (filter.outcome) where.push(`e.outcome = $${params.push(filter.outcome)}`);
  if (filter.safeguard) where.push(`e.safeguard = $${params.push(filter.safeguard)}`);
  if (after) where.push(`(e.occurred_at, e.id) < ($${params.push(after.atUs)}::timestamptz, $${params.push(after.id)}::uuid)`);
  return manager.query<SafeguardEventReportRow[]>(
        `SELECT e.id, c.case_number, bp.code AS border_point, e.safeguard, e.outcome, e.attempted, e.reasons, e.justification, a.name AS agency, e.occurred_at,
                to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_us
         FROM safeguard_event e JOIN case_file c ON c.id = e.case_id JOIN border_point bp ON bp.id = c.border_point_id JOIN agency a ON a.id = e.actor_agency_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY e.occurred_at DESC, e.id DESC LIMIT $1`,
    params,
  );
}

export type OverdueReferralReportRow = {
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
};

export function overdueReferralReport(manager: EntityManager, filter: { period: ReportPeriod }, limit: number, after: ReportCursor | undefined): Promise<OverdueReferralReportRow[]> {
  const params: unknown[] = [limit + 1];
  const where = [
    `r.overdue_at IS NOT NULL AND r.escalation_level > 0 AND r.acknowledged_at IS NULL AND r.status IN ('AWAITING_CONSENT', 'PENDING')`,
    ...periodWhere('r.overdue_at', filter.period, params),
  ];
  if (after) where.push(`(r.overdue_at, r.id) > ($${params.push(after.atUs)}::timestamptz, $${params.push(after.id)}::uuid)`);
  return manager.query<OverdueReferralReportRow[]>(
        `SELECT r.id, kivuko_case_number(r.case_id) AS case_number, bp.code AS border_point, a.name AS agency, a.kind AS agency_kind, r.role, r.priority, r.status, r.due_at, r.overdue_at,
                r.escalation_level, to_char(r.overdue_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_us
         FROM referral r JOIN agency a ON a.id = r.agency_id JOIN border_point bp ON bp.id = r.border_point_id
         WHERE ${where.join(' AND ')}
         ORDER BY r.overdue_at, r.id LIMIT $1`,
    params,
  );
}

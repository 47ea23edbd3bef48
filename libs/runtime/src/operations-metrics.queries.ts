import { DataSource } from 'typeorm';

/**
 * The SQL of the operations metrics. Both functions return aggregates only and run as their owner
 * (see migrations/1765990000000-operations-metrics.ts for why that, and not a scope, fits a scrape).
 */

export function referralsByAgencyKind(dataSource: DataSource): Promise<{ agency_kind: string; open: string; overdue: string }[]> {
  return dataSource.query(`SELECT agency_kind, open, overdue FROM kivuko_metrics_referrals()`);
}

export function intakesByBorderPoint(dataSource: DataSource): Promise<{ border_point_code: string; intakes: string }[]> {
  return dataSource.query(`SELECT border_point_code, intakes FROM kivuko_metrics_intakes()`);
}

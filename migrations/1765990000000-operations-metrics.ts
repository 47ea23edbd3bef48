import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counts Prometheus scrapes: referrals open and overdue by agency kind, intakes by border point.
 *
 * A scrape has no user, so no row-level security scope fits it: an actor scope would count one agency's
 * share, and the system scope would open every row to whatever query runs under it. These two functions
 * run as their owner instead (SECURITY DEFINER, search_path pinned) and return aggregates only — a count
 * per agency kind (a closed vocabulary) or per border point code (reference data, at most 200 of them):
 * no row, id, name or date of any case or referral leaves them. Only the application role may call them.
 */
export class OperationsMetrics1765990000000 implements MigrationInterface {
  name = 'OperationsMetrics1765990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION kivuko_metrics_referrals()
      RETURNS TABLE (agency_kind text, open bigint, overdue bigint)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT a.kind, count(r.id), count(r.id) FILTER (WHERE r.overdue_at IS NOT NULL)
        FROM agency a LEFT JOIN referral r ON r.agency_id = a.id AND r.status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')
        GROUP BY a.kind ORDER BY a.kind
      $$`);
    await q.query(`
      CREATE FUNCTION kivuko_metrics_intakes()
      RETURNS TABLE (border_point_code text, intakes bigint)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT b.code, count(i.intake_id)
        FROM border_point b LEFT JOIN intake_submission i ON i.border_point_id = b.id
        GROUP BY b.code ORDER BY b.code LIMIT 200
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION kivuko_metrics_referrals(), kivuko_metrics_intakes() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION kivuko_metrics_referrals(), kivuko_metrics_intakes() TO kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kivuko_metrics_intakes()`);
    await q.query(`DROP FUNCTION kivuko_metrics_referrals()`);
  }
}

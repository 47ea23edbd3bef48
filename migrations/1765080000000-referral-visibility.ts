import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referral visibility as PL/pgSQL, like case visibility: inlined, the planner read its OR of settings as
 * matching almost no row and sorted the whole queue instead of reading the queue index in order. And an
 * index for the overdue view.
 */
export class ReferralVisibility1765080000000 implements MigrationInterface {
  name = 'ReferralVisibility1765080000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION kivuko_referral_visible(p_agency uuid, p_border_point uuid, p_status text) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN kivuko_scope_is_system()
            OR (kivuko_scope_agency_staff() AND p_agency = kivuko_scope_agency() AND p_status <> 'AWAITING_CONSENT')
            OR kivuko_scope_sees_border_point(p_border_point);
      END $$`);
    // The overdue view of an agency's queue, in queue order.
    await q.query(`CREATE INDEX referral_agency_overdue_idx ON referral (agency_id, priority, due_at, id)
      WHERE overdue_at IS NOT NULL AND status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX referral_agency_overdue_idx`);
    await q.query(`
      CREATE OR REPLACE FUNCTION kivuko_referral_visible(p_agency uuid, p_border_point uuid, p_status text) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT kivuko_scope_is_system()
            OR (kivuko_scope_agency_staff() AND p_agency = kivuko_scope_agency() AND p_status <> 'AWAITING_CONSENT')
            OR kivuko_scope_sees_border_point(p_border_point)
      $$`);
  }
}

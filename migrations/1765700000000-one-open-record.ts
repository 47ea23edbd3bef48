import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "One open … per case" as constraints, not only as checks in the use cases (which also lock the case):
 * one detention episode, one pending removal order, one return under way, one open assessment or
 * determination of each kind, one age assessment under way. And the monitor's overdue-referral report
 * read from an index in its order; the open-profile trigger function kept to its trigger.
 */
export class OneOpenRecord1765700000000 implements MigrationInterface {
  name = 'OneOpenRecord1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX detention_episode_open_uq ON detention_episode (case_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX removal_order_pending_uq ON removal_order (case_id) WHERE status = 'ORDERED'`);
    await q.query(`CREATE UNIQUE INDEX voluntary_return_under_way_uq ON voluntary_return (case_id) WHERE status IN ('REQUESTED', 'CONFIRMED')`);
    await q.query(`CREATE UNIQUE INDEX best_interests_procedure_open_uq ON best_interests_procedure (case_id, kind) WHERE completed_on IS NULL`);
    await q.query(`CREATE UNIQUE INDEX age_assessment_open_uq ON age_assessment (case_id) WHERE completed_on IS NULL`);
    await q.query(`CREATE INDEX referral_escalated_late_idx ON referral (overdue_at, id)
      WHERE overdue_at IS NOT NULL AND escalation_level > 0 AND acknowledged_at IS NULL AND status IN ('AWAITING_CONSENT', 'PENDING')`);
    // The monitor's detention report, newest first.
    await q.query(`CREATE INDEX detention_episode_started_idx ON detention_episode (started_at DESC, id DESC)`);
    // The trigger function runs as its owner: nobody may attach it to a table of their own.
    await q.query(`REVOKE ALL ON FUNCTION kivuko_referral_open_profile_sync() FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`GRANT EXECUTE ON FUNCTION kivuko_referral_open_profile_sync() TO PUBLIC`);
    for (const index of [
      'detention_episode_started_idx',
      'referral_escalated_late_idx',
      'age_assessment_open_uq',
      'best_interests_procedure_open_uq',
      'voluntary_return_under_way_uq',
      'removal_order_pending_uq',
      'detention_episode_open_uq',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines and escalation: the sweep reads every referral whose first contact is late (not only those
 * not yet marked, since later escalation steps fire on marked ones), and an escalation alert is a task
 * on the agency or border point alerted, pointing at its referral, one per step.
 */
export class ReferralDeadlines1765050000000 implements MigrationInterface {
  name = 'ReferralDeadlines1765050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX referral_first_contact_late_idx ON referral (due_at) WHERE status IN ('AWAITING_CONSENT', 'PENDING') AND acknowledged_at IS NULL`);
    await q.query(`ALTER TABLE case_task ADD COLUMN referral_id uuid`);
    await q.query(`ALTER TABLE case_task ADD COLUMN escalation_step smallint`);
    await q.query(`ALTER TABLE case_task ADD CONSTRAINT case_task_referral_fk FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE`);
    await q.query(`CREATE UNIQUE INDEX case_task_escalation_uq ON case_task (referral_id, escalation_step) WHERE escalation_step IS NOT NULL`);
    await q.query(`CREATE INDEX case_task_agency_open_idx ON case_task (agency_id, due_at) WHERE status = 'OPEN'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_task_agency_open_idx`);
    await q.query(`DROP INDEX case_task_escalation_uq`);
    await q.query(`ALTER TABLE case_task DROP CONSTRAINT case_task_referral_fk`);
    await q.query(`ALTER TABLE case_task DROP COLUMN escalation_step`);
    await q.query(`ALTER TABLE case_task DROP COLUMN referral_id`);
    await q.query(`DROP INDEX referral_first_contact_late_idx`);
  }
}

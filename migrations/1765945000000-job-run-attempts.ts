import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each run of a job is recorded on its outbox row before the handler starts (`run_attempts`,
 * `last_run_at`), so a process that picks the job up again can tell a first run from a run whose earlier
 * outcome is unknown (the process died, or could not record the outcome), and a job already recorded as
 * completed is not run again.
 */
export class JobRunAttempts1765945000000 implements MigrationInterface {
  name = 'JobRunAttempts1765945000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_message ADD COLUMN run_attempts integer NOT NULL DEFAULT 0, ADD COLUMN last_run_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_message DROP COLUMN last_run_at, DROP COLUMN run_attempts`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A withdrawal ends only the asylum wish recorded before it. A wish expressed again afterwards (an intake
 * written after the withdrawal that records it) stands again, and the person may withdraw that one too:
 * so a case may hold more than one withdrawal, one for each wish it ended.
 *
 * `case_file.asylum_wish_recorded_at` now says when the wish in force was last recorded (first read, or
 * expressed again after a withdrawal). The wish stands while no withdrawal was recorded at or after that
 * time. Existing cases keep their times: every withdrawal so far came after the wish it ended.
 */
export class AsylumWishReexpressed1765860000000 implements MigrationInterface {
  name = 'AsylumWishReexpressed1765860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX asylum_wish_withdrawal_case_uq`);
    await q.query(`CREATE INDEX asylum_wish_withdrawal_case_idx ON asylum_wish_withdrawal (case_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // A person's recorded words are never deleted to go back: with a second withdrawal on a case, this stops (the unique index fails).
    await q.query(`DROP INDEX asylum_wish_withdrawal_case_idx`);
    await q.query(`CREATE UNIQUE INDEX asylum_wish_withdrawal_case_uq ON asylum_wish_withdrawal (case_id)`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Repeated failed sign-ins slow the next attempt down (LoginThrottle, keyed by the name typed, known or
 * not) instead of locking the account for 15 minutes: the per-account failure counter and lock are gone.
 */
export class LoginSlowdown1765840000000 implements MigrationInterface {
  name = 'LoginSlowdown1765840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN failed_logins, DROP COLUMN locked_until`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN failed_logins integer NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password someone else chose (the first one a system administrator gives a new account, or a temporary
 * one after a reset) must be replaced by the user before anything else: until then a sign-in gives a
 * session that may only change the password. Existing accounts, and the demo accounts, are not flagged.
 */
export class PasswordChangeRequired1765940000000 implements MigrationInterface {
  name = 'PasswordChangeRequired1765940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN must_change_password`);
  }
}

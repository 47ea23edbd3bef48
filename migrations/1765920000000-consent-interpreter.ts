import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A consent says whether an interpreter helped ask for it, in which language and who: `{ used, language?, name? }`.
 * Consents recorded before say nothing (null), which is not the same as "no interpreter".
 */
export class ConsentInterpreter1765920000000 implements MigrationInterface {
  name = 'ConsentInterpreter1765920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consent_record ADD COLUMN interpreter jsonb`);
    await q.query(
      `ALTER TABLE consent_record ADD CONSTRAINT consent_record_interpreter_ck CHECK (interpreter IS NULL OR jsonb_typeof(interpreter->'used') = 'boolean')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consent_record DROP COLUMN interpreter`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One counter per border point and arrival year, from which case numbers such as
 * TZA-NMG-2026-000042 are allocated. The counter row is bumped inside the registering transaction,
 * so a rolled-back registration gives its number back and numbers stay gapless.
 */
export class CaseNumber1764600000000 implements MigrationInterface {
  name = 'CaseNumber1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_number_counter (
        border_point_id uuid NOT NULL,
        year integer NOT NULL,
        last_value integer NOT NULL,
        CONSTRAINT case_number_counter_pk PRIMARY KEY (border_point_id, year),
        CONSTRAINT case_number_counter_value_ck CHECK (last_value > 0)
      )`);
    await q.query(
      `ALTER TABLE case_number_counter ADD CONSTRAINT case_number_counter_border_point_fk FOREIGN KEY (border_point_id) REFERENCES border_point (id) ON DELETE RESTRICT`,
    );
    // A deleted counter would start again at 1 and hand out numbers already issued: the application
    // role may read, create and bump counters, never remove them.
    await q.query(`REVOKE DELETE, TRUNCATE ON case_number_counter FROM kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_number_counter`);
  }
}

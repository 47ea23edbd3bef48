import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every profiling run records the joint SOP version whose rules produced it (null: the default rules, no SOP active). */
export class ProfilingSopVersion1765070000000 implements MigrationInterface {
  name = 'ProfilingSopVersion1765070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE profiling_run ADD COLUMN sop_version_id uuid`);
    await q.query(`ALTER TABLE profiling_run ADD CONSTRAINT profiling_run_sop_fk FOREIGN KEY (sop_version_id) REFERENCES sop_version (id) ON DELETE RESTRICT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE profiling_run DROP CONSTRAINT profiling_run_sop_fk`);
    await q.query(`ALTER TABLE profiling_run DROP COLUMN sop_version_id`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Non-criminalisation for every offence: a prosecution flag against a presumed or identified trafficking
 * victim for an offence other than a status offence carries the supervisor's written finding that the
 * offence is unrelated to the trafficking, and who made it.
 */
export class UnrelatedOffenceFinding1765800000000 implements MigrationInterface {
  name = 'UnrelatedOffenceFinding1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE protection_flag ADD COLUMN unrelated_finding text, ADD COLUMN finding_by uuid`);
    await q.query(`ALTER TABLE protection_flag ADD CONSTRAINT protection_flag_finding_ck
      CHECK ((unrelated_finding IS NULL) = (finding_by IS NULL) AND (unrelated_finding IS NULL OR (kind = 'PROSECUTION' AND offence = 'OTHER')))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE protection_flag DROP CONSTRAINT protection_flag_finding_ck`);
    await q.query(`ALTER TABLE protection_flag DROP COLUMN finding_by, DROP COLUMN unrelated_finding`);
  }
}

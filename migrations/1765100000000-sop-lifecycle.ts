import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The joint SOP lifecycle: signatories approve a version's content, so the application may change a
 * version's status and dates but never what was approved (document, signatories, label, jurisdiction).
 * A version's status and its dates agree, and the version list is served by an index.
 */
export class SopLifecycle1765100000000 implements MigrationInterface {
  name = 'SopLifecycle1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE UPDATE ON sop_version FROM kivuko_app`);
    await q.query(`GRANT UPDATE (status, effective_from, activated_by, activated_at, retired_at) ON sop_version TO kivuko_app`);
    await q.query(`ALTER TABLE sop_version ADD CONSTRAINT sop_version_lifecycle_ck CHECK (
      (status <> 'ACTIVE' OR (activated_at IS NOT NULL AND effective_from IS NOT NULL AND retired_at IS NULL))
      AND (status <> 'RETIRED' OR retired_at IS NOT NULL)
      AND (status <> 'DRAFT' OR (activated_at IS NULL AND retired_at IS NULL)))`);
    // GET /sops: newest first, optionally within one jurisdiction.
    await q.query(`CREATE INDEX sop_version_list_idx ON sop_version (jurisdiction, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX sop_version_recent_idx ON sop_version (created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX sop_version_recent_idx`);
    await q.query(`DROP INDEX sop_version_list_idx`);
    await q.query(`ALTER TABLE sop_version DROP CONSTRAINT sop_version_lifecycle_ck`);
    await q.query(`REVOKE UPDATE (status, effective_from, activated_by, activated_at, retired_at) ON sop_version FROM kivuko_app`);
    await q.query(`GRANT UPDATE ON sop_version TO kivuko_app`);
  }
}

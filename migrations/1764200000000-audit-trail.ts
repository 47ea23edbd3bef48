import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: one append-only table whose rows are hash-chained per case (or per UTC day for
 * events without a case). The database itself refuses UPDATE, DELETE and TRUNCATE through triggers,
 * whatever role the application connects as.
 */
export class AuditTrail1764200000000 implements MigrationInterface {
  name = 'AuditTrail1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        chain_key text NOT NULL,
        action text NOT NULL,
        outcome text NOT NULL,
        actor_user_id uuid,
        actor_username text,
        actor_agency_id uuid,
        actor_roles text[] NOT NULL DEFAULT '{}',
        case_id uuid,
        field_groups text[] NOT NULL DEFAULT '{}',
        purpose text,
        correlation_id text,
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash text,
        hash text NOT NULL,
        CONSTRAINT audit_event_pk PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX audit_event_chain_idx ON audit_event (chain_key, id)`);
    await q.query(`CREATE INDEX audit_event_case_idx ON audit_event (case_id, id) WHERE case_id IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update_delete
        BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate
        BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    // DROP TABLE is not a TRUNCATE: the triggers go with the table.
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The role the api and worker connect as: not a superuser, not the owner of any table, no BYPASSRLS,
 * so row-level security applies to it and it cannot switch off the audit trail's triggers. It may
 * read and write the application's tables, but only append to and read the audit trail.
 * Its password is set at boot by the migrating process (roles are cluster-wide; CREATE is guarded).
 */
export class AppRole1764400000000 implements MigrationInterface {
  name = 'AppRole1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kivuko_app') THEN
          CREATE ROLE kivuko_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
        END IF;
      END $$`);
    await q.query(`DO $$ BEGIN EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO kivuko_app', current_database()); END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO kivuko_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kivuko_app`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kivuko_app`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM kivuko_app`);
    await q.query(`REVOKE ALL ON schema_migration FROM kivuko_app`);
    await q.query(`GRANT SELECT ON schema_migration TO kivuko_app`);
    // Tables of later migrations get the same grants; each later migration revokes what it must.
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kivuko_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM kivuko_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM kivuko_app`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM kivuko_app`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM kivuko_app`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM kivuko_app`);
    await q.query(`DO $$ BEGIN EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM kivuko_app', current_database()); END $$`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class Access1764300000000 implements MigrationInterface {
  name = 'Access1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE border_point (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        country character(3) NOT NULL,
        kind text NOT NULL,
        region text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT border_point_pk PRIMARY KEY (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX border_point_code_uq ON border_point (code)`);
    await q.query(`
      CREATE TABLE agency (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL,
        services text[] NOT NULL DEFAULT '{}',
        coverage_border_point_ids uuid[] NOT NULL DEFAULT '{}',
        coverage_regions text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        daily_capacity integer,
        contact_email text,
        contact_phone text,
        webhook_url text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agency_pk PRIMARY KEY (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX agency_name_uq ON agency (name)`);
    await q.query(`CREATE INDEX agency_kind_idx ON agency (kind)`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        username text NOT NULL,
        display_name text NOT NULL,
        agency_id uuid NOT NULL,
        roles text[] NOT NULL,
        border_point_ids uuid[] NOT NULL DEFAULT '{}',
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_pk PRIMARY KEY (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_username_uq ON app_user (username)`);
    await q.query(`CREATE INDEX app_user_agency_idx ON app_user (agency_id)`);
    await q.query(
      `ALTER TABLE app_user ADD CONSTRAINT app_user_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT`,
    );
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        replaced_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refresh_token_pk PRIMARY KEY (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX refresh_token_hash_uq ON refresh_token (token_hash)`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(
      `ALTER TABLE refresh_token ADD CONSTRAINT refresh_token_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE agency`);
    await q.query(`DROP TABLE border_point`);
  }
}

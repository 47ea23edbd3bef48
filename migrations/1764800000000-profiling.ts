import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Profiling in the case: every run of the engine is kept as a version (its suggestions and the diff
 * against the previous run), the case's current profiles carry the officials' decisions, and every
 * decision (confirm, add, remove, with its reason) is kept. All behind the case's row-level security.
 */
export class Profiling1764800000000 implements MigrationInterface {
  name = 'Profiling1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE profiling_run (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        version integer NOT NULL,
        rule_set_version text NOT NULL,
        trigger text NOT NULL,
        profiles jsonb NOT NULL,
        withheld jsonb NOT NULL,
        diff jsonb NOT NULL,
        ran_at timestamptz NOT NULL DEFAULT now(),
        ran_by uuid,
        CONSTRAINT profiling_run_pk PRIMARY KEY (id),
        CONSTRAINT profiling_run_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT profiling_run_version_ck CHECK (version > 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX profiling_run_case_version_uq ON profiling_run (case_id, version)`);

    await q.query(`
      CREATE TABLE case_profile (
        case_id uuid NOT NULL,
        profile text NOT NULL,
        origin text NOT NULL,
        status text NOT NULL,
        urgency text NOT NULL,
        indicators jsonb NOT NULL DEFAULT '[]',
        needs_codes text[] NOT NULL DEFAULT '{}',
        suggested boolean NOT NULL,
        run_version integer,
        decided_by uuid,
        decided_at timestamptz,
        reason text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_profile_pk PRIMARY KEY (case_id, profile),
        CONSTRAINT case_profile_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT case_profile_origin_ck CHECK (origin IN ('SUGGESTED', 'ADDED')),
        CONSTRAINT case_profile_status_ck CHECK (status IN ('SUGGESTED', 'CONFIRMED', 'REMOVED')),
        CONSTRAINT case_profile_urgency_ck CHECK (urgency IN ('IMMEDIATE', 'HIGH', 'NORMAL'))
      )`);
    // The case list's profile filter.
    await q.query(`CREATE INDEX case_profile_profile_idx ON case_profile (profile, case_id) WHERE status <> 'REMOVED'`);

    await q.query(`
      CREATE TABLE profile_decision (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        profile text NOT NULL,
        action text NOT NULL,
        reason text,
        decided_by uuid NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT profile_decision_pk PRIMARY KEY (id),
        CONSTRAINT profile_decision_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT profile_decision_action_ck CHECK (action IN ('CONFIRM', 'ADD', 'REMOVE')),
        CONSTRAINT profile_decision_reason_ck CHECK (action = 'CONFIRM' OR reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX profile_decision_case_idx ON profile_decision (case_id, decided_at)`);

    for (const table of ['profiling_run', 'case_profile', 'profile_decision']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_case_scope ON ${table} USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))`);
    }
    // History is appended to, never rewritten.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON profiling_run, profile_decision FROM kivuko_app`);
    await q.query(`REVOKE TRUNCATE ON case_profile FROM kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE profile_decision`);
    await q.query(`DROP TABLE case_profile`);
    await q.query(`DROP TABLE profiling_run`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Child protection's remaining records: family tracing (with the "tracing could endanger" flag that stops
 * it), family reunification (verified relationship, the child's consent, outcome) and interim care
 * placements. Like the other protection records they follow their case under row-level security and are
 * never deleted.
 */
export class ChildCare1765600000000 implements MigrationInterface {
  name = 'ChildCare1765600000000';

  async up(q: QueryRunner): Promise<void> {
    const common = `
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        recorded_by uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),`;
    const keys = (table: string): string => `
        CONSTRAINT ${table}_pk PRIMARY KEY (id),
        CONSTRAINT ${table}_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT ${table}_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT ${table}_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user (id) ON DELETE RESTRICT`;

    await q.query(`
      CREATE TABLE family_tracing (${common}
        sought_relatives jsonb NOT NULL,
        consent_basis jsonb NOT NULL,
        status text NOT NULL DEFAULT 'OPEN',
        endangers boolean NOT NULL DEFAULT false,
        stop_reason text,
        concluded_on date,
        ${keys('family_tracing')},
        CONSTRAINT family_tracing_status_ck CHECK (status IN ('OPEN', 'LOCATED', 'NOT_FOUND', 'STOPPED')),
        CONSTRAINT family_tracing_stopped_ck CHECK ((status = 'STOPPED') = (stop_reason IS NOT NULL) AND (NOT endangers OR status = 'STOPPED')),
        CONSTRAINT family_tracing_concluded_ck CHECK ((status IN ('LOCATED', 'NOT_FOUND')) = (concluded_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX family_tracing_case_idx ON family_tracing (case_id, created_at)`);

    await q.query(`
      CREATE TABLE family_reunification (${common}
        relative jsonb NOT NULL,
        abroad boolean NOT NULL,
        relationship_verified boolean NOT NULL,
        child_consent boolean NOT NULL,
        tracing_id uuid,
        status text NOT NULL DEFAULT 'PROPOSED',
        outcome_on date,
        ${keys('family_reunification')},
        CONSTRAINT family_reunification_tracing_fk FOREIGN KEY (tracing_id) REFERENCES family_tracing (id) ON DELETE RESTRICT,
        CONSTRAINT family_reunification_status_ck CHECK (status IN ('PROPOSED', 'REUNIFIED', 'NOT_IN_BEST_INTERESTS', 'WITHDRAWN')),
        CONSTRAINT family_reunification_outcome_ck CHECK ((status = 'PROPOSED') = (outcome_on IS NULL)),
        CONSTRAINT family_reunification_reunified_ck CHECK (status <> 'REUNIFIED' OR (relationship_verified AND child_consent))
      )`);
    await q.query(`CREATE INDEX family_reunification_case_idx ON family_reunification (case_id, created_at)`);

    await q.query(`
      CREATE TABLE care_placement (${common}
        kind text NOT NULL,
        provider text NOT NULL,
        started_on date NOT NULL,
        ended_on date,
        end_reason text,
        ${keys('care_placement')},
        CONSTRAINT care_placement_kind_ck CHECK (kind IN ('FOSTER_FAMILY', 'KINSHIP_CARE', 'RESIDENTIAL_CARE', 'SUPERVISED_INDEPENDENT_LIVING', 'SAFE_SHELTER')),
        CONSTRAINT care_placement_end_ck CHECK ((ended_on IS NULL) = (end_reason IS NULL) AND (ended_on IS NULL OR ended_on >= started_on))
      )`);
    await q.query(`CREATE UNIQUE INDEX care_placement_current_uq ON care_placement (case_id) WHERE ended_on IS NULL`);

    for (const table of ['family_tracing', 'family_reunification', 'care_placement']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_case_scope ON ${table} USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))`);
    }
    await q.query(`REVOKE DELETE, TRUNCATE ON family_tracing, family_reunification, care_placement FROM kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE care_placement`);
    await q.query(`DROP TABLE family_reunification`);
    await q.query(`DROP TABLE family_tracing`);
  }
}

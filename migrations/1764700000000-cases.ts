import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases and everything registered with them at intake, behind row-level security.
 *
 * Who sees a case (the policies below, mirrored by the application's own filters):
 * - a system task (migrations, the worker's jobs) sees every case;
 * - border officials and supervisors see the cases registered at their border points;
 * - caseworkers, supervisors and agency managers see the cases their agency holds or held a
 *   referral for (`case_share`, written by referrals);
 * - nobody else sees any row: analysts work on aggregates, monitors on safeguard reports.
 * Every table that hangs off a case is visible exactly when its case is (`kivuko_can_see_case`).
 *
 * The duplicate search must look across every case, whoever registers: it goes through
 * `kivuko_encounter_candidates`, which runs with the owner's rights and returns only what scoring a
 * candidate needs.
 */
export class Cases1764700000000 implements MigrationInterface {
  name = 'Cases1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE case_file (
        id uuid NOT NULL,
        case_number text NOT NULL,
        intake_id uuid NOT NULL,
        intake_position smallint NOT NULL,
        border_point_id uuid NOT NULL,
        registered_by uuid NOT NULL,
        registering_agency_id uuid NOT NULL,
        status text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        arrived_at timestamptz NOT NULL,
        arrival_mode text NOT NULL,
        arrival_how text,
        route text[] NOT NULL DEFAULT '{}',
        intended_destination text,
        smuggler_used boolean,
        nationalities text[] NOT NULL,
        urgent_needs text[] NOT NULL DEFAULT '{}',
        registered_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_file_pk PRIMARY KEY (id),
        CONSTRAINT case_file_status_ck CHECK (status IN ('OPEN', 'INCOMPLETE', 'CLOSED')),
        CONSTRAINT case_file_version_ck CHECK (version > 0),
        CONSTRAINT case_file_border_point_fk FOREIGN KEY (border_point_id) REFERENCES border_point (id) ON DELETE RESTRICT,
        CONSTRAINT case_file_registered_by_fk FOREIGN KEY (registered_by) REFERENCES app_user (id) ON DELETE RESTRICT,
        CONSTRAINT case_file_agency_fk FOREIGN KEY (registering_agency_id) REFERENCES agency (id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX case_file_number_uq ON case_file (case_number)`);
    await q.query(`CREATE UNIQUE INDEX case_file_intake_uq ON case_file (intake_id, intake_position)`);
    // The list is newest arrival first, filtered by border point, status, arrival range or nationality:
    // each filter has an index that yields rows in list order, so a page reads only its own rows.
    await q.query(`CREATE INDEX case_file_arrived_idx ON case_file (arrived_at DESC, id DESC)`);
    await q.query(`CREATE INDEX case_file_border_point_idx ON case_file (border_point_id, arrived_at DESC, id DESC)`);
    await q.query(`CREATE INDEX case_file_status_idx ON case_file (status, arrived_at DESC, id DESC)`);
    await q.query(`CREATE INDEX case_file_nationalities_idx ON case_file USING gin (nationalities)`);

    // The person as registered with this case. A later link to an earlier encounter sets identity_id
    // to that person's, so both arrivals read as one history; nothing is ever merged.
    await q.query(`
      CREATE TABLE person (
        case_id uuid NOT NULL,
        identity_id uuid NOT NULL,
        given_name text,
        family_name text,
        other_names text[] NOT NULL DEFAULT '{}',
        description text,
        sex text NOT NULL,
        date_of_birth date,
        date_of_birth_estimated boolean NOT NULL DEFAULT false,
        stated_age smallint,
        nationalities text[] NOT NULL,
        area_of_origin text,
        area_of_origin_code text,
        languages text[] NOT NULL DEFAULT '{}',
        interpreter_needed boolean,
        interpreter_sex text,
        documents_held_by_other boolean,
        CONSTRAINT person_pk PRIMARY KEY (case_id),
        CONSTRAINT person_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX person_identity_idx ON person (identity_id)`);

    await q.query(`
      CREATE TABLE person_name (
        case_id uuid NOT NULL,
        position smallint NOT NULL,
        name_normalised text NOT NULL,
        CONSTRAINT person_name_pk PRIMARY KEY (case_id, position),
        CONSTRAINT person_name_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX person_name_trgm_idx ON person_name USING gin (name_normalised gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE person_document (
        case_id uuid NOT NULL,
        position smallint NOT NULL,
        kind text NOT NULL,
        number text NOT NULL,
        number_normalised text NOT NULL,
        issuing_country text NOT NULL,
        expires_on date,
        CONSTRAINT person_document_pk PRIMARY KEY (case_id, position),
        CONSTRAINT person_document_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX person_document_number_idx ON person_document (number_normalised)`);

    // One row per field group with answers. Sensitive groups are only ever stored encrypted.
    await q.query(`
      CREATE TABLE case_section (
        case_id uuid NOT NULL,
        field_group text NOT NULL,
        content jsonb,
        ciphertext text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_section_pk PRIMARY KEY (case_id, field_group),
        CONSTRAINT case_section_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT case_section_one_form_ck CHECK ((content IS NULL) <> (ciphertext IS NULL)),
        CONSTRAINT case_section_sensitive_encrypted_ck
          CHECK (field_group NOT IN ('ASYLUM', 'TRAFFICKING', 'HEALTH', 'SGBV', 'TORTURE') OR content IS NULL)
      )`);

    await q.query(`
      CREATE TABLE case_companion (
        case_id uuid NOT NULL,
        companion_case_id uuid NOT NULL,
        relationship text NOT NULL,
        verified boolean NOT NULL DEFAULT false,
        verified_by uuid,
        verified_at timestamptz,
        verification_note text,
        CONSTRAINT case_companion_pk PRIMARY KEY (case_id, companion_case_id),
        CONSTRAINT case_companion_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT case_companion_other_fk FOREIGN KEY (companion_case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT case_companion_self_ck CHECK (case_id <> companion_case_id)
      )`);
    await q.query(`CREATE INDEX case_companion_other_idx ON case_companion (companion_case_id)`);

    // The client's intake id: a retry of the same submission returns what the first one answered.
    await q.query(`
      CREATE TABLE intake_submission (
        intake_id uuid NOT NULL,
        payload_hash text NOT NULL,
        border_point_id uuid NOT NULL,
        submitted_by uuid NOT NULL,
        response jsonb,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT intake_submission_pk PRIMARY KEY (intake_id),
        CONSTRAINT intake_submission_border_point_fk FOREIGN KEY (border_point_id) REFERENCES border_point (id) ON DELETE RESTRICT
      )`);

    // An agency holds (or held) a referral for the case: what lets its staff see the case at all.
    await q.query(`
      CREATE TABLE case_share (
        case_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        source text NOT NULL,
        shared_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_share_pk PRIMARY KEY (case_id, agency_id),
        CONSTRAINT case_share_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT case_share_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX case_share_agency_idx ON case_share (agency_id, case_id)`);

    await q.query(`
      CREATE TABLE case_task (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        border_point_id uuid,
        agency_id uuid,
        status text NOT NULL DEFAULT 'OPEN',
        due_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        closed_by uuid,
        CONSTRAINT case_task_pk PRIMARY KEY (id),
        CONSTRAINT case_task_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT case_task_border_point_fk FOREIGN KEY (border_point_id) REFERENCES border_point (id) ON DELETE RESTRICT,
        CONSTRAINT case_task_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT case_task_status_ck CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
        CONSTRAINT case_task_holder_ck CHECK (border_point_id IS NOT NULL OR agency_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX case_task_case_idx ON case_task (case_id)`);
    await q.query(`CREATE INDEX case_task_border_point_open_idx ON case_task (border_point_id, due_at) WHERE status = 'OPEN'`);

    await q.query(`
      CREATE TABLE possible_encounter (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        matched_case_id uuid NOT NULL,
        score real NOT NULL,
        reasons jsonb NOT NULL,
        status text NOT NULL DEFAULT 'PENDING',
        decided_by uuid,
        decided_at timestamptz,
        decision_reason text,
        found_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT possible_encounter_pk PRIMARY KEY (id),
        CONSTRAINT possible_encounter_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT possible_encounter_matched_fk FOREIGN KEY (matched_case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT possible_encounter_status_ck CHECK (status IN ('PENDING', 'LINKED', 'DISMISSED')),
        CONSTRAINT possible_encounter_score_ck CHECK (score >= 0 AND score <= 1)
      )`);
    await q.query(`CREATE UNIQUE INDEX possible_encounter_pair_uq ON possible_encounter (case_id, matched_case_id)`);

    await q.query(`
      CREATE TABLE consent_record (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        purpose text NOT NULL,
        recipient_agency_id uuid,
        recipient_agency_kind text,
        field_groups text[] NOT NULL DEFAULT '{}',
        decision text NOT NULL,
        legal_basis text,
        reason text,
        language text,
        recorded_by uuid NOT NULL,
        recorded_by_agency_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        withdrawn_by uuid,
        withdrawal_reason text,
        CONSTRAINT consent_record_pk PRIMARY KEY (id),
        CONSTRAINT consent_record_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT consent_record_agency_fk FOREIGN KEY (recipient_agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT consent_record_recorder_fk FOREIGN KEY (recorded_by) REFERENCES app_user (id) ON DELETE RESTRICT,
        CONSTRAINT consent_record_decision_ck CHECK (decision IN ('GIVEN', 'REFUSED', 'LEGAL_BASIS')),
        CONSTRAINT consent_record_basis_ck CHECK ((decision = 'LEGAL_BASIS') = (legal_basis IS NOT NULL)),
        CONSTRAINT consent_record_basis_reason_ck CHECK (decision <> 'LEGAL_BASIS' OR reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX consent_record_case_idx ON consent_record (case_id, purpose)`);

    // --- Row-level security -------------------------------------------------------------------------
    await q.query(`
      CREATE FUNCTION kivuko_scope_sees_border_point(p_border_point uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT (kivuko_scope_has_role('BORDER_OFFICIAL') OR kivuko_scope_has_role('SUPERVISOR'))
           AND p_border_point = ANY (kivuko_scope_border_points())
      $$`);
    await q.query(`
      CREATE FUNCTION kivuko_scope_agency_staff() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT kivuko_scope_has_role('CASEWORKER') OR kivuko_scope_has_role('SUPERVISOR') OR kivuko_scope_has_role('AGENCY_MANAGER')
      $$`);
    // One function decides whether a case row is visible. It is PL/pgSQL on purpose: the planner then
    // treats it as an ordinary filter instead of inlining an OR of settings it cannot estimate, and
    // keeps reading the list indexes in order.
    await q.query(`
      CREATE FUNCTION kivuko_case_row_visible(p_case uuid, p_border_point uuid) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF kivuko_scope_is_system() OR kivuko_scope_sees_border_point(p_border_point) THEN
          RETURN true;
        END IF;
        RETURN kivuko_scope_agency_staff()
           AND EXISTS (SELECT 1 FROM case_share s WHERE s.case_id = p_case AND s.agency_id = kivuko_scope_agency());
      END $$`);
    await q.query(`ALTER TABLE case_file ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY case_file_read ON case_file FOR SELECT USING (kivuko_case_row_visible(id, border_point_id))`);
    await q.query(`CREATE POLICY case_file_register ON case_file FOR INSERT
      WITH CHECK (kivuko_scope_is_system() OR kivuko_scope_sees_border_point(border_point_id))`);
    await q.query(`CREATE POLICY case_file_change ON case_file FOR UPDATE
      USING (kivuko_case_row_visible(id, border_point_id)) WITH CHECK (kivuko_case_row_visible(id, border_point_id))`);
    await q.query(`REVOKE DELETE, TRUNCATE ON case_file FROM kivuko_app`);

    await q.query(`
      CREATE FUNCTION kivuko_can_see_case(p_case uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM case_file WHERE id = p_case)
      $$`);
    for (const table of ['person', 'person_name', 'person_document', 'case_section', 'case_companion', 'case_task', 'possible_encounter', 'consent_record']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_case_scope ON ${table} USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))`);
    }
    // Consent and audit-like records are corrected by new records, never deleted.
    await q.query(`REVOKE DELETE, TRUNCATE ON consent_record, possible_encounter, case_task FROM kivuko_app`);

    await q.query(`ALTER TABLE case_share ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY case_share_read ON case_share FOR SELECT USING (kivuko_scope_is_system() OR agency_id = kivuko_scope_agency())`);
    await q.query(`CREATE POLICY case_share_write ON case_share FOR INSERT WITH CHECK (kivuko_scope_is_system())`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON case_share FROM kivuko_app`);

    await q.query(`ALTER TABLE intake_submission ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY intake_submission_scope ON intake_submission
      USING (kivuko_scope_is_system() OR kivuko_scope_sees_border_point(border_point_id))
      WITH CHECK (kivuko_scope_is_system() OR kivuko_scope_sees_border_point(border_point_id))`);
    await q.query(`REVOKE DELETE, TRUNCATE ON intake_submission FROM kivuko_app`);

    // --- The duplicate search across every case -----------------------------------------------------
    // Candidates whose names are trigram-similar to any of the probe's normalised names, or who hold a
    // document with one of the probe's normalised numbers. It returns the facts the scorer needs and
    // the case number to show; names are the normalised forms only.
    await q.query(`
      CREATE FUNCTION kivuko_encounter_candidates(p_names text[], p_document_numbers text[], p_similarity real, p_per_name integer)
      RETURNS TABLE (case_id uuid, case_number text, identity_id uuid, border_point_id uuid, arrived_at timestamptz,
                     names text[], date_of_birth date, date_of_birth_estimated boolean, nationalities text[], documents jsonb)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM set_config('pg_trgm.similarity_threshold', p_similarity::text, true);
        RETURN QUERY
        WITH hits AS (
          SELECT h.case_id FROM unnest(p_names) AS probe(name)
            CROSS JOIN LATERAL (
              SELECT pn.case_id FROM person_name pn
              WHERE pn.name_normalised % probe.name
              ORDER BY pn.name_normalised <-> probe.name
              LIMIT p_per_name) h
          UNION
          SELECT d.case_id FROM person_document d WHERE d.number_normalised = ANY (p_document_numbers)
        )
        SELECT c.id, c.case_number, p.identity_id, c.border_point_id, c.arrived_at,
               ARRAY(SELECT n.name_normalised FROM person_name n WHERE n.case_id = c.id ORDER BY n.position),
               p.date_of_birth, p.date_of_birth_estimated, p.nationalities,
               coalesce((SELECT jsonb_agg(jsonb_build_object('kind', d.kind, 'number', d.number_normalised, 'country', d.issuing_country))
                         FROM person_document d WHERE d.case_id = c.id), '[]'::jsonb)
        FROM hits JOIN case_file c ON c.id = hits.case_id JOIN person p ON p.case_id = c.id;
      END $$`);
    // The cases of one identity (a person linked across arrivals): numbers and places only.
    await q.query(`
      CREATE FUNCTION kivuko_identity_history(p_identity uuid)
      RETURNS TABLE (case_id uuid, case_number text, border_point_id uuid, arrived_at timestamptz, status text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT c.id, c.case_number, c.border_point_id, c.arrived_at, c.status
        FROM person p JOIN case_file c ON c.id = p.case_id
        WHERE p.identity_id = p_identity ORDER BY c.arrived_at, c.id
      $$`);
    // The identity a case's person belongs to, for linking a new arrival to an earlier encounter.
    await q.query(`
      CREATE FUNCTION kivuko_case_identity(p_case uuid) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT identity_id FROM person WHERE case_id = p_case
      $$`);
    // Linking an arrival to an earlier encounter: every record of the one identity joins the other.
    // The application checks the permission and audits; this only moves identity ids.
    await q.query(`
      CREATE FUNCTION kivuko_link_identities(p_from uuid, p_to uuid) RETURNS integer
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH moved AS (UPDATE person SET identity_id = p_to WHERE identity_id = p_from AND p_from <> p_to RETURNING 1)
        SELECT count(*)::integer FROM moved
      $$`);
    // The number of a case the caller may not see (a companion, a possible encounter): the number only.
    await q.query(`
      CREATE FUNCTION kivuko_case_number(p_case uuid) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT case_number FROM case_file WHERE id = p_case
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION kivuko_encounter_candidates(text[], text[], real, integer), kivuko_identity_history(uuid), kivuko_case_identity(uuid), kivuko_case_number(uuid), kivuko_link_identities(uuid, uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION kivuko_encounter_candidates(text[], text[], real, integer), kivuko_identity_history(uuid), kivuko_case_identity(uuid), kivuko_case_number(uuid), kivuko_link_identities(uuid, uuid),
      kivuko_can_see_case(uuid), kivuko_case_row_visible(uuid, uuid), kivuko_scope_sees_border_point(uuid), kivuko_scope_agency_staff() TO kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kivuko_link_identities(uuid, uuid)`);
    await q.query(`DROP FUNCTION kivuko_case_number(uuid)`);
    await q.query(`DROP FUNCTION kivuko_case_identity(uuid)`);
    await q.query(`DROP FUNCTION kivuko_identity_history(uuid)`);
    await q.query(`DROP FUNCTION kivuko_encounter_candidates(text[], text[], real, integer)`);
    for (const table of ['consent_record', 'possible_encounter', 'case_task', 'case_share', 'intake_submission', 'case_companion', 'case_section', 'person_document', 'person_name', 'person']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION kivuko_can_see_case(uuid)`);
    await q.query(`DROP TABLE case_file`);
    await q.query(`DROP FUNCTION kivuko_case_row_visible(uuid, uuid)`);
    await q.query(`DROP FUNCTION kivuko_scope_agency_staff()`);
    await q.query(`DROP FUNCTION kivuko_scope_sees_border_point(uuid)`);
  }
}

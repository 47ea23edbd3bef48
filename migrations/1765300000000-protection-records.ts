import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The receiving agencies' domain records and the safeguards' own trail.
 *
 * - Asylum: the claim, its procedure, interviews, decision and appeal (the asylum authority).
 * - Trafficking: identification status, the reflection and recovery period, permit, assistance (the
 *   anti-trafficking coordinator).
 * - Children: guardian appointments, best-interests assessments and determinations, age assessments
 *   (child protection).
 * - Detention episodes with their reviews and a log of access by UNHCR-type agencies and lawyers; removal
 *   orders; assisted voluntary returns; protection flags (refoulement risk, prosecution).
 * - `safeguard_event`: every blocked attempt and every override, for supervisors and the monitor.
 *
 * Every table follows its case under row-level security. Records are corrected by later records or
 * by updates at a version, never deleted; the safeguard trail is append-only.
 */
export class ProtectionRecords1765300000000 implements MigrationInterface {
  name = 'ProtectionRecords1765300000000';

  async up(q: QueryRunner): Promise<void> {
    const common = `
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        recorded_by uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),`;
    const fks = (table: string): string => `
        CONSTRAINT ${table}_pk PRIMARY KEY (id),
        CONSTRAINT ${table}_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT ${table}_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT ${table}_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user (id) ON DELETE RESTRICT`;

    await q.query(`
      CREATE TABLE asylum_claim (${common}
        registered_on date NOT NULL,
        reference text NOT NULL,
        procedure text NOT NULL,
        interview_dates date[] NOT NULL DEFAULT '{}',
        decision text,
        decided_on date,
        appeal_lodged_on date,
        appeal_outcome text,
        appeal_decided_on date,
        withdrawn_on date,
        ${fks('asylum_claim')},
        CONSTRAINT asylum_claim_procedure_ck CHECK (procedure IN ('PRIMA_FACIE', 'REGULAR', 'ACCELERATED')),
        CONSTRAINT asylum_claim_decision_ck CHECK (decision IN ('RECOGNISED', 'COMPLEMENTARY_PROTECTION', 'REJECTED')),
        CONSTRAINT asylum_claim_decided_ck CHECK ((decision IS NULL) = (decided_on IS NULL)),
        CONSTRAINT asylum_claim_appeal_ck CHECK (appeal_lodged_on IS NULL OR decision = 'REJECTED'),
        CONSTRAINT asylum_claim_appeal_outcome_ck CHECK (appeal_outcome IN ('ALLOWED', 'DISMISSED')),
        CONSTRAINT asylum_claim_appeal_decided_ck CHECK ((appeal_outcome IS NULL) = (appeal_decided_on IS NULL) AND (appeal_outcome IS NULL OR appeal_lodged_on IS NOT NULL))
      )`);
    // One claim in force per case; a withdrawn one stays on record beside a later claim.
    await q.query(`CREATE UNIQUE INDEX asylum_claim_case_uq ON asylum_claim (case_id) WHERE withdrawn_on IS NULL`);
    await q.query(`CREATE INDEX asylum_claim_case_idx ON asylum_claim (case_id, created_at)`);

    await q.query(`
      CREATE TABLE trafficking_record (${common}
        status text NOT NULL,
        reflection_starts_on date,
        reflection_ends_on date,
        reflection_ended_on date,
        permit_reference text,
        permit_granted_on date,
        permit_expires_on date,
        assistance jsonb NOT NULL DEFAULT '[]',
        ${fks('trafficking_record')},
        CONSTRAINT trafficking_record_status_ck CHECK (status IN ('POTENTIAL', 'PRESUMED', 'IDENTIFIED', 'NOT_IDENTIFIED')),
        CONSTRAINT trafficking_record_reflection_ck CHECK ((reflection_starts_on IS NULL) = (reflection_ends_on IS NULL) AND (reflection_ends_on IS NULL OR reflection_ends_on > reflection_starts_on)),
        CONSTRAINT trafficking_record_permit_ck CHECK ((permit_reference IS NULL) = (permit_granted_on IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX trafficking_record_case_uq ON trafficking_record (case_id)`);

    await q.query(`
      CREATE TABLE guardian_appointment (${common}
        guardian_name text NOT NULL,
        organisation text,
        appointed_on date NOT NULL,
        ended_on date,
        ${fks('guardian_appointment')}
      )`);
    await q.query(`CREATE INDEX guardian_appointment_case_idx ON guardian_appointment (case_id, appointed_on)`);

    // BIA (an assessment by a caseworker) or BID (a determination by a panel).
    await q.query(`
      CREATE TABLE best_interests_procedure (${common}
        kind text NOT NULL,
        opened_on date NOT NULL,
        completed_on date,
        panel_members text[] NOT NULL DEFAULT '{}',
        decision text,
        reasons text,
        ${fks('best_interests_procedure')},
        CONSTRAINT best_interests_procedure_kind_ck CHECK (kind IN ('BIA', 'BID')),
        CONSTRAINT best_interests_procedure_decision_ck CHECK (decision IN ('RETURN_TO_COUNTRY_OF_ORIGIN', 'FAMILY_REUNIFICATION_ABROAD', 'LOCAL_INTEGRATION', 'RESETTLEMENT', 'ALTERNATIVE_CARE')),
        CONSTRAINT best_interests_procedure_bid_ck CHECK (kind = 'BIA' OR completed_on IS NULL OR (decision IS NOT NULL AND reasons IS NOT NULL AND cardinality(panel_members) >= 2))
      )`);
    await q.query(`CREATE INDEX best_interests_procedure_case_idx ON best_interests_procedure (case_id, kind, opened_on)`);

    await q.query(`
      CREATE TABLE age_assessment (${common}
        serious_doubt text NOT NULL,
        requested_on date NOT NULL,
        method text,
        completed_on date,
        minimum_age smallint,
        maximum_age smallint,
        ${fks('age_assessment')},
        CONSTRAINT age_assessment_method_ck CHECK (method IN ('DOCUMENTARY', 'PSYCHOSOCIAL_INTERVIEW', 'MULTIDISCIPLINARY', 'MEDICAL')),
        CONSTRAINT age_assessment_result_ck CHECK ((completed_on IS NULL) = (minimum_age IS NULL) AND (minimum_age IS NULL) = (maximum_age IS NULL) AND (completed_on IS NULL OR method IS NOT NULL)),
        CONSTRAINT age_assessment_range_ck CHECK (minimum_age IS NULL OR (minimum_age >= 0 AND maximum_age >= minimum_age AND maximum_age <= 120))
      )`);
    await q.query(`CREATE INDEX age_assessment_case_idx ON age_assessment (case_id, requested_on)`);

    await q.query(`
      CREATE TABLE detention_episode (${common}
        place text NOT NULL,
        legal_basis text NOT NULL,
        individual_assessment jsonb NOT NULL,
        alternatives_considered text[] NOT NULL,
        started_at timestamptz NOT NULL,
        next_review_on date NOT NULL,
        ended_at timestamptz,
        end_reason text,
        protected_grounds text[] NOT NULL DEFAULT '{}',
        override_justification text,
        overridden_by uuid,
        review_alerted_for date,
        ${fks('detention_episode')},
        CONSTRAINT detention_episode_override_ck CHECK ((cardinality(protected_grounds) = 0) = (override_justification IS NULL) AND (override_justification IS NULL) = (overridden_by IS NULL)),
        CONSTRAINT detention_episode_end_ck CHECK ((ended_at IS NULL) = (end_reason IS NULL) AND (ended_at IS NULL OR ended_at >= started_at)),
        CONSTRAINT detention_episode_alternatives_ck CHECK (cardinality(alternatives_considered) > 0)
      )`);
    await q.query(`CREATE INDEX detention_episode_case_idx ON detention_episode (case_id, started_at)`);
    // The overdue-review sweep and the monitor's view read open episodes by review date.
    await q.query(`CREATE INDEX detention_episode_open_review_idx ON detention_episode (next_review_on, id) WHERE ended_at IS NULL`);

    await q.query(`
      CREATE TABLE detention_review (
        id uuid NOT NULL,
        episode_id uuid NOT NULL,
        case_id uuid NOT NULL,
        reviewed_on date NOT NULL,
        outcome text NOT NULL,
        next_review_on date,
        reviewed_by uuid NOT NULL,
        agency_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT detention_review_pk PRIMARY KEY (id),
        CONSTRAINT detention_review_episode_fk FOREIGN KEY (episode_id) REFERENCES detention_episode (id) ON DELETE CASCADE,
        CONSTRAINT detention_review_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT detention_review_outcome_ck CHECK (outcome IN ('CONTINUE', 'RELEASE')),
        CONSTRAINT detention_review_next_ck CHECK ((outcome = 'CONTINUE') = (next_review_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX detention_review_episode_idx ON detention_review (episode_id, reviewed_on)`);

    await q.query(`
      CREATE TABLE detention_access (
        id uuid NOT NULL,
        episode_id uuid NOT NULL,
        case_id uuid NOT NULL,
        visitor_kind text NOT NULL,
        organisation text NOT NULL,
        visited_at timestamptz NOT NULL,
        granted boolean NOT NULL,
        refusal_reason text,
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT detention_access_pk PRIMARY KEY (id),
        CONSTRAINT detention_access_episode_fk FOREIGN KEY (episode_id) REFERENCES detention_episode (id) ON DELETE CASCADE,
        CONSTRAINT detention_access_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT detention_access_kind_ck CHECK (visitor_kind IN ('UNHCR', 'LEGAL_REPRESENTATIVE', 'NGO', 'FAMILY', 'CONSULAR')),
        CONSTRAINT detention_access_refusal_ck CHECK (granted OR refusal_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX detention_access_episode_idx ON detention_access (episode_id, visited_at)`);

    await q.query(`
      CREATE TABLE removal_order (${common}
        decided_on date NOT NULL,
        legal_basis text NOT NULL,
        destination_country text NOT NULL,
        status text NOT NULL DEFAULT 'ORDERED',
        executed_at timestamptz,
        cancelled_on date,
        cancel_reason text,
        ${fks('removal_order')},
        CONSTRAINT removal_order_status_ck CHECK (status IN ('ORDERED', 'EXECUTED', 'CANCELLED')),
        CONSTRAINT removal_order_executed_ck CHECK ((status = 'EXECUTED') = (executed_at IS NOT NULL)),
        CONSTRAINT removal_order_cancelled_ck CHECK ((status = 'CANCELLED') = (cancelled_on IS NOT NULL AND cancel_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX removal_order_case_idx ON removal_order (case_id, decided_on)`);

    await q.query(`
      CREATE TABLE voluntary_return (${common}
        requested_on date NOT NULL,
        destination_country text NOT NULL,
        status text NOT NULL DEFAULT 'REQUESTED',
        counselling_sessions jsonb NOT NULL DEFAULT '[]',
        voluntariness_confirmed_on date,
        vulnerability_assessed_on date,
        vulnerability_outcome text,
        departed_at timestamptz,
        withdrawn_on date,
        withdrawal_reason text,
        ${fks('voluntary_return')},
        CONSTRAINT voluntary_return_status_ck CHECK (status IN ('REQUESTED', 'CONFIRMED', 'DEPARTED', 'WITHDRAWN')),
        CONSTRAINT voluntary_return_departed_ck CHECK ((status = 'DEPARTED') = (departed_at IS NOT NULL)),
        CONSTRAINT voluntary_return_confirmed_ck CHECK (status NOT IN ('CONFIRMED', 'DEPARTED') OR voluntariness_confirmed_on IS NOT NULL),
        CONSTRAINT voluntary_return_vulnerability_ck CHECK ((vulnerability_assessed_on IS NULL) = (vulnerability_outcome IS NULL)),
        CONSTRAINT voluntary_return_withdrawn_ck CHECK ((status = 'WITHDRAWN') = (withdrawn_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX voluntary_return_case_idx ON voluntary_return (case_id, requested_on)`);

    await q.query(`
      CREATE TABLE protection_flag (${common}
        kind text NOT NULL,
        offence text,
        reason text NOT NULL,
        closed_at timestamptz,
        closed_by uuid,
        close_reason text,
        ${fks('protection_flag')},
        CONSTRAINT protection_flag_kind_ck CHECK (kind IN ('REFOULEMENT_RISK', 'PROSECUTION')),
        CONSTRAINT protection_flag_offence_ck CHECK ((kind = 'PROSECUTION') = (offence IS NOT NULL)),
        CONSTRAINT protection_flag_closed_ck CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (close_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX protection_flag_case_idx ON protection_flag (case_id, kind) WHERE closed_at IS NULL`);

    await q.query(`
      CREATE TABLE safeguard_event (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        safeguard text NOT NULL,
        outcome text NOT NULL,
        attempted text NOT NULL,
        reasons text[] NOT NULL,
        justification text,
        actor_user_id uuid NOT NULL,
        actor_agency_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT safeguard_event_pk PRIMARY KEY (id),
        CONSTRAINT safeguard_event_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT safeguard_event_safeguard_ck CHECK (safeguard IN ('NON_REFOULEMENT', 'DETENTION_GUARD', 'NON_CRIMINALISATION', 'AGE')),
        CONSTRAINT safeguard_event_outcome_ck CHECK (outcome IN ('BLOCKED', 'OVERRIDDEN')),
        CONSTRAINT safeguard_event_override_ck CHECK ((outcome = 'OVERRIDDEN') = (justification IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX safeguard_event_occurred_idx ON safeguard_event (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX safeguard_event_case_idx ON safeguard_event (case_id, occurred_at)`);

    const tables = [
      'asylum_claim',
      'trafficking_record',
      'guardian_appointment',
      'best_interests_procedure',
      'age_assessment',
      'detention_episode',
      'detention_review',
      'detention_access',
      'removal_order',
      'voluntary_return',
      'protection_flag',
      'safeguard_event',
    ];
    for (const table of tables) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_case_scope ON ${table} USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))`);
    }
    await q.query(`REVOKE DELETE, TRUNCATE ON ${tables.join(', ')} FROM kivuko_app`);
    await q.query(`REVOKE UPDATE ON detention_review, detention_access, safeguard_event FROM kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'safeguard_event',
      'protection_flag',
      'voluntary_return',
      'removal_order',
      'detention_access',
      'detention_review',
      'detention_episode',
      'age_assessment',
      'best_interests_procedure',
      'guardian_appointment',
      'trafficking_record',
      'asylum_claim',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}

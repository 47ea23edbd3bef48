import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint SOP versions (with each signatory agency's approval) and referrals: each routes a case to one
 * agency under the SOP version that produced it, with its deadline, required actions, the field groups
 * shared and the consent or legal basis used, and keeps every transition.
 */
export class Referrals1764900000000 implements MigrationInterface {
  name = 'Referrals1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sop_version (
        id uuid NOT NULL,
        jurisdiction text NOT NULL,
        label text NOT NULL,
        document jsonb NOT NULL,
        status text NOT NULL,
        signatory_agency_ids uuid[] NOT NULL,
        effective_from timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_by uuid,
        activated_at timestamptz,
        retired_at timestamptz,
        CONSTRAINT sop_version_pk PRIMARY KEY (id),
        CONSTRAINT sop_version_status_ck CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED'))
      )`);
    await q.query(`CREATE UNIQUE INDEX sop_version_label_uq ON sop_version (jurisdiction, label)`);
    // One active version per jurisdiction.
    await q.query(`CREATE UNIQUE INDEX sop_version_active_uq ON sop_version (jurisdiction) WHERE status = 'ACTIVE'`);
    await q.query(`
      CREATE TABLE sop_approval (
        sop_version_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        approved_by uuid NOT NULL,
        approved_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sop_approval_pk PRIMARY KEY (sop_version_id, agency_id),
        CONSTRAINT sop_approval_sop_fk FOREIGN KEY (sop_version_id) REFERENCES sop_version (id) ON DELETE CASCADE,
        CONSTRAINT sop_approval_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT
      )`);
    // Approvals and versions are kept; a version changes status, never content.
    await q.query(`REVOKE DELETE, TRUNCATE ON sop_version, sop_approval FROM kivuko_app`);
    await q.query(`REVOKE UPDATE ON sop_approval FROM kivuko_app`);

    await q.query(`
      CREATE TABLE referral (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        border_point_id uuid NOT NULL,
        role text NOT NULL,
        target text NOT NULL,
        profiles text[] NOT NULL,
        priority smallint NOT NULL,
        status text NOT NULL,
        due_at timestamptz NOT NULL,
        required_actions jsonb NOT NULL DEFAULT '[]',
        field_groups text[] NOT NULL,
        basis jsonb NOT NULL,
        sop_version_id uuid NOT NULL,
        attempt smallint NOT NULL DEFAULT 1,
        previous_referral_id uuid,
        version integer NOT NULL DEFAULT 1,
        overdue_at timestamptz,
        escalation_level smallint NOT NULL DEFAULT 0,
        acknowledged_at timestamptz,
        outcome_code text,
        outcome_note text,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT referral_pk PRIMARY KEY (id),
        CONSTRAINT referral_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT referral_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT referral_border_point_fk FOREIGN KEY (border_point_id) REFERENCES border_point (id) ON DELETE RESTRICT,
        CONSTRAINT referral_sop_fk FOREIGN KEY (sop_version_id) REFERENCES sop_version (id) ON DELETE RESTRICT,
        CONSTRAINT referral_previous_fk FOREIGN KEY (previous_referral_id) REFERENCES referral (id) ON DELETE RESTRICT,
        CONSTRAINT referral_role_ck CHECK (role IN ('LEAD', 'SUPPORTING')),
        CONSTRAINT referral_status_ck CHECK (status IN ('AWAITING_CONSENT', 'PENDING', 'ACKNOWLEDGED', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN'))
      )`);
    // An open referral for the same case and agency is reused, never duplicated.
    await q.query(`CREATE UNIQUE INDEX referral_open_uq ON referral (case_id, agency_id) WHERE status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')`);
    // The agency queue: priority, then due time, keyset by id.
    await q.query(`CREATE INDEX referral_queue_idx ON referral (agency_id, status, priority, due_at, id)`);
    await q.query(`CREATE INDEX referral_agency_open_idx ON referral (agency_id, priority, due_at, id) WHERE status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')`);
    await q.query(`CREATE INDEX referral_sender_idx ON referral (border_point_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX referral_case_idx ON referral (case_id)`);
    // The overdue sweep: first contact not made by the due time.
    await q.query(`CREATE INDEX referral_first_contact_due_idx ON referral (due_at) WHERE status IN ('AWAITING_CONSENT', 'PENDING') AND overdue_at IS NULL`);

    await q.query(`
      CREATE TABLE referral_event (
        id bigint GENERATED ALWAYS AS IDENTITY,
        referral_id uuid NOT NULL,
        case_id uuid NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_user_id uuid,
        actor_agency_id uuid,
        reason text,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT referral_event_pk PRIMARY KEY (id),
        CONSTRAINT referral_event_referral_fk FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX referral_event_referral_idx ON referral_event (referral_id, id)`);
    await q.query(`CREATE INDEX referral_event_case_idx ON referral_event (case_id, id)`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON referral_event FROM kivuko_app`);
    await q.query(`REVOKE DELETE, TRUNCATE ON referral FROM kivuko_app`);

    // Who sees a referral: the sending border point and a system task always; the receiving agency's
    // staff once it is released to them (not while it waits for consent to share anything).
    await q.query(`
      CREATE FUNCTION kivuko_referral_visible(p_agency uuid, p_border_point uuid, p_status text) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT kivuko_scope_is_system()
            OR (kivuko_scope_agency_staff() AND p_agency = kivuko_scope_agency() AND p_status <> 'AWAITING_CONSENT')
            OR kivuko_scope_sees_border_point(p_border_point)
      $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION kivuko_referral_visible(uuid, uuid, text) TO kivuko_app`);
    await q.query(`ALTER TABLE referral ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY referral_scope ON referral USING (kivuko_referral_visible(agency_id, border_point_id, status))
      WITH CHECK (kivuko_referral_visible(agency_id, border_point_id, status))`);
    await q.query(`ALTER TABLE referral_event ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY referral_event_scope ON referral_event
      USING (EXISTS (SELECT 1 FROM referral r WHERE r.id = referral_event.referral_id))
      WITH CHECK (EXISTS (SELECT 1 FROM referral r WHERE r.id = referral_event.referral_id))`);

    // A referral gives the receiving agency sight of the case: whoever may see the case may share it.
    await q.query(`DROP POLICY case_share_write ON case_share`);
    await q.query(`CREATE POLICY case_share_write ON case_share FOR INSERT WITH CHECK (kivuko_scope_is_system() OR kivuko_can_see_case(case_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY case_share_write ON case_share`);
    await q.query(`CREATE POLICY case_share_write ON case_share FOR INSERT WITH CHECK (kivuko_scope_is_system())`);
    await q.query(`DROP TABLE referral_event`);
    await q.query(`DROP TABLE referral`);
    await q.query(`DROP FUNCTION kivuko_referral_visible(uuid, uuid, text)`);
    await q.query(`DROP TABLE sop_approval`);
    await q.query(`DROP TABLE sop_version`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working a case inside the receiving agencies: tasks (the SOP's required actions and the caseworkers'
 * own), who in the agency holds the case, which agency leads it and the transfer of that lead,
 * closure and reopening, and the services delivered (the closed loop back to the sender).
 *
 * A transfer is proposed by the lead agency and accepted by the receiving one, which cannot see the case
 * before it accepts: it sees the proposal (its own row-level policy), and accepting goes through
 * `kivuko_accept_transfer`, which checks the proposal is addressed to the caller's agency and still open,
 * then shares the case and moves the lead in the caller's transaction.
 */
export class CaseManagement1765400000000 implements MigrationInterface {
  name = 'CaseManagement1765400000000';

  async up(q: QueryRunner): Promise<void> {
    // Every task is due some time: queues are ordered by it.
    await q.query(`ALTER TABLE case_task ALTER COLUMN due_at SET NOT NULL`);
    await q.query(`ALTER TABLE case_task ADD COLUMN title text`);
    await q.query(`ALTER TABLE case_task ADD COLUMN note text`);
    await q.query(`ALTER TABLE case_task ADD COLUMN assigned_to uuid`);
    await q.query(`ALTER TABLE case_task ADD COLUMN created_by uuid`);
    await q.query(`ALTER TABLE case_task ADD COLUMN close_reason text`);
    await q.query(`ALTER TABLE case_task ADD CONSTRAINT case_task_assigned_to_fk FOREIGN KEY (assigned_to) REFERENCES app_user (id) ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE case_task ADD CONSTRAINT case_task_custom_ck CHECK (kind <> 'CUSTOM' OR (title IS NOT NULL AND created_by IS NOT NULL))`);
    // A required action appears once per referral, however often the referral is accepted (it is not, twice).
    await q.query(`CREATE UNIQUE INDEX case_task_action_uq ON case_task (referral_id, kind) WHERE referral_id IS NOT NULL AND escalation_step IS NULL`);
    await q.query(`CREATE INDEX case_task_assignee_open_idx ON case_task (assigned_to, due_at) WHERE status = 'OPEN' AND assigned_to IS NOT NULL`);

    await q.query(`
      CREATE TABLE case_assignment (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        user_id uuid NOT NULL,
        assigned_by uuid NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        ended_by uuid,
        CONSTRAINT case_assignment_pk PRIMARY KEY (id),
        CONSTRAINT case_assignment_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT case_assignment_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT case_assignment_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE RESTRICT,
        CONSTRAINT case_assignment_ended_ck CHECK ((ended_at IS NULL) = (ended_by IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX case_assignment_active_uq ON case_assignment (case_id, agency_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX case_assignment_user_idx ON case_assignment (user_id, assigned_at DESC) WHERE ended_at IS NULL`);

    await q.query(`
      CREATE TABLE case_lead (
        case_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        since timestamptz NOT NULL DEFAULT now(),
        source text NOT NULL,
        referral_id uuid,
        transfer_id uuid,
        CONSTRAINT case_lead_pk PRIMARY KEY (case_id),
        CONSTRAINT case_lead_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT case_lead_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT case_lead_source_ck CHECK (source IN ('REFERRAL', 'TRANSFER'))
      )`);
    await q.query(`CREATE INDEX case_lead_agency_idx ON case_lead (agency_id, case_id)`);

    await q.query(`
      CREATE TABLE case_transfer (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        from_agency_id uuid NOT NULL,
        to_agency_id uuid NOT NULL,
        reason text NOT NULL,
        basis jsonb NOT NULL,
        status text NOT NULL DEFAULT 'PROPOSED',
        proposed_by uuid NOT NULL,
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid,
        decided_at timestamptz,
        decision_reason text,
        CONSTRAINT case_transfer_pk PRIMARY KEY (id),
        CONSTRAINT case_transfer_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT case_transfer_from_fk FOREIGN KEY (from_agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT case_transfer_to_fk FOREIGN KEY (to_agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT case_transfer_self_ck CHECK (from_agency_id <> to_agency_id),
        CONSTRAINT case_transfer_status_ck CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DECLINED', 'CANCELLED')),
        CONSTRAINT case_transfer_decided_ck CHECK ((status = 'PROPOSED') = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX case_transfer_open_uq ON case_transfer (case_id) WHERE status = 'PROPOSED'`);
    await q.query(`CREATE INDEX case_transfer_incoming_idx ON case_transfer (to_agency_id, proposed_at DESC, id DESC)`);
    await q.query(`CREATE INDEX case_transfer_outgoing_idx ON case_transfer (from_agency_id, proposed_at DESC, id DESC)`);
    await q.query(`ALTER TABLE case_lead ADD CONSTRAINT case_lead_transfer_fk FOREIGN KEY (transfer_id) REFERENCES case_transfer (id) ON DELETE RESTRICT`);

    await q.query(`
      CREATE TABLE case_closure (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        closed_by uuid NOT NULL,
        closed_at timestamptz NOT NULL DEFAULT now(),
        outcome_code text NOT NULL,
        reason text NOT NULL,
        reopened_at timestamptz,
        reopened_by uuid,
        reopen_reason text,
        CONSTRAINT case_closure_pk PRIMARY KEY (id),
        CONSTRAINT case_closure_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT case_closure_reopened_ck CHECK ((reopened_at IS NULL) = (reopened_by IS NULL) AND (reopened_at IS NULL) = (reopen_reason IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX case_closure_open_uq ON case_closure (case_id) WHERE reopened_at IS NULL`);

    await q.query(`
      CREATE TABLE service_delivery (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        referral_id uuid,
        kind text NOT NULL,
        provider text NOT NULL,
        delivered_on date NOT NULL,
        note text,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_delivery_pk PRIMARY KEY (id),
        CONSTRAINT service_delivery_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT service_delivery_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT service_delivery_referral_fk FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX service_delivery_case_idx ON service_delivery (case_id, delivered_on)`);

    for (const table of ['case_assignment', 'case_lead', 'case_closure', 'service_delivery']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_case_scope ON ${table} USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))`);
    }
    // The receiving agency sees a transfer addressed to it before it sees the case.
    await q.query(`ALTER TABLE case_transfer ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY case_transfer_read ON case_transfer FOR SELECT
      USING (kivuko_scope_is_system() OR kivuko_can_see_case(case_id) OR (kivuko_scope_agency_staff() AND to_agency_id = kivuko_scope_agency()))`);
    // Proposed only by an agency that sees the case, in its own name.
    await q.query(`CREATE POLICY case_transfer_propose ON case_transfer FOR INSERT
      WITH CHECK (kivuko_scope_is_system() OR (kivuko_can_see_case(case_id) AND from_agency_id = kivuko_scope_agency()))`);
    await q.query(`CREATE POLICY case_transfer_answer ON case_transfer FOR UPDATE
      USING (kivuko_scope_is_system() OR kivuko_can_see_case(case_id) OR (kivuko_scope_agency_staff() AND to_agency_id = kivuko_scope_agency()))
      WITH CHECK (kivuko_scope_is_system() OR kivuko_can_see_case(case_id) OR (kivuko_scope_agency_staff() AND to_agency_id = kivuko_scope_agency()))`);
    // An answer changes the status and who decided, never what was proposed.
    await q.query(`REVOKE UPDATE ON case_transfer FROM kivuko_app`);
    await q.query(`GRANT UPDATE (status, decided_by, decided_at, decision_reason) ON case_transfer TO kivuko_app`);

    await q.query(`
      CREATE FUNCTION kivuko_accept_transfer(p_transfer uuid, p_user uuid) RETURNS uuid
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        t case_transfer%ROWTYPE;
      BEGIN
        SELECT * INTO t FROM case_transfer WHERE id = p_transfer FOR UPDATE;
        IF NOT FOUND OR NOT kivuko_scope_agency_staff() OR t.to_agency_id IS DISTINCT FROM kivuko_scope_agency()
           OR p_user IS DISTINCT FROM nullif(current_setting('kivuko.user_id', true), '')::uuid THEN
          RETURN NULL;
        END IF;
        -- Still open, still proposed by the agency that leads the case, still on a basis on record, on a case not closed.
        IF t.status <> 'PROPOSED'
           OR NOT EXISTS (SELECT 1 FROM case_lead l WHERE l.case_id = t.case_id AND l.agency_id = t.from_agency_id)
           OR NOT EXISTS (SELECT 1 FROM consent_record cr WHERE cr.id = (t.basis->>'consentId')::uuid AND cr.case_id = t.case_id AND cr.withdrawn_at IS NULL)
           OR EXISTS (SELECT 1 FROM case_file c WHERE c.id = t.case_id AND c.status = 'CLOSED') THEN
          RETURN NULL;
        END IF;
        UPDATE case_transfer SET status = 'ACCEPTED', decided_by = p_user, decided_at = now() WHERE id = t.id;
        INSERT INTO case_share (case_id, agency_id, source) VALUES (t.case_id, t.to_agency_id, 'TRANSFER') ON CONFLICT DO NOTHING;
        INSERT INTO case_lead (case_id, agency_id, source, transfer_id) VALUES (t.case_id, t.to_agency_id, 'TRANSFER', t.id)
          ON CONFLICT (case_id) DO UPDATE SET agency_id = EXCLUDED.agency_id, since = now(), source = 'TRANSFER', referral_id = NULL, transfer_id = EXCLUDED.transfer_id;
        RETURN t.case_id;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION kivuko_accept_transfer(uuid, uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION kivuko_accept_transfer(uuid, uuid) TO kivuko_app`);

    await q.query(`REVOKE DELETE, TRUNCATE ON case_assignment, case_lead, case_transfer, case_closure, service_delivery FROM kivuko_app`);
    await q.query(`REVOKE UPDATE ON service_delivery FROM kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kivuko_accept_transfer(uuid, uuid)`);
    await q.query(`DROP TABLE service_delivery`);
    await q.query(`DROP TABLE case_closure`);
    await q.query(`DROP TABLE case_lead`);
    await q.query(`DROP TABLE case_transfer`);
    await q.query(`DROP TABLE case_assignment`);
    await q.query(`DROP INDEX case_task_assignee_open_idx`);
    await q.query(`DROP INDEX case_task_action_uq`);
    for (const c of ['case_task_custom_ck', 'case_task_assigned_to_fk']) await q.query(`ALTER TABLE case_task DROP CONSTRAINT ${c}`);
    for (const c of ['close_reason', 'created_by', 'assigned_to', 'note', 'title']) await q.query(`ALTER TABLE case_task DROP COLUMN ${c}`);
    await q.query(`ALTER TABLE case_task ALTER COLUMN due_at DROP NOT NULL`);
  }
}

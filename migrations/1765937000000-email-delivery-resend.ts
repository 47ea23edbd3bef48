import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duty e-mails that can be listed and sent again: a delivery whose every attempt was refused is FAILED (no
 * longer PENDING for ever), each send of it is numbered (the job of a resend is a new job, the job of an
 * earlier send recognises itself as stale), its last attempt is timed, and the lists of an agency's and of
 * all deliveries, newest first, each have their index.
 */
export class EmailDeliveryResend1765937000000 implements MigrationInterface {
  name = 'EmailDeliveryResend1765937000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE email_delivery DROP CONSTRAINT email_delivery_status_ck`);
    await q.query(`ALTER TABLE email_delivery ADD CONSTRAINT email_delivery_status_ck CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'NOT_SENT'))`);
    await q.query(`ALTER TABLE email_delivery ADD COLUMN sends integer NOT NULL DEFAULT 1, ADD COLUMN last_attempt_at timestamptz`);
    await q.query(`ALTER TABLE email_delivery ADD CONSTRAINT email_delivery_sends_ck CHECK (sends >= 1)`);
    // A delivery whose job ran out of attempts before FAILED existed: it is failed, not pending.
    await q.query(`
      UPDATE email_delivery d SET status = 'FAILED'
        FROM outbox_message o
       WHERE d.status = 'PENDING' AND o.job_id = 'referrals.email-' || d.id::text AND o.failed_at IS NOT NULL`);
    // The case number of a delivery's referral, for its list: the number only, which the e-mail itself says (the
    // reader of the list, a system administrator, may not see the referral).
    await q.query(`
      CREATE FUNCTION kivuko_referral_case_number(p_referral uuid) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT c.case_number FROM referral r JOIN case_file c ON c.id = r.case_id WHERE r.id = p_referral
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION kivuko_referral_case_number(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION kivuko_referral_case_number(uuid) TO kivuko_app`);
    await q.query(`CREATE INDEX email_delivery_agency_created_idx ON email_delivery (agency_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX email_delivery_created_idx ON email_delivery (created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX email_delivery_created_idx`);
    await q.query(`DROP INDEX email_delivery_agency_created_idx`);
    await q.query(`DROP FUNCTION kivuko_referral_case_number(uuid)`);
    await q.query(`UPDATE email_delivery SET status = 'PENDING' WHERE status = 'FAILED'`);
    await q.query(`ALTER TABLE email_delivery DROP CONSTRAINT email_delivery_sends_ck`);
    await q.query(`ALTER TABLE email_delivery DROP COLUMN sends, DROP COLUMN last_attempt_at`);
    await q.query(`ALTER TABLE email_delivery DROP CONSTRAINT email_delivery_status_ck`);
    await q.query(`ALTER TABLE email_delivery ADD CONSTRAINT email_delivery_status_ck CHECK (status IN ('PENDING', 'SENT', 'NOT_SENT'))`);
  }
}

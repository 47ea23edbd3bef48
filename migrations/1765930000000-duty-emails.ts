import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail notifications of referral events: an agency's duty address (with the language its e-mails are
 * written in), each user's own choice (their address, the kinds they want, their language), and one
 * delivery per event and recipient — the unique key that keeps an event from being e-mailed twice.
 * Deliveries carry ids and the recipient's address, never a name or a narrative of the person referred.
 */
export class DutyEmails1765930000000 implements MigrationInterface {
  name = 'DutyEmails1765930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_duty_email (
        agency_id uuid NOT NULL,
        address text NOT NULL,
        language text NOT NULL,
        updated_by uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agency_duty_email_pk PRIMARY KEY (agency_id),
        CONSTRAINT agency_duty_email_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE CASCADE,
        CONSTRAINT agency_duty_email_language_ck CHECK (language IN ('en', 'fr', 'pt', 'sw', 'ar'))
      )`);
    await q.query(`
      CREATE TABLE user_email_preference (
        user_id uuid NOT NULL,
        address text NOT NULL,
        kinds text[] NOT NULL,
        language text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT user_email_preference_pk PRIMARY KEY (user_id),
        CONSTRAINT user_email_preference_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT user_email_preference_language_ck CHECK (language IN ('en', 'fr', 'pt', 'sw', 'ar')),
        CONSTRAINT user_email_preference_kinds_ck CHECK (kinds <@ ARRAY['NEW_REFERRAL', 'DEADLINE_SOON', 'ESCALATION']::text[])
      )`);
    await q.query(`
      CREATE TABLE email_delivery (
        id uuid NOT NULL,
        event_key text NOT NULL,
        recipient_key text NOT NULL,
        kind text NOT NULL,
        referral_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        address text NOT NULL,
        language text NOT NULL,
        step integer,
        status text NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT email_delivery_pk PRIMARY KEY (id),
        CONSTRAINT email_delivery_referral_fk FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE,
        CONSTRAINT email_delivery_kind_ck CHECK (kind IN ('NEW_REFERRAL', 'DEADLINE_SOON', 'ESCALATION')),
        CONSTRAINT email_delivery_status_ck CHECK (status IN ('PENDING', 'SENT', 'NOT_SENT'))
      )`);
    await q.query(`CREATE UNIQUE INDEX email_delivery_event_recipient_uq ON email_delivery (event_key, recipient_key)`);
    await q.query(`CREATE INDEX email_delivery_referral_idx ON email_delivery (referral_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_delivery`);
    await q.query(`DROP TABLE user_email_preference`);
    await q.query(`DROP TABLE agency_duty_email`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agency's webhook: where referral events are POSTed, and the secret they are signed with (stored
 * encrypted, shown once when it is made). Events carry ids and status, never personal data.
 */
export class Webhooks1765060000000 implements MigrationInterface {
  name = 'Webhooks1765060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_webhook (
        agency_id uuid NOT NULL,
        url text NOT NULL,
        secret_ciphertext text NOT NULL,
        registered_by uuid NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agency_webhook_pk PRIMARY KEY (agency_id),
        CONSTRAINT agency_webhook_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agency_webhook`);
  }
}

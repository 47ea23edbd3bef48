import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain becomes keyed (HMAC under a key derived from the keyring, which no database role
 * holds) and each chain's head is sealed. The migration needs no key: the events already recorded stay
 * as they are (key_id null, verified by the old unkeyed rule), and each chain's newest event now is
 * written to audit_legacy_head, which the app role can only read. Verification accepts unkeyed events
 * only up to that recorded head, so an unkeyed event inserted later is a forgery, and a legacy chain
 * shortened from its end no longer reaches its recorded head.
 */
export class KeyedAuditChain1765841000000 implements MigrationInterface {
  name = 'KeyedAuditChain1765841000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event ADD COLUMN key_id text`);
    await q.query(`
      CREATE TABLE audit_legacy_head (
        chain_key text NOT NULL,
        last_id bigint NOT NULL,
        last_hash text NOT NULL,
        CONSTRAINT audit_legacy_head_pk PRIMARY KEY (chain_key)
      )`);
    await q.query(`
      INSERT INTO audit_legacy_head (chain_key, last_id, last_hash)
      SELECT DISTINCT ON (chain_key) chain_key, id, hash FROM audit_event ORDER BY chain_key, id DESC`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_legacy_head FROM kivuko_app`);
    await q.query(`
      CREATE TABLE audit_chain_head (
        chain_key text NOT NULL,
        last_id bigint NOT NULL,
        last_hash text NOT NULL,
        key_id text NOT NULL,
        mac text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT audit_chain_head_pk PRIMARY KEY (chain_key)
      )`);
    // Heads move forward with their chain; they are never removed.
    await q.query(`REVOKE DELETE, TRUNCATE ON audit_chain_head FROM kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_chain_head`);
    await q.query(`DROP TABLE audit_legacy_head`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN key_id`);
  }
}

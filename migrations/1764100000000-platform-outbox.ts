import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlatformOutbox1764100000000 implements MigrationInterface {
  name = 'PlatformOutbox1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE outbox_message (
        id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL,
        payload jsonb NOT NULL,
        run_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        publish_attempts integer NOT NULL DEFAULT 0,
        completed_at timestamptz,
        failed_at timestamptz,
        last_error text,
        CONSTRAINT outbox_message_pk PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX outbox_message_unpublished_idx ON outbox_message (id) WHERE published_at IS NULL`);
    await q.query(`CREATE INDEX outbox_message_published_at_idx ON outbox_message (published_at) WHERE published_at IS NOT NULL`);
    await q.query(`CREATE INDEX outbox_message_job_id_idx ON outbox_message (job_id)`);
    await q.query(
      `CREATE INDEX outbox_message_in_flight_idx ON outbox_message (published_at)
        WHERE published_at IS NOT NULL AND completed_at IS NULL AND failed_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_message`);
  }
}

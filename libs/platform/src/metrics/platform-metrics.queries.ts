import { DataSource } from 'typeorm';

/** The SQL of the platform's metrics. The outbox is the platform's own table, outside row-level security. */

/** Seconds since the oldest job still waiting to be relayed to its queue was written; 0 when none waits. */
export async function oldestUnpublishedOutboxAge(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query<{ age: string | null }[]>(
    `SELECT extract(epoch FROM now() - min(created_at)) AS age FROM outbox_message WHERE published_at IS NULL`,
  );
  return row?.age === null || row?.age === undefined ? 0 : Math.max(0, Number(row.age));
}

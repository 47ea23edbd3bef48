import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrateQueueSchema } from '../jobs/queue-backend';
import { dataSourceOptions } from './data-source-options';

/** Any constant shared by every Kivuko process: replicas starting together migrate one at a time. */
const MIGRATION_LOCK_KEY = 0x4b49564b; // "KIVK"

export interface MigrateOptions {
  url: string;
  entities: Function[];
  migrations: Function[];
  /** Also create BullMQ's tables, for the PostgreSQL queue backend. */
  queueSchema: boolean;
}

/** Applies pending migrations under an advisory lock; returns the names of those it applied. */
export async function migrateDatabase(options: MigrateOptions): Promise<string[]> {
  const lock = new Client({ connectionString: options.url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const dataSource = new DataSource(
      dataSourceOptions({ url: options.url, entities: options.entities, migrations: options.migrations, poolSize: 2, applicationName: 'kivuko-migrate' }),
    );
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (options.queueSchema) await migrateQueueSchema(options.url);
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

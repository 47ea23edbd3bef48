import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { BULLMQ_PG_SCHEMA, migrateQueueSchema } from '../jobs/queue-backend';
import { dataSourceOptions } from './data-source-options';

/** Any constant shared by every Kivuko process: replicas starting together migrate one at a time. */
const MIGRATION_LOCK_KEY = 0x4b49564b; // "KIVK"

export interface MigrateOptions {
  url: string;
  entities: Function[];
  migrations: Function[];
  /** Also create BullMQ's tables, for the PostgreSQL queue backend. */
  queueSchema: boolean;
  /** Sets the password of the application role the api and worker connect as. */
  appRolePassword?: string;
}

export const APP_ROLE = 'kivuko_app';

/** The connection string of the application role, on the same server and database as `ownerUrl`. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = encodeURIComponent(password);
  return url.toString();
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
      if (options.queueSchema) {
        await migrateQueueSchema(options.url);
        // BullMQ's PostgreSQL backend runs as the application role too; it creates per-queue
        // sequences in its own schema on first use, so the role may create there (and only there).
        await lock.query(`GRANT USAGE, CREATE ON SCHEMA ${BULLMQ_PG_SCHEMA} TO ${APP_ROLE}`);
        await lock.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${BULLMQ_PG_SCHEMA} TO ${APP_ROLE}`);
        await lock.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${BULLMQ_PG_SCHEMA} TO ${APP_ROLE}`);
        await lock.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${BULLMQ_PG_SCHEMA} TO ${APP_ROLE}`);
      }
      if (options.appRolePassword !== undefined) {
        const { rows } = await lock.query<{ sql: string }>(`SELECT format('ALTER ROLE ${APP_ROLE} LOGIN PASSWORD %L', $1::text) AS sql`, [
          options.appRolePassword,
        ]);
        await lock.query(rows[0].sql);
      }
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

import { DataSourceOptions } from 'typeorm';
import { ShutdownSafeClient } from './shutdown-safe-client';

export interface DatabaseSettings {
  url: string;
  entities: Function[];
  migrations?: Function[];
  poolSize?: number;
  applicationName?: string;
}

/** One definition of how Kivuko talks to PostgreSQL, for the app, the migration command and tests. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: settings.entities,
    migrations: settings.migrations ?? [],
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    poolSize: settings.poolSize ?? 10,
    applicationName: settings.applicationName ?? 'kivuko',
    // A pooled client being thrown away while the database shuts down must not crash the process.
    extra: { max: settings.poolSize ?? 10, Client: ShutdownSafeClient },
  };
}

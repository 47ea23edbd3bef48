import { DataSourceOptions } from 'typeorm';

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
    extra: { max: settings.poolSize ?? 10 },
  };
}

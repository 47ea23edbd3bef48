import 'reflect-metadata';
import { bootRuntime, ConfigError, loadConfig } from '@kivuko/platform';
import { ALL_MIGRATIONS, KIVUKO_ENTITIES } from '@kivuko/runtime';

/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database) and exits. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, 'api');
  const booted = await bootRuntime(config, { entities: KIVUKO_ENTITIES, migrations: ALL_MIGRATIONS, log: (m) => console.error(m) });
  console.error(booted.appliedMigrations.length > 0 ? `applied: ${booted.appliedMigrations.join(', ')}` : 'schema is up to date');
  await booted.stopDatabase();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

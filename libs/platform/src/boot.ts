import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from './config/app-config';
import { PlatformRuntime } from './config/platform-runtime';
import { startEmbeddedPostgres } from './db/embedded-postgres';
import { migrateDatabase } from './db/migrate';

export const EMBEDDED_DATABASE_NAME = 'kivuko';

export interface BootedRuntime {
  runtime: PlatformRuntime;
  embedded: boolean;
  appliedMigrations: string[];
  /** Stops the embedded database if this process started one. */
  stopDatabase(): Promise<void>;
}

export interface BootOptions {
  entities: Function[];
  migrations: Function[];
  log: (message: string) => void;
}

/**
 * Resolves the database (DATABASE_URL, or an embedded server under the data folder), applies
 * migrations, and describes the runtime the Nest modules are built from.
 */
export async function bootRuntime(config: AppConfig, options: BootOptions): Promise<BootedRuntime> {
  let url = config.database.url;
  let stopDatabase = async (): Promise<void> => undefined;
  if (!url) {
    if (config.role === 'worker') throw new Error('the worker needs DATABASE_URL; it never starts an embedded database');
    const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, database: EMBEDDED_DATABASE_NAME, log: options.log });
    url = embedded.url;
    stopDatabase = () => embedded.stop();
  }
  try {
    const appliedMigrations = await migrateDatabase({
      url,
      entities: options.entities,
      migrations: options.migrations,
      queueSchema: !config.redis.url,
    });
    return {
      runtime: { config, databaseUrl: url, entities: options.entities, secrets: await resolveSecrets(config) },
      embedded: !config.database.url,
      appliedMigrations,
      stopDatabase,
    };
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

/** A secret from configuration, or (outside production) one generated once and kept in the data folder. */
export async function resolveSecrets(config: AppConfig): Promise<{ jwtSecret: string }> {
  if (config.auth.jwtSecret) return { jwtSecret: config.auth.jwtSecret };
  if (config.env === 'production') throw new Error('KIVUKO_JWT_SECRET is required in production');
  await mkdir(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'jwt-secret');
  if (!existsSync(file)) await writeFile(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600 });
  return { jwtSecret: (await readFile(file, 'utf8')).trim() };
}

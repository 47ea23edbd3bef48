import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from './config/app-config';
import { PlatformRuntime } from './config/platform-runtime';
import { generateKeyring, parseKeyring } from './crypto/field-cipher';
import { startEmbeddedPostgres } from './db/embedded-postgres';
import { appRoleUrl, migrateDatabase } from './db/migrate';

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
    const secrets = await resolveSecrets(config);
    const appRolePassword = config.database.appUrl ? undefined : (config.database.appPassword ?? (await keptSecret(config, 'app-db-password', 'KIVUKO_APP_DB_PASSWORD', () => randomBytes(24).toString('base64url'))));
    const appliedMigrations = await migrateDatabase({
      url,
      entities: options.entities,
      migrations: options.migrations,
      queueSchema: !config.redis.url,
      appRolePassword,
    });
    // From here on the process is the application role: RLS applies, the audit trail is append-only.
    const databaseUrl = config.database.appUrl ?? appRoleUrl(url, appRolePassword as string);
    return {
      runtime: { config, databaseUrl, entities: options.entities, secrets },
      embedded: !config.database.url,
      appliedMigrations,
      stopDatabase,
    };
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

/** Secrets from configuration, or (outside production) generated once and kept in the data folder. */
export async function resolveSecrets(config: AppConfig): Promise<PlatformRuntime['secrets']> {
  const jwtSecret = config.auth.jwtSecret ?? (await keptSecret(config, 'jwt-secret', 'KIVUKO_JWT_SECRET', () => randomBytes(48).toString('base64url')));
  const keyring = config.encryptionKeys ?? (await keptSecret(config, 'encryption-keys', 'KIVUKO_ENCRYPTION_KEYS', () => generateKeyring()));
  const { keys, problems } = parseKeyring(keyring);
  if (problems.length > 0) throw new Error(`encryption keys: ${problems.join('; ')}`);
  return { jwtSecret, encryptionKeys: keys };
}

/**
 * Outside production, puts a new key first in the keyring kept in the data folder (the old keys stay,
 * so existing ciphertexts still decrypt until they are rotated). Production sets KIVUKO_ENCRYPTION_KEYS.
 */
export async function addKeptEncryptionKey(config: AppConfig): Promise<string> {
  if (config.env === 'production') throw new Error('in production, put the new key first in KIVUKO_ENCRYPTION_KEYS instead');
  if (config.encryptionKeys) throw new Error('KIVUKO_ENCRYPTION_KEYS is set: put the new key first in it instead');
  const current = await keptSecret(config, 'encryption-keys', 'KIVUKO_ENCRYPTION_KEYS', () => generateKeyring());
  const existing = parseKeyring(current).keys.map((k) => k.id);
  let id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
  for (let n = 2; existing.includes(id); n++) id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${n}`;
  await writeFile(join(config.dataDir, 'encryption-keys'), `${generateKeyring(id)},${current}\n`, { mode: 0o600 });
  return id;
}

async function keptSecret(config: AppConfig, file: string, variable: string, make: () => string): Promise<string> {
  if (config.env === 'production') throw new Error(`${variable} is required in production`);
  await mkdir(config.dataDir, { recursive: true });
  const path = join(config.dataDir, file);
  if (!existsSync(path)) await writeFile(path, `${make()}\n`, { mode: 0o600 });
  return (await readFile(path, 'utf8')).trim();
}

import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { loadConfig } from '../config/app-config';
import { PlatformRuntime } from '../config/platform-runtime';
import { parseKeyring } from '../crypto/field-cipher';
import { appRoleUrl } from '../db/migrate';
import { adminClient, assertTestDatabase, databaseUrl, templateDatabaseName, TEST_REDIS_URL, testRunId } from './test-servers';

export interface TestDatabase {
  name: string;
  /** As the owner (migrations, fixtures, tampering in tests). */
  url: string;
  /** As the application role, the way the api and worker connect. */
  appUrl: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, cloned from the run's migrated template. Each Jest worker has
 * its own name, so files running in parallel never share rows.
 */
export async function createTestDatabase(suffix = ''): Promise<TestDatabase> {
  const run = testRunId();
  const worker = process.env.JEST_WORKER_ID ?? '0';
  const name = `kivuko_test_${run}_w${worker}${suffix ? `_${suffix}` : ''}`;
  assertTestDatabase(name);
  const admin = await adminClient();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(
      `CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(templateDatabaseName(run))}`,
    );
  } finally {
    await admin.end();
  }
  return {
    name,
    url: databaseUrl(name),
    appUrl: appRoleUrl(databaseUrl(name), TEST_APP_DB_PASSWORD),
    async drop() {
      const client = await adminClient();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A Redis key prefix no other test file uses; `clear()` removes what the file left behind. */
export function createTestQueuePrefix(): { prefix: string; clear(): Promise<void> } {
  const prefix = `kt-${testRunId()}-${process.env.JEST_WORKER_ID ?? '0'}-${randomBytes(3).toString('hex')}`;
  return {
    prefix,
    async clear() {
      const redis = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
          if (keys.length > 0) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}

/** Polls until the check passes or the time is up; the last failure is rethrown. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

export const TEST_APP_DB_PASSWORD = 'test-app-role-password';
export const TEST_JWT_SECRET = 'test-signing-secret-that-is-long-enough-0123456789';
export const TEST_ENCRYPTION_KEYS = `test-key:${Buffer.alloc(32, 7).toString('base64')}`;

export interface TestRuntimeOptions {
  /** The owner's URL of a test database; the runtime connects as the application role on it. */
  databaseUrl: string;
  entities: Function[];
  role?: 'api' | 'worker';
  /** A Redis key prefix: queues run on the test Redis. Without it, on BullMQ's PostgreSQL backend. */
  redisPrefix?: string;
  redisUrl?: string;
  runProcessors?: boolean;
  /** Further variables, as an operator would set them. */
  env?: Record<string, string>;
}

/** Builds the runtime a process would boot with, from the same config loader `main` uses. */
export function testRuntime(options: TestRuntimeOptions): PlatformRuntime {
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.KIVUKO_TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: options.databaseUrl,
    KIVUKO_DB_POOL_SIZE: '5',
    KIVUKO_DEMO: 'false',
  };
  if (options.redisPrefix) {
    env.REDIS_URL = options.redisUrl ?? TEST_REDIS_URL;
    env.KIVUKO_QUEUE_PREFIX = options.redisPrefix;
  }
  if (options.runProcessors !== undefined) env.KIVUKO_API_RUNS_JOBS = String(options.runProcessors);
  Object.assign(env, options.env);
  return {
    config: loadConfig(env, options.role ?? 'api'),
    databaseUrl: appRoleUrl(options.databaseUrl, TEST_APP_DB_PASSWORD),
    entities: options.entities,
    secrets: { jwtSecret: TEST_JWT_SECRET, encryptionKeys: parseKeyring(options.env?.KIVUKO_ENCRYPTION_KEYS ?? TEST_ENCRYPTION_KEYS).keys },
  };
}

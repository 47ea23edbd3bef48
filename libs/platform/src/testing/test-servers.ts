import IORedis from 'ioredis';
import { Client } from 'pg';

/**
 * Where the integration tests find their servers: the machine's PostgreSQL and Redis unless
 * TEST_DATABASE_URL / TEST_REDIS_URL say otherwise. The database in TEST_DATABASE_URL is only used to
 * create and drop the test databases; tests never write to it.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The suite's own databases are named after the run, so two runs on one machine never meet. */
export function testRunId(): string {
  const id = process.env.KIVUKO_TEST_RUN;
  if (!id) throw new Error('KIVUKO_TEST_RUN is not set: run the tests with `npm test`');
  return id;
}

export const templateDatabaseName = (run: string): string => `kivuko_test_${run}_template`;

/** Refuses to touch a database whose name does not say it is a test database. */
export function assertTestDatabase(name: string): void {
  if (!/test/.test(name)) throw new Error(`refusing to use database "${name}": a test database's name must contain "test"`);
}

export async function adminClient(): Promise<Client> {
  const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  return client;
}

const START_POSTGRES = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
const START_REDIS = 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no';

/** Fails at once, saying how to start the server, when PostgreSQL or Redis does not answer. */
export async function assertServersReachable(databaseUrl = TEST_DATABASE_URL, redisUrl = TEST_REDIS_URL): Promise<void> {
  const problems: string[] = [];
  try {
    const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3_000 });
    await client.connect();
    await client.end();
  } catch (error) {
    problems.push(
      `PostgreSQL is not answering at ${redact(databaseUrl)} (${(error as Error).message}).\n` +
        `    Start it with: ${START_POSTGRES}\n    or point TEST_DATABASE_URL at a server you may create databases on.`,
    );
  }
  const redis = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3_000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    problems.push(
      `Redis is not answering at ${redisUrl} (${(error as Error).message}).\n` +
        `    Start it with: ${START_REDIS}\n    or point TEST_REDIS_URL at a Redis server.`,
    );
  } finally {
    redis.disconnect();
  }
  if (problems.length > 0) throw new Error(`The test suite needs real servers:\n  ${problems.join('\n  ')}`);
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

import { migrateDatabase, PLATFORM_ENTITIES } from '../libs/platform/src';
import {
  adminClient,
  assertServersReachable,
  assertTestDatabase,
  databaseUrl,
  TEST_APP_DB_PASSWORD,
  templateDatabaseName,
} from '../libs/platform/src/testing';
import { ALL_MIGRATIONS } from '../migrations';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Checks the servers, drops databases of earlier runs that died, and migrates this run's template once. */
export default async function globalSetup(): Promise<void> {
  await assertServersReachable();
  const run = `${process.pid}`;
  process.env.KIVUKO_TEST_RUN = run;
  const template = templateDatabaseName(run);
  assertTestDatabase(template);

  const admin = await adminClient();
  try {
    const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'kivuko\\_test\\_%'`);
    for (const { datname } of stale.rows) {
      const pid = Number(/^kivuko_test_(\d+)_/.exec(datname)?.[1]);
      if (pid && !alive(pid)) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(template)}`);
  } finally {
    await admin.end();
  }
  // Entities are not needed to apply migrations; the schema comes from migrations alone.
  await migrateDatabase({
    url: databaseUrl(template),
    entities: PLATFORM_ENTITIES,
    migrations: ALL_MIGRATIONS,
    queueSchema: true,
    appRolePassword: TEST_APP_DB_PASSWORD,
  });
}

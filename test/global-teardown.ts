import { adminClient } from '../libs/platform/src/testing';

export default async function globalTeardown(): Promise<void> {
  const run = process.env.KIVUKO_TEST_RUN;
  if (!run) return;
  const admin = await adminClient();
  try {
    const mine = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`kivuko_test_${run}_%`]);
    for (const { datname } of mine.rows) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export { adminClient, assertServersReachable, assertTestDatabase, databaseUrl, templateDatabaseName, TEST_REDIS_URL, testRunId } from './test-servers';
export {
  createTestDatabase,
  createTestQueuePrefix,
  eventually,
  TEST_APP_DB_PASSWORD,
  TEST_ENCRYPTION_KEYS,
  TEST_JWT_SECRET,
  testRuntime,
} from './test-database';
export type { TestDatabase, TestRuntimeOptions } from './test-database';
export { startTcpProxy } from './tcp-proxy';
export type { TcpProxy } from './tcp-proxy';
export { familyOf, parsePrometheusText, sampleValue } from './prometheus-text';
export type { PromExposition, PromSample } from './prometheus-text';

import { createTestDatabase, TestDatabase, testRuntime, TestRuntimeOptions } from '@kivuko/platform/testing';
import { KIVUKO_ENTITIES } from '@kivuko/runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from './api-app';

export interface TestApi {
  app: NestFastifyApplication;
  db: TestDatabase;
  close(): Promise<void>;
}

export interface TestApiOptions extends Partial<Omit<TestRuntimeOptions, 'databaseUrl' | 'entities'>> {
  /** Runs as the database owner before the api starts (fixtures the api must find at start-up). */
  beforeStart?: (db: TestDatabase) => Promise<void>;
  databaseSuffix?: string;
}

/** The api as `main` builds it, on a fresh test database, connected as the application role. */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const { beforeStart, databaseSuffix, ...runtime } = options;
  const db = await createTestDatabase(databaseSuffix);
  try {
    await beforeStart?.(db);
    const app = await createApiApp(testRuntime({ ...runtime, databaseUrl: db.url, entities: KIVUKO_ENTITIES }));
    return {
      app,
      db,
      async close() {
        await app.close();
        await db.drop();
      },
    };
  } catch (error) {
    await db.drop();
    throw error;
  }
}

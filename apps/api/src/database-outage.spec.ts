import { createTestDatabase, startTcpProxy, TcpProxy, TestDatabase, testRuntime } from '@kivuko/platform/testing';
import { KIVUKO_ENTITIES } from '@kivuko/runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { createApiApp } from './api-app';
import { DEMO_PASSWORD } from './demo-api';

/**
 * PostgreSQL restarting, failing over or dropping connections: a request that could not reach it is told
 * 503 with Retry-After and a code a client can act on, never a 500. The api reaches a real server through
 * a proxy the test can cut, and its connections are also killed server-side with pg_terminate_backend.
 */
describe('the api while PostgreSQL goes away', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let proxy: TcpProxy;
  let owner: Client;
  let authorization: string;

  beforeAll(async () => {
    db = await createTestDatabase('outage');
    const target = new URL(db.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(db.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    app = await createApiApp(
      testRuntime({
        databaseUrl: viaProxy.toString(),
        entities: KIVUKO_ENTITIES,
        runProcessors: false,
        env: { KIVUKO_DEMO: 'true', KIVUKO_DEMO_CASES: 'false', KIVUKO_DEMO_PASSWORD: DEMO_PASSWORD },
      }),
    );
    owner = new Client({ connectionString: db.url });
    await owner.connect();
    const res = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'sysadmin', password: DEMO_PASSWORD }).expect(200);
    authorization = `Bearer ${res.body.accessToken as string}`;
  });

  afterAll(async () => {
    await owner?.end();
    await app?.close();
    await proxy?.close();
    await db?.drop();
  });

  const readBorderPoints = () => request(app.getHttpServer()).get('/api/v1/border-points').set({ authorization });

  it('answers 503 with Retry-After while the database cannot be reached, and recovers without a restart', async () => {
    await readBorderPoints().expect(200);
    await proxy.cut();
    try {
      const res = await readBorderPoints();
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toMatchObject({ code: 'SERVICE.DATABASE_UNAVAILABLE', details: { retryAfterSeconds: 5 }, correlationId: expect.any(String) });
    } finally {
      await proxy.restore();
    }
    await readBorderPoints().expect(200);
  });

  it('answers 503 or the usual answer, never 500, while the server terminates the api connections mid-request', async () => {
    const statuses: number[] = [];
    const retryAfter: unknown[] = [];
    for (let round = 0; round < 10; round++) {
      const requests = Array.from({ length: 8 }, () =>
        readBorderPoints().then((res) => {
          statuses.push(res.status);
          if (res.status === 503) retryAfter.push(res.headers['retry-after']);
        }),
      );
      // As an administrator (or a restart) does: every backend of the application role on this database goes.
      const kill = owner.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = 'kivuko_app' AND pid <> pg_backend_pid()`,
        [db.name],
      );
      await Promise.all([...requests, kill]);
    }
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(retryAfter.every((r) => r === '5')).toBe(true);
    // Some requests did lose their connection (else this proved nothing).
    expect(retryAfter.length).toBeGreaterThan(0);
    // The pool replaces its dead connections on its own.
    await readBorderPoints().expect(200);
  });
});

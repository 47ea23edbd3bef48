import { Clock } from '@kivuko/platform';
import { createTestDatabase, TestDatabase, testRuntime } from '@kivuko/platform/testing';
import { KIVUKO_ENTITIES } from '@kivuko/runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApiApp } from './api-app';

const PASSWORD = 'demo-password-for-tests';

/** An api on its own database, its clock fixed, trusting the proxies KIVUKO_TRUST_PROXY names (if any). */
async function startApi(trustProxy?: string): Promise<{ app: NestFastifyApplication; db: TestDatabase }> {
  const db = await createTestDatabase();
  const env: Record<string, string> = { KIVUKO_DEMO: 'true', KIVUKO_DEMO_PASSWORD: PASSWORD, KIVUKO_DEMO_CASES: 'false' };
  if (trustProxy !== undefined) env.KIVUKO_TRUST_PROXY = trustProxy;
  const app = await createApiApp(testRuntime({ databaseUrl: db.url, entities: KIVUKO_ENTITIES, env }));
  app.get(Clock).fixAt(new Date('2026-03-01T08:00:00Z'));
  return { app, db };
}

describe('sign-in throttle over HTTP: nobody can hold the real user back', () => {
  let api: { app: NestFastifyApplication; db: TestDatabase };
  const advance = (ms: number): void => {
    const clock = api.app.get(Clock);
    clock.fixAt(new Date(clock.now().getTime() + ms));
  };
  const login = (from: string, username: string, password: string) =>
    request(api.app.getHttpServer()).post('/api/v1/auth/login').set('x-forwarded-for', from).send({ username, password });

  beforeAll(async () => {
    api = await startApi('1');
  }, 60_000);
  beforeEach(() => advance(16 * 60_000));
  afterAll(async () => {
    api.app.get(Clock).fixAt(null);
    await api.app.close();
    await api.db.drop();
  });

  it("keeps answering the real user from their usual address while others' failures slow down only the addresses that never signed in", async () => {
    await login('10.1.1.1', 'border.official', PASSWORD).expect(200);
    const attackers: number[] = [];
    for (let i = 0; i < 20; i++) {
      attackers.push((await login(`203.0.113.${i}`, 'border.official', `guess-${i}`)).status);
      if (i % 10 === 9) await login('10.1.1.1', 'border.official', PASSWORD).expect(200);
      advance(500);
    }
    // Spread over 20 addresses, the guessing was slowed down all the same (the account-wide guard).
    expect(attackers.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(attackers).toContain(429);
    const fresh = await login('198.51.100.77', 'border.official', PASSWORD).expect(429);
    expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(0);
    // One wrong password a minute from anywhere, for a quarter of an hour: the real user is never refused.
    for (let i = 0; i < 15; i++) {
      advance(59_000);
      await login(`192.0.2.${i}`, 'border.official', 'still-guessing');
      await login('10.1.1.1', 'border.official', PASSWORD).expect(200);
    }
  }, 90_000);

  it("slows one address's own attempts down: 1 s, 2 s, 4 s … with Retry-After, and not another address's", async () => {
    for (let i = 0; i < 3; i++) await login('203.0.113.9', 'analyst', `wrong-${i}`).expect(401);
    for (const seconds of [1, 2, 4]) {
      const slowed = await login('203.0.113.9', 'analyst', PASSWORD).expect(429);
      expect(slowed.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
      expect(slowed.headers['retry-after']).toBe(String(seconds));
      // X-Forwarded-For decides the address the throttle sees: another one is not slowed down.
      await login('203.0.113.10', 'analyst', 'wrong-elsewhere').expect(401);
      advance(seconds * 1000);
      await login('203.0.113.9', 'analyst', 'wrong-again').expect(401);
    }
    expect((await login('203.0.113.9', 'analyst', PASSWORD).expect(429)).headers['retry-after']).toBe('8');
    advance(8_000);
    await login('203.0.113.9', 'analyst', PASSWORD).expect(200);
  });
});

describe('sign-in throttle over HTTP without KIVUKO_TRUST_PROXY', () => {
  let api: { app: NestFastifyApplication; db: TestDatabase };

  beforeAll(async () => {
    api = await startApi();
  }, 60_000);
  afterAll(async () => {
    api.app.get(Clock).fixAt(null);
    await api.app.close();
    await api.db.drop();
  });

  it('ignores X-Forwarded-For: a client cannot pick the address the throttle sees', async () => {
    const login = (from: string, password: string) =>
      request(api.app.getHttpServer()).post('/api/v1/auth/login').set('x-forwarded-for', from).send({ username: 'analyst', password });
    for (let i = 0; i < 3; i++) await login('203.0.113.9', `wrong-${i}`).expect(401);
    const slowed = await login('203.0.113.10', 'wrong-elsewhere').expect(429);
    expect(slowed.headers['retry-after']).toBe('1');
  });
});

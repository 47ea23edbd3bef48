import { createTestDatabase, TestDatabase, testRuntime } from '@kivuko/platform/testing';
import { KIVUKO_ENTITIES } from '@kivuko/runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { createApiApp } from './api-app';

export const DEMO_PASSWORD = 'demo-password-for-tests';

/** A caseworker (or the manager) of each demo agency that receives referrals, by agency name. */
export const DEMO_ACCOUNTS_BY_AGENCY: Readonly<Record<string, string>> = {
  'Refugee Status Authority': 'asylum.reviewer',
  'Child Protection Service': 'child.protection',
  'Anti-Trafficking Secretariat': 'trafficking.coordinator',
  'Immigration Department': 'immigration.officer',
  'Migration Agency': 'return.counsellor',
  'Haki Legal Aid': 'legal.caseworker',
  'Tumaini Shelter': 'shelter.caseworker',
};

export interface DemoAccount {
  username: string;
  roles: string[];
  agency: { id?: string; name: string; kind: string };
  borderPoints: string[];
}

/** The api in demo mode on a fresh database, with sign-in and reference-data lookups as a client sees them. */
export interface DemoApi {
  app: NestFastifyApplication;
  db: TestDatabase;
  http(): ReturnType<typeof request>;
  /**
   * A bearer header for a demo user, or for a user a test made with DEMO_PASSWORD as the first password: such
   * a user first replaces it (as at a first sign-in), here by another and back, so the tests' password holds.
   */
  as(username: string): Promise<{ authorization: string }>;
  borderPointId(code: string): Promise<string>;
  agencyId(name: string): Promise<string>;
  /** Runs SQL as the database owner (fixtures, and looking at what is really stored). */
  owner<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** `on`: a database another DemoApi made (it stays that api's to drop). */
export async function startDemoApi(suffix?: string, env: Record<string, string> = {}, on?: TestDatabase): Promise<DemoApi> {
  const db = on ?? (await createTestDatabase(suffix));
  const app = await createApiApp(
    testRuntime({
      databaseUrl: db.url,
      entities: KIVUKO_ENTITIES,
      env: { KIVUKO_DEMO: 'true', KIVUKO_DEMO_CASES: 'false', KIVUKO_DEMO_PASSWORD: DEMO_PASSWORD, KIVUKO_LOGIN_LIMIT_PER_IP: '100000', KIVUKO_LOGIN_LIMIT_PER_ACCOUNT: '100000', ...env },
    }),
  );
  const owner = new Client({ connectionString: db.url });
  await owner.connect();
  /** One sign-in per user, shared by concurrent callers (a first password is replaced once, not raced). */
  const tokens = new Map<string, Promise<string>>();
  const http = (): ReturnType<typeof request> => request(app.getHttpServer());
  let borderPoints: { id: string; code: string }[] | undefined;
  let agencies: { id: string; name: string }[] | undefined;

  async function signInAs(username: string): Promise<string> {
    const signIn = async (password: string): Promise<{ accessToken: string; passwordChangeRequired: boolean }> => {
      const res = await http().post('/api/v1/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const change = async (bearer: string, currentPassword: string, newPassword: string): Promise<void> => {
      const res = await http().post('/api/v1/auth/password').set('authorization', `Bearer ${bearer}`).send({ currentPassword, newPassword });
      if (res.status !== 204) throw new Error(`password change of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    };
    let session = await signIn(DEMO_PASSWORD);
    if (session.passwordChangeRequired) {
      const own = `${DEMO_PASSWORD}-own`;
      await change(session.accessToken, DEMO_PASSWORD, own);
      await change((await signIn(own)).accessToken, own, DEMO_PASSWORD);
      session = await signIn(DEMO_PASSWORD);
    }
    return session.accessToken;
  }

  const api: DemoApi = {
    app,
    db,
    http,
    async as(username) {
      let token = tokens.get(username);
      if (!token) {
        token = signInAs(username);
        tokens.set(username, token);
        // A failed sign-in is not kept: the next call tries again.
        token.catch(() => tokens.delete(username));
      }
      return { authorization: `Bearer ${await token}` };
    },
    async borderPointId(code) {
      borderPoints ??= (await http().get('/api/v1/border-points').set(await api.as('sysadmin')).expect(200)).body;
      const found = borderPoints?.find((b) => b.code === code);
      if (!found) throw new Error(`no demo border point ${code}`);
      return found.id;
    },
    async agencyId(name) {
      agencies ??= (await http().get('/api/v1/agencies').set(await api.as('sysadmin')).expect(200)).body;
      const found = agencies?.find((a) => a.name === name);
      if (!found) throw new Error(`no demo agency ${name}`);
      return found.id;
    },
    async owner(sql, params = []) {
      return (await owner.query(sql, params)).rows;
    },
    async close() {
      await owner.end();
      await app.close();
      if (!on) await db.drop();
    },
  };
  return api;
}

import { Clock, Permission, permissionsOf, UnitOfWork, PUBLIC_ROUTE, REQUIRED_PERMISSION, Role } from '@kivuko/platform';
import { createTestDatabase, TEST_JWT_SECRET, TestDatabase, testRuntime } from '@kivuko/platform/testing';
import { SESSION_CACHE_MS, SessionRegistry, TokenService } from '@kivuko/runtime';
import { KIVUKO_ENTITIES } from '@kivuko/runtime';
import { RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from './api-app';

const PASSWORD = 'demo-password-for-tests';

interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  agency: { name: string; kind: string };
  borderPoints: string[];
}

describe('access: sign-in, tokens, permissions, demo', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  const tokens = new Map<string, string>();
  /** The demo roster, as a newcomer sees it at GET /api/v1/demo/accounts. */
  let DEMO_USERS: DemoUser[] = [];

  const http = () => request(app.getHttpServer());
  const auditActions = async (action: string): Promise<number> =>
    Number((await app.get(DataSource).query('SELECT count(*) AS n FROM audit_event WHERE action = $1', [action]))[0].n);

  async function signIn(username: string, password = PASSWORD): Promise<string> {
    const cached = tokens.get(username);
    if (cached && password === PASSWORD) return cached;
    const res = await http().post('/api/v1/auth/login').send({ username, password }).expect(200);
    tokens.set(username, res.body.accessToken);
    return res.body.accessToken;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApp(
      testRuntime({ databaseUrl: db.url, entities: KIVUKO_ENTITIES, env: { KIVUKO_DEMO: 'true', KIVUKO_DEMO_PASSWORD: PASSWORD, KIVUKO_LOGIN_LIMIT_PER_IP: '1000' } }),
    );
    DEMO_USERS = (await request(app.getHttpServer()).get('/api/v1/demo/accounts').expect(200)).body.accounts;
    app.get(Clock).fixAt(new Date());
  }, 60_000);
  // Every test starts a quarter of an hour after the last (as the sign-in throttle sees it), so the
  // failures of one test do not slow down the next: all requests come from one address.
  beforeEach(() => {
    const clock = app.get(Clock);
    clock.fixAt(new Date(clock.now().getTime() + 16 * 60_000));
  });
  const advance = (ms: number): void => {
    const clock = app.get(Clock);
    clock.fixAt(new Date(clock.now().getTime() + ms));
  };
  afterAll(async () => {
    app.get(Clock).fixAt(null);
    await app.close();
    await db.drop();
  });

  it('declares a permission or @Public() on every route, and only the expected routes are public', () => {
    const discovery = app.get(DiscoveryService);
    const scanner = app.get(MetadataScanner);
    const reflector = app.get(Reflector);
    const undeclared: string[] = [];
    const open: string[] = [];
    for (const wrapper of discovery.getControllers()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name] as () => unknown;
        const path = reflector.get<string | undefined>(PATH_METADATA, handler);
        if (path === undefined) continue;
        const method = RequestMethod[reflector.get<RequestMethod>(METHOD_METADATA, handler)];
        const route = `${method} ${String(reflector.get<string>(PATH_METADATA, metatype) ?? '')}/${path}`.replace(/\/+/g, '/').replace(/ \//, ' ').replace(/\/$/, '');
        const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, metatype]);
        const permission = reflector.getAllAndOverride<Permission>(REQUIRED_PERMISSION, [handler, metatype]);
        if (isPublic) open.push(route);
        else if (!permission) undeclared.push(route);
      }
    }
    expect(undeclared).toEqual([]);
    expect(open.sort()).toEqual(['GET demo/accounts', 'GET health/live', 'GET health/ready', 'POST auth/login', 'POST auth/refresh'].sort());
  });

  it('lists the demo accounts with roles, agency and border points, publicly, in demo mode', async () => {
    const res = await http().get('/api/v1/demo/accounts').expect(200);
    expect(res.body.password).toBe(PASSWORD);
    expect(res.body.accounts.length).toBeGreaterThanOrEqual(Object.values(Role).length);
    const roles = new Set(res.body.accounts.flatMap((a: { roles: string[] }) => a.roles));
    expect([...roles].sort()).toEqual(Object.values(Role).sort());
    expect(res.body.accounts).toContainEqual(
      expect.objectContaining({ username: 'border.official', roles: ['BORDER_OFFICIAL'], borderPoints: ['NMG', 'KGM'], agency: { name: 'Border Management Service', kind: 'BORDER_AUTHORITY' } }),
    );
  });

  it('signs in every demo user and answers /me with their agency, border points and permissions', async () => {
    for (const user of DEMO_USERS) {
      const token = await signIn(user.username);
      const me = await http().get('/api/v1/me').set('authorization', `Bearer ${token}`).expect(200);
      expect(me.body).toMatchObject({ username: user.username, roles: user.roles, agency: user.agency });
      expect(me.body.borderPoints.map((b: { code: string }) => b.code).sort()).toEqual([...user.borderPoints].sort());
      expect(me.body.permissions).toEqual([...permissionsOf(user.roles)].sort());
    }
  });

  it('refuses a wrong password with 401 and audits the failure', async () => {
    const before = await auditActions('AUTH.LOGIN_FAILED');
    const res = await http().post('/api/v1/auth/login').send({ username: 'analyst', password: 'not-the-password' }).expect(401);
    expect(res.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    expect(await auditActions('AUTH.LOGIN_FAILED')).toBe(before + 1);
  });

  it('answers an unknown account name exactly as a known one, attempt after attempt, and audits both alike', async () => {
    const before = await auditActions('AUTH.LOGIN_FAILED');
    const answers = async (username: string): Promise<unknown[]> => {
      const seen: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await http().post('/api/v1/auth/login').send({ username, password: `wrong-${i}` });
        seen.push({ status: res.status, code: res.body.code, message: res.body.message, details: res.body.details, retryAfter: res.headers['retry-after'] });
      }
      return seen;
    };
    const known = await answers('sop.admin');
    const unknown = await answers('no.such.person');
    expect(unknown).toEqual(known);
    expect(known.map((a) => (a as { status: number }).status)).toEqual([401, 401, 401, 429, 429, 429]);
    // Three failures each; the refused attempts never reached the password check.
    expect(await auditActions('AUTH.LOGIN_FAILED')).toBe(before + 6);
    const shapes: { outcome: string; reason: string }[] = await app
      .get(DataSource)
      .query(`SELECT outcome, details->>'reason' AS reason FROM audit_event WHERE action = 'AUTH.LOGIN_FAILED' ORDER BY id DESC LIMIT 6`);
    expect(shapes.map((r) => r.outcome)).toEqual(Array(6).fill('FAILURE'));
    expect(shapes.map((r) => r.reason).sort()).toEqual(['unknown_user', 'unknown_user', 'unknown_user', 'wrong_password', 'wrong_password', 'wrong_password']);
  });

  it('slows repeated failures down (1 s, 2 s, … with Retry-After) instead of locking the account: the right password works once the delay has passed', async () => {
    for (let i = 0; i < 3; i++) await http().post('/api/v1/auth/login').send({ username: 'sop.admin', password: `wrong-${i}` }).expect(401);
    const slowed = await http().post('/api/v1/auth/login').send({ username: 'sop.admin', password: PASSWORD }).expect(429);
    expect(slowed.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(slowed.headers['retry-after']).toBe('1');
    advance(1_000);
    await http().post('/api/v1/auth/login').send({ username: 'sop.admin', password: 'wrong-again' }).expect(401);
    expect((await http().post('/api/v1/auth/login').send({ username: 'sop.admin', password: PASSWORD }).expect(429)).headers['retry-after']).toBe('2');
    advance(2_000);
    await http().post('/api/v1/auth/login').send({ username: 'sop.admin', password: PASSWORD }).expect(200);
    // Signed in: the slate is clean.
    await http().post('/api/v1/auth/login').send({ username: 'sop.admin', password: 'wrong-once' }).expect(401);
    await http().post('/api/v1/auth/login').send({ username: 'sop.admin', password: PASSWORD }).expect(200);
  });

  it('does not keep what was typed as the username of an unknown account', async () => {
    await http().post('/api/v1/auth/login').send({ username: 'MySecretPassw0rd', password: 'x' }).expect(401);
    const rows: unknown[] = await app.get(DataSource).query(`SELECT id FROM audit_event WHERE actor_username ILIKE '%mysecretpassw0rd%' OR details::text ILIKE '%mysecretpassw0rd%'`);
    expect(rows).toEqual([]);
  });

  it('refuses a missing, expired, forged or unsigned token', async () => {
    expect((await http().get('/api/v1/me').expect(401)).body.code).toBe('AUTH.TOKEN_MISSING');
    const claims = { sub: '00000000-0000-4000-8000-000000000000', usr: 'x', agy: '00000000-0000-4000-8000-000000000000', rol: ['SYSADMIN'], bps: [] };
    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, TEST_JWT_SECRET, { issuer: 'kivuko', audience: 'kivuko-api' });
    const forged = jwt.sign(claims, 'another-secret-another-secret-another-secret', { issuer: 'kivuko', audience: 'kivuko-api' });
    const unsigned = jwt.sign(claims, '', { algorithm: 'none', issuer: 'kivuko', audience: 'kivuko-api' });
    for (const token of [expired, forged, unsigned, 'not.a.jwt']) {
      const res = await http().get('/api/v1/me').set('authorization', `Bearer ${token}`).expect(401);
      expect(res.body.code).toBe('AUTH.TOKEN_INVALID');
    }
  });

  it('rotates refresh tokens and revokes the whole family when a used one comes back', async () => {
    const login = await http().post('/api/v1/auth/login').send({ username: 'monitor', password: PASSWORD }).expect(200);
    const first = login.body.refreshToken as string;
    const rotated = await http().post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(200);
    expect(rotated.body.refreshToken).not.toBe(first);
    await http().get('/api/v1/me').set('authorization', `Bearer ${rotated.body.accessToken}`).expect(200);
    // The old token again: taken as stolen, so the newer one dies with it.
    expect((await http().post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(401)).body.code).toBe('AUTH.REFRESH_INVALID');
    await http().post('/api/v1/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(401);
    // Both were presented after revocation: each is a reuse, and each is on the record.
    expect(await auditActions('AUTH.REFRESH_REUSED')).toBe(2);
  });

  it('ends the access tokens of a session at once on logout', async () => {
    const login = await http().post('/api/v1/auth/login').send({ username: 'analyst', password: PASSWORD }).expect(200);
    const other = await http().post('/api/v1/auth/login').send({ username: 'analyst', password: PASSWORD }).expect(200);
    await http().get('/api/v1/me').set('authorization', `Bearer ${login.body.accessToken}`).expect(200);
    await http().post('/api/v1/auth/logout').set('authorization', `Bearer ${login.body.accessToken}`).send({ refreshToken: login.body.refreshToken }).expect(204);
    expect((await http().get('/api/v1/me').set('authorization', `Bearer ${login.body.accessToken}`).expect(401)).body.code).toBe('AUTH.TOKEN_INVALID');
    // Another sign-in of the same person is another session, and stays open.
    await http().get('/api/v1/me').set('authorization', `Bearer ${other.body.accessToken}`).expect(200);
  });

  it("ends every access token of a refresh-token family revoked for reuse", async () => {
    const login = await http().post('/api/v1/auth/login').send({ username: 'monitor', password: PASSWORD }).expect(200);
    const rotated = await http().post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(200);
    for (const token of [login.body.accessToken, rotated.body.accessToken]) await http().get('/api/v1/me').set('authorization', `Bearer ${token}`).expect(200);
    await http().post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
    for (const token of [login.body.accessToken, rotated.body.accessToken]) {
      expect((await http().get('/api/v1/me').set('authorization', `Bearer ${token}`).expect(401)).body.code).toBe('AUTH.TOKEN_INVALID');
    }
  });

  it('reads a session from the database at most once per SESSION_CACHE_MS per process: the bound on other replicas', async () => {
    const login = await http().post('/api/v1/auth/login').send({ username: 'analyst', password: PASSWORD }).expect(200);
    const { sid } = jwt.decode(login.body.accessToken) as { sid: string };
    const sessions = new SessionRegistry(app.get(UnitOfWork), app.get(TokenService));
    const t0 = Date.now();
    expect(await sessions.isActive(sid, t0)).toBe(true);
    // Another replica ends the session: this one believes its cached answer until it is due again.
    await app.get(DataSource).query('UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1', [sid]);
    expect(await sessions.isActive(sid, t0 + SESSION_CACHE_MS - 1)).toBe(true);
    expect(await sessions.isActive(sid, t0 + SESSION_CACHE_MS)).toBe(false);
  });

  it('refuses a token signed with the right key but without an expiry', async () => {
    const login = await http().post('/api/v1/auth/login').send({ username: 'analyst', password: PASSWORD }).expect(200);
    const { exp, iat, ...claims } = jwt.decode(login.body.accessToken) as Record<string, unknown>;
    expect(typeof exp).toBe('number');
    expect(typeof iat).toBe('number');
    const withExpiry = jwt.sign({ ...claims, exp }, TEST_JWT_SECRET, { noTimestamp: true });
    await http().get('/api/v1/me').set('authorization', `Bearer ${withExpiry}`).expect(200);
    const forever = jwt.sign(claims, TEST_JWT_SECRET, { noTimestamp: true });
    expect((await http().get('/api/v1/me').set('authorization', `Bearer ${forever}`).expect(401)).body.code).toBe('AUTH.TOKEN_INVALID');
  });

  it('revokes the refresh token on logout', async () => {
    const login = await http().post('/api/v1/auth/login').send({ username: 'analyst', password: PASSWORD }).expect(200);
    await http()
      .post('/api/v1/auth/logout')
      .set('authorization', `Bearer ${login.body.accessToken}`)
      .send({ refreshToken: login.body.refreshToken })
      .expect(204);
    await http().post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
  });

  it("signs out with an empty body: the access token's session ends, its refresh token with it", async () => {
    const login = await http().post('/api/v1/auth/login').send({ username: 'analyst', password: PASSWORD }).expect(200);
    await http().post('/api/v1/auth/logout').set('authorization', `Bearer ${login.body.accessToken}`).send({}).expect(204);
    expect((await http().get('/api/v1/me').set('authorization', `Bearer ${login.body.accessToken}`).expect(401)).body.code).toBe('AUTH.TOKEN_INVALID');
    await http().post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
    const other = await http().post('/api/v1/auth/login').send({ username: 'analyst', password: PASSWORD }).expect(200);
    const bad = await http().post('/api/v1/auth/logout').set('authorization', `Bearer ${other.body.accessToken}`).send({ refreshToken: 'short' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('refreshToken');
  });

  describe('each role on each endpoint', () => {
    const endpoints: { name: string; permission: Permission; call: (token: string) => request.Test }[] = [
      { name: 'GET border-points', permission: Permission.ReferenceDataRead, call: (t) => http().get('/api/v1/border-points').set('authorization', `Bearer ${t}`) },
      {
        name: 'POST border-points',
        permission: Permission.ReferenceDataManage,
        call: (t) => http().post('/api/v1/border-points').set('authorization', `Bearer ${t}`).send({ code: `Q${Math.random().toString(36).slice(2, 5).toUpperCase().replace(/[^A-Z]/g, 'X')}`, name: 'Test post', country: 'KEN', kind: 'LAND' }),
      },
      { name: 'GET agencies', permission: Permission.ReferenceDataRead, call: (t) => http().get('/api/v1/agencies').set('authorization', `Bearer ${t}`) },
      { name: 'GET users', permission: Permission.UsersRead, call: (t) => http().get('/api/v1/users').set('authorization', `Bearer ${t}`) },
      { name: 'GET audit/verify', permission: Permission.AuditVerify, call: (t) => http().get('/api/v1/audit/verify').set('authorization', `Bearer ${t}`) },
    ];
    const accounts = (): DemoUser[] => DEMO_USERS;

    for (const endpoint of endpoints) {
      it(`${endpoint.name}: allowed exactly for the roles holding ${endpoint.permission}`, async () => {
        expect(accounts().length).toBeGreaterThan(10);
        for (const user of accounts()) {
          const allowed = permissionsOf(user.roles).has(endpoint.permission);
          const res = await endpoint.call(await signIn(user.username));
          expect({ user: user.username, status: res.status }).toEqual({ user: user.username, status: allowed ? expect.any(Number) : 403 });
          if (allowed) expect(res.status).toBeLessThan(300);
          else expect(res.body.code).toBe('ACCESS.FORBIDDEN');
        }
      });
    }

    it('audits every denial', async () => {
      const before = await auditActions('ACCESS.DENIED');
      await http().get('/api/v1/users').set('authorization', `Bearer ${await signIn('border.official')}`).expect(403);
      expect(await auditActions('ACCESS.DENIED')).toBe(before + 1);
    });
  });

  it("shows an agency's manager only their own agency's staff", async () => {
    const res = await http().get('/api/v1/users').set('authorization', `Bearer ${await signIn('shelter.manager')}`).expect(200);
    expect(res.body.map((u: { username: string }) => u.username).sort()).toEqual(['shelter.caseworker', 'shelter.manager']);
  });

  it('refuses a border point with an unknown country or a taken code, writing nothing', async () => {
    const token = await signIn('sysadmin');
    const bad = await http().post('/api/v1/border-points').set('authorization', `Bearer ${token}`).send({ code: 'zz', name: 'X', country: 'XXX', kind: 'BRIDGE' }).expect(400);
    expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['code', 'country', 'kind', 'name']);
    const dup = await http().post('/api/v1/border-points').set('authorization', `Bearer ${token}`).send({ code: 'NMG', name: 'Again', country: 'TZA', kind: 'LAND' }).expect(409);
    expect(dup.body.code).toBe('REFERENCE.BORDER_POINT_EXISTS');
    expect(await app.get(DataSource).query(`SELECT count(*)::int AS n FROM border_point WHERE name = 'Again'`)).toEqual([{ n: 0 }]);
  });

  it('creates a user who can then sign in, and refuses one in an agency that does not exist', async () => {
    const token = await signIn('sysadmin');
    const agencies = (await http().get('/api/v1/agencies').set('authorization', `Bearer ${token}`).expect(200)).body as { id: string; name: string }[];
    const shelter = agencies.find((a) => a.name === 'Tumaini Shelter');
    await http()
      .post('/api/v1/users')
      .set('authorization', `Bearer ${token}`)
      .send({ username: 'new.caseworker', displayName: 'New caseworker', agencyId: shelter?.id, roles: ['CASEWORKER'], password: 'a-long-enough-password' })
      .expect(201);
    await http().post('/api/v1/auth/login').send({ username: 'new.caseworker', password: 'a-long-enough-password' }).expect(200);
    const missing = await http()
      .post('/api/v1/users')
      .set('authorization', `Bearer ${token}`)
      .send({ username: 'ghost.user', displayName: 'Ghost', agencyId: '00000000-0000-4000-8000-000000000000', roles: ['CASEWORKER'], password: 'a-long-enough-password' })
      .expect(400);
    expect(missing.body.details.fields).toEqual([{ path: 'agencyId', problem: 'agencyId names no agency' }]);
  });

  it('keeps an unbroken audit trail through all of the above', async () => {
    const res = await http().get('/api/v1/audit/verify').set('authorization', `Bearer ${await signIn('monitor')}`).expect(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.events).toBeGreaterThan(20);
  });
});

describe('access with demo mode off', () => {
  it('has no demo route and no demo users', async () => {
    const db = await createTestDatabase('nodemo');
    const app = await createApiApp(testRuntime({ databaseUrl: db.url, entities: KIVUKO_ENTITIES }));
    try {
      await request(app.getHttpServer()).get('/api/v1/demo/accounts').expect(404);
      expect(await app.get(DataSource).query('SELECT count(*)::int AS n FROM app_user')).toEqual([{ n: 0 }]);
      await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'sysadmin', password: 'kivuko-demo' }).expect(401);
    } finally {
      await app.close();
      await db.drop();
    }
  });
});

describe('demo password changes', () => {
  it('takes a new KIVUKO_DEMO_PASSWORD on the next start: the new one signs in, the old one no longer does', async () => {
    const db = await createTestDatabase('demopw');
    const start = (password: string) =>
      createApiApp(testRuntime({ databaseUrl: db.url, entities: KIVUKO_ENTITIES, env: { KIVUKO_DEMO: 'true', KIVUKO_DEMO_PASSWORD: password } }));
    try {
      const first = await start('first-demo-password');
      await request(first.getHttpServer()).post('/api/v1/auth/login').send({ username: 'analyst', password: 'first-demo-password' }).expect(200);
      await first.close();
      const second = await start('second-demo-password');
      try {
        await request(second.getHttpServer()).post('/api/v1/auth/login').send({ username: 'monitor', password: 'second-demo-password' }).expect(200);
        await request(second.getHttpServer()).post('/api/v1/auth/login').send({ username: 'analyst', password: 'first-demo-password' }).expect(401);
        // The second start updated the demo users it made the first time, and made no new ones.
        const roster = (await request(second.getHttpServer()).get('/api/v1/demo/accounts').expect(200)).body.accounts as unknown[];
        expect(roster.length).toBeGreaterThan(10);
        expect(await second.get(DataSource).query('SELECT count(*)::int AS n FROM app_user')).toEqual([{ n: roster.length }]);
      } finally {
        await second.close();
      }
    } finally {
      await db.drop();
    }
  });
});

import { eventually } from '@kivuko/platform/testing';
import { createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DEMO_PASSWORD, DemoApi, startDemoApi } from './demo-api';

const NEW_PASSWORD = 'a-long-enough-password-2026';

/** An agency's receiving end that keeps every delivery and answers 200. */
async function receiver(): Promise<{ url: string; received: { body: string; signature: string }[]; close(): Promise<void> }> {
  const received: { body: string; signature: string }[] = [];
  const read = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      req.on('end', () => resolve(data));
    });
  const server: Server = createServer((req, res) => {
    void read(req).then((body) => {
      received.push({ body, signature: String(req.headers['x-kivuko-signature']) });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the system administrators: users, agencies, border points and webhooks changed after they were made', () => {
  let api: DemoApi;
  let TUMAINI: string;
  let HAKI: string;
  let NMG: string;
  let KGM: string;
  let sequence = 0;

  const login = (username: string, password: string) => api.http().post('/api/v1/auth/login').send({ username, password });
  const audits = async (action: string): Promise<Record<string, string>[]> =>
    (await api.owner<{ details: Record<string, string> }>(`SELECT details FROM audit_event WHERE action = $1 ORDER BY occurred_at`, [action])).map((r) => r.details);

  /** A new caseworker of Tumaini Shelter, signed in once (an open session). */
  async function newUser(): Promise<{ id: string; username: string; refreshToken: string; accessToken: string }> {
    sequence += 1;
    const username = `admin.test${sequence}`;
    const made = await api.http()
      .post('/api/v1/users')
      .set(await api.as('sysadmin'))
      .send({ username, displayName: `Admin test ${sequence}`, agencyId: TUMAINI, roles: ['CASEWORKER'], password: NEW_PASSWORD })
      .expect(201);
    const session = await login(username, NEW_PASSWORD).expect(200);
    return { id: made.body.id, username, refreshToken: session.body.refreshToken, accessToken: session.body.accessToken };
  }

  beforeAll(async () => {
    api = await startDemoApi('admin');
    TUMAINI = await api.agencyId('Tumaini Shelter');
    HAKI = await api.agencyId('Haki Legal Aid');
    NMG = await api.borderPointId('NMG');
    KGM = await api.borderPointId('KGM');
  }, 60_000);
  afterAll(() => api.close());

  describe('PATCH users/:id', () => {
    it("changes a user's roles, agency and border points, audits which fields changed, and the next refresh carries them", async () => {
      const user = await newUser();
      const res = await api.http()
        .patch(`/api/v1/users/${user.id}`)
        .set(await api.as('sysadmin'))
        .send({ roles: ['BORDER_OFFICIAL'], agencyId: HAKI, borderPointIds: [NMG, KGM], displayName: 'Moved officer' })
        .expect(200);
      expect(res.body).toMatchObject({ id: user.id, username: user.username, displayName: 'Moved officer', agencyId: HAKI, roles: ['BORDER_OFFICIAL'], active: true });
      expect(res.body.borderPointIds.sort()).toEqual([NMG, KGM].sort());
      expect((await audits('REFERENCE.USER_UPDATED')).at(-1)).toMatchObject({ userId: user.id, fields: 'agencyId,borderPointIds,displayName,roles' });

      // The same change again changes nothing: no second audit event.
      const updates = (await audits('REFERENCE.USER_UPDATED')).length;
      await api.http().patch(`/api/v1/users/${user.id}`).set(await api.as('sysadmin')).send({ roles: ['BORDER_OFFICIAL'], agencyId: HAKI }).expect(200);
      expect(await audits('REFERENCE.USER_UPDATED')).toHaveLength(updates);

      const refreshed = await api.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
      const me = await api.http().get('/api/v1/me').set('authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);
      expect(me.body.roles).toEqual(['BORDER_OFFICIAL']);
      expect(me.body.agency.id).toBe(HAKI);
    });

    it('names each bad field, refuses an unknown agency or border point, and answers 404 for an unknown user, changing nothing', async () => {
      const user = await newUser();
      const bad = await api.http().patch(`/api/v1/users/${user.id}`).set(await api.as('sysadmin')).send({ roles: ['KING'], displayName: 'x', username: 'renamed' }).expect(400);
      expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['displayName', 'roles', 'username']);
      const noAgency = await api.http().patch(`/api/v1/users/${user.id}`).set(await api.as('sysadmin')).send({ agencyId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      expect(noAgency.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['agencyId']);
      const noPoint = await api.http().patch(`/api/v1/users/${user.id}`).set(await api.as('sysadmin')).send({ borderPointIds: ['00000000-0000-4000-8000-000000000000'] }).expect(400);
      expect(noPoint.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['borderPointIds']);
      const nulls = await api.http().patch(`/api/v1/users/${user.id}`).set(await api.as('sysadmin')).send({ roles: null, agencyId: null }).expect(400);
      expect(nulls.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['agencyId', 'roles']);
      const missing = await api.http().patch('/api/v1/users/00000000-0000-4000-8000-000000000000').set(await api.as('sysadmin')).send({ displayName: 'Nobody here' }).expect(404);
      expect(missing.body.code).toBe('REFERENCE.USER_NOT_FOUND');
      const [row] = await api.owner<{ roles: string[]; agency_id: string }>(`SELECT roles, agency_id FROM app_user WHERE id = $1`, [user.id]);
      expect(row).toEqual({ roles: ['CASEWORKER'], agency_id: TUMAINI });
    });

    it('is refused to a user without the permission to manage users', async () => {
      const user = await newUser();
      const res = await api.http().patch(`/api/v1/users/${user.id}`).set(await api.as('shelter.manager')).send({ roles: ['SYSADMIN'] }).expect(403);
      expect(res.body.code).toBe('ACCESS.FORBIDDEN');
    });
  });

  describe('POST users/:id/password-reset', () => {
    it('gives a temporary password once that signs in, while the old password and the open sessions stop working', async () => {
      const user = await newUser();
      const res = await api.http().post(`/api/v1/users/${user.id}/password-reset`).set(await api.as('sysadmin')).expect(200);
      const temporary = res.body.temporaryPassword as string;
      expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(JSON.stringify(await api.owner(`SELECT * FROM audit_event WHERE action = 'REFERENCE.USER_PASSWORD_RESET'`))).not.toContain(temporary);
      expect((await audits('REFERENCE.USER_PASSWORD_RESET')).at(-1)).toMatchObject({ userId: user.id, sessionsEnded: 1 });

      expect((await login(user.username, NEW_PASSWORD).expect(401)).body.code).toBe('AUTH.INVALID_CREDENTIALS');
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
      await api.http().get('/api/v1/me').set('authorization', `Bearer ${user.accessToken}`).expect(401);
      await login(user.username, temporary).expect(200);

      const again = await api.http().post(`/api/v1/users/${user.id}/password-reset`).set(await api.as('sysadmin')).expect(200);
      expect(again.body.temporaryPassword).not.toBe(temporary);
    });

    it('answers 404 for an unknown user and 403 to a user who may not manage users', async () => {
      const missing = await api.http().post('/api/v1/users/00000000-0000-4000-8000-000000000000/password-reset').set(await api.as('sysadmin')).expect(404);
      expect(missing.body.code).toBe('REFERENCE.USER_NOT_FOUND');
      const user = await newUser();
      await api.http().post(`/api/v1/users/${user.id}/password-reset`).set(await api.as('monitor')).expect(403);
      await login(user.username, NEW_PASSWORD).expect(200);
    });
  });

  describe('POST users/:id/deactivate', () => {
    it("ends the user's sessions and refuses their sign-in with a clear error only to whoever types the right password", async () => {
      const user = await newUser();
      const res = await api.http().post(`/api/v1/users/${user.id}/deactivate`).set(await api.as('sysadmin')).expect(200);
      expect(res.body).toMatchObject({ id: user.id, active: false });
      expect((await audits('REFERENCE.USER_DEACTIVATED')).at(-1)).toMatchObject({ userId: user.id, sessionsEnded: 1 });

      await api.http().get('/api/v1/me').set('authorization', `Bearer ${user.accessToken}`).expect(401);
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
      expect((await login(user.username, NEW_PASSWORD).expect(401)).body.code).toBe('AUTH.ACCOUNT_DEACTIVATED');
      // A wrong password learns nothing: the answer of an unknown account.
      expect((await login(user.username, 'not-the-password-at-all').expect(401)).body.code).toBe('AUTH.INVALID_CREDENTIALS');

      const listed = await api.http().get('/api/v1/users').set(await api.as('sysadmin')).expect(200);
      expect(listed.body.find((u: { id: string }) => u.id === user.id)).toMatchObject({ active: false });
    });

    it('refuses deactivating oneself or an account deactivated already (409), an unknown user (404) and a caller without the permission', async () => {
      const me = await api.http().get('/api/v1/me').set(await api.as('sysadmin')).expect(200);
      const self = await api.http().post(`/api/v1/users/${me.body.id}/deactivate`).set(await api.as('sysadmin')).expect(409);
      expect(self.body.code).toBe('REFERENCE.SELF_DEACTIVATION');
      const user = await newUser();
      await api.http().post(`/api/v1/users/${user.id}/deactivate`).set(await api.as('shelter.manager')).expect(403);
      await api.http().post(`/api/v1/users/${user.id}/deactivate`).set(await api.as('sysadmin')).expect(200);
      const twice = await api.http().post(`/api/v1/users/${user.id}/deactivate`).set(await api.as('sysadmin')).expect(409);
      expect(twice.body.code).toBe('REFERENCE.USER_INACTIVE');
      const missing = await api.http().post('/api/v1/users/00000000-0000-4000-8000-000000000000/deactivate').set(await api.as('sysadmin')).expect(404);
      expect(missing.body.code).toBe('REFERENCE.USER_NOT_FOUND');
      await login('sysadmin', DEMO_PASSWORD).expect(200);
    });
  });

  describe('PATCH agencies/:id and border-points/:id', () => {
    it("changes an agency's kind, services, coverage, languages and capacity, and lifts the capacity with null", async () => {
      const made = await api.http().post('/api/v1/agencies').set(await api.as('sysadmin')).send({ name: 'Upendo Health Centre', kind: 'NGO' }).expect(201);
      const res = await api.http()
        .patch(`/api/v1/agencies/${made.body.id}`)
        .set(await api.as('sysadmin'))
        .send({ kind: 'HEALTH', services: ['MEDICAL_CARE'], coverageBorderPointIds: [NMG], coverageRegions: ['Arusha'], languages: ['sw', 'en'], dailyCapacity: 12 })
        .expect(200);
      expect(res.body).toMatchObject({ id: made.body.id, name: 'Upendo Health Centre', kind: 'HEALTH', services: ['MEDICAL_CARE'], coverageBorderPointIds: [NMG], languages: ['sw', 'en'], dailyCapacity: 12 });
      expect((await audits('REFERENCE.AGENCY_UPDATED')).at(-1)).toMatchObject({ agencyId: made.body.id, fields: 'coverageBorderPointIds,coverageRegions,dailyCapacity,kind,languages,services' });
      const lifted = await api.http().patch(`/api/v1/agencies/${made.body.id}`).set(await api.as('sysadmin')).send({ dailyCapacity: null }).expect(200);
      expect(lifted.body.dailyCapacity).toBeNull();
      const listed = await api.http().get('/api/v1/agencies').set(await api.as('border.official')).expect(200);
      expect(listed.body.find((a: { id: string }) => a.id === made.body.id)).toMatchObject({ kind: 'HEALTH', dailyCapacity: null });
    });

    it('refuses bad fields, a taken name (409), an unknown agency (404) and a caller without the permission, changing nothing', async () => {
      const bad = await api.http().patch(`/api/v1/agencies/${HAKI}`).set(await api.as('sysadmin')).send({ kind: 'PIRATES', dailyCapacity: -1, webhookUrl: 'https://x.example.org' }).expect(400);
      expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['dailyCapacity', 'kind', 'webhookUrl']);
      const nulls = await api.http().patch(`/api/v1/agencies/${HAKI}`).set(await api.as('sysadmin')).send({ name: null, kind: null, services: null }).expect(400);
      expect(nulls.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['kind', 'name', 'services']);
      const taken = await api.http().patch(`/api/v1/agencies/${HAKI}`).set(await api.as('sysadmin')).send({ name: 'Tumaini Shelter' }).expect(409);
      expect(taken.body.code).toBe('REFERENCE.AGENCY_EXISTS');
      const missing = await api.http().patch('/api/v1/agencies/00000000-0000-4000-8000-000000000000').set(await api.as('sysadmin')).send({ dailyCapacity: 3 }).expect(404);
      expect(missing.body.code).toBe('REFERENCE.AGENCY_UNKNOWN');
      await api.http().patch(`/api/v1/agencies/${HAKI}`).set(await api.as('shelter.manager')).send({ dailyCapacity: 3 }).expect(403);
      const [row] = await api.owner<{ name: string; kind: string }>(`SELECT name, kind FROM agency WHERE id = $1`, [HAKI]);
      expect(row).toEqual({ name: 'Haki Legal Aid', kind: 'NGO' });
    });

    it("changes a border point's name, region and state but never its code", async () => {
      const made = await api.http().post('/api/v1/border-points').set(await api.as('sysadmin')).send({ code: 'ADM', name: 'Admin test crossing', country: 'TZA', kind: 'LAND' }).expect(201);
      const res = await api.http().patch(`/api/v1/border-points/${made.body.id}`).set(await api.as('sysadmin')).send({ name: 'Renamed crossing', region: 'Tanga', active: false }).expect(200);
      expect(res.body).toMatchObject({ id: made.body.id, code: 'ADM', name: 'Renamed crossing', region: 'Tanga', active: false });
      expect((await audits('REFERENCE.BORDER_POINT_UPDATED')).at(-1)).toMatchObject({ borderPointId: made.body.id, fields: 'active,name,region' });
      const bad = await api.http().patch(`/api/v1/border-points/${made.body.id}`).set(await api.as('sysadmin')).send({ code: 'XYZ', country: 'XXX' }).expect(400);
      expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['code', 'country']);
      const missing = await api.http().patch('/api/v1/border-points/00000000-0000-4000-8000-000000000000').set(await api.as('sysadmin')).send({ name: 'Nowhere' }).expect(404);
      expect(missing.body.code).toBe('REFERENCE.BORDER_POINT_NOT_FOUND');
      await api.http().patch(`/api/v1/border-points/${made.body.id}`).set(await api.as('border.supervisor')).send({ name: 'Nope' }).expect(403);
    });
  });

  describe('agencies/:id/webhook: status and test event', () => {
    it('shows whether the agency has a webhook and sends a signed test event through the outbox', async () => {
      const hook = await receiver();
      try {
        const none = await api.http().get(`/api/v1/agencies/${HAKI}/webhook`).set(await api.as('sysadmin')).expect(200);
        expect(none.body).toEqual({ url: null, registeredAt: null });
        const noHook = await api.http().post(`/api/v1/agencies/${HAKI}/webhook/test`).set(await api.as('sysadmin')).expect(404);
        expect(noHook.body.code).toBe('WEBHOOK.NOT_FOUND');

        const { secret } = (await api.http().put(`/api/v1/agencies/${HAKI}/webhook`).set(await api.as('sysadmin')).send({ url: hook.url }).expect(200)).body as { secret: string };
        const set = await api.http().get(`/api/v1/agencies/${HAKI}/webhook`).set(await api.as('sysadmin')).expect(200);
        expect(set.body).toEqual({ url: hook.url, registeredAt: expect.any(String) });
        expect(JSON.stringify(set.body)).not.toContain(secret);

        const queued = await api.http().post(`/api/v1/agencies/${HAKI}/webhook/test`).set(await api.as('sysadmin')).expect(202);
        const eventId = queued.body.eventId as string;
        expect((await audits('WEBHOOK.TEST_QUEUED')).at(-1)).toEqual({ agencyId: HAKI, eventId });
        await eventually(() => {
          if (hook.received.length < 1) throw new Error('no delivery yet');
        }, 10_000);
        const [delivery] = hook.received;
        expect(JSON.parse(delivery.body)).toEqual({ id: eventId, event: 'webhook.test', occurredAt: expect.any(String) });
        const [, t, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(delivery.signature) as RegExpExecArray;
        expect(createHmac('sha256', secret).update(`${t}.${delivery.body}`).digest('hex')).toBe(mac);

        const other = await api.http().post(`/api/v1/agencies/${HAKI}/webhook/test`).set(await api.as('shelter.manager')).expect(403);
        expect(other.body.code).toBe('WEBHOOK.OTHER_AGENCY');
        await api.http().get(`/api/v1/agencies/${HAKI}/webhook`).set(await api.as('shelter.manager')).expect(403);
      } finally {
        await hook.close();
      }
    }, 30_000);
  });
});

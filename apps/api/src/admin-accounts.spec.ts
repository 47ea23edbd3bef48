import { DEMO_PASSWORD, DemoApi, startDemoApi } from './demo-api';

const FIRST_PASSWORD = 'first-password-from-admin';
const OWN_PASSWORD = 'my-own-password-2026';

describe('accounts: the password change after a reset or a first password, reactivation, clearing contacts', () => {
  let api: DemoApi;
  let TUMAINI: string;
  let sequence = 0;

  const login = (username: string, password: string) => api.http().post('/api/v1/auth/login').send({ username, password });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const changePassword = (token: string, body: object) => api.http().post('/api/v1/auth/password').set(bearer(token)).send(body);
  const audits = async (action: string): Promise<{ details: Record<string, unknown>; outcome: string; actor_id: string | null }[]> =>
    api.owner(`SELECT details, outcome, actor_user_id AS actor_id FROM audit_event WHERE action = $1 ORDER BY occurred_at`, [action]);
  const flagOf = async (id: string): Promise<boolean> => (await api.owner<{ f: boolean }>(`SELECT must_change_password AS f FROM app_user WHERE id = $1`, [id]))[0].f;

  /** A caseworker of Tumaini Shelter the system administrator made, with the first password she gave. */
  async function newUser(): Promise<{ id: string; username: string }> {
    sequence += 1;
    const username = `accounts.test${sequence}`;
    const made = await api.http()
      .post('/api/v1/users')
      .set(await api.as('sysadmin'))
      .send({ username, displayName: `Accounts test ${sequence}`, agencyId: TUMAINI, roles: ['CASEWORKER'], password: FIRST_PASSWORD })
      .expect(201);
    return { id: made.body.id, username };
  }

  beforeAll(async () => {
    api = await startDemoApi('accounts');
    TUMAINI = await api.agencyId('Tumaini Shelter');
  }, 60_000);
  afterAll(() => api.close());

  describe('the password change a first or temporary password requires', () => {
    it('flags a new user, whose sign-in gives a session that may only change the password, see who it is, or sign out', async () => {
      const user = await newUser();
      expect(await flagOf(user.id)).toBe(true);
      const listed = await api.http().get('/api/v1/users').set(await api.as('sysadmin')).expect(200);
      expect(listed.body.find((u: { id: string }) => u.id === user.id)).toMatchObject({ mustChangePassword: true });

      const session = await login(user.username, FIRST_PASSWORD).expect(200);
      expect(session.body.passwordChangeRequired).toBe(true);
      const token = session.body.accessToken as string;
      const me = await api.http().get('/api/v1/me').set(bearer(token)).expect(200);
      expect(me.body).toMatchObject({ username: user.username, passwordChangeRequired: true });
      // Every other route, reads and writes, whatever the roles allow.
      for (const call of [
        api.http().get('/api/v1/cases').set(bearer(token)),
        api.http().get('/api/v1/border-points').set(bearer(token)),
        api.http().get('/api/v1/referrals').set(bearer(token)),
        api.http().post('/api/v1/intakes').set(bearer(token)).send({}),
      ]) {
        const refused = await call.expect(403);
        expect(refused.body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
      }
      // A refresh keeps the session held: the flag is read again, not forgotten.
      const refreshed = await api.http().post('/api/v1/auth/refresh').send({ refreshToken: session.body.refreshToken }).expect(200);
      expect(refreshed.body.passwordChangeRequired).toBe(true);
      expect((await api.http().get('/api/v1/cases').set(bearer(refreshed.body.accessToken)).expect(403)).body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
      // Signing out is open.
      await api.http().post('/api/v1/auth/logout').set(bearer(refreshed.body.accessToken)).send({}).expect(204);
    });

    it("flags the account a reset gave a temporary password, whatever it was before, but never a demo account's", async () => {
      const user = await newUser();
      const first = await login(user.username, FIRST_PASSWORD).expect(200);
      await changePassword(first.body.accessToken, { currentPassword: FIRST_PASSWORD, newPassword: OWN_PASSWORD }).expect(204);
      expect(await flagOf(user.id)).toBe(false);

      const reset = await api.http().post(`/api/v1/users/${user.id}/password-reset`).set(await api.as('sysadmin')).expect(200);
      expect(await flagOf(user.id)).toBe(true);
      const session = await login(user.username, reset.body.temporaryPassword).expect(200);
      expect(session.body.passwordChangeRequired).toBe(true);
      expect((await api.http().get('/api/v1/cases').set(bearer(session.body.accessToken)).expect(403)).body.code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');

      const [demo] = await api.owner<{ id: string }>(`SELECT id FROM app_user WHERE username = 'legal.caseworker'`);
      const demoReset = await api.http().post(`/api/v1/users/${demo.id}/password-reset`).set(await api.as('sysadmin')).expect(200);
      expect(await flagOf(demo.id)).toBe(false);
      expect((await login('legal.caseworker', demoReset.body.temporaryPassword).expect(200)).body.passwordChangeRequired).toBe(false);
      expect((await login('sysadmin', DEMO_PASSWORD).expect(200)).body.passwordChangeRequired).toBe(false);
    });

    it('clears the flag with the right current password and a new one, ends the other sessions, keeps this one and audits it', async () => {
      const user = await newUser();
      const other = await login(user.username, FIRST_PASSWORD).expect(200);
      const session = await login(user.username, FIRST_PASSWORD).expect(200);
      const token = session.body.accessToken as string;

      await changePassword(token, { currentPassword: FIRST_PASSWORD, newPassword: OWN_PASSWORD }).expect(204);
      expect(await flagOf(user.id)).toBe(false);
      expect((await audits('AUTH.PASSWORD_CHANGED')).at(-1)).toMatchObject({ outcome: 'SUCCESS', actor_id: user.id, details: { required: true, sessionsEnded: 1 } });
      expect(JSON.stringify(await audits('AUTH.PASSWORD_CHANGED'))).not.toContain(OWN_PASSWORD);

      // The other session is over; this one goes on, and its next refresh is no longer held.
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: other.body.refreshToken }).expect(401);
      await api.http().get('/api/v1/me').set(bearer(other.body.accessToken)).expect(401);
      const refreshed = await api.http().post('/api/v1/auth/refresh').send({ refreshToken: session.body.refreshToken }).expect(200);
      expect(refreshed.body.passwordChangeRequired).toBe(false);
      await api.http().get('/api/v1/cases').set(bearer(refreshed.body.accessToken)).expect(200);

      // The first password no longer signs in; the new one does, unheld.
      expect((await login(user.username, FIRST_PASSWORD).expect(401)).body.code).toBe('AUTH.INVALID_CREDENTIALS');
      expect((await login(user.username, OWN_PASSWORD).expect(200)).body.passwordChangeRequired).toBe(false);

      // A change nobody asked for works the same way from an ordinary session.
      await changePassword(refreshed.body.accessToken, { currentPassword: OWN_PASSWORD, newPassword: 'another-own-password' }).expect(204);
      expect((await audits('AUTH.PASSWORD_CHANGED')).at(-1)).toMatchObject({ actor_id: user.id, details: { required: false, sessionsEnded: 1 } });
      await login(user.username, 'another-own-password').expect(200);
    });

    it('refuses a wrong current password (400 naming it, audited), a short new one, the same one, and missing fields, changing nothing', async () => {
      const user = await newUser();
      const token = (await login(user.username, FIRST_PASSWORD).expect(200)).body.accessToken as string;

      const wrong = await changePassword(token, { currentPassword: 'not-the-first-password', newPassword: OWN_PASSWORD }).expect(400);
      expect(wrong.body.details.fields).toEqual([{ path: 'currentPassword', problem: 'currentPassword is not your current password' }]);
      expect((await audits('AUTH.PASSWORD_CHANGE_FAILED')).at(-1)).toMatchObject({ outcome: 'FAILURE', actor_id: user.id, details: { reason: 'wrong_password' } });

      const short = await changePassword(token, { currentPassword: FIRST_PASSWORD, newPassword: 'short' }).expect(400);
      expect(short.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['newPassword']);
      const same = await changePassword(token, { currentPassword: FIRST_PASSWORD, newPassword: FIRST_PASSWORD }).expect(400);
      expect(same.body.details.fields).toEqual([{ path: 'newPassword', problem: 'newPassword must differ from the current password' }]);
      const missing = await changePassword(token, {}).expect(400);
      expect(missing.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['currentPassword', 'newPassword']);

      expect(await flagOf(user.id)).toBe(true);
      await login(user.username, FIRST_PASSWORD).expect(200);
      await api.http().post('/api/v1/auth/password').send({ currentPassword: FIRST_PASSWORD, newPassword: OWN_PASSWORD }).expect(401);
    });
  });

  describe('POST users/:id/reactivate', () => {
    it('lets a deactivated user sign in again, audited; refuses an active account (409), an unknown one (404) and a caller without the permission', async () => {
      const user = await newUser();
      await api.http().post(`/api/v1/users/${user.id}/deactivate`).set(await api.as('sysadmin')).expect(200);
      expect((await login(user.username, FIRST_PASSWORD).expect(401)).body.code).toBe('AUTH.ACCOUNT_DEACTIVATED');

      await api.http().post(`/api/v1/users/${user.id}/reactivate`).set(await api.as('shelter.manager')).expect(403);
      const res = await api.http().post(`/api/v1/users/${user.id}/reactivate`).set(await api.as('sysadmin')).expect(200);
      expect(res.body).toMatchObject({ id: user.id, active: true });
      expect((await audits('REFERENCE.USER_REACTIVATED')).at(-1)).toMatchObject({ details: { userId: user.id } });
      await login(user.username, FIRST_PASSWORD).expect(200);

      const twice = await api.http().post(`/api/v1/users/${user.id}/reactivate`).set(await api.as('sysadmin')).expect(409);
      expect(twice.body.code).toBe('REFERENCE.USER_ACTIVE');
      const missing = await api.http().post('/api/v1/users/00000000-0000-4000-8000-000000000000/reactivate').set(await api.as('sysadmin')).expect(404);
      expect(missing.body.code).toBe('REFERENCE.USER_NOT_FOUND');
    });
  });

  describe("clearing an agency's contacts", () => {
    it('clears the e-mail and phone with null or empty, audits which fields, and names malformed values in a 400', async () => {
      const made = await api.http()
        .post('/api/v1/agencies')
        .set(await api.as('sysadmin'))
        .send({ name: 'Contacts test NGO', kind: 'NGO', contactEmail: 'desk@contacts.example.org', contactPhone: '+255 22 123 4567' })
        .expect(201);
      const id = made.body.id as string;
      const patch = async (body: object) => api.http().patch(`/api/v1/agencies/${id}`).set(await api.as('sysadmin')).send(body);

      const bad = await (await patch({ contactEmail: 'not an address', contactPhone: 'call me' })).body;
      expect(bad.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['contactEmail', 'contactPhone']);

      const byNull = await patch({ contactEmail: null });
      expect(byNull.status).toBe(200);
      expect(byNull.body).toMatchObject({ contactEmail: null, contactPhone: '+255 22 123 4567' });
      expect((await audits('REFERENCE.AGENCY_UPDATED')).at(-1)).toMatchObject({ details: { agencyId: id, fields: 'contactEmail' } });

      const byEmpty = await patch({ contactPhone: '  ' });
      expect(byEmpty.status).toBe(200);
      expect(byEmpty.body).toMatchObject({ contactEmail: null, contactPhone: null });

      const again = await patch({ contactEmail: 'intake@contacts.example.org', contactPhone: '' });
      expect(again.status).toBe(200);
      const [row] = await api.owner<{ contact_email: string | null; contact_phone: string | null }>(`SELECT contact_email, contact_phone FROM agency WHERE id = $1`, [id]);
      expect(row).toEqual({ contact_email: 'intake@contacts.example.org', contact_phone: null });
    });
  });
});

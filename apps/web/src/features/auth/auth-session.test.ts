import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { AuthSession, SESSION_STORAGE_KEY } from './auth-session';

const ORIGIN = 'http://kivuko.test';
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fake api: sign-in, refresh (rotating tokens), logout, and one protected route that checks the bearer token. */
class FakeApi {
  calls: { path: string; authorization: string | null; body: unknown }[] = [];
  validAccess = new Set<string>();
  validRefresh = new Set<string>();
  private counter = 0;
  refreshDelay: Promise<void> = Promise.resolve();

  /** The account signs in with a password someone else chose, until POST /auth/password replaces it. */
  mustChangePassword = false;

  private pair() {
    this.counter += 1;
    const pair = { accessToken: `access-${this.counter}`, refreshToken: `refresh-${this.counter}`, tokenType: 'Bearer', expiresIn: 900, passwordChangeRequired: this.mustChangePassword };
    this.validAccess.add(pair.accessToken);
    this.validRefresh.add(pair.refreshToken);
    return pair;
  }

  fetch = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const body = request.method === 'POST' ? ((await request.json()) as Record<string, string>) : null;
    this.calls.push({ path, authorization: request.headers.get('authorization'), body });
    if (path === '/api/v1/auth/login') {
      if (body?.password === 'tries') return json(429, { code: 'AUTH.TOO_MANY_ATTEMPTS', correlationId: 'c-1', details: { retryAfterSeconds: 8 } }, { 'retry-after': '8' });
      return body?.password === 'kivuko-demo' ? json(200, this.pair()) : json(401, { code: 'AUTH.INVALID_CREDENTIALS', correlationId: 'c-2' });
    }
    if (path === '/api/v1/auth/refresh') {
      await this.refreshDelay;
      const token = body?.refreshToken ?? '';
      if (token === 'not-a-token') return json(400, { code: 'REQUEST.VALIDATION_FAILED', correlationId: 'c-5' });
      if (token === 'server-down') return json(503, { code: 'HEALTH.NOT_READY', correlationId: 'c-6' });
      if (!this.validRefresh.delete(token)) return json(401, { code: 'AUTH.REFRESH_INVALID', correlationId: 'c-3' });
      return json(200, this.pair());
    }
    if (path === '/api/v1/auth/logout') return new Response(null, { status: 204 });
    if (path === '/api/v1/auth/password') {
      if (!this.validAccess.has(request.headers.get('authorization')?.replace('Bearer ', '') ?? '')) return json(401, { code: 'AUTH.TOKEN_INVALID', correlationId: 'c-7' });
      if (body?.currentPassword !== 'kivuko-demo') {
        return json(400, { code: 'REQUEST.VALIDATION_FAILED', correlationId: 'c-8', details: { fields: [{ path: 'currentPassword', problem: 'currentPassword is not your current password' }] } });
      }
      this.mustChangePassword = false;
      return new Response(null, { status: 204 });
    }
    const token = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';
    return this.validAccess.has(token) ? json(200, { ok: true }) : json(401, { code: 'AUTH.TOKEN_INVALID', correlationId: 'c-4' });
  };

  count(path: string): number {
    return this.calls.filter((call) => call.path === path).length;
  }
}

const get = (path: string) => new Request(new URL(path, ORIGIN));

describe('AuthSession', () => {
  let api: FakeApi;
  let now: number;
  const session = () => new AuthSession({ fetch: api.fetch, storage: window.sessionStorage, origin: ORIGIN, now: () => now });

  beforeEach(() => {
    window.sessionStorage.clear();
    api = new FakeApi();
    now = Date.parse('2026-12-07T08:00:00Z');
  });

  it('signs in, sends the access token as a bearer token, and keeps only the refresh token in storage', async () => {
    const auth = session();
    await auth.signIn(' Border.Official ', 'kivuko-demo');
    expect(auth.username).toBe('border.official');
    const response = await auth.fetch(get('/api/v1/me'));
    expect(response.status).toBe(200);
    expect(api.calls.at(-1)?.authorization).toBe('Bearer access-1');
    const stored = window.sessionStorage.getItem(SESSION_STORAGE_KEY) ?? '';
    expect(JSON.parse(stored)).toEqual({ username: 'border.official', refreshToken: 'refresh-1' });
    expect(stored).not.toContain('access-1');
  });

  it('keeps a session held at the password change across a reload, and releases it once the password is changed', async () => {
    api.mustChangePassword = true;
    const auth = session();
    await auth.signIn('new.caseworker', 'kivuko-demo');
    expect(auth.passwordChangeRequired).toBe(true);
    expect(session().passwordChangeRequired).toBe(true);

    const wrong = await auth.changePassword('not-it', 'my-own-password-2026').catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(ApiError);
    expect((wrong as ApiError).fields.map((f) => f.path)).toEqual(['currentPassword']);
    expect(auth.passwordChangeRequired).toBe(true);

    await auth.changePassword('kivuko-demo', 'my-own-password-2026');
    expect(api.calls.map((call) => call.path).slice(-2)).toEqual(['/api/v1/auth/password', '/api/v1/auth/refresh']);
    expect(auth.passwordChangeRequired).toBe(false);
    expect(session().passwordChangeRequired).toBe(false);
  });

  it('refuses a wrong password with the api code, and a throttled sign-in with its Retry-After', async () => {
    const auth = session();
    await expect(auth.signIn('border.official', 'wrong')).rejects.toMatchObject({ status: 401, code: 'AUTH.INVALID_CREDENTIALS' });
    const throttled = await auth.signIn('border.official', 'tries').catch((error: unknown) => error);
    expect(throttled).toBeInstanceOf(ApiError);
    expect(throttled).toMatchObject({ status: 429, code: 'AUTH.TOO_MANY_ATTEMPTS', retryAfterSeconds: 8 });
    expect(auth.username).toBeNull();
  });

  it('refreshes once for all the requests that got a 401 at the same time, and retries each with the new token', async () => {
    const auth = session();
    await auth.signIn('border.official', 'kivuko-demo');
    api.validAccess.clear(); // the access token was revoked or expired at the api
    let release!: () => void;
    api.refreshDelay = new Promise((resolve) => (release = resolve));
    const pending = [auth.fetch(get('/api/v1/me')), auth.fetch(get('/api/v1/cases')), auth.fetch(get('/api/v1/tasks'))];
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    const responses = await Promise.all(pending);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(api.count('/api/v1/auth/refresh')).toBe(1);
    const retried = api.calls.filter((call) => call.path !== '/api/v1/auth/refresh' && call.authorization === 'Bearer access-2');
    expect(retried.map((call) => call.path).sort()).toEqual(['/api/v1/cases', '/api/v1/me', '/api/v1/tasks']);
  });

  it('retries a POST with its body after refreshing', async () => {
    const auth = session();
    await auth.signIn('border.official', 'kivuko-demo');
    api.validAccess.clear();
    const post = new Request(new URL('/api/v1/intakes', ORIGIN), { method: 'POST', body: JSON.stringify({ intakeId: 'abc' }), headers: { 'content-type': 'application/json' } });
    const response = await auth.fetch(post);
    expect(response.status).toBe(200);
    expect(api.calls.filter((call) => call.path === '/api/v1/intakes').map((call) => call.body)).toEqual([{ intakeId: 'abc' }, { intakeId: 'abc' }]);
  });

  it('refreshes before sending when the access token is about to expire', async () => {
    const auth = session();
    await auth.signIn('border.official', 'kivuko-demo');
    now += 890_000; // 10 s before the 15 minutes run out
    await auth.fetch(get('/api/v1/me'));
    expect(api.count('/api/v1/auth/refresh')).toBe(1);
    expect(api.calls.at(-1)).toMatchObject({ path: '/api/v1/me', authorization: 'Bearer access-2' });
  });

  it('after a reload, gets an access token from the stored refresh token', async () => {
    await session().signIn('border.official', 'kivuko-demo');
    const reloaded = session();
    expect(reloaded.username).toBe('border.official');
    expect((await reloaded.fetch(get('/api/v1/me'))).status).toBe(200);
    expect(api.count('/api/v1/auth/refresh')).toBe(1);
  });

  it('ends the session when the api refuses the refresh token, and tells its listeners', async () => {
    const auth = session();
    await auth.signIn('border.official', 'kivuko-demo');
    api.validAccess.clear();
    api.validRefresh.clear(); // revoked (signed out elsewhere, or reused)
    let told = 0;
    auth.subscribe(() => (told += 1));
    const response = await auth.fetch(get('/api/v1/me'));
    expect(response.status).toBe(401);
    expect(auth.username).toBeNull();
    expect(window.sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(told).toBe(1);
    expect(auth.expired).toBe(true);
  });

  it('ends a session whose stored refresh token the api refuses as malformed, but keeps it through a server error', async () => {
    window.sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ username: 'border.official', refreshToken: 'server-down' }));
    const waiting = session();
    expect((await waiting.fetch(get('/api/v1/me'))).status).toBe(401);
    expect(waiting.username).toBe('border.official');
    window.sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ username: 'border.official', refreshToken: 'not-a-token' }));
    const broken = session();
    await broken.fetch(get('/api/v1/me'));
    expect(broken.username).toBeNull();
    expect(broken.expired).toBe(true);
  });

  it('signs out at the api with the bearer and refresh tokens, and forgets both', async () => {
    const auth = session();
    await auth.signIn('border.official', 'kivuko-demo');
    await auth.signOut();
    expect(api.calls.at(-1)).toEqual({ path: '/api/v1/auth/logout', authorization: 'Bearer access-1', body: { refreshToken: 'refresh-1' } });
    expect(auth.username).toBeNull();
    expect(auth.expired).toBe(false);
    expect(window.sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    // Signed out, nothing more reaches the api: a request is answered 401 on the spot.
    const calls = api.calls.length;
    const answer = await auth.fetch(get('/api/v1/me'));
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    expect(api.calls).toHaveLength(calls);
  });

  it('forgets the session locally even when the api cannot be reached at sign-out', async () => {
    const auth = session();
    await auth.signIn('border.official', 'kivuko-demo');
    const offline = new AuthSession({ fetch: () => Promise.reject(new TypeError('offline')), storage: window.sessionStorage, origin: ORIGIN, now: () => now });
    await offline.signOut();
    expect(offline.username).toBeNull();
    expect(window.sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('reports an unreachable api as a network error, not as a refusal', async () => {
    const offline = new AuthSession({ fetch: () => Promise.reject(new TypeError('offline')), storage: window.sessionStorage, origin: ORIGIN });
    await expect(offline.signIn('border.official', 'kivuko-demo')).rejects.toMatchObject({ status: 0, code: 'NETWORK.UNREACHABLE' });
  });
});

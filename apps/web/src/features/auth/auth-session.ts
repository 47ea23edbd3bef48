import { ApiError } from '../../api/api-error';
import type { components } from '../../api/schema';

/** POST /auth/login and /auth/refresh answer with this pair (the document has no schema for it yet). */
export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  /** Signed in with a password someone else chose: the session may only change it (or sign out). */
  passwordChangeRequired?: boolean;
}

type LoginBody = components['schemas']['LoginDto'];
type RefreshBody = components['schemas']['RefreshDto'];
type ChangePasswordBody = components['schemas']['ChangePasswordDto'];

/** What survives a reload of the tab: the refresh token and whose it is. Never the access token. */
interface StoredSession {
  username: string;
  refreshToken: string;
  /** Held at the password change (a reload keeps the user on that page). */
  passwordChangeRequired?: boolean;
}

/** How a session ended: signed out by the user, signed out after inactivity, or refused by the api. */
type EndReason = 'signed-out' | 'idle' | 'expired';

export const SESSION_STORAGE_KEY = 'kivuko.session';
/** Refresh this long before the access token expires, so a request never leaves with a dying token. */
const EARLY_REFRESH_MS = 30_000;

export interface AuthSessionOptions {
  /** The network: window.fetch in the app, a fake in tests. */
  fetch: (request: Request) => Promise<Response>;
  /** Where the refresh token lives: sessionStorage, so closing the tab on a shared laptop ends the session. */
  storage: Storage;
  /** Absolute origin of the api (requests are built as Request objects). */
  origin: string;
  now?: () => number;
}

/**
 * The signed-in session: signs in and out, keeps the access token in memory only, refreshes it before it
 * expires or after a 401 — once for all requests waiting at that moment (single flight) — and ends the
 * session when the refresh token is refused. `fetch` is the authenticated fetch the api client uses.
 */
export class AuthSession {
  private access: { token: string; expiresAt: number } | null = null;
  private stored: StoredSession | null;
  private refreshing: Promise<string | null> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  /** Why the last session ended: signed out here, or refused by the api (expired, revoked elsewhere). */
  private ended: EndReason | null = null;

  constructor(private readonly options: AuthSessionOptions) {
    this.now = options.now ?? Date.now;
    this.stored = readStored(options.storage);
  }

  /** The signed-in username, or null. */
  get username(): string | null {
    return this.stored?.username ?? null;
  }

  /** Whether the session may only change its password (a first or temporary password): every page sends there. */
  get passwordChangeRequired(): boolean {
    return this.stored?.passwordChangeRequired === true;
  }

  /** Whether the last session ended without the user signing out (the sign-in page says so). */
  get expired(): boolean {
    return this.ended === 'expired';
  }

  /** Whether the last session was signed out for inactivity on a shared device (the sign-in page says so). */
  get idle(): boolean {
    return this.ended === 'idle';
  }

  /** The current refresh token (the offline store keeps it sealed so that an offline sign-in can resume the session later). */
  get refreshToken(): string | null {
    return this.stored?.refreshToken ?? null;
  }

  /**
   * Signs in without the api: the offline store has checked the password against the user's own sealed
   * key and hands back the refresh token it kept. Requests refresh with it once the network is back; if
   * the api refuses it, the session ends as expired (the user signs in again, their records wait).
   */
  resume(username: string, refreshToken: string | null): void {
    this.access = null;
    this.ended = null;
    this.stored = { username: username.trim().toLowerCase(), refreshToken: refreshToken ?? '' };
    this.options.storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(this.stored));
    this.emit();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async signIn(username: string, password: string): Promise<void> {
    const body: LoginBody = { username: username.trim(), password };
    const pair = await this.post<TokenPair>('/api/v1/auth/login', body);
    this.accept(pair, username.trim().toLowerCase());
  }

  /**
   * Replaces the password (POST /auth/password; an ApiError naming the bad field if refused), then refreshes at
   * once: the new access token is no longer held at the password change. The api has ended the other sessions.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const body: ChangePasswordBody = { currentPassword, newPassword };
    const response = await this.fetch(new Request(new URL('/api/v1/auth/password', this.options.origin), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    if (!response.ok) throw await ApiError.from(response);
    await this.refresh();
  }

  /** Revokes the session at the api when it can; forgets it locally whatever the api answers. */
  async signOut(reason: 'signed-out' | 'idle' = 'signed-out'): Promise<void> {
    const stored = this.stored;
    const token = this.access?.token;
    this.end(reason);
    if (!stored || !token) return;
    const body: RefreshBody = { refreshToken: stored.refreshToken };
    try {
      await this.options.fetch(this.request('/api/v1/auth/logout', body, token));
    } catch {
      // Offline: the refresh token is gone from this device, and it expires on its own at the api.
    }
  }

  /** A valid access token, refreshing first if there is none or it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (!this.stored) return null;
    if (this.access && this.access.expiresAt - EARLY_REFRESH_MS > this.now()) return this.access.token;
    return this.refresh();
  }

  /** Exchanges the refresh token once, however many callers ask at the same time. */
  refresh(): Promise<string | null> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** The authenticated fetch: bearer token on, one refresh and one retry on a 401. */
  fetch = async (request: Request): Promise<Response> => {
    // Signed out (a page still mounted while the app leaves for the sign-in page): the api would only answer
    // 401, so answer as it would, without sending the request.
    if (!this.stored) return signedOutAnswer();
    const retry = request.clone();
    // No network to refresh the token: send the request anyway, for the service worker to answer the reads it
    // keeps (questionnaire, leaflets); any other request fails as it would have.
    const token = await this.accessToken().catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 0) return null;
      throw error;
    });
    const first = await this.send(request, token);
    if (first.status !== 401 || !token) return first;
    // Expired or revoked in the meantime: another request may already be refreshing it.
    const fresh = this.access?.token !== token && this.access ? this.access.token : await this.refresh();
    if (!fresh) return first;
    return this.send(retry, fresh);
  };

  private async doRefresh(): Promise<string | null> {
    const stored = this.stored;
    if (!stored) return null;
    try {
      const body: RefreshBody = { refreshToken: stored.refreshToken };
      const pair = await this.post<TokenPair>('/api/v1/auth/refresh', body);
      // Signed out while the refresh was on its way: do not bring the session back.
      if (this.stored !== stored) return null;
      this.accept(pair, stored.username);
      return pair.accessToken;
    } catch (error) {
      // Refused (revoked, expired, reused, malformed: any 4xx): the session is over. A network failure or a
      // server error keeps it for a later attempt.
      const refused = error instanceof ApiError && error.status >= 400 && error.status < 500;
      if (refused && this.stored === stored) this.end('expired');
      if (error instanceof ApiError && error.status === 0) throw error;
      return null;
    }
  }

  private accept(pair: TokenPair, username: string): void {
    this.access = { token: pair.accessToken, expiresAt: this.now() + pair.expiresIn * 1000 };
    this.ended = null;
    this.stored = { username, refreshToken: pair.refreshToken, ...(pair.passwordChangeRequired ? { passwordChangeRequired: true } : {}) };
    this.options.storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(this.stored));
    this.emit();
  }

  private end(reason: EndReason): void {
    const was = this.stored !== null;
    if (was) this.ended = reason;
    this.access = null;
    this.stored = null;
    this.options.storage.removeItem(SESSION_STORAGE_KEY);
    if (was) this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private async send(request: Request, token: string | null): Promise<Response> {
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    try {
      return await this.options.fetch(request);
    } catch {
      throw ApiError.network();
    }
  }

  private request(path: string, body: unknown, token?: string): Request {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    return new Request(new URL(path, this.options.origin), { method: 'POST', headers, body: JSON.stringify(body) });
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    let response: Response;
    try {
      response = await this.options.fetch(this.request(path, body));
    } catch {
      throw ApiError.network();
    }
    if (!response.ok) throw await ApiError.from(response);
    return (await response.json()) as T;
  }
}

function readStored(storage: Storage): StoredSession | null {
  try {
    const value = JSON.parse(storage.getItem(SESSION_STORAGE_KEY) ?? 'null') as Partial<StoredSession> | null;
    return value && typeof value.username === 'string' && typeof value.refreshToken === 'string'
      ? { username: value.username, refreshToken: value.refreshToken, ...(value.passwordChangeRequired === true ? { passwordChangeRequired: true } : {}) }
      : null;
  } catch {
    return null;
  }
}

/** The api's answer to a request made without a session, given locally. */
function signedOutAnswer(): Response {
  const body = { code: 'AUTH.UNAUTHENTICATED', message: 'Not signed in' };
  return new Response(JSON.stringify(body), { status: 401, headers: { 'content-type': 'application/json' } });
}

import type { AuthSession } from '../auth/auth-session';
import type { OfflineDb } from './db';
import { completionCaseId, Outbox, OutboxItem, SendOutcome } from './outbox';
import { OfflineVault } from './vault';

export interface SignOutNote {
  username: string;
  unsent: number;
}

/** What the app's offline parts share: the device's database, the signed-in user's key, and their outbox. */
export interface OfflineRuntime {
  vault: OfflineVault;
  outbox: Outbox;
  /** Noted when a session ends with records not yet sent (the sign-in page says they are kept); null clears it. */
  noteSignOut: (note: SignOutNote | null) => void;
  lastSignOut: () => SignOutNote | null;
  /** The answer of navigator.storage.persist(): whether the browser keeps the records under storage pressure. */
  persisted: Promise<boolean | null>;
}

/** Sends one outbox record through the signed-in session: an intake, or the completion of a case at its version. */
/**
 * The app's fetch, with the signed-in user's `/me` kept for offline use: each answer is sealed into their
 * profile on the device, and with no network that copy answers (only for the user whose key is unlocked).
 * The service worker does not cache `/me`: one cache for every user of a shared device would show one
 * official's account to another.
 */
export function withOfflineProfile(vault: OfflineVault, inner: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' || new URL(request.url).pathname !== '/api/v1/me') return inner(request);
    try {
      const response = await inner(request);
      if (response.ok && vault.username) {
        const owner = vault.username;
        void response
          .clone()
          .json()
          .then((me: { username?: string }) => (me.username === owner ? vault.saveProfile({ me }) : undefined))
          .catch(() => undefined);
      }
      return response;
    } catch (error) {
      const profile = vault.username ? await vault.profile().catch(() => null) : null;
      const me = profile?.me as { username?: string } | null | undefined;
      if (me && me.username === vault.username) return new Response(JSON.stringify(me), { status: 200, headers: { 'content-type': 'application/json' } });
      throw error;
    }
  };
}

export function apiSender(session: AuthSession, origin: string): (item: OutboxItem) => Promise<SendOutcome> {
  return async (item) => {
    const body = item.body as { version?: number };
    const request =
      item.kind === 'intake'
        ? new Request(new URL('/api/v1/intakes', origin), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(item.body) })
        : new Request(new URL(`/api/v1/cases/${encodeURIComponent(completionCaseId(item.id))}/intake`, origin), {
            method: 'PUT',
            headers: { 'content-type': 'application/json', ...(body.version ? { 'if-match': String(body.version) } : {}) },
            body: JSON.stringify(item.body),
          });
    const response = await session.fetch(request);
    let parsed: unknown = null;
    try {
      parsed = await response.json();
    } catch {
      // No JSON body (a proxy's page): the status says enough.
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    return { status: response.status, body: parsed, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined };
  };
}

/**
 * Builds the runtime and ties it to the session: the key is forgotten (and the outbox emptied from
 * memory) whenever the session is not its owner's, the sealed refresh token follows each rotation, and
 * records are sent when the browser comes back online.
 */
export function createOfflineRuntime(session: AuthSession, origin: string, windowLike: Window = window): OfflineRuntime {
  // Dexie is loaded on first use, after the sign-in page: it is not in the first page's download.
  let opening: Promise<OfflineDb> | null = null;
  const db = () => (opening ??= import('./db').then(({ openOfflineDb }) => openOfflineDb()));
  const vault = new OfflineVault(db);
  const outbox = new Outbox({ db, vault, send: apiSender(session, origin), online: () => windowLike.navigator.onLine });
  const persisted = windowLike.navigator.storage?.persist ? windowLike.navigator.storage.persist().catch(() => null) : Promise.resolve(null);
  let note: SignOutNote | null = null;
  const runtime: OfflineRuntime = {
    vault,
    outbox,
    persisted,
    noteSignOut: (next) => {
      note = next;
    },
    lastSignOut: () => note,
  };

  let savedToken: string | null = null;
  session.subscribe(() => {
    if (vault.username && session.username !== vault.username) {
      vault.lock();
      return;
    }
    const token = session.refreshToken;
    if (vault.username && token && token !== savedToken) {
      savedToken = token;
      void vault.saveProfile({ refreshToken: token });
    }
  });
  vault.subscribe(() => {
    void outbox.load().then(() => {
      if (vault.username) {
        const token = session.refreshToken;
        if (token && token !== savedToken) {
          savedToken = token;
          void vault.saveProfile({ refreshToken: token });
        }
        outbox.kick();
      } else outbox.stop();
    });
  });
  windowLike.addEventListener('online', () => outbox.kick());
  return runtime;
}

declare global {
  interface Window {
    /**
     * Browser tests only: set `window.kivukoTestHooks = true` before the app starts (page.addInitScript)
     * and the app exposes its outbox here, to enqueue records before the intake form drives it.
     */
    kivukoTestHooks?: boolean;
    kivukoOutbox?: Outbox;
  }
}

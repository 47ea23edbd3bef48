import { createDataKey, open, PBKDF2_ITERATIONS, rewrapDataKey, seal, unwrapDataKey } from './crypto';
import type { OfflineDb } from './db';

/** What a user needs to sign in and work on this device without a network, sealed under their data key. */
export interface OfflineProfile {
  refreshToken: string | null;
  me: unknown;
  /** A mass arrival being typed, kept sealed until its chunks are in the outbox (or null). */
  massArrivalDraft?: unknown;
}

export class VaultError extends Error {
  constructor(readonly code: 'OFFLINE.NOT_ON_DEVICE' | 'OFFLINE.WRONG_PASSWORD' | 'OFFLINE.LOCKED') {
    super(code);
    this.name = 'VaultError';
  }
}

/**
 * The signed-in user's data key, in memory only. Unlocked by the password at sign-in (online: the api
 * accepted it; offline: only the password that wraps this user's key opens it) or after a reload; locked
 * at sign-out. Another user's records on the device stay sealed under their own key.
 */
export class OfflineVault {
  private current: { username: string; key: CryptoKey } | null = null;
  private readonly listeners = new Set<() => void>();
  /** A feature asked for the key while locked (the unlock dialog opens). */
  private wanted = false;

  private readonly store: () => Promise<OfflineDb>;

  /** `db` may be a loader: the app opens Dexie (and downloads it) only when the store is first used. */
  constructor(
    db: OfflineDb | (() => Promise<OfflineDb>),
    private readonly iterations = PBKDF2_ITERATIONS,
  ) {
    this.store = typeof db === 'function' ? db : () => Promise.resolve(db);
  }

  get username(): string | null {
    return this.current?.username ?? null;
  }

  get unlockRequested(): boolean {
    return this.wanted;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The key of `username`, or a VaultError('OFFLINE.LOCKED') after asking the user to unlock. */
  keyFor(username: string): CryptoKey {
    if (this.current?.username === username) return this.current.key;
    this.requestUnlock();
    throw new VaultError('OFFLINE.LOCKED');
  }

  requestUnlock(): void {
    if (this.wanted) return;
    this.wanted = true;
    this.emit();
  }

  /** Whether this user has signed in on this device before (offline sign-in is possible). */
  async knows(username: string): Promise<boolean> {
    const db = await this.store();
    return (await db.users.get(normalise(username))) !== undefined;
  }

  /**
   * After the api accepted the password: opens the user's key, or makes one on their first sign-in here.
   * If the password changed at the api and nothing of theirs is waiting on the device, a new key replaces
   * the old; with records waiting, the old key is kept (VaultError WRONG_PASSWORD: unlock with the old one).
   */
  async unlockOnline(username: string, password: string): Promise<void> {
    const name = normalise(username);
    const db = await this.store();
    const stored = await db.users.get(name);
    if (stored) {
      try {
        this.set(name, await unwrapDataKey(stored.key, password));
        return;
      } catch {
        const waiting = await db.outbox.where('[owner+status]').anyOf([name, 'pending'], [name, 'failed']).count();
        if (waiting > 0) throw new VaultError('OFFLINE.WRONG_PASSWORD');
        await db.outbox.where('owner').equals(name).delete();
      }
    }
    const { key, wrapped } = await createDataKey(password, this.iterations);
    await db.users.put({ username: name, key: wrapped, profile: null, updatedAt: Date.now() });
    this.set(name, key);
  }

  /**
   * After the user changed their password at the api: the same data key (their sealed records stay readable),
   * wrapped for the new password, so that an offline sign-in takes the new one. Nothing kept here: nothing to do.
   */
  async changePassword(username: string, oldPassword: string, newPassword: string): Promise<void> {
    const name = normalise(username);
    const db = await this.store();
    const stored = await db.users.get(name);
    if (!stored) return;
    try {
      await db.users.put({ ...stored, key: await rewrapDataKey(stored.key, oldPassword, newPassword), updatedAt: Date.now() });
    } catch {
      // Wrapped under another password than the one just replaced: the next online sign-in settles it (unlockOnline).
    }
  }

  /** Without the api: only a user known on this device, with the password that wraps their key. */
  async unlockOffline(username: string, password: string): Promise<OfflineProfile> {
    const name = normalise(username);
    const db = await this.store();
    const stored = await db.users.get(name);
    if (!stored) throw new VaultError('OFFLINE.NOT_ON_DEVICE');
    let key: CryptoKey;
    try {
      key = await unwrapDataKey(stored.key, password);
    } catch {
      throw new VaultError('OFFLINE.WRONG_PASSWORD');
    }
    const profile = stored.profile ? await open<OfflineProfile>(key, stored.profile, `profile:${name}`) : { refreshToken: null, me: null };
    this.set(name, key);
    return profile;
  }

  /** Keeps what offline sign-in needs, sealed (called after each token rotation and each /me answer). */
  async saveProfile(profile: Partial<OfflineProfile>): Promise<void> {
    const current = this.current;
    if (!current) return;
    const previous = await this.profile();
    const next: OfflineProfile = { refreshToken: null, me: null, ...previous, ...profile };
    const sealed = await seal(current.key, next, `profile:${current.username}`);
    const db = await this.store();
    const stored = await db.users.get(current.username);
    // A whole put, not Dexie's update: its deep copy of the record does not keep typed arrays from every realm.
    if (stored) await db.users.put({ ...stored, profile: sealed, updatedAt: Date.now() });
  }

  async profile(): Promise<OfflineProfile | null> {
    const current = this.current;
    if (!current) return null;
    const db = await this.store();
    const stored = await db.users.get(current.username);
    return stored?.profile ? open<OfflineProfile>(current.key, stored.profile, `profile:${current.username}`) : null;
  }

  /** Forgets the key (sign-out). Sealed records stay on the device. */
  lock(): void {
    if (!this.current && !this.wanted) return;
    this.current = null;
    this.wanted = false;
    this.emit();
  }

  private set(username: string, key: CryptoKey): void {
    this.current = { username, key };
    this.wanted = false;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export const normalise = (username: string): string => username.trim().toLowerCase();

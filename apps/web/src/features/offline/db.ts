import Dexie, { EntityTable } from 'dexie';
import type { Sealed, WrappedKey } from './crypto';

/** A user who signed in on this device: their wrapped data key, and (sealed) what offline sign-in needs. */
export interface DeviceUser {
  username: string;
  key: WrappedKey;
  /** Sealed `OfflineProfile`: the last refresh token and the `/me` answer. */
  profile: Sealed | null;
  updatedAt: number;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/**
 * One record waiting to reach the api, or that reached it. Only what scheduling needs is in clear (owner,
 * id, kind, status, times); the body, its description, the last error and the api's answer are sealed.
 */
export interface OutboxRow {
  owner: string;
  id: string;
  kind: 'intake' | 'completion';
  status: OutboxStatus;
  createdAt: number;
  updatedAt: number;
  attempts: number;
  nextTryAt: number;
  sealed: Sealed;
}

export type OfflineDb = Dexie & {
  users: EntityTable<DeviceUser, 'username'>;
  outbox: Dexie.Table<OutboxRow, [string, string]>;
};

export const OFFLINE_DB_NAME = 'kivuko-offline';

/** The device's database (IndexedDB through Dexie). `indexedDB` is injectable for tests (fake-indexeddb). */
export function openOfflineDb(name = OFFLINE_DB_NAME, indexedDB?: IDBFactory, keyRange?: typeof IDBKeyRange): OfflineDb {
  const db = new Dexie(name, indexedDB && keyRange ? { indexedDB, IDBKeyRange: keyRange } : undefined) as OfflineDb;
  db.version(1).stores({
    users: '&username',
    outbox: '[owner+id], owner, [owner+status]',
  });
  return db;
}

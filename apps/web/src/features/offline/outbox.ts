import type { FieldProblem } from '../../api/api-error';
import { open, seal } from './crypto';
import type { OfflineDb, OutboxRow, OutboxStatus } from './db';
import { OfflineVault, VaultError } from './vault';

export type OutboxKind = 'intake' | 'completion';

export interface EnqueueInput {
  kind: OutboxKind;
  /** The client's intakeId, or `<caseId>@<version>` for a completion. */
  id: string;
  body: unknown;
  createdAt?: number;
  /** The person's name or a description; derived from the body when absent. */
  label?: string;
  /** The form's own state, sealed with the body, so that "Edit" reopens a failed record as it was typed. */
  form?: unknown;
}

/** The api's answer to a try: its status (0: no answer) and body. */
export interface SendOutcome {
  status: number;
  body: unknown;
  retryAfterSeconds?: number;
}

export interface OutboxError {
  status: number;
  code: string;
  fields: FieldProblem[];
  at: number;
}

/** One record as the pages see it (unsealed). */
export interface OutboxItem {
  id: string;
  kind: OutboxKind;
  status: OutboxStatus;
  body: unknown;
  label: string;
  createdAt: number;
  updatedAt: number;
  attempts: number;
  nextTryAt: number;
  lastError: OutboxError | null;
  /** The api's answer once sent (an intake's cases and numbers). */
  result: unknown;
  /** The form's state when it was kept (null when the sender gave none). */
  form: unknown;
}

/** The conflict codes that open the review instead of a plain failure. */
export const CONFLICT_CODES = ['INTAKE.ID_CONFLICT', 'CASE.VERSION_CONFLICT'];
export const isConflict = (item: Pick<OutboxItem, 'lastError'>): boolean => item.lastError !== null && item.lastError.status === 409;

export type WaitResult = { status: 'sent'; result: unknown } | { status: 'failed'; error: OutboxError } | { status: 'pending' };

interface SealedContent {
  body: unknown;
  form?: unknown;
  label: string;
  lastError: OutboxError | null;
  result: unknown;
}

export interface OutboxOptions {
  /** The database, or a loader that opens it on first use. */
  db: OfflineDb | (() => Promise<OfflineDb>);
  vault: OfflineVault;
  /** Sends one record to the api (POST /intakes, PUT /cases/:id/intake). Throwing counts as no answer. */
  send: (item: OutboxItem) => Promise<SendOutcome>;
  /** Whether the browser thinks it is online (navigator.onLine); a try is made anyway when asked to. */
  online?: () => boolean;
  now?: () => number;
  random?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * The device's outbox, per user, records sealed under the user's data key. Records are sent one at a
 * time when online, in the order they were made, and never dropped by themselves: a refusal (400, 403,
 * 404, 409) marks one Failed with the api's reasons kept; no answer, a 5xx, a 429 or a 401 keeps it
 * Pending with the next try after an exponential backoff with jitter. Only the user discards a record.
 */
export class Outbox {
  private snapshot: readonly OutboxItem[] = [];
  private owner: string | null = null;
  private readonly listeners = new Set<() => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private timer: unknown = null;
  private readonly now: () => number;
  private readonly random: () => number;

  private readonly store: () => Promise<OfflineDb>;

  constructor(private readonly options: OutboxOptions) {
    const db = options.db;
    this.store = typeof db === 'function' ? db : () => Promise.resolve(db);
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** The signed-in user's records (empty while locked), newest first. */
  get items(): readonly OutboxItem[] {
    return this.snapshot;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly OutboxItem[] => this.snapshot;

  /** Reads the unlocked user's records (after unlock, sign-out, or a change in another tab). */
  async load(): Promise<void> {
    const owner = this.options.vault.username;
    this.owner = owner;
    if (!owner) {
      this.publish([]);
      return;
    }
    const key = this.options.vault.keyFor(owner);
    const db = await this.store();
    const rows = await db.outbox.where('owner').equals(owner).toArray();
    const items = await Promise.all(rows.map(async (row) => unsealRow(row, await open<SealedContent>(key, row.sealed, context(row)))));
    if (this.options.vault.username !== owner) return;
    this.publish(items.sort((a, b) => b.createdAt - a.createdAt));
  }

  /** Keeps a record for the signed-in user and starts sending. Enqueuing the same id again replaces a record not yet sent. */
  async enqueue(input: EnqueueInput): Promise<OutboxItem> {
    const owner = this.requireOwner();
    const db = await this.store();
    const existing = await db.outbox.get([owner, input.id]);
    if (existing?.status === 'sent') throw new Error(`outbox: ${input.id} was already sent`);
    const at = this.now();
    const item: OutboxItem = {
      id: input.id,
      kind: input.kind,
      status: 'pending',
      body: input.body,
      label: input.label ?? describe(input.kind, input.body),
      createdAt: existing?.createdAt ?? input.createdAt ?? at,
      updatedAt: at,
      attempts: 0,
      nextTryAt: at,
      lastError: null,
      result: null,
      form: input.form ?? null,
    };
    await this.write(owner, item);
    this.kick();
    return item;
  }

  /** Waits until the record is sent or refused, or `timeoutMs` passes (then it is still Pending and will be sent later). */
  waitForSent(id: string, timeoutMs: number): Promise<WaitResult> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const item = this.snapshot.find((candidate) => candidate.id === id);
        if (item?.status === 'sent') resolve({ status: 'sent', result: item.result });
        else if (item?.status === 'failed' && item.lastError) resolve({ status: 'failed', error: item.lastError });
        else return false;
        return true;
      };
      if (check()) return;
      const unsubscribe = this.subscribe(() => {
        if (check()) {
          unsubscribe();
          clearTimeout(timeout);
        }
      });
      const timeout = setTimeout(() => {
        unsubscribe();
        resolve({ status: 'pending' });
      }, timeoutMs);
    });
  }

  /** "Retry now": a Failed record back to Pending (after an edit, or when the cause was fixed elsewhere), or a Pending one at once. */
  async retry(id: string): Promise<void> {
    const item = this.find(id);
    await this.write(this.requireOwner(), { ...item, status: 'pending', nextTryAt: this.now(), attempts: item.status === 'failed' ? 0 : item.attempts });
    this.kick();
  }

  /** Replaces the body of a record not yet sent (an edited Failed record) and sends it again. */
  async update(id: string, body: unknown, changes: { id?: string; label?: string } = {}): Promise<void> {
    const owner = this.requireOwner();
    const item = this.find(id);
    if (item.status === 'sent') throw new Error(`outbox: ${id} was already sent`);
    const next: OutboxItem = { ...item, id: changes.id ?? id, body, label: changes.label ?? describe(item.kind, body), status: 'pending', attempts: 0, nextTryAt: this.now(), lastError: null, updatedAt: this.now() };
    // Sealed before the transaction: IndexedDB commits a transaction that waits on anything else.
    const row = await this.row(owner, next);
    const db = await this.store();
    await db.transaction('rw', db.outbox, async () => {
      if (next.id !== id) await db.outbox.delete([owner, id]);
      await db.outbox.put(row);
    });
    await this.load();
    this.kick();
  }

  /** Removes a record: only ever on the user's confirmed request ("Discard"), or a Sent one at sign-out. */
  async discard(id: string): Promise<void> {
    const owner = this.requireOwner();
    const db = await this.store();
    await db.outbox.delete([owner, id]);
    await this.load();
  }

  /** Sign-out: the user's Sent records are deleted from the device; unsynced ones stay sealed. */
  async forgetSent(): Promise<void> {
    const owner = this.options.vault.username;
    const db = await this.store();
    if (owner) await db.outbox.where('[owner+status]').equals([owner, 'sent']).delete();
  }

  /** Unsent records of `username` on this device, readable without their key (for the sign-out warning). */
  async unsentCount(username: string): Promise<number> {
    const db = await this.store();
    return db.outbox.where('[owner+status]').anyOf([username, 'pending'], [username, 'failed']).count();
  }

  /** Starts a sync pass now (after enqueue, coming online, unlock, "Retry now"). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.syncAll().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves when the current sync pass (if any) has finished: tests and the bench wait on it. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    if (this.timer !== null) (this.options.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = null;
  }

  private async syncAll(): Promise<void> {
    this.stop();
    const owner = this.options.vault.username;
    if (!owner) return;
    // Another tab of the same user may be sending: one pass at a time per user across tabs (Web Locks),
    // each starting from what is stored now.
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (locks) await locks.request(`kivuko-outbox:${owner}`, () => this.pass(owner));
    else await this.pass(owner);
  }

  private async pass(owner: string): Promise<void> {
    await this.load();
    const online = this.options.online ?? (() => true);
    // One at a time, oldest first; each due record once per pass.
    for (;;) {
      if (!online() || this.options.vault.username !== owner) return;
      const due = this.snapshot.filter((item) => item.status === 'pending' && item.nextTryAt <= this.now()).sort((a, b) => a.createdAt - b.createdAt)[0];
      if (!due) break;
      await this.sendOne(owner, due);
    }
    this.schedule();
  }

  private schedule(): void {
    const next = Math.min(...this.snapshot.filter((item) => item.status === 'pending').map((item) => item.nextTryAt));
    if (!Number.isFinite(next)) return;
    this.timer = (this.options.setTimer ?? setTimeout)(() => this.kick(), Math.max(0, next - this.now()));
  }

  private async sendOne(owner: string, item: OutboxItem): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await this.options.send(item);
    } catch {
      outcome = { status: 0, body: null };
    }
    // Edited or discarded while on its way: the new version is what counts.
    const current = this.snapshot.find((candidate) => candidate.id === item.id);
    if (!current || current.updatedAt !== item.updatedAt) return;
    const at = this.now();
    const { status } = outcome;
    if (status >= 200 && status < 300) {
      await this.write(owner, { ...item, status: 'sent', result: outcome.body, lastError: null, updatedAt: at, attempts: item.attempts + 1 });
      return;
    }
    const error = errorOf(outcome, at);
    const transient = status === 0 || status >= 500 || status === 429 || status === 401 || status === 408;
    if (transient) {
      const attempts = item.attempts + 1;
      const wait = Math.max(this.backoff(attempts), (outcome.retryAfterSeconds ?? 0) * 1000);
      await this.write(owner, { ...item, attempts, nextTryAt: at + wait, lastError: error, updatedAt: at });
    } else {
      await this.write(owner, { ...item, status: 'failed', attempts: item.attempts + 1, lastError: error, updatedAt: at });
    }
  }

  /** Exponential with full jitter over its upper half: 2 s, 4 s, 8 s … capped at 5 minutes. */
  backoff(attempts: number): number {
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  private find(id: string): OutboxItem {
    const item = this.snapshot.find((candidate) => candidate.id === id);
    if (!item) throw new Error(`outbox: no record ${id}`);
    return item;
  }

  private requireOwner(): string {
    const owner = this.options.vault.username;
    if (!owner) {
      this.options.vault.requestUnlock();
      throw new VaultError('OFFLINE.LOCKED');
    }
    return owner;
  }

  private async row(owner: string, item: OutboxItem): Promise<OutboxRow> {
    const key = this.options.vault.keyFor(owner);
    const content: SealedContent = { body: item.body, form: item.form, label: item.label, lastError: item.lastError, result: item.result };
    const base = { owner, id: item.id, kind: item.kind, status: item.status, createdAt: item.createdAt, updatedAt: item.updatedAt, attempts: item.attempts, nextTryAt: item.nextTryAt };
    return { ...base, sealed: await seal(key, content, context(base)) };
  }

  private async write(owner: string, item: OutboxItem): Promise<void> {
    const row = await this.row(owner, item);
    const db = await this.store();
    await db.outbox.put(row);
    if (this.options.vault.username !== owner) return;
    const rest = this.snapshot.filter((candidate) => candidate.id !== item.id);
    this.publish([item, ...rest].sort((a, b) => b.createdAt - a.createdAt));
  }

  private publish(items: OutboxItem[]): void {
    this.snapshot = items;
    for (const listener of this.listeners) listener();
  }
}

function context(row: Pick<OutboxRow, 'owner' | 'id' | 'kind'>): string {
  return `outbox:${row.owner}:${row.kind}:${row.id}`;
}

function unsealRow(row: OutboxRow, content: SealedContent): OutboxItem {
  return { id: row.id, kind: row.kind, status: row.status, createdAt: row.createdAt, updatedAt: row.updatedAt, attempts: row.attempts, nextTryAt: row.nextTryAt, ...content, form: content.form ?? null };
}

function errorOf(outcome: SendOutcome, at: number): OutboxError {
  const body = (typeof outcome.body === 'object' && outcome.body !== null ? outcome.body : {}) as { code?: unknown; details?: { fields?: unknown } };
  const code = outcome.status === 0 ? 'NETWORK.UNREACHABLE' : typeof body.code === 'string' ? body.code : `HTTP.${outcome.status}`;
  return { status: outcome.status, code, fields: Array.isArray(body.details?.fields) ? (body.details.fields as FieldProblem[]) : [], at };
}

interface PersonLike {
  givenName?: unknown;
  familyName?: unknown;
  description?: unknown;
}

function personsOf(kind: OutboxKind, body: unknown): PersonLike[] {
  const value = (typeof body === 'object' && body !== null ? body : {}) as { persons?: PersonLike[]; person?: PersonLike };
  return kind === 'completion' ? (value.person ? [value.person] : []) : Array.isArray(value.persons) ? value.persons : [];
}

/** How many people the record registers (the page says "and 2 more"). */
export const personCount = (kind: OutboxKind, body: unknown): number => personsOf(kind, body).length;

/** The first person's name, or their description when the record has no name. */
export function describe(kind: OutboxKind, body: unknown): string {
  const first = personsOf(kind, body)[0];
  if (!first) return '';
  const name = [first.givenName, first.familyName].filter((part) => typeof part === 'string' && part.trim()).join(' ');
  return name || (typeof first.description === 'string' ? first.description : '');
}

/** The completion's case id, from its outbox id `<caseId>@<version>`. */
export function completionCaseId(id: string): string {
  return id.split('@')[0] ?? id;
}

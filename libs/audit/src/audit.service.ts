import { Actor, Clock } from '@kivuko/platform';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditContent, AuditDetailValue, chainHash, chainHeadMac, chainKeyFor, keyedChainHash } from './audit-chain';
import { AUDIT_KEYRING, AuditKeyring } from './audit-key';
import { AuditOutcome } from './audit-event.entity';
import { AuditRow, firstHeadWithoutChain, insertAuditEvent, lastChainHash, lockChain, upsertChainHead, VerifiedRow, verifiedRowsPage } from './audit.queries';

/**
 * What happened, as the code that did it describes it. `details` holds ids, codes and counts only,
 * never names or narratives: keys are identifiers (`reason`, `personCount`), string values are codes
 * or ids without spaces (`INVALID_PASSWORD`, `/api/v1/cases/:id`, `CASEWORKER,SUPERVISOR`), numbers are
 * finite.
 */
export interface AuditEntry {
  /** A code: upper-case words joined by dots, e.g. `CASE.READ`, `AUTH.LOGIN_FAILED`, `ACCESS.DENIED`. */
  action: string;
  outcome?: AuditOutcome;
  actor?: Actor | null;
  /** The account name tried, for failed logins when there is no actor. Ignored when `actor` is set. */
  actorUsername?: string;
  caseId?: string;
  /** Codes of the field groups read or changed, e.g. `IDENTITY`, `PROTECTION_NEEDS`. */
  fieldGroups?: string[];
  purpose?: string;
  correlationId?: string;
  details?: Record<string, AuditDetailValue>;
}

export const AUDIT_BREAKS = ['HASH_MISMATCH', 'PREV_HASH_MISMATCH', 'NOT_KEYED', 'KEY_UNKNOWN', 'HEAD_MISMATCH', 'TRUNCATED'] as const;
export type AuditBreak = (typeof AUDIT_BREAKS)[number];

export interface BrokenAuditLink {
  chainKey: string;
  eventId: string;
  /**
   * HASH_MISMATCH: the event's content no longer matches its hash (it was changed, or made without the
   * audit key). PREV_HASH_MISMATCH: its predecessor is not the event it was chained to (an event was
   * removed, inserted or rehashed). NOT_KEYED: an unkeyed event after its chain's recorded legacy head
   * (inserted since the trail was keyed: a forgery). KEY_UNKNOWN: sealed under a key no longer in the
   * keyring. HEAD_MISMATCH: the chain's sealed head is altered or does not name the chain's newest event.
   * TRUNCATED: the chain ends before the newest event its head records (`eventId` is that event).
   */
  reason: AuditBreak;
}

export interface AuditVerification {
  ok: boolean;
  chains: number;
  events: number;
  /** The first broken link in (chain key, id) order; absent when `ok`. */
  firstBroken?: BrokenAuditLink;
}

export interface VerifyOptions {
  /** Rows read per query. */
  pageSize?: number;
}

/** Where the service gets the time of an event; replaceable in tests. */
export const AUDIT_CLOCK = Symbol('AUDIT_CLOCK');
export type AuditClock = () => Date;

const DEFAULT_PAGE_SIZE = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)*$/;
/** An id, a code, or a comma-separated list of them: no spaces, so no names or narratives. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.,:/-]{0,127}$/;
const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'DENIED', 'FAILURE'];
const MAX_FREE_TEXT = 256;

/**
 * The audit trail. `record` appends an event inside the caller's transaction, chained to the last
 * event of the same case (or, without a case, of the same UTC day); `verify` recomputes every chain.
 */
@Injectable()
export class AuditService {
  private readonly clock: AuditClock;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUDIT_KEYRING) private readonly keyring: AuditKeyring,
    @Optional() @Inject(AUDIT_CLOCK) clock?: AuditClock,
    @Optional() time?: Clock,
  ) {
    // The application's clock unless a test gives the trail its own.
    const source = time ?? new Clock();
    this.clock = clock ?? (() => source.now());
  }

  /**
   * Appends an event in the caller's transaction: it commits or rolls back with the work it
   * describes. The transaction must be READ COMMITTED (PostgreSQL's default).
   *
   * The event holds its chain's lock until the transaction ends, so record as late in the
   * transaction as possible, and when one transaction records on several cases, record them in the
   * same order everywhere (e.g. by case id) to avoid deadlocks.
   */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`Audit event ${entry.action} must be recorded inside the transaction of the work it describes`);
    }
    const content = this.contentOf(entry);

    // One lock per chain: work on different cases never waits on each other. It must be a statement
    // of its own: a READ COMMITTED statement sees what was committed when it started, so the read of
    // the chain's last hash has to start after the lock is held.
    const { isolation } = await lockChain(manager, content.chainKey);
    if (isolation !== 'read committed') {
      // Under REPEATABLE READ or SERIALIZABLE the snapshot predates the lock, so the last hash read
      // could be stale and the chain would fork.
      throw new Error(`Audit event ${entry.action} must be recorded in a READ COMMITTED transaction, not ${isolation.toUpperCase()}`);
    }
    const prevHash = await lastChainHash(manager, content.chainKey);
    const keyId = this.keyring.activeKeyId;
    const hash = keyedChainHash(this.keyring, keyId, prevHash, content);
    const id = await insertAuditEvent(manager, { content, prevHash, hash, keyId });
    // The chain's sealed head moves with it, in the same transaction and under the same lock.
    await upsertChainHead(manager, { chainKey: content.chainKey, lastId: id, lastHash: hash, keyId, mac: chainHeadMac(this.keyring, keyId, content.chainKey, id, hash) });
  }

  /**
   * Records an event that belongs to no change, in a transaction of its own: failed logins and
   * permission denials, which must stay recorded although the request they belong to fails.
   */
  async recordStandalone(entry: AuditEntry): Promise<void> {
    await this.dataSource.transaction('READ COMMITTED', (manager) => this.record(manager, entry));
  }

  /**
   * Recomputes every chain, reading the table in (chain key, id) order a page at a time, and reports
   * the first broken link. No long transaction is held: within a chain, an event is inserted only
   * after its predecessor committed, so each page sees every chain as an unbroken prefix.
   *
   * Keyed events must carry a valid HMAC under a key of the keyring; unkeyed (legacy) events are
   * accepted only up to their chain's recorded legacy head. Each chain must end exactly at its sealed
   * head (and at or after its legacy head), so removing a chain's newest events is seen too. What this
   * cannot see: a superuser who removes a chain together with its heads, or puts back an older sealed
   * head after removing the events that followed it.
   */
  async verify(options: VerifyOptions = {}): Promise<AuditVerification> {
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`page size must be a positive integer, not ${pageSize}`);

    let chains = 0;
    let events = 0;
    let firstBroken: BrokenAuditLink | undefined;
    let chain: ChainWalk | null = null;
    let after: AuditRow | undefined;
    const close = (walk: ChainWalk | null): void => {
      if (walk && !firstBroken) firstBroken = this.chainEnd(walk);
    };

    for (;;) {
      const rows = await verifiedRowsPage(this.dataSource, after && { chainKey: after.chain_key, id: after.id }, pageSize);

      for (const row of rows) {
        if (row.chain_key !== chain?.first.chain_key) {
          close(chain);
          chains += 1;
          chain = { first: row, last: row, keyed: false, legacyHeadSeen: false };
        }
        events += 1;
        if (!firstBroken) firstBroken = this.linkBreak(row, chain.last === row ? null : chain.last.hash);
        if (row.key_id !== null) chain.keyed = true;
        if (row.legacy_last_id !== null && row.id === String(row.legacy_last_id) && row.hash === row.legacy_last_hash) chain.legacyHeadSeen = true;
        chain.last = row;
      }
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1];
    }
    close(chain);
    if (!firstBroken) firstBroken = await this.headWithoutChain();
    return firstBroken ? { ok: false, chains, events, firstBroken } : { ok: true, chains, events };
  }

  /** What is wrong with one event and its link to the one before (null: the chain's first event). */
  private linkBreak(row: VerifiedRow, expectedPrev: string | null): BrokenAuditLink | undefined {
    const at = (reason: AuditBreak): BrokenAuditLink => ({ chainKey: row.chain_key, eventId: row.id, reason });
    if (row.key_id === null) {
      // Unkeyed: only a legacy event, recorded before the trail was keyed, may be.
      if (row.legacy_last_id === null || BigInt(row.id) > BigInt(row.legacy_last_id)) return at('NOT_KEYED');
      if (row.prev_hash !== expectedPrev) return at('PREV_HASH_MISMATCH');
      return chainHash(row.prev_hash, contentOfRow(row)) === row.hash ? undefined : at('HASH_MISMATCH');
    }
    if (row.prev_hash !== expectedPrev) return at('PREV_HASH_MISMATCH');
    if (!this.keyring.has(row.key_id)) return at('KEY_UNKNOWN');
    return keyedChainHash(this.keyring, row.key_id, row.prev_hash, contentOfRow(row)) === row.hash ? undefined : at('HASH_MISMATCH');
  }

  /** Whether a chain ends where its heads say it does. */
  private chainEnd(walk: ChainWalk): BrokenAuditLink | undefined {
    const { last } = walk;
    const at = (eventId: string, reason: AuditBreak): BrokenAuditLink => ({ chainKey: last.chain_key, eventId, reason });
    if (last.legacy_last_id !== null && !walk.legacyHeadSeen) return at(String(last.legacy_last_id), 'TRUNCATED');
    if (!walk.keyed) return undefined;
    if (last.head_last_id === null || last.head_key_id === null || last.head_mac === null || last.head_last_hash === null) return at(last.id, 'HEAD_MISMATCH');
    if (!this.keyring.has(last.head_key_id)) return at(last.id, 'KEY_UNKNOWN');
    const headId = String(last.head_last_id);
    if (chainHeadMac(this.keyring, last.head_key_id, last.chain_key, headId, last.head_last_hash) !== last.head_mac) return at(last.id, 'HEAD_MISMATCH');
    if (BigInt(last.id) < BigInt(headId)) return at(headId, 'TRUNCATED');
    if (last.id !== headId || last.hash !== last.head_last_hash) return at(last.id, 'HEAD_MISMATCH');
    return undefined;
  }

  /** A head whose chain has no event left at all: the whole chain was removed. */
  private async headWithoutChain(): Promise<BrokenAuditLink | undefined> {
    const head = await firstHeadWithoutChain(this.dataSource);
    return head ? { chainKey: head.chain_key, eventId: String(head.last_id), reason: 'TRUNCATED' } : undefined;
  }

  /** Checks the entry and puts it in the exact form PostgreSQL will store and give back. */
  private contentOf(entry: AuditEntry): AuditContent {
    if (!ACTION.test(entry.action) || entry.action.length > 100) throw new Error(`audit action "${entry.action}" is not a code like CASE.READ`);
    const outcome = entry.outcome ?? 'SUCCESS';
    if (!OUTCOMES.includes(outcome)) throw new Error(`audit outcome "${String(outcome)}" is not one of ${OUTCOMES.join(', ')}`);

    // Milliseconds only: the hash covers the ISO string, and the stored value must give it back.
    const occurredAt = this.clock();
    if (Number.isNaN(occurredAt.getTime())) throw new Error('the audit clock returned an invalid date');
    const caseId = entry.caseId === undefined ? null : uuid(entry.caseId, 'caseId');
    const actor = entry.actor ?? null;
    const username = actor ? actor.username : entry.actorUsername;

    return {
      occurredAt: new Date(occurredAt.getTime()),
      chainKey: chainKeyFor(caseId, occurredAt),
      action: entry.action,
      outcome,
      actorUserId: actor ? uuid(actor.userId, 'actor.userId') : null,
      actorUsername: username === undefined ? null : freeText(username),
      actorAgencyId: actor ? uuid(actor.agencyId, 'actor.agencyId') : null,
      actorRoles: actor ? actor.roles.map((r) => code(r, 'actor role')) : [],
      caseId,
      fieldGroups: (entry.fieldGroups ?? []).map((g) => code(g, 'field group')),
      purpose: entry.purpose === undefined ? null : freeText(entry.purpose),
      correlationId: entry.correlationId === undefined ? null : freeText(entry.correlationId),
      details: detailsOf(entry.details ?? {}),
    };
  }
}

/** A chain as verification walks it. */
interface ChainWalk {
  first: AuditRow;
  last: VerifiedRow;
  keyed: boolean;
  legacyHeadSeen: boolean;
}

/** The hashed content of a stored row, exactly as `record` hashed it. */
export function contentOfRow(row: AuditRow): AuditContent {
  return {
    occurredAt: row.occurred_at,
    chainKey: row.chain_key,
    action: row.action,
    outcome: row.outcome,
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    actorAgencyId: row.actor_agency_id,
    actorRoles: row.actor_roles,
    caseId: row.case_id,
    fieldGroups: row.field_groups,
    purpose: row.purpose,
    correlationId: row.correlation_id,
    details: row.details,
  };
}

/** PostgreSQL prints uuids in lower case, so that is the form hashed. */
function uuid(value: string, what: string): string {
  if (!UUID.test(value)) throw new Error(`audit ${what} is not a uuid`);
  return value.toLowerCase();
}

function code(value: string, what: string): string {
  if (!CODE.test(value)) throw new Error(`audit ${what} "${value}" is not a code`);
  return value;
}

/**
 * Text as PostgreSQL will store it: bounded, no NUL (which text cannot hold), and valid UTF-16
 * (a lone surrogate would reach the database as U+FFFD and no longer match its hash).
 */
function freeText(value: string): string {
  const bounded = value.length > MAX_FREE_TEXT ? value.slice(0, MAX_FREE_TEXT) : value;
  return Buffer.from(bounded.replaceAll('\u0000', '\uFFFD'), 'utf8').toString('utf8');
}

function detailsOf(details: Record<string, AuditDetailValue>): Record<string, AuditDetailValue> {
  const checked: Record<string, AuditDetailValue> = {};
  for (const [key, value] of Object.entries(details)) {
    if (!DETAIL_KEY.test(key)) throw new Error(`audit detail key "${key}" is not an identifier`);
    if (value === undefined) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`audit detail ${key} is not a finite number`);
    if (typeof value === 'string' && !CODE.test(value)) {
      throw new Error(`audit detail ${key} is not an id or code: details carry ids, codes and counts only, never names or narratives`);
    }
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) throw new Error(`audit detail ${key} is not a string, number, boolean or null`);
    checked[key] = value;
  }
  return checked;
}

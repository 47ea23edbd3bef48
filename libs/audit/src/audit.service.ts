import { Actor } from '@kivuko/platform';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditContent, AuditDetailValue, chainHash, chainKeyFor } from './audit-chain';
import { AuditOutcome } from './audit-event.entity';

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

export type AuditBreak = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH';

export interface BrokenAuditLink {
  chainKey: string;
  eventId: string;
  /** HASH_MISMATCH: the event's content no longer matches its hash (it was changed). PREV_HASH_MISMATCH: its predecessor is not the event it was chained to (an event was removed, inserted or rehashed). */
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

export interface AuditRow {
  id: string;
  occurred_at: Date;
  chain_key: string;
  action: string;
  outcome: AuditOutcome;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_agency_id: string | null;
  actor_roles: string[];
  case_id: string | null;
  field_groups: string[];
  purpose: string | null;
  correlation_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string | null;
  hash: string;
}

const COLUMNS = `id, occurred_at, chain_key, action, outcome, actor_user_id, actor_username, actor_agency_id, actor_roles,
  case_id, field_groups, purpose, correlation_id, details, prev_hash, hash`;

/**
 * The audit trail. `record` appends an event inside the caller's transaction, chained to the last
 * event of the same case (or, without a case, of the same UTC day); `verify` recomputes every chain.
 */
@Injectable()
export class AuditService {
  private readonly clock: AuditClock;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(AUDIT_CLOCK) clock?: AuditClock,
  ) {
    this.clock = clock ?? (() => new Date());
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
    const [{ isolation }] = await manager.query<{ isolation: string }[]>(
      `SELECT current_setting('transaction_isolation') AS isolation, pg_advisory_xact_lock(hashtextextended($1, 0))`,
      [content.chainKey],
    );
    if (isolation !== 'read committed') {
      // Under REPEATABLE READ or SERIALIZABLE the snapshot predates the lock, so the last hash read
      // could be stale and the chain would fork.
      throw new Error(`Audit event ${entry.action} must be recorded in a READ COMMITTED transaction, not ${isolation.toUpperCase()}`);
    }
    const last = await manager.query<{ hash: string }[]>(
      `SELECT hash FROM audit_event WHERE chain_key = $1 ORDER BY id DESC LIMIT 1`,
      [content.chainKey],
    );
    const prevHash = last[0]?.hash ?? null;
    await manager.query(
      `INSERT INTO audit_event (occurred_at, chain_key, action, outcome, actor_user_id, actor_username, actor_agency_id,
         actor_roles, case_id, field_groups, purpose, correlation_id, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10::text[], $11, $12, $13::jsonb, $14, $15)`,
      [
        content.occurredAt,
        content.chainKey,
        content.action,
        content.outcome,
        content.actorUserId,
        content.actorUsername,
        content.actorAgencyId,
        content.actorRoles,
        content.caseId,
        content.fieldGroups,
        content.purpose,
        content.correlationId,
        JSON.stringify(content.details),
        prevHash,
        chainHash(prevHash, content),
      ],
    );
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
   * Removing the newest events of a chain leaves a shorter chain that still verifies; catching that
   * needs the chain heads kept elsewhere.
   */
  async verify(options: VerifyOptions = {}): Promise<AuditVerification> {
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`page size must be a positive integer, not ${pageSize}`);

    let chains = 0;
    let events = 0;
    let firstBroken: BrokenAuditLink | undefined;
    let chainKey: string | null = null;
    let expectedPrev: string | null = null;
    let after: AuditRow | undefined;

    for (;;) {
      const rows: AuditRow[] = after
        ? await this.dataSource.query(
            `SELECT ${COLUMNS} FROM audit_event WHERE (chain_key, id) > ($1, $2::bigint) ORDER BY chain_key, id LIMIT $3`,
            [after.chain_key, after.id, pageSize],
          )
        : await this.dataSource.query(`SELECT ${COLUMNS} FROM audit_event ORDER BY chain_key, id LIMIT $1`, [pageSize]);

      for (const row of rows) {
        if (row.chain_key !== chainKey) {
          chains += 1;
          chainKey = row.chain_key;
          expectedPrev = null;
        }
        events += 1;
        if (!firstBroken) {
          if (row.prev_hash !== expectedPrev) {
            firstBroken = { chainKey: row.chain_key, eventId: row.id, reason: 'PREV_HASH_MISMATCH' };
          } else if (chainHash(row.prev_hash, contentOfRow(row)) !== row.hash) {
            firstBroken = { chainKey: row.chain_key, eventId: row.id, reason: 'HASH_MISMATCH' };
          }
        }
        expectedPrev = row.hash;
      }
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1];
    }
    return firstBroken ? { ok: false, chains, events, firstBroken } : { ok: true, chains, events };
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

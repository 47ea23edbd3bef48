import { DataSource, EntityManager } from 'typeorm';
import { AuditContent } from './audit-chain';
import { AuditOutcome } from './audit-event.entity';

/** The SQL of the audit trail: appending an event to its chain, and reading the chains back to verify them. */

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
  key_id: string | null;
}

/** A row as verification reads it: the event with its chain's heads beside it. */
export interface VerifiedRow extends AuditRow {
  head_last_id: string | null;
  head_last_hash: string | null;
  head_key_id: string | null;
  head_mac: string | null;
  legacy_last_id: string | null;
  legacy_last_hash: string | null;
}

const COLUMNS = `e.id, e.occurred_at, e.chain_key, e.action, e.outcome, e.actor_user_id, e.actor_username, e.actor_agency_id, e.actor_roles,
  e.case_id, e.field_groups, e.purpose, e.correlation_id, e.details, e.prev_hash, e.hash, e.key_id,
  h.last_id AS head_last_id, h.last_hash AS head_last_hash, h.key_id AS head_key_id, h.mac AS head_mac,
  l.last_id AS legacy_last_id, l.last_hash AS legacy_last_hash`;
const FROM = `audit_event e LEFT JOIN audit_chain_head h ON h.chain_key = e.chain_key LEFT JOIN audit_legacy_head l ON l.chain_key = e.chain_key`;

/**
 * Takes the chain's lock until the transaction ends, and says the transaction's isolation level.
 * One statement: the lock is held before any later statement of the transaction starts.
 */
export async function lockChain(manager: EntityManager, chainKey: string): Promise<{ isolation: string }> {
  const [{ isolation }] = await manager.query<{ isolation: string }[]>(
    `SELECT current_setting('transaction_isolation') AS isolation, pg_advisory_xact_lock(hashtextextended($1, 0))`,
    [chainKey],
  );
  return { isolation };
}

/** The hash of the chain's newest event; null for a new chain. */
export async function lastChainHash(manager: EntityManager, chainKey: string): Promise<string | null> {
  const last = await manager.query<{ hash: string }[]>(
    `SELECT hash FROM audit_event WHERE chain_key = $1 ORDER BY id DESC LIMIT 1`,
    [chainKey],
  );
  return last[0]?.hash ?? null;
}

/** Appends the event; returns its id. */
export async function insertAuditEvent(
  manager: EntityManager,
  event: { content: AuditContent; prevHash: string | null; hash: string; keyId: string },
): Promise<string> {
  const { content, prevHash, hash, keyId } = event;
  const [{ id }] = await manager.query<{ id: string }[]>(
    `INSERT INTO audit_event (occurred_at, chain_key, action, outcome, actor_user_id, actor_username, actor_agency_id,
         actor_roles, case_id, field_groups, purpose, correlation_id, details, prev_hash, hash, key_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10::text[], $11, $12, $13::jsonb, $14, $15, $16)
       RETURNING id`,
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
      hash,
      keyId,
    ],
  );
  return String(id);
}

/** Moves the chain's sealed head to its newest event. */
export async function upsertChainHead(
  manager: EntityManager,
  head: { chainKey: string; lastId: string; lastHash: string; keyId: string; mac: string },
): Promise<void> {
  await manager.query(
    `INSERT INTO audit_chain_head (chain_key, last_id, last_hash, key_id, mac, updated_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (chain_key) DO UPDATE SET last_id = EXCLUDED.last_id, last_hash = EXCLUDED.last_hash, key_id = EXCLUDED.key_id,
         mac = EXCLUDED.mac, updated_at = EXCLUDED.updated_at`,
    [head.chainKey, head.lastId, head.lastHash, head.keyId, head.mac],
  );
}

/** A page of events with their chains' heads, in (chain key, id) order, after the given event (or from the start). */
export async function verifiedRowsPage(
  dataSource: DataSource,
  after: { chainKey: string; id: string } | undefined,
  pageSize: number,
): Promise<VerifiedRow[]> {
  return after
    ? await dataSource.query(
        `SELECT ${COLUMNS} FROM ${FROM} WHERE (e.chain_key, e.id) > ($1, $2::bigint) ORDER BY e.chain_key, e.id LIMIT $3`,
        [after.chainKey, after.id, pageSize],
      )
    : await dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} ORDER BY e.chain_key, e.id LIMIT $1`, [pageSize]);
}

/** The first head (sealed or legacy), in chain key order, whose chain has no event left. */
export async function firstHeadWithoutChain(dataSource: DataSource): Promise<{ chain_key: string; last_id: string } | undefined> {
  const rows = await dataSource.query<{ chain_key: string; last_id: string }[]>(
    `SELECT chain_key, last_id FROM (
         SELECT chain_key, last_id FROM audit_chain_head UNION ALL SELECT chain_key, last_id FROM audit_legacy_head
       ) heads
       WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.chain_key = heads.chain_key)
       ORDER BY chain_key LIMIT 1`,
  );
  return rows[0];
}

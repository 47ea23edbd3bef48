import { createHash } from 'node:crypto';
import { AuditKeyring } from './audit-key';
import { AuditOutcome } from './audit-event.entity';

/** A value `details` may hold: ids, codes and counts, nothing nested. */
export type AuditDetailValue = string | number | boolean | null;

/**
 * Everything an audit row stores except its id, `prev_hash` and `hash`: the input of the hash. It is
 * built the same way when recording (from what is about to be inserted) and when verifying (from
 * what was read back), so the two must agree value for value; see `canonicalContent`.
 */
export interface AuditContent {
  occurredAt: Date;
  chainKey: string;
  action: string;
  outcome: AuditOutcome;
  actorUserId: string | null;
  actorUsername: string | null;
  actorAgencyId: string | null;
  actorRoles: string[];
  caseId: string | null;
  fieldGroups: string[];
  purpose: string | null;
  correlationId: string | null;
  details: Record<string, unknown>;
}

/** `case:<uuid>` for a case's events; `day:YYYY-MM-DD` (UTC) for events without a case. */
export function chainKeyFor(caseId: string | null, occurredAt: Date): string {
  return caseId ? `case:${caseId}` : `day:${occurredAt.toISOString().slice(0, 10)}`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Deterministic JSON: object keys sorted (by UTF-16 code unit) at every depth, arrays in order, no
 * whitespace. Written out by hand rather than by rebuilding objects for JSON.stringify, because a JS
 * object lists integer-like keys first whatever order they were added in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`cannot hash the non-finite number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
    }
    default:
      throw new Error(`cannot hash a value of type ${typeof value}`);
  }
}

/**
 * The canonical serialisation of a row's content. `occurredAt` is an ISO string with milliseconds,
 * which is why the service stores millisecond times only: PostgreSQL would keep microseconds.
 */
export function canonicalContent(content: AuditContent): string {
  const document: { [key: string]: Json } = {
    occurredAt: content.occurredAt.toISOString(),
    chainKey: content.chainKey,
    action: content.action,
    outcome: content.outcome,
    actorUserId: content.actorUserId,
    actorUsername: content.actorUsername,
    actorAgencyId: content.actorAgencyId,
    actorRoles: content.actorRoles,
    caseId: content.caseId,
    fieldGroups: content.fieldGroups,
    purpose: content.purpose,
    correlationId: content.correlationId,
    details: content.details as { [key: string]: Json },
  };
  return canonicalJson(document);
}

/**
 * sha256(prev_hash || canonical content), in hex. The previous hash is 64 hex digits or, for a
 * chain's first event, empty; the content starts with `{`, so the concatenation is unambiguous.
 */
export function chainHash(prevHash: string | null, content: AuditContent): string {
  return createHash('sha256')
    .update(prevHash ?? '', 'utf8')
    .update(canonicalContent(content), 'utf8')
    .digest('hex');
}

/**
 * HMAC-SHA256(key, prev_hash || canonical content), in hex: the hash of every event recorded since the
 * trail was keyed. Same input as `chainHash`, so the chain is still one sequence of links; only the key
 * holder can make a link that verifies.
 */
export function keyedChainHash(keyring: AuditKeyring, keyId: string, prevHash: string | null, content: AuditContent): string {
  return keyring.mac(keyId, prevHash ?? '', canonicalContent(content));
}

/** The seal of a chain's head: which event is its newest and what its hash is. */
export function chainHeadMac(keyring: AuditKeyring, keyId: string, chainKey: string, lastId: string, lastHash: string): string {
  return keyring.mac(keyId, `audit-chain-head\n${chainKey}\n${lastId}\n${lastHash}`);
}

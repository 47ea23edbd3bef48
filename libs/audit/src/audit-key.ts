import { createHmac, hkdfSync } from 'node:crypto';

/** One key of the process's keyring, as the platform resolves it at boot (`KIVUKO_ENCRYPTION_KEYS`). */
export interface AuditKeySource {
  id: string;
  key: Buffer;
}

/** The HKDF label: the audit keys are distinct from the encryption keys they come from. */
const AUDIT_KEY_INFO = 'kivuko audit chain hmac v1';

/**
 * The keys that seal the audit trail: one HMAC-SHA256 key per keyring key, derived with HKDF under its
 * own label, and named by the keyring key's id. They live only in the processes' memory (the keyring
 * comes from the environment or the data folder), never in the database, so no database role — not
 * even one that may insert into the audit trail — can compute a valid hash.
 *
 * Each event and chain head records the id of the key that sealed it; new ones use the first (active)
 * key. An older key must stay in the keyring for as long as events sealed under it are to verify.
 */
export class AuditKeyring {
  private readonly byId: Map<string, Buffer>;
  readonly activeKeyId: string;

  constructor(sources: readonly AuditKeySource[]) {
    if (sources.length === 0) throw new Error('the audit trail needs at least one key');
    this.byId = new Map(sources.map((s) => [s.id, Buffer.from(hkdfSync('sha256', s.key, Buffer.alloc(0), AUDIT_KEY_INFO, 32))]));
    this.activeKeyId = sources[0].id;
  }

  has(keyId: string): boolean {
    return this.byId.has(keyId);
  }

  /** HMAC-SHA256 of the parts (UTF-8, in order) in hex, under the named key. */
  mac(keyId: string, ...parts: string[]): string {
    const key = this.byId.get(keyId);
    if (!key) throw new Error(`audit key "${keyId}" is not in the keyring`);
    const hmac = createHmac('sha256', key);
    for (const part of parts) hmac.update(part, 'utf8');
    return hmac.digest('hex');
  }
}

/** Where AuditService gets its keyring; AuditModule builds it from the platform's keyring. */
export const AUDIT_KEYRING = Symbol('AUDIT_KEYRING');

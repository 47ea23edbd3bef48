import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One AES-256 key with the id that is stored beside every ciphertext it makes. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export const KEY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
const ENVELOPE_VERSION = 'v1';

export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`cannot decrypt: ${reason}`);
    this.name = 'DecryptionError';
  }
}

/** Parses `id:base64key,id:base64key` (the first key is the one new ciphertexts use). */
export function parseKeyring(text: string): { keys: EncryptionKey[]; problems: string[] } {
  const keys: EncryptionKey[] = [];
  const problems: string[] = [];
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .forEach((part, index) => {
      const [id, encoded, ...rest] = part.split(':');
      const key = Buffer.from(encoded ?? '', 'base64');
      if (rest.length > 0 || !encoded) problems.push(`key ${index + 1} must look like id:base64key`);
      else if (!KEY_ID_PATTERN.test(id)) problems.push(`key ${index + 1} has an id that is not 1-32 lower-case letters, digits or -`);
      else if (key.length !== 32) problems.push(`key "${id}" must be 32 bytes (base64 of 32 random bytes), got ${key.length}`);
      else if (keys.some((k) => k.id === id)) problems.push(`key id "${id}" appears twice`);
      else keys.push({ id, key });
    });
  if (keys.length === 0 && problems.length === 0) problems.push('no key given');
  return { keys, problems };
}

export function generateKeyring(id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/**
 * AES-256-GCM for the sensitive narratives and answers. Each ciphertext names its key id, so keys can
 * rotate, and is bound to its context (e.g. `screening_answer.text:<row id>`), so a ciphertext moved
 * to another row or column does not decrypt.
 */
export class FieldCipher {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: readonly EncryptionKey[]) {
    if (keys.length === 0) throw new Error('FieldCipher needs at least one key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  get activeKeyId(): string {
    return this.keys[0].id;
  }

  encrypt(plaintext: string, context: string): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [ENVELOPE_VERSION, id, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(envelope: string, context: string): string {
    const parts = envelope.split('.');
    if (parts.length !== 5 || parts[0] !== ENVELOPE_VERSION) throw new DecryptionError('not a Kivuko ciphertext');
    const [, id, iv, tag, body] = parts;
    const key = this.byId.get(id);
    if (!key) throw new DecryptionError(`key "${id}" is not in the keyring`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError('the ciphertext was altered, or belongs to another record');
    }
  }

  keyIdOf(envelope: string): string | undefined {
    const parts = envelope.split('.');
    return parts.length === 5 ? parts[1] : undefined;
  }

  /** True when the ciphertext was made with a key other than the active one. */
  needsRotation(envelope: string): boolean {
    return this.keyIdOf(envelope) !== this.activeKeyId;
  }

  /** Decrypts with whichever key made it and encrypts again with the active key. */
  reencrypt(envelope: string, context: string): string {
    return this.encrypt(this.decrypt(envelope, context), context);
  }
}

/**
 * Encryption at rest for the device's offline records (WebCrypto only).
 *
 * Each user has a random AES-GCM 256 data key. It is stored only wrapped (AES-KW) by a key derived from
 * the user's password with PBKDF2-SHA-256 and a per-user random salt; unwrapped, it lives in memory for
 * the signed-in session and is never extractable. Every record is sealed with a fresh 96-bit IV.
 */

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 310_000;

export interface WrappedKey {
  salt: Uint8Array;
  iterations: number;
  wrapped: Uint8Array;
}

export interface Sealed {
  iv: Uint8Array;
  data: Uint8Array;
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const bytes = (length: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(length));
/** WebCrypto's typings want a BufferSource backed by an ArrayBuffer. */
const source = (value: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(value);

async function passwordKey(password: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: source(salt), iterations }, material, { name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

/** A new data key for a user, and its wrapped form to store. */
export async function createDataKey(password: string, iterations = PBKDF2_ITERATIONS): Promise<{ key: CryptoKey; wrapped: WrappedKey }> {
  const exportable = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const salt = bytes(16);
  const kek = await passwordKey(password, salt, iterations);
  const wrapped = new Uint8Array(await subtle().wrapKey('raw', exportable, kek, 'AES-KW'));
  // The copy kept in memory cannot be exported by any script.
  const key = await subtle().unwrapKey('raw', wrapped, kek, 'AES-KW', { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return { key, wrapped: { salt, iterations, wrapped } };
}

/** Wraps a (still extractable) data key under a new salt for the password. */
async function wrapDataKey(key: CryptoKey, password: string, iterations: number): Promise<WrappedKey> {
  const salt = bytes(16);
  const kek = await passwordKey(password, salt, iterations);
  const wrapped = new Uint8Array(await subtle().wrapKey('raw', key, kek, 'AES-KW'));
  return { salt, iterations, wrapped };
}

/** The data key, if the password is the one it was wrapped with; AES-KW's integrity check refuses any other (throws). */
export async function unwrapDataKey(stored: WrappedKey, password: string, extractable = false): Promise<CryptoKey> {
  const kek = await passwordKey(password, stored.salt, stored.iterations);
  return subtle().unwrapKey('raw', source(stored.wrapped), kek, 'AES-KW', { name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);
}

/** After a password change at the api: the same data key (so existing records stay readable), wrapped for the new password. */
export async function rewrapDataKey(stored: WrappedKey, oldPassword: string, newPassword: string): Promise<WrappedKey> {
  const key = await unwrapDataKey(stored, oldPassword, true);
  return wrapDataKey(key, newPassword, stored.iterations);
}

/** Seals a JSON value; `context` (the owner and record id) is bound as associated data, so a record cannot be moved to another owner or id. */
export async function seal(key: CryptoKey, value: unknown, context: string): Promise<Sealed> {
  const iv = bytes(12);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv: source(iv), additionalData: new TextEncoder().encode(context) }, key, new TextEncoder().encode(JSON.stringify(value)));
  return { iv, data: new Uint8Array(data) };
}

export async function open<T>(key: CryptoKey, sealed: Sealed, context: string): Promise<T> {
  const plain = await subtle().decrypt({ name: 'AES-GCM', iv: source(sealed.iv), additionalData: new TextEncoder().encode(context) }, key, source(sealed.data));
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

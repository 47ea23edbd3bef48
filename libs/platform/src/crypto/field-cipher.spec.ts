import { randomBytes } from 'node:crypto';
import { DecryptionError, FieldCipher, generateKeyring, parseKeyring } from './field-cipher';

const keyring = (...ids: string[]): string => ids.map((id) => `${id}:${randomBytes(32).toString('base64')}`).join(',');

describe('FieldCipher', () => {
  const disclosure = 'Disclosed sexual violence by a smuggler near the border, three days ago.';
  const context = 'screening_answer.text:4f1c2a9e-0000-4000-8000-000000000001';

  it('round-trips a narrative and stores neither the text nor any part of it', () => {
    const cipher = new FieldCipher(parseKeyring(keyring('k1')).keys);
    const sealed = cipher.encrypt(disclosure, context);
    expect(sealed).toMatch(/^v1\.k1\./);
    expect(sealed).not.toContain('violence');
    expect(cipher.decrypt(sealed, context)).toBe(disclosure);
  });

  it('makes a different ciphertext each time for the same text', () => {
    const cipher = new FieldCipher(parseKeyring(keyring('k1')).keys);
    expect(cipher.encrypt(disclosure, context)).not.toBe(cipher.encrypt(disclosure, context));
  });

  it('refuses a ciphertext that was altered', () => {
    const cipher = new FieldCipher(parseKeyring(keyring('k1')).keys);
    const parts = cipher.encrypt(disclosure, context).split('.');
    const body = Buffer.from(parts[4], 'base64url');
    body[0] ^= 0x01;
    parts[4] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), context)).toThrow(DecryptionError);
  });

  it('refuses a ciphertext moved to another record or field', () => {
    const cipher = new FieldCipher(parseKeyring(keyring('k1')).keys);
    const sealed = cipher.encrypt(disclosure, context);
    expect(() => cipher.decrypt(sealed, 'screening_answer.text:another-row')).toThrow('belongs to another record');
  });

  it('still reads old ciphertexts after a key rotation, and writes new ones with the new key', () => {
    const oldRing = keyring('k2025');
    const before = new FieldCipher(parseKeyring(oldRing).keys);
    const sealed = before.encrypt(disclosure, context);
    const after = new FieldCipher(parseKeyring(`${keyring('k2026')},${oldRing}`).keys);
    expect(after.decrypt(sealed, context)).toBe(disclosure);
    expect(after.needsRotation(sealed)).toBe(true);
    const rotated = after.reencrypt(sealed, context);
    expect(after.keyIdOf(rotated)).toBe('k2026');
    expect(after.needsRotation(rotated)).toBe(false);
    expect(() => before.decrypt(rotated, context)).toThrow('key "k2026" is not in the keyring');
  });

  it('refuses a malformed keyring, naming each problem', () => {
    expect(parseKeyring('k1:c2hvcnQ=,BAD ID:AAAA,k1:zz').problems).toEqual([
      'key "k1" must be 32 bytes (base64 of 32 random bytes), got 5',
      'key 2 has an id that is not 1-32 lower-case letters, digits or -',
      'key "k1" must be 32 bytes (base64 of 32 random bytes), got 1',
    ]);
    expect(parseKeyring(`${keyring('a')},${keyring('a')}`).problems).toEqual(['key id "a" appears twice']);
    expect(parseKeyring('').problems).toEqual(['no key given']);
    expect(parseKeyring(generateKeyring('fresh')).problems).toEqual([]);
  });
});

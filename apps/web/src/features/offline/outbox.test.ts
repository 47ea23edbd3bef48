import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openOfflineDb, OfflineDb } from './db';
import { Outbox, OutboxItem, SendOutcome } from './outbox';
import { OfflineVault, VaultError } from './vault';
import { OutboxQueuedError, sendViaOutbox } from './send-via-outbox';
import { ApiError } from '../../api/api-error';

// Few PBKDF2 rounds keep the tests fast; the app uses PBKDF2_ITERATIONS.
const ROUNDS = 1000;
const BODY = { intakeId: 'i-1', persons: [{ givenName: 'Amina', familyName: 'Hassan' }, { givenName: 'Yusuf', familyName: 'Hassan' }] };

let db: OfflineDb;
let vault: OfflineVault;
let clock: number;
let answers: SendOutcome[];
let sent: OutboxItem[];
let online: boolean;

function outbox(): Outbox {
  return new Outbox({
    db,
    vault,
    now: () => clock,
    random: () => 0.5,
    online: () => online,
    // Timers are driven by the test (kick) instead of waiting for real time.
    setTimer: () => 1,
    clearTimer: () => undefined,
    send: async (item) => {
      sent.push(item);
      const answer = answers.shift();
      if (!answer) throw new TypeError('Failed to fetch');
      return answer;
    },
  });
}

beforeEach(() => {
  db = openOfflineDb(`test-${Math.random()}`, new IDBFactory(), IDBKeyRange);
  vault = new OfflineVault(db, ROUNDS);
  clock = 1_000_000;
  answers = [];
  sent = [];
  online = true;
});

describe('Outbox', () => {
  it('sends a record once online and keeps the api answer for waitForSent', async () => {
    await vault.unlockOnline('border.official', 'pw');
    const box = outbox();
    online = false;
    await box.enqueue({ kind: 'intake', id: 'i-1', body: BODY });
    await box.idle();
    expect(sent).toHaveLength(0);
    expect(box.items[0]).toMatchObject({ id: 'i-1', status: 'pending', label: 'Amina Hassan' });

    online = true;
    answers.push({ status: 201, body: { intakeId: 'i-1', cases: [{ caseNumber: 'TZA-NAM-2026-000001' }] } });
    const waiting = box.waitForSent('i-1', 5000);
    box.kick();
    expect(await waiting).toEqual({ status: 'sent', result: { intakeId: 'i-1', cases: [{ caseNumber: 'TZA-NAM-2026-000001' }] } });
    expect(box.items[0]?.status).toBe('sent');
  });

  it('keeps a record Pending on no answer or a 5xx, with an exponential backoff, and never drops it', async () => {
    await vault.unlockOnline('border.official', 'pw');
    const box = outbox();
    await box.enqueue({ kind: 'intake', id: 'i-1', body: BODY });
    await box.idle();
    expect(box.items[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: { code: 'NETWORK.UNREACHABLE' } });
    // 2 s ceiling, jitter 0.5 → 1.5 s.
    expect(box.items[0]?.nextTryAt).toBe(clock + 1500);

    // Not due yet: nothing is sent.
    box.kick();
    await box.idle();
    expect(sent).toHaveLength(1);

    clock += 1500;
    answers.push({ status: 503, body: { code: 'HTTP.503' } });
    box.kick();
    await box.idle();
    expect(box.items[0]).toMatchObject({ status: 'pending', attempts: 2, nextTryAt: clock + 3000, lastError: { status: 503 } });
    expect(box.backoff(20)).toBe(225_000);
  });

  it('marks a 400 Failed with the field errors kept, and a retry after an edit sends the new body', async () => {
    await vault.unlockOnline('border.official', 'pw');
    const box = outbox();
    answers.push({ status: 400, body: { code: 'INTAKE.INVALID', details: { fields: [{ path: 'persons[0].sex', problem: 'must be one of FEMALE, MALE' }] } } });
    await box.enqueue({ kind: 'intake', id: 'i-1', body: BODY });
    await box.idle();
    expect(box.items[0]).toMatchObject({ status: 'failed', lastError: { status: 400, code: 'INTAKE.INVALID', fields: [{ path: 'persons[0].sex' }] } });
    // A failed record is not tried again by itself.
    clock += 10 * 60_000;
    box.kick();
    await box.idle();
    expect(sent).toHaveLength(1);

    answers.push({ status: 201, body: { intakeId: 'i-1' } });
    await box.update('i-1', { ...BODY, persons: [{ givenName: 'Amina', familyName: 'Hassan', sex: 'FEMALE' }] });
    await box.idle();
    expect(sent[1]?.body).toMatchObject({ persons: [{ sex: 'FEMALE' }] });
    expect(box.items[0]?.status).toBe('sent');
  });

  it('marks a 409 as a conflict to review', async () => {
    await vault.unlockOnline('border.official', 'pw');
    const box = outbox();
    answers.push({ status: 409, body: { code: 'INTAKE.ID_CONFLICT' } });
    await box.enqueue({ kind: 'intake', id: 'i-1', body: BODY });
    expect(await box.waitForSent('i-1', 5000)).toMatchObject({ status: 'failed', error: { status: 409, code: 'INTAKE.ID_CONFLICT' } });
  });

  it('stores records sealed: no name in clear, and another user on the device neither sees nor opens them', async () => {
    await vault.unlockOnline('border.official', 'pw');
    const box = outbox();
    online = false;
    await box.enqueue({ kind: 'intake', id: 'i-1', body: BODY });
    const raw = await db.outbox.toArray();
    expect(JSON.stringify(raw)).not.toContain('Amina');
    expect(raw[0]?.owner).toBe('border.official');

    vault.lock();
    await box.load();
    expect(box.items).toEqual([]);
    await vault.unlockOnline('airport.official', 'other');
    await box.load();
    expect(box.items).toEqual([]);
    expect(await box.unsentCount('border.official')).toBe(1);
    // Another user cannot open them with their own key: the sealed data is bound to its owner.
    expect(() => vault.keyFor('border.official')).toThrow(VaultError);

    // The owner signs in again and the record is there, and sent when online.
    vault.lock();
    await vault.unlockOnline('border.official', 'pw');
    online = true;
    answers.push({ status: 201, body: { intakeId: 'i-1' } });
    box.kick();
    await box.idle();
    expect(sent.map((item) => item.id)).toEqual(['i-1']);
    expect(box.items[0]?.status).toBe('sent');
    await box.forgetSent();
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends one at a time, oldest first', async () => {
    await vault.unlockOnline('border.official', 'pw');
    const box = outbox();
    online = false;
    await box.enqueue({ kind: 'intake', id: 'b', body: BODY, createdAt: clock + 1 });
    await box.enqueue({ kind: 'intake', id: 'a', body: BODY, createdAt: clock });
    online = true;
    answers.push({ status: 201, body: {} }, { status: 201, body: {} });
    box.kick();
    await box.idle();
    expect(sent.map((item) => item.id)).toEqual(['a', 'b']);
  });
});

describe('sendViaOutbox', () => {
  it('answers with the api body when sent, the refusal as an ApiError, and OutboxQueuedError when no answer comes in time', async () => {
    await vault.unlockOnline('border.official', 'pw');
    const box = outbox();
    answers.push({ status: 201, body: { intakeId: 'a', cases: [] } });
    expect(await sendViaOutbox(box, { kind: 'intake', id: 'a', body: BODY }, 2000)).toEqual({ intakeId: 'a', cases: [] });

    answers.push({ status: 400, body: { code: 'INTAKE.INVALID', details: { fields: [{ path: 'persons[0].sex', problem: 'required' }] } } });
    const refused = await sendViaOutbox(box, { kind: 'intake', id: 'b', body: BODY }, 2000).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 400, code: 'INTAKE.INVALID', fields: [{ path: 'persons[0].sex', problem: 'required' }] });

    online = false;
    await expect(sendViaOutbox(box, { kind: 'intake', id: 'c', body: BODY }, 50)).rejects.toBeInstanceOf(OutboxQueuedError);
    // The corrected form resubmits under the same id: the Failed record is replaced, not duplicated.
    online = true;
    answers.push({ status: 201, body: { intakeId: 'b' } });
    expect(await sendViaOutbox(box, { kind: 'intake', id: 'b', body: { ...BODY, fixed: true } }, 2000)).toEqual({ intakeId: 'b' });
    expect(box.items.filter((item) => item.id === 'b')).toHaveLength(1);
  });
});

describe('OfflineVault', () => {
  it('signs a known user in offline with their password only, and keeps their profile sealed', async () => {
    await vault.unlockOnline('Border.Official', 'pw');
    await vault.saveProfile({ refreshToken: 'r-1', me: { username: 'border.official' } });
    vault.lock();
    await expect(vault.unlockOffline('border.official', 'wrong')).rejects.toMatchObject({ code: 'OFFLINE.WRONG_PASSWORD' });
    await expect(vault.unlockOffline('nobody', 'pw')).rejects.toMatchObject({ code: 'OFFLINE.NOT_ON_DEVICE' });
    expect(await vault.unlockOffline('border.official', 'pw')).toEqual({ refreshToken: 'r-1', me: { username: 'border.official' } });
    expect(JSON.stringify(await db.users.toArray())).not.toContain('r-1');
  });

  it('keeps the old key when the password changed and records are waiting', async () => {
    await vault.unlockOnline('border.official', 'old');
    const box = outbox();
    online = false;
    await box.enqueue({ kind: 'intake', id: 'i-1', body: BODY });
    vault.lock();
    await expect(vault.unlockOnline('border.official', 'new')).rejects.toMatchObject({ code: 'OFFLINE.WRONG_PASSWORD' });
    expect(await db.outbox.count()).toBe(1);
  });
});

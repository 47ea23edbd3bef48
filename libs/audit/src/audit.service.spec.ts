import { Actor, dataSourceOptions, Role } from '@kivuko/platform';
import { createTestDatabase, TestDatabase } from '@kivuko/platform/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
// Until the runtime lists this migration in ALL_MIGRATIONS the test template lacks the table, so the
// spec applies the migration itself when it is missing (and skips it once the template has it); the
// down()/up() test needs the class too. A spec-only reach into migrations/, deliberately.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AuditTrail1764200000000 } from '../../../migrations/1764200000000-audit-trail';
import { AuditContent, chainHash } from './audit-chain';
import { AuditKeyring } from './audit-key';
import { AuditClock, AuditEntry, contentOfRow } from './audit.service';
import { AUDIT_ENTITIES, AuditService } from './index';

/** The keyring the tests' processes hold; the database never sees it. */
const KEYRING = new AuditKeyring([{ id: 'audit-test', key: Buffer.alloc(32, 3) }]);

interface AuditDatabase {
  db: TestDatabase;
  dataSource: DataSource;
  audit: AuditService;
  close(): Promise<void>;
}

/** A database of its own (cloned from the run's template), with the audit table, for one group of tests. */
async function openAuditDatabase(suffix: string, clock?: AuditClock): Promise<AuditDatabase> {
  const db = await createTestDatabase(`audit_${suffix}`);
  const dataSource = await new DataSource(
    dataSourceOptions({ url: db.url, entities: AUDIT_ENTITIES, migrations: [AuditTrail1764200000000], poolSize: 25, applicationName: 'kivuko-audit-test' }),
  ).initialize();
  const [{ present }] = await dataSource.query<{ present: boolean }[]>(`SELECT to_regclass('audit_event') IS NOT NULL AS present`);
  if (!present) await dataSource.runMigrations({ transaction: 'each' });
  return {
    db,
    dataSource,
    audit: new AuditService(dataSource, KEYRING, clock),
    async close() {
      await dataSource.destroy();
      await db.drop();
    },
  };
}

interface StoredEvent {
  id: string;
  chain_key: string;
  action: string;
  outcome: string;
  prev_hash: string | null;
  hash: string;
}

async function storedEvents(dataSource: DataSource, chainKey?: string): Promise<StoredEvent[]> {
  const where = chainKey === undefined ? '' : 'WHERE chain_key = $1';
  return dataSource.query(
    `SELECT id, chain_key, action, outcome, prev_hash, hash FROM audit_event ${where} ORDER BY chain_key COLLATE "C", id`,
    chainKey === undefined ? [] : [chainKey],
  );
}

/** Each chain starts with a null prev_hash and every later event points at its predecessor's hash. */
function expectLinked(events: StoredEvent[]): void {
  events.forEach((event, i) => {
    const previous = events[i - 1];
    expect(event.prev_hash).toBe(previous && previous.chain_key === event.chain_key ? previous.hash : null);
  });
}

/** What only a superuser can do: change the table behind the triggers' back. */
async function tamper(dataSource: DataSource, sql: string, params: unknown[]): Promise<void> {
  await dataSource.transaction(async (em) => {
    await em.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
    const [, affected] = await em.query<[unknown, number]>(sql, params);
    expect(affected).toBe(1);
    await em.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
  });
}

/** Settles to 'done' if the promise resolves within `ms`, otherwise to 'still waiting'. */
async function within(promise: Promise<unknown>, ms: number): Promise<'done' | 'still waiting'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'still waiting'>((resolve) => {
    timer = setTimeout(() => resolve('still waiting'), ms);
  });
  try {
    return await Promise.race([promise.then(() => 'done' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const officer: Actor = {
  userId: randomUUID(),
  username: 'officer.wanjiru',
  agencyId: randomUUID(),
  roles: [Role.Caseworker, Role.BorderOfficial],
  borderPointIds: [randomUUID()],
};

describe('audit trail: recording', () => {
  let t: AuditDatabase;

  beforeAll(async () => {
    t = await openAuditDatabase('record');
  });
  afterAll(async () => {
    await t.close();
  });

  it('has an entity that matches its migration exactly', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('stores actor, agency, roles, action, case, field groups, purpose, correlation id and time, with uuids as PostgreSQL prints them', async () => {
    const caseId = randomUUID();
    const before = Date.now();
    await t.dataSource.transaction((em) =>
      t.audit.record(em, {
        action: 'CASE.READ',
        actor: officer,
        caseId: caseId.toUpperCase(),
        fieldGroups: ['IDENTITY', 'PROTECTION_NEEDS'],
        purpose: 'REFERRAL_REVIEW',
        correlationId: 'req-12345678',
        details: { personCount: 2, referralId: 'REF-2025-001', roles: 'CASEWORKER,SUPERVISOR', urgent: true, previous: null },
      }),
    );

    const [row] = await t.dataSource.query(`SELECT * FROM audit_event WHERE case_id = $1`, [caseId]);
    expect(row).toEqual({
      id: expect.any(String),
      occurred_at: expect.any(Date),
      chain_key: `case:${caseId}`,
      action: 'CASE.READ',
      outcome: 'SUCCESS',
      actor_user_id: officer.userId,
      actor_username: 'officer.wanjiru',
      actor_agency_id: officer.agencyId,
      actor_roles: ['CASEWORKER', 'BORDER_OFFICIAL'],
      case_id: caseId,
      field_groups: ['IDENTITY', 'PROTECTION_NEEDS'],
      purpose: 'REFERRAL_REVIEW',
      correlation_id: 'req-12345678',
      details: { personCount: 2, referralId: 'REF-2025-001', roles: 'CASEWORKER,SUPERVISOR', urgent: true, previous: null },
      prev_hash: null,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      key_id: 'audit-test',
    });
    expect((row.occurred_at as Date).getTime()).toBeGreaterThanOrEqual(before);
    expect((row.occurred_at as Date).getTime()).toBeLessThanOrEqual(Date.now());
    expect(await t.audit.verify()).toMatchObject({ ok: true });
  });

  it('leaves no audit row when the transaction it was recorded in rolls back', async () => {
    const caseId = randomUUID();
    await expect(
      t.dataSource.transaction(async (em) => {
        await t.audit.record(em, { action: 'CASE.UPDATED', actor: officer, caseId });
        throw new Error('the change failed after it was audited');
      }),
    ).rejects.toThrow('the change failed after it was audited');

    expect(await t.dataSource.query(`SELECT id FROM audit_event WHERE case_id = $1`, [caseId])).toEqual([]);
  });

  it('refuses to record outside a transaction, and writes nothing', async () => {
    const caseId = randomUUID();
    await expect(t.audit.record(t.dataSource.manager, { action: 'CASE.READ', actor: officer, caseId })).rejects.toThrow(
      'Audit event CASE.READ must be recorded inside the transaction of the work it describes',
    );
    expect(await t.dataSource.query(`SELECT id FROM audit_event WHERE case_id = $1`, [caseId])).toEqual([]);
  });

  it('refuses to record in a REPEATABLE READ transaction, whose snapshot could hide the last event of the chain', async () => {
    const caseId = randomUUID();
    await expect(
      t.dataSource.transaction('REPEATABLE READ', (em) => t.audit.record(em, { action: 'CASE.READ', actor: officer, caseId })),
    ).rejects.toThrow('must be recorded in a READ COMMITTED transaction, not REPEATABLE READ');
    expect(await t.dataSource.query(`SELECT id FROM audit_event WHERE case_id = $1`, [caseId])).toEqual([]);
  });

  it('refuses details that are not ids, codes or counts, so names and narratives cannot be written', async () => {
    const caseId = randomUUID();
    const attempts: Partial<AuditEntry>[] = [
      { details: { person: 'Amina Yusuf' } },
      { details: { note: 'arrived with two children, says she fled' } },
      { details: { 'full name': 'X' } },
      { details: { count: Number.NaN } },
      { fieldGroups: ['identity and narrative'] },
      { action: 'read the case' },
    ];
    for (const attempt of attempts) {
      await expect(
        t.dataSource.transaction((em) => t.audit.record(em, { action: 'CASE.READ', actor: officer, caseId, ...attempt })),
      ).rejects.toThrow(/^audit /);
    }
    expect(await t.dataSource.query(`SELECT id FROM audit_event WHERE case_id = $1`, [caseId])).toEqual([]);
  });

  it('records a failed login of an unknown account on its own, with the username tried and no actor', async () => {
    const tried = `nobody-${randomUUID()}`;
    await t.audit.recordStandalone({ action: 'AUTH.LOGIN_FAILED', outcome: 'FAILURE', actorUsername: tried, details: { reason: 'UNKNOWN_ACCOUNT' } });

    const rows = await t.dataSource.query(
      `SELECT chain_key, outcome, actor_user_id, actor_agency_id, actor_roles, case_id, details FROM audit_event WHERE actor_username = $1`,
      [tried],
    );
    expect(rows).toEqual([
      {
        chain_key: `day:${new Date().toISOString().slice(0, 10)}`,
        outcome: 'FAILURE',
        actor_user_id: null,
        actor_agency_id: null,
        actor_roles: [],
        case_id: null,
        details: { reason: 'UNKNOWN_ACCOUNT' },
      },
    ]);
  });

  it('stores a username with a lone surrogate or NUL as PostgreSQL keeps it, so the chain still verifies', async () => {
    const tried = `bad\u0000name\uD800-${randomUUID()}`;
    await t.audit.recordStandalone({ action: 'AUTH.LOGIN_FAILED', outcome: 'FAILURE', actorUsername: tried });

    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM audit_event WHERE actor_username LIKE 'bad%name%'`);
    expect(count).toBe(1);
    expect(await t.audit.verify()).toMatchObject({ ok: true });
  });
});

describe('audit trail: chains', () => {
  let t: AuditDatabase;
  let now = new Date();
  const caseA = randomUUID();
  const caseB = randomUUID();

  beforeAll(async () => {
    t = await openAuditDatabase('chains', () => now);
  });
  afterAll(async () => {
    await t.close();
  });

  async function recordAt(iso: string, caseId?: string, action = 'CASE.READ'): Promise<void> {
    now = new Date(iso);
    await t.dataSource.transaction((em) => t.audit.record(em, { action, actor: officer, ...(caseId ? { caseId } : {}) }));
  }

  it('chains the events of each case separately, and events without a case per UTC day, each chain starting with a null prev_hash', async () => {
    await recordAt('2025-03-01T10:00:00.001Z', caseA);
    await recordAt('2025-03-01T10:00:00.002Z', caseB);
    await recordAt('2025-03-01T23:59:59.999Z', undefined, 'ACCESS.DENIED');
    await recordAt('2025-03-02T00:00:00.000Z', undefined, 'AUTH.LOGIN_FAILED');
    await recordAt('2025-03-02T08:00:00.000Z', caseA, 'CASE.UPDATED');
    // Another replica whose clock is a little behind: still the day of its own time.
    await recordAt('2025-03-01T23:59:59.998Z', undefined, 'ACCESS.DENIED');
    await recordAt('2025-03-02T09:00:00.000Z', caseB, 'CASE.UPDATED');
    await recordAt('2025-03-02T09:00:00.001Z', caseA, 'CASE.READ');

    const events = await storedEvents(t.dataSource);
    expect(events.map((e) => [e.chain_key, e.action])).toEqual(
      [
        [`case:${caseA}`, 'CASE.READ'],
        [`case:${caseA}`, 'CASE.UPDATED'],
        [`case:${caseA}`, 'CASE.READ'],
        [`case:${caseB}`, 'CASE.READ'],
        [`case:${caseB}`, 'CASE.UPDATED'],
        ['day:2025-03-01', 'ACCESS.DENIED'],
        ['day:2025-03-01', 'ACCESS.DENIED'],
        ['day:2025-03-02', 'AUTH.LOGIN_FAILED'],
      ].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)),
    );
    expect(events.filter((e) => e.prev_hash === null).map((e) => e.chain_key)).toEqual(
      [`case:${caseA}`, `case:${caseB}`, 'day:2025-03-01', 'day:2025-03-02'].sort(),
    );
    expectLinked(events);
  });

  it('verifies every chain and counts chains and events, whatever the page size', async () => {
    for (const pageSize of [1, 2, 3, 7, 8, 1000]) {
      expect(await t.audit.verify({ pageSize })).toEqual({ ok: true, chains: 4, events: 8 });
    }
  });
});

describe('audit trail: tampering', () => {
  let t: AuditDatabase;
  const caseA = randomUUID();
  const caseB = randomUUID();
  let chainB: StoredEvent[];

  beforeEach(async () => {
    t = await openAuditDatabase('tamper');
    for (let i = 0; i < 3; i += 1) {
      for (const caseId of [caseA, caseB]) {
        await t.dataSource.transaction((em) =>
          t.audit.record(em, { action: 'CASE.READ', actor: officer, caseId, fieldGroups: ['IDENTITY'], details: { step: i } }),
        );
      }
    }
    await t.audit.recordStandalone({ action: 'ACCESS.DENIED', outcome: 'DENIED', actor: officer, details: { permission: 'AUDIT_VERIFY' } });
    chainB = await storedEvents(t.dataSource, `case:${caseB}`);
  });
  afterEach(async () => {
    await t.close();
  });

  it('verifies the untouched trail as ok', async () => {
    expect(chainB).toHaveLength(3);
    expect(await t.audit.verify()).toEqual({ ok: true, chains: 3, events: 7 });
  });

  it('reports an event whose action was changed as HASH_MISMATCH at that event', async () => {
    await tamper(t.dataSource, `UPDATE audit_event SET action = 'CASE.UPDATED' WHERE id = $1`, [chainB[1].id]);

    expect(await t.audit.verify()).toEqual({
      ok: false,
      chains: 3,
      events: 7,
      firstBroken: { chainKey: `case:${caseB}`, eventId: chainB[1].id, reason: 'HASH_MISMATCH' },
    });
  });

  it('reports an event whose details were changed as HASH_MISMATCH at that event', async () => {
    await tamper(t.dataSource, `UPDATE audit_event SET details = '{"step": 7}' WHERE id = $1`, [chainB[2].id]);

    expect(await t.audit.verify({ pageSize: 2 })).toMatchObject({
      ok: false,
      firstBroken: { chainKey: `case:${caseB}`, eventId: chainB[2].id, reason: 'HASH_MISMATCH' },
    });
  });

  it('reports a deleted middle event as PREV_HASH_MISMATCH on the event after it', async () => {
    await tamper(t.dataSource, `DELETE FROM audit_event WHERE id = $1`, [chainB[1].id]);

    for (const pageSize of [1, 2, 1000]) {
      expect(await t.audit.verify({ pageSize })).toEqual({
        ok: false,
        chains: 3,
        events: 6,
        firstBroken: { chainKey: `case:${caseB}`, eventId: chainB[2].id, reason: 'PREV_HASH_MISMATCH' },
      });
    }
  });

  it('reports a changed event whose hash was recomputed without the key as HASH_MISMATCH at that event', async () => {
    const [row] = await t.dataSource.query(`SELECT * FROM audit_event WHERE id = $1`, [chainB[0].id]);
    const forged: AuditContent = { ...contentOfRow(row), action: 'CASE.CLOSED' };
    await tamper(t.dataSource, `UPDATE audit_event SET action = 'CASE.CLOSED', hash = $2 WHERE id = $1`, [
      chainB[0].id,
      chainHash(row.prev_hash, forged),
    ]);

    expect(await t.audit.verify()).toMatchObject({
      ok: false,
      firstBroken: { chainKey: `case:${caseB}`, eventId: chainB[0].id, reason: 'HASH_MISMATCH' },
    });
  });

  it('fails a row forged by the app role (which may insert) with a correctly computed unkeyed hash', async () => {
    const last = chainB[chainB.length - 1];
    const [row] = await t.dataSource.query(`SELECT * FROM audit_event WHERE id = $1`, [last.id]);
    const forged: AuditContent = { ...contentOfRow(row), occurredAt: new Date(row.occurred_at.getTime() + 1000), action: 'CASE.CLOSED', details: {} };
    const insertForged = async (keyId: string | null): Promise<string> =>
      t.dataSource.transaction(async (em) => {
        await em.query('SET LOCAL ROLE kivuko_app');
        const [{ id }] = await em.query<{ id: string }[]>(
          `INSERT INTO audit_event (occurred_at, chain_key, action, outcome, actor_user_id, actor_username, actor_agency_id, actor_roles,
             case_id, field_groups, purpose, correlation_id, details, prev_hash, hash, key_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10::text[], $11, $12, $13::jsonb, $14, $15, $16) RETURNING id`,
          [
            forged.occurredAt, forged.chainKey, forged.action, forged.outcome, forged.actorUserId, forged.actorUsername, forged.actorAgencyId,
            forged.actorRoles, forged.caseId, forged.fieldGroups, forged.purpose, forged.correlationId, JSON.stringify(forged.details),
            last.hash, chainHash(last.hash, forged), keyId,
          ],
        );
        return id;
      });

    // Unkeyed, as every event was before the trail was keyed.
    const unkeyed = await insertForged(null);
    expect(await t.audit.verify()).toMatchObject({ ok: false, firstBroken: { chainKey: `case:${caseB}`, eventId: unkeyed, reason: 'NOT_KEYED' } });
  });

  it('fails a row forged by the app role that claims the audit key id', async () => {
    const last = chainB[chainB.length - 1];
    const [row] = await t.dataSource.query(`SELECT * FROM audit_event WHERE id = $1`, [last.id]);
    const forged: AuditContent = { ...contentOfRow(row), action: 'CASE.CLOSED' };
    const id = await t.dataSource.transaction(async (em) => {
      await em.query('SET LOCAL ROLE kivuko_app');
      const [inserted] = await em.query<{ id: string }[]>(
        `INSERT INTO audit_event (occurred_at, chain_key, action, outcome, actor_user_id, actor_roles, case_id, field_groups, details, prev_hash, hash, key_id)
         VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8::text[], $9::jsonb, $10, $11, 'audit-test') RETURNING id`,
        [forged.occurredAt, forged.chainKey, forged.action, forged.outcome, forged.actorUserId, forged.actorRoles, forged.caseId, forged.fieldGroups, JSON.stringify(forged.details), last.hash, chainHash(last.hash, forged)],
      );
      return inserted.id;
    });
    expect(await t.audit.verify()).toMatchObject({ ok: false, firstBroken: { chainKey: `case:${caseB}`, eventId: id, reason: 'HASH_MISMATCH' } });
  });

  it("reports the removal of a chain's newest events as TRUNCATED, naming the newest event its head recorded", async () => {
    await tamper(t.dataSource, `DELETE FROM audit_event WHERE id = $1`, [chainB[2].id]);
    expect(await t.audit.verify()).toEqual({
      ok: false,
      chains: 3,
      events: 6,
      firstBroken: { chainKey: `case:${caseB}`, eventId: chainB[2].id, reason: 'TRUNCATED' },
    });
    await tamper(t.dataSource, `DELETE FROM audit_event WHERE id = $1`, [chainB[1].id]);
    expect((await t.audit.verify({ pageSize: 1 })).firstBroken).toEqual({ chainKey: `case:${caseB}`, eventId: chainB[2].id, reason: 'TRUNCATED' });
  });

  it('reports a chain removed entirely as TRUNCATED', async () => {
    for (const event of chainB) await tamper(t.dataSource, `DELETE FROM audit_event WHERE id = $1`, [event.id]);
    expect(await t.audit.verify()).toEqual({ ok: false, chains: 2, events: 4, firstBroken: { chainKey: `case:${caseB}`, eventId: chainB[2].id, reason: 'TRUNCATED' } });
  });

  it("reports a chain head moved back by the app role (to hide removed events) as HEAD_MISMATCH", async () => {
    await tamper(t.dataSource, `DELETE FROM audit_event WHERE id = $1`, [chainB[2].id]);
    await t.dataSource.transaction(async (em) => {
      await em.query('SET LOCAL ROLE kivuko_app');
      await em.query(`UPDATE audit_chain_head SET last_id = $2, last_hash = $3 WHERE chain_key = $1`, [`case:${caseB}`, chainB[1].id, chainB[1].hash]);
    });
    expect((await t.audit.verify()).firstBroken).toEqual({ chainKey: `case:${caseB}`, eventId: chainB[1].id, reason: 'HEAD_MISMATCH' });
  });

  it('does not verify events sealed under a key that has left the keyring', async () => {
    const other = new AuditService(t.dataSource, new AuditKeyring([{ id: 'another', key: Buffer.alloc(32, 9) }]));
    expect(await other.verify()).toMatchObject({ ok: false, firstBroken: { reason: 'KEY_UNKNOWN' } });
    const rotated = new AuditService(t.dataSource, new AuditKeyring([{ id: 'another', key: Buffer.alloc(32, 9) }, { id: 'audit-test', key: Buffer.alloc(32, 3) }]));
    expect(await rotated.verify()).toEqual({ ok: true, chains: 3, events: 7 });
  });
});

describe('audit trail: events recorded before the trail was keyed', () => {
  let t: AuditDatabase;
  const legacyCase = randomUUID();
  let legacy: StoredEvent[];

  /** Writes a chain the way the service did before it was keyed, then runs the keying migration's step. */
  beforeEach(async () => {
    t = await openAuditDatabase('legacy');
    await t.dataSource.transaction(async (em) => {
      let prev: string | null = null;
      for (let i = 0; i < 3; i += 1) {
        const content: AuditContent = {
          occurredAt: new Date(Date.UTC(2026, 0, 5, 10, i)),
          chainKey: `case:${legacyCase}`,
          action: 'CASE.READ',
          outcome: 'SUCCESS',
          actorUserId: officer.userId,
          actorUsername: officer.username,
          actorAgencyId: officer.agencyId,
          actorRoles: officer.roles,
          caseId: legacyCase,
          fieldGroups: ['IDENTITY'],
          purpose: null,
          correlationId: null,
          details: { step: i },
        };
        const hash = chainHash(prev, content);
        await em.query(
          `INSERT INTO audit_event (occurred_at, chain_key, action, outcome, actor_user_id, actor_username, actor_agency_id, actor_roles, case_id, field_groups, details, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10::text[], $11::jsonb, $12, $13)`,
          [content.occurredAt, content.chainKey, content.action, content.outcome, content.actorUserId, content.actorUsername, content.actorAgencyId, content.actorRoles, content.caseId, content.fieldGroups, JSON.stringify(content.details), prev, hash],
        );
        prev = hash;
      }
      await em.query(`INSERT INTO audit_legacy_head (chain_key, last_id, last_hash) SELECT DISTINCT ON (chain_key) chain_key, id, hash FROM audit_event ORDER BY chain_key, id DESC`);
    });
    legacy = await storedEvents(t.dataSource, `case:${legacyCase}`);
  });
  afterEach(async () => {
    await t.close();
  });

  it('verifies legacy events by the old rule up to their recorded head, and keyed events after them', async () => {
    await t.dataSource.transaction((em) => t.audit.record(em, { action: 'CASE.UPDATED', actor: officer, caseId: legacyCase }));
    expect(await t.audit.verify()).toEqual({ ok: true, chains: 1, events: 4 });
  });

  it('reports a legacy chain cut short of its recorded head as TRUNCATED', async () => {
    await tamper(t.dataSource, `DELETE FROM audit_event WHERE id = $1`, [legacy[2].id]);
    expect((await t.audit.verify()).firstBroken).toEqual({ chainKey: `case:${legacyCase}`, eventId: legacy[2].id, reason: 'TRUNCATED' });
  });

  it('refuses the app role any change to the legacy heads', async () => {
    await expect(
      t.dataSource.transaction(async (em) => {
        await em.query('SET LOCAL ROLE kivuko_app');
        await em.query(`UPDATE audit_legacy_head SET last_id = 1`);
      }),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('audit trail: append-only in the database', () => {
  let t: AuditDatabase;
  let event: StoredEvent;

  beforeAll(async () => {
    t = await openAuditDatabase('append_only');
    await t.dataSource.transaction((em) => t.audit.record(em, { action: 'CASE.READ', actor: officer, caseId: randomUUID() }));
    [event] = await storedEvents(t.dataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET action = 'CASE.DELETED'`],
    ['DELETE', `DELETE FROM audit_event`],
    ['TRUNCATE', `TRUNCATE audit_event`],
  ])('refuses %s, even to a superuser', async (operation, sql) => {
    await expect(t.dataSource.query(sql)).rejects.toThrow(`audit_event is append-only: ${operation} is not allowed`);
    expect(await storedEvents(t.dataSource)).toEqual([event]);
  });

  it('drops the table, its triggers and the trigger function on down(), and up() restores them', async () => {
    const migration = new AuditTrail1764200000000();
    const runner = t.dataSource.createQueryRunner();
    const objects = async (): Promise<unknown> =>
      (
        await runner.query(
          `SELECT to_regclass('audit_event') IS NOT NULL AS table,
                  to_regprocedure('audit_event_append_only()') IS NOT NULL AS function,
                  (SELECT count(*)::int FROM pg_trigger WHERE tgname LIKE 'audit_event_%') AS triggers`,
        )
      )[0];
    try {
      await runner.startTransaction();
      await migration.down(runner);
      expect(await objects()).toEqual({ table: false, function: false, triggers: 0 });
      await migration.up(runner);
      expect(await objects()).toEqual({ table: true, function: true, triggers: 2 });
    } finally {
      // Leave the database as the other tests of this file found it.
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await storedEvents(t.dataSource)).toEqual([event]);
  });
});

describe('audit trail: concurrency', () => {
  let t: AuditDatabase;

  beforeAll(async () => {
    t = await openAuditDatabase('concurrency');
  });
  afterAll(async () => {
    await t.close();
  });

  it('makes 20 concurrent transactions on one case one unbroken chain', async () => {
    const caseId = randomUUID();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.dataSource.transaction(async (em) => {
          await t.audit.record(em, { action: 'CASE.UPDATED', actor: officer, caseId, details: { writer: i } });
          // Keep the transaction open a moment: without the chain lock, the others would read the
          // same last hash meanwhile and fork the chain.
          await em.query('SELECT pg_sleep(0.02)');
        }),
      ),
    );

    const chain = await storedEvents(t.dataSource, `case:${caseId}`);
    expect(chain).toHaveLength(20);
    expect(chain[0].prev_hash).toBeNull();
    for (let i = 1; i < chain.length; i += 1) expect(chain[i].prev_hash).toBe(chain[i - 1].hash);
    expect(new Set(chain.map((e) => e.hash)).size).toBe(20);
    expect(await t.audit.verify()).toMatchObject({ ok: true, events: 20 });
  });

  it('lets another case record while a transaction holds a case, and makes the same case wait for it', async () => {
    const caseA = randomUUID();
    const caseB = randomUUID();
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await t.audit.record(holder.manager, { action: 'CASE.UPDATED', actor: officer, caseId: caseA });

      const otherCase = t.dataSource.transaction((em) => t.audit.record(em, { action: 'CASE.READ', actor: officer, caseId: caseB }));
      expect(await within(otherCase, 5_000)).toBe('done');

      const sameCase = t.dataSource.transaction((em) => t.audit.record(em, { action: 'CASE.READ', actor: officer, caseId: caseA }));
      expect(await within(sameCase, 500)).toBe('still waiting');

      await holder.commitTransaction();
      expect(await within(sameCase, 5_000)).toBe('done');
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }

    const chainA = await storedEvents(t.dataSource, `case:${caseA}`);
    expect(chainA.map((e) => e.action)).toEqual(['CASE.UPDATED', 'CASE.READ']);
    expectLinked(chainA);
    expect(await t.audit.verify()).toMatchObject({ ok: true });
  });
});

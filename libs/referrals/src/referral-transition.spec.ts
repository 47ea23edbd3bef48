import { AuditKeyring, AuditService } from '@kivuko/audit';
import { dataSourceOptions, DomainError, DomainEventBus, systemScope, UnitOfWork } from '@kivuko/platform';
import { createTestDatabase, TestDatabase } from '@kivuko/platform/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ReferralRow, SELECT_REFERRAL } from './referral.queries';
import { ReferralService } from './referral.service';
import { ReferralAction, ReferralStatus } from './referral-status';

/**
 * A referral's transition in PostgreSQL, in the caller's transaction: a compare-and-set on its status
 * and version, its history and audit written, then the agency told and the follow-up published, in
 * that order, in the same transaction.
 */
describe('referral transitions in PostgreSQL', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let audit: AuditService;
  const receiving = randomUUID();
  const registering = randomUUID();
  const borderPoint = randomUUID();
  const user = randomUUID();
  const sop = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase('referral_transition');
    dataSource = await new DataSource(dataSourceOptions({ url: db.url, entities: [], poolSize: 3, applicationName: 'kivuko-referral-transition-test' })).initialize();
    uow = new UnitOfWork(dataSource);
    audit = new AuditService(dataSource, new AuditKeyring([{ id: 'referral-test', key: Buffer.alloc(32, 7) }]));
    await dataSource.query(`INSERT INTO agency (id, name, kind) VALUES ($1, 'Safe shelter', 'NGO'), ($2, 'Immigration office', 'IMMIGRATION')`, [receiving, registering]);
    await dataSource.query(`INSERT INTO border_point (id, code, name, country, kind) VALUES ($1, 'RTX', 'Transition crossing', 'TZA', 'LAND')`, [borderPoint]);
    await dataSource.query(`INSERT INTO app_user (id, username, display_name, agency_id, roles) VALUES ($1, 'officer', 'Officer', $2, '{BORDER_OFFICIAL}')`, [user, registering]);
    await dataSource.query(
      `INSERT INTO sop_version (id, jurisdiction, label, document, status, signatory_agency_ids, effective_from, activated_at) VALUES ($1, 'TZA', 'transition-test', '{}', 'ACTIVE', '{}', now(), now())`,
      [sop],
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  let caseNumber = 0;
  /** A case registered by `registeredBy`, with one referral to the shelter in `status`; returns the referral as read. */
  async function referral(status: ReferralStatus, registeredBy = registering): Promise<ReferralRow> {
    caseNumber += 1;
    const caseId = randomUUID();
    await dataSource.query(
      `INSERT INTO case_file (id, case_number, intake_id, intake_position, border_point_id, registered_by, registering_agency_id, status, arrived_at, arrival_mode, nationalities)
       VALUES ($1, $2, gen_random_uuid(), 0, $3, $4, $5, 'OPEN', now(), 'LAND', '{SOM}')`,
      [caseId, `TZA-RTX-2026-${String(caseNumber).padStart(7, '0')}`, borderPoint, user, registeredBy],
    );
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO referral (id, case_id, agency_id, border_point_id, role, target, profiles, priority, status, due_at, field_groups, basis, sop_version_id)
       VALUES ($1, $2, $3, $4, 'LEAD', 'NGO/SAFE_SHELTER', '{TRAFFICKING_VICTIM}', 1, $5, now() + interval '1 day', '{IDENTITY}', '{}', $6)`,
      [id, caseId, receiving, borderPoint, status, sop],
    );
    return read(id);
  }

  const read = async (id: string): Promise<ReferralRow> => (await dataSource.query<ReferralRow[]>(`${SELECT_REFERRAL} WHERE r.id = $1`, [id]))[0];
  const history = (id: string): Promise<{ from_status: string | null; to_status: string; reason: string | null }[]> =>
    dataSource.query(`SELECT from_status, to_status, reason FROM referral_event WHERE referral_id = $1 ORDER BY id`, [id]);
  const audited = async (caseId: string): Promise<string[]> =>
    (await dataSource.query<{ action: string }[]>(`SELECT action FROM audit_event WHERE case_id = $1 ORDER BY id`, [caseId])).map((r) => r.action);

  /** A service whose bus records what it publishes, in order, with what the handler read in the transaction. */
  function service(onTransitioned?: (manager: EntityManager) => Promise<void>): { referrals: ReferralService; published: unknown[] } {
    const bus = new DomainEventBus();
    const published: unknown[] = [];
    bus.on('referrals.agency-event', async (manager, event) => {
      const [{ status }] = await manager.query<{ status: string }[]>(`SELECT status FROM referral WHERE id = $1`, [event.referral.id]);
      published.push({ name: 'referrals.agency-event', ...event, statusInTransaction: status });
    });
    bus.on('referrals.transitioned', async (manager, { referral, action, actor }) => {
      published.push({ name: 'referrals.transitioned', status: referral.status, version: referral.version, action, actor });
      if (onTransitioned) await onTransitioned(manager);
    });
    return { referrals: new ReferralService(uow, audit, bus), published };
  }

  const run = <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => uow.run(systemScope('referral transition test'), work);

  it('moves the referral on by compare-and-set, keeps the step and the audit, and stamps the first contact', async () => {
    const row = await referral(ReferralStatus.Pending);
    const { referrals, published } = service();
    const fresh = await run((manager) => referrals.transition(manager, row, ReferralAction.Accept, null, { expectedVersion: row.version }));
    expect(fresh).toMatchObject({ status: ReferralStatus.Accepted, version: row.version + 1 });
    expect(fresh.acknowledged_at).toBeInstanceOf(Date);
    expect(await history(row.id)).toEqual([{ from_status: 'PENDING', to_status: 'ACCEPTED', reason: null }]);
    expect(await audited(row.case_id)).toEqual(['REFERRAL.ACCEPTED']);
    // Accepting sends the agency nothing; the follow-up is published with the referral as it now is.
    expect(published).toEqual([{ name: 'referrals.transitioned', status: 'ACCEPTED', version: row.version + 1, action: ReferralAction.Accept, actor: null }]);
  });

  it('keeps the first contact as it was on later steps, and records the reason or the outcome', async () => {
    const row = await referral(ReferralStatus.Pending);
    const { referrals } = service();
    const acknowledged = await run((manager) => referrals.transition(manager, row, ReferralAction.Acknowledge, null, {}));
    const accepted = await run((manager) => referrals.transition(manager, acknowledged, ReferralAction.Accept, null, {}));
    expect(accepted.acknowledged_at).toEqual(acknowledged.acknowledged_at);
    const started = await run((manager) => referrals.transition(manager, accepted, ReferralAction.Start, null, {}));
    expect(started.acknowledged_at).toEqual(acknowledged.acknowledged_at);
    const completed = await run((manager) => referrals.transition(manager, started, ReferralAction.Complete, null, { outcomeCode: 'SERVICE_PROVIDED', note: 'housed' }));
    expect(completed).toMatchObject({ status: 'COMPLETED', outcome_code: 'SERVICE_PROVIDED', outcome_note: 'housed', version: row.version + 4 });
    expect((await history(row.id)).map((h) => [h.to_status, h.reason])).toEqual([
      ['ACKNOWLEDGED', null],
      ['ACCEPTED', null],
      ['IN_PROGRESS', null],
      ['COMPLETED', 'SERVICE_PROVIDED'],
    ]);
  });

  it('tells the agency before the follow-up runs, inside the transaction: a completion also tells the registering agency', async () => {
    const row = await referral(ReferralStatus.InProgress);
    const { referrals, published } = service();
    await run((manager) => referrals.transition(manager, row, ReferralAction.Complete, null, { outcomeCode: 'SERVICE_PROVIDED' }));
    expect(published.map((p) => [(p as { name: string }).name, (p as { agencyId?: string }).agencyId ?? null])).toEqual([
      ['referrals.agency-event', receiving],
      ['referrals.agency-event', registering],
      ['referrals.transitioned', null],
    ]);
    expect(published[0]).toMatchObject({ event: 'referral.completed', referral: { id: row.id, status: 'COMPLETED' }, statusInTransaction: 'COMPLETED' });
  });

  it('tells a registering agency that is also the receiving one once', async () => {
    const row = await referral(ReferralStatus.InProgress, receiving);
    const { referrals, published } = service();
    await run((manager) => referrals.transition(manager, row, ReferralAction.Complete, null, { outcomeCode: 'SERVICE_PROVIDED' }));
    expect(published.filter((p) => (p as { name: string }).name === 'referrals.agency-event')).toHaveLength(1);
  });

  it('refuses a step the status machine does not allow, or a version the caller did not read, writing nothing', async () => {
    const row = await referral(ReferralStatus.Pending);
    const { referrals, published } = service();
    await expect(run((manager) => referrals.transition(manager, row, ReferralAction.Complete, null, { outcomeCode: 'X' }))).rejects.toMatchObject({
      code: 'REFERRAL.TRANSITION_NOT_ALLOWED',
    });
    await expect(run((manager) => referrals.transition(manager, row, ReferralAction.Accept, null, { expectedVersion: row.version - 1 }))).rejects.toMatchObject({
      code: 'REFERRAL.VERSION_CONFLICT',
      details: { currentVersion: row.version },
    });
    expect(await read(row.id)).toMatchObject({ status: 'PENDING', version: row.version });
    expect(await history(row.id)).toEqual([]);
    expect(published).toEqual([]);
  });

  it('refuses to move a referral someone else moved since it was read (the compare-and-set), writing nothing', async () => {
    const row = await referral(ReferralStatus.Pending);
    const { referrals } = service();
    await run((manager) => referrals.transition(manager, row, ReferralAction.Acknowledge, null, {}));
    // `row` is the referral as read before the acknowledgment: its status and version no longer hold.
    const stale = run((manager) => referrals.transition(manager, row, ReferralAction.Decline, null, { reason: 'no capacity' }));
    await expect(stale).rejects.toBeInstanceOf(DomainError);
    await expect(stale).rejects.toMatchObject({ code: 'REFERRAL.CHANGED' });
    expect(await read(row.id)).toMatchObject({ status: 'ACKNOWLEDGED', version: row.version + 1 });
    expect((await history(row.id)).map((h) => h.to_status)).toEqual(['ACKNOWLEDGED']);
  });

  it('rolls the transition back, history and audit included, when the follow-up fails', async () => {
    const row = await referral(ReferralStatus.Pending);
    const { referrals } = service(async () => {
      throw new Error('no next agency could be chosen');
    });
    await expect(run((manager) => referrals.transition(manager, row, ReferralAction.Decline, null, { reason: 'no capacity' }))).rejects.toThrow('no next agency could be chosen');
    expect(await read(row.id)).toMatchObject({ status: 'PENDING', version: row.version });
    expect(await history(row.id)).toEqual([]);
    expect(await audited(row.case_id)).toEqual([]);
  });
});

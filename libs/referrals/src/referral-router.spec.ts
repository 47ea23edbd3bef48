import { AuditKeyring, AuditService } from '@kivuko/audit';
import { CaseProfilingService } from '@kivuko/cases';
import { Actor, Clock, dataSourceOptions, DomainEventBus, FieldCipher, OutboxService, Role, systemScope, UnitOfWork } from '@kivuko/platform';
import { createTestDatabase, TestDatabase } from '@kivuko/platform/testing';
import { ConsentRequirement } from '@kivuko/sop';
import { SopVersions } from '@kivuko/sop-lifecycle';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AgencyReferralEvent } from './referral-events';
import { ReferralRouter } from './referral-router';
import { ReferralService } from './referral.service';

/**
 * Referrals held for consent, in PostgreSQL: the case context publishes `cases.consent-changed` in the
 * transaction that recorded the consent, and the router releases what the records now cover.
 */
describe('referrals held for consent', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let bus: DomainEventBus;
  const told: AgencyReferralEvent[] = [];
  const shelter = randomUUID();
  const borderAgency = randomUUID();
  const borderPoint = randomUUID();
  const user = randomUUID();
  const sop = randomUUID();
  const actor: Actor = { userId: user, username: 'officer', agencyId: borderAgency, roles: [Role.BorderOfficial], borderPointIds: [borderPoint] };
  const REFERRAL_OF_IDENTITY: ConsentRequirement = { purpose: 'REFERRAL' as ConsentRequirement['purpose'], fieldGroups: ['IDENTITY'], legalBases: [], automaticBasis: null };

  beforeAll(async () => {
    db = await createTestDatabase('referral_router');
    dataSource = await new DataSource(dataSourceOptions({ url: db.url, entities: [], poolSize: 3, applicationName: 'kivuko-referral-router-test' })).initialize();
    uow = new UnitOfWork(dataSource);
    const audit = new AuditService(dataSource, new AuditKeyring([{ id: 'router-test', key: Buffer.alloc(32, 9) }]));
    bus = new DomainEventBus();
    const referrals = new ReferralService(uow, audit, bus);
    // Releasing held referrals reads no profiles, facts or SOP documents, and enqueues no job.
    const clock = new Clock();
    const router = new ReferralRouter({} as CaseProfilingService, referrals, audit, {} as FieldCipher, {} as OutboxService, clock, bus, new SopVersions(clock));
    router.onModuleInit();
    bus.on('referrals.agency-event', async (_manager, event) => {
      told.push(event);
    });
    await dataSource.query(`INSERT INTO agency (id, name, kind) VALUES ($1, 'Safe shelter', 'NGO'), ($2, 'Border police', 'IMMIGRATION')`, [shelter, borderAgency]);
    await dataSource.query(`INSERT INTO border_point (id, code, name, country, kind) VALUES ($1, 'RCN', 'Consent crossing', 'TZA', 'LAND')`, [borderPoint]);
    await dataSource.query(`INSERT INTO app_user (id, username, display_name, agency_id, roles) VALUES ($1, 'officer', 'Officer', $2, '{BORDER_OFFICIAL}')`, [user, borderAgency]);
    await dataSource.query(
      `INSERT INTO sop_version (id, jurisdiction, label, document, status, signatory_agency_ids, effective_from, activated_at) VALUES ($1, 'TZA', 'router-test', '{}', 'ACTIVE', '{}', now(), now())`,
      [sop],
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });
  beforeEach(() => {
    told.length = 0;
  });

  let caseNumber = 0;
  /** A case with one referral to the shelter held for `requirements`, and the border point's open consent task. */
  async function heldReferral(requirements: ConsentRequirement[]): Promise<{ caseId: string; referralId: string }> {
    caseNumber += 1;
    const caseId = randomUUID();
    await dataSource.query(
      `INSERT INTO case_file (id, case_number, intake_id, intake_position, border_point_id, registered_by, registering_agency_id, status, arrived_at, arrival_mode, nationalities)
       VALUES ($1, $2, gen_random_uuid(), 0, $3, $4, $5, 'OPEN', now(), 'LAND', '{SOM}')`,
      [caseId, `TZA-RCN-2026-${String(caseNumber).padStart(7, '0')}`, borderPoint, user, borderAgency],
    );
    const referralId = randomUUID();
    await dataSource.query(
      `INSERT INTO referral (id, case_id, agency_id, border_point_id, role, target, profiles, priority, status, due_at, field_groups, basis, sop_version_id)
       VALUES ($1, $2, $3, $4, 'LEAD', 'NGO/SAFE_SHELTER', '{TRAFFICKING_VICTIM}', 1, 'AWAITING_CONSENT', now() + interval '1 day', '{IDENTITY}', $5::jsonb, $6)`,
      [referralId, caseId, shelter, borderPoint, JSON.stringify({ requirements, met: [] }), sop],
    );
    await dataSource.query(`INSERT INTO case_task (id, case_id, kind, border_point_id, due_at) VALUES (gen_random_uuid(), $1, 'OBTAIN_CONSENT', $2, now() + interval '1 day')`, [
      caseId,
      borderPoint,
    ]);
    return { caseId, referralId };
  }

  /** A consent record for the shelter (or, with `kind`, for every agency of its kind), then the event, in one transaction as the consent service does. */
  const recordConsent = (caseId: string, decision: 'GIVEN' | 'REFUSED', fieldGroups: string[], recipient: { agencyId?: string; kind?: string } = { agencyId: shelter }): Promise<string> =>
    uow.run(systemScope('consent recorded'), async (manager) => {
      const id = randomUUID();
      await manager.query(
        `INSERT INTO consent_record (id, case_id, purpose, recipient_agency_id, recipient_agency_kind, field_groups, decision, recorded_by, recorded_by_agency_id)
         VALUES ($1, $2, 'REFERRAL', $3, $4, $5::text[], $6, $7, $8)`,
        [id, caseId, recipient.agencyId ?? null, recipient.kind ?? null, fieldGroups, decision, user, borderAgency],
      );
      await bus.publish(manager, 'cases.consent-changed', { caseId, actor });
      return id;
    });

  const referral = async (id: string): Promise<{ status: string; basis: { met: unknown[] } }> =>
    (await dataSource.query(`SELECT status, basis FROM referral WHERE id = $1`, [id]))[0];
  const consentTask = async (caseId: string): Promise<{ status: string; closed_by: string | null }> =>
    (await dataSource.query(`SELECT status, closed_by FROM case_task WHERE case_id = $1 AND kind = 'OBTAIN_CONSENT'`, [caseId]))[0];
  const shared = async (caseId: string): Promise<{ agency_id: string; source: string }[]> =>
    dataSource.query(`SELECT agency_id, source FROM case_share WHERE case_id = $1`, [caseId]);
  const history = async (referralId: string): Promise<[string, string | null][]> =>
    (await dataSource.query<{ to_status: string; reason: string | null }[]>(`SELECT to_status, reason FROM referral_event WHERE referral_id = $1 ORDER BY id`, [referralId])).map((e) => [
      e.to_status,
      e.reason,
    ]);

  it('releases a referral the consent now covers: recorded as met, shared with the agency, the agency told, the consent task done', async () => {
    const { caseId, referralId } = await heldReferral([REFERRAL_OF_IDENTITY]);
    const consentId = await recordConsent(caseId, 'GIVEN', ['IDENTITY', 'CONTACT']);
    expect(await referral(referralId)).toMatchObject({ status: 'PENDING', basis: { met: [{ purpose: 'REFERRAL', kind: 'CONSENT', consentRecordId: consentId }] } });
    expect(await history(referralId)).toEqual([['PENDING', 'consent on record']]);
    expect(await shared(caseId)).toEqual([{ agency_id: shelter, source: 'REFERRAL' }]);
    expect(told).toEqual([{ agencyId: shelter, event: 'referral.created', referral: { id: referralId, status: 'PENDING' } }]);
    expect(await consentTask(caseId)).toEqual({ status: 'DONE', closed_by: user });
  });

  it('counts a consent given for every agency of the referral’s kind', async () => {
    const { caseId, referralId } = await heldReferral([REFERRAL_OF_IDENTITY]);
    await recordConsent(caseId, 'GIVEN', [], { kind: 'NGO' });
    expect((await referral(referralId)).status).toBe('PENDING');
  });

  it('keeps holding a referral the consent does not cover, and its consent task open', async () => {
    const { caseId, referralId } = await heldReferral([REFERRAL_OF_IDENTITY]);
    await recordConsent(caseId, 'GIVEN', ['CONTACT']);
    await recordConsent(caseId, 'GIVEN', ['IDENTITY'], { kind: 'IMMIGRATION' });
    expect((await referral(referralId)).status).toBe('AWAITING_CONSENT');
    expect(await history(referralId)).toEqual([]);
    expect(await shared(caseId)).toEqual([]);
    expect(told).toEqual([]);
    expect((await consentTask(caseId)).status).toBe('OPEN');
  });

  it('keeps a refused referral held and tells the sender why in its history, once', async () => {
    const { caseId, referralId } = await heldReferral([REFERRAL_OF_IDENTITY]);
    await recordConsent(caseId, 'REFUSED', ['IDENTITY']);
    await recordConsent(caseId, 'REFUSED', ['IDENTITY']);
    expect((await referral(referralId)).status).toBe('AWAITING_CONSENT');
    expect(await history(referralId)).toEqual([['AWAITING_CONSENT', 'consent refused for REFERRAL']]);
    expect((await consentTask(caseId)).status).toBe('OPEN');
    // Consent given after the refusal releases it.
    await recordConsent(caseId, 'GIVEN', ['IDENTITY']);
    expect((await referral(referralId)).status).toBe('PENDING');
    expect((await consentTask(caseId)).status).toBe('DONE');
  });
});

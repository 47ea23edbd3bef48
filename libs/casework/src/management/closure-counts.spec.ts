import { dataSourceOptions } from '@kivuko/platform';
import { createTestDatabase, TestDatabase } from '@kivuko/platform/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { stillOpen } from './closure.queries';

/** What counts as still open on a case when it is closed lives in SQL: which statuses of each record count. */
describe('closing a case: what is still open (PostgreSQL)', () => {
  let db: TestDatabase;
  let owner: DataSource;
  const agency = randomUUID();
  const user = randomUUID();
  const borderPoint = randomUUID();
  const sop = randomUUID();
  let cases = 0;

  beforeAll(async () => {
    db = await createTestDatabase('closure_counts');
    owner = await new DataSource(dataSourceOptions({ url: db.url, entities: [], poolSize: 2, applicationName: 'kivuko-closure-counts-test' })).initialize();
    await owner.query(`INSERT INTO agency (id, name, kind) VALUES ($1, 'Immigration', 'IMMIGRATION')`, [agency]);
    await owner.query(`INSERT INTO app_user (id, username, display_name, agency_id, roles) VALUES ($1, 'officer', 'Officer', $2, '{CASEWORKER}')`, [user, agency]);
    await owner.query(`INSERT INTO border_point (id, code, name, country, kind) VALUES ($1, 'CLS', 'Closure crossing', 'TZA', 'LAND')`, [borderPoint]);
    await owner.query(
      `INSERT INTO sop_version (id, jurisdiction, label, document, status, signatory_agency_ids, effective_from, activated_at) VALUES ($1, 'TZA', 'closure-test', '{}', 'ACTIVE', '{}', now(), now())`,
      [sop],
    );
  });
  afterAll(async () => {
    await owner?.destroy();
    await db?.drop();
  });

  async function newCase(): Promise<string> {
    const id = randomUUID();
    cases += 1;
    await owner.query(
      `INSERT INTO case_file (id, case_number, intake_id, intake_position, border_point_id, registered_by, registering_agency_id, status, arrived_at, arrival_mode, nationalities)
       VALUES ($1, $2, gen_random_uuid(), 0, $3, $4, $5, 'OPEN', '2026-11-20T08:00:00Z', 'LAND', '{SOM}')`,
      [id, `TZA-CLS-2026-${String(cases).padStart(7, '0')}`, borderPoint, user, agency],
    );
    return id;
  }
  /** A referral to an agency of its own (one open referral per case and agency). */
  async function referral(caseId: string, status: string): Promise<void> {
    const recipient = randomUUID();
    await owner.query(`INSERT INTO agency (id, name, kind) VALUES ($1, $2, 'NGO')`, [recipient, `Agency ${recipient.slice(0, 8)}`]);
    await owner.query(
      `INSERT INTO referral (id, case_id, agency_id, border_point_id, role, target, profiles, priority, status, due_at, field_groups, basis, sop_version_id)
       VALUES (gen_random_uuid(), $1, $2, $3, 'LEAD', 'NGO', ARRAY['ASYLUM_SEEKER'], 1, $4, now() + interval '1 day', '{IDENTITY}', '{}', $5)`,
      [caseId, recipient, borderPoint, status, sop],
    );
  }
  const detention = (caseId: string, ended: boolean): Promise<unknown> =>
    owner.query(
      `INSERT INTO detention_episode (id, case_id, agency_id, recorded_by, place, legal_basis, individual_assessment, alternatives_considered, started_at, next_review_on, ended_at, end_reason)
       VALUES (gen_random_uuid(), $1, $2, $3, 'Holding facility', 'Immigration Act s.12(3)', '{}', '{Reporting: no fixed address}', '2026-11-20T09:00:00Z', '2026-11-27', $4, $5)`,
      [caseId, agency, user, ended ? '2026-11-21T09:00:00Z' : null, ended ? 'Released' : null],
    );
  const removal = (caseId: string, executed: boolean): Promise<unknown> =>
    owner.query(
      `INSERT INTO removal_order (id, case_id, agency_id, recorded_by, decided_on, legal_basis, destination_country, status, executed_at)
       VALUES (gen_random_uuid(), $1, $2, $3, '2026-11-22', 'Immigration Act s.40', 'KEN', $4, $5)`,
      [caseId, agency, user, executed ? 'EXECUTED' : 'ORDERED', executed ? '2026-11-25T06:00:00Z' : null],
    );
  const voluntaryReturn = (caseId: string, departed: boolean): Promise<unknown> =>
    owner.query(
      `INSERT INTO voluntary_return (id, case_id, agency_id, recorded_by, requested_on, destination_country, status, voluntariness_confirmed_on, departed_at)
       VALUES (gen_random_uuid(), $1, $2, $3, '2026-11-22', 'ETH', $4, $5, $6)`,
      [caseId, agency, user, departed ? 'DEPARTED' : 'REQUESTED', departed ? '2026-11-23' : null, departed ? '2026-11-25T07:30:00Z' : null],
    );
  const counts = async (caseId: string) => (await owner.transaction((manager) => stillOpen(manager, caseId)))[0];

  it('counts nothing on a case with no records', async () => {
    expect(await counts(await newCase())).toEqual({ referrals: 0, detentions: 0, removals: 0, returns: 0 });
  });

  it('counts the referrals not yet declined, completed or withdrawn', async () => {
    const caseId = await newCase();
    for (const status of ['AWAITING_CONSENT', 'PENDING', 'ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS', 'DECLINED', 'COMPLETED', 'WITHDRAWN']) await referral(caseId, status);
    expect((await counts(caseId)).referrals).toBe(5);
  });

  it('counts a running detention, not an ended one; an executed removal and a departed return, not a pending one', async () => {
    const caseId = await newCase();
    await detention(caseId, true);
    await removal(caseId, false);
    await voluntaryReturn(caseId, false);
    expect(await counts(caseId)).toEqual({ referrals: 0, detentions: 0, removals: 0, returns: 0 });
    await detention(caseId, false);
    await removal(caseId, true);
    await voluntaryReturn(caseId, true);
    expect(await counts(caseId)).toEqual({ referrals: 0, detentions: 1, removals: 1, returns: 1 });
  });

  it('counts only the case asked about', async () => {
    const busy = await newCase();
    await referral(busy, 'PENDING');
    await detention(busy, false);
    expect(await counts(await newCase())).toEqual({ referrals: 0, detentions: 0, removals: 0, returns: 0 });
  });
});

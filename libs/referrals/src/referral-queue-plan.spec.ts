import { createTestDatabase, TestDatabase } from '@kivuko/platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ListReferralsQuery } from './referral.dto';
import { queueQuery } from './referral.queries';
import { ReferralStatus } from './referral-status';

/**
 * The agency queue is read from an index in queue order (priority, due time) under row-level security
 * as the application role sees it, on a table large enough for the planner to choose as in service:
 * 60,000 referrals over 12 agencies, most of them closed.
 */
describe('referral queue query plans', () => {
  let db: TestDatabase;
  let app: Client;
  const agencies = Array.from({ length: 12 }, () => randomUUID());
  const borderPoints = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    db = await createTestDatabase('queueplan');
    const owner = new Client({ connectionString: db.url });
    await owner.connect();
    const user = randomUUID();
    const sop = randomUUID();
    await owner.query(`INSERT INTO agency (id, name, kind) SELECT id, 'Agency ' || n, 'NGO' FROM unnest($1::uuid[]) WITH ORDINALITY AS a(id, n)`, [agencies]);
    await owner.query(`INSERT INTO app_user (id, username, display_name, agency_id, roles) VALUES ($1, 'officer', 'Officer', $2, '{BORDER_OFFICIAL}')`, [user, agencies[0]]);
    await owner.query(
      `INSERT INTO border_point (id, code, name, country, kind) SELECT id, 'BQ' || chr(65 + n::integer), 'Point ' || n, 'TZA', 'LAND' FROM unnest($1::uuid[]) WITH ORDINALITY AS b(id, n)`,
      [borderPoints],
    );
    await owner.query(
      `INSERT INTO sop_version (id, jurisdiction, label, document, status, signatory_agency_ids, effective_from, activated_at) VALUES ($1, 'TZA', 'plan-test', '{}', 'ACTIVE', '{}', now(), now())`,
      [sop],
    );
    await owner.query(
      `INSERT INTO case_file (id, case_number, intake_id, intake_position, border_point_id, registered_by, registering_agency_id, status, arrived_at, arrival_mode, nationalities)
       SELECT gen_random_uuid(), 'TZA-BQ-2026-' || lpad(g::text, 7, '0'), gen_random_uuid(), 0, ($1::uuid[])[1 + g % 2], $2, $3, 'OPEN', now() - (g || ' minutes')::interval, 'LAND', '{SOM}'
       FROM generate_series(1, 30000) g`,
      [borderPoints, user, agencies[0]],
    );
    // Two referrals per case, to two different agencies; 15% still open.
    await owner.query(
      `INSERT INTO referral (id, case_id, agency_id, border_point_id, role, target, profiles, priority, status, due_at, field_groups, basis, sop_version_id, overdue_at)
       SELECT gen_random_uuid(), c.id, ($1::uuid[])[1 + (row_number() OVER () + k) % 12], c.border_point_id, 'LEAD', 'NGO', ARRAY['TRAFFICKING_VICTIM'],
              1 + (row_number() OVER ()) % 4,
              CASE WHEN random() < 0.15 THEN (ARRAY['PENDING','ACKNOWLEDGED','ACCEPTED','IN_PROGRESS'])[1 + (random() * 3)::int]
                   ELSE (ARRAY['COMPLETED','DECLINED','WITHDRAWN'])[1 + (random() * 2)::int] END,
              now() + random() * interval '72 hours', '{IDENTITY}', '{}', $2, CASE WHEN random() < 0.05 THEN now() END
       FROM case_file c CROSS JOIN generate_series(0, 1) k`,
      [agencies, sop],
    );
    await owner.query('ANALYZE');
    await owner.end();
    app = new Client({ connectionString: db.appUrl });
    await app.connect();
  }, 60_000);
  afterAll(async () => {
    await app.end();
    await db.drop();
  });

  async function plan(query: ListReferralsQuery, deeper = false): Promise<string> {
    const actor = { agencyId: agencies[3], borderPointIds: query.view === 'SENT' ? borderPoints : [] };
    const { sql, params } = queueQuery(actor, query, deeper ? { priority: 2, dueAt: new Date(), id: randomUUID() } : undefined, 26);
    await app.query('BEGIN');
    try {
      await app.query(
        `SELECT set_config('kivuko.scope', 'actor', true), set_config('kivuko.agency_id', $1, true), set_config('kivuko.border_point_ids', $2, true), set_config('kivuko.roles', $3, true)`,
        [actor.agencyId, actor.borderPointIds.join(','), actor.borderPointIds.length > 0 ? 'BORDER_OFFICIAL' : 'CASEWORKER'],
      );
      const rows = await app.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await app.query('ROLLBACK');
    }
  }

  // The overdue view is small: its own index finds its rows, and a sort of those few is the cheaper plan.
  it('serves the overdue view from its own index', async () => {
    const text = await plan({ overdue: true });
    expect(text).not.toMatch(/Seq Scan on referral/);
    expect(text).toMatch(/Index Scan (using|on) referral_agency_overdue_idx/);
  });

  it.each<[string, ListReferralsQuery, boolean, RegExp]>([
    ['the open queue', {}, false, /Index Scan using referral_agency_open_idx/],
    ['the open queue, a deeper page', {}, true, /Index Scan using referral_agency_open_idx/],
    ['the open queue, one priority', { priority: 1 }, false, /Index Scan using referral_agency_open_idx/],
    ['one status', { status: ReferralStatus.Pending }, false, /Index Scan using referral_queue_idx/],
    ['one profile', { profile: 'TRAFFICKING_VICTIM' }, false, /Index (Only )?Scan using referral_open_profile_pk/],
    ['one profile, a deeper page', { profile: 'TRAFFICKING_VICTIM' }, true, /Index (Only )?Scan using referral_open_profile_pk/],
    ['a profile no open referral has', { profile: 'MIGRANT' }, false, /Index (Only )?Scan using referral_open_profile_pk/],
  ])('serves %s from an index in queue order', async (_name, query, deeper, index) => {
    const text = await plan(query, deeper);
    expect(text).not.toMatch(/Seq Scan on referral/);
    expect(text).not.toMatch(/Sort Key: r\.priority/);
    expect(text).toMatch(index);
  });

  // The sender's view: one index scan per border point in queue order, each cut at the page size; only
  // those few rows are merged.
  it.each<[string, ListReferralsQuery, boolean, RegExp]>([
    ['the sender’s view', { view: 'SENT' }, false, /Index Scan using referral_sent_queue_idx/],
    ['the sender’s view, a deeper page', { view: 'SENT' }, true, /Index Scan using referral_sent_queue_idx/],
    ['the sender’s view, one status', { view: 'SENT', status: ReferralStatus.Pending }, false, /Index Scan using referral_sent_status_idx/],
  ])('serves %s per border point from an index in queue order', async (_name, query, deeper, index) => {
    const text = await plan(query, deeper);
    expect(text).not.toMatch(/Seq Scan on referral/);
    expect(text).toMatch(index);
    // Per border point: a Limit over the index scan, so no border point's whole history is read.
    expect(text).toMatch(/Limit[\s\S]*Limit[\s\S]*Index Scan using referral_sent_/);
  });
});

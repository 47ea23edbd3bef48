import { createTestDatabase, TestDatabase } from '@kivuko/platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { listQuery } from './case-query.queries';
import { ListCasesQuery } from './dto/case-query.dto';

/**
 * Each list query is served by an index that yields rows in list order (no sort of the matching rows),
 * under row-level security as the application role sees it, on a table large enough for the planner
 * to choose as it would in service.
 */
describe('case list query plans', () => {
  let db: TestDatabase;
  let app: Client;

  const borderPoints = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    db = await createTestDatabase('listplan');
    // 40,000 cases over four border points and two years, so the planner chooses as it would in service.
    const owner = new Client({ connectionString: db.url });
    await owner.connect();
    const agency = randomUUID();
    const user = randomUUID();
    await owner.query(`INSERT INTO agency (id, name, kind) VALUES ($1, 'Border agency', 'BORDER_AUTHORITY')`, [agency]);
    await owner.query(`INSERT INTO app_user (id, username, display_name, agency_id, roles) VALUES ($1, 'officer', 'Officer', $2, '{BORDER_OFFICIAL}')`, [user, agency]);
    await owner.query(
      `INSERT INTO border_point (id, code, name, country, kind) SELECT id, 'BP' || chr(65 + n::integer), 'Point ' || n, 'TZA', 'LAND' FROM unnest($1::uuid[]) WITH ORDINALITY AS b(id, n)`,
      [borderPoints],
    );
    await owner.query(
      `INSERT INTO case_file (id, case_number, intake_id, intake_position, border_point_id, registered_by, registering_agency_id, status, arrived_at, arrival_mode, nationalities)
       SELECT gen_random_uuid(), 'TZA-BP-2026-' || lpad(g::text, 7, '0'), gen_random_uuid(), 0, ($1::uuid[])[1 + g % 4], $2, $3,
              CASE WHEN g % 10 = 0 THEN 'INCOMPLETE' ELSE 'OPEN' END, now() - (g || ' minutes')::interval, 'LAND',
              ARRAY[(ARRAY['SOM','ETH','ERI','COD','BDI','SSD','KEN','UGA'])[1 + g % 8]]
       FROM generate_series(1, 40000) g`,
      [borderPoints, user, agency],
    );
    await owner.query(`INSERT INTO person (case_id, identity_id, given_name, sex, nationalities) SELECT id, id, 'P', 'UNKNOWN', nationalities FROM case_file`);
    await owner.query('ANALYZE');
    await owner.end();
    app = new Client({ connectionString: db.appUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app.end();
    await db.drop();
  });

  async function plan(filter: ListCasesQuery): Promise<string> {
    const { sql, params } = listQuery(filter, { arrivedAt: new Date(), id: randomUUID() }, 26);
    await app.query('BEGIN');
    try {
      await app.query(
        `SELECT set_config('kivuko.scope', 'actor', true), set_config('kivuko.agency_id', $1, true),
                set_config('kivuko.border_point_ids', $2, true), set_config('kivuko.roles', 'SUPERVISOR', true)`,
        [randomUUID(), `${borderPoints[0]},${borderPoints[1]}`],
      );
      const rows = await app.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await app.query('ROLLBACK');
    }
  }

  it.each<[string, ListCasesQuery, RegExp]>([
    ['no filter', {}, /Index Scan using case_file_arrived_idx/],
    ['border point', { borderPointId: 'BP0' }, /Index Scan using case_file_border_point_idx/],
    ['status', { status: 'INCOMPLETE' as ListCasesQuery['status'] }, /Index Scan using case_file_(status|arrived)_idx/],
    ['nationality', { nationality: 'ERI' }, /Index Scan using case_file_arrived_idx/],
    ['urgency', { urgent: true }, /Index Scan using case_file_arrived_idx/],
    ['arrival range', { arrivedFrom: new Date(Date.now() - 86_400_000).toISOString(), arrivedTo: new Date().toISOString() }, /Index Scan using case_file_arrived_idx/],
  ])('serves the list filtered by %s from an index in list order', async (_name, filter, index) => {
    const text = await plan(filter.borderPointId === 'BP0' ? { ...filter, borderPointId: borderPoints[0] } : filter);
    expect(text).not.toMatch(/Seq Scan on case_file/);
    // No sort of the matching cases (a case's own few profiles may be sorted per row).
    expect(text).not.toMatch(/Sort Key: c\.arrived_at/);
    expect(text).toMatch(index);
  });
});

import { actorScope, Actor, Role, systemScope, UnitOfWork } from '@kivuko/platform';
import { TestDatabase } from '@kivuko/platform/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './test-api';

const AGENCY_A = randomUUID();
const AGENCY_B = randomUUID();
const BORDER_X = randomUUID();

const actor = (agencyId: string, borderPointIds: string[] = []): Actor => ({
  userId: randomUUID(),
  username: 'probe',
  agencyId,
  roles: [Role.Caseworker],
  borderPointIds,
});

/**
 * The scope machinery behind every case-bearing table: the policy below has the shape the case tables
 * use (agency holding a referral, or border point of registration, or a system task).
 */
describe('row-level security driven by the unit of work', () => {
  let api: TestApi;
  let app: NestFastifyApplication;
  let uow: UnitOfWork;
  const notes = async (rows: { note: string }[]): Promise<string[]> => rows.map((r) => r.note).sort();

  beforeAll(async () => {
    api = await startTestApi({ beforeStart: createProbeTable });
    app = api.app;
    uow = app.get(UnitOfWork);
  });
  afterAll(() => api.close());

  async function createProbeTable(db: TestDatabase): Promise<void> {
    const owner = new Client({ connectionString: db.url });
    await owner.connect();
    await owner.query(`CREATE TABLE rls_probe (id serial PRIMARY KEY, agency_id uuid, border_point_id uuid, note text NOT NULL)`);
    await owner.query(`ALTER TABLE rls_probe ENABLE ROW LEVEL SECURITY`);
    await owner.query(`
      CREATE POLICY rls_probe_scope ON rls_probe
        USING (kivuko_scope_is_system() OR agency_id = kivuko_scope_agency() OR border_point_id = ANY (kivuko_scope_border_points()))
        WITH CHECK (kivuko_scope_is_system() OR agency_id = kivuko_scope_agency())`);
    await owner.query(`GRANT SELECT, INSERT ON rls_probe TO kivuko_app; GRANT USAGE ON SEQUENCE rls_probe_id_seq TO kivuko_app`);
    await owner.query(`INSERT INTO rls_probe (agency_id, border_point_id, note) VALUES ($1, NULL, 'a-1'), ($1, NULL, 'a-2'), ($2, NULL, 'b-1'), (NULL, $3, 'x-1')`, [
      AGENCY_A,
      AGENCY_B,
      BORDER_X,
    ]);
    await owner.end();
  }

  it("returns nothing of another agency's rows even to a query with no filter at all", async () => {
    const seenByA = await uow.run(actorScope(actor(AGENCY_A)), (m) => m.query('SELECT note FROM rls_probe'));
    expect(await notes(seenByA)).toEqual(['a-1', 'a-2']);
    const bRowsSeenByA = await uow.run(actorScope(actor(AGENCY_A)), (m) => m.query('SELECT note FROM rls_probe WHERE agency_id = $1', [AGENCY_B]));
    expect(bRowsSeenByA).toEqual([]);
  });

  it('shows a border official the rows of their border points', async () => {
    const seen = await uow.run(actorScope(actor(randomUUID(), [BORDER_X])), (m) => m.query('SELECT note FROM rls_probe'));
    expect(await notes(seen)).toEqual(['x-1']);
  });

  it('fails closed: with no scope set, nothing is visible', async () => {
    expect(await app.get(DataSource).query('SELECT note FROM rls_probe')).toEqual([]);
    expect(await app.get(DataSource).transaction((m) => m.query('SELECT note FROM rls_probe'))).toEqual([]);
  });

  it('lets a system task see everything, and says why it runs', async () => {
    const seen = await uow.run(systemScope('test: full scan'), (m) => m.query('SELECT note FROM rls_probe'));
    expect(await notes(seen)).toEqual(['a-1', 'a-2', 'b-1', 'x-1']);
  });

  it('keeps a scope inside its transaction: the pooled connection forgets it', async () => {
    await uow.run(systemScope('test: before'), (m) => m.query('SELECT 1'));
    const after: { scope: string | null }[] = await app.get(DataSource).query(`SELECT current_setting('kivuko.scope', true) AS scope`);
    expect(after[0].scope ?? '').toBe('');
  });

  it("refuses to write a row into another agency's scope", async () => {
    await expect(
      uow.run(actorScope(actor(AGENCY_A)), (m) => m.query(`INSERT INTO rls_probe (agency_id, note) VALUES ($1, 'forged')`, [AGENCY_B])),
    ).rejects.toThrow(/row-level security policy/);
  });
});

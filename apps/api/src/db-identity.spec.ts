import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './test-api';

describe('the database identity the api runs as', () => {
  let api: TestApi;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await startTestApi();
    dataSource = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  it('is the application role: no superuser, no BYPASSRLS, owner of no table', async () => {
    const [me] = await dataSource.query(
      `SELECT current_user AS name, r.rolsuper AS super, r.rolbypassrls AS bypass
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(me).toEqual({ name: 'kivuko_app', super: false, bypass: false });
    const owned = await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
    expect(owned).toEqual([]);
  });

  it('may append to the audit trail but never change or remove it, nor switch off its guard', async () => {
    await dataSource.transaction((m) =>
      m.query(`INSERT INTO audit_event (occurred_at, chain_key, action, outcome, hash) VALUES (now(), 'day:2026-01-01', 'TEST.PROBE', 'SUCCESS', 'x')`),
    );
    await expect(dataSource.query(`UPDATE audit_event SET action = 'TEST.CHANGED'`)).rejects.toThrow(/permission denied for table audit_event/);
    await expect(dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied for table audit_event/);
    await expect(dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/permission denied for table audit_event/);
    await expect(dataSource.query(`ALTER TABLE audit_event DISABLE TRIGGER USER`)).rejects.toThrow(/must be owner/);
  });

  it('cannot change the schema', async () => {
    await expect(dataSource.query(`CREATE TABLE sneaky (id int)`)).rejects.toThrow(/permission denied for schema public/);
    await expect(dataSource.query(`DROP TABLE outbox_message`)).rejects.toThrow(/must be owner/);
  });
});

import { createTestDatabase, TestDatabase, testRuntime } from '@kivuko/platform/testing';
import { KIVUKO_ENTITIES } from '@kivuko/runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApiApp } from './api-app';

describe('the database identity the api runs as', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApp(testRuntime({ databaseUrl: db.url, entities: KIVUKO_ENTITIES }));
    dataSource = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

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

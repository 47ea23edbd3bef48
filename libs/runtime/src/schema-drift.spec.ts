import { dataSourceOptions } from '@kivuko/platform';
import { createTestDatabase, TestDatabase } from '@kivuko/platform/testing';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS, KIVUKO_ENTITIES } from './index';

describe('schema', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions({ url: db.url, entities: KIVUKO_ENTITIES, migrations: ALL_MIGRATIONS })).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('has every migration applied in the template', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('matches the entities exactly: no migration is missing', async () => {
    // What `typeorm migration:generate --check` computes: the SQL needed to reach the entities.
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});

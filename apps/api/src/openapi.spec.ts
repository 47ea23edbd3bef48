import { createTestDatabase, TestDatabase, testRuntime } from '@kivuko/platform/testing';
import { KIVUKO_ENTITIES } from '@kivuko/runtime';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { createApiApp } from './api-app';

/** The API contract is committed; a change to it shows up in review as a diff of this file. */
const COMMITTED = join(resolve(__dirname, '../../..'), 'docs/openapi.json');

describe('OpenAPI document', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApp(testRuntime({ databaseUrl: db.url, entities: KIVUKO_ENTITIES }));
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('matches the committed docs/openapi.json (UPDATE_OPENAPI=1 npm test rewrites it)', async () => {
    const served = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body as object;
    const text = `${JSON.stringify(served, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(COMMITTED, text);
    expect(existsSync(COMMITTED)).toBe(true);
    expect(JSON.parse(readFileSync(COMMITTED, 'utf8'))).toEqual(served);
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { startTestApi, TestApi } from './test-api';

/** The API contract is committed; a change to it shows up in review as a diff of this file. */
const COMMITTED = join(resolve(__dirname, '../../..'), 'docs/openapi.json');

describe('OpenAPI document', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('matches the committed docs/openapi.json (UPDATE_OPENAPI=1 npm test rewrites it)', async () => {
    const served = (await request(api.app.getHttpServer()).get('/docs-json').expect(200)).body as object;
    const text = `${JSON.stringify(served, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(COMMITTED, text);
    expect(existsSync(COMMITTED)).toBe(true);
    expect(JSON.parse(readFileSync(COMMITTED, 'utf8'))).toEqual(served);
  });
});

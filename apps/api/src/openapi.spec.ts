import { ERROR_BODY_SCHEMA, ERROR_CODES_EXTENSION, uuidFieldsByClass } from '@kivuko/platform';
import { ERROR_CODES } from '@kivuko/runtime';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { DemoApi, startDemoApi } from './demo-api';
import { startTestApi, TestApi } from './test-api';

const ROOT = resolve(__dirname, '../../..');
/** The API contract is committed; a change to it shows up in review as a diff of this file. */
const COMMITTED = join(ROOT, 'docs/openapi.json');

interface Operation {
  operationId: string;
  summary?: string;
  security?: unknown[];
  parameters?: { in: string; name: string; schema?: { format?: string } }[];
  requestBody?: { content: Record<string, { example?: unknown; examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, { format?: string; items?: { format?: string } }>; required?: string[] }> };
}

const operations = (document: Document): [string, string, Operation][] =>
  Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]): [string, string, Operation] => [method.toUpperCase(), path, op]));

describe('OpenAPI document', () => {
  let api: TestApi;
  let served: Document;

  beforeAll(async () => {
    api = await startTestApi();
    served = (await request(api.app.getHttpServer()).get('/docs-json').expect(200)).body as Document;
  });
  afterAll(() => api.close());

  it('matches the committed docs/openapi.json (UPDATE_OPENAPI=1 npm test rewrites it)', () => {
    const text = `${JSON.stringify(served, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(COMMITTED, text);
    expect(existsSync(COMMITTED)).toBe(true);
    expect(JSON.parse(readFileSync(COMMITTED, 'utf8'))).toEqual(served);
  });

  // Runs on the committed file, which the test above guarantees is the live document.
  it('passes Redocly lint with the recommended rules: no error, no warning', async () => {
    const cli = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
    const run = await promisify(execFile)(process.execPath, [cli, 'lint', 'docs/openapi.json', '--extends', 'recommended', '--format', 'json'], {
      cwd: ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((failed: { stdout?: string }) => ({ stdout: failed.stdout ?? '' }));
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
    expect(report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('gives every operation a summary, and every error answer the error envelope', () => {
    expect(served.components.schemas[ERROR_BODY_SCHEMA]).toMatchObject({ required: ['code', 'message', 'correlationId'] });
    for (const [method, path, op] of operations(served)) {
      expect([method, path, (op.summary ?? '').length > 0]).toEqual([method, path, true]);
      for (const [status, answer] of Object.entries(op.responses).filter(([s]) => s.startsWith('4'))) {
        expect([method, path, status, answer.content?.['application/json']?.schema?.$ref]).toEqual([method, path, status, `#/components/schemas/${ERROR_BODY_SCHEMA}`]);
      }
    }
  });

  it('lists every declared error code with its status, kind, message and context, and points the error envelope at the list', () => {
    const listed = (served as unknown as Record<string, unknown>)[ERROR_CODES_EXTENSION] as { code: string; status: number }[];
    expect(listed).toEqual(ERROR_CODES.map(({ code, status, kind, message, context }) => ({ code, status, kind, message, context })));
    expect(listed).toEqual(expect.arrayContaining([
      { code: 'AUTH.INVALID_CREDENTIALS', status: 401, kind: 'UNAUTHENTICATED', message: 'The username or password is wrong', context: 'access' },
      expect.objectContaining({ code: 'REQUEST.VALIDATION_FAILED', status: 400, context: 'platform' }),
    ]));
    const code = served.components.schemas[ERROR_BODY_SCHEMA].properties?.code as { description?: string };
    expect(code.description).toContain(ERROR_CODES_EXTENSION);
  });

  it('lists the client errors each operation can give', () => {
    for (const [method, path, op] of operations(served)) {
      const statuses = Object.keys(op.responses);
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const expected = [
        ...(op.requestBody || (op.parameters ?? []).length > 0 ? ['400'] : []),
        ...(isPublic ? [] : ['401', '403']),
        ...((op.parameters ?? []).some((p) => p.in === 'path') ? ['404'] : []),
        ...(op.requestBody ? ['413'] : []),
      ];
      expect([method, path, statuses.filter((s) => expected.includes(s))]).toEqual([method, path, expected]);
    }
    expect(Object.keys(served.paths['/api/v1/auth/login'].post.responses)).toEqual(expect.arrayContaining(['401', '429']));
    expect(Object.keys(served.paths['/api/v1/referrals/{id}/accept'].post.responses)).toContain('409');
    expect(Object.keys(served.paths['/api/v1/cases/{id}/intake'].put.responses)).toContain('409');
  });

  it('says security: [] on the public routes, and a bearer token on every other', () => {
    const open = operations(served)
      .filter(([, , op]) => Array.isArray(op.security) && op.security.length === 0)
      .map(([method, path]) => `${method} ${path}`);
    expect(open.sort()).toEqual(['GET /health/live', 'GET /health/ready', 'POST /api/v1/auth/login', 'POST /api/v1/auth/refresh']);
    for (const [method, path, op] of operations(served).filter(([m, p]) => !open.includes(`${m} ${p}`))) {
      expect([method, path, op.security]).toEqual([method, path, [{ bearer: [] }]]);
    }
  });

  it('carries format: uuid on every id in a path and every field validated as a UUID', () => {
    for (const [method, path, op] of operations(served)) {
      // A profile code, a leaflet's language code, a queue's name and a job id (its name and key) are the only path parameters that are not uuids.
      for (const parameter of (op.parameters ?? []).filter((p) => p.in === 'path' && !['profile', 'language', 'queue', 'jobId'].includes(p.name))) {
        expect([method, path, parameter.name, parameter.schema?.format]).toEqual([method, path, parameter.name, 'uuid']);
      }
    }
    expect(served.paths['/api/v1/cases/{id}/profiles/{profile}/confirm'].post.parameters?.find((p) => p.name === 'profile')?.schema?.format).toBeUndefined();
    expect(served.paths['/api/v1/leaflets/{language}'].get.parameters?.find((p) => p.name === 'language')?.schema?.format).toBeUndefined();
    let checked = 0;
    for (const [target, fields] of uuidFieldsByClass()) {
      const schema = served.components.schemas[target.name];
      if (!schema) continue;
      for (const [field, each] of fields) {
        const property = schema.properties?.[field];
        expect([target.name, field, each ? property?.items?.format : property?.format]).toEqual([target.name, field, 'uuid']);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(served.components.schemas.ArrivalDto.properties?.borderPointId?.format).toBe('uuid');
    const caseList = served.paths['/api/v1/cases'].get.parameters ?? [];
    expect(caseList.find((p) => p.name === 'borderPointId')?.schema?.format).toBe('uuid');
  });
});

describe('OpenAPI document on a demo start', () => {
  let demo: DemoApi;

  beforeAll(async () => {
    demo = await startDemoApi('openapi');
  }, 60_000);
  afterAll(() => demo.close());

  it('has an example intake body that the service accepts as it is', async () => {
    const document = (await demo.http().get('/docs-json').expect(200)).body as Document;
    const examples = document.paths['/api/v1/intakes'].post.requestBody?.content['application/json'].examples ?? {};
    expect(Object.keys(examples).length).toBeGreaterThan(0);
    for (const { value } of Object.values(examples)) {
      const answer = await demo.http().post('/api/v1/intakes').set(await demo.as('border.official')).send(value as object);
      expect([answer.status, answer.body]).toEqual([201, expect.objectContaining({ cases: expect.any(Array) })]);
    }
  });

  it('states security: [] on the demo accounts route', async () => {
    const document = (await demo.http().get('/docs-json').expect(200)).body as Document;
    expect(document.paths['/api/v1/demo/accounts'].get.security).toEqual([]);
  });
});

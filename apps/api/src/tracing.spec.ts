import { createTestDatabase, eventually, TEST_APP_DB_PASSWORD, TEST_ENCRYPTION_KEYS, TEST_JWT_SECRET, TestDatabase } from '@kivuko/platform/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

/**
 * The built api as `main` starts it (the instrumentations patch modules as Node loads them, which only a real
 * process shows), exporting to an OTLP receiver in this test: the collector's side, keeping every span it is sent.
 */
describe('tracing: opt-in OpenTelemetry with OTLP over HTTP', () => {
  let db: TestDatabase;
  let receiver: Server;
  const spans: OtlpSpan[] = [];
  let child: ChildProcess | null = null;
  let logs = '';

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
    db = await createTestDatabase('tracing');
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        if (req.url === '/v1/traces') {
          const parsed = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
          for (const rs of parsed.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await new Promise((r) => receiver.close(r));
    await db.drop();
  });

  async function startApi(env: Record<string, string>): Promise<string> {
    child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: db.url,
        KIVUKO_APP_DB_PASSWORD: TEST_APP_DB_PASSWORD,
        KIVUKO_JWT_SECRET: TEST_JWT_SECRET,
        KIVUKO_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
        KIVUKO_DEMO: 'true',
        KIVUKO_DEMO_CASES: 'false',
        KIVUKO_LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
        KIVUKO_WEB_DIR: join(ROOT, 'no-web-app-here'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (logs += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    return eventually(() => {
      const m = /api ready at (http:\/\/localhost:\d+)/.exec(err);
      expect([m?.[1], child?.exitCode]).toEqual([expect.any(String), null]);
      return m![1];
    }, 60_000);
  }

  it('traces a request as a server span named after its route pattern, with pg child spans, and puts its trace id on the log lines', async () => {
    const url = await startApi({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}` });
    const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sysadmin', password: 'kivuko-demo' }) });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const caseId = randomUUID();
    const read = await fetch(`${url}/api/v1/border-points`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(read.status).toBe(200);
    await fetch(`${url}/api/v1/cases/${caseId}`, { headers: { authorization: `Bearer ${accessToken}` } });

    const server = await eventually(() => {
      const found = spans.find((s) => s.name === 'GET /api/v1/border-points' && s.kind === 2);
      expect(found).toBeDefined();
      return found!;
    }, 20_000);
    expect(server.attributes.find((a) => a.key === 'http.route')?.value).toEqual({ stringValue: '/api/v1/border-points' });
    // Every statement of the request is a span in its trace, under the server span.
    const inTrace = spans.filter((s) => s.traceId === server.traceId);
    const pg = inTrace.filter((s) => s.attributes.some((a) => a.key === 'db.system' || a.key === 'db.system.name'));
    expect(pg.length).toBeGreaterThan(0);
    const ids = new Set(inTrace.map((s) => s.spanId));
    for (const s of pg) expect(s.parentSpanId && ids.has(s.parentSpanId)).toBeTruthy();
    // The raw path with its id never names a span.
    await eventually(() => expect(spans.some((s) => s.name === 'GET /api/v1/cases/:id')).toBe(true), 20_000);
    expect(spans.filter((s) => s.name.includes(caseId))).toEqual([]);

    // The request's log lines carry its trace id.
    const lines = logs.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.trace_id === server.traceId).length).toBeGreaterThan(0);
  }, 120_000);
});

import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');

interface Started {
  child: ChildProcess;
  output: () => string;
  apiPort: number;
  dbPort: number;
}

/** The environment a newcomer's shell would give `npm start`: no DATABASE_URL, no REDIS_URL. */
function newcomerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...extra };
}

function run(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  return { child, output: () => text };
}

async function startApi(dataDir: string): Promise<Started> {
  const { child, output } = run(newcomerEnv({ PORT: '0', KIVUKO_DATA_DIR: dataDir }));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = /api ready at http:\/\/localhost:(\d+)/.exec(output());
    const db = /embedded PostgreSQL on 127\.0\.0\.1:(\d+)/.exec(output());
    if (ready && db) return { child, output, apiPort: Number(ready[1]), dbPort: Number(db[1]) };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the api did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((ok) => {
    if (child.exitCode !== null) return ok(child.exitCode);
    child.once('exit', (code) => ok(code));
    child.kill(signal);
  });
}

async function query<T>(dataDir: string, port: number, sql: string, params: unknown[] = []): Promise<T[]> {
  const password = readFileSync(join(dataDir, 'pg-superuser-password'), 'utf8').trim();
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'kivuko' });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('npm start on the embedded default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kivuko-embedded-'));
  let running: Started | null = null;
  const secrets = new Map<string, string>();

  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/.bin/swc'), 'apps', 'libs', 'migrations', '-d', 'dist', '--config-file', '.swcrc', '--quiet'], { cwd: ROOT });
  }, 60_000);

  afterAll(async () => {
    if (running) await stop(running.child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots from an empty data folder, migrates, answers ready, and stops cleanly on SIGTERM', async () => {
    running = await startApi(dataDir);
    expect(running.output()).toContain('creating a new cluster');
    expect(running.output()).toMatch(/applied migrations: .*PlatformOutbox/);

    const ready = await fetch(`http://127.0.0.1:${running.apiPort}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { postgres: 'up' } });

    // The api's own connections are the application role, not the embedded superuser.
    const sessions = await query<{ usename: string }>(dataDir, running.dbPort, `SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = 'kivuko-api'`);
    expect(sessions).toEqual([{ usename: 'kivuko_app' }]);
    const applied = await query<{ name: string }>(dataDir, running.dbPort, 'SELECT name FROM schema_migration');
    expect(applied.map((m) => m.name)).toContain('PlatformOutbox1764100000000');
    await query(dataDir, running.dbPort, `INSERT INTO outbox_message (job_name, job_id, payload, published_at) VALUES ('first-run', 'first-run-marker', '{"run":1}', now())`);

    // Outside production the signing secret and encryption keyring are generated once, readable by the owner only.
    for (const file of ['jwt-secret', 'encryption-keys']) {
      expect(statSync(join(dataDir, file)).mode & 0o777).toBe(0o600);
      secrets.set(file, readFileSync(join(dataDir, file), 'utf8'));
    }
    expect(secrets.get('encryption-keys')).toMatch(/^k\d{8}:[A-Za-z0-9+/]{43}=\n$/);

    expect(await stop(running.child, 'SIGTERM')).toBe(0);
    expect(running.output()).toContain('stopped cleanly');
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    running = null;
  }, 90_000);

  it('boots again on the same folder and keeps the rows of the first run', async () => {
    running = await startApi(dataDir);
    expect(running.output()).not.toContain('creating a new cluster');
    expect(running.output()).not.toContain('applied migrations');

    const marker = await query<{ payload: { run: number } }>(dataDir, running.dbPort, `SELECT payload FROM outbox_message WHERE job_id = 'first-run-marker'`);
    expect(marker).toEqual([{ payload: { run: 1 } }]);
    // The daily housekeeping request of the first run is still there, and was not asked for twice.
    const prunes = await query(dataDir, running.dbPort, `SELECT id FROM outbox_message WHERE job_name = 'platform.outbox-prune'`);
    expect(prunes).toHaveLength(1);
    for (const [file, content] of secrets) expect(readFileSync(join(dataDir, file), 'utf8')).toBe(content);

    expect(await stop(running.child, 'SIGINT')).toBe(0);
    running = null;
  }, 90_000);

  it('refuses to start with a malformed DATABASE_URL, naming it and hiding its value', async () => {
    const { child, output } = run(newcomerEnv({ DATABASE_URL: 'postgres//kivuko:s3cret@db/kivuko' }));
    const code = await new Promise<number | null>((ok) => child.once('exit', ok));
    expect(code).toBe(1);
    expect(output()).toContain('DATABASE_URL must look like postgres://');
    expect(output()).not.toContain('s3cret');
  }, 30_000);
});

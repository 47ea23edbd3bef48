import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/** Whether a process exists and is not a zombie (state Z in /proc/<pid>/stat). */
function livingProcess(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
/** Before the fix every Ctrl-C left warnings and about one in three crashed: a few tries suffice. */
const CTRL_C_ATTEMPTS = 3;

interface Running {
  child: ChildProcess;
  /** Everything the process wrote, both streams. */
  output: () => string;
  /** What it wrote on stdout alone: the logs. */
  logs: () => string;
}

interface Started extends Running {
  apiPort: number;
  dbPort: number;
}

/** The environment a newcomer's shell would give `npm start`: no DATABASE_URL, no REDIS_URL, no NODE_ENV. */
function newcomerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

/** Every process group started here, with the database servers in it, is killed at the end whatever happened. */
const groups: number[] = [];

/**
 * Each api runs in its own process group, as `npm start` does in a terminal: Ctrl-C there signals
 * the whole group, the embedded PostgreSQL included.
 */
function run(env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid) groups.push(child.pid);
  let text = '';
  let logs = '';
  child.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
    logs += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  return { child, output: () => text, logs: () => logs };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok(child.exitCode);
    else child.once('exit', (code) => ok(code));
  });
}

function killGroups(): void {
  for (const pid of groups.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // the group has ended
    }
  }
}

async function startApi(dataDir: string, extra: Record<string, string> = {}): Promise<Started> {
  const { child, output, logs } = run(newcomerEnv({ PORT: '0', KIVUKO_DATA_DIR: dataDir, ...extra }));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = /api ready at http:\/\/localhost:(\d+)/.exec(output());
    const db = /embedded PostgreSQL on 127\.0\.0\.1:(\d+)/.exec(output());
    if (ready && db) return { child, output, logs, apiPort: Number(ready[1]), dbPort: Number(db[1]) };
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

  // A test that failed half-way leaves its api running on the shared data folder: stop it before the next.
  afterEach(async () => {
    if (running) await stop(running.child, 'SIGTERM').catch(() => undefined);
    running = null;
  });

  afterAll(() => {
    killGroups();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots from an empty data folder, migrates, answers ready, and stops cleanly on SIGTERM', async () => {
    // A built web app (as `npm run build:web` leaves it): the api serves it and prints its address.
    const webDir = mkdtempSync(join(tmpdir(), 'kivuko-web-built-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Kivuko</title><div id="root"></div>');
    running = await startApi(dataDir, { KIVUKO_WEB_DIR: webDir });
    expect(running.output()).toContain(`web app at http://localhost:${running.apiPort}/`);
    const page = await fetch(`http://127.0.0.1:${running.apiPort}/sign-in`);
    expect(await page.text()).toContain('<div id="root">');
    rmSync(webDir, { recursive: true, force: true });
    expect(running.output()).toContain('creating a new cluster');
    expect(running.output()).toMatch(/applied migrations: .*PlatformOutbox/);
    // In development the logs are readable lines, and Nest's listing of every module and route stays at debug.
    expect(running.logs()).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: \[NestApplication\] Nest application successfully started$/m);
    expect(running.logs()).not.toMatch(/^\{/m);
    expect(running.output()).not.toContain('Mapped {');
    expect(running.output()).not.toContain('dependencies initialized');
    expect(running.output()).toContain('demo mode: sign in at POST');

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
    running = await startApi(dataDir, { KIVUKO_LOG_FORMAT: 'json', LOG_LEVEL: 'info' });
    expect(running.output()).not.toContain('creating a new cluster');
    expect(running.output()).not.toContain('applied migrations');
    // Asked for JSON, every log line is one JSON object; the route listing is still not at info.
    const lines = running.logs().split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line)).toEqual(expect.objectContaining({ service: 'kivuko-api', msg: expect.any(String) }));
    expect(running.output()).not.toContain('Mapped {');

    const marker = await query<{ payload: { run: number } }>(dataDir, running.dbPort, `SELECT payload FROM outbox_message WHERE job_id = 'first-run-marker'`);
    expect(marker).toEqual([{ payload: { run: 1 } }]);
    // The daily housekeeping request of the first run is still there, and was not asked for twice.
    const prunes = await query(dataDir, running.dbPort, `SELECT id FROM outbox_message WHERE job_name = 'platform.outbox-prune'`);
    expect(prunes).toHaveLength(1);
    for (const [file, content] of secrets) expect(readFileSync(join(dataDir, file), 'utf8')).toBe(content);

    expect(await stop(running.child, 'SIGINT')).toBe(0);
    running = null;
  }, 90_000);

  it('starts again after the api was killed with SIGKILL, stopping the database server it left running', async () => {
    const killed = await startApi(dataDir);
    const postmaster = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    killed.child.kill('SIGKILL');
    await exited(killed.child);
    // The server outlives its api: this is the state a newcomer's next `npm start` finds.
    expect(livingProcess(postmaster)).toBe(true);

    running = await startApi(dataDir);
    expect(running.output()).toContain(`a server (pid ${postmaster}) was left running`);
    expect(running.output()).toContain('api ready at');
    // Gone: no such process, or only a zombie whose new parent (which may be this sandbox's init) has not reaped it.
    expect(livingProcess(postmaster)).toBe(false);
    const marker = await query(dataDir, running.dbPort, `SELECT id FROM outbox_message WHERE job_id = 'first-run-marker'`);
    expect(marker).toHaveLength(1);

    // While that api lives, another start on the same folder is refused, and leaves it running.
    const second = run(newcomerEnv({ PORT: '0', KIVUKO_DATA_DIR: dataDir }));
    expect(await exited(second.child)).toBe(1);
    expect(second.output()).toContain(`another Kivuko (pid ${running.child.pid}) is using the data folder`);
    expect((await fetch(`http://127.0.0.1:${running.apiPort}/health/ready`)).status).toBe(200);

    expect(await stop(running.child, 'SIGTERM')).toBe(0);
    running = null;
  }, 120_000);

  it('stops cleanly, without a warning, on Ctrl-C, which signals the database in its process group too', async () => {
    for (let attempt = 1; attempt <= CTRL_C_ATTEMPTS; attempt++) {
      const api = await startApi(dataDir);
      // At once (the api still busy finishing its start), then with the job workers and the outbox
      // relay settled into their waits on the database.
      await new Promise((r) => setTimeout(r, [0, 500, 1500][(attempt - 1) % 3]));
      const code = exited(api.child);
      process.kill(-(api.child.pid as number), 'SIGINT');
      expect({ attempt, code: await code }).toEqual({ attempt, code: 0 });
      expect(api.output()).toContain('stopped cleanly');
      // No warning or error in either log form, and no trace of the dropped connections.
      expect(api.output()).not.toMatch(/\b(WARN|ERROR|FATAL)\b|"level":[456]0|Unhandled|terminating connection|57P01/);
    }
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 60_000 * CTRL_C_ATTEMPTS);

  it('refuses to start with a malformed DATABASE_URL, naming it and hiding its value', async () => {
    const { child, output } = run(newcomerEnv({ DATABASE_URL: 'postgres//kivuko:s3cret@db/kivuko' }));
    const code = await new Promise<number | null>((ok) => child.once('exit', ok));
    expect(code).toBe(1);
    expect(output()).toContain('DATABASE_URL must look like postgres://');
    expect(output()).not.toContain('s3cret');
  }, 30_000);
});

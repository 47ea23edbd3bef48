/**
 * What the benchmarks share: their own databases (kivuko_bench_*), the api as a child process, pgbench,
 * latency statistics, CPU accounting and the database's wait events while a load runs.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/** Used only to create and drop the benchmark's own databases (never written to). */
export const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The password the benchmark gives the application role when it migrates (trust auth ignores it). */
export const APP_DB_PASSWORD = process.env.BENCH_APP_DB_PASSWORD ?? 'kivuko-bench-app-role-password';
export const ROOT = join(__dirname, '..', '..', '..');

export const say = (message: string): void => {
  process.stdout.write(`${message}\n`);
};

export function databaseUrl(name: string, user?: string, password?: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  if (user) {
    url.username = user;
    url.password = password ? encodeURIComponent(password) : '';
  }
  return url.toString();
}

const BENCH_DATABASE = /^kivuko_bench_[a-z0-9_]+$/;

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface BenchDatabase {
  name: string;
  /** The owner's connection string. */
  url: string;
  /** The application role's connection string. */
  appUrl: string;
  drop(): Promise<void>;
}

/**
 * Keeps a database for later runs (BENCH_KEEP=1) under `kivuko_bench_kept_<what>`, a name the clean-up
 * of databases left by dead runs does not touch; drop it with `DROP DATABASE` when done.
 */
export async function keepDatabase(db: BenchDatabase, what: string): Promise<string> {
  const name = `kivuko_bench_kept_${what}`;
  if (!BENCH_DATABASE.test(name)) throw new Error(`not a benchmark database name: ${name}`);
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(db.name)} RENAME TO ${client.escapeIdentifier(name)}`);
  });
  return name;
}

/** A new, empty database `kivuko_bench_<what>_<pid>`; databases left behind by dead runs are dropped first. */
export async function createDatabase(what: string): Promise<BenchDatabase> {
  const name = `kivuko_bench_${what}_${process.pid}`;
  if (!BENCH_DATABASE.test(name)) throw new Error(`not a benchmark database name: ${name}`);
  await admin(async (client) => {
    const stale = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'kivuko\\_bench\\_%'`);
    for (const { datname } of stale.rows) {
      const pid = Number(/_(\d+)$/.exec(datname)?.[1]);
      if (pid && pid !== process.pid && !alive(pid) && BENCH_DATABASE.test(datname)) {
        say(`dropping ${datname}, left behind by an earlier run`);
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
      }
    }
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
  return {
    name,
    url: databaseUrl(name),
    appUrl: databaseUrl(name, 'kivuko_app', APP_DB_PASSWORD),
    drop: () => admin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`))),
  };
}

/**
 * A new benchmark database, migrated, with the demo jurisdiction and users: the built api started
 * once in demo mode (its own migrations and demo load) and stopped.
 */
export async function prepareDemoDatabase(what: string, dataDir: string, demoPassword: string): Promise<BenchDatabase> {
  const db = await createDatabase(what);
  const seeding = await startApi({
    DATABASE_URL: db.url,
    KIVUKO_APP_DB_PASSWORD: APP_DB_PASSWORD,
    KIVUKO_DATA_DIR: dataDir,
    KIVUKO_DEMO: 'true',
    KIVUKO_DEMO_PASSWORD: demoPassword,
    LOG_LEVEL: 'warn',
  });
  await seeding.stop();
  return db;
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* The api as a child process                                                                      */
/* ---------------------------------------------------------------------------------------------- */

export interface RunningApi {
  url: string;
  pid: number;
  child: ChildProcess;
  /** SIGTERM, then wait for a clean exit. */
  stop(): Promise<void>;
}

/** Starts the built api (`node dist/apps/api/src/main.js`) and waits for "api ready at …". */
export async function startApi(env: Record<string, string>, nodeFlags: string[] = []): Promise<RunningApi> {
  const main = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  // Only what the api needs: none of the caller's KIVUKO_* or DATABASE_* variables leak in.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(KIVUKO_|DATABASE_|REDIS_URL$|PORT$|HOST$|LOG_LEVEL$|NODE_ENV$)/.test(k)));
  const child = spawn(process.execPath, [...nodeFlags, main], { cwd: ROOT, env: { ...base, HOST: '127.0.0.1', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) output.push(line);
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', keep);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the api did not start in 90 s:\n${output.join('\n')}`)), 90_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      keep(chunk);
      const ready = /api ready at (http:\/\/\S+)/.exec(chunk.toString('utf8'));
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1].replace('localhost', '127.0.0.1'));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the api exited (${code}) before it was ready:\n${output.join('\n')}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    url,
    pid: child.pid as number,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* Statistics                                                                                      */
/* ---------------------------------------------------------------------------------------------- */

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summarise(values: number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    count: values.length,
    mean: values.length ? sum / values.length : Number.NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
  };
}

export const ms = (value: number): string => (Number.isNaN(value) ? '-' : value < 10 ? value.toFixed(2) : value.toFixed(1));

/* ---------------------------------------------------------------------------------------------- */
/* CPU accounting                                                                                  */
/* ---------------------------------------------------------------------------------------------- */

const CLOCK_TICKS = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used, or 0 when it is gone. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds used so far by every PostgreSQL server process alive now (backends, WAL writer,
 * checkpointer, ...). Backends that exit in between are lost, so sample around a steady load only.
 */
export function postgresCpuSeconds(only?: ReadonlySet<number>): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    if (only && !only.has(Number(entry))) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // gone in between
    }
  }
  return seconds;
}

/** Whole-machine CPU time: busy and total, in ticks, from /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = values[3] + (values[4] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

export interface CpuWindow {
  /** CPU seconds per second of wall time, per consumer (1.0 = one core busy). */
  report(): { wallSeconds: number; api: number; postgres: number; loadGenerator: number; other: number; machineBusyCores: number; cores: number };
}

/** The server processes of one database's sessions and PostgreSQL's own background processes (WAL writer, checkpointer, ...). */
export async function postgresPidsOf(ownerUrl: string, database: string): Promise<Set<number>> {
  return withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE (datname = $1 AND application_name <> 'kivuko-bench-sampler') OR backend_type <> 'client backend'`,
      [database],
    );
    return new Set(rows.map((r) => r.pid));
  });
}

/**
 * Starts measuring CPU use of the api, the PostgreSQL processes (`postgresPids`: only those; otherwise
 * every PostgreSQL process) and this process; the rest of the machine's busy time is `other`.
 */
export function cpuWindow(apiPid?: number, postgresPids?: ReadonlySet<number>): CpuWindow {
  const started = process.hrtime.bigint();
  const api0 = apiPid ? processCpuSeconds(apiPid) : 0;
  const pg0 = postgresCpuSeconds(postgresPids);
  const self0 = process.cpuUsage();
  const machine0 = machineCpu();
  return {
    report() {
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const pg1 = postgresCpuSeconds(postgresPids);
      let pg = 0;
      for (const [pid, seconds] of pg1) pg += seconds - (pg0.get(pid) ?? 0);
      const self = process.cpuUsage(self0);
      const machine1 = machineCpu();
      const cores = readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d+ /.test(l)).length;
      const api = apiPid ? (processCpuSeconds(apiPid) - api0) / wallSeconds : 0;
      const postgres = pg / wallSeconds;
      const loadGenerator = (self.user + self.system) / 1e6 / wallSeconds;
      const machineBusyCores = ((machine1.busy - machine0.busy) / (machine1.total - machine0.total)) * cores;
      return { wallSeconds, api, postgres, loadGenerator, other: Math.max(0, machineBusyCores - api - postgres - loadGenerator), machineBusyCores, cores };
    },
  };
}

/** How many cores the machine keeps busy over `seconds` while this benchmark does nothing. */
export async function idleCheck(seconds = 2): Promise<number> {
  const before = machineCpu();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = machineCpu();
  const cores = readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d+ /.test(l)).length;
  return ((after.busy - before.busy) / (after.total - before.total)) * cores;
}

/** Waits (up to 3 minutes) until the machine is idle, so that another program's load does not count; returns the cores busy. */
export async function waitForQuiet(): Promise<number> {
  let busy = await idleCheck(1);
  for (let waited = 0; busy > 0.3 && waited < 180; waited += 1) {
    if (waited % 15 === 0) say(`  waiting for the machine to be idle (${busy.toFixed(2)} cores busy by other programs)`);
    busy = await idleCheck(1);
  }
  return busy;
}

/* ---------------------------------------------------------------------------------------------- */
/* What the database's sessions wait on                                                            */
/* ---------------------------------------------------------------------------------------------- */

export interface WaitSampler {
  stop(): Promise<{ samples: number; byWait: [string, number][] }>;
}

/**
 * Samples pg_stat_activity of one database every `everyMs`: how many of its sessions are running,
 * idle in a transaction (waiting for the client), or waiting on a lock, WAL, I/O, ... Average
 * sessions per state over the samples.
 */
export async function sampleWaits(ownerUrl: string, database: string, everyMs = 100): Promise<WaitSampler> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'kivuko-bench-sampler' });
  await client.connect();
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ what: string; n: string }>(
        `SELECT CASE
                  WHEN state = 'idle in transaction' THEN 'idle in transaction (waiting for the api)'
                  WHEN wait_event_type IS NULL THEN 'running on CPU'
                  ELSE wait_event_type || ':' || wait_event END AS what,
                count(*) AS n
         FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid() AND state <> 'idle' AND backend_type = 'client backend'
         GROUP BY 1`,
        [database],
      );
      samples += 1;
      for (const row of rows) counts.set(row.what, (counts.get(row.what) ?? 0) + Number(row.n));
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      const byWait = [...counts.entries()].map(([what, n]) => [what, n / Math.max(1, samples)] as [string, number]).sort((a, b) => b[1] - a[1]);
      return { samples, byWait };
    },
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* pgbench                                                                                         */
/* ---------------------------------------------------------------------------------------------- */

export interface PgbenchResult {
  tps: number;
  transactions: number;
  failed: number;
  latency: LatencySummary;
  output: string;
}

/**
 * Runs pgbench with per-transaction logging (-l) in `workDir`, and reads every transaction's latency
 * from its log so that pgbench gets the same percentiles as the api.
 */
export async function runPgbench(args: string[], workDir: string, env: Record<string, string> = {}): Promise<PgbenchResult> {
  const pgbench = process.env.PGBENCH ?? (existsSync('/usr/bin/pgbench') ? '/usr/bin/pgbench' : 'pgbench');
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(pgbench, ['-l', '--log-prefix', 'tx', ...args], { cwd: workDir, env: { ...process.env, ...env } });
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (text += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`pgbench exited ${code}:\n${text}`))));
  });
  const latencies: number[] = [];
  let failed = 0;
  for (const file of readdirSync(workDir).filter((f) => f.startsWith('tx.'))) {
    for (const line of readFileSync(join(workDir, file), 'utf8').split('\n')) {
      const fields = line.split(' ');
      if (fields.length < 3) continue;
      // client_id transaction_no time script_no time_epoch time_us [schedule_lag] [retries]
      if (fields[2] === 'failed' || fields[2] === 'skipped') failed += 1;
      else latencies.push(Number(fields[2]) / 1000);
    }
  }
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1] ?? Number.NaN);
  const transactions = Number(/number of transactions actually processed: (\d+)/.exec(output)?.[1] ?? Number.NaN);
  return { tps, transactions, failed, latency: summarise(latencies), output };
}

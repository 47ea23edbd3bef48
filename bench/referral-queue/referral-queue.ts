/**
 * The agency queue (GET /api/v1/referrals) with 1,000,000 referrals: seeds cases and referrals made the
 * way the router makes them (the default SOP's plan and agency choice for each case's profiles, at the
 * time the case arrived), spread over three years with most referrals closed; then times the queue
 * pages server-side (the SQL `ReferralService.list` builds, run by the service itself inside a
 * transaction as kivuko_app with the user's row-level-security scope, as the UnitOfWork sets it) and
 * over HTTP, shows each query's plan, and tries index changes in this database only.
 *
 * Run by bench/routing.ts (BENCH_PARTS contains `queue`). Settings: BENCH_REFERRALS (1000000),
 * BENCH_QUEUE_REPEATS (200 timed requests per query and way, after 20 warm-up),
 * BENCH_QUEUE_ALTERNATIVES (1: also try the index changes), BENCH_KEEP=1 (keep the database as
 * kivuko_bench_kept_queue), BENCH_REUSE_DATABASE=kivuko_bench_kept_queue (time a kept database again).
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import type { AuditService } from '../../libs/audit/src';
import type { Actor, Role, UnitOfWork } from '../../libs/platform/src';
import type { ListReferralsQuery } from '../../libs/referrals/src/referral.dto';
import { decodeQueueCursor, encodeQueueCursor, ReferralService } from '../../libs/referrals/src/referral.service';
import { AgencyCandidate, AgencyKind, alertsDue, chooseAgency, loadSop, planReferrals, priorityNumber, RoutableProfile } from '../../libs/sop/src';
import { chance, identity, int, pick, rng, seedOf, weighted } from '../support/people';
import { BodyKind, routingBody } from '../support/routing-bodies';
import { HttpClient, Tokens } from '../support/routing-support';
import {
  APP_DB_PASSWORD,
  BenchDatabase,
  cpuWindow,
  databaseUrl,
  keepDatabase,
  LatencySummary,
  ms,
  prepareDemoDatabase,
  RunningApi,
  say,
  startApi,
  summarise,
  waitForQuiet,
  withClient,
} from '../support/support';

const TOTAL = Number(process.env.BENCH_REFERRALS ?? 1_000_000);
const REPEATS = Number(process.env.BENCH_QUEUE_REPEATS ?? 200);
const WARMUP = 20;
const ALTERNATIVES = (process.env.BENCH_QUEUE_ALTERNATIVES ?? '1') === '1';
const KEEP = process.env.BENCH_KEEP === '1';
const REUSE = process.env.BENCH_REUSE_DATABASE;
const DEMO_PASSWORD = 'kivuko-bench-demo-password';
const HOSPITAL_USER = 'hospital.officer';
const YEARS = 3;
const DAY = 86_400_000;
const OPEN = ['AWAITING_CONSENT', 'PENDING', 'ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS'];
/** Referrals seeded due a few seconds after the api starts, with no timer: only the minute's sweep can mark them overdue. */
const SWEEP_PROBES = 20;

/* ---------------------------------------------------------------------------------------------- */
/* Seeding                                                                                         */
/* ---------------------------------------------------------------------------------------------- */

interface AgencyRow {
  id: string;
  name: string;
  kind: string;
  services: string[];
  codes: string[];
  coverage_regions: string[];
  languages: string[];
  daily_capacity: number | null;
}

interface PointRow {
  id: string;
  code: string;
  country: string;
  region: string | null;
  kind: string;
}

/** The profiles a routed case has (confirmed, or urgent), by how often routed cases have them. */
const PATTERNS: readonly (readonly [{ profiles: RoutableProfile[]; child: boolean }, number])[] = [
  [{ profiles: [{ profile: 'ASYLUM_SEEKER', urgency: 'HIGH' }], child: false }, 46],
  [{ profiles: [{ profile: 'MIGRANT', urgency: 'NORMAL' }], child: false }, 13],
  [{ profiles: [{ profile: 'UNACCOMPANIED_CHILD', urgency: 'IMMEDIATE' }, { profile: 'ASYLUM_SEEKER', urgency: 'HIGH' }], child: true }, 6],
  [{ profiles: [{ profile: 'SEPARATED_CHILD', urgency: 'HIGH' }], child: true }, 3],
  [{ profiles: [{ profile: 'TRAFFICKING_VICTIM', urgency: 'IMMEDIATE' }], child: false }, 4],
  [{ profiles: [{ profile: 'MEDICAL_EMERGENCY', urgency: 'IMMEDIATE' }], child: false }, 8],
  [{ profiles: [{ profile: 'MEDICAL_EMERGENCY', urgency: 'IMMEDIATE' }, { profile: 'ASYLUM_SEEKER', urgency: 'HIGH' }], child: false }, 5],
  [{ profiles: [{ profile: 'SGBV_SURVIVOR', urgency: 'HIGH' }, { profile: 'ASYLUM_SEEKER', urgency: 'HIGH' }], child: false }, 5],
  [{ profiles: [{ profile: 'TORTURE_SURVIVOR', urgency: 'NORMAL' }, { profile: 'ASYLUM_SEEKER', urgency: 'HIGH' }], child: false }, 4],
  [{ profiles: [{ profile: 'SMUGGLED_MIGRANT_ABUSED', urgency: 'NORMAL' }], child: false }, 3],
  [{ profiles: [{ profile: 'STRANDED_MIGRANT_RETURN', urgency: 'NORMAL' }], child: false }, 3],
];

type Status = 'AWAITING_CONSENT' | 'PENDING' | 'ACKNOWLEDGED' | 'ACCEPTED' | 'IN_PROGRESS' | 'COMPLETED' | 'DECLINED' | 'WITHDRAWN';

/** Where a referral made `ageDays` ago stands now: recent ones open, old ones mostly closed (a few stuck, a few long procedures). */
function statusFor(r: () => number, ageDays: number): Status {
  const table: readonly (readonly [Status, number])[] =
    ageDays < 1
      ? [['PENDING', 50], ['AWAITING_CONSENT', 15], ['ACKNOWLEDGED', 20], ['ACCEPTED', 15]]
      : ageDays < 7
        ? [['PENDING', 8], ['AWAITING_CONSENT', 5], ['ACKNOWLEDGED', 12], ['ACCEPTED', 25], ['IN_PROGRESS', 35], ['COMPLETED', 10], ['DECLINED', 3], ['WITHDRAWN', 2]]
        : ageDays < 90
          ? [['PENDING', 1], ['AWAITING_CONSENT', 2], ['ACKNOWLEDGED', 2], ['ACCEPTED', 8], ['IN_PROGRESS', 37], ['COMPLETED', 40], ['DECLINED', 5], ['WITHDRAWN', 5]]
          : ageDays < 365
            ? [['AWAITING_CONSENT', 0.5], ['ACCEPTED', 1], ['IN_PROGRESS', 15], ['COMPLETED', 72], ['DECLINED', 5.5], ['WITHDRAWN', 6]]
            : [['AWAITING_CONSENT', 0.3], ['IN_PROGRESS', 4], ['COMPLETED', 84.7], ['DECLINED', 5], ['WITHDRAWN', 6]];
  return weighted(r, table);
}

const VERSION_OF: Record<Status, number> = { AWAITING_CONSENT: 1, PENDING: 2, ACKNOWLEDGED: 3, ACCEPTED: 4, IN_PROGRESS: 5, COMPLETED: 6, DECLINED: 4, WITHDRAWN: 3 };
const OUTCOMES = ['SERVICE_PROVIDED', 'CLAIM_REGISTERED', 'SHELTERED_AND_ASSISTED', 'TREATED', 'REFERRED_ON', 'RETURNED_VOLUNTARILY'];
const DECLINE_REASONS = ['No capacity this week', 'Outside our mandate', 'Already assisted by another partner'];
const WITHDRAW_REASONS = ['No routable profile calls for this referral any more (re-profiling)', 'Person left the border point before contact'];

/** COPY text format: \N for null; backslash, tab and newline escaped. */
const text = (value: string | null | undefined): string =>
  value === null || value === undefined ? '\\N' : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const array = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/["\\]/g, ' ')}"`).join(',')}}`;
const iso = (t: number): string => new Date(t).toISOString();

/** Runs psql with the owner's connection; the output is returned, a failure throws. */
function psql(url: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.PSQL ?? 'psql', ['-X', '-v', 'ON_ERROR_STOP=1', '-q', '-d', url, '-c', command]);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`psql failed (${code}): ${command.slice(0, 120)}\n${out}`))));
  });
}

const TABLES = ['case_file', 'person', 'referral'] as const;
const COLUMNS: Record<(typeof TABLES)[number], string> = {
  case_file: `(id, case_number, intake_id, intake_position, border_point_id, registered_by, registering_agency_id, status, version, arrived_at, arrival_mode, arrival_how, nationalities, registered_at, updated_at)`,
  person: `(case_id, identity_id, given_name, family_name, sex, date_of_birth, date_of_birth_estimated, nationalities, languages)`,
  referral: `(id, case_id, agency_id, border_point_id, role, target, profiles, priority, status, due_at, required_actions, field_groups, basis, sop_version_id, attempt,
              version, overdue_at, escalation_level, acknowledged_at, outcome_code, outcome_note, reason, created_at, updated_at)`,
};

interface Seeded {
  cases: number;
  referrals: number;
  byStatus: Record<string, number>;
  sweepProbes: string[];
  seconds: { generate: number; load: number; index: number; analyse: number };
}

async function seed(db: BenchDatabase, workDir: string): Promise<Seeded> {
  const started = performance.now();
  const { sopId, sop, agencies, points, registrar, numbered } = await withClient(db.url, async (c) => {
    const [active] = (await c.query<{ id: string; document: unknown }>(`SELECT id, document FROM sop_version WHERE status = 'ACTIVE'`)).rows;
    const agencyRows = (
      await c.query<AgencyRow>(
        `SELECT a.id, a.name, a.kind, a.services, a.coverage_regions, a.languages, a.daily_capacity,
                ARRAY(SELECT bp.code FROM border_point bp WHERE bp.id = ANY (a.coverage_border_point_ids)) AS codes
         FROM agency a WHERE a.active ORDER BY a.name`,
      )
    ).rows;
    const pointRows = (await c.query<PointRow>(`SELECT id, code, country, region, kind FROM border_point ORDER BY code`)).rows;
    const [user] = (await c.query<{ id: string; agency_id: string }>(`SELECT id, agency_id FROM app_user WHERE username = 'border.supervisor'`)).rows;
    // Numbers continue from the counters (the demo registered a few cases already).
    const existing = (await c.query<{ border_point_id: string; year: number; last_value: number }>(`SELECT border_point_id, year, last_value FROM case_number_counter`)).rows;
    return { sopId: active.id, sop: loadSop(active.document), agencies: agencyRows, points: pointRows, registrar: user, numbered: existing };
  });
  const candidates: AgencyCandidate[] = agencies.map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind as AgencyKind,
    services: a.services as AgencyCandidate['services'],
    coverageBorderPointCodes: a.codes,
    coverageRegions: a.coverage_regions,
    languages: a.languages,
    dailyCapacity: a.daily_capacity,
    acceptedToday: 0,
  }));
  const pointWeights = points.map((p) => [p, ({ NMG: 35, KGM: 30, DAR: 10, KSL: 25 } as Record<string, number>)[p.code] ?? 1] as const);
  const hospitalId = agencies.find((a) => a.kind === 'HEALTH')?.id;
  const now = Date.now();
  const from = now - YEARS * 365 * DAY;
  const counters = new Map<string, number>(numbered.map((n) => [`${n.border_point_id}|${n.year}`, n.last_value]));
  const files = Object.fromEntries(TABLES.map((t) => [t, join(workDir, `${t}.tsv`)])) as Record<(typeof TABLES)[number], string>;
  const fds = Object.fromEntries(TABLES.map((t) => [t, openSync(files[t], 'w')])) as Record<(typeof TABLES)[number], number>;
  const buffers = Object.fromEntries(TABLES.map((t) => [t, [] as string[]])) as Record<(typeof TABLES)[number], string[]>;
  const flush = (): void => {
    for (const t of TABLES) {
      if (buffers[t].length > 0) writeSync(fds[t], buffers[t].join(''));
      buffers[t] = [];
    }
  };
  const choices = new Map<string, ReturnType<typeof chooseAgency>>();
  const byStatus: Record<string, number> = {};
  const sweepProbes: string[] = [];
  let referrals = 0;
  let cases = 0;

  const addCase = (r: () => number, point: PointRow, arrivedAt: number, createdAt: number, pattern: (typeof PATTERNS)[number][0], forced?: Status): void => {
    const person = identity(seedOf(51, cases));
    const caseId = randomUUID();
    const year = new Date(arrivedAt).getUTCFullYear();
    const key = `${point.id}|${year}`;
    const sequence = (counters.get(key) ?? 0) + 1;
    counters.set(key, sequence);
    const names = person.names.map((n) => n.split('|')[0]);
    const mode = point.kind === 'SEA' ? 'SEA' : point.kind === 'AIR' ? 'AIR' : 'LAND';
    const caseStatus = now - createdAt > 365 * DAY && chance(r, 0.6) ? 'CLOSED' : 'OPEN';
    buffers.case_file.push(
      [
        caseId,
        `${point.country}-${point.code}-${year}-${String(sequence).padStart(6, '0')}`,
        randomUUID(),
        '0',
        point.id,
        registrar.id,
        registrar.agency_id,
        caseStatus,
        '1',
        iso(arrivedAt),
        mode,
        mode === 'SEA' ? 'RESCUED_AT_SEA' : 'IRREGULAR_CROSSING',
        array([person.nationality]),
        iso(createdAt),
        iso(createdAt),
      ].join('\t') + '\n',
    );
    buffers.person.push(
      [caseId, caseId, text(names[0]), text(names.slice(1).join(' ') || null), person.sex, person.dateOfBirth, person.dateOfBirthEstimated ? 't' : 'f', array([person.nationality]), array(person.languages)].join(
        '\t',
      ) + '\n',
    );
    cases += 1;
    const plan = planReferrals(
      sop,
      { profiles: pattern.profiles, context: { borderPointCode: point.code, region: point.region, arrivedAt: iso(arrivedAt), languages: person.languages, isChild: pattern.child } },
      new Date(createdAt),
    );
    const agenciesUsed = new Set<string>();
    for (const planned of plan.referrals) {
      if (referrals >= TOTAL) return;
      const choiceKey = `${planned.agencyKind}|${planned.requirement.service}|${point.code}|${planned.requirement.languages.join(',')}`;
      let choice = choices.get(choiceKey);
      if (!choice) {
        choice = chooseAgency(sop, planned.agencyKind, planned.requirement, candidates, []);
        choices.set(choiceKey, choice);
      }
      const chosen = choice.chosen;
      // No agency (the coordinating body gets a task instead), or one referral per agency and case.
      if (!chosen || agenciesUsed.has(chosen.id)) continue;
      agenciesUsed.add(chosen.id);
      const due = Date.parse(planned.dueAt);
      const ageDays = (now - createdAt) / DAY;
      const needsConsent = planned.consent.some((c) => !c.automaticBasis);
      let status = forced ?? statusFor(r, ageDays);
      if (status === 'AWAITING_CONSENT' && !needsConsent) status = 'PENDING';
      const firstContactOpen = status === 'AWAITING_CONSENT' || status === 'PENDING';
      const withdrawnEarly = status === 'WITHDRAWN' && chance(r, 0.5);
      let acknowledgedAt: number | null = null;
      if (!firstContactOpen && !withdrawnEarly) {
        const window = Math.max(60_000, due - createdAt);
        acknowledgedAt = Math.min(now - 60_000, createdAt + (chance(r, 0.75) ? r() * window : window + r() * 2 * window));
      }
      let overdueAt: number | null = null;
      let escalation = 0;
      const lateAt = acknowledgedAt ?? (firstContactOpen ? now : null);
      if (lateAt !== null && lateAt > due) {
        overdueAt = due + 60_000;
        const fired = alertsDue(sop, { priority: planned.priority, dueAt: planned.dueAt }, new Date(lateAt));
        escalation = fired.length > 0 ? Math.max(...fired.map((a) => a.step)) + 1 : 0;
      }
      const updatedAt = Math.min(now - 1000, (acknowledgedAt ?? createdAt) + (OPEN.includes(status) ? 0 : r() * Math.min(90 * DAY, now - (acknowledgedAt ?? createdAt))));
      const met = planned.consent.map((c) =>
        status === 'AWAITING_CONSENT' && !c.automaticBasis
          ? null
          : c.automaticBasis
            ? { purpose: c.purpose, kind: 'AUTOMATIC', legalBasis: c.automaticBasis }
            : { purpose: c.purpose, kind: 'CONSENT', consentRecordId: randomUUID() },
      );
      const id = randomUUID();
      if (forced) sweepProbes.push(id);
      buffers.referral.push(
        [
          id,
          caseId,
          chosen.id,
          point.id,
          planned.role,
          planned.target,
          array(planned.profiles.map((p) => p.profile)),
          String(priorityNumber(planned.priority)),
          status,
          planned.dueAt,
          text(JSON.stringify(planned.actions)),
          array(planned.fieldGroups),
          text(JSON.stringify({ requirements: planned.consent, met, chosenBecause: chosen.reasons, fallbacks: choice.fallbacks.map((f) => f.id) })),
          sopId,
          '1',
          String(VERSION_OF[status]),
          overdueAt === null ? '\\N' : iso(overdueAt),
          String(escalation),
          acknowledgedAt === null ? '\\N' : iso(acknowledgedAt),
          status === 'COMPLETED' ? pick(r, OUTCOMES) : '\\N',
          '\\N',
          status === 'DECLINED' ? pick(r, DECLINE_REASONS) : status === 'WITHDRAWN' ? pick(r, WITHDRAW_REASONS) : '\\N',
          iso(createdAt),
          iso(updatedAt),
        ].join('\t') + '\n',
      );
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      referrals += 1;
    }
  };

  // The sweep probes first (medical emergencies at Kigoma, pending): their due time is set just before the api starts.
  const kigoma = points.find((p) => p.code === 'KGM') as PointRow;
  const medical = PATTERNS[5][0];
  for (let i = 0; i < SWEEP_PROBES && hospitalId; i++) addCase(rng(seedOf(59, i)), kigoma, now - 20 * 60_000, now - 10 * 60_000, medical, 'PENDING');
  for (let i = 0; referrals < TOTAL; i++) {
    const r = rng(seedOf(53, i));
    const point = weighted(r, pointWeights);
    const arrivedAt = from + r() * (now - 10 * 60_000 - from);
    const createdAt = Math.min(now - 60_000, arrivedAt + int(r, 5, 600) * 60_000);
    addCase(r, point, arrivedAt, createdAt, weighted(r, PATTERNS));
    if (i % 10_000 === 9_999) {
      flush();
      if (i % 100_000 === 99_999) say(`  generated ${cases} cases, ${referrals} referrals (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  flush();
  for (const t of TABLES) closeSync(fds[t]);
  const generated = performance.now();

  // Secondary indexes dropped for the load and built again from their own definitions; keys checked.
  const indexes = await withClient(db.url, async (c) => {
    const { rows } = await c.query<{ name: string; def: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i WHERE i.indrelid = ANY ($1::regclass[]) AND NOT i.indisprimary`,
      [TABLES],
    );
    for (const d of rows) await c.query(`DROP INDEX ${d.name}`);
    return rows;
  });
  await psql(db.url, `\\copy case_file ${COLUMNS.case_file.replace(/\s+/g, ' ')} FROM '${files.case_file}'`);
  await Promise.all(
    (['person', 'referral'] as const).map((t) => psql(db.url, `\\copy ${t} ${COLUMNS[t].replace(/\s+/g, ' ')} FROM '${files[t]}'`)),
  );
  const loaded = performance.now();
  const half = Math.ceil(indexes.length / 2);
  const build = (defs: { def: string }[]): Promise<void> =>
    withClient(db.url, async (c) => {
      await c.query(`SET maintenance_work_mem = '512MB'`);
      for (const d of defs) await c.query(d.def);
    });
  await Promise.all([build(indexes.slice(0, half)), build(indexes.slice(half))]);
  const indexed = performance.now();
  await withClient(db.url, async (c) => {
    await c.query(
      `INSERT INTO case_number_counter (border_point_id, year, last_value)
       SELECT border_point_id, split_part(case_number, '-', 3)::int, max(split_part(case_number, '-', 4)::int) FROM case_file GROUP BY 1, 2
       ON CONFLICT (border_point_id, year) DO UPDATE SET last_value = GREATEST(case_number_counter.last_value, EXCLUDED.last_value)`,
    );
    for (const t of TABLES) await c.query(`VACUUM (ANALYZE) ${t}`);
  });
  const analysed = performance.now();
  const s = (a: number, b: number): number => (b - a) / 1000;
  return { cases, referrals, byStatus, sweepProbes, seconds: { generate: s(started, generated), load: s(generated, loaded), index: s(loaded, indexed), analyse: s(indexed, analysed) } };
}

/* ---------------------------------------------------------------------------------------------- */
/* Timing the service's own SQL                                                                    */
/* ---------------------------------------------------------------------------------------------- */

const SCOPE_SQL = `SELECT set_config(name, value, true) FROM unnest($1::text[], $2::text[]) AS s(name, value)`;

function scopeOf(actor: Actor): [string[], string[]] {
  return [
    ['kivuko.scope', 'kivuko.user_id', 'kivuko.agency_id', 'kivuko.border_point_ids', 'kivuko.roles'],
    ['actor', actor.userId, actor.agencyId, actor.borderPointIds.join(','), actor.roles.join(',')],
  ];
}

interface Captured {
  sql: string;
  params: unknown[];
}

/**
 * `ReferralService.list` run by the service itself, with a UnitOfWork that is one kivuko_app connection:
 * BEGIN, the scope set transaction-locally as `applyScope` sets it, the service's work, COMMIT. Times
 * the whole call and the list query alone, and keeps the last SQL the service built.
 */
class ServiceTimer {
  private readonly client: Client;
  private readonly service: ReferralService;
  private sqlMs = 0;
  last?: Captured;

  constructor(appUrl: string) {
    this.client = new Client({ connectionString: appUrl, application_name: 'kivuko-bench-queue' });
    const manager = {
      query: async (sql: string, params?: unknown[]) => {
        const t0 = performance.now();
        const result = await this.client.query(sql, params);
        this.sqlMs += performance.now() - t0;
        this.last = { sql, params: params ?? [] };
        return result.rows;
      },
    } as unknown as EntityManager;
    const uow = {
      run: async <T>(scope: { kind: string; actor: Actor }, work: (m: EntityManager) => Promise<T>): Promise<T> => {
        await this.client.query('BEGIN');
        try {
          await this.client.query(SCOPE_SQL, scopeOf(scope.actor));
          const result = await work(manager);
          await this.client.query('COMMIT');
          return result;
        } catch (error) {
          await this.client.query('ROLLBACK');
          throw error;
        }
      },
    } as unknown as UnitOfWork;
    this.service = new ReferralService(uow, {} as AuditService);
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  end(): Promise<void> {
    return this.client.end();
  }

  /** One list call: total ms (transaction included), the list SQL's ms, the rows of the page. */
  async time(actor: Actor, query: ListReferralsQuery): Promise<{ total: number; sql: number; items: number; nextCursor?: string }> {
    this.sqlMs = 0;
    const t0 = performance.now();
    const page = await this.service.list(actor, query);
    return { total: performance.now() - t0, sql: this.sqlMs, items: page.items.length, nextCursor: page.nextCursor };
  }

  /** A query run directly (not by the service), in a transaction with the scope set: total and the query's own ms. */
  async timeSql(actor: Actor, captured: Captured): Promise<{ total: number; sql: number; items: number }> {
    const t0 = performance.now();
    await this.client.query('BEGIN');
    try {
      await this.client.query(SCOPE_SQL, scopeOf(actor));
      const t1 = performance.now();
      const { rowCount } = await this.client.query(captured.sql, captured.params);
      const sql = performance.now() - t1;
      await this.client.query('COMMIT');
      return { total: performance.now() - t0, sql, items: Math.min(rowCount ?? 0, 25) };
    } catch (error) {
      await this.client.query('ROLLBACK');
      throw error;
    }
  }

  /** The server's own execution time of a query, `repeats` times (EXPLAIN ANALYZE without per-node timing), in the scope. */
  async executions(actor: Actor, captured: Captured, repeats: number): Promise<number[]> {
    const times: number[] = [];
    await this.client.query('BEGIN');
    try {
      await this.client.query(SCOPE_SQL, scopeOf(actor));
      for (let i = 0; i < repeats + warmupFor(repeats); i++) {
        const { rows } = await this.client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, TIMING OFF, COSTS OFF) ${captured.sql}`, captured.params);
        const ms = Number(/Execution Time: ([\d.]+) ms/.exec(rows.map((r) => r['QUERY PLAN']).join('\n'))?.[1] ?? Number.NaN);
        if (i >= warmupFor(repeats)) times.push(ms);
      }
      return times;
    } finally {
      await this.client.query('ROLLBACK');
    }
  }

  /** EXPLAIN (ANALYZE, BUFFERS) of the SQL the service built last, in the same scope. */
  async explain(actor: Actor, captured: Captured): Promise<{ plan: string[]; executionMs: number }> {
    await this.client.query('BEGIN');
    try {
      await this.client.query(SCOPE_SQL, scopeOf(actor));
      const { rows } = await this.client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${captured.sql}`, captured.params);
      const plan = rows.map((r) => r['QUERY PLAN']);
      const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? Number.NaN);
      return { plan, executionMs };
    } finally {
      await this.client.query('ROLLBACK');
    }
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* The queries                                                                                     */
/* ---------------------------------------------------------------------------------------------- */

interface QueueCase {
  label: string;
  username: string;
  query: ListReferralsQuery;
}

interface CaseResult {
  label: string;
  username: string;
  query: ListReferralsQuery;
  items: number;
  service: LatencySummary;
  sql: LatencySummary;
  /** The server's execution time (EXPLAIN ANALYZE, TIMING OFF), as many times. */
  execution: LatencySummary;
  http?: LatencySummary;
  executionMs: number;
  plan: string[];
}

/** The cursor of the row at `offset` of a queue (the owner reads it: a deep page's starting point, as a client would hold it). */
async function cursorAt(db: BenchDatabase, where: string, params: unknown[], offset: number): Promise<string | undefined> {
  return withClient(db.url, async (c) => {
    const { rows } = await c.query<{ priority: number; due_at: Date; id: string }>(
      `SELECT priority, due_at, id FROM referral r WHERE ${where} ORDER BY priority, due_at, id OFFSET ${offset} LIMIT 1`,
      params,
    );
    return rows[0] ? encodeQueueCursor(rows[0]) : undefined;
  });
}

async function queueCases(db: BenchDatabase, users: Map<string, Actor>): Promise<QueueCase[]> {
  const asylum = users.get('asylum.reviewer') as Actor;
  const hospital = users.get(HOSPITAL_USER) as Actor;
  const official = users.get('border.official') as Actor;
  const dar = await withClient(db.url, async (c) => (await c.query<{ id: string }>(`SELECT id FROM border_point WHERE code = 'DAR'`)).rows[0].id);
  // Deep pages start from the key of the row at an offset, as a client that paged there holds it (the owner reads it).
  const open = `r.status = ANY ($2::text[]) AND r.status <> 'AWAITING_CONSENT'`;
  const deep = async (agency: string, where: string, param: unknown, offset: number): Promise<{ cursor?: string }> => {
    const cursor = await cursorAt(db, `r.agency_id = $1 AND ${where}`, [agency, param], offset);
    return cursor ? { cursor } : {};
  };
  const sentDeep = await cursorAt(db, `r.border_point_id = ANY ($1::uuid[])`, [official.borderPointIds], 10_000);
  return [
    { label: 'asylum authority: queue, first page', username: 'asylum.reviewer', query: {} },
    { label: 'asylum authority: queue, page 2 (cursor)', username: 'asylum.reviewer', query: await deep(asylum.agencyId, open, OPEN, 24) },
    { label: 'asylum authority: queue, row 10,000 (cursor)', username: 'asylum.reviewer', query: await deep(asylum.agencyId, open, OPEN, 10_000) },
    { label: 'asylum authority: status=PENDING', username: 'asylum.reviewer', query: { status: 'PENDING' as ListReferralsQuery['status'] } },
    {
      label: 'asylum authority: status=IN_PROGRESS, row 10,000',
      username: 'asylum.reviewer',
      query: { status: 'IN_PROGRESS' as ListReferralsQuery['status'], ...(await deep(asylum.agencyId, `r.status = $2`, 'IN_PROGRESS', 10_000)) },
    },
    { label: 'asylum authority: status=COMPLETED', username: 'asylum.reviewer', query: { status: 'COMPLETED' as ListReferralsQuery['status'] } },
    {
      label: 'asylum authority: status=COMPLETED, row 100,000',
      username: 'asylum.reviewer',
      query: { status: 'COMPLETED' as ListReferralsQuery['status'], ...(await deep(asylum.agencyId, `r.status = $2`, 'COMPLETED', 100_000)) },
    },
    { label: 'asylum authority: priority=1', username: 'asylum.reviewer', query: { priority: 1 } },
    { label: 'asylum authority: profile=ASYLUM_SEEKER', username: 'asylum.reviewer', query: { profile: 'ASYLUM_SEEKER' } },
    { label: 'asylum authority: profile=UNACCOMPANIED_CHILD', username: 'asylum.reviewer', query: { profile: 'UNACCOMPANIED_CHILD' } },
    { label: 'asylum authority: profile=TRAFFICKING_VICTIM (none)', username: 'asylum.reviewer', query: { profile: 'TRAFFICKING_VICTIM' } },
    { label: 'asylum authority: overdue=true', username: 'asylum.reviewer', query: { overdue: true } },
    { label: 'asylum authority: overdue=false', username: 'asylum.reviewer', query: { overdue: false } },
    { label: 'asylum authority: borderPointId=DAR', username: 'asylum.reviewer', query: { borderPointId: dar } },
    { label: 'asylum authority: status=PENDING&overdue=true', username: 'asylum.reviewer', query: { status: 'PENDING' as ListReferralsQuery['status'], overdue: true } },
    { label: 'health service: queue, first page', username: HOSPITAL_USER, query: {} },
    { label: 'health service: profile=MEDICAL_EMERGENCY&priority=1', username: HOSPITAL_USER, query: { profile: 'MEDICAL_EMERGENCY', priority: 1 } },
    { label: 'health service: overdue=true', username: HOSPITAL_USER, query: { overdue: true } },
    { label: 'health service: row 5,000 (cursor)', username: HOSPITAL_USER, query: await deep(hospital.agencyId, open, OPEN, 5_000) },
    { label: 'border official: view=SENT, first page', username: 'border.official', query: { view: 'SENT' } },
    { label: 'border official: view=SENT&status=PENDING', username: 'border.official', query: { view: 'SENT', status: 'PENDING' as ListReferralsQuery['status'] } },
    { label: 'border official: view=SENT, row 10,000 (cursor)', username: 'border.official', query: { view: 'SENT', ...(sentDeep ? { cursor: sentDeep } : {}) } },
  ];
}

const queryString = (q: ListReferralsQuery): string =>
  Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/** Fewer timed requests (and warm-up ones) for a query that is slow anyway. */
const repeatsFor = (firstMs: number): number => (firstMs > 1000 ? Math.min(REPEATS, 5) : firstMs > 100 ? Math.min(REPEATS, 30) : REPEATS);
const warmupFor = (repeats: number): number => Math.min(WARMUP, Math.ceil(repeats / 10));

async function timeService(timer: ServiceTimer, actor: Actor, query: ListReferralsQuery): Promise<{ total: number[]; sql: number[]; items: number }> {
  const first = await timer.time(actor, query);
  const repeats = repeatsFor(first.total);
  for (let i = 0; i < warmupFor(repeats); i++) await timer.time(actor, query);
  const total: number[] = [];
  const sql: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = await timer.time(actor, query);
    total.push(t.total);
    sql.push(t.sql);
  }
  return { total, sql, items: first.items };
}

async function timeHttp(client: HttpClient, tokens: Tokens, username: string, query: ListReferralsQuery): Promise<number[]> {
  const path = `/api/v1/referrals?${queryString(query)}`;
  const once = async (): Promise<number> => {
    const token = await tokens.of(username);
    const t0 = performance.now();
    const res = await client.request('GET', path, undefined, token);
    if (res.status !== 200) throw new Error(`GET ${path} as ${username}: ${res.status} ${res.body.slice(0, 300)}`);
    return res.at - t0;
  };
  const repeats = repeatsFor(await once());
  for (let i = 0; i < warmupFor(repeats); i++) await once();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) times.push(await once());
  return times;
}

export async function actorsOf(db: BenchDatabase, usernames: string[]): Promise<Map<string, Actor>> {
  return withClient(db.url, async (c) => {
    const { rows } = await c.query<{ id: string; username: string; agency_id: string; roles: string[]; border_point_ids: string[] }>(
      `SELECT id, username, agency_id, roles, border_point_ids FROM app_user WHERE username = ANY ($1::text[])`,
      [usernames],
    );
    return new Map(rows.map((u) => [u.username, { userId: u.id, username: u.username, agencyId: u.agency_id, roles: u.roles as Role[], borderPointIds: u.border_point_ids }]));
  });
}

/**
 * Time every case through the service (or, with `rewrite`, a query of the bench's own in its place);
 * the server's execution time as many times; the plan of each.
 */
async function timeCases(db: BenchDatabase, cases: QueueCase[], users: Map<string, Actor>, rewrite?: (c: QueueCase, actor: Actor) => Captured): Promise<CaseResult[]> {
  const timer = new ServiceTimer(db.appUrl);
  await timer.connect();
  const results: CaseResult[] = [];
  try {
    for (const c of cases) {
      const actor = users.get(c.username) as Actor;
      let t: { total: number[]; sql: number[]; items: number };
      let captured: Captured;
      if (rewrite) {
        captured = rewrite(c, actor);
        const own = captured;
        const first = await timer.timeSql(actor, own);
        const repeats = repeatsFor(first.total);
        for (let i = 0; i < warmupFor(repeats); i++) await timer.timeSql(actor, own);
        t = { total: [], sql: [], items: first.items };
        for (let i = 0; i < repeats; i++) {
          const once = await timer.timeSql(actor, own);
          t.total.push(once.total);
          t.sql.push(once.sql);
        }
      } else {
        t = await timeService(timer, actor, c.query);
        captured = timer.last as Captured;
      }
      const { plan, executionMs } = await timer.explain(actor, captured);
      const executions = await timer.executions(actor, captured, repeatsFor(executionMs));
      results.push({
        label: c.label,
        username: c.username,
        query: c.query,
        items: t.items,
        service: summarise(t.total),
        sql: summarise(t.sql),
        execution: summarise(executions),
        executionMs,
        plan,
      });
    }
  } finally {
    await timer.end();
  }
  return results;
}

/* ---------------------------------------------------------------------------------------------- */
/* Routing at scale                                                                                */
/* ---------------------------------------------------------------------------------------------- */

/**
 * Registrations one at a time (no other load), kinds interleaved, on a database: what one routed
 * registration costs there. Returns latency per kind.
 */
async function sequentialIntakes(api: RunningApi, count: number): Promise<Map<BodyKind, LatencySummary>> {
  const client = new HttpClient(api.url, 2);
  const tokens = new Tokens(client, DEMO_PASSWORD);
  try {
    const points = (await client.json<{ id: string; code: string }[]>('GET', '/api/v1/border-points', undefined, await tokens.of('border.supervisor'), 200)).filter((p) =>
      ['NMG', 'KGM', 'KSL'].includes(p.code),
    );
    const kinds: BodyKind[] = ['mass-none', 'mass-medical', 'none', 'medical', 'trafficking'];
    const times = new Map<BodyKind, number[]>(kinds.map((k) => [k, []]));
    const r = rng(71);
    for (let i = 0; i < count + 5; i++) {
      for (const kind of kinds) {
        const { body } = routingBody(r, kind, seedOf(73, i * kinds.length + kinds.indexOf(kind)), pick(r, points), false);
        const token = await tokens.of('border.supervisor');
        const t0 = performance.now();
        const res = await client.request('POST', '/api/v1/intakes', body, token);
        if (res.status !== 201) throw new Error(`intake ${kind}: ${res.status} ${res.body.slice(0, 300)}`);
        if (i >= 5) times.get(kind)?.push(res.at - t0);
      }
    }
    return new Map([...times.entries()].map(([k, v]) => [k, summarise(v)]));
  } finally {
    client.close();
  }
}

/** The router's agency-candidates query (referral-router.ts `candidates`), as it runs: in the registering official's scope. */
export async function candidatesPlan(db: BenchDatabase, official: Actor, kind: string): Promise<{ plan: string[]; executionMs: number; scoped: number; all: number }> {
  const sql = `SELECT a.id, a.name, a.services, a.coverage_regions AS regions, a.languages, a.daily_capacity,
              ARRAY(SELECT bp.code FROM border_point bp WHERE bp.id = ANY (a.coverage_border_point_ids)) AS codes,
              (SELECT count(*)::int FROM referral r WHERE r.agency_id = a.id AND r.created_at >= date_trunc('day', now())) AS today
       FROM agency a WHERE a.kind = $1 AND a.active ORDER BY a.name`;
  const explained = await withClient(db.appUrl, async (c) => {
    await c.query('BEGIN');
    try {
      await c.query(SCOPE_SQL, scopeOf(official));
      const { rows } = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, [kind]);
      const scoped = await c.query<{ today: number }>(sql, [kind]);
      return { plan: rows.map((row) => row['QUERY PLAN']), scoped: scoped.rows.reduce((s, row) => s + row.today, 0) };
    } finally {
      await c.query('ROLLBACK');
    }
  });
  const all = await withClient(db.url, async (c) => (await c.query<{ today: number }>(sql, [kind])).rows.reduce((s, row) => s + row.today, 0));
  return { ...explained, executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(explained.plan.join('\n'))?.[1] ?? Number.NaN), all };
}

/* ---------------------------------------------------------------------------------------------- */
/* Alternatives                                                                                    */
/* ---------------------------------------------------------------------------------------------- */

interface Alternative {
  label: string;
  setup: string[];
  teardown: string[];
  /** The cases (by label substring) it is for. */
  cases: string[];
  /** A query of the bench's own instead of the service's (a change to `queueQuery` this would need). */
  rewrite?: (c: QueueCase, actor: Actor) => Captured;
}

const OPEN_PREDICATE = `status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')`;

/**
 * The sender's view read per border point: for each of the official's border points the first page
 * from an index in queue order (LATERAL … ORDER BY … LIMIT), then the pages merged, so that no query
 * sorts every referral the border points ever sent.
 */
function sentPerBorderPoint(c: QueueCase, actor: Actor): Captured {
  const params: unknown[] = [actor.borderPointIds];
  const where = ['r0.border_point_id = p.id'];
  if (c.query.status) {
    params.push(c.query.status);
    where.push(`r0.status = $${params.length}`);
  }
  if (c.query.cursor) {
    const after = decodeQueueCursor(c.query.cursor);
    params.push(after.priority, after.dueAt, after.id);
    where.push(`(r0.priority, r0.due_at, r0.id) > ($${params.length - 2}, $${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push((c.query.limit ?? 25) + 1);
  const limit = `$${params.length}`;
  return {
    sql: `SELECT r.*, kivuko_case_number(r.case_id) AS case_number, a.name AS agency_name, a.kind AS agency_kind, bp.code AS border_point_code
          FROM unnest($1::uuid[]) AS p(id)
          CROSS JOIN LATERAL (SELECT r0.* FROM referral r0 WHERE ${where.join(' AND ')} ORDER BY r0.priority, r0.due_at, r0.id LIMIT ${limit}) r
          JOIN agency a ON a.id = r.agency_id JOIN border_point bp ON bp.id = r.border_point_id
          ORDER BY r.priority, r.due_at, r.id LIMIT ${limit}`,
    params,
  };
}

/** The profile filter read from the (agency, profile) table of open referrals, in queue order, joined to the referral (row-level security applies to it). */
function byProfileTable(c: QueueCase, actor: Actor): Captured {
  const params: unknown[] = [actor.agencyId, c.query.profile];
  const where = ['rp.agency_id = $1', 'rp.profile = $2', `r.${OPEN_PREDICATE}`];
  if (c.query.priority) {
    params.push(c.query.priority);
    where.push(`rp.priority = $${params.length}`);
  }
  if (c.query.cursor) {
    const after = decodeQueueCursor(c.query.cursor);
    params.push(after.priority, after.dueAt, after.id);
    where.push(`(rp.priority, rp.due_at, rp.referral_id) > ($${params.length - 2}, $${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push((c.query.limit ?? 25) + 1);
  return {
    sql: `SELECT r.*, kivuko_case_number(r.case_id) AS case_number, a.name AS agency_name, a.kind AS agency_kind, bp.code AS border_point_code
          FROM bench_referral_profile rp JOIN referral r ON r.id = rp.referral_id JOIN agency a ON a.id = r.agency_id JOIN border_point bp ON bp.id = r.border_point_id
          WHERE ${where.join(' AND ')} ORDER BY rp.priority, rp.due_at, rp.referral_id LIMIT $${params.length}`,
    params,
  };
}

/** Index changes tried in the benchmark's database only (never in migrations/), each undone after. */
const ALTERNATIVE_INDEXES: Alternative[] = [
  {
    label: 'profile filter: a GIN index on the profiles of open referrals',
    setup: [`CREATE INDEX bench_referral_open_profiles ON referral USING gin (profiles) WHERE ${OPEN_PREDICATE}`, `ANALYZE referral`],
    teardown: [`DROP INDEX bench_referral_open_profiles`],
    cases: ['profile='],
  },
  {
    label:
      'profile filter: open referrals by (agency, profile) in a table of their own, btree (agency_id, profile, priority, due_at, referral_id) and ' +
      'extended statistics, the page read from it in queue order and joined to referral (a change to the schema and to queueQuery)',
    setup: [
      `CREATE TABLE bench_referral_profile AS SELECT r.id AS referral_id, r.agency_id, p.profile, r.priority, r.due_at
         FROM referral r CROSS JOIN LATERAL unnest(r.profiles) AS p(profile) WHERE r.${OPEN_PREDICATE}`,
      `CREATE INDEX bench_referral_profile_queue ON bench_referral_profile (agency_id, profile, priority, due_at, referral_id)`,
      // Which profiles an agency gets is far from independent of the agency: without these the planner
      // expects few rows for (health service, MEDICAL_EMERGENCY) and sorts them all instead.
      `CREATE STATISTICS bench_referral_profile_stats (mcv, dependencies) ON agency_id, profile, priority FROM bench_referral_profile`,
      `ANALYZE bench_referral_profile`,
      `GRANT SELECT ON bench_referral_profile TO kivuko_app`,
    ],
    teardown: [`DROP TABLE bench_referral_profile`],
    cases: ['profile='],
    rewrite: byProfileTable,
  },
  {
    label: "sender's view: indexes (border_point_id, priority, due_at, id) and (border_point_id, status, priority, due_at, id), the query as it is",
    setup: [`CREATE INDEX bench_referral_sent ON referral (border_point_id, priority, due_at, id)`, `CREATE INDEX bench_referral_sent_status ON referral (border_point_id, status, priority, due_at, id)`, `ANALYZE referral`],
    teardown: [`DROP INDEX bench_referral_sent`, `DROP INDEX bench_referral_sent_status`],
    cases: ['view=SENT'],
  },
  {
    label: "sender's view: the same indexes, and the query read per border point and merged (LATERAL … LIMIT; a change to queueQuery)",
    setup: [`CREATE INDEX bench_referral_sent ON referral (border_point_id, priority, due_at, id)`, `CREATE INDEX bench_referral_sent_status ON referral (border_point_id, status, priority, due_at, id)`, `ANALYZE referral`],
    teardown: [`DROP INDEX bench_referral_sent`, `DROP INDEX bench_referral_sent_status`],
    cases: ['view=SENT'],
    rewrite: sentPerBorderPoint,
  },
];

/* ---------------------------------------------------------------------------------------------- */
/* Report                                                                                          */
/* ---------------------------------------------------------------------------------------------- */

/** A plan without the row-level-security expression's long text, one node per line. */
function compactPlan(plan: string[]): string[] {
  return plan
    .filter((l) => !/^\s*(Planning:|Buffers: shared hit=\d+$)/.test(l) || /Buffers/.test(l))
    .map((l) => (l.length > 170 ? `${l.slice(0, 167)}...` : l));
}

function reportCases(title: string, results: CaseResult[], showPlans: boolean): void {
  say(`\n== ${title}`);
  say(
    `  ${'query'.padEnd(56)} ${'rows'.padStart(4)} ${'service p50'.padStart(11)} ${'p99'.padStart(7)} ${'SQL p50'.padStart(8)} ${'p99'.padStart(7)} ${'exec p50'.padStart(9)} ${'p99'.padStart(7)} ${'HTTP p50'.padStart(9)} ${'p99'.padStart(7)}`,
  );
  for (const r of results) {
    say(
      `  ${r.label.slice(0, 56).padEnd(56)} ${String(r.items).padStart(4)} ${ms(r.service.p50).padStart(11)} ${ms(r.service.p99).padStart(7)} ${ms(r.sql.p50).padStart(8)} ${ms(r.sql.p99).padStart(7)} ` +
        `${ms(r.execution.p50).padStart(9)} ${ms(r.execution.p99).padStart(7)} ${r.http ? ms(r.http.p50).padStart(9) : '-'.padStart(9)} ${r.http ? ms(r.http.p99).padStart(7) : '-'.padStart(7)}`,
    );
  }
  const over = (pick: (r: CaseResult) => number): string => results.filter((r) => pick(r) > 10).map((r) => r.label).join('; ') || 'none';
  say(`  p99 over 10 ms: execution: ${over((r) => r.execution.p99)}`);
  say(`                  the service's transaction: ${over((r) => r.service.p99)}`);
  if (!showPlans) return;
  for (const r of results) {
    say(`\n  plan: ${r.label} (${queryString(r.query).replace(/cursor=[^&]+/, 'cursor=…') || 'no filter'})`);
    for (const l of compactPlan(r.plan)) say(`    ${l}`);
  }
}

/* ---------------------------------------------------------------------------------------------- */

export async function queueBenchmark(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'kivuko-bench-queue-'));
  writeFileSync(join(workDir, 'README'), 'Data folder of a Kivuko benchmark run; removed at the end.\n');
  let db: BenchDatabase | undefined;
  let api: RunningApi | undefined;
  let sweepProbes: string[] = [];
  say(`\nagency queue benchmark: ${TOTAL} referrals, ${REPEATS} timed requests per query (after ${WARMUP} warm-up)`);
  try {
    if (REUSE) {
      if (!/^kivuko_bench_[a-z0-9_]+$/.test(REUSE)) throw new Error(`BENCH_REUSE_DATABASE must name a kivuko_bench_* database, not ${REUSE}`);
      db = { name: REUSE, url: databaseUrl(REUSE), appUrl: databaseUrl(REUSE, 'kivuko_app', APP_DB_PASSWORD), drop: async () => undefined };
      say(`reusing ${REUSE}`);
    } else {
      db = await prepareDemoDatabase('queue', workDir, DEMO_PASSWORD);
      say(`seeding ${TOTAL} referrals into ${db.name} ...`);
      const seeded = await seed(db, workDir);
      sweepProbes = seeded.sweepProbes;
      const t = seeded.seconds;
      say(`\n== seeding`);
      say(`  ${seeded.cases} cases (case_file and person), ${seeded.referrals} referrals: ${Object.entries(seeded.byStatus).map(([s, n]) => `${s} ${n} (${((100 * n) / seeded.referrals).toFixed(1)}%)`).join(', ')}`);
      say(`  generating ${t.generate.toFixed(1)} s, COPY ${t.load.toFixed(1)} s, indexes ${t.index.toFixed(1)} s, VACUUM ANALYZE ${t.analyse.toFixed(1)} s`);
    }
    const target = db;
    const sizes = await withClient(target.url, async (c) => {
      const { rows } = await c.query<{ name: string; size: string }>(
        `SELECT c.relname AS name, pg_size_pretty(pg_total_relation_size(c.oid)) AS size FROM pg_class c
         WHERE c.relname IN ('referral', 'case_file', 'person') OR (c.relkind = 'i' AND c.relname LIKE 'referral\\_%') ORDER BY 1`,
      );
      const shares = await c.query<{ name: string; n: string; open: string; overdue: string }>(
        `SELECT a.name, count(*) AS n, count(*) FILTER (WHERE r.status = ANY ($1::text[])) AS open,
                count(*) FILTER (WHERE r.status = ANY ($1::text[]) AND r.overdue_at IS NOT NULL) AS overdue
         FROM referral r JOIN agency a ON a.id = r.agency_id GROUP BY 1 ORDER BY 2 DESC`,
        [OPEN],
      );
      return { sizes: rows.map((r) => `${r.name} ${r.size}`).join(', '), shares: shares.rows };
    });
    const total = sizes.shares.reduce((sum, a) => sum + Number(a.n), 0);
    say(`  sizes: ${sizes.sizes}`);
    say(`  per agency (referrals, open, open and overdue): ${sizes.shares.map((s) => `${s.name} ${s.n}/${s.open}/${s.overdue}`).join('; ')}`);

    // The service's SQL, as each user, without the api running.
    await waitForQuiet();
    const dataDir = workDir;
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: target.url,
      KIVUKO_APP_DB_PASSWORD: APP_DB_PASSWORD,
      KIVUKO_JWT_SECRET: randomBytes(48).toString('base64url'),
      KIVUKO_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
      KIVUKO_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      KIVUKO_LOGIN_LIMIT_PER_IP: '1000000',
      KIVUKO_LOGIN_LIMIT_PER_ACCOUNT: '1000000',
    };
    if (sweepProbes.length > 0) {
      // Due 20 s from now, and no timer: only the sweep can find them.
      await withClient(target.url, (c) => c.query(`UPDATE referral SET due_at = now() + interval '20 seconds' WHERE id = ANY ($1::uuid[])`, [sweepProbes]));
    }
    const apiStarted = Date.now();
    api = await startApi(env);
    const client = new HttpClient(api.url, 4);
    const tokens = new Tokens(client, DEMO_PASSWORD);
    try {
      const sysadmin = await tokens.of('sysadmin');
      const existing = await withClient(target.url, async (c) => (await c.query(`SELECT 1 FROM app_user WHERE username = $1`, [HOSPITAL_USER])).rowCount);
      if (!existing) {
        const agencies = await client.json<{ id: string; kind: string }[]>('GET', '/api/v1/agencies', undefined, sysadmin, 200);
        const hospital = agencies.find((a) => a.kind === 'HEALTH') as { id: string };
        await client.json('POST', '/api/v1/users', { username: HOSPITAL_USER, displayName: 'Hospital referral desk', agencyId: hospital.id, roles: ['CASEWORKER'], password: DEMO_PASSWORD }, sysadmin, 201);
      }
      const users = await actorsOf(target, ['asylum.reviewer', HOSPITAL_USER, 'border.official']);
      const cases = await queueCases(target, users);
      const quiet = await waitForQuiet();
      if (quiet > 0.3) say(`  the machine did not become idle (${quiet.toFixed(2)} cores busy): these figures are high`);
      const cpu = cpuWindow(api.pid);
      const results = await timeCases(target, cases, users);
      for (const [i, c] of cases.entries()) results[i].http = summarise(await timeHttp(client, tokens, c.username, c.query));
      reportCases(
        `GET /api/v1/referrals with ${total} referrals: one client, one request at a time; ms (service = ReferralService.list in its transaction, ` +
          `BEGIN and scope to COMMIT; SQL = the list query's round trip; exec = the server's execution time, EXPLAIN ANALYZE without per-node timing; HTTP = the api end to end)`,
        results,
        true,
      );
      const c = cpu.report();
      say(`  CPU while timing (cores): this process ${c.loadGenerator.toFixed(2)}, postgres ${c.postgres.toFixed(2)}, api ${c.api.toFixed(2)}, anything else ${c.other.toFixed(2)}`);

      if (ALTERNATIVES && ALTERNATIVE_INDEXES.length > 0) {
        say(`\n== index changes tried in this database only (each built, timed, dropped)`);
        for (const alternative of ALTERNATIVE_INDEXES) {
          const started = performance.now();
          await withClient(target.url, async (c) => {
            for (const sql of alternative.setup) await c.query(sql);
          });
          const setup = (performance.now() - started) / 1000;
          try {
            const chosen = cases.filter((c) => alternative.cases.some((label) => c.label.includes(label)));
            const again = await timeCases(target, chosen, users, alternative.rewrite);
            reportCases(`${alternative.label} (built in ${setup.toFixed(1)} s)`, again, true);
          } finally {
            await withClient(target.url, async (c) => {
              for (const sql of alternative.teardown) await c.query(sql);
            });
          }
        }
      }

      // What routing costs with a million referrals: registrations one at a time, and the router's agency query.
      const official = users.get('border.official') as Actor;
      say(`\n== routing with ${total} referrals in the database`);
      for (const kind of ['HEALTH', 'ASYLUM_AUTHORITY']) {
        const c = await candidatesPlan(target, official, kind);
        say(
          `  the router's agency query for ${kind} (counts each agency's referrals made today), as the border official: ${ms(c.executionMs)} ms; ` +
            `today's referrals it counts: ${c.scoped} (all border points: ${c.all})`,
        );
        for (const l of compactPlan(c.plan)) say(`    ${l}`);
      }
      await waitForQuiet();
      const sequential = await sequentialIntakes(api, 40);
      // The same on a fresh database (the demo's few cases), for reference.
      const fresh = await prepareDemoDatabase('queue_fresh', workDir, DEMO_PASSWORD);
      let reference: Map<BodyKind, LatencySummary>;
      try {
        const freshApi = await startApi({ ...env, DATABASE_URL: fresh.url });
        try {
          await waitForQuiet();
          reference = await sequentialIntakes(freshApi, 40);
        } finally {
          await freshApi.stop();
        }
      } finally {
        await fresh.drop();
      }
      say(`  one registration at a time (no other load), 40 of each kind, interleaved; ms, here and on a fresh database:`);
      for (const [kind, l] of sequential) {
        const f = reference.get(kind) as LatencySummary;
        say(`    ${kind.padEnd(13)} here p50 ${ms(l.p50).padStart(6)}, p90 ${ms(l.p90).padStart(6)}, mean ${ms(l.mean).padStart(6)}   fresh p50 ${ms(f.p50).padStart(6)}, p90 ${ms(f.p90).padStart(6)}, mean ${ms(f.mean).padStart(6)}`);
      }
      if (ALTERNATIVES) {
        // The count of an agency's referrals made today from an index that starts with the agency.
        await withClient(target.url, async (c) => {
          await c.query(`CREATE INDEX bench_referral_agency_created ON referral (agency_id, created_at)`);
          await c.query(`ANALYZE referral`);
        });
        try {
          for (const kind of ['HEALTH', 'ASYLUM_AUTHORITY']) {
            const c = await candidatesPlan(target, official, kind);
            say(`  with an index (agency_id, created_at), tried in this database only: the agency query for ${kind} ${ms(c.executionMs)} ms`);
            for (const l of compactPlan(c.plan).filter((line) => /Index|Execution/.test(line))) say(`    ${l}`);
          }
          await waitForQuiet();
          const indexed = await sequentialIntakes(api, 40);
          say(`  one registration at a time with that index: ${[...indexed.entries()].map(([kind, l]) => `${kind} p50 ${ms(l.p50)} ms`).join(', ')}`);
        } finally {
          await withClient(target.url, (c) => c.query(`DROP INDEX bench_referral_agency_created`));
        }
      }

      if (sweepProbes.length > 0) {
        // The sweep runs once a minute; give it two chances after the probes fell due.
        const deadline = apiStarted + 150_000;
        while (Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2_000));
        const state = await withClient(target.url, async (c) => {
          const probes = await c.query<{ marked: string }>(`SELECT count(*) FILTER (WHERE overdue_at IS NOT NULL) AS marked FROM referral WHERE id = ANY ($1::uuid[])`, [sweepProbes]);
          const ahead = await c.query<{ n: string }>(
            `SELECT count(*) AS n FROM referral WHERE status IN ('AWAITING_CONSENT', 'PENDING') AND acknowledged_at IS NULL AND due_at <= now() AND NOT (id = ANY ($1::uuid[]))`,
            [sweepProbes],
          );
          const sweeps = await c.query<{ n: string }>(`SELECT count(*) AS n FROM outbox_message WHERE job_name = 'referrals.sweep' AND completed_at IS NOT NULL`);
          return { marked: Number(probes.rows[0].marked), ahead: Number(ahead.rows[0].n), sweeps: Number(sweeps.rows[0].n) };
        });
        say(
          `\n== the overdue sweep: ${SWEEP_PROBES} pending referrals with no timer fell due 20 s after the api started; ${state.sweeps} sweeps completed in ${((Date.now() - apiStarted) / 1000).toFixed(0)} s; ` +
            `${state.marked} of them marked overdue (${state.ahead} older late referrals, already escalated, sort before them)`,
        );
      }
    } finally {
      client.close();
    }
  } finally {
    await api?.stop();
    rmSync(workDir, { recursive: true, force: true });
    if (db && !REUSE) {
      if (KEEP) say(`kept: ${await keepDatabase(db, 'queue')} (time it again with BENCH_PARTS=queue BENCH_REUSE_DATABASE=kivuko_bench_kept_queue)`);
      else await db.drop();
    }
  }
}


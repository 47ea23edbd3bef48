/**
 * The agency queue benchmark's run: seed (or reuse a kept database), time the queries through the service and
 * over HTTP, try the alternatives, routing at this size, and the overdue sweep.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../libs/platform/src';
import { BodyKind } from '../support/routing-bodies';
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
import { ALTERNATIVE_INDEXES } from './alternatives';
import { timeCases, timeHttp } from './measure';
import { queueCases } from './queries';
import { compactPlan, reportCases } from './report';
import { candidatesPlan, sequentialIntakes } from './routing-at-scale';
import { actorsOf } from './scope';
import { seed } from './seed';
import { ALTERNATIVES, DEMO_PASSWORD, HOSPITAL_USER, KEEP, OPEN, REPEATS, REUSE, SWEEP_PROBES, TOTAL, WARMUP } from './settings';

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

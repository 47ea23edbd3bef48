/**
 * The duplicate search ("possible previous encounters") with 1,000,000 persons registered: seeds the
 * persons (generated names with the region's spelling variation, 15% of them people registered again
 * under another spelling), then runs probes through the api's own `searchEncounters` as the api
 * does (inside a transaction, as kivuko_app, with the scope set) and reports latency, the plan, and
 * how often a re-registered person is found.
 *
 *   npm run bench:duplicates
 *
 * Settings (environment): BENCH_PERSONS (1000000), BENCH_PROBES (2000), BENCH_COMPARE (1: also time
 * alternative indexes and search functions in this database; 0: skip), BENCH_KEEP=1 (keep the
 * database), BENCH_REUSE_DATABASE=<name> (search a database kept earlier instead of seeding again),
 * BENCH_ONLY=<text> (only the alternatives whose label contains it).
 */
import { normaliseDocumentNumber, normaliseName, PersonFacts } from '@kivuko/matching';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { PersonIntakeDto } from '../../libs/cases/src/dto/intake.dto';
import { searchEncounters } from '../../libs/cases/src/encounter-search';
import { matchFactsOf, namesOf } from '../../libs/cases/src/person-record';
import { chance, identity, int, pick, register, Registration, rng, seedOf, weighted } from '../support/people';
import { APP_DB_PASSWORD, BenchDatabase, databaseUrl, LatencySummary, ms, keepDatabase, percentile, prepareDemoDatabase, say, summarise, waitForQuiet, withClient } from '../support/support';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const PROBES = Number(process.env.BENCH_PROBES ?? 2_000);
const WARMUP_PROBES = Math.min(200, Math.ceil(PROBES / 10));
const COMPARE = (process.env.BENCH_COMPARE ?? '1') === '1';
const KEEP = process.env.BENCH_KEEP === '1';
const REUSE = process.env.BENCH_REUSE_DATABASE;
const DEMO_PASSWORD = 'kivuko-bench-demo-password';
/** Share of the seeded cases that are a person registered before, spelled another way. */
const REPEAT_SHARE = 0.15;
const TABLES = ['case_file', 'person', 'person_name', 'person_document'] as const;
/** The case_file columns the seeded rows fill, in their order. */
const CASE_FILE_COLUMNS =
  'id, case_number, intake_id, intake_position, border_point_id, registered_by, registering_agency_id, status, version, arrived_at, ' +
  'arrival_mode, arrival_how, route, intended_destination, smuggler_used, nationalities, urgent_needs, registered_at, updated_at';

/* ---------------------------------------------------------------------------------------------- */
/* Seeding                                                                                         */
/* ---------------------------------------------------------------------------------------------- */

interface Registrar {
  borderPointId: string;
  code: string;
  country: string;
  mode: string;
  userId: string;
  agencyId: string;
  weight: number;
}

async function registrars(db: BenchDatabase): Promise<Registrar[]> {
  return withClient(db.url, async (c) => {
    const { rows } = await c.query<{ id: string; code: string; country: string; kind: string }>(`SELECT id, code, country, kind FROM border_point ORDER BY code`);
    const users = await c.query<{ username: string; id: string; agency_id: string }>(
      `SELECT username, id, agency_id FROM app_user WHERE username IN ('border.official', 'airport.official', 'border.supervisor')`,
    );
    const user = (name: string): { id: string; agency_id: string } => users.rows.find((u) => u.username === name) as { id: string; agency_id: string };
    const weights: Record<string, number> = { NMG: 35, KGM: 30, DAR: 10, KSL: 25 };
    return rows.map((b) => {
      const registrar = b.code === 'DAR' ? user('airport.official') : b.code === 'KSL' ? user('border.supervisor') : user('border.official');
      return {
        borderPointId: b.id,
        code: b.code,
        country: b.country,
        mode: b.kind === 'SEA' ? 'SEA' : b.kind === 'AIR' ? 'AIR' : 'LAND',
        userId: registrar.id,
        agencyId: registrar.agency_id,
        weight: weights[b.code] ?? 1,
      };
    });
  });
}

/** COPY text format: \N for null, arrays as literals, no tab/newline/backslash in values. */
const text = (value: string | null | undefined): string => (value === null || value === undefined ? '\\N' : value.replace(/[\t\n\\]/g, ' '));
const array = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/["\\\t\n]/g, ' ')}"`).join(',')}}`;

/**
 * The id of the i-th seeded case: random-looking like the api's own ids, unique because the last
 * part is the index itself, and computable again from the index alone.
 */
function caseIdOf(i: number): string {
  const hex = (stream: number, width: number): string => (seedOf(stream, i) >>> 0).toString(16).padStart(8, '0').slice(0, width);
  const tail = (i >>> 0).toString(16).padStart(8, '0');
  return `${hex(23, 8)}-${hex(24, 4)}-4${hex(25, 3)}-a${hex(26, 3)}-${hex(27, 4)}${tail}`;
}
const identitySeed = (k: number): number => seedOf(17, k);
const EPOCH = Date.UTC(2019, 0, 1);

/** A person's record as the api would hold it from a registration (what `namesOf`/`matchFactsOf` read). */
function personOf(registration: Registration): PersonIntakeDto {
  return {
    givenName: registration.givenName,
    familyName: registration.familyName,
    otherNames: registration.otherNames,
    sex: registration.sex,
    dateOfBirth: registration.dateOfBirth,
    dateOfBirthEstimated: registration.dateOfBirthEstimated,
    nationalities: registration.nationalities,
    documents: registration.documents,
  } as unknown as PersonIntakeDto;
}

/** Whether the i-th case is a person registered before (and which), or a new person; reads `identityOf` of earlier cases. */
function whoIs(r: () => number, i: number, identityOf: Int32Array): { repeat: boolean; k: number } {
  const repeat = i >= 1000 && r() < REPEAT_SHARE;
  const k = repeat ? identityOf[Math.floor(r() * i)] : i;
  identityOf[i] = k;
  return { repeat, k };
}

/** The identities of an already seeded database (the seed is deterministic). */
function identitiesOf(persons: number): Int32Array {
  const identityOf = new Int32Array(persons);
  for (let i = 0; i < persons; i++) whoIs(rng(seedOf(21, i)), i, identityOf);
  return identityOf;
}

interface Seeded {
  /** The identity (person) behind each case. */
  identityOf: Int32Array;
  seconds: { generate: number; load: number; index: number; analyse: number; total: number };
  rows: Record<string, number>;
}

/** Runs psql with the owner's connection; the command's output is returned, a failure throws. */
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

async function seed(db: BenchDatabase, workDir: string): Promise<Seeded> {
  const started = performance.now();
  const points = await registrars(db);
  const pointWeights = points.map((p) => [p, p.weight] as const);
  const today = new Date();
  const now = today.getTime();
  const identityOf = new Int32Array(PERSONS);
  // Numbers continue from the counters (the demo load may have registered a few cases already).
  const counters = await withClient(db.url, async (c) => {
    const { rows: existing } = await c.query<{ border_point_id: string; year: number; last_value: number }>(`SELECT border_point_id, year, last_value FROM case_number_counter`);
    return new Map(existing.map((e) => [`${e.border_point_id}|${e.year}`, e.last_value]));
  });
  const files = Object.fromEntries(TABLES.map((t) => [t, join(workDir, `${t}.tsv`)])) as Record<(typeof TABLES)[number], string>;
  const fds = Object.fromEntries(TABLES.map((t) => [t, openSync(files[t], 'w')])) as Record<(typeof TABLES)[number], number>;
  const buffers = Object.fromEntries(TABLES.map((t) => [t, [] as string[]])) as Record<(typeof TABLES)[number], string[]>;
  const rows = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<string, number>;
  const flush = (): void => {
    for (const t of TABLES) {
      if (buffers[t].length > 0) writeSync(fds[t], buffers[t].join(''));
      buffers[t] = [];
    }
  };
  const normalised = new Map<string, string>();
  const normalise = (name: string): string => {
    let value = normalised.get(name);
    if (value === undefined) {
      value = normaliseName(name);
      if (normalised.size < 2_000_000) normalised.set(name, value);
    }
    return value;
  };

  for (let i = 0; i < PERSONS; i++) {
    const r = rng(seedOf(21, i));
    const { repeat, k } = whoIs(r, i, identityOf);
    const person = identity(identitySeed(k), today);
    const registration = register(r, person, { variation: repeat ? 1 : 0.6, repeat });
    const point = weighted(r, pointWeights);
    const born = Date.parse(`${registration.dateOfBirth}T00:00:00Z`);
    const from = Math.max(EPOCH, born + 86_400_000);
    const arrivedAt = new Date(from + r() * (now - 3_600_000 - from));
    const year = arrivedAt.getUTCFullYear();
    const counterKey = `${point.borderPointId}|${year}`;
    const sequence = (counters.get(counterKey) ?? 0) + 1;
    counters.set(counterKey, sequence);
    const caseId = caseIdOf(i);
    const caseNumber = `${point.country}-${point.code}-${year}-${String(sequence).padStart(6, '0')}`;
    const registeredAt = new Date(arrivedAt.getTime() + int(r, 10, 600) * 60_000).toISOString();
    const status = weighted(r, [
      ['OPEN', 80],
      ['CLOSED', 15],
      ['INCOMPLETE', 5],
    ] as const);
    buffers.case_file.push(
      [
        caseId,
        caseNumber,
        randomUUID(),
        '0',
        point.borderPointId,
        point.userId,
        point.agencyId,
        status,
        '1',
        arrivedAt.toISOString(),
        point.mode,
        pick(r, ['IRREGULAR_CROSSING', 'SELF_PRESENTED', 'REGULAR_CROSSING', 'INTERCEPTED']),
        array(chance(r, 0.5) ? ['KEN'] : []),
        '\\N',
        chance(r, 0.5) ? 't' : 'f',
        array(registration.nationalities),
        '{}',
        registeredAt,
        registeredAt,
      ].join('\t') + '\n',
    );
    buffers.person.push(
      [
        caseId,
        caseId,
        text(registration.givenName),
        text(registration.familyName),
        array(registration.otherNames),
        '\\N',
        registration.sex,
        registration.dateOfBirth,
        registration.dateOfBirthEstimated ? 't' : 'f',
        '\\N',
        array(registration.nationalities),
        text(registration.areaOfOrigin.name),
        text(registration.areaOfOrigin.code),
        array(registration.languages),
        '\\N',
        '\\N',
        '\\N',
      ].join('\t') + '\n',
    );
    // The searchable names exactly as insertPerson writes them.
    const names = [...new Set(namesOf(personOf(registration)).map(normalise).filter((name) => name.length > 0))];
    names.forEach((name, position) => buffers.person_name.push(`${caseId}\t${position}\t${text(name)}\n`));
    registration.documents.forEach((d, position) =>
      buffers.person_document.push(`${caseId}\t${position}\t${d.kind}\t${text(d.number)}\t${text(normaliseDocumentNumber(d.number))}\t${d.issuingCountry}\t\\N\n`),
    );
    rows.case_file += 1;
    rows.person += 1;
    rows.person_name += names.length;
    rows.person_document += registration.documents.length;
    if (i % 20_000 === 19_999) {
      flush();
      if (i % 200_000 === 199_999) say(`  generated ${i + 1} persons (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  flush();
  for (const t of TABLES) closeSync(fds[t]);
  const generated = performance.now();

  // Bulk load: the secondary indexes are dropped and built again afterwards (from their own
  // definitions, so the schema is unchanged); primary keys and foreign keys stay and are checked.
  const indexes = await withClient(db.url, async (c) => {
    const { rows: defs } = await c.query<{ name: string; def: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i WHERE i.indrelid = ANY ($1::regclass[]) AND NOT i.indisprimary`,
      [TABLES],
    );
    for (const d of defs) await c.query(`DROP INDEX ${d.name}`);
    return defs;
  });
  // The columns named: the rows carry the columns of the registration, not those added since (asylum_wish_recorded_at).
  await psql(db.url, `\\copy case_file (${CASE_FILE_COLUMNS}) FROM '${files.case_file}'`);
  await Promise.all(TABLES.filter((t) => t !== 'case_file').map((t) => psql(db.url, `\\copy ${t} FROM '${files[t]}'`)));
  const loaded = performance.now();
  // Two sessions build the indexes side by side: the trigram index in one, the rest in the other.
  const trigram = indexes.filter((d) => /gin_trgm_ops/.test(d.def));
  const others = indexes.filter((d) => !/gin_trgm_ops/.test(d.def));
  const build = (defs: { def: string }[]): Promise<void> =>
    withClient(db.url, async (c) => {
      await c.query(`SET maintenance_work_mem = '1GB'`);
      for (const d of defs) await c.query(d.def);
    });
  await Promise.all([build(trigram), build(others)]);
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
  return {
    identityOf,
    seconds: { generate: s(started, generated), load: s(generated, loaded), index: s(loaded, indexed), analyse: s(indexed, analysed), total: s(started, analysed) },
    rows,
  };
}

/* ---------------------------------------------------------------------------------------------- */
/* Probes                                                                                          */
/* ---------------------------------------------------------------------------------------------- */

type ProbeKind = 'respelled' | 'same spelling' | 'new person';

interface Probe {
  kind: ProbeKind;
  facts: PersonFacts;
  /** The identity whose cases should be found (re-registrations only). */
  identity?: number;
}

function probes(identityOf: Int32Array, count: number): Probe[] {
  const r = rng(4242);
  const list: Probe[] = [];
  const arrivedAt = new Date();
  for (let n = 0; n < count; n++) {
    const roll = r();
    if (roll < 0.55) {
      // 45% a person registered before, spelled another way; 10% spelled the same way.
      const respelled = roll < 0.45;
      const k = identityOf[Math.floor(r() * identityOf.length)];
      const person = identity(identitySeed(k));
      const registration = register(r, person, respelled ? { variation: 1, repeat: true } : { variation: 0 });
      list.push({ kind: respelled ? 'respelled' : 'same spelling', facts: matchFactsOf(personOf(registration), arrivedAt), identity: k });
    } else {
      const registration = register(r, identity(seedOf(19, n)), { variation: 1 });
      list.push({ kind: 'new person', facts: matchFactsOf(personOf(registration), arrivedAt) });
    }
  }
  return list;
}

interface ProbeResult {
  kind: ProbeKind;
  totalMs: number;
  sqlMs: number;
  candidates: number;
  encounters: string[];
  found?: boolean;
}

/** A manager that is only what `searchEncounters` uses (`query`), on one pg client, timing the SQL. */
function managerOf(client: Client, sqlTimes: number[]): EntityManager {
  return {
    async query(sql: string, params?: unknown[]) {
      const t0 = performance.now();
      const result = await client.query(sql, params);
      sqlTimes.push(performance.now() - t0);
      return result.rows;
    },
  } as unknown as EntityManager;
}

const SCOPE_SQL = `SELECT set_config(name, value, true) FROM unnest($1::text[], $2::text[]) AS s(name, value)`;

/** Runs each probe as the api would: a transaction as kivuko_app with the scope of the border official. */
async function runProbes(appUrl: string, list: Probe[], targets: Map<number, Set<string>>, scope: string[], perName?: number): Promise<ProbeResult[]> {
  const client = new Client({ connectionString: appUrl, application_name: 'kivuko-bench-search' });
  await client.connect();
  const results: ProbeResult[] = [];
  try {
    for (const probe of list) {
      await client.query('BEGIN');
      await client.query(SCOPE_SQL, [['kivuko.scope', 'kivuko.user_id', 'kivuko.agency_id', 'kivuko.border_point_ids', 'kivuko.roles'], scope]);
      const sqlTimes: number[] = [];
      const manager = managerOf(client, sqlTimes);
      let candidates = 0;
      const counting = {
        query: async (sql: string, params?: unknown[]) => {
          // An alternative may call the function with another per-name limit (its 4th argument).
          const args = perName !== undefined && params ? [...params.slice(0, 3), perName] : params;
          const rows = (await manager.query(sql, args)) as unknown[];
          candidates += rows.length;
          return rows;
        },
      } as unknown as EntityManager;
      const t0 = performance.now();
      const encounters = await searchEncounters(counting, probe.facts, [randomUUID()]);
      const totalMs = performance.now() - t0;
      await client.query('COMMIT');
      const ids = encounters.map((e) => e.matchedCaseId);
      const wanted = probe.identity === undefined ? undefined : targets.get(probe.identity);
      results.push({
        kind: probe.kind,
        totalMs,
        sqlMs: sqlTimes.reduce((a, b) => a + b, 0),
        candidates,
        encounters: ids,
        found: wanted ? ids.some((id) => wanted.has(id)) : undefined,
      });
    }
  } finally {
    await client.end();
  }
  return results;
}

/* ---------------------------------------------------------------------------------------------- */
/* Plans and alternatives                                                                          */
/* ---------------------------------------------------------------------------------------------- */

/** The function's name search for one probe name, as EXPLAIN (ANALYZE, BUFFERS) shows it. */
async function explain(db: BenchDatabase, names: string[], threshold: number, perName: number): Promise<string> {
  return withClient(db.url, async (c) => {
    await c.query('BEGIN');
    await c.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(threshold)]);
    const { rows } = await c.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
       SELECT h.case_id FROM unnest($1::text[]) AS probe(name)
         CROSS JOIN LATERAL (
           SELECT pn.case_id FROM person_name pn
           WHERE pn.name_normalised % probe.name
           ORDER BY pn.name_normalised <-> probe.name
           LIMIT $2) h`,
      [names, perName],
    );
    await c.query('ROLLBACK');
    return rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n');
  });
}

function reportProbes(title: string, results: ProbeResult[]): void {
  const total = summarise(results.map((r) => r.totalMs));
  const sql = summarise(results.map((r) => r.sqlMs));
  const line = (l: LatencySummary): string => `p50 ${ms(l.p50)} ms, p90 ${ms(l.p90)} ms, p99 ${ms(l.p99)} ms, max ${ms(l.max)} ms (mean ${ms(l.mean)})`;
  say(`\n== ${title}: ${results.length} probes, one at a time`);
  say(`  searchEncounters (SQL + scoring): ${line(total)}`);
  say(`  of which the SQL round trip:      ${line(sql)}`);
  for (const kind of ['respelled', 'same spelling', 'new person'] as ProbeKind[]) {
    const some = results.filter((r) => r.kind === kind);
    if (some.length === 0) continue;
    const l = summarise(some.map((r) => r.totalMs));
    const candidates = some.map((r) => r.candidates).sort((a, b) => a - b);
    const withEncounters = some.filter((r) => r.encounters.length > 0).length;
    const found = some.filter((r) => r.found).length;
    say(
      `  ${kind.padEnd(14)} n=${String(some.length).padStart(4)}: p50 ${ms(l.p50)} ms, p99 ${ms(l.p99)} ms; candidates read p50 ${percentile(candidates, 50)} max ${candidates[candidates.length - 1]}; ` +
        `with an encounter ${((100 * withEncounters) / some.length).toFixed(0)}%` +
        (kind === 'new person' ? '' : `; the earlier registration found ${((100 * found) / some.length).toFixed(0)}%`),
    );
  }
}

/* ---------------------------------------------------------------------------------------------- */

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'kivuko-bench-duplicates-'));
  let db: BenchDatabase | undefined;
  say(`duplicate search benchmark: ${PERSONS} persons, ${PROBES} probes (+${WARMUP_PROBES} warm-up)`);
  try {
    let identityOf: Int32Array;
    if (REUSE) {
      if (!/^kivuko_bench_[a-z0-9_]+$/.test(REUSE)) throw new Error(`BENCH_REUSE_DATABASE must name a kivuko_bench_* database, not ${REUSE}`);
      // A database kept by an earlier run (BENCH_KEEP=1) with the same BENCH_PERSONS: no seeding.
      db = { name: REUSE, url: databaseUrl(REUSE), appUrl: databaseUrl(REUSE, 'kivuko_app', APP_DB_PASSWORD), drop: async () => undefined };
      identityOf = identitiesOf(PERSONS);
      say(`reusing ${REUSE} (seeded earlier with ${PERSONS} persons)`);
    } else {
      db = await prepareDemoDatabase('duplicates', workDir, DEMO_PASSWORD);
      say(`seeding ${PERSONS} persons into ${db.name} ...`);
      const seeded = await seed(db, workDir);
      identityOf = seeded.identityOf;
      const t = seeded.seconds;
      say(`\n== seeding`);
      say(`  ${seeded.rows.case_file} cases and persons, ${seeded.rows.person_name} searchable names, ${seeded.rows.person_document} documents`);
      say(`  ${t.total.toFixed(1)} s in all: generating ${t.generate.toFixed(1)} s, COPY ${t.load.toFixed(1)} s, indexes ${t.index.toFixed(1)} s, VACUUM ANALYZE ${t.analyse.toFixed(1)} s`);
    }
    rmSync(workDir, { recursive: true, force: true });
    const sizes = await withClient(db.url, async (c) => {
      const { rows } = await c.query<{ name: string; size: string }>(
        `SELECT c.relname AS name, pg_size_pretty(pg_total_relation_size(c.oid)) AS size FROM pg_class c WHERE c.relname = ANY ($1::text[]) ORDER BY 1`,
        [[...TABLES, 'person_name_trgm_idx']],
      );
      return rows.map((r) => `${r.name} ${r.size}`).join(', ');
    });
    say(`  sizes: ${sizes}`);

    const list = probes(identityOf, WARMUP_PROBES + PROBES);
    const wanted = new Set(list.flatMap((p) => (p.identity === undefined ? [] : [p.identity])));
    const targets = new Map<number, Set<string>>();
    identityOf.forEach((k, i) => {
      if (!wanted.has(k)) return;
      const set = targets.get(k) ?? new Set<string>();
      set.add(caseIdOf(i));
      targets.set(k, set);
    });
    const scope = await withClient(db.url, async (c) => {
      const { rows } = await c.query<{ id: string; agency_id: string; border_point_ids: string[]; roles: string[] }>(
        `SELECT id, agency_id, border_point_ids, roles FROM app_user WHERE username = 'border.official'`,
      );
      const u = rows[0];
      return ['actor', u.id, u.agency_id, u.border_point_ids.join(','), u.roles.join(',')];
    });
    const appUrl = db.appUrl;
    await runProbes(appUrl, list.slice(0, WARMUP_PROBES), targets, scope);
    const busy = await waitForQuiet();
    if (busy > 0.3) say(`  the machine did not become idle (${busy.toFixed(2)} cores busy by other programs): latencies are high`);
    const results = await runProbes(appUrl, list.slice(WARMUP_PROBES), targets, scope);
    reportProbes('duplicate search as migrated (kivuko_encounter_candidates, GIN trigram index)', results);

    // The plan of the slowest probe's commonest name, and of a typical one.
    const slowest = [...results].sort((a, b) => b.sqlMs - a.sqlMs)[0];
    const slowProbe = list.slice(WARMUP_PROBES)[results.indexOf(slowest)];
    const slowNames = [...new Set(slowProbe.facts.names.map(normaliseName))];
    say(`\n== plan of the slowest probe (${ms(slowest.sqlMs)} ms in SQL), names ${JSON.stringify(slowNames)}:`);
    say(await explain(db, slowNames, 0.61, 50));
    const medianIndex = results.map((r) => r.sqlMs).indexOf(summarise(results.map((r) => r.sqlMs)).p50);
    const typicalProbe = list.slice(WARMUP_PROBES)[Math.max(0, medianIndex)];
    const typicalNames = [...new Set(typicalProbe.facts.names.map(normaliseName))];
    say(`\n== plan of a median probe, names ${JSON.stringify(typicalNames)}:`);
    say(await explain(db, typicalNames, 0.61, 50));

    if (COMPARE) await compareAlternatives(db, list, results, targets, scope);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    if (db && !KEEP && !REUSE) await db.drop();
    else if (db && !REUSE) say(`kept: ${await keepDatabase(db, 'duplicates')} (search it again with BENCH_REUSE_DATABASE, or load it with bench:intake's BENCH_ON_DATABASE)`);
  }
}

/** Where the original duplicate-search function is restored from after an alternative. */
const FUNCTION = `kivuko_encounter_candidates(text[], text[], real, integer)`;

/** The function's result columns, the same in every alternative. */
const CANDIDATE_COLUMNS = `
  SELECT c.id, c.case_number, p.identity_id, c.border_point_id, c.arrived_at,
         ARRAY(SELECT n.name_normalised FROM person_name n WHERE n.case_id = c.id ORDER BY n.position),
         p.date_of_birth, p.date_of_birth_estimated, p.nationalities,
         coalesce((SELECT jsonb_agg(jsonb_build_object('kind', d.kind, 'number', d.number_normalised, 'country', d.issuing_country))
                   FROM person_document d WHERE d.case_id = c.id), '[]'::jsonb)
  FROM hits JOIN case_file c ON c.id = hits.case_id JOIN person p ON p.case_id = c.id;`;

/**
 * Token-pair blocking: every unordered pair of a normalised name's tokens ("abdi hasan mohamed" gives
 * "abdi hasan", "abdi mohamed", "hasan mohamed"; a one-token name is its own key) in a btree-indexed
 * table. Candidates are the names sharing a pair with the probe name; pg_trgm then only checks and
 * orders those. Names stay searchable in any order; a name whose every pair has a spelling the
 * normaliser does not bring together (a typo in two of three tokens, or in one of two) is not found.
 */
const PAIR_TABLE = [
  `CREATE TABLE bench_name_pair (pair text NOT NULL, case_id uuid NOT NULL)`,
  `INSERT INTO bench_name_pair
   SELECT DISTINCT k.pair, pn.case_id FROM person_name pn
   CROSS JOIN LATERAL (
     SELECT least(a.tok, b.tok) || ' ' || greatest(a.tok, b.tok) AS pair
     FROM unnest(string_to_array(pn.name_normalised, ' ')) WITH ORDINALITY AS a(tok, i),
          unnest(string_to_array(pn.name_normalised, ' ')) WITH ORDINALITY AS b(tok, j)
     WHERE a.i < b.j
     UNION ALL SELECT pn.name_normalised WHERE position(' ' IN pn.name_normalised) = 0) k`,
  `CREATE INDEX bench_name_pair_idx ON bench_name_pair (pair)`,
  `ANALYZE bench_name_pair`,
  `GRANT SELECT ON bench_name_pair TO kivuko_app`,
];

const PAIR_FUNCTION = `
  CREATE OR REPLACE FUNCTION ${FUNCTION.replace(/\(.*\)/, '')}(p_names text[], p_document_numbers text[], p_similarity real, p_per_name integer)
  RETURNS TABLE (case_id uuid, case_number text, identity_id uuid, border_point_id uuid, arrived_at timestamptz,
                 names text[], date_of_birth date, date_of_birth_estimated boolean, nationalities text[], documents jsonb)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  BEGIN
    PERFORM set_config('pg_trgm.similarity_threshold', p_similarity::text, true);
    RETURN QUERY
    WITH hits AS (
      SELECT h.case_id FROM unnest(p_names) AS probe(name)
        CROSS JOIN LATERAL (
          SELECT pn.case_id FROM person_name pn
          WHERE pn.case_id IN (
                  SELECT bp.case_id FROM bench_name_pair bp
                  WHERE bp.pair IN (
                    SELECT least(a.tok, b.tok) || ' ' || greatest(a.tok, b.tok)
                    FROM unnest(string_to_array(probe.name, ' ')) WITH ORDINALITY AS a(tok, i),
                         unnest(string_to_array(probe.name, ' ')) WITH ORDINALITY AS b(tok, j)
                    WHERE a.i < b.j
                    UNION ALL SELECT probe.name WHERE position(' ' IN probe.name) = 0))
            AND pn.name_normalised % probe.name
          ORDER BY pn.name_normalised <-> probe.name
          LIMIT p_per_name) h
      UNION
      SELECT d.case_id FROM person_document d WHERE d.number_normalised = ANY (p_document_numbers)
    )
    ${CANDIDATE_COLUMNS}
  END $fn$`;

/**
 * The same blocking with the name kept beside each pair in a covering index, so that candidates are
 * checked and ordered from the index alone (no heap visit per candidate name).
 */
const COVERING_PAIR_TABLE = [
  `CREATE TABLE bench_name_pair_covering (pair text NOT NULL, case_id uuid NOT NULL, name_normalised text NOT NULL)`,
  `INSERT INTO bench_name_pair_covering
   SELECT DISTINCT k.pair, pn.case_id, pn.name_normalised FROM person_name pn
   CROSS JOIN LATERAL (
     SELECT least(a.tok, b.tok) || ' ' || greatest(a.tok, b.tok) AS pair
     FROM unnest(string_to_array(pn.name_normalised, ' ')) WITH ORDINALITY AS a(tok, i),
          unnest(string_to_array(pn.name_normalised, ' ')) WITH ORDINALITY AS b(tok, j)
     WHERE a.i < b.j
     UNION ALL SELECT pn.name_normalised WHERE position(' ' IN pn.name_normalised) = 0) k`,
  `CREATE INDEX bench_name_pair_covering_idx ON bench_name_pair_covering (pair) INCLUDE (case_id, name_normalised)`,
  `VACUUM (ANALYZE) bench_name_pair_covering`,
  `GRANT SELECT ON bench_name_pair_covering TO kivuko_app`,
];

const COVERING_PAIR_FUNCTION = `
  CREATE OR REPLACE FUNCTION ${FUNCTION.replace(/\(.*\)/, '')}(p_names text[], p_document_numbers text[], p_similarity real, p_per_name integer)
  RETURNS TABLE (case_id uuid, case_number text, identity_id uuid, border_point_id uuid, arrived_at timestamptz,
                 names text[], date_of_birth date, date_of_birth_estimated boolean, nationalities text[], documents jsonb)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  BEGIN
    PERFORM set_config('pg_trgm.similarity_threshold', p_similarity::text, true);
    RETURN QUERY
    WITH hits AS (
      SELECT h.case_id FROM unnest(p_names) AS probe(name)
        CROSS JOIN LATERAL (
          SELECT bp.case_id FROM bench_name_pair_covering bp
          WHERE bp.pair IN (
                  SELECT least(a.tok, b.tok) || ' ' || greatest(a.tok, b.tok)
                  FROM unnest(string_to_array(probe.name, ' ')) WITH ORDINALITY AS a(tok, i),
                       unnest(string_to_array(probe.name, ' ')) WITH ORDINALITY AS b(tok, j)
                  WHERE a.i < b.j
                  UNION ALL SELECT probe.name WHERE position(' ' IN probe.name) = 0)
            AND bp.name_normalised % probe.name
          GROUP BY bp.case_id
          ORDER BY min(bp.name_normalised <-> probe.name)
          LIMIT p_per_name) h
      UNION
      SELECT d.case_id FROM person_document d WHERE d.number_normalised = ANY (p_document_numbers)
    )
    ${CANDIDATE_COLUMNS}
  END $fn$`;

interface Alternative {
  label: string;
  /** Run as the owner before the probes. */
  setup: string[];
  /** Run as the owner afterwards (the original function is restored anyway). */
  teardown: string[];
  /** How many of the measured probes to run (the slow alternatives fewer). */
  probes: number;
  /** Call the function with this per-name limit instead of the api's. */
  perName?: number;
}

/** Adds `count` names to person_name through ordinary INSERTs (as registrations do), so they sit in the GIN pending list when fastupdate is on. */
const streamNames = (count: number): string =>
  `INSERT INTO person_name (case_id, position, name_normalised)
   SELECT case_id, position + 20, name_normalised FROM person_name WHERE position < 2 ORDER BY case_id LIMIT ${count}`;

/** The alternatives; `trigramIndex` is the migrated index's own definition, to build it again. */
const alternatives = (trigramIndex: string): Alternative[] => [
  {
    label: 'as migrated, per-name LIMIT 10 instead of 50 (the function called with p_per_name 10)',
    setup: [],
    teardown: [],
    probes: 1000,
    perName: 10,
  },
  {
    label: 'as migrated while registrations stream in: 10,000 new names in the GIN pending list (fastupdate on, the default)',
    setup: [streamNames(10_000)],
    teardown: [`DELETE FROM person_name WHERE position >= 20`, `SELECT gin_clean_pending_list('person_name_trgm_idx')`],
    probes: 1000,
  },
  {
    label: 'the same 10,000 new names with the trigram index WITH (fastupdate = off)',
    setup: [`ALTER INDEX person_name_trgm_idx SET (fastupdate = off)`, streamNames(10_000)],
    teardown: [`DELETE FROM person_name WHERE position >= 20`, `ALTER INDEX person_name_trgm_idx RESET (fastupdate)`],
    probes: 1000,
  },
  {
    label: 'GiST instead of GIN: gist_trgm_ops(siglen=128), KNN order by <-> (the GIN index dropped)',
    setup: [
      `SET maintenance_work_mem = '1GB'`,
      `CREATE INDEX bench_name_gist ON person_name USING gist (name_normalised gist_trgm_ops(siglen=128))`,
      `DROP INDEX person_name_trgm_idx`,
    ],
    teardown: [`SET maintenance_work_mem = '1GB'`, trigramIndex, `DROP INDEX bench_name_gist`],
    probes: 200,
  },
  {
    label: 'token-pair blocking (btree on unordered token pairs) + pg_trgm on the candidates only',
    setup: [...PAIR_TABLE, PAIR_FUNCTION],
    teardown: [`DROP TABLE bench_name_pair`],
    probes: 2000,
  },
  {
    label: 'token-pair blocking with the name in a covering index (index-only: no heap visit per candidate)',
    setup: [...COVERING_PAIR_TABLE, COVERING_PAIR_FUNCTION],
    teardown: [`DROP TABLE bench_name_pair_covering`],
    probes: 2000,
  },
];

/**
 * Alternatives tried in the benchmark's own database only (never in migrations/): each changes the
 * index or the function, runs the same probes again through the api's searchEncounters, and is
 * undone. "Kept" is the share of the encounters found as migrated that the alternative finds too.
 */
async function compareAlternatives(db: BenchDatabase, list: Probe[], baseline: ProbeResult[], targets: Map<number, Set<string>>, scope: string[]): Promise<void> {
  const [original, trigramIndex] = await withClient(db.url, async (c) => {
    const { rows } = await c.query<{ def: string }>(`SELECT pg_get_functiondef($1::regprocedure) AS def`, [FUNCTION]);
    const index = await c.query<{ def: string }>(`SELECT pg_get_indexdef('person_name_trgm_idx'::regclass) AS def`);
    return [rows[0].def, index.rows[0].def];
  });
  const measured = list.slice(WARMUP_PROBES);
  say(`\n== alternatives (in this database only; each on the first N of the same probes, after 50 warm-up probes)`);
  const only = process.env.BENCH_ONLY;
  for (const alternative of alternatives(trigramIndex).filter((a) => !only || a.label.includes(only))) {
    const started = performance.now();
    await withClient(db.url, async (c) => {
      for (const sql of alternative.setup) await c.query(sql);
    });
    const setupSeconds = (performance.now() - started) / 1000;
    await waitForQuiet();
    const perName = alternative.perName;
    let results: ProbeResult[];
    try {
      await runProbes(db.appUrl, measured.slice(-50), targets, scope, perName);
      results = await runProbes(db.appUrl, measured.slice(0, alternative.probes), targets, scope, perName);
    } finally {
      await withClient(db.url, async (c) => {
        for (const sql of alternative.teardown) await c.query(sql);
        await c.query(original);
      });
    }
    const before = baseline.slice(0, results.length);
    const baselineEncounters = before.reduce((n, r) => n + r.encounters.length, 0);
    const kept = before.reduce((n, r, i) => n + r.encounters.filter((id) => results[i].encounters.includes(id)).length, 0);
    const added = results.reduce((n, r, i) => n + r.encounters.filter((id) => !before[i].encounters.includes(id)).length, 0);
    const l = summarise(results.map((r) => r.totalMs));
    const b = summarise(before.map((r) => r.totalMs));
    const foundNow = results.filter((r) => r.found).length;
    const foundBefore = before.filter((r) => r.found).length;
    say(`\n  ${alternative.label}`);
    say(`    setup ${setupSeconds.toFixed(1)} s; ${results.length} probes: p50 ${ms(l.p50)} ms, p90 ${ms(l.p90)} ms, p99 ${ms(l.p99)} ms, max ${ms(l.max)} ms (as migrated on the same probes: p50 ${ms(b.p50)}, p99 ${ms(b.p99)})`);
    say(
      `    encounters kept ${baselineEncounters ? ((100 * kept) / baselineEncounters).toFixed(1) : '-'}% of ${baselineEncounters}, new ones ${added}; ` +
        `earlier registration found for ${foundNow} probes (as migrated: ${foundBefore})`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

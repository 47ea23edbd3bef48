/**
 * Setup and data generation: about 410,000 cases and 1,000,000 referrals (BENCH_REFERRALS) made the way the
 * router makes them (the default SOP's plan and agency choice for each case's profiles, at the time the case
 * arrived), spread over three years with most referrals closed, loaded with COPY as the owner (secondary
 * indexes dropped and built again), then VACUUM ANALYZE.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AgencyCandidate, AgencyKind, alertsDue, chooseAgency, loadSop, planReferrals, priorityNumber, RoutableProfile } from '../../libs/sop/src';
import { chance, identity, int, pick, rng, seedOf, weighted } from '../support/people';
import { BenchDatabase, say, withClient } from '../support/support';
import { OPEN, SWEEP_PROBES, TOTAL } from './settings';

const YEARS = 3;
const DAY = 86_400_000;

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

export async function seed(db: BenchDatabase, workDir: string): Promise<Seeded> {
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

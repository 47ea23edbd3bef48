import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { productSources } from './product-sources';

const ROOT = resolve(__dirname, '..');

/** A raw SQL call: `manager.query(...)`, `dataSource.query<Row[]>(...)`, `client.query(...)`. */
const SQL_CALL = /\.query(?:<|\()/g;

/**
 * The only files in libs/ outside a `*.queries.ts` module that send raw SQL, how many calls each, and
 * why. Everything else keeps its SQL in a query module beside the service that calls it (e.g.
 * libs/referrals/src/referral.queries.ts), so that a context's SQL can be read, and changed, in one place.
 */
const ALLOWED: Record<string, [calls: number, reason: string]> = {
  // Platform infrastructure: the SQL is the mechanism itself, not a context's data.
  'libs/platform/src/db/migrate.ts': [8, "runs the migrations under an advisory lock, and grants the application role its rights"],
  'libs/platform/src/db/embedded-postgres.ts': [2, 'creates the database of an embedded server, before any migration'],
  'libs/platform/src/db/unit-of-work.ts': [1, "sets the transaction's scope settings (set_config) at the start of every unit of work"],
  'libs/platform/src/backup/backup.ts': [7, 'the backup command: checks the schema, takes a base backup (pg_backup_start/stop) and checks a restored cluster'],
  'libs/platform/src/backup/pg-tools.ts': [1, "reads the server's version to pick matching pg_dump / pg_restore tools"],
  'libs/platform/src/jobs/outbox-relay.ts': [6, "the outbox relay: reads due outbox rows, marks them published, and LISTENs for new ones"],
  'libs/platform/src/jobs/outbox.service.ts': [1, 'wakes the relay (pg_notify) after writing an outbox row'],
  'libs/platform/src/jobs/outbox-housekeeping.ts': [1, "checks whether the day's prune job is already in the outbox"],
  'libs/platform/src/jobs/outbox-prune.job.ts': [1, 'deletes old delivered outbox rows'],
  'libs/platform/src/jobs/job-worker.host.ts': [2, "marks a job's outbox row completed or failed"],
  'libs/platform/src/jobs/minute-schedule.ts': [1, "checks whether a minute's job is already in the outbox"],
  'libs/platform/src/health/health.controller.ts': [1, 'the readiness probe: SELECT 1'],
  'libs/platform/src/testing/test-database.ts': [3, 'test support: creates and drops the databases of a test run'],
  'libs/runtime/src/demo-cases.ts': [5, 'demo seeding, outside any context: reads demo users, border points and referrals across contexts'],
  'libs/casework/src/records/protection-view.service.ts': [1, 'one statement builder for the combined protection view, run with the column lists each record kind gives it'],
};

/** The files that may hold SQL without a place on the list: query modules, specs and declarations. */
function isSqlHome(name: string): boolean {
  return name.endsWith('.queries.ts') || name.endsWith('.spec.ts') || name.endsWith('.d.ts');
}

function sqlCalls(): Record<string, number> {
  const found: Record<string, number> = {};
  for (const file of productSources(join(ROOT, 'libs'), isSqlHome)) {
    const calls = [...readFileSync(file, 'utf8').matchAll(SQL_CALL)].length;
    if (calls > 0) found[relative(ROOT, file)] = calls;
  }
  return found;
}

describe('SQL homes', () => {
  it('sends raw SQL in libs/ outside *.queries.ts modules only where the list allows it, as often as it says', () => {
    const allowed = Object.fromEntries(Object.entries(ALLOWED).map(([file, [calls]]) => [file, calls]));
    // A file missing here, or with a count above its entry, sends SQL from outside a query module:
    // move the SQL into the *.queries.ts module beside it. A file listed here that no longer sends it
    // (or sends it less): lower or remove its entry.
    expect(sqlCalls()).toEqual(allowed);
  });

  it('gives each allowed file a reason', () => {
    for (const [file, [, reason]] of Object.entries(ALLOWED)) expect([file, reason.length > 10]).toEqual([file, true]);
  });

  it('sees both ways of calling query, and not other words that start with it', () => {
    const text = 'await manager.query(`SELECT 1`); await ds.query<{ id: string }[]>(`SELECT id FROM t`); queryRunner.isTransactionActive; req.queryString; query(x);';
    expect(text.match(SQL_CALL)).toEqual(['.query(', '.query<']);
  });

  it('counts SQL only outside query modules, specs and declarations', () => {
    expect(['a.queries.ts', 'a.service.spec.ts', 'a.d.ts', 'a.service.ts', 'a.queries.helper.ts'].map(isSqlHome)).toEqual([true, true, true, false, false]);
  });
});

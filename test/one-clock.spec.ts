import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { productSources } from './product-sources';

const ROOT = resolve(__dirname, '..');

/** A read of the machine's time that does not go through the injected `Clock`. */
const TIME_READ = /\bnew Date\(\)|\bDate\.now\(\)/g;

/**
 * The only places in libs/ that read the machine's time directly, how many times, and why. Everything
 * else asks the injected `Clock` (libs/platform/src/time/clock.ts), so that a test that fixes the time
 * fixes it for every rule at once.
 */
const ALLOWED: Record<string, [reads: number, reason: string]> = {
  'libs/platform/src/time/clock.ts': [1, 'the clock itself'],
  'libs/platform/src/boot.ts': [2, 'process start-up, before any service exists: names a new key after the day'],
  'libs/platform/src/crypto/field-cipher.ts': [1, 'generateKeyring, a set-up and command-line helper outside the container: names a new key after the day'],
  'libs/platform/src/backup/backup.ts': [1, 'the backup command, outside the container; its caller may pass `now`'],
  'libs/platform/src/db/left-running-postmaster.ts': [2, 'a timeout while a database server stops, in real time'],
  'libs/platform/src/testing/test-database.ts': [2, 'test support: a timeout while polling, in real time'],
  'libs/platform/src/jobs/job-worker.host.ts': [4, 'measures how long a job took, for the log, and how long it keeps trying to record a result while the database is away, in real time'],
  'libs/platform/src/metrics/metrics.ts': [1, 'how old the scrape-time figures are (a cache bound in real time, like the session registry\'s)'],
  'libs/platform/src/jobs/job-queues.ts': [1, 'a run-at time becomes a delay that BullMQ counts on the machine\'s time'],
  'libs/platform/src/lifecycle/shutdown-state.ts': [1, 'measures the grace period since the shutdown began'],
  'libs/access/src/session-registry.ts': [2, 'how long this process trusts a cached session answer: a bound on staleness in real time, which a test\'s fixed clock must not stretch'],
  'libs/sop/src/cli/main.ts': [1, 'a command-line main, outside the container'],
  'libs/referrals/src/webhooks/webhook-delivery.job.ts': [1, "a delivery's signature timestamp is real time: the receiver checks it against its own clock"],
};

function timeReads(): Record<string, number> {
  const found: Record<string, number> = {};
  for (const file of productSources(join(ROOT, 'libs'))) {
    const reads = [...readFileSync(file, 'utf8').matchAll(TIME_READ)].length;
    if (reads > 0) found[relative(ROOT, file)] = reads;
  }
  return found;
}

describe('one clock', () => {
  it('reads the machine\'s time in libs/ only where the list allows it, as often as it says', () => {
    const allowed = Object.fromEntries(Object.entries(ALLOWED).map(([file, [reads]]) => [file, reads]));
    // A file missing here, or with a count above its entry, reads the time directly: use the injected Clock.
    // A file listed here that no longer reads it (or reads it less): lower or remove its entry.
    expect(timeReads()).toEqual(allowed);
  });

  it('gives each allowed file a reason', () => {
    for (const [file, [, reason]] of Object.entries(ALLOWED)) expect([file, reason.length > 10]).toEqual([file, true]);
  });

  it('sees both ways of reading the time', () => {
    expect('const a = new Date(); const b = Date.now(); const c = new Date(b);'.match(TIME_READ)).toEqual(['new Date()', 'Date.now()']);
  });
});

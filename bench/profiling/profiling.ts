/**
 * The profiling engine alone: 10,000 generated cases through the default rule set, no database, no
 * HTTP. Prints the time of the best and median of several rounds (after a warm-up), per case, and how
 * often each profile was suggested (a check that the generated cases exercise the rules).
 *
 *   npm run bench:profiling
 *
 * Settings (environment): BENCH_CASES (10000), BENCH_ROUNDS (7), BENCH_SEED (20261126).
 */
import { DEFAULT_RULE_SET, DEFAULT_RULE_SET_DOCUMENT, loadRuleSet, profileCase, PROFILES, ProfileCode } from '@kivuko/profiling';
import fc from 'fast-check';
import { factsArb } from '../../libs/profiling/src/testing/arbitraries';

const say = (message: string): void => {
  process.stdout.write(`${message}\n`);
};
const setting = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
};

const CASES = setting('BENCH_CASES', 10_000);
const ROUNDS = setting('BENCH_ROUNDS', 7);
const SEED = setting('BENCH_SEED', 20_261_126);

function main(): void {
  const cases = fc.sample(factsArb, { numRuns: CASES, seed: SEED });
  say(`profiling engine: ${cases.length} generated cases, rule set ${DEFAULT_RULE_SET.version} (${DEFAULT_RULE_SET.rules.length} rules), node ${process.version}`);

  let start = performance.now();
  for (let i = 0; i < 100; i += 1) loadRuleSet(DEFAULT_RULE_SET_DOCUMENT);
  say(`validating and loading the default rule set: ${((performance.now() - start) / 100).toFixed(3)} ms`);

  // Warm-up: let the JIT see every path before timing.
  for (const facts of cases) profileCase(facts, DEFAULT_RULE_SET);

  const times: number[] = [];
  const suggested = new Map<ProfileCode, number>();
  let total = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    start = performance.now();
    for (const facts of cases) {
      const result = profileCase(facts, DEFAULT_RULE_SET);
      if (round === 0) {
        for (const { profile } of result.profiles) suggested.set(profile, (suggested.get(profile) ?? 0) + 1);
        total += result.profiles.length;
      }
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const best = times[0];
  const median = times[Math.floor(times.length / 2)];
  say(`${cases.length} cases: best ${best.toFixed(1)} ms, median ${median.toFixed(1)} ms over ${ROUNDS} rounds (${((median * 1000) / cases.length).toFixed(1)} µs per case)`);
  say(`profiles suggested: ${total} (${(total / cases.length).toFixed(2)} per case)`);
  for (const profile of PROFILES) say(`  ${profile.padEnd(24)} ${String(suggested.get(profile) ?? 0).padStart(6)}`);
  say(median < 1_000 ? 'target met: 10,000 cases well under a second' : 'TARGET MISSED: the median round took a second or more');
}

main();

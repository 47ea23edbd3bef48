/**
 * The agency queue (GET /api/v1/referrals) with 1,000,000 referrals: seeds cases and referrals made the
 * way the router makes them (the default SOP's plan and agency choice for each case's profiles, at the
 * time the case arrived), spread over three years with most referrals closed; then times the queue
 * pages server-side (the SQL `ReferralService.list` builds, run by the service itself inside a
 * transaction as kivuko_app with the user's row-level-security scope, as the UnitOfWork sets it) and
 * over HTTP, shows each query's plan, and tries index changes in this database only.
 *
 *   npm run bench:referral-queue
 *
 * Also run by bench/routing/routing.ts (BENCH_PARTS contains `queue`). Settings: BENCH_REFERRALS (1000000),
 * BENCH_QUEUE_REPEATS (200 timed requests per query and way, after 20 warm-up),
 * BENCH_QUEUE_ALTERNATIVES (1: also try the index changes), BENCH_KEEP=1 (keep the database as
 * kivuko_bench_kept_queue), BENCH_REUSE_DATABASE=kivuko_bench_kept_queue (time a kept database again).
 *
 * The parts: settings.ts (the settings), seed.ts (the cases and referrals), queries.ts (the queries timed),
 * scope.ts (the users' scope), measure.ts (timing through the service, the server and HTTP), alternatives.ts
 * (index and query changes tried), routing-at-scale.ts (registrations and the router's agency query at this
 * size), report.ts (the tables and plans), queue-benchmark.ts (the run).
 */
import { queueBenchmark } from './queue-benchmark';

queueBenchmark().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

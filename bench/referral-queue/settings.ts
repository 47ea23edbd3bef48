/**
 * The queue benchmark's settings (environment) and the constants its parts share.
 */

export const TOTAL = Number(process.env.BENCH_REFERRALS ?? 1_000_000);
export const REPEATS = Number(process.env.BENCH_QUEUE_REPEATS ?? 200);
export const WARMUP = 20;
export const ALTERNATIVES = (process.env.BENCH_QUEUE_ALTERNATIVES ?? '1') === '1';
export const KEEP = process.env.BENCH_KEEP === '1';
export const REUSE = process.env.BENCH_REUSE_DATABASE;
export const DEMO_PASSWORD = 'kivuko-bench-demo-password';
export const HOSPITAL_USER = 'hospital.officer';
export const OPEN = ['AWAITING_CONSENT', 'PENDING', 'ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS'];
/** Referrals seeded due a few seconds after the api starts, with no timer: only the minute's sweep can mark them overdue. */
export const SWEEP_PROBES = 20;

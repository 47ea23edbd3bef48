/**
 * The report: per query, rows, service, SQL, execution and HTTP latency (p50, p99), and each query's plan.
 */
import { ms, say } from '../support/support';
import { CaseResult } from './measure';
import { queryString } from './queries';

/** A plan without the row-level-security expression's long text, one node per line. */
export function compactPlan(plan: string[]): string[] {
  return plan
    .filter((l) => !/^\s*(Planning:|Buffers: shared hit=\d+$)/.test(l) || /Buffers/.test(l))
    .map((l) => (l.length > 170 ? `${l.slice(0, 167)}...` : l));
}

export function reportCases(title: string, results: CaseResult[], showPlans: boolean): void {
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

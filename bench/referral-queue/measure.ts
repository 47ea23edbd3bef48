/**
 * Measurement: `ReferralService.list` run by the service itself in a transaction as kivuko_app with the user's
 * scope (the whole call, and the list query's round trip), the server's execution time (EXPLAIN ANALYZE without
 * per-node timing), the plan, and the same query over HTTP as the user.
 */
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import type { AuditService } from '../../libs/audit/src';
import type { Actor, UnitOfWork } from '../../libs/platform/src';
import { DomainEventBus } from '../../libs/platform/src/events/domain-event-bus';
import type { ListReferralsQuery } from '../../libs/referrals/src/referral.dto';
import { ReferralService } from '../../libs/referrals/src/referral.service';
import { HttpClient, Tokens } from '../support/routing-support';
import { BenchDatabase, LatencySummary, summarise } from '../support/support';
import { QueueCase, queryString } from './queries';
import { SCOPE_SQL, scopeOf } from './scope';
import { REPEATS, WARMUP } from './settings';

export interface Captured {
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
    this.service = new ReferralService(uow, {} as AuditService, new DomainEventBus());
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

export interface CaseResult {
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

export async function timeHttp(client: HttpClient, tokens: Tokens, username: string, query: ListReferralsQuery): Promise<number[]> {
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

/**
 * Time every case through the service (or, with `rewrite`, a query of the bench's own in its place);
 * the server's execution time as many times; the plan of each.
 */
export async function timeCases(db: BenchDatabase, cases: QueueCase[], users: Map<string, Actor>, rewrite?: (c: QueueCase, actor: Actor) => Captured): Promise<CaseResult[]> {
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

/**
 * Routing at scale: registrations one at a time on a database, and the router's agency-candidates query with
 * its plan, as it runs in the registering official's scope.
 */
import type { Actor } from '../../libs/platform/src';
import { pick, rng, seedOf } from '../support/people';
import { BodyKind, routingBody } from '../support/routing-bodies';
import { HttpClient, Tokens } from '../support/routing-support';
import { BenchDatabase, LatencySummary, RunningApi, summarise, withClient } from '../support/support';
import { SCOPE_SQL, scopeOf } from './scope';
import { DEMO_PASSWORD } from './settings';

/**
 * Registrations one at a time (no other load), kinds interleaved, on a database: what one routed
 * registration costs there. Returns latency per kind.
 */
export async function sequentialIntakes(api: RunningApi, count: number): Promise<Map<BodyKind, LatencySummary>> {
  const client = new HttpClient(api.url, 2);
  const tokens = new Tokens(client, DEMO_PASSWORD);
  try {
    const points = (await client.json<{ id: string; code: string }[]>('GET', '/api/v1/border-points', undefined, await tokens.of('border.supervisor'), 200)).filter((p) =>
      ['NMG', 'KGM', 'KSL'].includes(p.code),
    );
    const kinds: BodyKind[] = ['mass-none', 'mass-medical', 'none', 'medical', 'trafficking'];
    const times = new Map<BodyKind, number[]>(kinds.map((k) => [k, []]));
    const r = rng(71);
    for (let i = 0; i < count + 5; i++) {
      for (const kind of kinds) {
        const { body } = routingBody(r, kind, seedOf(73, i * kinds.length + kinds.indexOf(kind)), pick(r, points), false);
        const token = await tokens.of('border.supervisor');
        const t0 = performance.now();
        const res = await client.request('POST', '/api/v1/intakes', body, token);
        if (res.status !== 201) throw new Error(`intake ${kind}: ${res.status} ${res.body.slice(0, 300)}`);
        if (i >= 5) times.get(kind)?.push(res.at - t0);
      }
    }
    return new Map([...times.entries()].map(([k, v]) => [k, summarise(v)]));
  } finally {
    client.close();
  }
}

/** The router's agency-candidates query (referral-router.ts `candidates`), as it runs: in the registering official's scope. */
export async function candidatesPlan(db: BenchDatabase, official: Actor, kind: string): Promise<{ plan: string[]; executionMs: number; scoped: number; all: number }> {
  const sql = `SELECT a.id, a.name, a.services, a.coverage_regions AS regions, a.languages, a.daily_capacity,
              ARRAY(SELECT bp.code FROM border_point bp WHERE bp.id = ANY (a.coverage_border_point_ids)) AS codes,
              (SELECT count(*)::int FROM referral r WHERE r.agency_id = a.id AND r.created_at >= date_trunc('day', now())) AS today
       FROM agency a WHERE a.kind = $1 AND a.active ORDER BY a.name`;
  const explained = await withClient(db.appUrl, async (c) => {
    await c.query('BEGIN');
    try {
      await c.query(SCOPE_SQL, scopeOf(official));
      const { rows } = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, [kind]);
      const scoped = await c.query<{ today: number }>(sql, [kind]);
      return { plan: rows.map((row) => row['QUERY PLAN']), scoped: scoped.rows.reduce((s, row) => s + row.today, 0) };
    } finally {
      await c.query('ROLLBACK');
    }
  });
  const all = await withClient(db.url, async (c) => (await c.query<{ today: number }>(sql, [kind])).rows.reduce((s, row) => s + row.today, 0));
  return { ...explained, executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(explained.plan.join('\n'))?.[1] ?? Number.NaN), all };
}

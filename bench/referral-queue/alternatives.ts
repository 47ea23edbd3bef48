/**
 * Changes tried in the benchmark's database only (never in migrations/), each undone after: a GIN index for the
 * profile filter, open referrals by (agency, profile) in a table of their own, and indexes for the sender's view
 * with and without reading it per border point.
 */
import type { Actor } from '../../libs/platform/src';
import { decodeQueueCursor } from '../../libs/referrals/src/referral.service';
import { Captured } from './measure';
import { QueueCase } from './queries';

interface Alternative {
  label: string;
  setup: string[];
  teardown: string[];
  /** The cases (by label substring) it is for. */
  cases: string[];
  /** A query of the bench's own instead of the service's (a change to `queueQuery` this would need). */
  rewrite?: (c: QueueCase, actor: Actor) => Captured;
}

const OPEN_PREDICATE = `status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')`;

/**
 * The sender's view read per border point: for each of the official's border points the first page
 * from an index in queue order (LATERAL … ORDER BY … LIMIT), then the pages merged, so that no query
 * sorts every referral the border points ever sent.
 */
function sentPerBorderPoint(c: QueueCase, actor: Actor): Captured {
  const params: unknown[] = [actor.borderPointIds];
  const where = ['r0.border_point_id = p.id'];
  if (c.query.status) {
    params.push(c.query.status);
    where.push(`r0.status = $${params.length}`);
  }
  if (c.query.cursor) {
    const after = decodeQueueCursor(c.query.cursor);
    params.push(after.priority, after.dueAt, after.id);
    where.push(`(r0.priority, r0.due_at, r0.id) > ($${params.length - 2}, $${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push((c.query.limit ?? 25) + 1);
  const limit = `$${params.length}`;
  return {
    sql: `SELECT r.*, kivuko_case_number(r.case_id) AS case_number, a.name AS agency_name, a.kind AS agency_kind, bp.code AS border_point_code
          FROM unnest($1::uuid[]) AS p(id)
          CROSS JOIN LATERAL (SELECT r0.* FROM referral r0 WHERE ${where.join(' AND ')} ORDER BY r0.priority, r0.due_at, r0.id LIMIT ${limit}) r
          JOIN agency a ON a.id = r.agency_id JOIN border_point bp ON bp.id = r.border_point_id
          ORDER BY r.priority, r.due_at, r.id LIMIT ${limit}`,
    params,
  };
}

/** The profile filter read from the (agency, profile) table of open referrals, in queue order, joined to the referral (row-level security applies to it). */
function byProfileTable(c: QueueCase, actor: Actor): Captured {
  const params: unknown[] = [actor.agencyId, c.query.profile];
  const where = ['rp.agency_id = $1', 'rp.profile = $2', `r.${OPEN_PREDICATE}`];
  if (c.query.priority) {
    params.push(c.query.priority);
    where.push(`rp.priority = $${params.length}`);
  }
  if (c.query.cursor) {
    const after = decodeQueueCursor(c.query.cursor);
    params.push(after.priority, after.dueAt, after.id);
    where.push(`(rp.priority, rp.due_at, rp.referral_id) > ($${params.length - 2}, $${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push((c.query.limit ?? 25) + 1);
  return {
    sql: `SELECT r.*, kivuko_case_number(r.case_id) AS case_number, a.name AS agency_name, a.kind AS agency_kind, bp.code AS border_point_code
          FROM bench_referral_profile rp JOIN referral r ON r.id = rp.referral_id JOIN agency a ON a.id = r.agency_id JOIN border_point bp ON bp.id = r.border_point_id
          WHERE ${where.join(' AND ')} ORDER BY rp.priority, rp.due_at, rp.referral_id LIMIT $${params.length}`,
    params,
  };
}

/** Index changes tried in the benchmark's database only (never in migrations/), each undone after. */
export const ALTERNATIVE_INDEXES: Alternative[] = [
  {
    label: 'profile filter: a GIN index on the profiles of open referrals',
    setup: [`CREATE INDEX bench_referral_open_profiles ON referral USING gin (profiles) WHERE ${OPEN_PREDICATE}`, `ANALYZE referral`],
    teardown: [`DROP INDEX bench_referral_open_profiles`],
    cases: ['profile='],
  },
  {
    label:
      'profile filter: open referrals by (agency, profile) in a table of their own, btree (agency_id, profile, priority, due_at, referral_id) and ' +
      'extended statistics, the page read from it in queue order and joined to referral (a change to the schema and to queueQuery)',
    setup: [
      `CREATE TABLE bench_referral_profile AS SELECT r.id AS referral_id, r.agency_id, p.profile, r.priority, r.due_at
         FROM referral r CROSS JOIN LATERAL unnest(r.profiles) AS p(profile) WHERE r.${OPEN_PREDICATE}`,
      `CREATE INDEX bench_referral_profile_queue ON bench_referral_profile (agency_id, profile, priority, due_at, referral_id)`,
      // Which profiles an agency gets is far from independent of the agency: without these the planner
      // expects few rows for (health service, MEDICAL_EMERGENCY) and sorts them all instead.
      `CREATE STATISTICS bench_referral_profile_stats (mcv, dependencies) ON agency_id, profile, priority FROM bench_referral_profile`,
      `ANALYZE bench_referral_profile`,
      `GRANT SELECT ON bench_referral_profile TO kivuko_app`,
    ],
    teardown: [`DROP TABLE bench_referral_profile`],
    cases: ['profile='],
    rewrite: byProfileTable,
  },
  {
    label: "sender's view: indexes (border_point_id, priority, due_at, id) and (border_point_id, status, priority, due_at, id), the query as it is",
    setup: [`CREATE INDEX bench_referral_sent ON referral (border_point_id, priority, due_at, id)`, `CREATE INDEX bench_referral_sent_status ON referral (border_point_id, status, priority, due_at, id)`, `ANALYZE referral`],
    teardown: [`DROP INDEX bench_referral_sent`, `DROP INDEX bench_referral_sent_status`],
    cases: ['view=SENT'],
  },
  {
    label: "sender's view: the same indexes, and the query read per border point and merged (LATERAL … LIMIT; a change to queueQuery)",
    setup: [`CREATE INDEX bench_referral_sent ON referral (border_point_id, priority, due_at, id)`, `CREATE INDEX bench_referral_sent_status ON referral (border_point_id, status, priority, due_at, id)`, `ANALYZE referral`],
    teardown: [`DROP INDEX bench_referral_sent`, `DROP INDEX bench_referral_sent_status`],
    cases: ['view=SENT'],
    rewrite: sentPerBorderPoint,
  },
];

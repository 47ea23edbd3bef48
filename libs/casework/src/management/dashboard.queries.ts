import { EntityManager } from 'typeorm';

/** The SQL of dashboard: each query a function of the transaction's manager and typed parameters. */

export function casesByStatus(manager: EntityManager): Promise<{ status: string; n: string }[]> {
  return manager.query<{ status: string; n: string }[]>(`SELECT status, count(*) AS n FROM case_file GROUP BY status ORDER BY status`);
}

export function openProfiles(manager: EntityManager): Promise<{ profile: string; n: string }[]> {
  return manager.query<{ profile: string; n: string }[]>(
    `SELECT p.profile, count(*) AS n FROM case_profile p JOIN case_file c ON c.id = p.case_id WHERE p.status NOT IN ('REMOVED', 'SUPERSEDED') AND c.status <> 'CLOSED' GROUP BY p.profile ORDER BY p.profile`,
  );
}

/** Whose referrals and tasks the dashboard counts: those at the caller's border points, or its agency's. */
export type DashboardSide = { borderPointIds: string[] } | { agencyId: string };

export interface DashboardCounts {
  referrals: { open: number; overdue: number; awaitingConsent: number; overdueByAgency: { agencyId: string; agency: string; overdue: number }[] };
  tasks: { open: number; overdue: number };
  casesWithoutLead: number;
  detention: { open: number; reviewOverdue: number };
}

/** The dashboard's counts, one query each, in the reader's scope (row-level security decides what counts). */
export async function dashboardCounts(manager: EntityManager, side: DashboardSide, now: Date): Promise<DashboardCounts> {
  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await manager.query<{ n: string }[]>(sql, params))[0].n);
  const referralSide = 'borderPointIds' in side ? `r.border_point_id = ANY ($1::uuid[])` : `r.agency_id = $1`;
  const value = 'borderPointIds' in side ? side.borderPointIds : side.agencyId;
  const open = `r.status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')`;
  const taskSide = 'borderPointIds' in side ? `t.border_point_id = ANY ($1::uuid[])` : `t.agency_id = $1`;
  return {
    referrals: {
      open: await count(`SELECT count(*) AS n FROM referral r WHERE ${referralSide} AND ${open}`, [value]),
      overdue: await count(`SELECT count(*) AS n FROM referral r WHERE ${referralSide} AND ${open} AND r.overdue_at IS NOT NULL`, [value]),
      awaitingConsent: await count(`SELECT count(*) AS n FROM referral r WHERE ${referralSide} AND r.status = 'AWAITING_CONSENT'`, [value]),
      overdueByAgency: (
        await manager.query<{ agency_id: string; agency: string; n: string }[]>(
          `SELECT a.id AS agency_id, a.name AS agency, count(*) AS n FROM referral r JOIN agency a ON a.id = r.agency_id
           WHERE ${referralSide} AND ${open} AND r.overdue_at IS NOT NULL GROUP BY a.id, a.name ORDER BY count(*) DESC, a.name`,
          [value],
        )
      ).map((r) => ({ agencyId: r.agency_id, agency: r.agency, overdue: Number(r.n) })),
    },
    tasks: {
      open: await count(`SELECT count(*) AS n FROM case_task t WHERE ${taskSide} AND t.status = 'OPEN'`, [value]),
      overdue: await count(`SELECT count(*) AS n FROM case_task t WHERE ${taskSide} AND t.status = 'OPEN' AND t.due_at < $2`, [value, now]),
    },
    casesWithoutLead: await count(`SELECT count(*) AS n FROM case_file c WHERE c.status <> 'CLOSED' AND NOT EXISTS (SELECT 1 FROM case_lead l WHERE l.case_id = c.id)`),
    detention: {
      open: await count(`SELECT count(*) AS n FROM detention_episode d WHERE d.ended_at IS NULL`),
      reviewOverdue: await count(`SELECT count(*) AS n FROM detention_episode d WHERE d.ended_at IS NULL AND d.next_review_on < $1::date`, [now.toISOString().slice(0, 10)]),
    },
  };
}

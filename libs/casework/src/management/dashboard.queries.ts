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

import { EntityManager } from 'typeorm';

/** The SQL of the queues page: the outbox row of a job an operator sends round again. */

/** A retried job is owed again: its outbox row forgets the failure, so the run's outcome is recorded afresh. */
export async function reopenOutboxJob(manager: EntityManager, jobId: string): Promise<void> {
  await manager.query(`UPDATE outbox_message SET failed_at = NULL, last_error = NULL WHERE job_id = $1 AND completed_at IS NULL`, [jobId]);
}

/** A removed job is given up: its outbox row says so, with who did it left to the audit trail. */
export async function abandonOutboxJob(manager: EntityManager, jobId: string): Promise<void> {
  await manager.query(
    `UPDATE outbox_message SET failed_at = coalesce(failed_at, now()), last_error = coalesce(last_error, 'removed by an administrator') WHERE job_id = $1 AND completed_at IS NULL`,
    [jobId],
  );
}

/** The agencies webhook jobs deliver to: their names and their webhook's address (the page shows its host only). */
export async function webhookTargets(manager: EntityManager, agencyIds: string[]): Promise<{ id: string; name: string; url: string | null }[]> {
  if (agencyIds.length === 0) return [];
  return manager.query(`SELECT a.id, a.name, w.url FROM agency a LEFT JOIN agency_webhook w ON w.agency_id = a.id WHERE a.id = ANY($1::uuid[])`, [agencyIds]);
}

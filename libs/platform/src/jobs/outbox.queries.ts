import { EntityManager } from 'typeorm';

/** The SQL of a job's run on its outbox row(s): one job id may have several rows (enqueued again with the same key). */

/** Counts one more run of the job; answers, per row, whether it is completed and how many runs it has seen. */
export async function recordJobRun(manager: EntityManager, jobId: string): Promise<{ completed: boolean; run_attempts: number }[]> {
  const [rows] = await manager.query<[{ completed: boolean; run_attempts: number }[], number]>(
    `UPDATE outbox_message SET run_attempts = run_attempts + 1, last_run_at = now()
      WHERE job_id = $1 RETURNING completed_at IS NOT NULL AS completed, run_attempts`,
    [jobId],
  );
  return rows;
}

import { JobHandler, JobName, jobId, OutboxPruneJob, OutboxService } from '@kivuko/platform';
import { createTestQueuePrefix, eventually, TEST_REDIS_URL } from '@kivuko/platform/testing';
import { UnrecoverableError } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DemoApi, startDemoApi } from './demo-api';

interface QueueJob {
  queue: string;
  id: string;
  name: string;
  state: string;
  error: string | null;
  attemptsMade: number;
}

describe.each([
  ['PostgreSQL', 'postgres'],
  ['Redis', 'redis'],
] as const)('the job queues for system administrators, on BullMQ over %s', (_label, backend) => {
  let api: DemoApi;
  let prefix: ReturnType<typeof createTestQueuePrefix> | null = null;
  let handle: jest.SpyInstance;
  /** Keys whose prune job fails for good, until the test lets it succeed. */
  const doomed = new Set<string>();

  beforeAll(async () => {
    prefix = backend === 'redis' ? createTestQueuePrefix() : null;
    const env: Record<string, string> = prefix ? { REDIS_URL: TEST_REDIS_URL, KIVUKO_QUEUE_PREFIX: prefix.prefix, KIVUKO_API_RUNS_JOBS: 'true' } : {};
    api = await startDemoApi(`queues_${backend}`, env);
    const handler = api.app.get<JobHandler<JobName.OutboxPrune>>(OutboxPruneJob);
    const real = handler.handle.bind(handler);
    handle = jest.spyOn(handler, 'handle').mockImplementation(async (payload, ctx) => {
      if (doomed.has(ctx.jobId)) throw new UnrecoverableError('the prune found nothing it could reach');
      return real(payload, ctx);
    });
  }, 60_000);
  afterAll(async () => {
    handle.mockRestore();
    await api.close();
    await prefix?.clear();
  });

  const list = async (): Promise<{ backend: string; queues: { name: string; counts: Record<string, number>; jobs: QueueJob[] }[] }> =>
    (await api.http().get('/api/v1/admin/queues').set(await api.as('sysadmin')).expect(200)).body;

  /** A prune job that fails at its first attempt with an unrecoverable error, seen failed on the page. */
  async function failedJob(): Promise<string> {
    const key = `doomed-${randomUUID()}`;
    const id = jobId(JobName.OutboxPrune, key);
    doomed.add(id);
    await api.app.get(DataSource).transaction((em) => api.app.get(OutboxService).enqueue(em, JobName.OutboxPrune, { publishedBefore: new Date(0).toISOString() }, { key }));
    await eventually(async () => expect((await list()).queues.find((q) => q.name === 'platform')?.jobs.map((j) => [j.id, j.state])).toContainEqual([id, 'failed']), 20_000);
    return id;
  }

  it('lists every queue with its counts by state, on the backend in use; only for system administrators', async () => {
    const body = await list();
    expect(body.backend).toBe(backend);
    expect(body.queues.map((q) => q.name)).toEqual(['platform', 'referrals', 'casework']);
    for (const q of body.queues) expect(Object.keys(q.counts).sort()).toEqual(['active', 'completed', 'delayed', 'failed', 'retrying', 'waiting']);
    for (const user of ['border.official', 'shelter.manager', 'border.supervisor', 'sop.admin', 'monitor']) {
      const res = await api.http().get('/api/v1/admin/queues').set(await api.as(user)).expect(403);
      expect(res.body.code).toBe('ACCESS.FORBIDDEN');
    }
    await api.http().get('/api/v1/admin/queues').expect(401);
  });

  it('shows a failed job with its name, ids and error, never its data, and retries it (audited, the outbox owed it again)', async () => {
    const id = await failedJob();
    const shown = (await list()).queues.find((q) => q.name === 'platform')!.jobs.find((j) => j.id === id)!;
    expect(shown).toMatchObject({ queue: 'platform', name: JobName.OutboxPrune, state: 'failed', error: 'the prune found nothing it could reach' });
    expect(Object.keys(shown).sort()).toEqual(['attempts', 'attemptsMade', 'createdAt', 'error', 'failedAt', 'id', 'name', 'nextAttemptAt', 'queue', 'state', 'target']);
    // Failed for good: no next try, and not a webhook, so no agency to name.
    expect(shown).toMatchObject({ nextAttemptAt: null, target: null });
    const [row] = await api.owner<{ failed_at: Date | null }>(`SELECT failed_at FROM outbox_message WHERE job_id = $1`, [id]);
    expect(row.failed_at).not.toBeNull();

    const refused = await api.http().post(`/api/v1/admin/queues/platform/jobs/${id}/retry`).set(await api.as('shelter.manager')).expect(403);
    expect(refused.body.code).toBe('ACCESS.FORBIDDEN');

    doomed.delete(id);
    await api.http().post(`/api/v1/admin/queues/platform/jobs/${id}/retry`).set(await api.as('sysadmin')).expect(204);
    await eventually(async () => {
      const [after] = await api.owner<{ completed_at: Date | null; failed_at: Date | null }>(`SELECT completed_at, failed_at FROM outbox_message WHERE job_id = $1`, [id]);
      expect(after.completed_at).not.toBeNull();
      expect(after.failed_at).toBeNull();
    }, 20_000);
    expect((await list()).queues.find((q) => q.name === 'platform')!.jobs.map((j) => j.id)).not.toContain(id);
    const audit = await api.owner<{ actor_username: string; details: Record<string, string> }>(`SELECT actor_username, details FROM audit_event WHERE action = 'QUEUE.JOB_RETRIED' AND details->>'jobId' = $1`, [id]);
    expect(audit).toEqual([{ actor_username: 'sysadmin', details: { queue: 'platform', jobId: id, job: JobName.OutboxPrune, state: 'failed' } }]);

    // Done now: no longer a job to retry.
    const done = await api.http().post(`/api/v1/admin/queues/platform/jobs/${id}/retry`).set(await api.as('sysadmin'));
    expect([404, 409]).toContain(done.status);
    expect(['QUEUE.JOB_NOT_FOUND', 'QUEUE.JOB_NOT_TROUBLED']).toContain(done.body.code);
  });

  it('removes a failed job (audited), and refuses unknown queues, jobs and malformed ids', async () => {
    const id = await failedJob();
    await api.http().delete(`/api/v1/admin/queues/platform/jobs/${id}`).set(await api.as('border.official')).expect(403);
    await api.http().delete(`/api/v1/admin/queues/platform/jobs/${id}`).set(await api.as('sysadmin')).expect(204);
    expect((await list()).queues.find((q) => q.name === 'platform')!.jobs.map((j) => j.id)).not.toContain(id);
    const audit = await api.owner(`SELECT 1 FROM audit_event WHERE action = 'QUEUE.JOB_REMOVED' AND details->>'jobId' = $1`, [id]);
    expect(audit).toHaveLength(1);
    const [row] = await api.owner<{ failed_at: Date | null; completed_at: Date | null }>(`SELECT failed_at, completed_at FROM outbox_message WHERE job_id = $1`, [id]);
    expect(row.completed_at).toBeNull();
    expect(row.failed_at).not.toBeNull();

    const sysadmin = await api.as('sysadmin');
    expect((await api.http().delete(`/api/v1/admin/queues/platform/jobs/${id}`).set(sysadmin).expect(404)).body.code).toBe('QUEUE.JOB_NOT_FOUND');
    expect((await api.http().post(`/api/v1/admin/queues/nowhere/jobs/${id}/retry`).set(sysadmin).expect(404)).body.code).toBe('QUEUE.NOT_FOUND');
    const bad = await api.http().post(`/api/v1/admin/queues/platform/jobs/${encodeURIComponent('a b;c')}/retry`).set(sysadmin).expect(400);
    expect(bad.body.code).toBe('QUEUE.JOB_INVALID');
    expect(bad.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['jobId']);
  });
});

import { JobHandler, JobName, jobId, OutboxPruneJob, OutboxService, QueueBackend } from '@kivuko/platform';
import { eventually } from '@kivuko/platform/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './test-api';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('api without Redis: BullMQ on PostgreSQL, processors in the api', () => {
  let api: TestApi;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    api = await startTestApi();
    app = api.app;
  });
  afterAll(() => api.close());

  it('runs its queues on PostgreSQL', () => {
    expect(app.get(QueueBackend).kind).toBe('postgres');
  });

  it('processes a job from the outbox with the same processor the worker uses', async () => {
    const dataSource = app.get(DataSource);
    const [{ id }]: { id: string }[] = await dataSource.query(
      `INSERT INTO outbox_message (job_name, job_id, payload, published_at, completed_at) VALUES ('x', 'seed', '{}', $1, $1) RETURNING id`,
      [new Date(Date.now() - 3 * DAY_MS)],
    );
    const handle = jest.spyOn(app.get<JobHandler<JobName.OutboxPrune>>(OutboxPruneJob), 'handle');

    await dataSource.transaction((em) =>
      app.get(OutboxService).enqueue(em, JobName.OutboxPrune, { publishedBefore: new Date(Date.now() - DAY_MS).toISOString() }, { key: 'pg-run' }),
    );

    await eventually(async () => expect(await dataSource.query('SELECT id FROM outbox_message WHERE id = $1', [id])).toEqual([]));
    expect(handle.mock.calls.filter(([, ctx]) => ctx.jobId === jobId(JobName.OutboxPrune, 'pg-run'))).toHaveLength(1);
    handle.mockRestore();
  });

  it('retries a failing job with its backoff until it succeeds', async () => {
    const handler = app.get<JobHandler<JobName.OutboxPrune>>(OutboxPruneJob);
    const real = handler.handle.bind(handler);
    const attempts: number[] = [];
    const handle = jest.spyOn(handler, 'handle').mockImplementation(async (payload, ctx) => {
      if (ctx.jobId !== jobId(JobName.OutboxPrune, 'flaky')) return real(payload, ctx);
      attempts.push(ctx.attempt);
      if (ctx.attempt < 3) throw new Error(`transient failure ${ctx.attempt}`);
      return real(payload, ctx);
    });

    await app.get(DataSource).transaction((em) =>
      app.get(OutboxService).enqueue(em, JobName.OutboxPrune, { publishedBefore: new Date().toISOString() }, { key: 'flaky' }),
    );

    // OUTBOX_PRUNE_POLICY: exponential backoff from 1 s, so the third attempt comes after about 3 s.
    await eventually(() => expect(attempts).toEqual([1, 2, 3]), 15_000);
    await eventually(async () => {
      const [row]: { completed_at: Date | null; failed_at: Date | null }[] = await app
        .get(DataSource)
        .query('SELECT completed_at, failed_at FROM outbox_message WHERE job_id = $1', [jobId(JobName.OutboxPrune, 'flaky')]);
      expect(row.completed_at).not.toBeNull();
      expect(row.failed_at).toBeNull();
    });
    handle.mockRestore();
  });

  it('records a job that cannot succeed as failed, with its error, and stops retrying it', async () => {
    const handler = app.get<JobHandler<JobName.OutboxPrune>>(OutboxPruneJob);
    const doomed = jobId(JobName.OutboxPrune, 'doomed');
    let calls = 0;
    const real = handler.handle.bind(handler);
    const handle = jest.spyOn(handler, 'handle').mockImplementation(async (payload, ctx) => {
      if (ctx.jobId !== doomed) return real(payload, ctx);
      calls += 1;
      throw new UnrecoverableError('the payload points at nothing');
    });

    await app.get(DataSource).transaction((em) =>
      app.get(OutboxService).enqueue(em, JobName.OutboxPrune, { publishedBefore: new Date().toISOString() }, { key: 'doomed' }),
    );

    await eventually(async () => {
      const [row]: { failed_at: Date | null; last_error: string | null }[] = await app
        .get(DataSource)
        .query('SELECT failed_at, last_error FROM outbox_message WHERE job_id = $1', [doomed]);
      expect(row.failed_at).not.toBeNull();
      expect(row.last_error).toBe('the payload points at nothing');
    });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(calls).toBe(1);
    handle.mockRestore();
  });
});

import {
  JobHandler,
  JobName,
  jobId,
  JobQueues,
  OutboxMessage,
  OutboxPruneJob,
  dataSourceOptions,
  OutboxService,
  PlatformRuntime,
} from '@kivuko/platform';
import {
  createTestDatabase,
  createTestQueuePrefix,
  eventually,
  startTcpProxy,
  TEST_REDIS_URL,
  TestDatabase,
  testRuntime,
} from '@kivuko/platform/testing';
import { KIVUKO_ENTITIES } from '@kivuko/runtime';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createWorkerContext } from './worker-context';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Rows the prune job must delete (finished, published days ago) and must keep (unpublished; in
 * flight for days; finished but recent).
 */
async function seedOutbox(dataSource: DataSource): Promise<{ old: string[]; keep: string[] }> {
  const insert = async (publishedAt: Date | null, finished: boolean): Promise<string> => {
    const rows: { id: string }[] = await dataSource.query(
      `INSERT INTO outbox_message (job_name, job_id, payload, published_at, completed_at)
       VALUES ('x', 'seed', '{}', $1::timestamptz, CASE WHEN $2::boolean THEN $1::timestamptz END) RETURNING id`,
      [publishedAt, finished],
    );
    return rows[0].id;
  };
  // Inside the daily housekeeping's 7-day retention, so only the test's own job (cut-off: one day) deletes them.
  const old = [await insert(new Date(Date.now() - 3 * DAY_MS), true), await insert(new Date(Date.now() - 2 * DAY_MS), true)];
  const keep = [
    await insert(null, false),
    await insert(new Date(Date.now() - 2 * DAY_MS), false),
    await insert(new Date(Date.now() - DAY_MS / 24), true),
  ];
  return { old, keep };
}

async function openWriter(url: string): Promise<DataSource> {
  return new DataSource(dataSourceOptions({ url, entities: KIVUKO_ENTITIES, poolSize: 2 })).initialize();
}

async function remainingIds(dataSource: DataSource, ids: string[]): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query('SELECT id FROM outbox_message WHERE id = ANY($1::bigint[]) ORDER BY id', [ids]);
  return rows.map((r) => r.id);
}

const cutoff = (): { publishedBefore: string } => ({ publishedBefore: new Date(Date.now() - DAY_MS).toISOString() });

describe('worker on Redis: the outbox delivers jobs', () => {
  let db: TestDatabase;
  let queuePrefix: ReturnType<typeof createTestQueuePrefix>;
  let runtime: PlatformRuntime;
  let worker: INestApplicationContext | null = null;

  async function startWorker(rt = runtime): Promise<{ app: INestApplicationContext; handle: jest.SpyInstance }> {
    const app = await createWorkerContext(rt);
    worker = app;
    return { app, handle: jest.spyOn(app.get<JobHandler<JobName.OutboxPrune>>(OutboxPruneJob), 'handle') };
  }

  async function stopWorker(): Promise<void> {
    await worker?.close();
    worker = null;
  }

  beforeEach(async () => {
    db = await createTestDatabase();
    queuePrefix = createTestQueuePrefix();
    runtime = testRuntime({ databaseUrl: db.url, entities: KIVUKO_ENTITIES, role: 'worker', redisPrefix: queuePrefix.prefix });
  });

  afterEach(async () => {
    await stopWorker();
    await queuePrefix.clear();
    await db.drop();
  });

  it('runs a job enqueued in a committed transaction, over real Redis', async () => {
    const { app, handle } = await startWorker();
    const dataSource = app.get(DataSource);
    const seeded = await seedOutbox(dataSource);

    await dataSource.transaction((em) => app.get(OutboxService).enqueue(em, JobName.OutboxPrune, cutoff(), { key: 'committed' }));

    await eventually(async () => expect(await remainingIds(dataSource, seeded.old)).toEqual([]));
    expect(await remainingIds(dataSource, seeded.keep)).toEqual(seeded.keep);
    expect(handle.mock.calls.filter(([, ctx]) => ctx.jobId === jobId(JobName.OutboxPrune, 'committed'))).toHaveLength(1);
    const row = await eventually(async () => {
      const r = await dataSource.getRepository(OutboxMessage).findOneByOrFail({ jobId: jobId(JobName.OutboxPrune, 'committed') });
      expect(r.completedAt).not.toBeNull();
      return r;
    });
    expect(row.publishedAt).not.toBeNull();
    expect(row.failedAt).toBeNull();
  });

  it('enqueues nothing when the transaction rolls back', async () => {
    const { app, handle } = await startWorker();
    const dataSource = app.get(DataSource);
    const seeded = await seedOutbox(dataSource);

    await expect(
      dataSource.transaction(async (em) => {
        await app.get(OutboxService).enqueue(em, JobName.OutboxPrune, cutoff(), { key: 'rolled-back' });
        throw new Error('the use case failed after enqueueing');
      }),
    ).rejects.toThrow('the use case failed');

    // Give the relay time to (wrongly) publish, then prove it had nothing to publish.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await dataSource.getRepository(OutboxMessage).countBy({ jobId: jobId(JobName.OutboxPrune, 'rolled-back') })).toBe(0);
    expect(handle.mock.calls.filter(([, ctx]) => ctx.jobId === jobId(JobName.OutboxPrune, 'rolled-back'))).toHaveLength(0);
    expect(await remainingIds(dataSource, seeded.old)).toEqual(seeded.old);
  });

  it('refuses to enqueue outside a transaction', async () => {
    const { app } = await startWorker();
    await expect(app.get(OutboxService).enqueue(app.get(DataSource).manager, JobName.OutboxPrune, cutoff(), { key: 'no-tx' })).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('delivers once after a crash between commit and publish', async () => {
    // The change commits while no relay runs: the process died before it could publish.
    const writer = await openWriter(db.url);
    const seeded = await seedOutbox(writer);
    await writer.transaction((em) => new OutboxService().enqueue(em, JobName.OutboxPrune, cutoff(), { key: 'after-crash' }));
    const pending = await writer.getRepository(OutboxMessage).findOneByOrFail({ jobId: jobId(JobName.OutboxPrune, 'after-crash') });
    expect(pending.publishedAt).toBeNull();

    const { handle } = await startWorker();
    await eventually(async () => expect(await remainingIds(writer, seeded.old)).toEqual([]));
    const published = await writer.getRepository(OutboxMessage).findOneByOrFail({ id: pending.id });
    expect(published.publishedAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 500));
    expect(handle.mock.calls.filter(([, ctx]) => ctx.jobId === pending.jobId)).toHaveLength(1);
    await writer.destroy();
  });

  it('runs a job added twice only once, including a re-publish after a crash before stamping', async () => {
    const { app, handle } = await startWorker();
    const dataSource = app.get(DataSource);
    const outbox = app.get(OutboxService);
    const id = jobId(JobName.OutboxPrune, 'twice');

    await dataSource.transaction((em) => outbox.enqueue(em, JobName.OutboxPrune, cutoff(), { key: 'twice' }));
    await eventually(() => expect(handle.mock.calls.filter(([, ctx]) => ctx.jobId === id)).toHaveLength(1));
    // Same job again through the outbox, and straight to the queue as a relay that died before stamping would.
    await dataSource.transaction((em) => outbox.enqueue(em, JobName.OutboxPrune, cutoff(), { key: 'twice' }));
    await app.get(JobQueues).publish([{ name: JobName.OutboxPrune, jobId: id, payload: cutoff(), runAt: null }]);

    await eventually(async () => {
      const rows = await dataSource.getRepository(OutboxMessage).findBy({ jobId: id });
      expect(rows.map((r) => r.publishedAt === null)).toEqual([false, false]);
    });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(handle.mock.calls.filter(([, ctx]) => ctx.jobId === id)).toHaveLength(1);
  });

  it('publishes again a job that Redis lost after it was published, and records it as completed', async () => {
    const dataSource = await openWriter(db.url);
    const seeded = await seedOutbox(dataSource);
    // As if the relay had published it ten minutes ago and Redis had then lost its data.
    const lost = jobId(JobName.OutboxPrune, 'lost');
    await dataSource.query(
      `INSERT INTO outbox_message (job_name, job_id, payload, published_at) VALUES ($1, $2, $3, now() - interval '10 minutes')`,
      [JobName.OutboxPrune, lost, cutoff()],
    );
    const finished = jobId(JobName.OutboxPrune, 'finished');
    await dataSource.query(
      `INSERT INTO outbox_message (job_name, job_id, payload, published_at, completed_at)
       VALUES ($1, $2, $3, now() - interval '10 minutes', now() - interval '9 minutes')`,
      [JobName.OutboxPrune, finished, cutoff()],
    );

    const { app, handle } = await startWorker();
    const db2 = app.get(DataSource);
    await eventually(async () => expect(await remainingIds(db2, seeded.old)).toEqual([]));
    await eventually(async () => expect((await db2.getRepository(OutboxMessage).findOneByOrFail({ jobId: lost })).completedAt).not.toBeNull());
    expect(handle.mock.calls.filter(([, ctx]) => ctx.jobId === lost)).toHaveLength(1);
    expect(handle.mock.calls.filter(([, ctx]) => ctx.jobId === finished)).toHaveLength(0);
    await dataSource.destroy();
  });

  it('keeps accepting writes while Redis is down and delivers when it is back', async () => {
    const redis = new URL(TEST_REDIS_URL);
    const proxy = await startTcpProxy(redis.hostname, Number(redis.port || 6379));
    try {
      const viaProxy = testRuntime({
        databaseUrl: db.url,
        entities: KIVUKO_ENTITIES,
        role: 'worker',
        redisPrefix: queuePrefix.prefix,
        redisUrl: proxy.url('redis'),
      });
      const { app, handle } = await startWorker(viaProxy);
      const dataSource = app.get(DataSource);
      const seeded = await seedOutbox(dataSource);

      await proxy.cut();
      await dataSource.transaction((em) => app.get(OutboxService).enqueue(em, JobName.OutboxPrune, cutoff(), { key: 'outage' }));
      const row = await dataSource.getRepository(OutboxMessage).findOneByOrFail({ jobId: jobId(JobName.OutboxPrune, 'outage') });
      await new Promise((r) => setTimeout(r, 1_500));
      expect((await dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: row.id })).publishedAt).toBeNull();
      expect(await remainingIds(dataSource, seeded.old)).toEqual(seeded.old);

      await proxy.restore();
      await eventually(async () => expect(await remainingIds(dataSource, seeded.old)).toEqual([]), 20_000);
      expect(handle.mock.calls.filter(([, ctx]) => ctx.jobId === row.jobId)).toHaveLength(1);
    } finally {
      await stopWorker();
      await proxy.close();
    }
  });
});

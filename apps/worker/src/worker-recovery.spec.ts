import { dataSourceOptions, JobHandler, JobName, jobId, JobQueues, OutboxMessage, OutboxPruneJob, OutboxService, PlatformRuntime, QueueBackend } from '@kivuko/platform';
import {
  createTestDatabase,
  createTestQueuePrefix,
  eventually,
  startTcpProxy,
  TcpProxy,
  TEST_REDIS_URL,
  TestDatabase,
  testRuntime,
} from '@kivuko/platform/testing';
import { KIVUKO_ENTITIES } from '@kivuko/runtime';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createWorkerContext } from './worker-context';
import { workerWatchdog } from './worker-watchdog';

/** A cut-off before any row: the prune job then deletes nothing, and stands for any job. */
const NOTHING = { publishedBefore: '2000-01-01T00:00:00.000Z' };

/**
 * What keeps a job from running twice when a process or Redis fails around it (a webhook would be
 * delivered twice), and what makes the worker reconnect after a short outage and give up (to be
 * restarted) after a long one. Over real PostgreSQL and Redis, taken away through TCP proxies.
 */
describe('worker recovery', () => {
  let db: TestDatabase;
  let queuePrefix: ReturnType<typeof createTestQueuePrefix>;
  let worker: INestApplicationContext | null = null;
  let writer: DataSource;
  const proxies: TcpProxy[] = [];

  async function startWorker(runtime: PlatformRuntime): Promise<{ app: INestApplicationContext; handle: jest.SpyInstance }> {
    const app = await createWorkerContext(runtime);
    worker = app;
    return { app, handle: jest.spyOn(app.get<JobHandler<JobName.OutboxPrune>>(OutboxPruneJob), 'handle') };
  }
  const runtime = (over: { databaseUrl?: string; redisUrl?: string } = {}): PlatformRuntime =>
    testRuntime({ databaseUrl: over.databaseUrl ?? db.url, entities: KIVUKO_ENTITIES, role: 'worker', redisPrefix: queuePrefix.prefix, redisUrl: over.redisUrl });
  async function proxyTo(url: string, scheme: string): Promise<{ proxy: TcpProxy; url: string }> {
    const target = new URL(url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || (scheme === 'redis' ? 6379 : 5432)));
    proxies.push(proxy);
    const via = new URL(url);
    via.hostname = '127.0.0.1';
    via.port = String(proxy.port);
    return { proxy, url: via.toString() };
  }
  const callsFor = (handle: jest.SpyInstance, id: string) => handle.mock.calls.filter(([, ctx]) => ctx.jobId === id);
  const row = (id: string) => writer.getRepository(OutboxMessage).findOneByOrFail({ jobId: id });

  beforeEach(async () => {
    db = await createTestDatabase('recovery');
    queuePrefix = createTestQueuePrefix();
    writer = await new DataSource(dataSourceOptions({ url: db.url, entities: KIVUKO_ENTITIES, poolSize: 2 })).initialize();
  });

  afterEach(async () => {
    await worker?.close();
    worker = null;
    await writer.destroy();
    for (const proxy of proxies.splice(0)) await proxy.close();
    await queuePrefix.clear();
    await db.drop();
  }, 60_000);

  it('does not run again a job recorded as completed that the queue hands out once more', async () => {
    const { app, handle } = await startWorker(runtime());
    // Done and recorded, but the queue lost the job's completion (Redis restarted, the job stalled).
    const id = jobId(JobName.OutboxPrune, 'done-before');
    await writer.query(
      `INSERT INTO outbox_message (job_name, job_id, payload, published_at, completed_at, run_attempts) VALUES ($1, $2, $3, now(), now(), 1)`,
      [JobName.OutboxPrune, id, NOTHING],
    );
    await app.get(JobQueues).publish([{ name: JobName.OutboxPrune, jobId: id, payload: NOTHING, runAt: null }]);

    // The host looked at it (one more run recorded) and did not call the handler.
    await eventually(async () => expect((await row(id)).runAttempts).toBe(2));
    expect(callsFor(handle, id)).toHaveLength(0);
  });

  it('records each run before the handler starts, and tells the handler of an earlier run that left no outcome', async () => {
    // A worker died while running it: one run recorded, no outcome; the relay had not stamped it.
    const id = jobId(JobName.OutboxPrune, 'died-mid-run');
    await writer.query(`INSERT INTO outbox_message (job_name, job_id, payload, run_attempts, last_run_at) VALUES ($1, $2, $3, 1, now())`, [
      JobName.OutboxPrune,
      id,
      NOTHING,
    ]);
    const fresh = jobId(JobName.OutboxPrune, 'first-run');
    await writer.transaction((em) => new OutboxService().enqueue(em, JobName.OutboxPrune, NOTHING, { key: 'first-run' }));

    const { handle } = await startWorker(runtime());
    await eventually(async () => expect((await row(id)).completedAt).not.toBeNull());
    await eventually(async () => expect((await row(fresh)).completedAt).not.toBeNull());
    expect(callsFor(handle, id).map(([, ctx]) => [ctx.attempt, ctx.earlierRuns])).toEqual([[1, 1]]);
    expect(callsFor(handle, fresh).map(([, ctx]) => [ctx.attempt, ctx.earlierRuns])).toEqual([[1, 0]]);
    expect((await row(id)).runAttempts).toBe(2);
    expect((await row(fresh)).runAttempts).toBe(1);
    expect((await row(fresh)).lastRunAt).not.toBeNull();
  });

  it('records a job done while the database went away once it is back, without running it again', async () => {
    const { proxy, url } = await proxyTo(db.url, 'postgres');
    const { handle } = await startWorker(runtime({ databaseUrl: url }));
    const id = jobId(JobName.OutboxPrune, 'done-then-outage');
    // The job does its work (a receiver got its webhook), then the database goes away before the
    // outcome is recorded, and comes back 1.5 s later.
    handle.mockImplementationOnce(async () => {
      await proxy.cut();
      setTimeout(() => void proxy.restore(), 1_500);
    });
    await writer.transaction((em) => new OutboxService().enqueue(em, JobName.OutboxPrune, NOTHING, { key: 'done-then-outage' }));

    await eventually(async () => expect((await row(id)).completedAt).not.toBeNull(), 30_000);
    expect(callsFor(handle, id)).toHaveLength(1);
    expect((await row(id)).failedAt).toBeNull();
  }, 45_000);

  it('goes on by itself after a short Redis outage, and gives up (to be restarted) after a long one', async () => {
    const redisProxy = await proxyTo(TEST_REDIS_URL, 'redis');
    const { app, handle } = await startWorker(runtime({ redisUrl: redisProxy.url }));
    const gaveUp: string[] = [];
    const recovered: string[] = [];
    const watchdog = workerWatchdog(app, {
      giveUpAfterMs: 3_000,
      everyMs: 200,
      onGiveUp: (reason) => gaveUp.push(reason),
      onRecovered: (name) => recovered.push(name),
    });
    watchdog.start();
    try {
      // Short: a second away, then back; the worker reconnects and runs what was enqueued meanwhile.
      await redisProxy.proxy.cut();
      await writer.transaction((em) => new OutboxService().enqueue(em, JobName.OutboxPrune, NOTHING, { key: 'during-outage' }));
      await new Promise((r) => setTimeout(r, 1_000));
      await redisProxy.proxy.restore();
      await eventually(async () => expect((await row(jobId(JobName.OutboxPrune, 'during-outage'))).completedAt).not.toBeNull(), 20_000);
      expect(callsFor(handle, jobId(JobName.OutboxPrune, 'during-outage'))).toHaveLength(1);
      await eventually(() => expect(recovered).toContain('Redis'));
      expect(gaveUp).toEqual([]);

      // Long: away for longer than the give-up time.
      await redisProxy.proxy.cut();
      await eventually(() => expect(gaveUp).toEqual([expect.stringMatching(/^Redis unreachable for \d+ s$/)]), 10_000);
    } finally {
      watchdog.stop();
      await redisProxy.proxy.restore();
    }
    // Back again: the worker's connections come back before it is closed.
    await eventually(async () => expect(await app.get(QueueBackend).ping()).toBe(true), 20_000);
    await writer.transaction((em) => new OutboxService().enqueue(em, JobName.OutboxPrune, NOTHING, { key: 'after-give-up' }));
    await eventually(async () => expect((await row(jobId(JobName.OutboxPrune, 'after-give-up'))).completedAt).not.toBeNull(), 20_000);
  }, 60_000);
});

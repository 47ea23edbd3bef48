import { QueueName, WorkerMetricsServer } from '@kivuko/platform';
import { createTestDatabase, createTestQueuePrefix, parsePrometheusText, TestDatabase, testRuntime } from '@kivuko/platform/testing';
import { KIVUKO_ENTITIES } from '@kivuko/runtime';
import request from 'supertest';
import { createWorkerContext } from './worker-context';

const TOKEN = 'metrics-token-for-the-tests-0123456789';

describe('the worker serves its own /metrics on its own port', () => {
  let db: TestDatabase;
  let prefix: ReturnType<typeof createTestQueuePrefix>;

  beforeAll(async () => {
    db = await createTestDatabase('metrics_worker');
    prefix = createTestQueuePrefix();
  });
  afterAll(async () => {
    await prefix.clear();
    await db.drop();
  });

  it('with the same token, counting the queues on Redis', async () => {
    const runtime = testRuntime({
      databaseUrl: db.url,
      entities: KIVUKO_ENTITIES,
      role: 'worker',
      redisPrefix: prefix.prefix,
      env: { KIVUKO_METRICS_TOKEN: TOKEN, KIVUKO_WORKER_METRICS_PORT: '0', HOST: '127.0.0.1' },
    });
    const worker = await createWorkerContext(runtime);
    try {
      const port = worker.get(WorkerMetricsServer).port;
      expect(port).toBeGreaterThan(0);
      const url = `http://127.0.0.1:${port}`;
      await request(url).get('/metrics').expect(401);
      await request(url).get('/metrics').set('authorization', 'Bearer wrong-token-wrong-token').expect(401);
      await request(url).get('/elsewhere').set('authorization', `Bearer ${TOKEN}`).expect(404);
      const res = await request(url).get('/metrics').set('authorization', `Bearer ${TOKEN}`).expect(200);
      const exposition = parsePrometheusText(res.text);
      expect(exposition.samples.filter((s) => s.name === 'kivuko_queue_jobs' && s.labels.backend === 'redis' && s.labels.state === 'failed').map((s) => s.labels.queue).sort()).toEqual(
        Object.values(QueueName).sort(),
      );
      expect(exposition.samples.find((s) => s.name === 'nodejs_eventloop_lag_seconds')?.labels.service).toBe('kivuko-worker');
    } finally {
      await worker.close();
    }
  });
});

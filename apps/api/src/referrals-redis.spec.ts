import { createTestQueuePrefix, eventually, startTcpProxy, TEST_REDIS_URL } from '@kivuko/platform/testing';
import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DemoApi, startDemoApi } from './demo-api';

/**
 * Postgres holds the truth, Redis only carries work: with Redis cut off, an intake still creates its
 * referrals, and the agency is told once Redis is back.
 */
describe('referrals while Redis is down', () => {
  it('creates the referrals during the outage and delivers their events when Redis returns', async () => {
    const redis = new URL(TEST_REDIS_URL);
    const proxy = await startTcpProxy(redis.hostname, Number(redis.port || 6379));
    const queues = createTestQueuePrefix();
    const events: string[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        events.push(body);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    let api: DemoApi | undefined;
    try {
      api = await startDemoApi('redisdown', { REDIS_URL: proxy.url('redis'), KIVUKO_QUEUE_PREFIX: queues.prefix, KIVUKO_API_RUNS_JOBS: 'true' });
      const demo = api;
      const KGM = await demo.borderPointId('KGM');
      const TUMAINI = await demo.agencyId('Tumaini Shelter');
      await demo.http()
        .put(`/api/v1/agencies/${TUMAINI}/webhook`)
        .set(await demo.as('shelter.manager'))
        .send({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events` })
        .expect(200);

      await proxy.cut();
      const res = await demo.http()
        .post('/api/v1/intakes')
        .set(await demo.as('border.official'))
        .send({
          intakeId: randomUUID(),
          arrival: { borderPointId: KGM, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
          persons: [
            {
              givenName: 'Vestine',
              familyName: 'Uwimana',
              sex: 'FEMALE',
              statedAge: 21,
              nationalities: ['RWA'],
              languages: ['rw'],
              documentsHeldByOther: true,
              screening: { answers: { movement_controlled: true, debt_bondage: true } },
            },
          ],
        })
        .expect(201);
      const caseId = res.body.cases[0].id as string;
      const purposes = await demo.owner<{ purpose: string }>(
        `SELECT DISTINCT req->>'purpose' AS purpose FROM referral r CROSS JOIN LATERAL jsonb_array_elements(r.basis->'requirements') req
         WHERE r.case_id = $1 AND r.agency_id = $2`,
        [caseId, TUMAINI],
      );
      for (const { purpose } of purposes) {
        await demo.http()
          .post(`/api/v1/cases/${caseId}/consents`)
          .set(await demo.as('border.official'))
          .send({ purpose, recipientAgencyId: TUMAINI, decision: 'GIVEN', language: 'rw' })
          .expect(201);
      }

      // The referrals are in PostgreSQL, released to the shelter; its event waits in the outbox.
      const referrals = await demo.owner<{ id: string; status: string }>(`SELECT id, status FROM referral WHERE case_id = $1 AND agency_id = $2`, [caseId, TUMAINI]);
      expect(referrals.map((r) => r.status)).toEqual(['PENDING']);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(events).toEqual([]);
      const waiting = await demo.owner<{ published_at: Date | null }>(`SELECT published_at FROM outbox_message WHERE job_name = 'referrals.webhook'`);
      expect(waiting.map((w) => w.published_at)).toEqual([null]);
      const queue = await demo.http().get('/api/v1/referrals').set(await demo.as('shelter.caseworker')).expect(200);
      expect(queue.body.items.map((r: { id: string }) => r.id)).toEqual([referrals[0].id]);

      await proxy.restore();
      await eventually(() => {
        if (events.length === 0) throw new Error('not delivered yet');
      }, 20_000);
      expect(JSON.parse(events[0])).toMatchObject({ event: 'referral.created', referral: { id: referrals[0].id, status: 'PENDING' } });
    } finally {
      await api?.close();
      await proxy.close();
      await queues.clear();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    }
  }, 60_000);
});

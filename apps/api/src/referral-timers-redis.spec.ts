import { Clock, MinuteSchedule } from '@kivuko/platform';
import { createTestQueuePrefix, eventually } from '@kivuko/platform/testing';
import { DiscoveryService } from '@nestjs/core';
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';

const HOUR = 3_600_000;
/** A Redis database of this test's own: it is flushed, as a Redis restarted without persistence would be. */
const OWN_REDIS_URL = `redis://127.0.0.1:6379/13`;

/**
 * Deadline timers are delayed jobs in Redis, and Redis runs without persistence: a restart loses them.
 * PostgreSQL holds every referral's due time, and the minute's sweep reads it there, so every referral
 * whose timer vanished is still marked overdue and escalated. Against the real Redis (its own database
 * index) with the api running the processors on it.
 */
describe('referral deadline timers lost with Redis', () => {
  let api: DemoApi;
  let redis: IORedis;
  let KGM: string;
  let clock: Clock;
  const queuePrefix = createTestQueuePrefix();
  const start = new Date(Date.now() - 60_000);

  async function registerAndConsent(givenName: string): Promise<string> {
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({
        intakeId: randomUUID(),
        arrival: { borderPointId: KGM, arrivedAt: new Date(start.getTime() - HOUR).toISOString(), mode: 'LAND' },
        persons: [
          {
            givenName,
            familyName: 'Mukamana',
            sex: 'FEMALE',
            statedAge: 26,
            nationalities: ['RWA'],
            languages: ['rw', 'sw'],
            documentsHeldByOther: true,
            screening: { answers: { movement_controlled: true, debt_bondage: true } },
          },
        ],
      })
      .expect(201);
    const caseId = res.body.cases[0].id as string;
    const waiting = await api.owner<{ kind: string; purpose: string }>(
      `SELECT DISTINCT a.kind, req->>'purpose' AS purpose FROM referral r JOIN agency a ON a.id = r.agency_id
         CROSS JOIN LATERAL jsonb_array_elements(r.basis->'requirements') req WHERE r.case_id = $1 AND r.status = 'AWAITING_CONSENT'`,
      [caseId],
    );
    for (const { kind, purpose } of waiting) {
      await api.http()
        .post(`/api/v1/cases/${caseId}/consents`)
        .set(await api.as('border.official'))
        .send({ purpose, recipientAgencyKind: kind, decision: 'GIVEN', language: 'sw' })
        .expect(201);
    }
    return caseId;
  }

  /** Delayed jobs of this test's queues in its Redis database. */
  async function delayedTimers(): Promise<number> {
    const keys = await redis.keys(`${queuePrefix.prefix}:*:delayed`);
    let total = 0;
    for (const key of keys) total += await redis.zcard(key);
    return total;
  }

  beforeAll(async () => {
    redis = new IORedis(OWN_REDIS_URL, { maxRetriesPerRequest: 1 });
    api = await startDemoApi('timers', { REDIS_URL: OWN_REDIS_URL, KIVUKO_QUEUE_PREFIX: queuePrefix.prefix, KIVUKO_API_RUNS_JOBS: 'true' });
    KGM = await api.borderPointId('KGM');
    clock = api.app.get(Clock);
    clock.fixAt(start);
  }, 60_000);

  afterAll(async () => {
    clock?.fixAt(null);
    await api?.close();
    await redis?.flushdb();
    redis?.disconnect();
  });

  it('marks every referral whose timer Redis lost overdue, and escalates it, from the minute sweep', async () => {
    const cases: string[] = [];
    for (const name of ['Immaculee', 'Josiane', 'Claudine', 'Esperance', 'Vestine']) cases.push(await registerAndConsent(name));
    const referrals = await api.owner<{ id: string; due_at: Date }>(`SELECT id, due_at FROM referral WHERE case_id = ANY($1::uuid[])`, [cases]);
    expect(referrals.length).toBeGreaterThanOrEqual(cases.length * 3);
    // Each referral's timer reached Redis as a delayed job.
    await eventually(async () => expect(await delayedTimers()).toBeGreaterThanOrEqual(referrals.length), 20_000);

    // Redis restarts without persistence: every delayed job is gone.
    await redis.flushdb();
    expect(await delayedTimers()).toBe(0);

    // The due times pass; the minute's schedule asks for its sweep as it does every minute.
    const late = new Date(Math.max(...referrals.map((r) => r.due_at.getTime())) + 60_000);
    clock.fixAt(late);
    const schedule = api.app
      .get(DiscoveryService)
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .find((instance): instance is MinuteSchedule => instance instanceof MinuteSchedule && instance.constructor.name === 'ReferralSweepSchedule');
    expect(schedule).toBeDefined();
    expect(await schedule?.request(late)).toBe(true);

    // No referral misses its deadline: each is overdue, escalated, and has its first steps' tasks.
    await eventually(async () => {
      const missed = await api.owner(`SELECT id FROM referral WHERE case_id = ANY($1::uuid[]) AND overdue_at IS NULL`, [cases]);
      expect(missed).toEqual([]);
    }, 30_000);
    const escalated = await api.owner<{ id: string; escalation_level: number }>(
      `SELECT id, escalation_level FROM referral WHERE case_id = ANY($1::uuid[]) AND escalation_level = 0`,
      [cases],
    );
    expect(escalated).toEqual([]);
    const tasks = await api.owner<{ referral: string }>(
      `SELECT DISTINCT details->>'referralId' AS referral FROM audit_event WHERE action = 'REFERRAL.OVERDUE' AND case_id = ANY($1::uuid[])`,
      [cases],
    );
    expect(tasks.map((t) => t.referral).sort()).toEqual(referrals.map((r) => r.id).sort());
    // Each was marked once: the sweep is the only thing that fired (the timers are gone).
    const marks = await api.owner<{ n: string }>(`SELECT count(*) AS n FROM audit_event WHERE action = 'REFERRAL.OVERDUE' AND case_id = ANY($1::uuid[])`, [cases]);
    expect(Number(marks[0].n)).toBe(referrals.length);
  }, 120_000);
});

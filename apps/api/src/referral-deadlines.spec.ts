import { Clock, JobName, MinuteSchedule, OutboxService, systemScope, UnitOfWork } from '@kivuko/platform';
import { DiscoveryService } from '@nestjs/core';
import { eventually } from '@kivuko/platform/testing';
import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';

const HOUR = 3_600_000;

/**
 * First-contact deadlines at a fixed clock: the timer of one referral and the sweep behind it mark
 * unacknowledged referrals overdue and escalate them step by step as the SOP says; acknowledging in time
 * stops the clock. The jobs run as in service (BullMQ on PostgreSQL, processors in the api).
 */
describe('referral deadlines: timers, sweep, escalation', () => {
  let api: DemoApi;
  let KGM: string;
  let clock: Clock;
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
  const referralsOf = (caseId: string) =>
    api.owner<{ id: string; kind: string; due_at: Date; overdue_at: Date | null; escalation_level: number }>(
      `SELECT r.id, a.kind, r.due_at, r.overdue_at, r.escalation_level FROM referral r JOIN agency a ON a.id = r.agency_id WHERE r.case_id = $1 ORDER BY a.kind`,
      [caseId],
    );
  const escalations = (caseId: string) =>
    api.owner<{ step: number; agency: string | null; border_point: string | null }>(
      `SELECT t.escalation_step AS step, a.name AS agency, bp.code AS border_point FROM case_task t
         LEFT JOIN agency a ON a.id = t.agency_id LEFT JOIN border_point bp ON bp.id = t.border_point_id
       WHERE t.case_id = $1 AND t.kind = 'REFERRAL_OVERDUE' ORDER BY t.escalation_step, a.name NULLS FIRST`,
      [caseId],
    );
  /** Runs the sweep as the schedule does: a job through the outbox, processed by the api's workers. */
  async function sweep(): Promise<void> {
    const key = randomUUID();
    await api.app.get(UnitOfWork).run(systemScope('test: sweep now'), (m) => api.app.get(OutboxService).enqueue(m, JobName.ReferralSweep, { at: clock.now().toISOString() }, { key }));
    await eventually(async () => {
      const [row] = await api.owner<{ completed_at: Date | null }>(`SELECT completed_at FROM outbox_message WHERE job_id = $1`, [`${JobName.ReferralSweep}-${key}`]);
      if (!row?.completed_at) throw new Error('the sweep has not run yet');
    });
  }

  beforeAll(async () => {
    api = await startDemoApi('deadlines');
    KGM = await api.borderPointId('KGM');
    clock = api.app.get(Clock);
    clock.fixAt(start);
  }, 60_000);
  afterAll(async () => {
    clock.fixAt(null);
    await api.close();
  });

  it('marks unacknowledged referrals overdue at their due time and escalates step by step, once each', async () => {
    const caseId = await registerAndConsent('Immaculee');
    const referrals = await referralsOf(caseId);
    expect(referrals.map((r) => r.kind)).toEqual(['ANTI_TRAFFICKING', 'HEALTH', 'INTERNATIONAL_ORGANIZATION', 'NGO']);
    expect(referrals.every((r) => r.due_at.getTime() === start.getTime() + 24 * HOUR)).toBe(true);

    // An hour before the deadline nothing happens.
    clock.fixAt(new Date(start.getTime() + 23 * HOUR));
    await sweep();
    expect((await referralsOf(caseId)).map((r) => r.overdue_at)).toEqual([null, null, null, null]);

    // The trafficking coordinator acknowledges in time: that referral's clock stops.
    const lead = referrals[0];
    await api.http().post(`/api/v1/referrals/${lead.id}/acknowledge`).set(await api.as('trafficking.coordinator')).send({}).expect(200);

    clock.fixAt(new Date(start.getTime() + 24 * HOUR + 60_000));
    await sweep();
    const late = await referralsOf(caseId);
    expect(late.map((r) => [r.kind, r.overdue_at !== null])).toEqual([
      ['ANTI_TRAFFICKING', false],
      ['HEALTH', true],
      ['INTERNATIONAL_ORGANIZATION', true],
      ['NGO', true],
    ]);
    // At once, for P1 (steps 0 and 1 of the default SOP): the receiving agency's manager and the sending
    // border point's supervisor, for each of the three late referrals.
    const first = await escalations(caseId);
    expect(first.map((e) => e.agency ?? e.border_point).sort()).toEqual(
      ['KGM', 'KGM', 'KGM', 'Migration Agency', 'Regional Referral Hospital', 'Tumaini Shelter'].sort(),
    );
    expect(first.every((e) => e.step <= 1)).toBe(true);

    // The overdue view of an agency.
    const overdue = await api.http().get('/api/v1/referrals').query({ overdue: 'true' }).set(await api.as('shelter.caseworker')).expect(200);
    expect(overdue.body.items.map((r: { caseId: string; overdue: boolean }) => [r.caseId, r.overdue])).toContainEqual([caseId, true]);

    // Running the sweep again at the same time fires nothing twice.
    await sweep();
    expect(await escalations(caseId)).toEqual(first);

    // Later steps: the coordinating body, then the monitor, each when its delay has passed.
    clock.fixAt(new Date(start.getTime() + 24 * HOUR + 5 * HOUR));
    await sweep();
    const later = await escalations(caseId);
    expect(later.length).toBeGreaterThan(first.length);
    expect(later.some((e) => e.agency === 'Refugee Agency')).toBe(true);
    // The coordinating body can open the case it is alerted about.
    expect(await api.owner(`SELECT 1 FROM case_share s JOIN agency a ON a.id = s.agency_id WHERE s.case_id = $1 AND a.name = 'Refugee Agency'`, [caseId])).toHaveLength(1);
    const audited = await api.owner<{ action: string }>(`SELECT DISTINCT action FROM audit_event WHERE case_id = $1 AND action IN ('REFERRAL.OVERDUE', 'REFERRAL.ESCALATED')`, [caseId]);
    expect(audited.map((a) => a.action).sort()).toEqual(['REFERRAL.ESCALATED', 'REFERRAL.OVERDUE']);
  });

  it("fires a referral's own timer when its due time comes, without the sweep", async () => {
    clock.fixAt(start);
    const caseId = await registerAndConsent('Josiane');
    const [target] = (await referralsOf(caseId)).filter((r) => r.kind === 'HEALTH');
    // The referral got its timer at creation, for its due time.
    const timers = await api.owner<{ run_at: Date }>(`SELECT run_at FROM outbox_message WHERE job_name = $1 AND payload->>'referralId' = $2`, [JobName.ReferralDue, target.id]);
    expect(timers.map((t) => t.run_at.getTime())).toEqual([target.due_at.getTime()]);
    // That time has come (the clock moves on; the same job, due now, stands in for the 24-hour wait).
    clock.fixAt(new Date(start.getTime() + 25 * HOUR));
    await api.app.get(UnitOfWork).run(systemScope('test: timer due now'), (m) =>
      api.app.get(OutboxService).enqueue(m, JobName.ReferralDue, { referralId: target.id }, { key: `${target.id}-now`, runAt: new Date() }),
    );
    await eventually(async () => {
      const [row] = (await referralsOf(caseId)).filter((r) => r.id === target.id);
      if (!row.overdue_at) throw new Error('not yet overdue');
    });
    // Only this referral: the timer is not a sweep.
    expect((await referralsOf(caseId)).filter((r) => r.overdue_at !== null).map((r) => r.id)).toEqual([target.id]);
  });

  it('marks a newly late referral even when more than a batch of older late referrals have fired every step', async () => {
    clock.fixAt(start);
    const caseId = await registerAndConsent('Claudine');
    const [fresh] = (await referralsOf(caseId)).filter((r) => r.kind === 'HEALTH');
    // 600 older referrals (more than one sweep batch), late for days, every step fired: nothing left to do.
    // Copied from the fresh one as the owner, then given older due times and their escalation done.
    await api.owner(
      `WITH cases AS (
         INSERT INTO case_file (id, case_number, intake_id, intake_position, border_point_id, registered_by, registering_agency_id, status, arrived_at, arrival_mode, nationalities)
         SELECT gen_random_uuid(), 'TZA-KGM-2025-' || lpad(g::text, 6, '0'), gen_random_uuid(), 0, border_point_id, registered_by, registering_agency_id, 'OPEN', arrived_at, arrival_mode, nationalities
         FROM case_file CROSS JOIN generate_series(1, 600) g WHERE id = $3
         RETURNING id, substring(case_number from 14)::int AS g)
       INSERT INTO referral (id, case_id, agency_id, border_point_id, role, target, profiles, priority, status, due_at, required_actions, field_groups, basis,
                             sop_version_id, attempt, overdue_at, escalation_level, next_escalation_at, created_at)
       SELECT gen_random_uuid(), c.id, r.agency_id, r.border_point_id, r.role, r.target, r.profiles, r.priority, 'PENDING', $2::timestamptz - (c.g || ' minutes')::interval,
              r.required_actions, r.field_groups, r.basis, r.sop_version_id, 1, $2::timestamptz - (c.g || ' minutes')::interval, 9, NULL, $2::timestamptz - interval '10 days'
       FROM referral r CROSS JOIN cases c WHERE r.id = $1`,
      [fresh.id, new Date(start.getTime() - 24 * HOUR), caseId],
    );
    expect(await api.owner(`SELECT 1 FROM referral WHERE escalation_level = 9`)).toHaveLength(600);
    clock.fixAt(new Date(start.getTime() + 25 * HOUR));
    await sweep();
    const [after] = (await referralsOf(caseId)).filter((r) => r.id === fresh.id);
    expect(after.overdue_at).not.toBeNull();
    expect(after.escalation_level).toBeGreaterThan(0);
    // Its next step is on record for the next sweep; the old ones were left alone.
    const [next] = await api.owner<{ next_escalation_at: Date | null }>(`SELECT next_escalation_at FROM referral WHERE id = $1`, [fresh.id]);
    expect(next.next_escalation_at?.getTime()).toBeGreaterThan(start.getTime() + 25 * HOUR);
    expect(await api.owner(`SELECT 1 FROM referral WHERE escalation_level = 9 AND next_escalation_at IS NOT NULL`)).toHaveLength(0);
  });

  it('asks for each minute-sweep once a minute, however many processes ask', async () => {
    const schedules = api.app
      .get(DiscoveryService)
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is MinuteSchedule => instance instanceof MinuteSchedule);
    expect(schedules).toHaveLength(2);
    const minute = new Date('2031-05-05T10:20:30Z');
    for (const schedule of schedules) {
      expect(await schedule.request(minute)).toBe(true);
      expect(await schedule.request(new Date(minute.getTime() + 20_000))).toBe(false);
      expect(await schedule.request(new Date(minute.getTime() + 60_000))).toBe(true);
    }
    const asked = await api.owner<{ job_name: string }>(`SELECT job_name FROM outbox_message WHERE job_id LIKE '%2031-05-05T10_2%' ORDER BY job_name, job_id`);
    expect(asked.map((r) => r.job_name)).toEqual([JobName.DetentionReviewSweep, JobName.DetentionReviewSweep, JobName.ReferralSweep, JobName.ReferralSweep]);
  });
});

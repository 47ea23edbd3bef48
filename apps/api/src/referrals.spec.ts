import { randomUUID } from 'node:crypto';
import { DemoApi, DEMO_PASSWORD, startDemoApi } from './demo-api';

interface Referral {
  id: string;
  caseId: string;
  agency: { id: string; name: string; kind: string };
  role: string;
  profiles: string[];
  priority: number;
  status: string;
  dueAt: string;
  version: number;
  attempt: number;
  previousReferralId: string | null;
  sopVersionId: string;
  outcomeCode: string | null;
  fieldGroups: string[];
  basis: { requirements: { purpose: string }[]; met: unknown[] };
}

/** A woman with two control indicators: a presumed trafficking victim, urgent, so routed without waiting for confirmation. */
const traffickedWoman = (givenName: string) => ({
  givenName,
  familyName: 'Uwase',
  sex: 'FEMALE',
  statedAge: 23,
  nationalities: ['RWA'],
  languages: ['rw', 'sw'],
  documentsHeldByOther: true,
  screening: { answers: { movement_controlled: true, debt_bondage: true, deceived_about_job: true } },
});

describe('referrals: routing under the joint SOP, consent gate, queues, transitions, fallback', () => {
  let api: DemoApi;
  /** Kigoma: the shelter NGO covers it (at Namanga no shelter does, and the coordinating body would be alerted). */
  let KGM: string;

  async function register(person: Record<string, unknown>): Promise<string> {
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({ intakeId: randomUUID(), arrival: { borderPointId: KGM, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' }, persons: [person] });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.cases[0].id as string;
  }
  const sent = async (caseId: string): Promise<Referral[]> =>
    ((await api.http().get('/api/v1/referrals').query({ view: 'SENT', limit: 100 }).set(await api.as('border.official')).expect(200)).body.items as Referral[]).filter(
      (r) => r.caseId === caseId,
    );
  const allSent = async (caseId: string): Promise<Referral[]> =>
    api.owner<Referral>(
      `SELECT r.id, r.status, a.kind AS "agencyKind", a.name AS "agencyName", r.attempt, r.previous_referral_id AS "previousReferralId"
       FROM referral r JOIN agency a ON a.id = r.agency_id WHERE r.case_id = $1 ORDER BY r.created_at, r.id`,
      [caseId],
    );
  const queue = async (username: string, query: Record<string, string | number> = {}) =>
    (await api.http().get('/api/v1/referrals').query(query).set(await api.as(username)).expect(200)).body.items as Referral[];
  /** The person consents to every purpose the held referrals of the case wait for, per recipient kind. */
  async function consentToAll(caseId: string, except: string[] = []): Promise<void> {
    const waiting = await api.owner<{ kind: string; purpose: string }>(
      `SELECT DISTINCT a.kind, req->>'purpose' AS purpose FROM referral r JOIN agency a ON a.id = r.agency_id
         CROSS JOIN LATERAL jsonb_array_elements(r.basis->'requirements') req WHERE r.case_id = $1 AND r.status = 'AWAITING_CONSENT'`,
      [caseId],
    );
    for (const { kind, purpose } of waiting.filter((w) => !except.includes(w.kind))) {
      await api.http()
        .post(`/api/v1/cases/${caseId}/consents`)
        .set(await api.as('border.official'))
        .send({ purpose, recipientAgencyKind: kind, decision: 'GIVEN', language: 'sw' })
        .expect(201);
    }
  }

  beforeAll(async () => {
    api = await startDemoApi('referrals');
    KGM = await api.borderPointId('KGM');
  }, 60_000);
  afterAll(() => api.close());

  it('routes a presumed trafficking victim to the anti-trafficking lead and its supporting agencies, held until consent', async () => {
    const caseId = await register(traffickedWoman('Aline'));
    const referrals = await sent(caseId);
    expect(referrals.map((r) => [r.agency.kind, r.role, r.status]).sort()).toEqual(
      [
        ['ANTI_TRAFFICKING', 'LEAD', 'AWAITING_CONSENT'],
        ['HEALTH', 'SUPPORTING', 'AWAITING_CONSENT'],
        ['INTERNATIONAL_ORGANIZATION', 'SUPPORTING', 'AWAITING_CONSENT'],
        ['NGO', 'SUPPORTING', 'AWAITING_CONSENT'],
      ].sort(),
    );
    const lead = referrals.find((r) => r.role === 'LEAD') as Referral;
    expect(lead.profiles).toEqual(['TRAFFICKING_VICTIM']);
    expect(lead.priority).toBe(1);
    // First contact within 24 hours of the referral.
    const created = (await api.owner<{ created_at: Date }>(`SELECT created_at FROM referral WHERE id = $1`, [lead.id]))[0].created_at;
    expect(Math.abs(Date.parse(lead.dueAt) - created.getTime() - 24 * 3_600_000)).toBeLessThan(5_000);
    expect(lead.sopVersionId).toBe((await api.owner<{ id: string }>(`SELECT id FROM sop_version WHERE status = 'ACTIVE'`))[0].id);

    // Nothing reaches the agency before consent: no queue entry, no sight of the case.
    expect(await queue('trafficking.coordinator')).toEqual([]);
    await api.http().get(`/api/v1/cases/${caseId}`).set(await api.as('trafficking.coordinator')).expect(404);
    const tasks = await api.http().get(`/api/v1/cases/${caseId}`).set(await api.as('border.official')).expect(200);
    expect(tasks.body.openTasks.map((t: { kind: string }) => t.kind)).toEqual(['OBTAIN_CONSENT']);

    await consentToAll(caseId);
    expect((await sent(caseId)).map((r) => r.status)).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING']);
    const mine = await queue('trafficking.coordinator');
    expect(mine.map((r) => [r.caseId, r.status])).toEqual([[caseId, 'PENDING']]);
    await api.http().get(`/api/v1/cases/${caseId}`).set(await api.as('trafficking.coordinator')).expect(200);
    const after = await api.http().get(`/api/v1/cases/${caseId}`).set(await api.as('border.official')).expect(200);
    expect(after.body.openTasks).toEqual([]);
  });

  it('lets an urgent medical referral proceed at once on vital interest, recorded as such', async () => {
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({
        intakeId: randomUUID(),
        mode: 'MASS_ARRIVAL',
        arrival: { borderPointId: KGM, arrivedAt: new Date(Date.now() - 600_000).toISOString(), mode: 'SEA' },
        persons: [{ description: 'woman, about 30, bleeding', sex: 'FEMALE', statedAge: 30, nationalities: ['COD'], urgentNeeds: ['MEDICAL_EMERGENCY'] }],
      })
      .expect(201);
    const caseId = res.body.cases[0].id as string;
    const [hospital] = await sent(caseId);
    expect(hospital).toMatchObject({ status: 'PENDING', role: 'LEAD', profiles: ['MEDICAL_EMERGENCY'], priority: 1, agency: { kind: 'HEALTH' } });
    expect(hospital.basis.met).toEqual([expect.objectContaining({ kind: 'AUTOMATIC', legalBasis: 'VITAL_INTEREST' })]);
    // First contact within the hour.
    const created = (await api.owner<{ created_at: Date }>(`SELECT created_at FROM referral WHERE id = $1`, [hospital.id]))[0].created_at;
    expect(Math.abs(Date.parse(hospital.dueAt) - created.getTime() - 3_600_000)).toBeLessThan(5_000);
  });

  it('keeps a referral blocked when consent is refused, and tells the sender', async () => {
    const caseId = await register(traffickedWoman('Claudine'));
    await api.http()
      .post(`/api/v1/cases/${caseId}/consents`)
      .set(await api.as('border.official'))
      .send({ purpose: 'REFERRAL', recipientAgencyKind: 'NGO', decision: 'REFUSED', language: 'rw' })
      .expect(201);
    await consentToAll(caseId, ['NGO']);
    const ngo = (await sent(caseId)).find((r) => r.agency.kind === 'NGO') as Referral;
    expect(ngo.status).toBe('AWAITING_CONSENT');
    expect((await queue('shelter.caseworker')).map((r) => r.caseId)).not.toContain(caseId);
    await api.http().get(`/api/v1/cases/${caseId}`).set(await api.as('shelter.caseworker')).expect(404);
    const detail = await api.http().get(`/api/v1/referrals/${ngo.id}`).set(await api.as('border.official')).expect(200);
    expect(detail.body.history.map((h: { reason: string | null }) => h.reason)).toContain('consent refused for REFERRAL');
    // The other referrals of the case went ahead.
    expect((await sent(caseId)).filter((r) => r.agency.kind !== 'NGO').map((r) => r.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);
  });

  it('walks a referral through acknowledge, accept, start and complete; the sender sees the outcome; one of two concurrent transitions wins', async () => {
    const caseId = await register(traffickedWoman('Beatrice'));
    await consentToAll(caseId);
    const [referral] = await queue('trafficking.coordinator', { limit: 100 }).then((items) => items.filter((r) => r.caseId === caseId));
    const coordinator = await api.as('trafficking.coordinator');
    const url = `/api/v1/referrals/${referral.id}`;

    // Only the receiving agency works it; only the sender withdraws it.
    expect((await api.http().post(`${url}/accept`).set(await api.as('shelter.caseworker')).send({}).expect(404)).body.code).toBe('REFERRAL.NOT_FOUND');
    expect((await api.http().post(`${url}/withdraw`).set(coordinator).send({ reason: 'not ours' }).expect(403)).body.code).toBe('ACCESS.FORBIDDEN');

    await api.http().post(`${url}/acknowledge`).set(coordinator).send({}).expect(200);
    const [a, b] = await Promise.all([api.http().post(`${url}/accept`).set(coordinator).send({}), api.http().post(`${url}/accept`).set(coordinator).send({})]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(['REFERRAL.CHANGED', 'REFERRAL.TRANSITION_NOT_ALLOWED']).toContain((a.status === 409 ? a : b).body.code);
    const refused = await api.http().post(`${url}/complete`).set(coordinator).send({}).expect(400);
    expect(refused.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['outcomeCode']);
    await api.http().post(`${url}/start`).set(coordinator).send({}).expect(200);
    const done = await api.http().post(`${url}/complete`).set(coordinator).send({ outcomeCode: 'SHELTERED_AND_ASSISTED', note: 'In the shelter programme' }).expect(200);
    expect(done.body).toMatchObject({ status: 'COMPLETED', outcomeCode: 'SHELTERED_AND_ASSISTED' });
    const wrong = await api.http().post(`${url}/accept`).set(coordinator).send({}).expect(409);
    expect(wrong.body.code).toBe('REFERRAL.TRANSITION_NOT_ALLOWED');

    // The closed loop: the sending border point sees the outcome.
    expect((await sent(caseId)).find((r) => r.id === referral.id)).toMatchObject({ status: 'COMPLETED', outcomeCode: 'SHELTERED_AND_ASSISTED' });
    const detail = await api.http().get(url).set(await api.as('border.official')).expect(200);
    expect(detail.body).toMatchObject({ status: 'COMPLETED', outcomeCode: 'SHELTERED_AND_ASSISTED', outcomeNote: 'In the shelter programme' });
    expect(detail.body.history.map((h: { to: string }) => h.to)).toEqual(['AWAITING_CONSENT', 'PENDING', 'ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED']);
    const audits = await api.owner<{ action: string }>(`SELECT action FROM audit_event WHERE case_id = $1 AND action LIKE 'REFERRAL.%' ORDER BY id`, [caseId]);
    expect(audits.map((x) => x.action)).toEqual(expect.arrayContaining(['REFERRAL.CREATED', 'REFERRAL.PENDING', 'REFERRAL.ACKNOWLEDGED', 'REFERRAL.ACCEPTED', 'REFERRAL.IN_PROGRESS', 'REFERRAL.COMPLETED']));
  });

  it('sends a declined referral to the next agency of the kind, and alerts the coordinating body when none is left', async () => {
    const sysadmin = await api.as('sysadmin');
    const points = (await api.http().get('/api/v1/border-points').set(sysadmin).expect(200)).body as { id: string }[];
    const desk = await api.http()
      .post('/api/v1/agencies')
      .set(sysadmin)
      .send({ name: 'Lake Zone Anti-Trafficking Desk', kind: 'ANTI_TRAFFICKING', coverageBorderPointIds: points.map((p) => p.id), languages: ['sw'] })
      .expect(201);
    await api.http()
      .post('/api/v1/users')
      .set(sysadmin)
      .send({ username: 'desk.officer', displayName: 'Desk officer', agencyId: desk.body.id, roles: ['CASEWORKER'], password: DEMO_PASSWORD })
      .expect(201);

    const caseId = await register(traffickedWoman('Diane'));
    await consentToAll(caseId);
    const first = (await sent(caseId)).find((r) => r.agency.kind === 'ANTI_TRAFFICKING') as Referral;
    const firstAgency = first.agency.name;
    const declinedBy = firstAgency === 'Anti-Trafficking Secretariat' ? 'trafficking.coordinator' : 'desk.officer';
    const otherUser = declinedBy === 'trafficking.coordinator' ? 'desk.officer' : 'trafficking.coordinator';

    await api.http().post(`/api/v1/referrals/${first.id}/decline`).set(await api.as(declinedBy)).send({}).expect(400);
    const declined = await api.http().post(`/api/v1/referrals/${first.id}/decline`).set(await api.as(declinedBy)).send({ reason: 'No capacity this week' }).expect(200);
    const second = (await sent(caseId)).find((r) => r.agency.kind === 'ANTI_TRAFFICKING' && r.status === 'PENDING') as Referral;
    expect(second.agency.name).not.toBe(firstAgency);
    // The decliner is told where the case went next.
    expect(declined.body).toMatchObject({ status: 'DECLINED', next: { agencies: [{ id: second.agency.id, name: second.agency.name, kind: 'ANTI_TRAFFICKING' }], coordinatingBody: null } });
    expect(second).toMatchObject({ attempt: 2, previousReferralId: first.id });
    expect((await queue(otherUser)).map((r) => r.id)).toContain(second.id);

    const last = await api.http().post(`/api/v1/referrals/${second.id}/decline`).set(await api.as(otherUser)).send({ reason: 'Outside our mandate' }).expect(200);
    const kinds = (await allSent(caseId)).filter((r) => (r as unknown as { agencyKind: string }).agencyKind === 'ANTI_TRAFFICKING');
    expect(kinds.map((r) => r.status)).toEqual(['DECLINED', 'DECLINED']);
    const alert = await api.owner<{ kind: string; agency: string }>(
      `SELECT t.kind, a.name AS agency FROM case_task t JOIN agency a ON a.id = t.agency_id WHERE t.case_id = $1`,
      [caseId],
    );
    expect(alert).toEqual([{ kind: 'NO_AGENCY_AVAILABLE', agency: expect.any(String) }]);
    // No agency was left: the answer names the coordinating body that was alerted instead.
    expect(last.body.next).toEqual({ agencies: [], coordinatingBody: { id: expect.any(String), name: alert[0].agency, kind: expect.any(String) } });
    expect(await api.owner(`SELECT action FROM audit_event WHERE case_id = $1 AND action = 'REFERRAL.NO_AGENCY_LEFT'`, [caseId])).toHaveLength(1);
  });

  it('re-routes on re-profiling: a removed profile withdraws its referrals, adding it back routes again, nothing is duplicated', async () => {
    const caseId = await register(traffickedWoman('Esther'));
    await consentToAll(caseId);
    const before = await sent(caseId);
    expect(before).toHaveLength(4);

    // A correction runs profiling again: the same referrals stay, none is added.
    const current = await api.http().get(`/api/v1/cases/${caseId}`).set(await api.as('border.official')).expect(200);
    await api.http()
      .put(`/api/v1/cases/${caseId}/intake`)
      .set(await api.as('border.official'))
      .send({ version: current.body.version, person: { ...traffickedWoman('Esther'), languages: ['rw', 'sw', 'fr'] } })
      .expect(200);
    expect((await allSent(caseId)).map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());

    await api.http()
      .post(`/api/v1/cases/${caseId}/profiles/TRAFFICKING_VICTIM/remove`)
      .set(await api.as('border.official'))
      .send({ reason: 'Interview with an interpreter: she travelled freely, debt was to her family' })
      .expect(200);
    expect((await allSent(caseId)).map((r) => r.status)).toEqual(['WITHDRAWN', 'WITHDRAWN', 'WITHDRAWN', 'WITHDRAWN']);
    const withdrawn = await api.http().get(`/api/v1/referrals/${before[0].id}`).set(await api.as('border.official')).expect(200);
    expect(withdrawn.body.reason).toContain('re-profiling');

    await api.http()
      .post(`/api/v1/cases/${caseId}/profiles`)
      .set(await api.as('border.official'))
      .send({ profile: 'TRAFFICKING_VICTIM', reason: 'Second interview: passport confiscated by the employer after all' })
      .expect(201);
    const again = await allSent(caseId);
    expect(again).toHaveLength(8);
    expect(again.slice(4).every((r) => r.status === 'PENDING' || r.status === 'AWAITING_CONSENT')).toBe(true);
  });

  it('orders the queue by priority then due time, pages by keyset, and refuses bad filters', async () => {
    for (const name of ['Fabiola', 'Gloria', 'Henriette']) await consentToAll(await register(traffickedWoman(name)));
    const all = await queue('trafficking.coordinator', { limit: 100 });
    const keys = all.map((r) => [r.priority, r.dueAt]);
    expect(keys).toEqual([...keys].sort((x, y) => (x[0] as number) - (y[0] as number) || String(x[1]).localeCompare(String(y[1]))));
    const page1 = (await api.http().get('/api/v1/referrals').query({ limit: 2 }).set(await api.as('trafficking.coordinator')).expect(200)).body;
    const page2 = (await api.http().get('/api/v1/referrals').query({ limit: 2, cursor: page1.nextCursor }).set(await api.as('trafficking.coordinator')).expect(200)).body;
    expect([...page1.items, ...page2.items].map((r: Referral) => r.id)).toEqual(all.slice(0, 4).map((r) => r.id));
    const filtered = await queue('trafficking.coordinator', { profile: 'TRAFFICKING_VICTIM', priority: 1, overdue: 'false' });
    expect(filtered.length).toBeGreaterThan(0);
    const one = all[0].caseId;
    const ofCase = await queue('trafficking.coordinator', { caseId: one });
    expect(ofCase.length).toBeGreaterThan(0);
    expect(ofCase.every((r) => r.caseId === one)).toBe(true);
    const sentOfCase = await queue('border.official', { view: 'SENT', caseId: one, limit: 100 });
    expect(sentOfCase.map((r) => r.id).sort()).toEqual((await sent(one)).map((r) => r.id).sort());
    expect(sentOfCase.every((r) => r.caseId === one)).toBe(true);
    expect(await queue('border.official', { view: 'SENT', caseId: randomUUID() })).toEqual([]);
    const bad = await api.http().get('/api/v1/referrals').query({ status: 'LOST', priority: 9, overdue: 'maybe', caseId: 'not-a-case' }).set(await api.as('trafficking.coordinator')).expect(400);
    expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['caseId', 'overdue', 'priority', 'status']);
    await api.http().get('/api/v1/referrals').query({ agencyId: randomUUID() }).set(await api.as('trafficking.coordinator')).expect(403);
    await api.http().get('/api/v1/referrals').set(await api.as('analyst')).expect(403);
  });
});

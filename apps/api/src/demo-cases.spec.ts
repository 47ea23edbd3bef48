import { DemoApi, startDemoApi } from './demo-api';

/** The demo arrivals a newcomer finds on the embedded start: valid, scoped, loaded once. */
describe('demo cases', () => {
  let api: DemoApi;

  beforeAll(async () => {
    api = await startDemoApi('democases', { KIVUKO_DEMO_CASES: 'true' });
  }, 60_000);
  afterAll(() => api.close());

  const list = async (username: string) =>
    (await api.http().get('/api/v1/cases').query({ limit: 100 }).set(await api.as(username)).expect(200)).body.items as {
      id: string;
      caseNumber: string;
      status: string;
      borderPoint: { code: string };
      person?: { givenName: string | null };
    }[];

  it('registers the demo arrivals through the intake use case, each role seeing its own share', async () => {
    const official = await list('border.official');
    expect(official.map((c) => c.borderPoint.code).sort()).toEqual(['KGM', 'KGM', 'KGM', 'NMG', 'NMG', 'NMG']);
    expect(official.filter((c) => c.status === 'INCOMPLETE')).toHaveLength(2);
    expect((await list('airport.official')).map((c) => c.borderPoint.code)).toEqual(['DAR']);
    expect(await list('border.supervisor')).toHaveLength(7);

    // The official confirmed the suggested profiles, and the person consented to the referrals (for the
    // child, the supervisor recorded the child's best interests): the SOP routed each case.
    const shelter = await list('shelter.caseworker');
    expect(shelter.map((c) => c.person?.givenName)).toEqual(['Esperance']);
    const view = await api.http().get(`/api/v1/cases/${shelter[0].id}`).set(await api.as('shelter.caseworker')).expect(200);
    expect(view.body.fieldGroups).toEqual(['IDENTITY', 'NEEDS', 'TRAFFICKING', 'HEALTH']);
    expect((await list('legal.caseworker')).map((c) => c.person?.givenName)).toEqual(['Faadumo Cali']);
    expect((await list('child.protection')).map((c) => c.person?.givenName ?? c.status)).toEqual(['INCOMPLETE']);
    expect((await list('trafficking.coordinator')).map((c) => c.person?.givenName)).toEqual(['Esperance']);

    const queue = async (username: string) =>
      (await api.http().get('/api/v1/referrals').set(await api.as(username)).expect(200)).body.items as { role: string; profiles: string[]; status: string }[];
    // The agencies with a demo caseworker accepted the referrals that ask them to act.
    expect((await queue('trafficking.coordinator')).map((r) => [r.role, r.profiles, r.status])).toEqual([['LEAD', ['TRAFFICKING_VICTIM'], 'ACCEPTED']]);
    expect((await queue('child.protection')).map((r) => [r.role, r.profiles, r.status])).toEqual([['LEAD', ['UNACCOMPANIED_CHILD'], 'ACCEPTED']]);
    expect(await list('airport.official')).toHaveLength(1);
    const sentFrom = async (username: string) =>
      ((await api.http().get('/api/v1/referrals').query({ view: 'SENT' }).set(await api.as(username)).expect(200)).body.items as { profiles: string[]; status: string; role: string }[]).map(
        (r) => [r.profiles, r.role, r.status],
      );
    // The stranded migrant agreed to his return referral, and the return counsellor accepted it.
    expect(await sentFrom('airport.official')).toEqual([[['STRANDED_MIGRANT_RETURN'], 'LEAD', 'ACCEPTED']]);
    // The last arrival gave no consent yet: the referral that needs it waits, the agency does not see it, the border point does.
    expect(await sentFrom('border.official')).toContainEqual([['MIGRANT'], 'SUPPORTING', 'AWAITING_CONSENT']);
  });

  it('offers a possible previous encounter to review', async () => {
    const queue = await api.http().get('/api/v1/encounters').set(await api.as('border.supervisor')).expect(200);
    expect(queue.body.items).toHaveLength(1);
    expect(queue.body.items[0]).toMatchObject({ caseNumber: expect.stringMatching(/^TZA-NMG-/), matchedCaseNumber: expect.stringMatching(/^TZA-DAR-/), status: 'PENDING' });
  });

  it('has the agencies’ records on them: an asylum claim, a presumed victim in her reflection period, a refused detention for the monitor', async () => {
    const [mother] = (await list('asylum.reviewer')).filter((c) => c.person?.givenName === 'Faadumo Cali');
    const claim = await api.http().get(`/api/v1/cases/${mother.id}/protection`).set(await api.as('asylum.reviewer')).expect(200);
    expect(claim.body.asylumClaims).toEqual([expect.objectContaining({ procedure: 'PRIMA_FACIE', decision: null })]);
    const [esperance] = await list('trafficking.coordinator');
    const record = await api.http().get(`/api/v1/cases/${esperance.id}/protection`).set(await api.as('trafficking.coordinator')).expect(200);
    expect(record.body.trafficking).toMatchObject({ status: 'PRESUMED', reflectionPeriod: { running: true } });
    const status = await api.http().get(`/api/v1/cases/${esperance.id}/safeguards`).set(await api.as('border.official')).expect(200);
    expect(status.body.removal.reasons.map((r: { code: string }) => r.code)).toContain('REFLECTION_PERIOD_RUNNING');
    const events = await api.http().get('/api/v1/monitor/safeguard-events').set(await api.as('monitor')).expect(200);
    expect(events.body.items.map((e: { safeguard: string; outcome: string; caseNumber: string }) => [e.safeguard, e.outcome, e.caseNumber])).toEqual([
      ['DETENTION_GUARD', 'BLOCKED', esperance.caseNumber],
    ]);
  });

  it('gives every receiving agency work: each demo caseworker has tasks in GET /api/v1/tasks', async () => {
    const receivers = ['legal.caseworker', 'shelter.caseworker', 'child.protection', 'asylum.reviewer', 'trafficking.coordinator', 'immigration.officer', 'return.counsellor'];
    const queues: Record<string, string[]> = {};
    for (const username of receivers) {
      const me = (await api.http().get('/api/v1/me').set(await api.as(username)).expect(200)).body as { agency: { id: string } };
      const tasks = (await api.http().get('/api/v1/tasks').set(await api.as(username)).expect(200)).body.items as { kind: string; holder: { agencyId: string }; referralId: string | null; status: string }[];
      queues[username] = tasks.map((t) => t.kind);
      // The agency accepted its referral: the SOP's required actions are its open tasks.
      for (const task of tasks) expect([username, task.holder.agencyId, task.status, typeof task.referralId]).toEqual([username, me.agency.id, 'OPEN', 'string']);
    }
    expect(receivers.filter((u) => queues[u].length === 0)).toEqual([]);
    expect(queues['child.protection']).toContain('APPOINT_GUARDIAN');
    expect(queues['return.counsellor']).toContain('VOLUNTARINESS_CHECK');
    // The asylum claim the demo registers fulfils the authority's REGISTER_ASYLUM_CLAIM action: that task is done.
    expect(queues['asylum.reviewer']).not.toContain('REGISTER_ASYLUM_CLAIM');
  });

  it('loads them once: a restart on the same database adds nothing', async () => {
    const before = await api.owner(`SELECT id FROM case_file ORDER BY id`);
    const again = await startDemoApi(undefined, { KIVUKO_DEMO_CASES: 'true' }, api.db);
    await again.close();
    expect(await api.owner(`SELECT id FROM case_file ORDER BY id`)).toEqual(before);
  });
});

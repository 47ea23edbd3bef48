import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, DemoApi, startDemoApi } from './demo-api';
import { addProfile, at, consentToAll, day, detentionBody, registerArrival } from './protection-fixtures';

interface Task {
  id: string;
  caseId: string;
  kind: string;
  title: string | null;
  note: string | null;
  holder: { agencyId: string | null; borderPointId: string | null };
  assignedTo: string | null;
  referralId: string | null;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  dueAt: string;
  overdue: boolean;
  closedAt: string | null;
  closeReason: string | null;
}

interface Referral {
  id: string;
  caseId: string;
  agency: { id: string; name: string; kind: string };
  role: 'LEAD' | 'SUPPORTING';
  status: string;
  requiredActions: { action: string; dueAt: string }[];
}

interface Transfer {
  id: string;
  caseId: string;
  caseNumber: string | null;
  fromAgency: { id: string; name: string };
  toAgency: { id: string; name: string };
  basis: { kind: string; consentId: string; legalBasis: string | null };
  status: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

interface Responsibility {
  lead: { agencyId: string; agencyName: string; source: string } | null;
  assignments: { agencyId: string; userId: string }[];
  transfers: Transfer[];
}

interface Entry {
  at: string;
  kind: string;
  actorUserId: string | null;
  actorAgencyId: string | null;
}

interface Dashboard {
  scope: string;
  caseload: { byStatus: Record<string, number>; byProfile: Record<string, number> };
  referrals: { overdue: number; awaitingConsent: number; open: number };
  tasks: { open: number; overdue: number };
  casesWithoutLead: number;
  detention: { open: number; reviewOverdue: number };
}

type Res = { status: number; body: { code?: string; details?: { fields?: { path: string }[]; openReferrals?: number } } & Record<string, unknown> };

/** The api as each demo user calls it, and the fixtures of a case worked through referral and case management. */
function client(api: () => DemoApi) {
  const send = async (method: 'post' | 'put', username: string, path: string, body: object = {}) =>
    api().http()[method](`/api/v1/${path}`).set(await api().as(username)).send(body);
  const get = async (username: string, path: string, query: Record<string, string | number | boolean> = {}) =>
    api().http().get(`/api/v1/${path}`).query(query).set(await api().as(username));
  const post = (username: string, path: string, body: object = {}) => send('post', username, path, body);
  const put = (username: string, path: string, body: object = {}) => send('put', username, path, body);
  const fields = (res: Res): string[] => (res.body.details?.fields ?? []).map((f) => f.path);

  const userId = async (username: string): Promise<string> => (await api().owner<{ id: string }>(`SELECT id FROM app_user WHERE username = $1`, [username]))[0].id;

  /** A presumed trafficking victim at Kigoma (the shelter covers it), consenting to every referral: lead anti-trafficking, supporting shelter, health, IO. */
  async function victim(givenName = 'Amina'): Promise<string> {
    const caseId = await registerArrival(api(), { borderPoint: 'KGM', givenName, sex: 'FEMALE', statedAge: 24, answers: { movement_controlled: true, debt_bondage: true } });
    await consentToAll(api(), caseId);
    return caseId;
  }
  /** The referral of the case in the agency's queue. */
  async function referralOf(username: string, caseId: string): Promise<Referral> {
    const res = await get(username, 'referrals', { limit: 100 });
    expect(res.status).toBe(200);
    const found = (res.body.items as Referral[]).find((r) => r.caseId === caseId);
    if (!found) throw new Error(`no referral of ${caseId} in the queue of ${username}`);
    return found;
  }
  async function accept(username: string, caseId: string): Promise<Referral> {
    const referral = await referralOf(username, caseId);
    const res = await post(username, `referrals/${referral.id}/accept`);
    expect(res.status).toBe(200);
    return res.body as Referral;
  }
  /** Every referral the border official sent for the case. */
  const sent = async (caseId: string): Promise<Referral[]> =>
    ((await get('border.official', 'referrals', { view: 'SENT', limit: 100 })).body.items as Referral[]).filter((r) => r.caseId === caseId);
  /** The border official withdraws every open referral of the case. */
  async function withdrawAll(caseId: string, except: string[] = []): Promise<void> {
    for (const r of await sent(caseId)) {
      if (['DECLINED', 'COMPLETED', 'WITHDRAWN'].includes(r.status) || except.includes(r.id)) continue;
      expect((await post('border.official', `referrals/${r.id}/withdraw`, { reason: 'Person moved on to another region' })).status).toBe(200);
    }
  }
  const queue = async (username: string, query: Record<string, string | number | boolean> = {}): Promise<Task[]> => {
    const res = await get(username, 'tasks', { limit: 200, ...query });
    expect(res.status).toBe(200);
    return res.body.items as Task[];
  };
  const caseTasks = async (username: string, caseId: string): Promise<Task[]> => {
    const res = await get(username, `cases/${caseId}/tasks`);
    expect(res.status).toBe(200);
    return res.body as Task[];
  };
  const responsibility = async (username: string, caseId: string): Promise<Responsibility> => {
    const res = await get(username, `cases/${caseId}/responsibility`);
    expect(res.status).toBe(200);
    return res.body as Responsibility;
  };
  /** Pages through a task queue by keyset; stops (and fails) rather than loop forever on a cursor that repeats. */
  async function paged(username: string, query: Record<string, string | number | boolean>, limit: number, bound: number): Promise<Task[]> {
    const seen: Task[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < bound; page++) {
      const res = await get(username, 'tasks', { ...query, limit, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      const items = res.body.items as Task[];
      expect(items.length).toBeLessThanOrEqual(limit);
      seen.push(...items);
      cursor = res.body.nextCursor as string | undefined;
      if (!cursor) return seen;
    }
    return seen;
  }
  return { get, post, put, fields, userId, victim, referralOf, accept, sent, withdrawAll, queue, caseTasks, responsibility, paged };
}

const sortedByDue = (tasks: { dueAt: string; id: string }[]): { dueAt: string; id: string }[] =>
  [...tasks].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('case management: tasks, responsibility, transfer of the lead, services, closure, timeline', () => {
  let api: DemoApi;
  const { get, post, put, fields, userId, victim, referralOf, accept, sent, withdrawAll, queue, caseTasks, responsibility, paged } = client(() => api);
  let ids: Record<string, string>;

  beforeAll(async () => {
    api = await startDemoApi('casemgmt');
    ids = {
      antiTrafficking: await api.agencyId('Anti-Trafficking Secretariat'),
      shelter: await api.agencyId('Tumaini Shelter'),
      childProtection: await api.agencyId('Child Protection Service'),
      asylum: await api.agencyId('Refugee Status Authority'),
      border: await api.agencyId('Border Management Service'),
      shelterCaseworker: await userId('shelter.caseworker'),
      shelterManager: await userId('shelter.manager'),
      coordinator: await userId('trafficking.coordinator'),
      borderOfficial: await userId('border.official'),
      borderSupervisor: await userId('border.supervisor'),
      asylumReviewer: await userId('asylum.reviewer'),
      childProtectionOfficer: await userId('child.protection'),
    };
  }, 60_000);
  afterAll(() => api.close());

  describe('tasks', () => {
    it('adds a task when re-profiling brings a new required action to a referral the agency already took on', async () => {
      // The demo has no user at the health service: one, made as the system administrator would.
      const [hospital] = await api.owner<{ id: string }>(`SELECT id FROM agency WHERE kind = 'HEALTH'`);
      const made = await post('sysadmin', 'users', { username: 'hospital.desk', displayName: 'Hospital referral desk', agencyId: hospital.id, roles: ['CASEWORKER'], password: DEMO_PASSWORD });
      expect(made.status).toBe(201);
      const caseId = await registerArrival(api, { borderPoint: 'KGM', givenName: 'Zawadi', sex: 'FEMALE', answers: { critical_condition: true } });
      await accept('hospital.desk', caseId);
      const kinds = async (): Promise<string[]> => (await caseTasks('hospital.desk', caseId)).filter((t) => t.holder.agencyId === hospital.id).map((t) => t.kind).sort();
      expect(await kinds()).toEqual(['REPROFILE', 'STABILISE']);
      // She then discloses sexual violence: the SGBV profile's health action joins the health referral she already has.
      await addProfile(api, caseId, 'SGBV_SURVIVOR');
      expect(await kinds()).toEqual(['CLINICAL_CARE', 'REPROFILE', 'STABILISE']);
    });

    it('turns each action the SOP requires of the agency that accepts a referral into an open task due at the planned time, soonest first, and makes a lead referral’s agency the lead', async () => {
      const caseId = await victim('Aline');
      const lead = await referralOf('trafficking.coordinator', caseId);
      expect(lead.role).toBe('LEAD');
      const detail = await get('trafficking.coordinator', `referrals/${lead.id}`);
      expect(detail.status).toBe(200);
      const required = (detail.body.requiredActions as { action: string; dueAt: string }[]).map((a) => ({ kind: a.action, dueAt: new Date(a.dueAt).toISOString() }));
      expect(required.length).toBeGreaterThan(0);
      // Nothing is asked of the agency before it takes the referral on.
      expect((await queue('trafficking.coordinator')).filter((t) => t.caseId === caseId)).toEqual([]);
      expect((await responsibility('border.official', caseId)).lead).toBeNull();

      await accept('trafficking.coordinator', caseId);
      const all = await queue('trafficking.coordinator');
      const mine = all.filter((t) => t.caseId === caseId);
      expect(mine.map((t) => ({ kind: t.kind, dueAt: t.dueAt })).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([...required].sort((a, b) => a.kind.localeCompare(b.kind)));
      for (const t of mine) {
        expect(t).toMatchObject({ status: 'OPEN', referralId: lead.id, holder: { agencyId: ids.antiTrafficking, borderPointId: null }, assignedTo: null, overdue: false, closedAt: null });
      }
      // Soonest due first, the whole queue.
      expect(all.map((t) => t.id)).toEqual(sortedByDue(all).map((t) => t.id));
      const stored = await api.owner<{ n: string }>(`SELECT count(*) AS n FROM case_task WHERE referral_id = $1`, [lead.id]);
      expect(Number(stored[0].n)).toBe(required.length);

      const held = await responsibility('trafficking.coordinator', caseId);
      expect(held.lead).toMatchObject({ agencyId: ids.antiTrafficking, agencyName: 'Anti-Trafficking Secretariat', source: 'REFERRAL' });
      expect((await responsibility('border.official', caseId)).lead?.agencyId).toBe(ids.antiTrafficking);

      // A supporting referral taken on gives its agency its own tasks, but not the lead.
      const shelterReferral = await accept('shelter.caseworker', caseId);
      expect(shelterReferral.requiredActions.length).toBeGreaterThan(0);
      const shelterTasks = (await queue('shelter.caseworker')).filter((t) => t.caseId === caseId);
      expect(shelterTasks.map((t) => t.kind).sort()).toEqual(shelterReferral.requiredActions.map((a) => a.action).sort());
      expect(shelterTasks.every((t) => t.holder.agencyId === ids.shelter && t.referralId === shelterReferral.id)).toBe(true);
      expect((await responsibility('shelter.caseworker', caseId)).lead?.agencyId).toBe(ids.antiTrafficking);
    });

    it('cancels the open tasks of a referral the border point withdraws, and only those', async () => {
      const caseId = await victim('Bahati');
      const lead = await accept('trafficking.coordinator', caseId);
      const shelterReferral = await accept('shelter.caseworker', caseId);
      expect((await queue('trafficking.coordinator')).filter((t) => t.caseId === caseId)).toHaveLength(lead.requiredActions.length);

      const withdrawn = await post('border.official', `referrals/${lead.id}/withdraw`, { reason: 'Identified by mistake: the debt was to her family' });
      expect(withdrawn.status).toBe(200);
      expect((await queue('trafficking.coordinator')).filter((t) => t.caseId === caseId)).toEqual([]);
      const tasks = await caseTasks('border.official', caseId);
      const ofLead = tasks.filter((t) => t.referralId === lead.id);
      expect(ofLead).toHaveLength(lead.requiredActions.length);
      for (const t of ofLead) expect(t).toMatchObject({ status: 'CANCELLED', closeReason: 'Referral withdrawn', closedAt: expect.any(String) });
      // The shelter's tasks are for its own referral, which still stands.
      const ofShelter = tasks.filter((t) => t.referralId === shelterReferral.id);
      expect(ofShelter.length).toBeGreaterThan(0);
      expect(ofShelter.every((t) => t.status === 'OPEN')).toBe(true);
    });

    it('adds a caseworker’s own task for the agency, assigned only within the agency, and refuses bad fields naming them', async () => {
      const caseId = await victim('Chausiku');
      const added = await post('shelter.caseworker', `cases/${caseId}/tasks`, { title: 'Book a female Kinyarwanda interpreter', dueAt: at(48), note: 'For the safety assessment', assignedTo: ids.shelterManager });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        caseId,
        kind: 'CUSTOM',
        title: 'Book a female Kinyarwanda interpreter',
        note: 'For the safety assessment',
        holder: { agencyId: ids.shelter, borderPointId: null },
        assignedTo: ids.shelterManager,
        status: 'OPEN',
        overdue: false,
      });
      expect((await queue('shelter.manager', { view: 'MINE' })).map((t) => t.id)).toContain(added.body.id);
      expect((await queue('shelter.caseworker', { view: 'MINE' })).map((t) => t.id)).not.toContain(added.body.id);

      const outsider = await post('shelter.caseworker', `cases/${caseId}/tasks`, { title: 'Call the coordinator', dueAt: at(4), assignedTo: ids.coordinator });
      expect(outsider.status).toBe(400);
      expect(outsider.body.code).toBe('CASE.NOT_A_COLLEAGUE');
      expect(fields(outsider)).toEqual(['assignedTo']);
      const bad = await post('shelter.caseworker', `cases/${caseId}/tasks`, { title: 'x', dueAt: 'tomorrow', assignedTo: 'someone' });
      expect(bad.status).toBe(400);
      expect(fields(bad).sort()).toEqual(['assignedTo', 'dueAt', 'title']);
      expect((await post('legal.caseworker', `cases/${caseId}/tasks`, { title: 'Not our case', dueAt: at(4) })).status).toBe(404);
      expect((await post('analyst', `cases/${caseId}/tasks`, { title: 'Not our role', dueAt: at(4) })).status).toBe(403);
      const custom = await api.owner<{ kind: string; created_by: string }>(`SELECT kind, created_by FROM case_task WHERE case_id = $1 AND kind = 'CUSTOM'`, [caseId]);
      expect(custom).toEqual([{ kind: 'CUSTOM', created_by: ids.shelterCaseworker }]);
    });

    it('filters the queue by overdue, and pages it by keyset with every task once in order', async () => {
      const caseId = await victim('Dalila');
      const late = (await post('shelter.caseworker', `cases/${caseId}/tasks`, { title: 'Call the hospital back', dueAt: at(-2) })).body as Task;
      const soon = (await post('shelter.caseworker', `cases/${caseId}/tasks`, { title: 'Visit the room', dueAt: at(30) })).body as Task;
      expect(late.overdue).toBe(true);
      expect(soon.overdue).toBe(false);
      const overdue = await queue('shelter.caseworker', { overdue: true });
      expect(overdue.map((t) => t.id)).toContain(late.id);
      expect(overdue.map((t) => t.id)).not.toContain(soon.id);
      expect(overdue.every((t) => t.overdue)).toBe(true);
      const notYet = await queue('shelter.caseworker', { overdue: false });
      expect(notYet.map((t) => t.id)).toContain(soon.id);
      expect(notYet.map((t) => t.id)).not.toContain(late.id);
      expect(notYet.every((t) => !t.overdue)).toBe(true);
      expect((await get('shelter.caseworker', 'tasks', { overdue: 'maybe', view: 'EVERYONE', limit: 0 })).status).toBe(400);

      // Two tasks due at the same instant straddle a page boundary.
      const same = at(10);
      for (const title of ['Same time one', 'Same time two', 'Same time three']) {
        expect((await post('shelter.caseworker', `cases/${caseId}/tasks`, { title, dueAt: same })).status).toBe(201);
      }
      const all = await queue('shelter.caseworker');
      expect(all.length).toBeGreaterThanOrEqual(5);
      expect(all.map((t) => t.id)).toEqual(sortedByDue(all).map((t) => t.id));
      const pages = await paged('shelter.caseworker', {}, 2, all.length + 2);
      expect(pages.map((t) => t.id)).toEqual(all.map((t) => t.id));
      expect((await get('shelter.caseworker', 'tasks', { cursor: 'not-a-cursor' })).status).toBe(400);
    });

    it('pages a border point’s queue (the system’s consent tasks) by keyset with every task once in order', async () => {
      for (const name of ['Esther', 'Faraja', 'Gift']) {
        await registerArrival(api, { borderPoint: 'KGM', givenName: name, sex: 'FEMALE', answers: { movement_controlled: true, debt_bondage: true } });
      }
      const all = await queue('border.official');
      expect(all.filter((t) => t.kind === 'OBTAIN_CONSENT').length).toBeGreaterThanOrEqual(3);
      expect(all.every((t) => t.holder.borderPointId !== null)).toBe(true);
      const pages = await paged('border.official', {}, 1, all.length + 2);
      expect(pages.map((t) => `${t.kind}:${t.id}`)).toEqual(all.map((t) => `${t.kind}:${t.id}`));
    });

    it('completes and cancels a task once, a cancel needs a reason, and only the holding agency closes it', async () => {
      const caseId = await victim('Halima');
      const one = (await post('shelter.caseworker', `cases/${caseId}/tasks`, { title: 'Buy a phone card', dueAt: at(5) })).body as Task;
      const two = (await post('shelter.caseworker', `cases/${caseId}/tasks`, { title: 'Arrange a clinic visit', dueAt: at(6) })).body as Task;

      // Another agency that sees the case may not close the shelter's task; one that does not see it finds none.
      const notYours = await post('trafficking.coordinator', `tasks/${one.id}/complete`);
      expect(notYours.status).toBe(403);
      expect(notYours.body.code).toBe('TASK.NOT_YOURS');
      const unseen = await post('legal.caseworker', `tasks/${one.id}/complete`);
      expect(unseen.status).toBe(404);
      expect(unseen.body.code).toBe('TASK.NOT_FOUND');
      expect((await post('shelter.caseworker', `tasks/${randomUUID()}/complete`)).status).toBe(404);

      const done = await post('shelter.manager', `tasks/${one.id}/complete`);
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ id: one.id, status: 'DONE', closedAt: expect.any(String), overdue: false });
      const again = await post('shelter.caseworker', `tasks/${one.id}/complete`);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('TASK.CLOSED');

      const noReason = await post('shelter.caseworker', `tasks/${two.id}/cancel`);
      expect(noReason.status).toBe(400);
      expect(fields(noReason)).toEqual(['reason']);
      expect((await caseTasks('shelter.caseworker', caseId)).find((t) => t.id === two.id)?.status).toBe('OPEN');
      const cancelled = await post('shelter.caseworker', `tasks/${two.id}/cancel`, { reason: 'The hospital came to the shelter' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'CANCELLED', closeReason: 'The hospital came to the shelter' });
      const twice = await post('shelter.caseworker', `tasks/${two.id}/cancel`, { reason: 'Once more' });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('TASK.CLOSED');
      expect((await post('shelter.caseworker', `tasks/${one.id}/cancel`, { reason: 'Changed my mind' })).status).toBe(409);

      const open = (await queue('shelter.caseworker')).map((t) => t.id);
      expect(open).not.toContain(one.id);
      expect(open).not.toContain(two.id);
      const stored = await api.owner<{ id: string; status: string; closed_by: string }>(`SELECT id, status, closed_by FROM case_task WHERE id = ANY ($1::uuid[]) ORDER BY due_at`, [[one.id, two.id]]);
      expect(stored).toEqual([
        { id: one.id, status: 'DONE', closed_by: ids.shelterManager },
        { id: two.id, status: 'CANCELLED', closed_by: ids.shelterCaseworker },
      ]);
    });
  });

  describe('assignment', () => {
    it('lets the agency manager assign the case within the agency, one active assignment per agency, and refuses others', async () => {
      const caseId = await victim('Imani');
      const assigned = await put('shelter.manager', `cases/${caseId}/assignment`, { userId: ids.shelterCaseworker });
      expect(assigned.status).toBe(200);
      expect((assigned.body as unknown as Responsibility).assignments).toEqual([expect.objectContaining({ agencyId: ids.shelter, userId: ids.shelterCaseworker })]);

      const outsider = await put('shelter.manager', `cases/${caseId}/assignment`, { userId: ids.coordinator });
      expect(outsider.status).toBe(400);
      expect(fields(outsider)).toEqual(['userId']);
      const caseworker = await put('shelter.caseworker', `cases/${caseId}/assignment`, { userId: ids.shelterCaseworker });
      expect(caseworker.status).toBe(403);
      expect((await put('shelter.manager', `cases/${caseId}/assignment`, { userId: 'nobody' })).status).toBe(400);

      // Another agency's assignment stands beside the shelter's.
      expect((await put('border.supervisor', `cases/${caseId}/assignment`, { userId: ids.borderOfficial })).status).toBe(200);
      const reassigned = await put('shelter.manager', `cases/${caseId}/assignment`, { userId: ids.shelterManager });
      expect(reassigned.status).toBe(200);
      const now = await responsibility('border.official', caseId);
      expect(now.assignments.map((a) => [a.agencyId, a.userId]).sort()).toEqual(
        [
          [ids.shelter, ids.shelterManager],
          [ids.border, ids.borderOfficial],
        ].sort(),
      );
      const rows = await api.owner<{ user_id: string; ended_at: Date | null; ended_by: string | null }>(
        `SELECT user_id, ended_at, ended_by FROM case_assignment WHERE case_id = $1 AND agency_id = $2 ORDER BY assigned_at`,
        [caseId, ids.shelter],
      );
      expect(rows.map((r) => [r.user_id, r.ended_at !== null, r.ended_by])).toEqual([
        [ids.shelterCaseworker, true, ids.shelterManager],
        [ids.shelterManager, false, null],
      ]);
    });
  });

  describe('transfer of the lead', () => {
    it('lets only the lead propose, needs consent or a legal basis for the recipient, and lets the recipient see the case only once it accepts', async () => {
      const caseId = await victim('Jamila');
      await accept('trafficking.coordinator', caseId);
      const transfersOf = async () => api.owner<{ status: string }>(`SELECT status FROM case_transfer WHERE case_id = $1 ORDER BY proposed_at`, [caseId]);
      const body = { toAgencyId: ids.childProtection, reason: 'She disclosed she is 16: the child-protection service leads from now on' };

      const shelter = await post('shelter.caseworker', `cases/${caseId}/transfers`, body);
      expect(shelter.status).toBe(403);
      expect(shelter.body.code).toBe('TRANSFER.NOT_LEAD');
      const official = await post('border.official', `cases/${caseId}/transfers`, body);
      expect(official.status).toBe(403);
      expect(official.body.code).toBe('TRANSFER.NOT_LEAD');
      expect((await post('legal.caseworker', `cases/${caseId}/transfers`, body)).status).toBe(404);

      const noConsent = await post('trafficking.coordinator', `cases/${caseId}/transfers`, body);
      expect(noConsent.status).toBe(409);
      expect(noConsent.body.code).toBe('TRANSFER.NO_CONSENT');
      expect(await transfersOf()).toEqual([]);
      expect(await api.owner(`SELECT 1 FROM audit_event WHERE case_id = $1 AND action = 'TRANSFER.PROPOSED' AND outcome = 'SUCCESS'`, [caseId])).toEqual([]);
      expect((await post('trafficking.coordinator', `cases/${caseId}/transfers`, { toAgencyId: ids.antiTrafficking, reason: 'To ourselves, for no reason' })).status).toBe(400);
      const short = await post('trafficking.coordinator', `cases/${caseId}/transfers`, { toAgencyId: 'x', reason: 'short' });
      expect(short.status).toBe(400);
      expect(fields(short).sort()).toEqual(['reason', 'toAgencyId']);

      const consent = await post('border.official', `cases/${caseId}/consents`, { purpose: 'REFERRAL', recipientAgencyId: ids.childProtection, decision: 'GIVEN', language: 'sw' });
      expect(consent.status).toBe(201);
      const proposed = await post('trafficking.coordinator', `cases/${caseId}/transfers`, body);
      expect(proposed.status).toBe(201);
      const transfer = proposed.body as unknown as Transfer;
      expect(transfer).toMatchObject({
        caseId,
        status: 'PROPOSED',
        fromAgency: { id: ids.antiTrafficking },
        toAgency: { id: ids.childProtection, name: 'Child Protection Service' },
        basis: { kind: 'CONSENT', consentId: consent.body.id },
        decidedAt: null,
      });
      const twice = await post('trafficking.coordinator', `cases/${caseId}/transfers`, body);
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('TRANSFER.ALREADY_PROPOSED');

      // The recipient sees the proposal, not the case.
      const incoming = await get('child.protection', 'transfers', { direction: 'INCOMING' });
      expect(incoming.status).toBe(200);
      const seen = (incoming.body as unknown as Transfer[]).find((t) => t.id === transfer.id);
      expect(seen).toMatchObject({ status: 'PROPOSED', caseNumber: null });
      expect((await get('child.protection', `cases/${caseId}`)).status).toBe(404);
      expect((await get('child.protection', `cases/${caseId}/responsibility`)).status).toBe(404);
      expect(((await get('legal.caseworker', 'transfers')).body as unknown as Transfer[]).map((t) => t.id)).not.toContain(transfer.id);
      expect(((await get('trafficking.coordinator', 'transfers', { direction: 'OUTGOING' })).body as unknown as Transfer[]).map((t) => t.id)).toContain(transfer.id);
      expect((await get('child.protection', 'transfers', { direction: 'SIDEWAYS' })).status).toBe(400);
      const notAddressed = await post('shelter.caseworker', `transfers/${transfer.id}/accept`);
      expect(notAddressed.status).toBe(403);
      const noReason = await post('child.protection', `transfers/${transfer.id}/decline`);
      expect(noReason.status).toBe(400);
      expect(fields(noReason)).toEqual(['reason']);

      const accepted = await post('child.protection', `transfers/${transfer.id}/accept`);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'ACCEPTED', decidedAt: expect.any(String), caseNumber: expect.stringMatching(/^TZA-KGM-/) });
      expect((await get('child.protection', `cases/${caseId}`)).status).toBe(200);
      const held = await responsibility('child.protection', caseId);
      expect(held.lead).toMatchObject({ agencyId: ids.childProtection, source: 'TRANSFER' });
      expect(held.transfers.map((t) => t.status)).toEqual(['ACCEPTED']);
      const lead = await api.owner<{ agency_id: string; transfer_id: string; referral_id: string | null }>(`SELECT agency_id, transfer_id, referral_id FROM case_lead WHERE case_id = $1`, [caseId]);
      expect(lead).toEqual([{ agency_id: ids.childProtection, transfer_id: transfer.id, referral_id: null }]);
      const again = await post('child.protection', `transfers/${transfer.id}/accept`);
      expect(again.status).toBe(409);
      expect((await post('child.protection', `transfers/${transfer.id}/decline`, { reason: 'Too late' })).status).toBe(409);
      expect((await post('trafficking.coordinator', `transfers/${transfer.id}/cancel`, { reason: 'Too late' })).status).toBe(409);

      // The former lead no longer proposes; the new one does, and may cancel its proposal.
      const former = await post('trafficking.coordinator', `cases/${caseId}/transfers`, { toAgencyId: ids.shelter, reason: 'The shelter knows her best by now' });
      expect(former.status).toBe(403);
      expect(former.body.code).toBe('TRANSFER.NOT_LEAD');
      const back = await post('child.protection', `cases/${caseId}/transfers`, { toAgencyId: ids.antiTrafficking, reason: 'Age assessment found an adult: back to the coordinator' });
      expect(back.status).toBe(201);
      expect((back.body as unknown as Transfer).basis.kind).toBe('CONSENT');
      expect((await post('trafficking.coordinator', `transfers/${back.body.id}/cancel`, { reason: 'Not ours to cancel' })).status).toBe(403);
      expect(fields(await post('child.protection', `transfers/${back.body.id}/cancel`))).toEqual(['reason']);
      const cancelled = await post('child.protection', `transfers/${back.body.id}/cancel`, { reason: 'The assessment is appealed' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'CANCELLED', decisionReason: 'The assessment is appealed' });
      const third = await post('child.protection', `cases/${caseId}/transfers`, { toAgencyId: ids.antiTrafficking, reason: 'Appeal dismissed: back to the coordinator' });
      expect(third.status).toBe(201);
      const declined = await post('trafficking.coordinator', `transfers/${third.body.id}/decline`, { reason: 'No capacity this month' });
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({ status: 'DECLINED', decisionReason: 'No capacity this month' });
      expect((await responsibility('border.official', caseId)).lead?.agencyId).toBe(ids.childProtection);
      expect(await transfersOf()).toEqual([{ status: 'ACCEPTED' }, { status: 'CANCELLED' }, { status: 'DECLINED' }]);
    });
  });

  describe('transfer after the basis went', () => {
    it('refuses to accept a transfer once the consent it relied on was withdrawn, and grants nothing', async () => {
      const caseId = await victim('Rehema');
      await accept('trafficking.coordinator', caseId);
      const consent = await post('border.official', `cases/${caseId}/consents`, { purpose: 'REFERRAL', recipientAgencyId: ids.childProtection, decision: 'GIVEN', language: 'sw' });
      const proposed = await post('trafficking.coordinator', `cases/${caseId}/transfers`, { toAgencyId: ids.childProtection, reason: 'She disclosed she is 16: child protection leads' });
      expect(proposed.status).toBe(201);
      expect((await post('border.official', `cases/${caseId}/consents/${consent.body.id}/withdraw`, { reason: 'She does not want the service involved' })).status).toBe(200);
      const refused = await post('child.protection', `transfers/${proposed.body.id}/accept`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('TRANSFER.NO_LONGER_VALID');
      expect((await get('child.protection', `cases/${caseId}`)).status).toBe(404);
      expect(await api.owner(`SELECT a.name FROM case_lead l JOIN agency a ON a.id = l.agency_id WHERE l.case_id = $1`, [caseId])).toEqual([{ name: 'Anti-Trafficking Secretariat' }]);
    });
  });

  describe('closure', () => {
    it('refuses to close with open referrals, lets only the lead close and reopen, cancels the open tasks, and refuses to close twice', async () => {
      const caseId = await victim('Kulwa');
      const lead = await accept('trafficking.coordinator', caseId);
      const mineTask = (await post('shelter.caseworker', `cases/${caseId}/tasks`, { title: 'Follow up on the room', dueAt: at(12) })).body as Task;
      const close = { outcomeCode: 'LOCAL_INTEGRATION', reason: 'Settled with her sister in Kigoma' };

      const open = await post('trafficking.coordinator', `cases/${caseId}/close`, close);
      expect(open.status).toBe(409);
      expect(open.body.code).toBe('CASE.OPEN_REFERRALS');
      // Only how many: which other agencies hold the case is not the closer's to learn from a refusal.
      expect(open.body.details?.openReferrals).toBe((await sent(caseId)).filter((r) => !['DECLINED', 'COMPLETED', 'WITHDRAWN'].includes(r.status)).length);
      expect(JSON.stringify(open.body)).not.toContain('Tumaini');
      const official = await post('border.official', `cases/${caseId}/close`, close);
      expect(official.status).toBe(403);
      expect(official.body.code).toBe('CASE.NOT_THE_LEAD');
      expect((await post('shelter.caseworker', `cases/${caseId}/close`, close)).status).toBe(403);
      expect((await post('legal.caseworker', `cases/${caseId}/close`, close)).status).toBe(404);

      expect((await post('trafficking.coordinator', `referrals/${lead.id}/complete`, { outcomeCode: 'SHELTERED_AND_ASSISTED' })).status).toBe(200);
      await withdrawAll(caseId);
      const current = (await get('trafficking.coordinator', `cases/${caseId}`)).body as { status: string; version: number };
      expect(current.status).toBe('OPEN');
      const stale = await post('trafficking.coordinator', `cases/${caseId}/close`, { ...close, version: current.version + 5 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('CASE.VERSION_CONFLICT');
      const badOutcome = await post('trafficking.coordinator', `cases/${caseId}/close`, { outcomeCode: 'HAPPY', reason: 'no' });
      expect(badOutcome.status).toBe(400);
      expect(fields(badOutcome).sort()).toEqual(['outcomeCode', 'reason']);

      const closed = await post('trafficking.coordinator', `cases/${caseId}/close`, { ...close, version: current.version });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ caseId, status: 'CLOSED', version: current.version + 1, closure: { outcomeCode: 'LOCAL_INTEGRATION', reason: close.reason, agencyId: ids.antiTrafficking } });
      expect(((await get('border.official', `cases/${caseId}`)).body as { status: string }).status).toBe('CLOSED');
      const tasks = await caseTasks('border.official', caseId);
      expect(tasks.filter((t) => t.status === 'OPEN')).toEqual([]);
      expect(tasks.find((t) => t.id === mineTask.id)).toMatchObject({ status: 'CANCELLED', closeReason: 'Case closed' });
      // The lead's required actions of a completed referral were still open: the closure cancels them too.
      expect(tasks.filter((t) => t.referralId === lead.id).map((t) => [t.status, t.closeReason])).toEqual(lead.requiredActions.map(() => ['CANCELLED', 'Case closed']));
      const twice = await post('trafficking.coordinator', `cases/${caseId}/close`, close);
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('CASE.ALREADY_CLOSED');

      const noReason = await post('trafficking.coordinator', `cases/${caseId}/reopen`);
      expect(noReason.status).toBe(400);
      expect(fields(noReason)).toEqual(['reason']);
      expect((await post('shelter.caseworker', `cases/${caseId}/reopen`, { reason: 'She came back' })).status).toBe(403);
      const reopened = await post('trafficking.coordinator', `cases/${caseId}/reopen`, { reason: 'She came back to the shelter asking for help' });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'OPEN', closure: null });
      expect(((await get('border.official', `cases/${caseId}`)).body as { status: string }).status).toBe('OPEN');
      const notClosed = await post('trafficking.coordinator', `cases/${caseId}/reopen`, { reason: 'Once more, with feeling' });
      expect(notClosed.status).toBe(409);
      expect(notClosed.body.code).toBe('CASE.NOT_CLOSED');
      const kept = await api.owner<{ outcome_code: string; reopen_reason: string | null; reopened_by: string | null }>(
        `SELECT outcome_code, reopen_reason, reopened_by FROM case_closure WHERE case_id = $1`,
        [caseId],
      );
      expect(kept).toEqual([{ outcome_code: 'LOCAL_INTEGRATION', reopen_reason: 'She came back to the shelter asking for help', reopened_by: ids.coordinator }]);
    });

    it('refuses to close while another agency’s referral is still open, even once the lead’s own referral is complete', async () => {
      const caseId = await victim('Latifa');
      const lead = await accept('trafficking.coordinator', caseId);
      expect((await post('trafficking.coordinator', `referrals/${lead.id}/complete`, { outcomeCode: 'SHELTERED_AND_ASSISTED' })).status).toBe(200);
      const stillOpen = (await sent(caseId)).filter((r) => r.id !== lead.id);
      expect(stillOpen.map((r) => r.status)).toEqual(stillOpen.map(() => 'PENDING'));
      expect(stillOpen.length).toBeGreaterThan(0);

      const refused = await post('trafficking.coordinator', `cases/${caseId}/close`, { outcomeCode: 'LOCAL_INTEGRATION', reason: 'Settled with her sister in Kigoma' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'CASE.OPEN_REFERRALS' });
      expect(refused.body.details?.openReferrals).toBe(stillOpen.length);
      expect(await api.owner(`SELECT status FROM case_file WHERE id = $1`, [caseId])).toEqual([{ status: 'OPEN' }]);
    });

    it('lets the border point of arrival close a case no agency leads', async () => {
      const caseId = await registerArrival(api, { borderPoint: 'NMG', givenName: 'Lazaro', answers: { reasons_for_leaving: ['WORK'] } });
      await withdrawAll(caseId);
      expect((await responsibility('border.official', caseId)).lead).toBeNull();
      expect((await post('airport.official', `cases/${caseId}/close`, { outcomeCode: 'NO_PROTECTION_NEEDS', reason: 'Went on to Arusha for work' })).status).toBe(404);
      const closed = await post('border.official', `cases/${caseId}/close`, { outcomeCode: 'NO_PROTECTION_NEEDS', reason: 'Went on to Arusha for work' });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'CLOSED', closure: { outcomeCode: 'NO_PROTECTION_NEEDS', agencyId: ids.border } });
      expect((await post('border.official', `cases/${caseId}/reopen`, { reason: 'Came back to the post' })).status).toBe(200);
    });
  });

  describe('services delivered', () => {
    it('records a service for the agency and shows it to the sending border point (the closed loop); a referral of another agency is refused naming it', async () => {
      const caseId = await victim('Mwajuma');
      const shelterReferral = await accept('shelter.caseworker', caseId);
      const leadReferral = await referralOf('trafficking.coordinator', caseId);

      const recorded = await post('shelter.caseworker', `cases/${caseId}/services`, {
        kind: 'SHELTER',
        provider: 'Tumaini Shelter',
        deliveredOn: day(),
        note: 'Two weeks in the women’s house',
        referralId: shelterReferral.id,
      });
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({ kind: 'SHELTER', provider: 'Tumaini Shelter', deliveredOn: day(), agencyId: ids.shelter, referralId: shelterReferral.id });
      expect((await post('trafficking.coordinator', `cases/${caseId}/services`, { kind: 'PSYCHOSOCIAL', provider: 'Anti-Trafficking Secretariat', deliveredOn: day(-1) })).status).toBe(201);

      const seen = await get('border.official', `cases/${caseId}/services`);
      expect(seen.status).toBe(200);
      expect((seen.body as unknown as { kind: string; agencyId: string; deliveredOn: string; referralId: string | null }[]).map((s) => [s.kind, s.agencyId, s.deliveredOn, s.referralId])).toEqual([
        ['PSYCHOSOCIAL', ids.antiTrafficking, day(-1), null],
        ['SHELTER', ids.shelter, day(), shelterReferral.id],
      ]);

      const others = await post('shelter.caseworker', `cases/${caseId}/services`, { kind: 'MEDICAL_CARE', provider: 'Tumaini Shelter', deliveredOn: day(), referralId: leadReferral.id });
      expect(others.status).toBe(400);
      expect(fields(others)).toEqual(['referralId']);
      const unknown = await post('shelter.caseworker', `cases/${caseId}/services`, { kind: 'MEDICAL_CARE', provider: 'Tumaini Shelter', deliveredOn: day(), referralId: randomUUID() });
      expect(fields(unknown)).toEqual(['referralId']);
      const bad = await post('shelter.caseworker', `cases/${caseId}/services`, { kind: 'HUGS', provider: 'T', deliveredOn: '2026-13-40' });
      expect(bad.status).toBe(400);
      expect(fields(bad).sort()).toEqual(['deliveredOn', 'kind', 'provider']);
      expect((await get('legal.caseworker', `cases/${caseId}/services`)).status).toBe(404);
      const stored = await api.owner<{ n: string }>(`SELECT count(*) AS n FROM service_delivery WHERE case_id = $1`, [caseId]);
      expect(Number(stored[0].n)).toBe(2);
    });
  });

  describe('timeline', () => {
    it('lists the audited case-management events in order with who acted, each only to readers who may see the field groups they touched', async () => {
      const caseId = await victim('Neema');
      const lead = await accept('trafficking.coordinator', caseId);
      await addProfile(api, caseId, 'ASYLUM_SEEKER');
      await consentToAll(api, caseId);
      expect((await post('asylum.reviewer', `cases/${caseId}/asylum-claim`, { registeredOn: day(), reference: 'RSA/2026/01234', procedure: 'REGULAR' })).status).toBe(201);
      expect((await post('border.official', `cases/${caseId}/detentions`, detentionBody({ place: 'Kigoma port holding room' }))).status).toBe(409);
      const justification = 'Trafficker seen at the port gate; held in the family room for her safety until the shelter van arrives in the morning.';
      const held = await post('border.supervisor', `cases/${caseId}/detentions`, detentionBody({ place: 'Kigoma port holding room', overrideJustification: justification }));
      expect(held.status).toBe(201);
      expect((await put('shelter.manager', `cases/${caseId}/assignment`, { userId: ids.shelterCaseworker })).status).toBe(200);
      const proposed = await post('trafficking.coordinator', `cases/${caseId}/transfers`, { toAgencyId: ids.asylum, reason: 'She fears return: the asylum authority leads while the claim runs' });
      expect(proposed.status).toBe(201);
      expect((await post('asylum.reviewer', `transfers/${proposed.body.id}/accept`)).status).toBe(200);
      expect((await post('shelter.caseworker', `cases/${caseId}/services`, { kind: 'SHELTER', provider: 'Tumaini Shelter', deliveredOn: day() })).status).toBe(201);
      expect((await post('trafficking.coordinator', `referrals/${lead.id}/complete`, { outcomeCode: 'SHELTERED_AND_ASSISTED' })).status).toBe(200);
      await withdrawAll(caseId);
      // Not while she is held: the detention ends first.
      const detained = await post('asylum.reviewer', `cases/${caseId}/close`, { outcomeCode: 'RECOGNISED_REFUGEE', reason: 'Recognised; moved to Dar es Salaam' });
      expect(detained.body.code).toBe('CASE.DETENTION_OPEN');
      expect((await post('border.supervisor', `cases/${caseId}/detentions/${held.body.id}/end`, { endedAt: at(), reason: 'Shelter van arrived' })).status).toBe(200);
      expect((await post('asylum.reviewer', `cases/${caseId}/close`, { outcomeCode: 'RECOGNISED_REFUGEE', reason: 'Recognised; moved to Dar es Salaam' })).status).toBe(200);
      expect((await post('asylum.reviewer', `cases/${caseId}/reopen`, { reason: 'Came back to Kigoma asking for help' })).status).toBe(200);

      const timeline = async (username: string): Promise<Entry[]> => {
        const res = await get(username, `cases/${caseId}/timeline`, { limit: 200 });
        expect(res.status).toBe(200);
        return res.body.items as Entry[];
      };
      const MANAGEMENT = ['SAFEGUARD_BLOCKED', 'SAFEGUARD_OVERRIDDEN', 'DETENTION_OPENED', 'CASE_ASSIGNED', 'TRANSFER_PROPOSED', 'TRANSFER_ACCEPTED', 'SERVICE_DELIVERED', 'CASE_CLOSED', 'CASE_REOPENED'];
      const border = await timeline('border.official');
      const times = border.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const worked = border.filter((e) => MANAGEMENT.includes(e.kind)).map((e) => [e.kind, e.actorUserId]);
      expect(worked[0]).toEqual(['SAFEGUARD_BLOCKED', ids.borderOfficial]);
      // The override and the episode it opened are one change (their order within it is not the point).
      expect(worked.slice(1, 3).sort()).toEqual([
        ['DETENTION_OPENED', ids.borderSupervisor],
        ['SAFEGUARD_OVERRIDDEN', ids.borderSupervisor],
      ]);
      expect(worked.slice(3)).toEqual([
        ['CASE_ASSIGNED', ids.shelterManager],
        ['TRANSFER_PROPOSED', ids.coordinator],
        ['TRANSFER_ACCEPTED', ids.asylumReviewer],
        ['SERVICE_DELIVERED', ids.shelterCaseworker],
        ['CASE_CLOSED', ids.asylumReviewer],
        ['CASE_REOPENED', ids.asylumReviewer],
      ]);
      // Paged by its cursor, the same entries come once each.
      const pagedEntries: Entry[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < border.length + 2; page++) {
        const res = await get('border.official', `cases/${caseId}/timeline`, { limit: 4, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        pagedEntries.push(...(res.body.items as Entry[]));
        cursor = res.body.nextCursor as string | undefined;
        if (!cursor) break;
      }
      expect(pagedEntries).toEqual(border);
      // The border authority does not receive the asylum section; the asylum authority does.
      expect(border.filter((e) => e.kind.startsWith('ASYLUM_'))).toEqual([]);
      const asylum = await timeline('asylum.reviewer');
      expect(asylum.filter((e) => e.kind.startsWith('ASYLUM_')).map((e) => [e.kind, e.actorUserId])).toEqual([['ASYLUM_CLAIM_REGISTERED', ids.asylumReviewer]]);
      expect(asylum.map((e) => e.kind)).toEqual(expect.arrayContaining(['TRANSFER_ACCEPTED', 'CASE_CLOSED', 'CASE_REOPENED']));

      // The shelter receives neither the asylum nor the detention section, but sees the case being worked.
      const shelter = await timeline('shelter.caseworker');
      expect(shelter.filter((e) => e.kind.startsWith('ASYLUM_') || e.kind.startsWith('DETENTION_'))).toEqual([]);
      expect(shelter.filter((e) => MANAGEMENT.includes(e.kind)).map((e) => e.kind)).toEqual([
        'SAFEGUARD_BLOCKED',
        'SAFEGUARD_OVERRIDDEN',
        'CASE_ASSIGNED',
        'TRANSFER_PROPOSED',
        'TRANSFER_ACCEPTED',
        'SERVICE_DELIVERED',
        'CASE_CLOSED',
        'CASE_REOPENED',
      ]);
      const audited = await api.owner<{ action: string }>(
        `SELECT action FROM audit_event WHERE case_id = $1 AND action IN ('CASE.ASSIGNED', 'TRANSFER.PROPOSED', 'TRANSFER.ACCEPTED', 'SERVICE.DELIVERED', 'CASE.CLOSED', 'CASE.REOPENED') ORDER BY occurred_at, id`,
        [caseId],
      );
      expect(audited.map((a) => a.action.replace('.', '_'))).toEqual(['CASE_ASSIGNED', 'TRANSFER_PROPOSED', 'TRANSFER_ACCEPTED', 'SERVICE_DELIVERED', 'CASE_CLOSED', 'CASE_REOPENED']);
    });
  });
});

describe('the supervisor’s dashboard, on a fresh database', () => {
  let api: DemoApi;
  const { get, post, accept, queue } = client(() => api);

  beforeAll(async () => {
    api = await startDemoApi('casemgmt_dash');
  }, 60_000);
  afterAll(() => api.close());

  it('counts the border points’ caseload for the supervisor, only what the shelter holds for its manager, and refuses an official without the permission', async () => {
    // A: consented, the coordinator took the lead, the shelter has two tasks of its own (one overdue).
    const a = await registerArrival(api, { borderPoint: 'KGM', givenName: 'Olive', sex: 'FEMALE', answers: { movement_controlled: true, debt_bondage: true } });
    await consentToAll(api, a);
    await accept('trafficking.coordinator', a);
    expect((await post('shelter.caseworker', `cases/${a}/tasks`, { title: 'Late call to the clinic', dueAt: at(-3) })).status).toBe(201);
    expect((await post('shelter.caseworker', `cases/${a}/tasks`, { title: 'Weekly visit', dueAt: at(50) })).status).toBe(201);
    // B: consented, nobody accepted yet (no lead).
    const b = await registerArrival(api, { borderPoint: 'KGM', givenName: 'Pendo', sex: 'FEMALE', answers: { movement_controlled: true, debt_bondage: true } });
    await consentToAll(api, b);
    // C: waiting for consent (its referrals held, the border point's consent task overdue).
    const cc = await registerArrival(api, { borderPoint: 'NMG', givenName: 'Queen', sex: 'FEMALE', answers: { movement_controlled: true, debt_bondage: true } });
    await api.owner(`UPDATE case_task SET due_at = now() - interval '1 hour' WHERE case_id = $1 AND kind = 'OBTAIN_CONSENT'`, [cc]);
    // D: a labour migrant whose case the border point closed.
    const d = await registerArrival(api, { borderPoint: 'NMG', givenName: 'Rashidi', answers: { reasons_for_leaving: ['WORK'] } });
    for (const r of await api.owner<{ id: string }>(`SELECT id FROM referral WHERE case_id = $1 AND status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')`, [d])) {
      expect((await post('border.official', `referrals/${r.id}/withdraw`, { reason: 'Went on to Arusha' })).status).toBe(200);
    }
    expect((await post('border.official', `cases/${d}/close`, { outcomeCode: 'NO_PROTECTION_NEEDS', reason: 'Went on to Arusha for work' })).status).toBe(200);
    // The shelter's referral of B is overdue for first contact.
    const shelterB = await api.owner<{ id: string }>(`SELECT r.id FROM referral r JOIN agency a ON a.id = r.agency_id WHERE r.case_id = $1 AND a.name = 'Tumaini Shelter'`, [b]);
    expect(shelterB).toHaveLength(1);
    await api.owner(`UPDATE referral SET overdue_at = now() WHERE id = $1`, [shelterB[0].id]);

    const referrals = await api.owner<{ case_id: string; status: string; agency: string }>(
      `SELECT r.case_id, r.status, a.name AS agency FROM referral r JOIN agency a ON a.id = r.agency_id`,
    );
    const isOpen = (s: string) => !['DECLINED', 'COMPLETED', 'WITHDRAWN'].includes(s);
    const profiles = await api.owner<{ profile: string; n: string }>(
      `SELECT p.profile, count(*) AS n FROM case_profile p JOIN case_file c ON c.id = p.case_id WHERE p.status <> 'REMOVED' AND c.status <> 'CLOSED' GROUP BY p.profile`,
    );
    // What the fixtures made: three presumed trafficking victims still open.
    expect(Object.fromEntries(profiles.map((p) => [p.profile, Number(p.n)]))).toMatchObject({ TRAFFICKING_VICTIM: 3 });

    const supervisor = await get('border.supervisor', 'dashboard');
    expect(supervisor.status).toBe(200);
    const s = supervisor.body as unknown as Dashboard;
    expect(s.scope).toBe('BORDER_POINTS');
    expect(s.caseload.byStatus).toEqual({ OPEN: 3, CLOSED: 1 });
    expect(s.caseload.byProfile).toEqual(Object.fromEntries(profiles.map((p) => [p.profile, Number(p.n)])));
    expect(s.referrals).toEqual({
      open: referrals.filter((r) => isOpen(r.status)).length,
      overdue: 1,
      awaitingConsent: referrals.filter((r) => r.case_id === cc && r.status === 'AWAITING_CONSENT').length,
      overdueByAgency: [{ agencyId: expect.any(String), agency: 'Tumaini Shelter', overdue: 1 }],
    });
    expect(s.referrals.awaitingConsent).toBeGreaterThan(0);
    expect(s.tasks).toEqual({ open: 1, overdue: 1 });
    expect(s.casesWithoutLead).toBe(2);
    expect(s.detention).toEqual({ open: 0, reviewOverdue: 0 });

    const manager = await get('shelter.manager', 'dashboard');
    expect(manager.status).toBe(200);
    const m = manager.body as unknown as Dashboard;
    expect(m.scope).toBe('AGENCY');
    // The shelter holds A and B (consented); C's referral still waits for consent and shows it nothing.
    expect(m.caseload.byStatus).toEqual({ OPEN: 2 });
    expect(m.caseload.byProfile).toEqual({ TRAFFICKING_VICTIM: 2 });
    expect(m.referrals).toEqual({ open: 2, overdue: 1, awaitingConsent: 0, overdueByAgency: [{ agencyId: expect.any(String), agency: 'Tumaini Shelter', overdue: 1 }] });
    const shelterTasks = await queue('shelter.manager');
    expect(m.tasks).toEqual({ open: shelterTasks.length, overdue: shelterTasks.filter((t) => t.overdue).length });
    expect(m.tasks).toEqual({ open: 2, overdue: 1 });
    expect(m.casesWithoutLead).toBe(1);

    const official = await get('border.official', 'dashboard');
    expect(official.status).toBe(403);
    expect((await get('shelter.caseworker', 'dashboard')).status).toBe(403);
    expect(await api.owner(`SELECT 1 FROM audit_event WHERE action = 'DASHBOARD.READ'`)).toHaveLength(2);
  });
});

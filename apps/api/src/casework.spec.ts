import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';

interface Entry {
  at: string;
  kind: string;
  actorUserId: string | null;
  details: Record<string, unknown>;
}

describe('case management: notes with sensitivity, and the timeline', () => {
  let api: DemoApi;
  let caseId: string;

  beforeAll(async () => {
    api = await startDemoApi('casework');
    const KGM = await api.borderPointId('KGM');
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({
        intakeId: randomUUID(),
        arrival: { borderPointId: KGM, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
        persons: [
          {
            givenName: 'Odette',
            familyName: 'Nyiraneza',
            sex: 'FEMALE',
            statedAge: 25,
            nationalities: ['RWA'],
            languages: ['rw', 'sw'],
            documentsHeldByOther: true,
            screening: { answers: { movement_controlled: true, debt_bondage: true } },
          },
        ],
      })
      .expect(201);
    caseId = res.body.cases[0].id;
    const waiting = await api.owner<{ kind: string; purpose: string }>(
      `SELECT DISTINCT a.kind, req->>'purpose' AS purpose FROM referral r JOIN agency a ON a.id = r.agency_id
         CROSS JOIN LATERAL jsonb_array_elements(r.basis->'requirements') req WHERE r.case_id = $1 AND r.status = 'AWAITING_CONSENT'`,
      [caseId],
    );
    for (const { kind, purpose } of waiting) {
      await api.http()
        .post(`/api/v1/cases/${caseId}/consents`)
        .set(await api.as('border.official'))
        .send({ purpose, recipientAgencyKind: kind, decision: 'GIVEN', language: 'rw' })
        .expect(201);
    }
  }, 60_000);
  afterAll(() => api.close());

  const addNote = async (username: string, body: object, expected: number) =>
    api.http().post(`/api/v1/cases/${caseId}/notes`).set(await api.as(username)).send(body).expect(expected);
  const notesOf = async (username: string) =>
    (await api.http().get(`/api/v1/cases/${caseId}/notes`).set(await api.as(username)).expect(200)).body as { notes: { text: string; sensitivity: string }[]; withheld: number };

  it('keeps restricted notes within the author’s agency and sensitive ones within their field group, encrypted', async () => {
    await addNote('border.official', { sensitivity: 'NORMAL', text: 'Handed over to the shelter van at 14:00.' }, 201);
    await addNote('shelter.caseworker', { sensitivity: 'RESTRICTED', text: 'Room 4; sister may visit on Sunday.' }, 201);
    const sensitive = await addNote('trafficking.coordinator', { sensitivity: 'SENSITIVE', fieldGroup: 'TRAFFICKING', text: 'Employer in Mwanza identified; passport recovered.' }, 201);

    const [stored] = await api.owner<{ body: string | null; body_ciphertext: string }>(`SELECT body, body_ciphertext FROM case_note WHERE id = $1`, [sensitive.body.id]);
    expect(stored.body).toBeNull();
    expect(stored.body_ciphertext).toMatch(/^v1\./);
    expect(stored.body_ciphertext).not.toContain('Mwanza');

    const shelter = await notesOf('shelter.caseworker');
    expect(shelter.notes.map((n) => n.text)).toEqual([
      'Handed over to the shelter van at 14:00.',
      'Room 4; sister may visit on Sunday.',
      'Employer in Mwanza identified; passport recovered.',
    ]);
    // The border authority does not receive the trafficking section; the shelter's restricted note does not exist for it.
    const border = await notesOf('border.official');
    expect(border.notes.map((n) => n.text)).toEqual(['Handed over to the shelter van at 14:00.']);
    expect(border.withheld).toBe(1);
    const coordinator = await notesOf('trafficking.coordinator');
    expect(coordinator.notes.map((n) => n.sensitivity)).toEqual(['NORMAL', 'SENSITIVE']);
  });

  it('refuses notes that break their own rules, naming the field', async () => {
    const missing = await addNote('trafficking.coordinator', { sensitivity: 'SENSITIVE', text: 'x' }, 400);
    expect(missing.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['fieldGroup']);
    const notAllowed = await addNote('border.official', { sensitivity: 'SENSITIVE', fieldGroup: 'TRAFFICKING', text: 'heard something' }, 400);
    expect(notAllowed.body.code).toBe('NOTE.GROUP_NOT_YOURS');
    const bad = await addNote('border.official', { sensitivity: 'SECRET', text: '' }, 400);
    expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['sensitivity', 'text']);
    await addNote('analyst', { sensitivity: 'NORMAL', text: 'hello' }, 403);
    await api.http().post(`/api/v1/cases/${caseId}/notes`).set(await api.as('legal.caseworker')).send({ sensitivity: 'NORMAL', text: 'hello' }).expect(404);
  });

  it('shows everything that happened in order, paginated without repeats, and only within scope', async () => {
    const all = (await api.http().get(`/api/v1/cases/${caseId}/timeline`).query({ limit: 200 }).set(await api.as('border.official')).expect(200)).body.items as Entry[];
    const kinds = all.map((e) => e.kind);
    expect(kinds[0]).toBe('CASE_REGISTERED');
    expect(kinds).toEqual(expect.arrayContaining(['PROFILED', 'REFERRAL_AWAITING_CONSENT', 'CONSENT_GIVEN', 'REFERRAL_PENDING', 'TASK_CREATED', 'TASK_DONE', 'NOTE_ADDED']));
    const times = all.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Registration, then the first profiling run, before any referral event.
    expect(kinds.indexOf('PROFILED')).toBeLessThan(kinds.indexOf('REFERRAL_AWAITING_CONSENT'));
    expect(kinds.indexOf('CONSENT_GIVEN')).toBeLessThan(kinds.indexOf('REFERRAL_PENDING'));
    // The border authority does not see the shelter's restricted note even as an entry.
    expect(kinds.filter((k) => k === 'NOTE_ADDED')).toHaveLength(2);

    const paged: Entry[] = [];
    let cursor: string | undefined;
    do {
      const res = await api.http().get(`/api/v1/cases/${caseId}/timeline`).query({ limit: 3, ...(cursor ? { cursor } : {}) }).set(await api.as('border.official')).expect(200);
      paged.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);

    // Newest first: the same entries the other way round, page by page too.
    const newest: Entry[] = [];
    cursor = undefined;
    do {
      const res: { body: { items: Entry[]; nextCursor?: string } } = await api.http().get(`/api/v1/cases/${caseId}/timeline`).query({ limit: 3, order: 'desc', ...(cursor ? { cursor } : {}) }).set(await api.as('border.official')).expect(200);
      newest.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(newest).toEqual([...all].reverse());
    const badOrder = await api.http().get(`/api/v1/cases/${caseId}/timeline`).query({ order: 'sideways' }).set(await api.as('border.official')).expect(400);
    expect(badOrder.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['order']);

    await api.http().get(`/api/v1/cases/${caseId}/timeline`).set(await api.as('legal.caseworker')).expect(404);
    await api.http().get(`/api/v1/cases/${caseId}/timeline`).set(await api.as('analyst')).expect(403);
    await api.http().get(`/api/v1/cases/${caseId}/timeline`).query({ cursor: 'nope' }).set(await api.as('border.official')).expect(400);
    expect(await api.owner(`SELECT 1 FROM audit_event WHERE case_id = $1 AND action = 'CASE.TIMELINE_READ'`, [caseId])).not.toHaveLength(0);
  });
});

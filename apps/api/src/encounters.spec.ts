import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';

const arrival = (borderPointId: string, hoursAgo = 1): Record<string, unknown> => ({
  borderPointId,
  arrivedAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
  mode: 'LAND',
});

function person(givenName: string, familyName: string, dateOfBirth: string, nationalities: string[], documents: unknown[] = []): Record<string, unknown> {
  return { givenName, familyName, sex: 'MALE', dateOfBirth, nationalities, documents, screening: { answers: { reasons_for_leaving: ['WORK'] } } };
}

describe('prior encounters and duplicates', () => {
  let api: DemoApi;
  let NMG: string;
  let KGM: string;
  let first: { id: string; caseNumber: string };

  async function register(borderPointId: string, p: Record<string, unknown>): Promise<{ id: string; caseNumber: string; possibleEncounters: { matchedCaseId: string; caseNumber: string; score: number; reasons: { code: string }[] }[] }> {
    const res = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send({ intakeId: randomUUID(), arrival: arrival(borderPointId), persons: [p] });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.cases[0];
  }

  beforeAll(async () => {
    api = await startDemoApi('encounters');
    NMG = await api.borderPointId('NMG');
    KGM = await api.borderPointId('KGM');
    first = await register(NMG, person('Mohamed Abdi', 'Warsame', '1990-02-01', ['SOM'], [{ kind: 'PASSPORT', number: 'P1234567', issuingCountry: 'SOM' }]));
    // Unrelated people around the first, so a match is a real choice.
    await register(NMG, person('Fatuma Juma', 'Said', '1975-05-05', ['TZA']));
    await register(KGM, person('Jean Claude', 'Habimana', '1988-09-09', ['BDI']));
  }, 60_000);
  afterAll(() => api.close());

  it('finds the same person under another spelling, at another border point, with the reasons', async () => {
    const again = await register(KGM, person('Maxamed Abdy', 'Warsame', '1990-08-01', ['SOM']));
    expect(again.possibleEncounters.map((e) => e.matchedCaseId)).toEqual([first.id]);
    const [match] = again.possibleEncounters;
    expect(match.caseNumber).toBe(first.caseNumber);
    expect(match.score).toBeGreaterThanOrEqual(0.6);
    expect(match.reasons.map((r) => r.code).sort()).toEqual(['DOB_WITHIN_ONE_YEAR', 'NAME_SIMILAR', 'NATIONALITY_SHARED']);
    const stored = await api.owner(`SELECT matched_case_id, status FROM possible_encounter WHERE case_id = $1`, [again.id]);
    expect(stored).toEqual([{ matched_case_id: first.id, status: 'PENDING' }]);
  });

  it('finds a document match whatever the name and however the number is written', async () => {
    const other = await register(NMG, person('Ali Hassan', 'Omar', '1985-01-01', ['SOM'], [{ kind: 'NATIONAL_ID', number: 'p 123-4567', issuingCountry: 'SOM' }]));
    expect(other.possibleEncounters).toEqual([
      expect.objectContaining({
        matchedCaseId: first.id,
        score: 1,
        reasons: expect.arrayContaining([
          { code: 'DOCUMENT_MATCH', detail: 'NATIONAL_ID/PASSPORT SOM •••••567', kinds: ['NATIONAL_ID', 'PASSPORT'], country: 'SOM', numberEnding: '567', numberLength: 8 },
        ]),
      }),
    ]);
  });

  it('does not flag a different person', async () => {
    const different = await register(NMG, person('Mohamed', 'Kiprono', '2001-03-03', ['KEN']));
    expect(different.possibleEncounters).toEqual([]);
    const sameNumberOtherCountry = await register(NMG, person('Peter', 'Ouma', '1970-07-07', ['KEN'], [{ kind: 'PASSPORT', number: 'P1234567', issuingCountry: 'KEN' }]));
    expect(sameNumberOtherCountry.possibleEncounters).toEqual([]);
  });

  it('lets a supervisor link an encounter (the arrival joins the earlier history) or dismiss one with a reason; never automatically', async () => {
    const again = await register(KGM, person('Mohammed Abdi', 'Warsame', '1990-03-01', ['SOM']));
    const encounter = (await api.http().get(`/api/v1/cases/${again.id}`).set(await api.as('border.official')).expect(200)).body.sections.IDENTITY.possibleEncounters[0];
    expect(encounter).toMatchObject({ matchedCaseId: first.id, status: 'PENDING' });
    // Nothing was merged: each case keeps its own person.
    expect((await api.owner(`SELECT count(DISTINCT identity_id) AS n FROM person WHERE case_id IN ($1, $2)`, [again.id, first.id]))[0]).toEqual({ n: '2' });

    const queue = await api.http().get('/api/v1/encounters').set(await api.as('border.supervisor')).expect(200);
    expect(queue.body.items.map((e: { id: string }) => e.id)).toContain(encounter.id);

    await api.http().post(`/api/v1/cases/${again.id}/encounters/${encounter.id}/link`).set(await api.as('border.official')).send({}).expect(403);
    const linked = await api.http()
      .post(`/api/v1/cases/${again.id}/encounters/${encounter.id}/link`)
      .set(await api.as('border.supervisor'))
      .send({ reason: 'Same passport photo on file' })
      .expect(200);
    expect(linked.body).toMatchObject({ status: 'LINKED', decisionReason: 'Same passport photo on file', matchedCaseNumber: first.caseNumber });
    expect(Date.parse(linked.body.decidedAt)).toBeGreaterThan(Date.now() - 60_000);
    const view = await api.http().get(`/api/v1/cases/${again.id}`).set(await api.as('border.official')).expect(200);
    expect(view.body.sections.IDENTITY.previousEncounters).toEqual([expect.objectContaining({ caseId: first.id, caseNumber: first.caseNumber })]);
    const firstView = await api.http().get(`/api/v1/cases/${first.id}`).set(await api.as('border.official')).expect(200);
    expect(firstView.body.sections.IDENTITY.previousEncounters.map((h: { caseId: string }) => h.caseId)).toContain(again.id);

    const twice = await api.http().post(`/api/v1/cases/${again.id}/encounters/${encounter.id}/dismiss`).set(await api.as('border.supervisor')).send({ reason: 'changed mind' }).expect(409);
    expect(twice.body.code).toBe('ENCOUNTER.ALREADY_DECIDED');
    expect(await api.owner(`SELECT action FROM audit_event WHERE case_id = $1 AND action LIKE 'ENCOUNTER.%'`, [again.id])).toEqual([{ action: 'ENCOUNTER.LINKED' }]);
  });

  it('shows a supervisor both records of an encounter in their scope, the earlier one outside it too: identity fields only, the document numbers masked, the read audited', async () => {
    const SUPERVISOR_PASSWORD = 'Supervisor-password-2026!';
    const supervisorOf = async (code: string): Promise<{ authorization: string }> => {
      const username = `supervisor.${code.toLowerCase()}.${randomUUID().slice(0, 8)}`;
      await api.http()
        .post('/api/v1/users')
        .set(await api.as('sysadmin'))
        .send({ username, displayName: `Supervisor ${code}`, agencyId: await api.agencyId('Border Management Service'), roles: ['SUPERVISOR'], borderPointIds: [await api.borderPointId(code)], password: SUPERVISOR_PASSWORD })
        .expect(201);
      // A new account's first password is replaced at the first sign-in.
      const first = await api.http().post('/api/v1/auth/login').send({ username, password: SUPERVISOR_PASSWORD }).expect(200);
      expect(first.body.passwordChangeRequired).toBe(true);
      await api.http()
        .post('/api/v1/auth/password')
        .set('authorization', `Bearer ${first.body.accessToken as string}`)
        .send({ currentPassword: SUPERVISOR_PASSWORD, newPassword: `${SUPERVISOR_PASSWORD}-own` })
        .expect(204);
      const session = await api.http().post('/api/v1/auth/login').send({ username, password: `${SUPERVISOR_PASSWORD}-own` }).expect(200);
      return { authorization: `Bearer ${session.body.accessToken as string}` };
    };
    const earlier = await register(NMG, {
      ...person('Abdirahman Yusuf', 'Farah', '1993-06-15', ['SOM'], [{ kind: 'PASSPORT', number: 'pq 765-4321', issuingCountry: 'SOM' }]),
      otherNames: ['Cabdiraxmaan Yuusuf'],
      languages: ['so', 'sw'],
    });
    const arrival = await register(KGM, person('Abdirahman Yusuf', 'Farah', '1993-06-15', ['SOM'], [{ kind: 'PASSPORT', number: 'PQ7654321', issuingCountry: 'SOM' }, { kind: 'NATIONAL_ID', number: '99', issuingCountry: 'SOM' }]));
    const encounterId = (await api.owner<{ id: string }>(`SELECT id FROM possible_encounter WHERE case_id = $1 AND matched_case_id = $2`, [arrival.id, earlier.id]))[0].id;
    const kigoma = await supervisorOf('KGM');
    const namanga = await supervisorOf('NMG');

    // Row-level security hides the earlier record from Kigoma's supervisor: the ordinary case read is a 404.
    await api.http().get(`/api/v1/cases/${earlier.id}`).set(kigoma).expect(404);
    const compared = await api.http().get(`/api/v1/encounters/${encounterId}/comparison`).set(kigoma).expect(200);
    expect(compared.body).toEqual({
      encounterId,
      newRecord: expect.objectContaining({ caseId: arrival.id, caseNumber: arrival.caseNumber }),
      earlierRecord: {
        caseId: earlier.id,
        caseNumber: earlier.caseNumber,
        givenName: 'Abdirahman Yusuf',
        familyName: 'Farah',
        otherNames: ['Cabdiraxmaan Yuusuf'],
        sex: 'MALE',
        dateOfBirth: '1993-06-15',
        dateOfBirthEstimated: false,
        statedAge: null,
        nationalities: ['SOM'],
        languages: ['so', 'sw'],
        borderPoint: { id: NMG, code: 'NMG', name: 'Namanga land crossing' },
        arrivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        registeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        documents: [{ kind: 'PASSPORT', issuingCountry: 'SOM', numberEnding: '321', numberLength: 9, onOtherRecord: true }],
      },
    });
    // A short number shows at most half of itself; a document only one record holds says so.
    expect(compared.body.newRecord.documents).toEqual([
      { kind: 'PASSPORT', issuingCountry: 'SOM', numberEnding: '321', numberLength: 9, onOtherRecord: true },
      { kind: 'NATIONAL_ID', issuingCountry: 'SOM', numberEnding: '9', numberLength: 2, onOtherRecord: false },
    ]);
    // Nothing else of either case: no full number, no screening answers, no sections or profiles.
    const text = JSON.stringify(compared.body);
    expect(text).not.toContain('7654321');
    expect(text).not.toMatch(/WORK|reasons_for_leaving/);
    expect(text).not.toMatch(/sections|profiles|screening|description/i);

    const audited = await api.owner<{ action: string; purpose: string; field_groups: string[] }>(
      `SELECT action, purpose, field_groups FROM audit_event WHERE case_id = $1 AND purpose = 'DUPLICATE_REVIEW'`,
      [earlier.id],
    );
    expect(audited).toEqual([{ action: 'CASE.READ', purpose: 'DUPLICATE_REVIEW', field_groups: ['IDENTITY'] }]);

    // The supervisor of the earlier record's border point does not review the new arrival's encounters: a 404, not audited.
    const elsewhere = await api.http().get(`/api/v1/encounters/${encounterId}/comparison`).set(namanga).expect(404);
    expect(elsewhere.body.code).toBe('ENCOUNTER.NOT_FOUND');
    await api.http().get(`/api/v1/encounters/${randomUUID()}/comparison`).set(kigoma).expect(404);
    await api.http().get(`/api/v1/encounters/not-a-uuid/comparison`).set(kigoma).expect(400);
    // Officials register, they do not decide encounters.
    await api.http().get(`/api/v1/encounters/${encounterId}/comparison`).set(await api.as('border.official')).expect(403);
    expect(await api.owner(`SELECT count(*)::int AS n FROM audit_event WHERE case_id = $1 AND purpose = 'DUPLICATE_REVIEW'`, [earlier.id])).toEqual([{ n: 1 }]);
  });

  it('never answers the other record’s full document number in match reasons: not the intake answer, the encounter list, the case read, nor reasons kept unmasked', async () => {
    // The earlier record at Namanga holds a passport; an arrival at Kigoma gives the same number, written another way.
    const earlier = await register(NMG, person('Halima Noor', 'Aden', '1987-04-04', ['SOM'], [{ kind: 'PASSPORT', number: 'SX8836152', issuingCountry: 'SOM' }]));
    const full = /SX8836152|8836152/;
    const submission = { intakeId: randomUUID(), arrival: arrival(KGM), persons: [person('Xaliimo Nuur', 'Aadan', '1987-04-04', ['SOM'], [{ kind: 'NATIONAL_ID', number: 'sx 88-36 152', issuingCountry: 'SOM' }])] };
    const intake = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(submission).expect(201);
    expect(JSON.stringify(intake.body)).not.toMatch(full);
    const arrivalCase = intake.body.cases[0] as { id: string; possibleEncounters: { matchedCaseId: string; reasons: unknown[] }[] };
    const maskedReason = { code: 'DOCUMENT_MATCH', detail: 'NATIONAL_ID/PASSPORT SOM ••••••152', kinds: ['NATIONAL_ID', 'PASSPORT'], country: 'SOM', numberEnding: '152', numberLength: 9 };
    expect(arrivalCase.possibleEncounters).toEqual([expect.objectContaining({ matchedCaseId: earlier.id, reasons: expect.arrayContaining([maskedReason]) })]);
    // Kept masked too: the stored reasons hold no number.
    const [stored] = await api.owner<{ id: string; reasons: unknown }>(`SELECT id, reasons FROM possible_encounter WHERE case_id = $1 AND matched_case_id = $2`, [arrivalCase.id, earlier.id]);
    expect(JSON.stringify(stored.reasons)).not.toMatch(full);

    const listed = async (): Promise<{ text: string; reasons: unknown }> => {
      const items: { id: string; reasons: unknown }[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.http().get('/api/v1/encounters').query({ status: 'PENDING', limit: 100, ...(cursor ? { cursor } : {}) }).set(await api.as('border.supervisor')).expect(200);
        expect(JSON.stringify(page.body)).not.toMatch(full);
        items.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      const mine = items.find((e) => e.id === stored.id);
      return { text: JSON.stringify(items), reasons: mine?.reasons };
    };
    expect((await listed()).reasons).toEqual(expect.arrayContaining([maskedReason]));
    const caseRead = await api.http().get(`/api/v1/cases/${arrivalCase.id}`).set(await api.as('border.official')).expect(200);
    expect(JSON.stringify(caseRead.body.sections.IDENTITY.possibleEncounters)).not.toMatch(full);
    expect(caseRead.body.sections.IDENTITY.possibleEncounters[0].reasons).toEqual(expect.arrayContaining([maskedReason]));

    // Reasons kept before numbers were masked carry the full number: every answer masks them all the same.
    await api.owner(`UPDATE possible_encounter SET reasons = $2::jsonb WHERE id = $1`, [stored.id, JSON.stringify([{ code: 'DOCUMENT_MATCH', detail: 'NATIONAL_ID/PASSPORT SOM SX8836152' }, { code: 'NATIONALITY_SHARED', value: 'SOM' }])]);
    const legacy = await listed();
    expect(legacy.reasons).toEqual([maskedReason, { code: 'NATIONALITY_SHARED', value: 'SOM' }]);
    expect(legacy.text).not.toMatch(full);
    // A retried submission is answered with the answer kept for it, masked even when kept with the full number.
    await api.owner(`UPDATE intake_submission SET response = jsonb_set(response, '{cases,0,possibleEncounters,0,reasons}', $2::jsonb) WHERE intake_id = $1`, [
      submission.intakeId,
      JSON.stringify([{ code: 'DOCUMENT_MATCH', detail: 'NATIONAL_ID/PASSPORT SOM SX8836152' }]),
    ]);
    const replayed = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(submission);
    expect(replayed.status).toBeLessThan(300);
    expect(JSON.stringify(replayed.body)).not.toMatch(full);
    expect(replayed.body.cases[0].possibleEncounters[0].reasons).toEqual([maskedReason]);
    const legacyRead = await api.http().get(`/api/v1/cases/${arrivalCase.id}`).set(await api.as('border.official')).expect(200);
    expect(JSON.stringify(legacyRead.body)).not.toMatch(/SX8836152/);
    expect(legacyRead.body.sections.IDENTITY.possibleEncounters[0].reasons).toEqual([maskedReason, { code: 'NATIONALITY_SHARED', value: 'SOM' }]);

    // The comparison (masked in the database) and the reasons (masked here) tell the same ending and length.
    const compared = await api.http().get(`/api/v1/encounters/${stored.id}/comparison`).set(await api.as('border.supervisor')).expect(200);
    const [{ numberEnding: ending, numberLength: length }] = compared.body.earlierRecord.documents as { numberEnding: string; numberLength: number }[];
    expect({ numberEnding: ending, numberLength: length }).toEqual({ numberEnding: maskedReason.numberEnding, numberLength: maskedReason.numberLength });
  });

  it('dismisses only with a reason', async () => {
    const lookalike = await register(NMG, person('Mohamed Abdi', 'Warsame', '1990-12-24', ['SOM']));
    const encounterId = (await api.owner<{ id: string }>(`SELECT id FROM possible_encounter WHERE case_id = $1 AND matched_case_id = $2`, [lookalike.id, first.id]))[0].id;
    const noReason = await api.http().post(`/api/v1/cases/${lookalike.id}/encounters/${encounterId}/dismiss`).set(await api.as('border.supervisor')).send({}).expect(400);
    expect(noReason.body.details.fields).toEqual([{ path: 'reason', problem: 'reason is required to dismiss' }]);
    const dismissed = await api.http()
      .post(`/api/v1/cases/${lookalike.id}/encounters/${encounterId}/dismiss`)
      .set(await api.as('border.supervisor'))
      .send({ reason: 'Different father’s name and village' })
      .expect(200);
    expect(dismissed.body.status).toBe('DISMISSED');
    await api.http().post(`/api/v1/cases/${lookalike.id}/encounters/${randomUUID()}/dismiss`).set(await api.as('border.supervisor')).send({ reason: 'x' }).expect(404);
  });
});

import { actorScope, Actor, Role, UnitOfWork } from '@kivuko/platform';
import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';

/**
 * Who sees which case, and which parts of it: border points, referrals held by an agency, the SOP's
 * sharing map, consent records, and row-level security underneath the application's own checks.
 */
describe('case access: scope, field groups, consent, row-level security, audit', () => {
  let api: DemoApi;
  let NMG: string;
  let DAR: string;
  let TUMAINI: string;
  let HAKI: string;
  let caseId: string;

  const intake = (borderPointId: string, answers: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    intakeId: randomUUID(),
    arrival: { borderPointId, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
    persons: [{ givenName: 'Grace', familyName: 'Achieng', sex: 'FEMALE', dateOfBirth: '1999-04-04', nationalities: ['SSD'], screening: { answers }, ...extra }],
  });
  const get = async (username: string, expected: number, id = caseId) => api.http().get(`/api/v1/cases/${id}`).set(await api.as(username)).expect(expected);
  const share = (id: string, agencyId: string) => api.owner(`INSERT INTO case_share (case_id, agency_id, source) VALUES ($1, $2, 'REFERRAL')`, [id, agencyId]);

  beforeAll(async () => {
    api = await startDemoApi('caseaccess');
    NMG = await api.borderPointId('NMG');
    DAR = await api.borderPointId('DAR');
    TUMAINI = await api.agencyId('Tumaini Shelter');
    HAKI = await api.agencyId('Haki Legal Aid');
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send(
        intake(NMG, {
          health_triage: 'NEEDS_CARE',
          fear_of_return: true,
          asylum_statement: 'Soldiers burned our house in Yei.',
          deceived_about_job: true,
          trafficking_account: 'Promised hotel work in Nairobi, then locked in a house.',
          health_need: 'Malaria symptoms',
        }),
      )
      .expect(201);
    caseId = res.body.cases[0].id;
    // The referral to the shelter (the SOP issue writes these; here the share stands in for it).
    await share(caseId, TUMAINI);
    // Another case, at the airport, referred to no one.
    await api.http().post('/api/v1/intakes').set(await api.as('airport.official')).send(intake(DAR, { fear_of_return: true })).expect(201);
  }, 60_000);
  afterAll(() => api.close());

  it('hides a case from an NGO it was not referred to (404, not 403, so existence does not leak)', async () => {
    const res = await get('legal.caseworker', 404);
    expect(res.body.code).toBe('CASE.NOT_FOUND');
    const unknown = await get('legal.caseworker', 404, randomUUID());
    expect(unknown.body.code).toBe(res.body.code);
    expect(unknown.body.message).toBe(res.body.message);
  });

  it('shows the NGO holding the referral only the field groups the SOP shares with NGOs, without consent-bound ones', async () => {
    const res = await get('shelter.caseworker', 200);
    expect(res.body.fieldGroups).toEqual(['IDENTITY', 'NEEDS']);
    expect(res.body.withheldFieldGroups).toEqual(['ARRIVAL', 'ASYLUM', 'TRAFFICKING', 'HEALTH']);
    // Why each is withheld: not in the SOP's sharing map for NGOs, or shared with NGOs only with consent.
    expect(res.body.withheld).toEqual([
      { fieldGroup: 'ARRIVAL', reason: 'NOT_SHARED' },
      { fieldGroup: 'ASYLUM', reason: 'NOT_SHARED' },
      { fieldGroup: 'TRAFFICKING', reason: 'CONSENT_MISSING' },
      { fieldGroup: 'HEALTH', reason: 'CONSENT_MISSING' },
    ]);
    expect(Object.keys(res.body.sections).sort()).toEqual(['IDENTITY', 'NEEDS']);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('Yei');
    expect(text).not.toContain('hotel work');
  });

  it('shares a consent-bound group once the person consents for that recipient, and stops when consent is withdrawn', async () => {
    const given = await api.http()
      .post(`/api/v1/cases/${caseId}/consents`)
      .set(await api.as('border.official'))
      .send({ purpose: 'REFERRAL', recipientAgencyId: TUMAINI, fieldGroups: ['TRAFFICKING'], decision: 'GIVEN', language: 'sw' })
      .expect(201);
    expect(given.body).toMatchObject({ decision: 'GIVEN', legalBasis: null, fieldGroups: ['TRAFFICKING'], withdrawnAt: null });

    const withConsent = await get('shelter.caseworker', 200);
    expect(withConsent.body.fieldGroups).toEqual(['IDENTITY', 'NEEDS', 'TRAFFICKING']);
    expect(withConsent.body.sections.TRAFFICKING.answers).toEqual({
      deceived_about_job: true,
      trafficking_account: 'Promised hotel work in Nairobi, then locked in a house.',
    });
    // Consent for the shelter is not consent for the other NGO, nor for the asylum section.
    expect(JSON.stringify(withConsent.body)).not.toContain('Yei');

    await api.http().post(`/api/v1/cases/${caseId}/consents/${given.body.id}/withdraw`).set(await api.as('shelter.caseworker')).send({ reason: 'asked' }).expect(200);
    const afterWithdrawal = await get('shelter.caseworker', 200);
    expect(afterWithdrawal.body.fieldGroups).toEqual(['IDENTITY', 'NEEDS']);
    const again = await api.http().post(`/api/v1/cases/${caseId}/consents/${given.body.id}/withdraw`).set(await api.as('shelter.caseworker')).send({}).expect(409);
    expect(again.body.code).toBe('CONSENT.ALREADY_WITHDRAWN');
  });

  it('refuses a legal basis in place of consent without the permission, and audits the attempt', async () => {
    const body = { purpose: 'DATA_SHARING', recipientAgencyId: TUMAINI, legalBasis: 'VITAL_INTEREST', reason: 'Person unconscious, needs shelter medical follow-up' };
    const refused = await api.http().post(`/api/v1/cases/${caseId}/consents`).set(await api.as('shelter.caseworker')).send(body).expect(403);
    expect(refused.body.code).toBe('CONSENT.LEGAL_BASIS_NOT_PERMITTED');
    expect(await api.owner(`SELECT outcome FROM audit_event WHERE case_id = $1 AND action = 'CONSENT.LEGAL_BASIS_REFUSED'`, [caseId])).toEqual([{ outcome: 'DENIED' }]);
    expect(await api.owner(`SELECT id FROM consent_record WHERE case_id = $1 AND decision = 'LEGAL_BASIS'`, [caseId])).toEqual([]);

    const noReason = await api.http()
      .post(`/api/v1/cases/${caseId}/consents`)
      .set(await api.as('shelter.manager'))
      .send({ ...body, reason: undefined })
      .expect(400);
    expect(noReason.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['reason']);

    const recorded = await api.http().post(`/api/v1/cases/${caseId}/consents`).set(await api.as('shelter.manager')).send(body).expect(201);
    expect(recorded.body).toMatchObject({ decision: 'LEGAL_BASIS', legalBasis: 'VITAL_INTEREST' });
    expect(await api.owner(`SELECT outcome FROM audit_event WHERE case_id = $1 AND action = 'CONSENT.LEGAL_BASIS_RECORDED'`, [caseId])).toEqual([{ outcome: 'SUCCESS' }]);
    // The legal basis covers every group the SOP lets NGOs have with consent; never the asylum account.
    const shaped = await get('shelter.caseworker', 200);
    expect(shaped.body.fieldGroups).toEqual(['IDENTITY', 'NEEDS', 'TRAFFICKING', 'HEALTH']);
    expect(JSON.stringify(shaped.body)).not.toContain('Yei');
  });

  it('refuses consent records with bad or contradictory fields, naming each', async () => {
    const res = await api.http()
      .post(`/api/v1/cases/${caseId}/consents`)
      .set(await api.as('border.official'))
      .send({ purpose: 'GOSSIP', recipientAgencyId: TUMAINI, recipientAgencyKind: 'NGO', decision: 'MAYBE', language: 'klingon', fieldGroups: ['DIARY'] })
      .expect(400);
    expect(res.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['decision', 'fieldGroups', 'language', 'purpose']);
    const both = await api.http()
      .post(`/api/v1/cases/${caseId}/consents`)
      .set(await api.as('border.official'))
      .send({ purpose: 'REFERRAL', recipientAgencyId: TUMAINI, recipientAgencyKind: 'NGO', decision: 'GIVEN', language: 'sw' })
      .expect(400);
    expect(both.body.details.fields).toEqual([{ path: 'recipientAgencyKind', problem: 'give recipientAgencyId or recipientAgencyKind, not both' }]);
    await api.http()
      .post(`/api/v1/cases/${randomUUID()}/consents`)
      .set(await api.as('border.official'))
      .send({ purpose: 'REFERRAL', recipientAgencyId: TUMAINI, decision: 'GIVEN', language: 'sw' })
      .expect(404);
  });

  it('keeps other border points out, gives monitors and analysts no case rows, and lets supervisors see their border points', async () => {
    await get('airport.official', 404);
    await get('monitor', 403);
    await get('analyst', 403);
    const supervisor = await get('border.supervisor', 200);
    expect(supervisor.body.fieldGroups).toEqual(['IDENTITY', 'ARRIVAL', 'NEEDS']);
  });

  it('enforces scope in the database: another agency’s transaction sees no row even with no filter at all', async () => {
    const uow = api.app.get(UnitOfWork);
    const staff = (agencyId: string): Actor => ({ userId: randomUUID(), username: 'probe', agencyId, roles: [Role.Caseworker], borderPointIds: [] });
    const tables = ['case_file', 'person', 'person_name', 'case_section', 'consent_record', 'possible_encounter', 'case_task', 'intake_submission', 'case_share'];
    const counts = (agencyId: string) =>
      uow.run(actorScope(staff(agencyId)), async (m) => {
        const result: Record<string, number> = {};
        for (const table of tables) result[table] = Number((await m.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
        return result;
      });
    const haki = await counts(HAKI);
    expect(Object.values(haki)).toEqual(tables.map(() => 0));
    const tumaini = await counts(TUMAINI);
    expect(tumaini.case_file).toBe(1);
    expect(tumaini.case_section).toBeGreaterThan(0);
    // The owner sees that the rows are there.
    expect(Number((await api.owner<{ n: string }>(`SELECT count(*) AS n FROM case_section`))[0].n)).toBeGreaterThan(tumaini.case_section);
    // A row cannot be written into another scope either.
    await expect(
      uow.run(actorScope({ ...staff(HAKI), roles: [Role.BorderOfficial], borderPointIds: [DAR] }), (m) =>
        m.query(`INSERT INTO consent_record (id, case_id, purpose, decision, recorded_by, recorded_by_agency_id) VALUES ($1, $2, 'REFERRAL', 'GIVEN', $3, $4)`, [
          randomUUID(),
          caseId,
          randomUUID(),
          HAKI,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('writes the audit event in the transaction it describes: a write that fails late leaves no audit row and no case', async () => {
    const cases = await api.owner(`SELECT id FROM case_file ORDER BY id`);
    const audits = await api.owner(`SELECT id FROM audit_event ORDER BY id`);
    // The last statement of a registration (storing the answer for retries) fails, after the audit event was written.
    await api.owner(`CREATE FUNCTION fail_late() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
    await api.owner(`CREATE TRIGGER fail_late BEFORE UPDATE ON intake_submission FOR EACH ROW EXECUTE FUNCTION fail_late()`);
    try {
      await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(intake(NMG, { fear_of_return: true })).expect(500);
    } finally {
      await api.owner(`DROP TRIGGER fail_late ON intake_submission`);
      await api.owner(`DROP FUNCTION fail_late()`);
    }
    expect(await api.owner(`SELECT id FROM case_file ORDER BY id`)).toEqual(cases);
    expect(await api.owner(`SELECT id FROM audit_event ORDER BY id`)).toEqual(audits);

    // And every successful read is audited with the groups it returned.
    await get('shelter.caseworker', 200);
    const [last] = await api.owner<{ action: string; field_groups: string[]; actor_agency_id: string; purpose: string }>(
      `SELECT action, field_groups, actor_agency_id, purpose FROM audit_event WHERE case_id = $1 ORDER BY id DESC LIMIT 1`,
      [caseId],
    );
    expect(last).toEqual({ action: 'CASE.READ', field_groups: ['IDENTITY', 'NEEDS', 'TRAFFICKING', 'HEALTH'], actor_agency_id: TUMAINI, purpose: 'CASE_WORK' });
    const verify = await api.http().get('/api/v1/audit/verify').set(await api.as('monitor')).expect(200);
    expect(verify.body.ok).toBe(true);
  });

  // Last: it shares a case with both NGOs, which the row-level security counts above do not expect.
  it('lets only the recorder’s agency, the border point, the lead agency or a supervisor withdraw a consent recorded for another agency', async () => {
    const res = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(intake(NMG, { fear_of_return: true })).expect(201);
    const otherCase = res.body.cases[0].id as string;
    await share(otherCase, TUMAINI);
    await share(otherCase, HAKI);
    const consentFor = async (recipientAgencyId: string): Promise<string> =>
      (
        await api.http()
          .post(`/api/v1/cases/${otherCase}/consents`)
          .set(await api.as('border.official'))
          .send({ purpose: 'REFERRAL', recipientAgencyId, fieldGroups: ['NEEDS'], decision: 'GIVEN', language: 'sw' })
          .expect(201)
      ).body.id as string;
    const withdraw = async (username: string, consentId: string) =>
      api.http().post(`/api/v1/cases/${otherCase}/consents/${consentId}/withdraw`).set(await api.as(username)).send({ reason: 'asked' });
    const withdrawn = async (consentId: string) => (await api.owner<{ at: Date | null }>(`SELECT withdrawn_at AS at FROM consent_record WHERE id = $1`, [consentId]))[0].at !== null;

    // The legal-aid NGO sees the case, but the consent is the shelter's, recorded by the border authority.
    const forShelter = await consentFor(TUMAINI);
    const refused = await withdraw('legal.caseworker', forShelter);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'CONSENT.NOT_YOURS_TO_WITHDRAW' });
    expect(await withdrawn(forShelter)).toBe(false);
    expect(await api.owner(`SELECT 1 FROM audit_event WHERE case_id = $1 AND action = 'CONSENT.WITHDRAWN'`, [otherCase])).toEqual([]);
    // The border point of arrival may (the recorder's agency, here too).
    expect((await withdraw('border.official', forShelter)).status).toBe(200);

    // Once the legal-aid NGO leads the case, it may.
    const again = await consentFor(TUMAINI);
    await api.owner(`INSERT INTO case_lead (case_id, agency_id, source) VALUES ($1, $2, 'REFERRAL')`, [otherCase, HAKI]);
    expect((await withdraw('legal.caseworker', again)).status).toBe(200);
    expect(await withdrawn(again)).toBe(true);

    // The recipient itself may always give up a consent recorded for it; a supervisor may withdraw any.
    expect((await withdraw('shelter.caseworker', await consentFor(TUMAINI))).status).toBe(200);
    const forLegalAid = await consentFor(HAKI);
    expect((await withdraw('shelter.caseworker', forLegalAid)).status).toBe(403);
    expect((await withdraw('shelter.manager', forLegalAid)).status).toBe(200);
  });
});

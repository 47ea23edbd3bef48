import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';

/** A consent records whether an interpreter helped ask for it: stored with the consent, listed, audited, validated. */
describe('consent: the interpreter used', () => {
  let api: DemoApi;
  let TUMAINI: string;
  let caseId: string;

  beforeAll(async () => {
    api = await startDemoApi('consentinterp');
    const NMG = await api.borderPointId('NMG');
    TUMAINI = await api.agencyId('Tumaini Shelter');
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({
        intakeId: randomUUID(),
        arrival: { borderPointId: NMG, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' },
        persons: [{ givenName: 'Faduma', familyName: 'Warsame', sex: 'FEMALE', dateOfBirth: '1998-02-02', nationalities: ['SOM'], screening: { answers: { fear_of_return: false } } }],
      })
      .expect(201);
    caseId = res.body.cases[0].id;
  }, 60_000);
  afterAll(() => api.close());

  const paths = (res: { body: { details: { fields: { path: string }[] } } }): string[] => [...new Set(res.body.details.fields.map((f) => f.path))].sort();
  const post = async (body: Record<string, unknown>, expected: number, username = 'border.official') =>
    api.http().post(`/api/v1/cases/${caseId}/consents`).set(await api.as(username)).send(body).expect(expected);

  it('stores the interpreter with the consent, lists it, and audits that one was used and in which language', async () => {
    const recorded = await post(
      { purpose: 'REFERRAL', recipientAgencyId: TUMAINI, decision: 'GIVEN', language: 'so', interpreter: { used: true, language: 'so', name: '  Hodan Ali ' } },
      201,
    );
    expect(recorded.body.interpreter).toEqual({ used: true, language: 'so', name: 'Hodan Ali' });
    const [stored] = await api.owner<{ interpreter: unknown }>(`SELECT interpreter FROM consent_record WHERE id = $1`, [recorded.body.id]);
    expect(stored.interpreter).toEqual({ used: true, language: 'so', name: 'Hodan Ali' });
    const listed = await api.http().get(`/api/v1/cases/${caseId}/consents`).set(await api.as('border.official')).expect(200);
    expect(listed.body.find((c: { id: string }) => c.id === recorded.body.id).interpreter).toEqual({ used: true, language: 'so', name: 'Hodan Ali' });
    const [audit] = await api.owner<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_event WHERE case_id = $1 AND action = 'CONSENT.RECORDED' ORDER BY id DESC LIMIT 1`,
      [caseId],
    );
    expect(audit.details).toMatchObject({ consentId: recorded.body.id, decision: 'GIVEN', interpreterUsed: true, interpreterLanguage: 'so' });
    // The interpreter's name is on the consent, not copied into the audit trail.
    expect(JSON.stringify(audit.details)).not.toContain('Hodan');
  });

  it('records "no interpreter" apart from a consent that does not say', async () => {
    const without = await post({ purpose: 'STATISTICS', decision: 'REFUSED', language: 'so', interpreter: { used: false } }, 201);
    expect(without.body.interpreter).toEqual({ used: false });
    const silent = await post({ purpose: 'FAMILY_TRACING', recipientAgencyKind: 'NGO', decision: 'GIVEN', language: 'so' }, 201);
    expect(silent.body.interpreter).toBeNull();
  });

  it('refuses a bad interpreter, naming each field, and writes nothing', async () => {
    const before = await api.owner(`SELECT id FROM consent_record WHERE case_id = $1`, [caseId]);
    const bad = await post({ purpose: 'REFERRAL', recipientAgencyId: TUMAINI, decision: 'GIVEN', language: 'so', interpreter: { used: 'yes', language: 'Somali', name: '' } }, 400);
    expect(paths(bad)).toEqual(['interpreter.language', 'interpreter.name', 'interpreter.used']);
    const contradiction = await post({ purpose: 'REFERRAL', recipientAgencyId: TUMAINI, decision: 'GIVEN', language: 'so', interpreter: { used: false, language: 'so', name: 'Hodan Ali' } }, 400);
    expect(paths(contradiction)).toEqual(['interpreter.language', 'interpreter.name']);
    const notAnObject = await post({ purpose: 'REFERRAL', recipientAgencyId: TUMAINI, decision: 'GIVEN', language: 'so', interpreter: 'yes' }, 400);
    expect(paths(notAnObject)).toContain('interpreter');
    const nulls = await post({ purpose: 'REFERRAL', recipientAgencyId: TUMAINI, decision: 'GIVEN', language: 'so', interpreter: { used: true, language: null, name: null } }, 400);
    expect(paths(nulls)).toEqual(['interpreter.language', 'interpreter.name']);
    const nullInterpreter = await post({ purpose: 'REFERRAL', recipientAgencyId: TUMAINI, decision: 'GIVEN', language: 'so', interpreter: null }, 400);
    expect(paths(nullInterpreter)).toContain('interpreter');
    expect(await api.owner(`SELECT id FROM consent_record WHERE case_id = $1`, [caseId])).toEqual(before);
  });
});

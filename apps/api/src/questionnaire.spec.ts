import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';

/*
 * The screening questionnaire over HTTP: GET /api/v1/questionnaire serves version 3 with its translations
 * and conditions, and the intake refuses answers to questions that do not apply to the person (version 3),
 * while intakes answering version 1 or 2, or naming no version, are accepted as before.
 */

type Json = Record<string, unknown>;
const HOUR = 3_600_000;
const iso = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString();

function intake(borderPointId: string, persons: Json[]): Json {
  return { intakeId: randomUUID(), arrival: { borderPointId, arrivedAt: iso(2 * HOUR), mode: 'LAND', how: 'IRREGULAR_CROSSING' }, persons };
}

const man = (screening: Json, extra: Json = {}): Json => ({ givenName: 'Juma', familyName: 'Baraka', sex: 'MALE', statedAge: 34, nationalities: ['COD'], screening, ...extra });
const girl = (screening: Json, extra: Json = {}): Json => ({ givenName: 'Neema', familyName: 'Baraka', sex: 'FEMALE', statedAge: 15, nationalities: ['COD'], screening, ...extra });

describe('GET /api/v1/questionnaire and the questions that apply', () => {
  let api: DemoApi;
  let NMG: string;
  const post = async (body: Json) => api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(body);
  const fields = (res: { body: { details?: { fields?: { path: string; problem: string }[] } } }) => res.body.details?.fields ?? [];

  beforeAll(async () => {
    api = await startDemoApi('questionnaire');
    NMG = await api.borderPointId('NMG');
  });
  afterAll(() => api.close());

  it('serves version 3 with every language and the conditions, tagged code@version; a matching If-None-Match is answered 304', async () => {
    const res = await api.http().get('/api/v1/questionnaire').set(await api.as('border.official')).expect(200);
    expect(res.headers['etag']).toBe('"kivuko-screening@3"');
    expect(res.body).toMatchObject({ code: 'kivuko-screening', version: 3, languages: ['en', 'fr', 'pt', 'sw', 'ar'] });
    expect(res.body.groups[0]).toEqual({ id: 'NEEDS', title: { en: 'Needs', fr: 'Besoins', pt: 'Necessidades', sw: 'Mahitaji', ar: 'الاحتياجات' } });
    const byId = new Map((res.body.questions as Json[]).map((q) => [q['id'], q]));
    expect(byId.get('sexual_violence_hours_ago')).toMatchObject({ type: 'INTEGER', min: 0, max: 100000, showWhen: { answer: 'sexual_violence_disclosed', equals: true } });
    expect(byId.get('caregiver_present')).toMatchObject({ showWhen: { any: [{ person: 'mayBeChild' }, { answer: 'serious_doubt_about_age', equals: true }] } });
    expect(byId.get('fear_of_return')).not.toHaveProperty('showWhen');
    expect((byId.get('onward_movement') as { options: Json[] }).options[1]).toEqual({
      value: 'ONWARD_TO_ANOTHER_COUNTRY',
      label: expect.objectContaining({ en: 'Move on to another country', fr: 'Continuer vers un autre pays' }),
    });

    const again = await api.http().get('/api/v1/questionnaire').set(await api.as('border.official')).set('if-none-match', '"kivuko-screening@3"');
    expect([again.status, again.text]).toEqual([304, '']);
    const stale = await api.http().get('/api/v1/questionnaire').set(await api.as('border.official')).set('if-none-match', '"kivuko-screening@2"');
    expect(stale.status).toBe(200);
  });

  it('is read by those who read cases; others get 403, and no token 401', async () => {
    const statuses = [
      (await api.http().get('/api/v1/questionnaire').set(await api.as('child.protection'))).status,
      (await api.http().get('/api/v1/questionnaire').set(await api.as('analyst'))).status,
      (await api.http().get('/api/v1/questionnaire')).status,
    ];
    expect(statuses).toEqual([200, 403, 401]);
  });

  it('registers a version 3 intake whose answers all apply: a man and a girl, with the questions each is asked', async () => {
    const res = await post(
      intake(NMG, [
        man({ version: 3, answers: { reasons_for_leaving: ['CONFLICT'], fear_of_return: true, fear_reasons: ['PERSECUTION'], onward_movement: 'ONWARD_TO_ANOTHER_COUNTRY', onward_destination_place: 'Johannesburg' } }),
        girl({ version: 3, answers: { caregiver_present: true, caregiver_relationship: 'RELATIVE', caregiver_relationship_verified: false, pregnant: false, sexual_violence_disclosed: true, sexual_violence_hours_ago: 30 } }),
      ]),
    );
    expect({ status: res.status, fields: fields(res) }).toEqual({ status: 201, fields: [] });
    const girlCase = (await api.http().get(`/api/v1/cases/${res.body.cases[1].id}/profiles`).set(await api.as('border.official')).expect(200)).body as { current: { profile: string }[] };
    expect(girlCase.current.map((p) => p.profile)).toEqual(expect.arrayContaining(['SEPARATED_CHILD', 'SGBV_SURVIVOR']));
  });

  it('refuses answers to questions that do not apply (400 INTAKE.INVALID), each with its path and why, and writes nothing', async () => {
    const before = await api.owner<{ n: string }>(`SELECT count(*) AS n FROM case_file`);
    const res = await post(
      intake(NMG, [
        man({ version: 3, answers: { caregiver_present: false, pregnant: false, sexual_violence_disclosed: false, sexual_violence_hours_ago: 5, fear_reasons: ['CONFLICT'] } }),
        girl({ version: 3, answers: { caregiver_relationship: 'NONE', onward_movement: 'UNDECIDED', onward_destination_place: 'Lusaka' } }),
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INTAKE.INVALID');
    expect(fields(res)).toEqual([
      { path: 'persons[0].screening.answers.pregnant', problem: "does not apply: asked only when the person's sex is FEMALE or OTHER or UNKNOWN" },
      { path: 'persons[0].screening.answers.caregiver_present', problem: expect.stringContaining('does not apply: asked only when the person may be a child') },
      { path: 'persons[0].screening.answers.fear_reasons', problem: 'does not apply: asked only when "Are you afraid to go back?" is answered yes' },
      { path: 'persons[0].screening.answers.sexual_violence_hours_ago', problem: 'does not apply: asked only when "Sexual violence disclosed" is answered yes' },
      { path: 'persons[1].screening.answers.onward_destination_place', problem: 'does not apply: asked only when "Do you intend to stay in this country or to move on?" is answered ONWARD_TO_ANOTHER_COUNTRY' },
      { path: 'persons[1].screening.answers.caregiver_relationship', problem: 'does not apply: asked only when "Is a parent or caregiver with the child?" is answered' },
    ]);
    expect(await api.owner<{ n: string }>(`SELECT count(*) AS n FROM case_file`)).toEqual(before);
  });

  it('reads the age at arrival from the date of birth, and asks the child questions when the stated age is in serious doubt', async () => {
    // 18 the day before arrival: an adult, not asked the child questions.
    const born = new Date(Date.now() - 2 * HOUR);
    const eighteen = `${born.getUTCFullYear() - 18}-${String(born.getUTCMonth() + 1).padStart(2, '0')}-${String(born.getUTCDate()).padStart(2, '0')}`;
    const adult = await post(intake(NMG, [man({ version: 3, answers: { child_labour: true } }, { statedAge: undefined, dateOfBirth: eighteen })]));
    expect(fields(adult).map((f) => f.path)).toEqual(['persons[0].screening.answers.child_labour']);
    const doubted = await post(intake(NMG, [man({ version: 3, answers: { serious_doubt_about_age: true, age_doubt_grounds: 'Looks much younger', child_labour: true } }, { statedAge: 19 })]));
    expect({ status: doubted.status, fields: fields(doubted) }).toEqual({ status: 201, fields: [] });
  });

  it('accepts version 2 answers (and answers naming no version) as before: no conditions apply to them', async () => {
    const v2 = await post(intake(NMG, [man({ version: 2, answers: { caregiver_present: false, pregnant: false, sexual_violence_hours_ago: 5 } })]));
    expect({ status: v2.status, fields: fields(v2) }).toEqual({ status: 201, fields: [] });
    const unnamed = await post(intake(NMG, [man({ answers: { fear_reasons: ['CONFLICT'], onward_destination_place: 'Lusaka' } })]));
    expect({ status: unnamed.status, fields: fields(unnamed) }).toEqual({ status: 201, fields: [] });
    const v1 = await post(intake(NMG, [man({ version: 1, answers: { child_labour: false } })]));
    expect(v1.status).toBe(201);
  });

  it('refuses, when completing a mass-arrival record with version 3, an answer that does not apply (path under person)', async () => {
    const registered = await post({
      intakeId: randomUUID(),
      mode: 'MASS_ARRIVAL',
      arrival: { borderPointId: NMG, arrivedAt: iso(HOUR), mode: 'SEA' },
      persons: [{ sex: 'MALE', nationalities: ['COD'], statedAge: 40, description: 'man, grey coat' }],
    });
    expect(registered.status).toBe(201);
    const { id, version } = registered.body.cases[0] as { id: string; version: number };
    const auth = await api.as('border.official');
    const person = (answers: Json): Json => ({ givenName: 'Pascal', sex: 'MALE', statedAge: 40, nationalities: ['COD'], screening: { version: 3, answers } });
    const refused = await api.http().put(`/api/v1/cases/${id}/intake`).set(auth).send({ version, person: person({ torture_account: 'They beat me', torture_reported: false }) });
    expect({ status: refused.status, code: refused.body.code, fields: fields(refused) }).toEqual({
      status: 400,
      code: 'INTAKE.INVALID',
      fields: [{ path: 'person.screening.answers.torture_account', problem: expect.stringMatching(/^does not apply: asked only when one of "Torture reported", /) }],
    });
    const done = await api.http().put(`/api/v1/cases/${id}/intake`).set(auth).send({ version, person: person({ torture_account: 'They beat me', torture_reported: true }) });
    expect({ status: done.status, fields: fields(done) }).toEqual({ status: 200, fields: [] });
  });
});

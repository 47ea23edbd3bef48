import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';

const arrival = (borderPointId: string, mode = 'LAND') => ({ borderPointId, arrivedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(), mode });
type Profile = { profile: string; status: string; routable: boolean; urgency: string; origin?: string; indicators?: { id: string }[] };
const codes = (profiles: Profile[]): string[] => profiles.map((p) => p.profile);

describe('profiling in the case: suggestions, versions, decisions, visibility', () => {
  let api: DemoApi;
  let NMG: string;
  let KGM: string;
  let TUMAINI: string;

  async function register(body: Record<string, unknown>, user = 'border.official'): Promise<{ id: string; profiles: Profile[]; ref?: string }[]> {
    const res = await api.http().post('/api/v1/intakes').set(await api.as(user)).send({ intakeId: randomUUID(), ...body });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.cases;
  }
  const profilesOf = async (id: string, user = 'border.official') =>
    (await api.http().get(`/api/v1/cases/${id}/profiles`).set(await api.as(user)).expect(200)).body as {
      current: Profile[];
      history: { version: number; ruleSetVersion: string; sopVersionId: string | null; trigger: string; diff: { added: string[]; removed: string[] } }[];
      decisions: { profile: string; action: string; reason: string | null }[];
    };

  beforeAll(async () => {
    api = await startDemoApi('profiles');
    NMG = await api.borderPointId('NMG');
    KGM = await api.borderPointId('KGM');
    TUMAINI = await api.agencyId('Tumaini Shelter');
  }, 60_000);
  afterAll(() => api.close());

  it('suggests every profile at intake, with urgent ones counting for routing at once', async () => {
    const [girl, adult] = await register({
      arrival: arrival(NMG),
      persons: [
        {
          ref: 'girl',
          givenName: 'Selam',
          familyName: 'Haile',
          sex: 'FEMALE',
          statedAge: 15,
          nationalities: ['ETH'],
          travelledWith: [{ ref: 'man', relationship: 'UNRELATED' }],
          screening: { answers: { caregiver_present: false, caregiver_relationship: 'UNRELATED_ADULT', adult_answers_for_child: true, adult_holds_child_documents: true } },
        },
        { ref: 'man', givenName: 'Tesfaye', familyName: 'Gebru', sex: 'MALE', statedAge: 38, nationalities: ['ETH'], screening: { answers: { reasons_for_leaving: ['WORK'] } } },
      ],
    });
    expect(codes(girl.profiles)).toEqual(['UNACCOMPANIED_CHILD', 'CHILD_AT_RISK', 'TRAFFICKING_VICTIM']);
    const byCode = Object.fromEntries(girl.profiles.map((p) => [p.profile, p]));
    expect(byCode.UNACCOMPANIED_CHILD).toMatchObject({ status: 'SUGGESTED', routable: true, urgency: 'IMMEDIATE' });
    expect(byCode.TRAFFICKING_VICTIM).toMatchObject({ status: 'SUGGESTED', routable: true });
    expect(byCode.CHILD_AT_RISK).toMatchObject({ status: 'SUGGESTED', routable: false });
    expect(codes(adult.profiles)).toEqual(['MIGRANT']);

    const view = await profilesOf(girl.id);
    expect(view.history).toEqual([expect.objectContaining({ version: 1, trigger: 'INTAKE', ruleSetVersion: expect.any(String), diff: expect.objectContaining({ added: codes(girl.profiles), removed: [] }) })]);
    expect(view.current[0].indicators?.length).toBeGreaterThan(0);
    // The run used the rules of the joint SOP active for the case, and says which version.
    const [active] = await api.owner<{ id: string }>(`SELECT id FROM sop_version WHERE status = 'ACTIVE'`);
    expect(view.history[0]).toMatchObject({ sopVersionId: active.id });
  });

  it('lets the official confirm, remove (with a reason) and add (with a reason); decisions survive the next run', async () => {
    const [person] = await register({
      arrival: arrival(NMG),
      persons: [
        {
          givenName: 'Xaawo',
          familyName: 'Maxamuud',
          sex: 'FEMALE',
          dateOfBirth: '1991-02-02',
          nationalities: ['SOM'],
          areaOfOrigin: { name: 'Lower Shabelle', code: 'SO-SH' },
          screening: { answers: { fear_of_return: true, asylum_wish_expressed: true, reasons_for_leaving: ['CONFLICT'] } },
        },
      ],
    });
    expect(codes(person.profiles)).toEqual(['ASYLUM_SEEKER', 'PRIMA_FACIE_REFUGEE']);
    const url = `/api/v1/cases/${person.id}/profiles`;
    const auth = await api.as('border.official');

    const confirmed = await api.http().post(`${url}/ASYLUM_SEEKER/confirm`).set(auth).expect(200);
    expect(confirmed.body.find((p: Profile) => p.profile === 'ASYLUM_SEEKER')).toMatchObject({ status: 'CONFIRMED', routable: true });
    expect((await api.http().post(`${url}/ASYLUM_SEEKER/confirm`).set(auth).expect(409)).body.code).toBe('PROFILE.ALREADY_CONFIRMED');

    const noReason = await api.http().post(`${url}/PRIMA_FACIE_REFUGEE/remove`).set(auth).send({}).expect(400);
    expect(noReason.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['reason']);
    await api.http().post(`${url}/PRIMA_FACIE_REFUGEE/remove`).set(auth).send({ reason: 'Area of origin given is in Somaliland, corrected on interview' }).expect(200);
    const added = await api.http().post(url).set(auth).send({ profile: 'SGBV_SURVIVOR', reason: 'Disclosed to the female officer after the screening' }).expect(201);
    expect(added.body.find((p: Profile) => p.profile === 'SGBV_SURVIVOR')).toMatchObject({ origin: 'ADDED', status: 'CONFIRMED', routable: true });
    await api.http().post(url).set(auth).send({ profile: 'NOT_A_PROFILE', reason: 'whatever it is' }).expect(400);
    await api.http().post(`${url}/MIGRANT/confirm`).set(auth).expect(404);

    // A correction runs profiling again: the decisions stand, the history grows.
    const current = await api.http().get(`/api/v1/cases/${person.id}`).set(auth).expect(200);
    await api.http()
      .put(`/api/v1/cases/${person.id}/intake`)
      .set(auth)
      .send({
        version: current.body.version,
        person: {
          givenName: 'Xaawo',
          familyName: 'Maxamuud',
          sex: 'FEMALE',
          dateOfBirth: '1991-02-02',
          nationalities: ['SOM'],
          areaOfOrigin: { name: 'Lower Shabelle', code: 'SO-SH' },
          screening: { answers: { fear_of_return: true, asylum_wish_expressed: true, reasons_for_leaving: ['CONFLICT'], pregnant: true } },
        },
      })
      .expect(200);
    const view = await profilesOf(person.id);
    expect(view.current.map((p) => [p.profile, p.status])).toEqual([
      ['ASYLUM_SEEKER', 'CONFIRMED'],
      ['PRIMA_FACIE_REFUGEE', 'REMOVED'],
      ['SGBV_SURVIVOR', 'CONFIRMED'],
      ['SPECIFIC_NEEDS', 'SUGGESTED'],
    ]);
    expect(view.history.map((h) => [h.version, h.trigger, h.diff.added])).toEqual([
      [2, 'INTAKE_CORRECTED', ['SPECIFIC_NEEDS']],
      [1, 'INTAKE', ['ASYLUM_SEEKER', 'PRIMA_FACIE_REFUGEE']],
    ]);
    expect(view.decisions.map((d) => [d.profile, d.action])).toEqual([
      ['ASYLUM_SEEKER', 'CONFIRM'],
      ['PRIMA_FACIE_REFUGEE', 'REMOVE'],
      ['SGBV_SURVIVOR', 'ADD'],
    ]);
    const audited = await api.owner<{ action: string }>(`SELECT action FROM audit_event WHERE case_id = $1 AND action LIKE 'PROFILE.%' ORDER BY id`, [person.id]);
    expect(audited.map((a) => a.action)).toEqual(['PROFILE.CONFIRMED', 'PROFILE.REMOVED', 'PROFILE.ADDED']);

    // The list filters by profile, and a removed one no longer counts.
    const asylum = await api.http().get('/api/v1/cases').query({ profile: 'ASYLUM_SEEKER', limit: 100 }).set(auth).expect(200);
    expect(asylum.body.items.map((c: { id: string }) => c.id)).toContain(person.id);
    expect(asylum.body.items.every((c: { profiles: string[] }) => c.profiles.includes('ASYLUM_SEEKER'))).toBe(true);
    const primaFacie = await api.http().get('/api/v1/cases').query({ profile: 'PRIMA_FACIE_REFUGEE', limit: 100 }).set(auth).expect(200);
    expect(primaFacie.body.items.map((c: { id: string }) => c.id)).not.toContain(person.id);
    await api.http().get('/api/v1/cases').query({ profile: 'HAPPY' }).set(auth).expect(400);
  });

  it('profiles a mass-arrival record from its urgent flags, and again when it is completed', async () => {
    const [boy] = await register({
      mode: 'MASS_ARRIVAL',
      arrival: arrival(KGM, 'SEA'),
      persons: [{ description: 'boy, about 12', sex: 'MALE', statedAge: 12, nationalities: ['COD'], urgentNeeds: ['UNACCOMPANIED_CHILD'] }],
    });
    expect(boy.profiles).toEqual([{ profile: 'UNACCOMPANIED_CHILD', urgency: 'IMMEDIATE', status: 'SUGGESTED', routable: true }]);
    await api.http()
      .put(`/api/v1/cases/${boy.id}/intake`)
      .set(await api.as('border.official'))
      .send({
        version: 1,
        person: {
          givenName: 'Patrick',
          familyName: 'Ilunga',
          sex: 'MALE',
          statedAge: 12,
          nationalities: ['COD'],
          screening: { answers: { caregiver_present: false, caregiver_relationship: 'NONE', fear_of_return: true } },
        },
      })
      .expect(200);
    const view = await profilesOf(boy.id);
    expect(codes(view.current)).toEqual(['ASYLUM_SEEKER', 'UNACCOMPANIED_CHILD']);
    expect(view.history[0]).toMatchObject({ version: 2, trigger: 'INTAKE_COMPLETED', diff: { added: ['ASYLUM_SEEKER'], removed: [] } });
  });

  it('shows an agency only the profiles whose sections it may see, and keeps decisions with the border point', async () => {
    const [woman] = await register({
      arrival: arrival(NMG),
      persons: [
        {
          givenName: 'Neema',
          familyName: 'Kahindi',
          sex: 'FEMALE',
          statedAge: 24,
          nationalities: ['COD'],
          documentsHeldByOther: true,
          screening: { answers: { fear_of_return: true, movement_controlled: true, debt_bondage: true, deceived_about_job: true, pregnant: true } },
        },
      ],
    });
    expect(codes(woman.profiles)).toEqual(['ASYLUM_SEEKER', 'TRAFFICKING_VICTIM', 'SPECIFIC_NEEDS']);
    await api.owner(`INSERT INTO case_share (case_id, agency_id, source) VALUES ($1, $2, 'REFERRAL')`, [woman.id, TUMAINI]);

    const shelter = await profilesOf(woman.id, 'shelter.caseworker');
    expect(codes(shelter.current)).toEqual(['SPECIFIC_NEEDS']);
    expect(shelter.history[0].diff.added).toEqual(['SPECIFIC_NEEDS']);
    const caseView = await api.http().get(`/api/v1/cases/${woman.id}`).set(await api.as('shelter.caseworker')).expect(200);
    expect(codes(caseView.body.profiles)).toEqual(['SPECIFIC_NEEDS']);
    expect(JSON.stringify(caseView.body)).not.toContain('TRAFFICKING_VICTIM');

    await api.http()
      .post(`/api/v1/cases/${woman.id}/consents`)
      .set(await api.as('border.official'))
      .send({ purpose: 'REFERRAL', recipientAgencyId: TUMAINI, fieldGroups: ['TRAFFICKING'], decision: 'GIVEN', language: 'sw' })
      .expect(201);
    expect(codes((await profilesOf(woman.id, 'shelter.caseworker')).current)).toEqual(['TRAFFICKING_VICTIM', 'SPECIFIC_NEEDS']);

    // Deciding belongs to the border point of arrival: not the shelter's manager, not another border point, not a caseworker.
    const manager = await api.http().post(`/api/v1/cases/${woman.id}/profiles/SPECIFIC_NEEDS/confirm`).set(await api.as('shelter.manager')).expect(403);
    expect(manager.body.code).toBe('INTAKE.BORDER_POINT_NOT_ASSIGNED');
    await api.http().post(`/api/v1/cases/${woman.id}/profiles/SPECIFIC_NEEDS/confirm`).set(await api.as('airport.official')).expect(404);
    await api.http().post(`/api/v1/cases/${woman.id}/profiles/SPECIFIC_NEEDS/confirm`).set(await api.as('shelter.caseworker')).expect(403);
    await api.http().get(`/api/v1/cases/${woman.id}/profiles`).set(await api.as('legal.caseworker')).expect(404);
    expect((await profilesOf(woman.id)).decisions).toEqual([]);
  });
});

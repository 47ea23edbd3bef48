import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';
import { shareWith } from './protection-fixtures';

const HOUR = 3_600_000;
const iso = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString();

/** A full single-person intake at a border point, overridable per test. */
function fullIntake(borderPointId: string, person: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    intakeId: randomUUID(),
    arrival: {
      borderPointId,
      arrivedAt: iso(2 * HOUR),
      mode: 'LAND',
      how: 'IRREGULAR_CROSSING',
      route: ['ETH', 'KEN'],
      intendedDestination: 'ZAF',
      smugglerUsed: true,
    },
    persons: [
      {
        givenName: 'Amina',
        familyName: 'Warsame',
        otherNames: ['Aamina Warsame Ali'],
        sex: 'FEMALE',
        dateOfBirth: '1996-03-12',
        nationalities: ['SOM'],
        areaOfOrigin: { name: 'Lower Shabelle', code: 'SO-SH' },
        languages: ['so', 'sw'],
        interpreter: { needed: true, sex: 'FEMALE' },
        documents: [{ kind: 'PASSPORT', number: 'P 445-1122', issuingCountry: 'SOM' }],
        informationGiven: { topics: ['ASYLUM', 'LEGAL_AID'], language: 'so', leafletVersion: 'TZA-2026.1' },
        screening: {
          answers: {
            reasons_for_leaving: ['CONFLICT'],
            health_triage: 'NEEDS_CARE',
            fear_of_return: true,
            asylum_wish_expressed: true,
            asylum_statement: 'My village was attacked and my brother was killed.',
            health_need: 'Untreated wound on the left arm',
            movement_controlled: true,
            trafficking_account: 'The driver kept our papers until we paid more.',
          },
        },
        ...person,
      },
    ],
    ...extra,
  };
}

describe('intake: registering arrivals', () => {
  let api: DemoApi;
  let NMG: string;
  let KGM: string;
  let DAR: string;
  const count = async (table: string): Promise<number> => Number((await api.owner<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    api = await startDemoApi('intake');
    NMG = await api.borderPointId('NMG');
    KGM = await api.borderPointId('KGM');
    DAR = await api.borderPointId('DAR');
  }, 60_000);
  afterAll(() => api.close());

  it('registers a full intake in one request: case, number, person, encrypted sensitive answers, audit', async () => {
    const body = fullIntake(NMG);
    const res = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(body).expect(201);
    expect(res.body.intakeId).toBe(body.intakeId);
    expect(res.body.cases).toHaveLength(1);
    const [registered] = res.body.cases;
    expect(registered.caseNumber).toMatch(new RegExp(`^TZA-NMG-${new Date().getUTCFullYear()}-\\d{6}$`));
    expect(registered).toMatchObject({ status: 'OPEN', version: 1, possibleEncounters: [] });

    const stored = await api.owner<{ field_group: string; content: unknown; ciphertext: string | null }>(
      `SELECT field_group, content, ciphertext FROM case_section WHERE case_id = $1 ORDER BY field_group`,
      [registered.id],
    );
    expect(stored.map((s) => s.field_group)).toEqual(['ARRIVAL', 'ASYLUM', 'HEALTH', 'NEEDS', 'TRAFFICKING']);
    for (const section of stored.filter((s) => ['ASYLUM', 'HEALTH', 'TRAFFICKING'].includes(s.field_group))) {
      expect(section.content).toBeNull();
      expect(section.ciphertext).toMatch(/^v1\./);
      expect(section.ciphertext).not.toContain('village');
    }
    const everything = JSON.stringify(await api.owner(`SELECT * FROM case_section WHERE case_id = $1`, [registered.id]));
    expect(everything).not.toContain('brother was killed');
    expect(everything).not.toContain('kept our papers');

    // Movement controlled by others is a strong trafficking indicator: the presumed victim is referred at once, and the referrals audit their own.
    const audit = await api.owner<{ action: string; field_groups: string[]; purpose: string }>(
      `SELECT action, field_groups, purpose FROM audit_event WHERE case_id = $1 AND action NOT LIKE 'REFERRAL.%'`,
      [registered.id],
    );
    expect(audit).toEqual([
      { action: 'CASE.REGISTERED', field_groups: ['IDENTITY', 'ARRIVAL', 'NEEDS', 'ASYLUM', 'HEALTH', 'TRAFFICKING'], purpose: 'INTAKE' },
    ]);
  });

  it('shows the registering border official the groups their agency may see, and names the ones withheld', async () => {
    const reg = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(fullIntake(NMG)).expect(201);
    const id = reg.body.cases[0].id as string;
    const res = await api.http().get(`/api/v1/cases/${id}`).set(await api.as('border.official')).expect(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body.fieldGroups).toEqual(['IDENTITY', 'ARRIVAL', 'NEEDS']);
    expect(res.body.withheldFieldGroups).toEqual(['ASYLUM', 'TRAFFICKING', 'HEALTH']);
    expect(res.body.sections.IDENTITY).toMatchObject({
      givenName: 'Amina',
      familyName: 'Warsame',
      nationalities: ['SOM'],
      documents: [{ kind: 'PASSPORT', number: 'P 445-1122', issuingCountry: 'SOM', expiresOn: null }],
      interpreter: { needed: true, sex: 'FEMALE' },
    });
    expect(res.body.sections.ARRIVAL).toMatchObject({ mode: 'LAND', route: ['ETH', 'KEN'], informationGiven: { topics: ['ASYLUM', 'LEGAL_AID'] } });
    expect(res.body.sections.NEEDS).toEqual({ questionnaire: 'kivuko-screening@2', answers: { reasons_for_leaving: ['CONFLICT'], health_triage: 'NEEDS_CARE' } });
    expect(JSON.stringify(res.body)).not.toContain('village');
    const reads = await api.owner<{ field_groups: string[] }>(`SELECT field_groups FROM audit_event WHERE case_id = $1 AND action = 'CASE.READ'`, [id]);
    expect(reads).toEqual([{ field_groups: ['IDENTITY', 'ARRIVAL', 'NEEDS'] }]);
  });

  it('accepts a minimal mass-arrival record as INCOMPLETE with a completion task, and completes it at the current version only', async () => {
    const body = {
      intakeId: randomUUID(),
      mode: 'MASS_ARRIVAL',
      arrival: { borderPointId: KGM, arrivedAt: iso(HOUR), mode: 'SEA' },
      persons: [{ description: 'boy, about 12, blue shirt', sex: 'MALE', statedAge: 12, nationalities: ['COD'], urgentNeeds: ['UNACCOMPANIED_CHILD'] }],
    };
    const reg = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(body).expect(201);
    const id = reg.body.cases[0].id as string;
    expect(reg.body.cases[0]).toMatchObject({ status: 'INCOMPLETE', caseNumber: expect.stringMatching(/^TZA-KGM-/) });
    const before = await api.http().get(`/api/v1/cases/${id}`).set(await api.as('border.official')).expect(200);
    // Completing the record is the border point's task; the urgent child referral, routed at once, waits for
    // consent or the child's best interests to be recorded: a task too.
    expect(before.body.openTasks.map((t: { kind: string }) => t.kind).sort()).toEqual(['COMPLETE_INTAKE', 'OBTAIN_CONSENT']);
    expect(before.body.sections.NEEDS).toEqual({ urgentNeeds: ['UNACCOMPANIED_CHILD'] });

    const complete = {
      person: {
        givenName: 'Jean',
        familyName: 'Mukendi',
        sex: 'MALE',
        statedAge: 12,
        nationalities: ['COD'],
        languages: ['fr', 'sw'],
        screening: { answers: { caregiver_present: false, caregiver_relationship: 'NONE' } },
      },
    };
    // Missing version, then a stale one: refused, nothing changes.
    await api.http().put(`/api/v1/cases/${id}/intake`).set(await api.as('border.official')).send(complete).expect(400);
    const stale = await api.http().put(`/api/v1/cases/${id}/intake`).set(await api.as('border.official')).send({ ...complete, version: 2 }).expect(409);
    expect(stale.body.code).toBe('CASE.VERSION_CONFLICT');
    // The full checks apply on completion.
    const bad = await api.http()
      .put(`/api/v1/cases/${id}/intake`)
      .set(await api.as('border.official'))
      .send({ version: 1, person: { ...complete.person, screening: { answers: { caregiver_present: 'no' } } } })
      .expect(400);
    expect(bad.body.details.fields).toEqual([{ path: 'person.screening.answers.caregiver_present', problem: 'must be true or false' }]);

    const done = await api.http().put(`/api/v1/cases/${id}/intake`).set({ ...(await api.as('border.official')), 'if-match': '"1"' }).send(complete).expect(200);
    expect(done.headers.etag).toBe('"2"');
    expect(done.body).toMatchObject({ status: 'OPEN', version: 2 });
    expect(done.body.openTasks.map((t: { kind: string }) => t.kind)).toEqual(['OBTAIN_CONSENT']);
    expect(done.body.sections.CHILD).toEqual({ questionnaire: 'kivuko-screening@2', answers: { caregiver_present: false, caregiver_relationship: 'NONE' } });
    expect(done.body.sections.IDENTITY).toMatchObject({ givenName: 'Jean', description: null, ageAtArrival: 12 });
    const again = await api.http().put(`/api/v1/cases/${id}/intake`).set(await api.as('border.official')).send({ ...complete, version: 1 }).expect(409);
    expect(again.body.details).toEqual({ currentVersion: 2 });
  });

  it('registers a family in one request: a case each, linked with their claimed relationships, unverified', async () => {
    const body = fullIntake(NMG, {}, {});
    const mother = { ...(body.persons as Record<string, unknown>[])[0], ref: 'mother', documents: [] };
    const child = {
      ref: 'child',
      givenName: 'Hodan',
      familyName: 'Warsame',
      sex: 'FEMALE',
      dateOfBirth: '2019-01-05',
      dateOfBirthEstimated: true,
      nationalities: ['SOM'],
      travelledWith: [{ ref: 'mother', relationship: 'MOTHER' }],
      screening: { answers: { caregiver_present: true, caregiver_relationship: 'PARENT' } },
    };
    const res = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send({ ...body, persons: [mother, child] }).expect(201);
    expect(res.body.cases.map((c: { ref: string }) => c.ref)).toEqual(['mother', 'child']);
    const numbers = res.body.cases.map((c: { caseNumber: string }) => c.caseNumber);
    expect(new Set(numbers).size).toBe(2);
    const childView = await api.http().get(`/api/v1/cases/${res.body.cases[1].id}`).set(await api.as('border.official')).expect(200);
    expect(childView.body.sections.ARRIVAL.travelledWith).toEqual([
      { caseId: res.body.cases[0].id, caseNumber: numbers[0], relationship: 'MOTHER', claimedBy: 'THIS_PERSON', verified: false },
    ]);
    const motherView = await api.http().get(`/api/v1/cases/${res.body.cases[0].id}`).set(await api.as('border.official')).expect(200);
    expect(motherView.body.sections.ARRIVAL.travelledWith).toEqual([
      { caseId: res.body.cases[1].id, caseNumber: numbers[1], relationship: 'MOTHER', claimedBy: 'COMPANION', verified: false },
    ]);
    expect(childView.body.sections.IDENTITY.ageAtArrival).toBeGreaterThanOrEqual(6);

    // The claim stays unverified until someone entitled checks it.
    const verify = `/api/v1/cases/${res.body.cases[1].id}/companions/${res.body.cases[0].id}/verification`;
    await api.http().post(verify).set(await api.as('border.official')).send({ verified: true, note: 'Birth certificate seen' }).expect(403);
    const bad = await api.http().post(verify).set(await api.as('border.supervisor')).send({ verified: 'yes' }).expect(400);
    expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['note', 'verified']);
    const verified = await api.http().post(verify).set(await api.as('border.supervisor')).send({ verified: true, note: 'Birth certificate seen' }).expect(200);
    expect(verified.body).toMatchObject({ caseId: res.body.cases[1].id, companionCaseId: res.body.cases[0].id, relationship: 'MOTHER', verified: true });
    const after = await api.http().get(`/api/v1/cases/${res.body.cases[0].id}`).set(await api.as('border.official')).expect(200);
    expect(after.body.sections.ARRIVAL.travelledWith[0].verified).toBe(true);
    await api.http()
      .post(`/api/v1/cases/${res.body.cases[1].id}/companions/${randomUUID()}/verification`)
      .set(await api.as('border.supervisor'))
      .send({ verified: true, note: 'Birth certificate seen' })
      .expect(404);
  });

  it('numbers concurrent registrations at one border point without duplicates or gaps', async () => {
    const auth = await api.as('border.official');
    const bodies = Array.from({ length: 20 }, () => fullIntake(KGM, { documents: [], otherNames: [] }));
    const responses = await Promise.all(bodies.map((body) => api.http().post('/api/v1/intakes').set(auth).send(body)));
    expect(responses.map((r) => r.status)).toEqual(bodies.map(() => 201));
    const sequences = responses.map((r) => Number((r.body.cases[0].caseNumber as string).split('-')[3])).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(20);
    expect(sequences[19] - sequences[0]).toBe(19);
  });

  it('answers a retried submission with the first answer and writes nothing; a different payload under the same id is a conflict', async () => {
    const body = fullIntake(NMG, { documents: [] });
    const first = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(body).expect(201);
    const cases = await count('case_file');
    const audits = await count('audit_event');
    const retry = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(body).expect(200);
    expect(retry.body).toEqual(first.body);
    // The same content with its keys in another order is the same submission.
    const reordered = JSON.parse(JSON.stringify({ persons: body.persons, arrival: body.arrival, intakeId: body.intakeId }));
    await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(reordered).expect(200);
    expect(await count('case_file')).toBe(cases);

    const changed = fullIntake(NMG, { givenName: 'Someone Else', documents: [] }, { intakeId: body.intakeId });
    const conflict = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(changed).expect(409);
    expect(conflict.body.code).toBe('INTAKE.ID_CONFLICT');
    expect(await count('case_file')).toBe(cases);
    expect(await count('audit_event')).toBe(audits);
  });

  it('handles the same submission sent twice at once: one registration, both answers equal', async () => {
    const body = fullIntake(NMG, { documents: [] });
    const auth = await api.as('border.official');
    const [a, b] = await Promise.all([api.http().post('/api/v1/intakes').set(auth).send(body), api.http().post('/api/v1/intakes').set(auth).send(body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body).toEqual(b.body);
    expect(await api.owner(`SELECT id FROM case_file WHERE intake_id = $1`, [body.intakeId])).toHaveLength(1);
  });

  it('lets officials register only at their own border points, and hides other border points’ cases (404)', async () => {
    const refused = await api.http().post('/api/v1/intakes').set(await api.as('airport.official')).send(fullIntake(NMG)).expect(403);
    expect(refused.body.code).toBe('INTAKE.BORDER_POINT_NOT_ASSIGNED');
    const reg = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(fullIntake(NMG, { documents: [] })).expect(201);
    const id = reg.body.cases[0].id as string;
    const hidden = await api.http().get(`/api/v1/cases/${id}`).set(await api.as('airport.official')).expect(404);
    expect(hidden.body.code).toBe('CASE.NOT_FOUND');
    await api.http().get(`/api/v1/cases/${id}`).set(await api.as('border.supervisor')).expect(200);
    await api.http().get(`/api/v1/cases/${id}`).set(await api.as('analyst')).expect(403);
    await api.http().post('/api/v1/intakes').set(await api.as('shelter.caseworker')).send(fullIntake(NMG)).expect(403);
    const airport = await api.http().post('/api/v1/intakes').set(await api.as('airport.official')).send(fullIntake(DAR, { documents: [] }, { arrival: { borderPointId: DAR, arrivedAt: iso(HOUR), mode: 'AIR' } })).expect(201);
    expect(airport.body.cases[0].caseNumber).toMatch(/^TZA-DAR-/);
  });
  describe('the facts screening questionnaire v2 added', () => {
    const register = async (person: Record<string, unknown>) => api.http().post('/api/v1/intakes').set(await api.as('border.official')).send(fullIntake(NMG, person));
    const profilesOf = async (id: string) =>
      (await api.http().get(`/api/v1/cases/${id}/profiles`).set(await api.as('border.official')).expect(200)).body.current as { profile: string; urgency: string; needsCodes: string[]; indicators: { id: string; evidence: string[] }[] }[];

    it('takes each new question in its field group, and profiles on those that bear on a profile', async () => {
      const reg = await register({
        givenName: 'Blessing',
        familyName: 'Okafor',
        nationalities: ['NGA'],
        areaOfOrigin: undefined,
        screening: {
          answers: {
            reasons_for_leaving: ['WORK'],
            documents_lost_or_stolen: true,
            onward_movement: 'ONWARD_TO_ANOTHER_COUNTRY',
            onward_destination_place: 'Johannesburg',
            trafficked_before: true,
            fears_traffickers_on_return: true,
            chronic_illness_without_medication: true,
          },
        },
      });
      expect(reg.status).toBe(201);
      const id = reg.body.cases[0].id as string;
      const profiles = await profilesOf(id);
      expect(profiles.map((p) => p.profile)).toEqual(['ASYLUM_SEEKER', 'TRAFFICKING_VICTIM', 'SPECIFIC_NEEDS']);
      const byCode = Object.fromEntries(profiles.map((p) => [p.profile, p]));
      expect(byCode.ASYLUM_SEEKER.indicators.map((i) => i.id)).toEqual(['asylum.fear_of_traffickers']);
      expect(byCode.TRAFFICKING_VICTIM.indicators.flatMap((i) => i.evidence)).toEqual(['trafficked before (strong indicator)', 'afraid of the traffickers at home (medium indicator)']);
      expect(byCode.SPECIFIC_NEEDS).toMatchObject({ urgency: 'HIGH', needsCodes: ['SM-CI'] });

      const sections = await api.owner<{ field_group: string; encrypted: boolean }>(
        `SELECT field_group, ciphertext IS NOT NULL AS encrypted FROM case_section WHERE case_id = $1 AND field_group <> 'ARRIVAL' ORDER BY field_group`,
        [id],
      );
      expect(sections).toEqual([
        { field_group: 'HEALTH', encrypted: true },
        { field_group: 'NEEDS', encrypted: false },
        { field_group: 'TRAFFICKING', encrypted: true },
      ]);
      const read = await api.http().get(`/api/v1/cases/${id}`).set(await api.as('border.official')).expect(200);
      expect(read.body.sections.NEEDS).toEqual({
        questionnaire: 'kivuko-screening@2',
        answers: { reasons_for_leaving: ['WORK'], documents_lost_or_stolen: true, onward_movement: 'ONWARD_TO_ANOTHER_COUNTRY', onward_destination_place: 'Johannesburg' },
      });
    });

    it('still takes version 1 answers, and refuses version 2 questions put to version 1 (400 naming each)', async () => {
      const v1 = await register({ screening: { version: 1, answers: { reasons_for_leaving: ['WORK'], debt_bondage: true } } });
      expect(v1.status).toBe(201);
      const read = await api.http().get(`/api/v1/cases/${v1.body.cases[0].id}`).set(await api.as('border.official')).expect(200);
      expect(read.body.sections.NEEDS).toEqual({ questionnaire: 'kivuko-screening@1', answers: { reasons_for_leaving: ['WORK'] } });
      const mixed = await register({ screening: { version: 1, answers: { journey_debt: true, serious_doubt_about_age: true } } });
      expect(mixed.status).toBe(400);
      expect(mixed.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['persons[0].screening.answers.journey_debt', 'persons[0].screening.answers.serious_doubt_about_age']);
    });

    it('keeps the presumption of minority under a serious doubt about the age, and counts that doubt for an age assessment', async () => {
      const child = { givenName: 'Yonas', familyName: 'Tekle', sex: 'MALE', dateOfBirth: undefined, statedAge: 16, nationalities: ['ERI'], areaOfOrigin: undefined };
      const doubted = await register({ ...child, screening: { answers: { caregiver_present: false, serious_doubt_about_age: true, age_doubt_grounds: 'Says he is 16; has worked as a driver for ten years' } } });
      expect(doubted.status).toBe(201);
      const id = doubted.body.cases[0].id as string;
      expect((await profilesOf(id)).map((p) => p.profile)).toEqual(['UNACCOMPANIED_CHILD']);
      await shareWith(api, id, 'Child Protection Service');
      const requested = await api.http().post(`/api/v1/cases/${id}/age-assessments`).set(await api.as('child.protection')).send({ requestedOn: new Date().toISOString().slice(0, 10) });
      expect(requested.status).toBe(201);
      expect(requested.body.seriousDoubt).toBe('Recorded at intake: Says he is 16; has worked as a driver for ten years');

      const undoubted = await register({ ...child, givenName: 'Robel', screening: { answers: { caregiver_present: false } } });
      const other = undoubted.body.cases[0].id as string;
      await shareWith(api, other, 'Child Protection Service');
      const refused = await api.http().post(`/api/v1/cases/${other}/age-assessments`).set(await api.as('child.protection')).send({ requestedOn: new Date().toISOString().slice(0, 10) });
      expect(refused.status).toBe(400);
      expect(refused.body.details.fields).toEqual([{ path: 'seriousDoubt', problem: 'is required: no serious doubt about the stated age was recorded at intake' }]);
    });

    it('reads an adult’s unverified claim to be family as its own fact: a separated child at risk, not a child with no one', async () => {
      const reg = await register({
        givenName: 'Hodan',
        sex: 'FEMALE',
        dateOfBirth: undefined,
        statedAge: 13,
        areaOfOrigin: { name: 'Woqooyi Galbeed', code: 'SO-WO' },
        screening: { answers: { adult_claims_relationship_unverified: true } },
      });
      expect(reg.status).toBe(201);
      expect((await profilesOf(reg.body.cases[0].id)).map((p) => p.profile)).toEqual(['SEPARATED_CHILD', 'CHILD_AT_RISK']);
    });
  });
});

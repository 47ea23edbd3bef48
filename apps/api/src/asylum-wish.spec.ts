import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';
import { day, registerArrival, shareWith } from './protection-fixtures';

/**
 * An asylum wish, once recorded in any words, cannot be profiled away: nobody removes ASYLUM_SEEKER and
 * the non-refoulement lock counts the wish until the asylum authority records the person's own
 * withdrawal of it (date, words, interpreter, language). Then the profile may go and the lock lets go.
 * A withdrawal ends only the wish recorded before it: a wish expressed again afterwards stands anew.
 */
describe('an asylum wish and its withdrawal', () => {
  let api: DemoApi;

  beforeAll(async () => {
    api = await startDemoApi('asylum-wish');
  }, 60_000);
  afterAll(() => api.close());

  const post = async (username: string, path: string, body: object) => api.http().post(`/api/v1/${path}`).set(await api.as(username)).send(body);
  const get = async (username: string, path: string) => api.http().get(`/api/v1/${path}`).set(await api.as(username));
  const standing = async (caseId: string): Promise<[string, string][]> =>
    ((await get('border.official', `cases/${caseId}/profiles`)).body.current as { profile: string; status: string }[]).map((p) => [p.profile, p.status]);
  const removal = () => ({ decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' });
  const withdrawal = (extra: Record<string, unknown> = {}) => ({
    withdrawnOn: day(),
    words: 'I do not want asylum here. I want to go on to my brother in Johannesburg.',
    interpreterUsed: true,
    language: 'am',
    ...extra,
  });

  /** Replaces the person's record and screening at the case's current version (a correction). */
  async function correct(caseId: string, answers: Record<string, unknown>) {
    const [{ version }] = await api.owner<{ version: number }>(`SELECT version FROM case_file WHERE id = $1`, [caseId]);
    return api
      .http()
      .put(`/api/v1/cases/${caseId}/intake`)
      .set(await api.as('border.official'))
      .send({ version, person: { givenName: 'Tesfaye', familyName: 'Bekele', sex: 'MALE', statedAge: 30, nationalities: ['ETH'], languages: ['am', 'en'], screening: { answers } } });
  }
  const removalCheck = async (caseId: string) => (await get('asylum.reviewer', `cases/${caseId}/safeguards`)).body.removal as { allowed: boolean; reasons: { code: string }[] };
  const asylumSeekerProfile = async (caseId: string) => (await standing(caseId)).filter(([profile]) => profile === 'ASYLUM_SEEKER');
  const expressedAgain = { reasons_for_leaving: ['WORK'], asylum_wish_expressed: true, fear_of_return: true, asylum_wish_words: 'they will kill me' };

  /** A man who said at screening that he wants asylum, seen by the asylum and immigration authorities. */
  async function asylumSeeker(): Promise<string> {
    const caseId = await registerArrival(api, { answers: { reasons_for_leaving: ['WORK'], asylum_wish_expressed: true, asylum_wish_words: 'I ask for protection' } });
    for (const agency of ['Refugee Status Authority', 'Immigration Department']) await shareWith(api, caseId, agency);
    return caseId;
  }

  it('refuses a border official’s removal of ASYLUM_SEEKER with 409 SAFEGUARD.ASYLUM_WISH_RECORDED, keeps the profile and the attempt', async () => {
    const caseId = await asylumSeeker();
    const confirmed = await post('border.official', `cases/${caseId}/profiles/ASYLUM_SEEKER/confirm`, {});
    expect(confirmed.status).toBe(200);
    const refused = await post('border.official', `cases/${caseId}/profiles/ASYLUM_SEEKER/remove`, { reason: 'He only came to work, says the officer' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'SAFEGUARD.ASYLUM_WISH_RECORDED' });
    expect(await standing(caseId)).toEqual([['ASYLUM_SEEKER', 'CONFIRMED']]);
    const trail = await api.owner<{ safeguard: string; outcome: string; attempted: string; reasons: string[] }>(
      `SELECT safeguard, outcome, attempted, reasons FROM safeguard_event WHERE case_id = $1`,
      [caseId],
    );
    expect(trail).toEqual([{ safeguard: 'NON_REFOULEMENT', outcome: 'BLOCKED', attempted: 'REMOVE_PROFILE:ASYLUM_SEEKER', reasons: ['ASYLUM_WISH_PENDING'] }]);
    expect(await api.owner(`SELECT 1 FROM profile_decision WHERE case_id = $1 AND action = 'REMOVE'`, [caseId])).toEqual([]);
  });

  it('keeps a wish flagged at a mass arrival when the completed screening leaves it out', async () => {
    const borderPointId = await api.borderPointId('KGM');
    const res = await post('border.official', 'intakes', {
      intakeId: randomUUID(),
      mode: 'MASS_ARRIVAL',
      arrival: { borderPointId, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'SEA' },
      persons: [{ description: 'man, about 30', sex: 'MALE', statedAge: 30, nationalities: ['ETH'], urgentNeeds: ['ASYLUM_WISH'] }],
    });
    expect(res.status).toBe(201);
    const caseId = res.body.cases[0].id as string;
    const completed = await api
      .http()
      .put(`/api/v1/cases/${caseId}/intake`)
      .set(await api.as('border.official'))
      .send({ version: 1, person: { givenName: 'Dawit', familyName: 'Alemu', sex: 'MALE', statedAge: 30, nationalities: ['ETH'], screening: { answers: { reasons_for_leaving: ['WORK'] } } } });
    expect(completed.status).toBe(200);
    expect(await standing(caseId)).toEqual([['ASYLUM_SEEKER', 'SUGGESTED']]);
    const refused = await post('border.official', `cases/${caseId}/profiles/ASYLUM_SEEKER/remove`, { reason: 'Not repeated at the screening' });
    expect(refused.body.code).toBe('SAFEGUARD.ASYLUM_WISH_RECORDED');
  });

  it('refuses a withdrawal that is malformed (400 naming each field), not the asylum authority’s (403), or with no wish to withdraw (409)', async () => {
    const caseId = await asylumSeeker();
    const bad = await post('asylum.reviewer', `cases/${caseId}/asylum-wish/withdrawal`, { withdrawnOn: '2026-02-30', words: '', interpreterUsed: 'yes', language: 'Amharic' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['interpreterUsed', 'language', 'withdrawnOn', 'words']);
    const future = await post('asylum.reviewer', `cases/${caseId}/asylum-wish/withdrawal`, withdrawal({ withdrawnOn: day(2) }));
    expect({ status: future.status, paths: future.body.details?.fields?.map((f: { path: string }) => f.path) }).toEqual({ status: 400, paths: ['withdrawnOn'] });
    const byBorder = await post('border.official', `cases/${caseId}/asylum-wish/withdrawal`, withdrawal());
    expect({ status: byBorder.status, code: byBorder.body.code }).toEqual({ status: 403, code: 'RECORD.NOT_YOUR_MANDATE' });

    const migrant = await registerArrival(api, { answers: { reasons_for_leaving: ['WORK'] } });
    await shareWith(api, migrant, 'Refugee Status Authority');
    const nothing = await post('asylum.reviewer', `cases/${migrant}/asylum-wish/withdrawal`, withdrawal());
    expect({ status: nothing.status, code: nothing.body.code }).toEqual({ status: 409, code: 'ASYLUM.NO_WISH_RECORDED' });
    expect(await api.owner(`SELECT id FROM asylum_wish_withdrawal WHERE case_id = ANY ($1::uuid[])`, [[caseId, migrant]])).toEqual([]);
  });

  it('sends a wish that became a claim to the claim’s own withdrawal', async () => {
    const caseId = await asylumSeeker();
    expect((await post('asylum.reviewer', `cases/${caseId}/asylum-claim`, { registeredOn: day(), reference: 'RSA/2026/00777', procedure: 'REGULAR' })).status).toBe(201);
    const refused = await post('asylum.reviewer', `cases/${caseId}/asylum-wish/withdrawal`, withdrawal());
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'ASYLUM.CLAIM_IN_FORCE' });
  });

  it('records the person’s withdrawal (words encrypted, audited, on the timeline); then ASYLUM_SEEKER may go and the lock no longer counts the wish', async () => {
    const caseId = await asylumSeeker();
    const locked = await post('immigration.officer', `cases/${caseId}/removal-orders`, removal());
    expect(locked.body.details.reasons.map((r: { code: string }) => r.code)).toEqual(['ASYLUM_WISH_PENDING']);

    const recorded = await post('asylum.reviewer', `cases/${caseId}/asylum-wish/withdrawal`, withdrawal());
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ withdrawnOn: day(), interpreterUsed: true, language: 'am', words: withdrawal().words });
    const [row] = await api.owner<{ words_ciphertext: string }>(`SELECT words_ciphertext FROM asylum_wish_withdrawal WHERE case_id = $1`, [caseId]);
    expect(row.words_ciphertext).not.toContain('Johannesburg');
    const again = await post('asylum.reviewer', `cases/${caseId}/asylum-wish/withdrawal`, withdrawal());
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'ASYLUM.WISH_ALREADY_WITHDRAWN' });

    const audited = await api.owner<{ action: string; field_groups: string[] }>(`SELECT action, field_groups FROM audit_event WHERE case_id = $1 AND action = 'ASYLUM.WISH_WITHDRAWN'`, [caseId]);
    expect(audited).toEqual([{ action: 'ASYLUM.WISH_WITHDRAWN', field_groups: ['ASYLUM'] }]);
    const timeline = await get('asylum.reviewer', `cases/${caseId}/timeline`);
    expect(timeline.status).toBe(200);
    expect((timeline.body.items as { kind: string }[]).map((i) => i.kind)).toContain('ASYLUM_WISH_WITHDRAWN');
    const protection = await get('asylum.reviewer', `cases/${caseId}/protection`);
    expect(protection.body.asylumWishWithdrawal).toMatchObject({ withdrawnOn: day(), interpreterUsed: true, language: 'am' });
    expect(JSON.stringify(protection.body)).not.toContain('Johannesburg');

    const removed = await post('border.official', `cases/${caseId}/profiles/ASYLUM_SEEKER/remove`, { reason: 'The person withdrew the wish before the asylum authority' });
    expect(removed.status).toBe(200);
    expect(await standing(caseId)).toEqual([['ASYLUM_SEEKER', 'REMOVED']]);
    expect((await get('immigration.officer', `cases/${caseId}/safeguards`)).body.removal).toEqual({ allowed: true, reasons: [] });
    expect((await post('immigration.officer', `cases/${caseId}/removal-orders`, removal())).status).toBe(201);
  });

  it('withdrawn, then expressed again: ASYLUM_SEEKER cannot be removed and removal is locked; a second withdrawal then ends it', async () => {
    const caseId = await asylumSeeker();
    const first = await post('asylum.reviewer', `cases/${caseId}/asylum-wish/withdrawal`, withdrawal());
    expect(first.status).toBe(201);

    expect((await correct(caseId, expressedAgain)).status).toBe(200);
    const refused = await post('border.official', `cases/${caseId}/profiles/ASYLUM_SEEKER/remove`, { reason: 'He withdrew the wish before the asylum authority' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'SAFEGUARD.ASYLUM_WISH_RECORDED' });
    expect(await standing(caseId)).toEqual([['ASYLUM_SEEKER', 'SUGGESTED']]);
    const lock = await removalCheck(caseId);
    expect({ allowed: lock.allowed, reasons: lock.reasons.map((r) => r.code) }).toEqual({ allowed: false, reasons: ['ASYLUM_WISH_PENDING'] });
    const order = await post('immigration.officer', `cases/${caseId}/removal-orders`, removal());
    expect({ status: order.status, reasons: order.body.details?.reasons?.map((r: { code: string }) => r.code) }).toEqual({ status: 409, reasons: ['ASYLUM_WISH_PENDING'] });

    const second = await post('asylum.reviewer', `cases/${caseId}/asylum-wish/withdrawal`, withdrawal({ words: 'I have changed my mind again: I will go on to my brother.' }));
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect((await get('asylum.reviewer', `cases/${caseId}/protection`)).body.asylumWishWithdrawal).toMatchObject({ id: second.body.id });
    const third = await post('asylum.reviewer', `cases/${caseId}/asylum-wish/withdrawal`, withdrawal());
    expect({ status: third.status, code: third.body.code, withdrawalId: third.body.details?.withdrawalId }).toEqual({
      status: 409,
      code: 'ASYLUM.WISH_ALREADY_WITHDRAWN',
      withdrawalId: second.body.id,
    });
    expect((await post('border.official', `cases/${caseId}/profiles/ASYLUM_SEEKER/remove`, { reason: 'The person withdrew the wish again' })).status).toBe(200);
    expect(await removalCheck(caseId)).toEqual({ allowed: true, reasons: [] });
  });

  it('brings back a removed ASYLUM_SEEKER when the wish is expressed again, but not for a correction that leaves the wish out', async () => {
    const caseId = await asylumSeeker();
    expect((await post('asylum.reviewer', `cases/${caseId}/asylum-wish/withdrawal`, withdrawal())).status).toBe(201);
    expect((await post('border.official', `cases/${caseId}/profiles/ASYLUM_SEEKER/remove`, { reason: 'The person withdrew the wish before the asylum authority' })).status).toBe(200);
    expect((await correct(caseId, { reasons_for_leaving: ['WORK'] })).status).toBe(200);
    expect(await asylumSeekerProfile(caseId)).toEqual([['ASYLUM_SEEKER', 'REMOVED']]);
    expect(await removalCheck(caseId)).toEqual({ allowed: true, reasons: [] });

    expect((await correct(caseId, expressedAgain)).status).toBe(200);
    expect(await asylumSeekerProfile(caseId)).toEqual([['ASYLUM_SEEKER', 'SUGGESTED']]);
    expect((await removalCheck(caseId)).reasons.map((r) => r.code)).toEqual(['ASYLUM_WISH_PENDING']);
    const refused = await post('border.official', `cases/${caseId}/profiles/ASYLUM_SEEKER/remove`, { reason: 'Removed once already, after the withdrawal' });
    expect(refused.body.code).toBe('SAFEGUARD.ASYLUM_WISH_RECORDED');
  });
});

import { DemoApi, startDemoApi } from './demo-api';
import { consentToAll, day, registerArrival, shareWith } from './protection-fixtures';

/**
 * Child protection's records on an unaccompanied child: family tracing only with its consent and stopped
 * for good when it could endanger, reunification only with a verified relationship and the child's
 * consent (abroad: with a best-interests determination for it), one interim care placement at a time.
 */
describe('child protection: tracing, reunification, interim care', () => {
  let api: DemoApi;

  beforeAll(async () => {
    api = await startDemoApi('childcare');
  }, 60_000);
  afterAll(() => api.close());

  const post = async (username: string, path: string, body: object) => api.http().post(`/api/v1/${path}`).set(await api.as(username)).send(body);
  const protection = async (caseId: string, username = 'child.protection') => (await api.http().get(`/api/v1/cases/${caseId}/protection`).set(await api.as(username)).expect(200)).body;

  /** An unaccompanied girl at KGM, routed to child protection, the referrals released by consent. */
  async function child(): Promise<string> {
    const caseId = await registerArrival(api, { borderPoint: 'KGM', givenName: 'Neema', sex: 'FEMALE', statedAge: 12, nationality: 'COD', languages: ['sw', 'fr'], answers: { caregiver_present: false } });
    await consentToAll(api, caseId);
    expect((await api.http().get(`/api/v1/cases/${caseId}`).set(await api.as('child.protection'))).status).toBe(200);
    return caseId;
  }
  const tracingConsent = (caseId: string) =>
    post('border.official', `cases/${caseId}/consents`, { purpose: 'FAMILY_TRACING', recipientAgencyKind: 'CHILD_PROTECTION', decision: 'GIVEN', language: 'sw' }).then((r) => expect(r.status).toBe(201));

  it('opens family tracing only with the family-tracing consent on record, and concludes it once', async () => {
    const caseId = await child();
    // The referral went to child protection on its mandate: family tracing was not asked to release it, and is asked separately.
    expect(await api.owner(`SELECT id FROM consent_record WHERE case_id = $1 AND purpose = 'FAMILY_TRACING'`, [caseId])).toEqual([]);
    // The person gives it, then withdraws it.
    await tracingConsent(caseId);
    const given = await api.owner<{ id: string }>(`SELECT id FROM consent_record WHERE case_id = $1 AND purpose = 'FAMILY_TRACING' AND withdrawn_at IS NULL`, [caseId]);
    expect(given).toHaveLength(1);
    for (const { id } of given) expect((await post('border.official', `cases/${caseId}/consents/${id}/withdraw`, { reason: 'She wants to think about it' })).status).toBe(200);
    const body = { soughtRelatives: [{ relationship: 'MOTHER', name: 'Furaha Bahati', lastKnownLocation: 'Uvira (2025)' }] };
    const refused = await post('child.protection', `cases/${caseId}/family-tracing`, body);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TRACING.NO_CONSENT');
    expect(await api.owner(`SELECT 1 FROM family_tracing WHERE case_id = $1`, [caseId])).toHaveLength(0);

    await tracingConsent(caseId);
    const opened = await post('child.protection', `cases/${caseId}/family-tracing`, body);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: 'OPEN', endangers: false, consentBasis: { kind: 'CONSENT' }, soughtRelatives: body.soughtRelatives });
    const located = await post('child.protection', `cases/${caseId}/family-tracing/${opened.body.id}/outcome`, { status: 'LOCATED', on: day(), version: 1 });
    expect(located.status).toBe(200);
    expect(located.body).toMatchObject({ status: 'LOCATED', concludedOn: day(), version: 2 });
    expect((await post('child.protection', `cases/${caseId}/family-tracing/${opened.body.id}/outcome`, { status: 'NOT_FOUND', on: day() })).body.code).toBe('TRACING.CLOSED');
    expect((await post('shelter.caseworker', `cases/${caseId}/family-tracing`, body)).body.code).toBe('CASE.NOT_FOUND');
    await shareWith(api, caseId, 'Tumaini Shelter');
    expect((await post('shelter.caseworker', `cases/${caseId}/family-tracing`, body)).body.code).toBe('RECORD.NOT_YOUR_MANDATE');
  });

  it('stops tracing for good when it could endanger the child, and refuses a new one', async () => {
    const caseId = await child();
    await tracingConsent(caseId);
    const opened = await post('child.protection', `cases/${caseId}/family-tracing`, { soughtRelatives: [{ relationship: 'AUNT_OR_UNCLE' }] });
    const short = await post('child.protection', `cases/${caseId}/family-tracing/${opened.body.id}/stop`, { reason: 'risky' });
    expect(short.status).toBe(400);
    expect(short.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['reason']);
    const stopped = await post('child.protection', `cases/${caseId}/family-tracing/${opened.body.id}/stop`, { reason: 'The uncle sought is the suspected recruiter' });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ status: 'STOPPED', endangers: true });
    const again = await post('child.protection', `cases/${caseId}/family-tracing`, { soughtRelatives: [{ relationship: 'MOTHER' }] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TRACING.ENDANGERS');
    expect((await post('child.protection', `cases/${caseId}/family-tracing/${opened.body.id}/outcome`, { status: 'LOCATED', on: day() })).body.code).toBe('TRACING.CLOSED');
  });

  it('records the child’s views on a proposal, which a reunion then needs', async () => {
    const caseId = await child();
    const proposed = await post('child.protection', `cases/${caseId}/reunifications`, {
      relative: { relationship: 'MOTHER', name: 'Neema Juma', country: 'TZA' },
      abroad: false,
      relationshipVerified: true,
      childConsent: false,
    });
    expect(proposed.status).toBe(201);
    const notReady = await post('child.protection', `cases/${caseId}/reunifications/${proposed.body.id}/outcome`, { status: 'REUNIFIED', on: day() });
    expect(notReady.body.details.missing).toEqual(["the child's consent"]);
    const invalid = await post('child.protection', `cases/${caseId}/reunifications/${proposed.body.id}/child-views`, { childConsent: 'yes', version: 'one' });
    expect(invalid.status).toBe(400);
    expect([...new Set(invalid.body.details.fields.map((f: { path: string }) => f.path))].sort()).toEqual(['childConsent', 'version']);
    const stale = await post('child.protection', `cases/${caseId}/reunifications/${proposed.body.id}/child-views`, { childConsent: true, version: proposed.body.version + 5 });
    expect(stale.status).toBe(409);
    const missing = await post('child.protection', `cases/${caseId}/reunifications/00000000-0000-4000-8000-000000000000/child-views`, { childConsent: true });
    expect(missing.status).toBe(404);
    const agreed = await post('child.protection', `cases/${caseId}/reunifications/${proposed.body.id}/child-views`, { childConsent: true, version: proposed.body.version });
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ status: 'PROPOSED', childConsent: true, version: proposed.body.version + 1 });
    expect(await api.owner(`SELECT action, details->>'childConsent' AS consent FROM audit_event WHERE case_id = $1 AND action = 'CHILD.REUNIFICATION_CHILD_VIEWS'`, [caseId])).toEqual([
      { action: 'CHILD.REUNIFICATION_CHILD_VIEWS', consent: 'true' },
    ]);
    const reunited = await post('child.protection', `cases/${caseId}/reunifications/${proposed.body.id}/outcome`, { status: 'REUNIFIED', on: day() });
    expect(reunited.status).toBe(200);
  });

  it('reunites only with a verified relationship and the child’s consent, and abroad only with a determination for it', async () => {
    const caseId = await child();
    const unverified = await post('child.protection', `cases/${caseId}/reunifications`, {
      relative: { relationship: 'AUNT_OR_UNCLE', name: 'Saba Mwamba', country: 'TZA' },
      abroad: false,
      relationshipVerified: false,
      childConsent: true,
    });
    expect(unverified.status).toBe(201);
    const notReady = await post('child.protection', `cases/${caseId}/reunifications/${unverified.body.id}/outcome`, { status: 'REUNIFIED', on: day() });
    expect(notReady.status).toBe(409);
    expect(notReady.body.details.missing).toEqual(['a verified relationship']);
    expect((await post('child.protection', `cases/${caseId}/reunifications/${unverified.body.id}/outcome`, { status: 'WITHDRAWN', on: day() })).status).toBe(200);
    const closedViews = await post('child.protection', `cases/${caseId}/reunifications/${unverified.body.id}/child-views`, { childConsent: true });
    expect(closedViews.status).toBe(409);
    expect(closedViews.body.code).toBe('REUNIFICATION.CONCLUDED');

    const abroad = await post('child.protection', `cases/${caseId}/reunifications`, {
      relative: { relationship: 'MOTHER', name: 'Furaha Bahati', country: 'COD' },
      abroad: true,
      relationshipVerified: true,
      childConsent: true,
    });
    const noBid = await post('child.protection', `cases/${caseId}/reunifications/${abroad.body.id}/outcome`, { status: 'REUNIFIED', on: day() });
    expect(noBid.status).toBe(409);
    expect(noBid.body.code).toBe('REUNIFICATION.NO_BID');
    const bid = await post('child.protection', `cases/${caseId}/best-interests`, { kind: 'BID', openedOn: day() });
    await post('child.protection', `cases/${caseId}/best-interests/${bid.body.id}/complete`, {
      completedOn: day(),
      panelMembers: ['Child Protection Service', 'Refugee Agency'],
      decision: 'FAMILY_REUNIFICATION_ABROAD',
      reasons: 'Mother traced in Uvira; home visit positive; the child wishes to join her.',
    }).then((r) => expect(r.status).toBe(200));
    const reunited = await post('child.protection', `cases/${caseId}/reunifications/${abroad.body.id}/outcome`, { status: 'REUNIFIED', on: day() });
    expect(reunited.status).toBe(200);
    expect(reunited.body).toMatchObject({ status: 'REUNIFIED', outcomeOn: day() });
    const invalid = await post('child.protection', `cases/${caseId}/reunifications`, { relative: { relationship: 'NEIGHBOUR', name: '', country: 'XX' }, abroad: 'yes' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(
      ['abroad', 'childConsent', 'relationshipVerified', 'relative.country', 'relative.name', 'relative.relationship'].sort(),
    );
  });

  it('holds a reunion abroad to the non-refoulement lock: not while the child’s asylum claim is pending', async () => {
    const caseId = await child();
    await shareWith(api, caseId, 'Refugee Status Authority');
    await post('asylum.reviewer', `cases/${caseId}/asylum-claim`, { registeredOn: day(), reference: 'RSA/2026/01234', procedure: 'REGULAR' }).then((r) => expect(r.status).toBe(201));
    const bid = await post('child.protection', `cases/${caseId}/best-interests`, { kind: 'BID', openedOn: day() });
    await post('child.protection', `cases/${caseId}/best-interests/${bid.body.id}/complete`, {
      completedOn: day(),
      panelMembers: ['Child Protection Service', 'Refugee Agency'],
      decision: 'FAMILY_REUNIFICATION_ABROAD',
      reasons: 'Mother traced in Uvira; the child wishes to join her.',
    }).then((r) => expect(r.status).toBe(200));
    const proposed = await post('child.protection', `cases/${caseId}/reunifications`, {
      relative: { relationship: 'MOTHER', name: 'Furaha Bahati', country: 'COD' },
      abroad: true,
      relationshipVerified: true,
      childConsent: true,
    });
    const refused = await post('child.protection', `cases/${caseId}/reunifications/${proposed.body.id}/outcome`, { status: 'REUNIFIED', on: day() });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SAFEGUARD.NON_REFOULEMENT');
    expect(refused.body.details.reasons.map((r: { code: string }) => r.code)).toEqual(['ASYLUM_CLAIM_PENDING']);
    expect(await api.owner(`SELECT status FROM family_reunification WHERE id = $1`, [proposed.body.id])).toEqual([{ status: 'PROPOSED' }]);
    expect(await api.owner(`SELECT attempted FROM safeguard_event WHERE case_id = $1`, [caseId])).toEqual([{ attempted: 'FAMILY_REUNIFICATION_ABROAD' }]);
  });

  it('keeps one interim care placement at a time, and shows the records to child protection only', async () => {
    const caseId = await child();
    const first = await post('child.protection', `cases/${caseId}/care-placements`, { kind: 'SAFE_SHELTER', provider: 'Kigoma children’s shelter', startedOn: day(-2) });
    expect(first.status).toBe(201);
    const second = await post('child.protection', `cases/${caseId}/care-placements`, { kind: 'FOSTER_FAMILY', provider: 'Kigoma foster family network', startedOn: day() });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('CARE.PLACEMENT_OPEN');
    const early = await post('child.protection', `cases/${caseId}/care-placements/${first.body.id}/end`, { endedOn: day(-5), reason: 'Moved to a foster family' });
    expect(early.status).toBe(400);
    expect((await post('child.protection', `cases/${caseId}/care-placements/${first.body.id}/end`, { endedOn: day(), reason: 'Moved to a foster family' })).status).toBe(200);
    expect((await post('child.protection', `cases/${caseId}/care-placements`, { kind: 'FOSTER_FAMILY', provider: 'Kigoma foster family network', startedOn: day() })).status).toBe(201);
    const records = await protection(caseId);
    expect(records.carePlacements.map((p: { kind: string; endedOn: string | null }) => [p.kind, p.endedOn])).toEqual([
      ['SAFE_SHELTER', day()],
      ['FOSTER_FAMILY', null],
    ]);
    // An NGO that holds the case (shared here as a referral would) does not receive the CHILD section under the default SOP.
    await shareWith(api, caseId, 'Tumaini Shelter');
    const seen = await protection(caseId, 'shelter.caseworker');
    expect(seen.carePlacements).toBeUndefined();
    expect(seen.withheld).toContain('CHILD');
  });

  it('marks the SOP’s required action done when the record that answers it is made', async () => {
    const caseId = await child();
    const queue = (await api.http().get('/api/v1/referrals').set(await api.as('child.protection')).expect(200)).body.items as { id: string; caseId: string }[];
    const referral = queue.find((r) => r.caseId === caseId);
    expect(referral).toBeDefined();
    await post('child.protection', `referrals/${referral?.id}/accept`, {}).then((r) => expect(r.status).toBe(200));
    const tasks = async () =>
      Object.fromEntries(((await api.http().get(`/api/v1/cases/${caseId}/tasks`).set(await api.as('child.protection')).expect(200)).body as { kind: string; status: string }[]).map((t) => [t.kind, t.status]));
    expect(await tasks()).toMatchObject({ APPOINT_GUARDIAN: 'OPEN', OPEN_BEST_INTERESTS_ASSESSMENT: 'OPEN', ARRANGE_INTERIM_CARE: 'OPEN' });
    await post('child.protection', `cases/${caseId}/guardians`, { guardianName: 'Asha Mwakyusa', appointedOn: day() }).then((r) => expect(r.status).toBe(201));
    await post('child.protection', `cases/${caseId}/best-interests`, { kind: 'BIA', openedOn: day() }).then((r) => expect(r.status).toBe(201));
    expect(await tasks()).toMatchObject({ APPOINT_GUARDIAN: 'DONE', OPEN_BEST_INTERESTS_ASSESSMENT: 'DONE', ARRANGE_INTERIM_CARE: 'OPEN' });
    await post('child.protection', `cases/${caseId}/care-placements`, { kind: 'FOSTER_FAMILY', provider: 'Kigoma foster family network', startedOn: day() }).then((r) => expect(r.status).toBe(201));
    expect((await tasks()).ARRANGE_INTERIM_CARE).toBe('DONE');
  });
});

import { JobName, OutboxService, systemScope, UnitOfWork } from '@kivuko/platform';
import { eventually } from '@kivuko/platform/testing';
import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';
import { addProfile, at, consentToAll, day, detentionBody, registerArrival, shareWith } from './protection-fixtures';

/**
 * The safeguards as enforced invariants, through the API: the non-refoulement lock on removal orders and
 * their execution, the detention guard and its supervisor override, non-criminalisation of trafficking
 * victims, and the age rule on child profiles. Each refusal is a 409 naming the open reason, writes
 * nothing it was asked to write, and is kept on the safeguard trail the monitor reads.
 */
describe('safeguards', () => {
  let api: DemoApi;

  beforeAll(async () => {
    api = await startDemoApi('safeguards');
  }, 60_000);
  afterAll(() => api.close());

  const post = async (username: string, path: string, body: object) => api.http().post(`/api/v1/${path}`).set(await api.as(username)).send(body);
  const get = async (username: string, path: string) => api.http().get(`/api/v1/${path}`).set(await api.as(username));
  const trail = (caseId: string) =>
    api.owner<{ safeguard: string; outcome: string; attempted: string; reasons: string[]; justification: string | null }>(
      `SELECT safeguard, outcome, attempted, reasons, justification FROM safeguard_event WHERE case_id = $1 ORDER BY occurred_at, id`,
      [caseId],
    );
  const count = async (table: string, caseId: string): Promise<number> => Number((await api.owner<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE case_id = $1`, [caseId]))[0].n);

  /** A labour migrant, routed to the immigration authority (and consenting), who later says he fears return. */
  async function migrant(): Promise<string> {
    const caseId = await registerArrival(api, { answers: { reasons_for_leaving: ['WORK'] } });
    await post('border.official', `cases/${caseId}/profiles/MIGRANT/confirm`, {}).then((r) => expect(r.status).toBe(200));
    await consentToAll(api, caseId);
    expect((await get('immigration.officer', `cases/${caseId}`)).status).toBe(200);
    return caseId;
  }

  describe('the non-refoulement lock', () => {
    it('lets the immigration authority order and execute a removal when nothing protects the person', async () => {
      const caseId = await migrant();
      expect((await get('immigration.officer', `cases/${caseId}/safeguards`)).body.removal).toEqual({ allowed: true, reasons: [] });
      const order = await post('immigration.officer', `cases/${caseId}/removal-orders`, { decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' });
      expect(order.status).toBe(201);
      expect(order.body).toMatchObject({ status: 'ORDERED', destinationCountry: 'ETH', version: 1 });
      const executed = await post('immigration.officer', `cases/${caseId}/removal-orders/${order.body.id}/execute`, { executedAt: at(), version: 1 });
      expect(executed.status).toBe(200);
      expect(executed.body).toMatchObject({ status: 'EXECUTED', version: 2 });
      expect(await trail(caseId)).toEqual([]);
    });

    it('refuses a removal while an asylum wish is pending, names the reason, writes no order and keeps the attempt', async () => {
      const caseId = await migrant();
      await addProfile(api, caseId, 'ASYLUM_SEEKER');
      const refused = await post('immigration.officer', `cases/${caseId}/removal-orders`, { decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('SAFEGUARD.NON_REFOULEMENT');
      expect(refused.body.details.reasons.map((r: { code: string }) => r.code)).toEqual(['ASYLUM_WISH_PENDING']);
      expect(refused.body.message).toContain('wish to seek asylum');
      expect(await count('removal_order', caseId)).toBe(0);
      expect(await trail(caseId)).toEqual([{ safeguard: 'NON_REFOULEMENT', outcome: 'BLOCKED', attempted: 'ORDER_REMOVAL', reasons: ['ASYLUM_WISH_PENDING'], justification: null }]);
      const audited = await api.owner<{ outcome: string }>(`SELECT outcome FROM audit_event WHERE case_id = $1 AND action = 'SAFEGUARD.BLOCKED'`, [caseId]);
      expect(audited).toEqual([{ outcome: 'DENIED' }]);
    });

    it('follows the claim: pending, rejected, under appeal, appeal dismissed; and an open refoulement-risk flag stops the execution', async () => {
      const caseId = await migrant();
      await addProfile(api, caseId, 'ASYLUM_SEEKER');
      await consentToAll(api, caseId);
      const reasons = async (): Promise<string[]> => (await get('border.official', `cases/${caseId}/safeguards`)).body.removal.reasons.map((r: { code: string }) => r.code);

      const claim = await post('asylum.reviewer', `cases/${caseId}/asylum-claim`, { registeredOn: day(), reference: 'RSA/2026/00991', procedure: 'REGULAR' });
      expect(claim.status).toBe(201);
      expect(await reasons()).toEqual(['ASYLUM_CLAIM_PENDING']);
      await post('asylum.reviewer', `cases/${caseId}/asylum-claim/interviews`, { date: day() }).then((r) => expect(r.status).toBe(200));
      const rejected = await post('asylum.reviewer', `cases/${caseId}/asylum-claim/decision`, { decision: 'REJECTED', decidedOn: day(), version: 2 });
      expect(rejected.status).toBe(200);
      expect(await reasons()).toEqual([]);
      await post('asylum.reviewer', `cases/${caseId}/asylum-claim/appeal`, { lodgedOn: day() }).then((r) => expect(r.status).toBe(200));
      expect(await reasons()).toEqual(['ASYLUM_APPEAL_PENDING']);
      const blocked = await post('immigration.officer', `cases/${caseId}/removal-orders`, { decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' });
      expect(blocked.status).toBe(409);
      expect(blocked.body.details.reasons.map((r: { code: string }) => r.code)).toEqual(['ASYLUM_APPEAL_PENDING']);
      await post('asylum.reviewer', `cases/${caseId}/asylum-claim/appeal-outcome`, { outcome: 'DISMISSED', decidedOn: day() }).then((r) => expect(r.status).toBe(200));
      expect(await reasons()).toEqual([]);

      const order = await post('immigration.officer', `cases/${caseId}/removal-orders`, { decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' });
      expect(order.status).toBe(201);
      const flag = await post('asylum.reviewer', `cases/${caseId}/flags`, { kind: 'REFOULEMENT_RISK', reason: 'New reports on the treatment of returnees at the border' });
      expect(flag.status).toBe(201);
      const execute = await post('immigration.officer', `cases/${caseId}/removal-orders/${order.body.id}/execute`, { executedAt: at() });
      expect(execute.status).toBe(409);
      expect(execute.body.details.reasons.map((r: { code: string }) => r.code)).toEqual(['REFOULEMENT_RISK_FLAG_OPEN']);
      // The refusal names the agency that opened the flag and when, so the officer knows whom to ask.
      expect(execute.body.details.reasons[0].flags).toEqual([{ id: flag.body.id, openedAt: flag.body.openedAt, agency: { name: 'Refugee Status Authority', kind: 'ASYLUM_AUTHORITY' } }]);
      expect((await api.owner<{ status: string }>(`SELECT status FROM removal_order WHERE id = $1`, [order.body.id]))[0].status).toBe('ORDERED');
      await post('asylum.reviewer', `cases/${caseId}/flags/${flag.body.id}/close`, { reason: 'Country information reviewed' }).then((r) => expect(r.status).toBe(200));
      expect((await post('immigration.officer', `cases/${caseId}/removal-orders/${order.body.id}/execute`, { executedAt: at() })).status).toBe(200);
      expect((await trail(caseId)).map((e) => [e.attempted, e.reasons])).toEqual([
        ['ORDER_REMOVAL', ['ASYLUM_APPEAL_PENDING']],
        ['EXECUTE_REMOVAL', ['REFOULEMENT_RISK_FLAG_OPEN']],
      ]);
    });

    it('tells an agency why removal is locked only as far as it receives the section the reason comes from', async () => {
      const caseId = await migrant();
      await shareWith(api, caseId, 'Anti-Trafficking Secretariat');
      expect((await api.http().put(`/api/v1/cases/${caseId}/trafficking/identification`).set(await api.as('trafficking.coordinator')).send({ status: 'PRESUMED' })).status).toBe(200);
      const codes = async (username: string) => (await get(username, `cases/${caseId}/safeguards`)).body as { removal: { reasons: { code: string }[] }; detention: { protectedGrounds: { code: string }[] } };
      const official = await codes('border.official');
      expect(official.removal.reasons.map((r) => r.code)).toEqual(['PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD']);
      expect(official.detention.protectedGrounds.map((g) => g.code)).toEqual(['TRAFFICKING_VICTIM']);
      expect((await codes('trafficking.coordinator')).removal.reasons.map((r) => r.code)).toEqual(['PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD']);
      // Immigration does not receive the trafficking section: it learns that the lock holds, not why.
      const immigration = await codes('immigration.officer');
      expect(immigration.removal.reasons.map((r) => r.code)).toEqual(['PROTECTION_NEED_OPEN']);
      expect(immigration.detention.protectedGrounds.map((g) => g.code)).toEqual(['OTHER_PROTECTED_GROUND']);
      expect(JSON.stringify(immigration)).not.toMatch(/TRAFFICKING|reflection/i);
    });

    it('has no override: not even a supervisor’s justification gets a removal past the lock', async () => {
      const caseId = await migrant();
      await addProfile(api, caseId, 'ASYLUM_SEEKER');
      const refused = await post('immigration.officer', `cases/${caseId}/removal-orders`, {
        decidedOn: day(),
        legalBasis: 'Immigration Act s.40',
        destinationCountry: 'ETH',
        overrideJustification: 'The minister ordered it personally and it cannot wait for the claim',
      });
      expect(refused.status).toBe(400);
      expect(refused.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['overrideJustification']);
      expect(await count('removal_order', caseId)).toBe(0);
    });

    it('keeps the lock for an asylum wish recorded at screening: the asylum profile cannot be removed, and removal is refused', async () => {
      const caseId = await registerArrival(api, { answers: { reasons_for_leaving: ['WORK'], asylum_wish_expressed: true, asylum_wish_words: 'I cannot go back' } });
      await post('border.official', `cases/${caseId}/profiles/ASYLUM_SEEKER/remove`, { reason: 'He said he only wants work' }).then((r) =>
        expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'SAFEGUARD.ASYLUM_WISH_RECORDED' }),
      );
      await shareWith(api, caseId, 'Immigration Department');
      const refused = await post('immigration.officer', `cases/${caseId}/removal-orders`, { decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' });
      expect(refused.status).toBe(409);
      expect(refused.body.details.reasons.map((r: { code: string }) => r.code)).toEqual(['ASYLUM_WISH_PENDING']);
    });

    it('owes a person presumed a victim again a new reflection period, and locks removal until it starts', async () => {
      const caseId = await migrant();
      await shareWith(api, caseId, 'Anti-Trafficking Secretariat');
      const identify = async (status: string) => (await api.http().put(`/api/v1/cases/${caseId}/trafficking/identification`).set(await api.as('trafficking.coordinator')).send({ status })).status;
      expect(await identify('PRESUMED')).toBe(200);
      await post('trafficking.coordinator', `cases/${caseId}/trafficking/reflection-period`, { startsOn: day() }).then((r) => expect(r.status).toBe(200));
      expect(await identify('NOT_IDENTIFIED')).toBe(200);
      const reasons = async (): Promise<string[]> => (await get('border.official', `cases/${caseId}/safeguards`)).body.removal.reasons.map((r: { code: string }) => r.code);
      expect(await reasons()).toEqual([]);
      expect(await identify('PRESUMED')).toBe(200);
      expect(await reasons()).toEqual(['PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD']);
      const again = await post('trafficking.coordinator', `cases/${caseId}/trafficking/reflection-period`, { startsOn: day() });
      expect(again.status).toBe(200);
      expect(again.body.reflectionPeriod).toMatchObject({ startsOn: day(), endedOn: null, running: true });
      expect(await reasons()).toEqual(['REFLECTION_PERIOD_RUNNING']);
    });

    it('tells whoever attempts a removal in a reflection period its last day and the agency leading the case, so the page can say it in words', async () => {
      const caseId = await migrant();
      await shareWith(api, caseId, 'Anti-Trafficking Secretariat');
      expect((await api.http().put(`/api/v1/cases/${caseId}/trafficking/identification`).set(await api.as('trafficking.coordinator')).send({ status: 'PRESUMED' })).status).toBe(200);
      const period = await post('trafficking.coordinator', `cases/${caseId}/trafficking/reflection-period`, { startsOn: day(), days: 30 });
      expect(period.body.reflectionPeriod).toMatchObject({ startsOn: day(), endsOn: day(30) });
      // The anti-trafficking agency leads the case (as once it accepts its referral).
      await api.owner(`INSERT INTO case_lead (case_id, agency_id, source) SELECT $1, id, 'REFERRAL' FROM agency WHERE name = 'Anti-Trafficking Secretariat'`, [caseId]);
      const refused = await post('immigration.officer', `cases/${caseId}/removal-orders`, { decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' });
      expect(refused.status).toBe(409);
      expect(refused.body.details).toEqual({
        reasons: [{ code: 'REFLECTION_PERIOD_RUNNING', text: 'a trafficking reflection and recovery period is running', until: day(29) }],
        lead: { name: 'Anti-Trafficking Secretariat', kind: 'ANTI_TRAFFICKING' },
        override: 'NO_OVERRIDE_EXISTS',
      });
    });

    it('names no lead in a refusal while the case has none, and gives a reason without a period no date', async () => {
      const caseId = await registerArrival(api, { answers: { reasons_for_leaving: ['WORK'], asylum_wish_expressed: true, asylum_wish_words: 'I cannot go back' } });
      expect(await count('case_lead', caseId)).toBe(0);
      await shareWith(api, caseId, 'Immigration Department');
      const refused = await post('immigration.officer', `cases/${caseId}/removal-orders`, { decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' });
      expect(refused.status).toBe(409);
      expect(refused.body.details).toEqual({ reasons: [{ code: 'ASYLUM_WISH_PENDING', text: expect.any(String) }], lead: null, override: 'NO_OVERRIDE_EXISTS' });
    });

    it('closes a case as removed only once a removal was executed through the lock', async () => {
      const caseId = await migrant();
      const refused = await post('border.official', `cases/${caseId}/close`, { outcomeCode: 'REMOVED', reason: 'Taken back across the border' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('CASE.NO_REMOVAL');
      expect(await api.owner(`SELECT status FROM case_file WHERE id = $1`, [caseId])).toEqual([{ status: 'OPEN' }]);
    });

    it('refuses a removal order from an agency without the mandate', async () => {
      const caseId = await migrant();
      const refused = await post('border.official', `cases/${caseId}/removal-orders`, { decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('RECORD.NOT_YOUR_MANDATE');
      expect(await count('removal_order', caseId)).toBe(0);
    });
  });

  describe('the detention guard', () => {
    /** A presumed trafficking victim registered at NMG (the trafficking profile routes at once). */
    const victim = () => registerArrival(api, { givenName: 'Amina', sex: 'FEMALE', statedAge: 24, answers: { movement_controlled: true, debt_bondage: true, deceived_about_job: true } });

    it('refuses to detain a presumed trafficking victim, refuses an override by a role without it, and lets a supervisor override with a written justification', async () => {
      const caseId = await victim();
      const plain = await post('border.official', `cases/${caseId}/detentions`, detentionBody());
      expect(plain.status).toBe(409);
      expect(plain.body.code).toBe('SAFEGUARD.DETENTION_GUARD');
      expect(plain.body.details).toEqual({ grounds: ['TRAFFICKING_VICTIM'], override: 'NO_OVERRIDE' });
      const official = await post('border.official', `cases/${caseId}/detentions`, detentionBody({ overrideJustification: 'x'.repeat(60) }));
      expect(official.body.details.override).toBe('OVERRIDE_NOT_PERMITTED');
      const short = await post('border.supervisor', `cases/${caseId}/detentions`, detentionBody({ overrideJustification: 'Flight risk.' }));
      expect(short.body.details.override).toBe('JUSTIFICATION_TOO_SHORT');
      expect(await count('detention_episode', caseId)).toBe(0);

      const justification = 'Shelter full tonight and the trafficker was seen at the post; held in the family room for her safety until morning.';
      const overridden = await post('border.supervisor', `cases/${caseId}/detentions`, detentionBody({ overrideJustification: justification }));
      expect(overridden.status).toBe(201);
      expect(overridden.body).toMatchObject({ protectedGrounds: ['TRAFFICKING_VICTIM'], override: { justification }, reviewOverdue: false, endedAt: null });
      expect((await trail(caseId)).map((e) => [e.outcome, e.justification !== null])).toEqual([
        ['BLOCKED', false],
        ['BLOCKED', false],
        ['BLOCKED', false],
        ['OVERRIDDEN', true],
      ]);

      // The monitor sees the episode and the override with its justification, and nothing of her account.
      const detentions = await get('monitor', 'monitor/detentions?open=true');
      expect(detentions.status).toBe(200);
      const seen = detentions.body.items.find((d: { episodeId: string }) => d.episodeId === overridden.body.id);
      // The monitor is entitled to the exact ground, never to her account.
      expect(seen).toMatchObject({ protectedGrounds: ['TRAFFICKING_VICTIM'], override: { justification }, borderPoint: 'NMG' });
      expect(JSON.stringify(detentions.body)).not.toMatch(/debt|deceived|Amina/);
      const events = await get('monitor', 'monitor/safeguard-events?outcome=OVERRIDDEN');
      expect(events.body.items.filter((e: { caseNumber: string }) => e.caseNumber === seen.caseNumber).map((e: { reasons: string[] }) => e.reasons)).toEqual([['TRAFFICKING_VICTIM']]);
      const blocked = (await get('monitor', 'monitor/safeguard-events?outcome=BLOCKED&safeguard=DETENTION_GUARD&limit=200')).body.items.filter((e: { caseNumber: string }) => e.caseNumber === seen.caseNumber);
      expect(blocked.map((e: { reasons: string[] }) => e.reasons)).toEqual([['TRAFFICKING_VICTIM'], ['TRAFFICKING_VICTIM'], ['TRAFFICKING_VICTIM']]);
      expect((await get('border.official', 'monitor/detentions')).status).toBe(403);
    });

    it('names every bad field of a detention request, the missing individual assessment too, and writes nothing', async () => {
      const caseId = await migrant();
      const bad = await post('border.official', `cases/${caseId}/detentions`, { place: '', alternativesConsidered: [], startedAt: 'yesterday', nextReviewOn: '2026-02-30' });
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['alternativesConsidered', 'individualAssessment', 'legalBasis', 'nextReviewOn', 'place', 'startedAt']);
      expect(await count('detention_episode', caseId)).toBe(0);
    });

    it('keeps detention reviews and access on the episode, and shows an overdue review', async () => {
      const caseId = await migrant();
      const opened = await post('border.official', `cases/${caseId}/detentions`, detentionBody({ startedAt: at(-24 * 10), nextReviewOn: day(-2) }));
      expect(opened.status).toBe(201);
      expect(opened.body.reviewOverdue).toBe(true);
      const again = await post('border.official', `cases/${caseId}/detentions`, detentionBody());
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('DETENTION.ALREADY_OPEN');
      const visit = await post('border.official', `cases/${caseId}/detentions/${opened.body.id}/access`, { visitorKind: 'UNHCR', organisation: 'Refugee Agency', visitedAt: at(-1), granted: true });
      expect(visit.status).toBe(201);
      const refusedVisit = await post('border.official', `cases/${caseId}/detentions/${opened.body.id}/access`, { visitorKind: 'LEGAL_REPRESENTATIVE', organisation: 'Haki Legal Aid', visitedAt: at(-1), granted: false });
      expect(refusedVisit.status).toBe(400);
      expect(refusedVisit.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['refusalReason']);
      const reviewed = await post('border.official', `cases/${caseId}/detentions/${opened.body.id}/reviews`, { reviewedOn: day(), outcome: 'CONTINUE', nextReviewOn: day(7) });
      expect(reviewed.status).toBe(201);
      expect(reviewed.body).toMatchObject({ reviewOverdue: false, nextReviewOn: day(7), reviews: [{ outcome: 'CONTINUE', nextReviewOn: day(7) }], access: [{ visitorKind: 'UNHCR', granted: true }] });
      const released = await post('border.official', `cases/${caseId}/detentions/${opened.body.id}/reviews`, { reviewedOn: day(), outcome: 'RELEASE' });
      expect(released.body.endedAt).not.toBeNull();
    });

    it('alerts the detaining agency once when a review date passes without a review, through the minute’s sweep job', async () => {
      const caseId = await migrant();
      const opened = await post('border.official', `cases/${caseId}/detentions`, detentionBody({ startedAt: at(-24 * 9), nextReviewOn: day(-1) }));
      expect(opened.status).toBe(201);
      const sweep = async (): Promise<void> => {
        const key = randomUUID();
        await api.app.get(UnitOfWork).run(systemScope('test: detention review sweep now'), (m) => api.app.get(OutboxService).enqueue(m, JobName.DetentionReviewSweep, { at: new Date().toISOString() }, { key }));
        await eventually(async () => {
          const [row] = await api.owner<{ completed_at: Date | null }>(`SELECT completed_at FROM outbox_message WHERE job_id = $1`, [`${JobName.DetentionReviewSweep}-${key}`]);
          if (!row?.completed_at) throw new Error('the sweep has not run yet');
        });
      };
      const alerts = () => api.owner<{ agency: string; status: string }>(`SELECT a.name AS agency, t.status FROM case_task t JOIN agency a ON a.id = t.agency_id WHERE t.case_id = $1 AND t.kind = 'DETENTION_REVIEW_OVERDUE'`, [caseId]);
      await sweep();
      expect(await alerts()).toEqual([{ agency: 'Border Management Service', status: 'OPEN' }]);
      await sweep();
      expect(await alerts()).toHaveLength(1);
      expect(await api.owner(`SELECT 1 FROM audit_event WHERE case_id = $1 AND action = 'DETENTION.REVIEW_OVERDUE'`, [caseId])).toHaveLength(1);
      // Reviewed and continued; when that next date lapses too (moved into the past here), a second alert.
      await post('border.official', `cases/${caseId}/detentions/${opened.body.id}/reviews`, { reviewedOn: day(-1), outcome: 'CONTINUE', nextReviewOn: day(0) }).then((r) => expect(r.status).toBe(201));
      await api.owner(`UPDATE detention_episode SET next_review_on = current_date - 2 WHERE id = $1`, [opened.body.id]);
      await sweep();
      expect(await alerts()).toHaveLength(2);
    });

    it('never detains an unaccompanied child, not even on a supervisor’s justified override, and points to interim care or a child shelter', async () => {
      const caseId = await registerArrival(api, { givenName: 'Yonas', statedAge: 12, answers: { caregiver_present: false } });
      const justification = 'Boat arrival at night with no interim care place open; kept in the family room with a social worker present.';
      for (const [username, extra] of [['border.official', {}], ['border.supervisor', { overrideJustification: justification }]] as const) {
        const refused = await post(username, `cases/${caseId}/detentions`, detentionBody(extra));
        expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'SAFEGUARD.DETENTION_GUARD' });
        expect(refused.body.details).toEqual({
          grounds: ['UNACCOMPANIED_OR_SEPARATED_CHILD'],
          override: 'NO_OVERRIDE_EXISTS',
          alternatives: ['INTERIM_CARE_PLACEMENT', 'CHILD_SHELTER'],
          alternativeRoute: `POST /api/v1/cases/${caseId}/care-placements`,
        });
        expect(refused.body.message).toMatch(/never detained.*interim care.*child shelter/);
      }
      expect(await count('detention_episode', caseId)).toBe(0);
      expect((await trail(caseId)).map((e) => [e.outcome, e.reasons, e.justification])).toEqual([
        ['BLOCKED', ['UNACCOMPANIED_OR_SEPARATED_CHILD'], null],
        ['BLOCKED', ['UNACCOMPANIED_OR_SEPARATED_CHILD'], null],
      ]);
    });

    it('never detains a separated child either', async () => {
      const caseId = await registerArrival(api, { givenName: 'Furaha', statedAge: 13, answers: { caregiver_relationship: 'RELATIVE' } });
      const profiles = (await get('border.official', `cases/${caseId}/profiles`)).body.current.map((p: { profile: string }) => p.profile);
      expect(profiles).toContain('SEPARATED_CHILD');
      const justification = 'Her uncle absconded from open reception twice; held in the family room with a social worker present.';
      const refused = await post('border.supervisor', `cases/${caseId}/detentions`, detentionBody({ overrideJustification: justification }));
      expect({ status: refused.status, override: refused.body.details?.override }).toEqual({ status: 409, override: 'NO_OVERRIDE_EXISTS' });
      expect(await count('detention_episode', caseId)).toBe(0);
    });

    /** A completed best-interests assessment on record for the child, by child protection. */
    async function assessedBestInterests(caseId: string): Promise<void> {
      await shareWith(api, caseId, 'Child Protection Service');
      const bia = await post('child.protection', `cases/${caseId}/best-interests`, { kind: 'BIA', openedOn: day() });
      expect(bia.status).toBe(201);
      const done = await post('child.protection', `cases/${caseId}/best-interests/${bia.body.id}/complete`, { completedOn: day(), reasons: 'Assessed with the child, an interpreter and a social worker present.' });
      expect(done.status).toBe(200);
    }

    it('never detains a mass-arrival child of about 15 with no caregiver recorded, nor a child whose claimed mother is unverified, even on a supervisor’s justification with a best-interests assessment', async () => {
      const borderPointId = await api.borderPointId('NMG');
      const arrival = { borderPointId, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), mode: 'LAND' };
      const massArrival = await post('border.official', 'intakes', {
        intakeId: randomUUID(),
        mode: 'MASS_ARRIVAL',
        arrival,
        persons: [{ description: 'boy about 15, grey hoodie', sex: 'MALE', statedAge: 15, nationalities: ['SOM'] }],
      });
      expect(massArrival.status).toBe(201);
      const claimed = await post('border.official', 'intakes', {
        intakeId: randomUUID(),
        arrival,
        persons: [
          { ref: 'adult', givenName: 'Amina', familyName: 'Warsame', sex: 'FEMALE', statedAge: 34, nationalities: ['SOM'], screening: { answers: { reasons_for_leaving: ['WORK'] } } },
          // She says she is the girl's mother; nobody has verified it, and the screening does not say who is with the girl.
          {
            ref: 'child',
            givenName: 'Hodan',
            familyName: 'Warsame',
            sex: 'FEMALE',
            statedAge: 11,
            nationalities: ['SOM'],
            travelledWith: [{ ref: 'adult', relationship: 'MOTHER' }],
            screening: { answers: { reasons_for_leaving: ['WORK'] } },
          },
        ],
      });
      expect(claimed.status).toBe(201);
      const justification = 'Arrived at night with no interim care place open; held in the family room with a social worker present.';
      for (const caseId of [massArrival.body.cases[0].id as string, claimed.body.cases[1].id as string]) {
        await assessedBestInterests(caseId);
        const refused = await post('border.supervisor', `cases/${caseId}/detentions`, detentionBody({ overrideJustification: justification }));
        expect({ status: refused.status, code: refused.body.code, grounds: refused.body.details?.grounds, override: refused.body.details?.override }).toEqual({
          status: 409,
          code: 'SAFEGUARD.DETENTION_GUARD',
          grounds: ['UNACCOMPANIED_OR_SEPARATED_CHILD'],
          override: 'NO_OVERRIDE_EXISTS',
        });
        expect(await count('detention_episode', caseId)).toBe(0);
        expect((await trail(caseId)).map((e) => [e.outcome, e.reasons])).toEqual([['BLOCKED', ['UNACCOMPANIED_OR_SEPARATED_CHILD']]]);
      }
    });

    it('detains an accompanied child only on a supervisor’s justification with a best-interests assessment on record, and shows it to the monitor at once', async () => {
      const caseId = await registerArrival(api, { givenName: 'Hawa', statedAge: 10, sex: 'FEMALE', answers: { reasons_for_leaving: ['WORK'], caregiver_present: true, caregiver_relationship: 'PARENT' } });
      await shareWith(api, caseId, 'Child Protection Service');
      const justification = 'Her mother is held after absconding twice; the family is kept together in the family room, reviewed daily.';
      const withoutAssessment = await post('border.supervisor', `cases/${caseId}/detentions`, detentionBody({ overrideJustification: justification }));
      expect({ status: withoutAssessment.status, code: withoutAssessment.body.code, details: withoutAssessment.body.details }).toEqual({
        status: 409,
        code: 'SAFEGUARD.DETENTION_GUARD',
        details: { grounds: ['CHILD'], override: 'BEST_INTERESTS_ASSESSMENT_REQUIRED', missing: ['bestInterestsAssessment'] },
      });
      expect(await count('detention_episode', caseId)).toBe(0);

      // An assessment opened is not one on record: it must be completed.
      const bia = await post('child.protection', `cases/${caseId}/best-interests`, { kind: 'BIA', openedOn: day() });
      expect(bia.status).toBe(201);
      const opened = await post('border.supervisor', `cases/${caseId}/detentions`, detentionBody({ overrideJustification: justification }));
      expect(opened.body.details?.override).toBe('BEST_INTERESTS_ASSESSMENT_REQUIRED');
      const done = await post('child.protection', `cases/${caseId}/best-interests/${bia.body.id}/complete`, { completedOn: day(), reasons: 'Staying with her mother is in her best interests; separation would harm her.' });
      expect(done.status).toBe(200);
      // The official still may not override; the supervisor may.
      expect((await post('border.official', `cases/${caseId}/detentions`, detentionBody({ overrideJustification: justification }))).body.details?.override).toBe('OVERRIDE_NOT_PERMITTED');
      const held = await post('border.supervisor', `cases/${caseId}/detentions`, detentionBody({ overrideJustification: justification }));
      expect(held.status).toBe(201);
      expect(held.body).toMatchObject({ protectedGrounds: ['CHILD'], override: { justification } });

      const seen = (await get('monitor', 'monitor/detentions?open=true')).body.items.find((d: { episodeId: string }) => d.episodeId === held.body.id);
      expect(seen).toMatchObject({ protectedGrounds: ['CHILD'], override: { justification } });
      const events = (await get('monitor', 'monitor/safeguard-events?outcome=OVERRIDDEN&safeguard=DETENTION_GUARD')).body.items.filter((e: { caseNumber: string }) => e.caseNumber === seen.caseNumber);
      expect(events).toEqual([expect.objectContaining({ outcome: 'OVERRIDDEN', attempted: 'OPEN_DETENTION', reasons: ['CHILD'], justification })]);
    });
  });

  describe('the monitor', () => {
    it('pages the safeguard trail newest first with every event once, and refuses a cursor it did not give out', async () => {
      const all = (await get('monitor', 'monitor/safeguard-events?limit=200')).body.items as { id: string; at: string }[];
      expect(all.length).toBeGreaterThan(3);
      expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await get('monitor', `monitor/safeguard-events?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        paged.push(...res.body.items.map((e: { id: string }) => e.id));
        cursor = res.body.nextCursor;
      } while (cursor && paged.length <= all.length);
      expect(paged).toEqual(all.map((e) => e.id));
      expect((await get('monitor', 'monitor/safeguard-events?cursor=bm9wZQ')).status).toBe(400);
      // The detention guard's tests above held a trafficking victim and a child: two episodes, one a page.
      const first = (await get('monitor', 'monitor/detentions?limit=1')).body;
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = (await get('monitor', `monitor/detentions?limit=1&cursor=${first.nextCursor}`)).body;
      expect(second.items).toHaveLength(1);
      expect(second.items[0].episodeId).not.toBe(first.items[0].episodeId);
      expect(Date.parse(second.items[0].startedAt)).toBeLessThanOrEqual(Date.parse(first.items[0].startedAt));
    });
  });

  describe('the monitor sees the exact reason', () => {
    it('names the precise reason a removal was refused to the monitor, while an agency without the section still reads a generic one', async () => {
      const caseId = await migrant();
      await shareWith(api, caseId, 'Anti-Trafficking Secretariat');
      expect((await api.http().put(`/api/v1/cases/${caseId}/trafficking/identification`).set(await api.as('trafficking.coordinator')).send({ status: 'PRESUMED' })).status).toBe(200);
      await addProfile(api, caseId, 'ASYLUM_SEEKER');
      const refused = await post('immigration.officer', `cases/${caseId}/removal-orders`, { decidedOn: day(), legalBasis: 'Immigration Act s.40', destinationCountry: 'ETH' });
      expect(refused.status).toBe(409);
      const [caseNumber] = (await api.owner<{ case_number: string }>(`SELECT case_number FROM case_file WHERE id = $1`, [caseId])).map((r) => r.case_number);
      const events = (await get('monitor', 'monitor/safeguard-events?safeguard=NON_REFOULEMENT&limit=200')).body.items.filter((e: { caseNumber: string }) => e.caseNumber === caseNumber);
      expect(events.map((e: { reasons: string[] }) => e.reasons)).toEqual([['ASYLUM_WISH_PENDING', 'PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD']]);
      expect(JSON.stringify(events)).not.toContain('PROTECTION_NEED_OPEN');
      // Immigration does not receive the trafficking section: its own view of the lock stays reduced.
      const immigration = (await get('immigration.officer', `cases/${caseId}/safeguards`)).body.removal.reasons.map((r: { code: string }) => r.code);
      expect(immigration).toContain('PROTECTION_NEED_OPEN');
      expect(immigration).not.toContain('PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD');
    });
  });

  describe('non-criminalisation', () => {
    it('refuses to flag a presumed trafficking victim for prosecution for irregular entry, even with a supervisor’s finding', async () => {
      const caseId = await registerArrival(api, { sex: 'FEMALE', answers: { movement_controlled: true, debt_bondage: true } });
      const refused = await post('border.official', `cases/${caseId}/flags`, { kind: 'PROSECUTION', offence: 'IRREGULAR_ENTRY', reason: 'Crossed outside the post' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('SAFEGUARD.NON_CRIMINALISATION');
      expect(refused.body.details).toEqual({ offence: 'IRREGULAR_ENTRY', reasons: ['TRAFFICKING_VICTIM'] });
      const bySupervisor = await post('border.supervisor', `cases/${caseId}/flags`, { kind: 'PROSECUTION', offence: 'IRREGULAR_ENTRY', reason: 'Crossed outside the post' });
      expect({ status: bySupervisor.status, code: bySupervisor.body.code }).toEqual({ status: 409, code: 'SAFEGUARD.NON_CRIMINALISATION' });
      // A finding answers only another offence: offered for a status offence it is a bad field.
      const withFinding = await post('border.supervisor', `cases/${caseId}/flags`, {
        kind: 'PROSECUTION',
        offence: 'IRREGULAR_ENTRY',
        reason: 'Crossed outside the post',
        unrelatedOffenceFinding: 'She crossed on her own after escaping; the crossing has nothing to do with the trafficking.',
      });
      expect(withFinding.status).toBe(400);
      expect(withFinding.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['unrelatedOffenceFinding']);
      expect(await count('protection_flag', caseId)).toBe(0);
      expect((await trail(caseId)).map((e) => e.attempted)).toEqual(['FLAG_PROSECUTION:IRREGULAR_ENTRY', 'FLAG_PROSECUTION:IRREGULAR_ENTRY']);
    });

    it('flags a presumed trafficking victim for another offence only on a supervisor’s written finding that it is unrelated, shown to the monitor', async () => {
      const caseId = await registerArrival(api, { sex: 'FEMALE', answers: { movement_controlled: true, debt_bondage: true } });
      const body = { kind: 'PROSECUTION', offence: 'OTHER', reason: 'Assaulted an officer' };
      const finding = 'The assault on the officer took place at the post after she had left the exploiters; it is unrelated to the trafficking.';

      const bare = await post('border.official', `cases/${caseId}/flags`, body);
      expect({ status: bare.status, code: bare.body.code, details: bare.body.details }).toEqual({
        status: 409,
        code: 'SAFEGUARD.NON_CRIMINALISATION',
        details: { offence: 'OTHER', reasons: ['TRAFFICKING_VICTIM'], finding: 'FINDING_REQUIRED', missing: ['unrelatedOffenceFinding'] },
      });
      expect(bare.body.message).toContain('unrelated to the trafficking');
      const bareBySupervisor = await post('border.supervisor', `cases/${caseId}/flags`, body);
      expect(bareBySupervisor.body.details?.finding).toBe('FINDING_REQUIRED');
      const byOfficial = await post('border.official', `cases/${caseId}/flags`, { ...body, unrelatedOffenceFinding: finding });
      expect({ status: byOfficial.status, finding: byOfficial.body.details?.finding }).toEqual({ status: 409, finding: 'FINDING_NOT_PERMITTED' });
      const short = await post('border.supervisor', `cases/${caseId}/flags`, { ...body, unrelatedOffenceFinding: 'Unrelated.' });
      expect({ status: short.status, finding: short.body.details?.finding }).toEqual({ status: 409, finding: 'FINDING_TOO_SHORT' });
      expect(await count('protection_flag', caseId)).toBe(0);

      const flagged = await post('border.supervisor', `cases/${caseId}/flags`, { ...body, unrelatedOffenceFinding: finding });
      expect(flagged.status).toBe(201);
      expect(flagged.body).toMatchObject({ kind: 'PROSECUTION', offence: 'OTHER', open: true, unrelatedOffenceFinding: { text: finding, by: expect.any(String) } });
      expect((await trail(caseId)).map((e) => [e.outcome, e.attempted, e.justification])).toEqual([
        ['BLOCKED', 'FLAG_PROSECUTION:OTHER', null],
        ['BLOCKED', 'FLAG_PROSECUTION:OTHER', null],
        ['BLOCKED', 'FLAG_PROSECUTION:OTHER', null],
        ['BLOCKED', 'FLAG_PROSECUTION:OTHER', null],
        ['OVERRIDDEN', 'FLAG_PROSECUTION:OTHER', finding],
      ]);
      const [caseNumber] = (await api.owner<{ case_number: string }>(`SELECT case_number FROM case_file WHERE id = $1`, [caseId])).map((r) => r.case_number);
      const seen = (await get('monitor', 'monitor/safeguard-events?safeguard=NON_CRIMINALISATION&outcome=OVERRIDDEN')).body.items.filter((e: { caseNumber: string }) => e.caseNumber === caseNumber);
      expect(seen).toEqual([expect.objectContaining({ attempted: 'FLAG_PROSECUTION:OTHER', reasons: ['TRAFFICKING_VICTIM'], justification: finding })]);
    });

    it('asks no finding to flag a person who is not a trafficking victim for another offence, and takes a finding only with an OTHER prosecution', async () => {
      const caseId = await migrant();
      expect((await post('border.official', `cases/${caseId}/flags`, { kind: 'PROSECUTION', offence: 'OTHER', reason: 'Assaulted an officer' })).status).toBe(201);
      const onRisk = await post('border.official', `cases/${caseId}/flags`, { kind: 'REFOULEMENT_RISK', reason: 'New reports on returnees', unrelatedOffenceFinding: 'x'.repeat(60) });
      expect(onRisk.status).toBe(400);
      expect(onRisk.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['unrelatedOffenceFinding']);
    });

    it('lets the authority flag a migrant with no protection profile for irregular entry', async () => {
      const caseId = await migrant();
      expect((await post('border.official', `cases/${caseId}/flags`, { kind: 'PROSECUTION', offence: 'IRREGULAR_ENTRY', reason: 'Crossed outside the post' })).status).toBe(201);
    });
  });

  describe('age', () => {
    it('keeps a child’s profile until a completed age assessment finds an adult, then removes it and lifts the child’s detention ground', async () => {
      const caseId = await registerArrival(api, { givenName: 'Dawit', statedAge: 16, answers: { caregiver_present: false } });
      const removal = await post('border.official', `cases/${caseId}/profiles/UNACCOMPANIED_CHILD/remove`, { reason: 'Looks older than sixteen to me' });
      expect(removal.status).toBe(409);
      expect(removal.body.code).toBe('SAFEGUARD.AGE_ASSESSMENT_REQUIRED');
      // The refused attempt is kept, as every safeguard's is.
      expect(await trail(caseId)).toEqual([{ safeguard: 'AGE', outcome: 'BLOCKED', attempted: 'REMOVE_PROFILE:UNACCOMPANIED_CHILD', reasons: ['AGE_ASSESSMENT_REQUIRED'], justification: null }]);
      expect((await post('border.official', `cases/${caseId}/profiles/UNACCOMPANIED_CHILD/confirm`, {})).status).toBe(200);
      await consentToAll(api, caseId);
      await shareWith(api, caseId, 'Child Protection Service');

      const requested = await post('child.protection', `cases/${caseId}/age-assessments`, { seriousDoubt: 'A passport found in his bag gives 2001 as the year of birth', requestedOn: day() });
      expect(requested.status).toBe(201);
      expect((await get('border.official', `cases/${caseId}/safeguards`)).body.detention.protectedGrounds.map((g: { code: string }) => g.code)).toEqual(['UNACCOMPANIED_OR_SEPARATED_CHILD']);
      const young = await post('child.protection', `cases/${caseId}/age-assessments/${requested.body.id}/complete`, { method: 'MULTIDISCIPLINARY', completedOn: day(), minimumAge: 17, maximumAge: 19 });
      expect(young.status).toBe(200);
      expect(young.body.ageRange).toEqual({ minimum: 17, maximum: 19 });
      const profiles = async () => (await get('border.official', `cases/${caseId}/profiles`)).body.current.map((p: { profile: string; status: string }) => `${p.profile}:${p.status}`);
      expect(await profiles()).toContain('UNACCOMPANIED_CHILD:CONFIRMED');

      const second = await post('child.protection', `cases/${caseId}/age-assessments`, { seriousDoubt: 'School records from Gondar give an earlier year of birth', requestedOn: day() });
      const adult = await post('child.protection', `cases/${caseId}/age-assessments/${second.body.id}/complete`, { method: 'DOCUMENTARY', completedOn: day(), minimumAge: 22, maximumAge: 24 });
      expect(adult.status).toBe(200);
      expect(await profiles()).toContain('UNACCOMPANIED_CHILD:REMOVED');
      const decisions = (await get('border.official', `cases/${caseId}/profiles`)).body.decisions as { profile: string; action: string; reason: string }[];
      expect(decisions.filter((d) => d.action === 'REMOVE')).toEqual([expect.objectContaining({ profile: 'UNACCOMPANIED_CHILD', reason: expect.stringContaining('22–24 years') })]);
      expect((await get('border.official', `cases/${caseId}/safeguards`)).body.detention.protectedGrounds).toEqual([]);
    });

    it('unlocks an unaccompanied child’s return only with a best-interests determination supporting it', async () => {
      const caseId = await registerArrival(api, { givenName: 'Selam', statedAge: 14, sex: 'FEMALE', answers: { caregiver_present: false } });
      await consentToAll(api, caseId);
      const reasons = async (): Promise<string[]> => (await get('border.official', `cases/${caseId}/safeguards`)).body.removal.reasons.map((r: { code: string }) => r.code);
      expect(await reasons()).toContain('CHILD_WITHOUT_BID_SUPPORTING_RETURN');
      const bid = await post('child.protection', `cases/${caseId}/best-interests`, { kind: 'BID', openedOn: day() });
      expect(bid.status).toBe(201);
      const incomplete = await post('child.protection', `cases/${caseId}/best-interests/${bid.body.id}/complete`, { completedOn: day(), reasons: 'Mother traced' });
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['decision', 'panelMembers']);
      const done = await post('child.protection', `cases/${caseId}/best-interests/${bid.body.id}/complete`, {
        completedOn: day(),
        panelMembers: ['Child Protection Service', 'Refugee Agency'],
        decision: 'RETURN_TO_COUNTRY_OF_ORIGIN',
        reasons: 'Mother traced in Addis Ababa; home visit positive; the child wishes to go home.',
        version: 1,
      });
      expect(done.status).toBe(200);
      expect(await reasons()).not.toContain('CHILD_WITHOUT_BID_SUPPORTING_RETURN');
    });
  });
});

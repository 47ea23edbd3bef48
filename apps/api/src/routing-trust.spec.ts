import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';
import { addProfile, consentToAll, registerArrival } from './protection-fixtures';

interface Referral {
  id: string;
  caseId: string;
  agency: { id: string; name: string; kind: string };
  role: 'LEAD' | 'SUPPORTING';
  target: string;
  targets: { target: string; role: string; profiles: string[]; actions: string[] }[];
  profiles: string[];
  status: string;
  dueAt: string;
  requiredActions: { action: string; dueAt: string }[];
  basis: { requirements: { purpose: string }[]; met: unknown[]; separately?: { purpose: string; actions: string[] }[] };
}

interface Task {
  id: string;
  kind: string;
  referralId: string | null;
  status: string;
  closeReason: string | null;
}

/**
 * Routing that protection can trust: protection supersedes return, urgent profiles route at once, a
 * child's referral to child protection stands on the child-protection mandate, and a referral on which
 * two routing targets landed keeps both.
 */
describe('routing: protection before return, urgency, the child-protection mandate, merged targets', () => {
  let api: DemoApi;

  const get = async (username: string, path: string, query: Record<string, string | number> = {}) =>
    api.http().get(`/api/v1/${path}`).query(query).set(await api.as(username));
  const post = async (username: string, path: string, body: object = {}) => api.http().post(`/api/v1/${path}`).set(await api.as(username)).send(body);
  const sent = async (caseId: string): Promise<Referral[]> =>
    ((await get('border.official', 'referrals', { view: 'SENT', limit: 100 })).body.items as Referral[]).filter((r) => r.caseId === caseId);
  const caseTasks = async (username: string, caseId: string): Promise<Task[]> => (await get(username, `cases/${caseId}/tasks`)).body as Task[];
  async function massArrival(person: Record<string, unknown>): Promise<string> {
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({
        intakeId: randomUUID(),
        mode: 'MASS_ARRIVAL',
        arrival: { borderPointId: await api.borderPointId('KGM'), arrivedAt: new Date(Date.now() - 600_000).toISOString(), mode: 'SEA' },
        persons: [person],
      });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.cases[0].id as string;
  }

  beforeAll(async () => {
    api = await startDemoApi('routingtrust');
  }, 60_000);
  afterAll(() => api.close());

  describe('protection supersedes return', () => {
    it('supersedes a confirmed return profile when fear of return comes out, suspends the accepted return referral, cancels its tasks, tells the agency and routes the asylum lead', async () => {
      const person = { givenName: 'Yonas', familyName: 'Tesfay', sex: 'MALE', statedAge: 31, nationalities: ['ERI'], languages: ['ti', 'en'] };
      const caseId = await registerArrival(api, { borderPoint: 'KGM', givenName: 'Yonas', nationality: 'ERI', answers: { wants_to_return_home: true, has_means_to_return: false } });
      expect((await post('border.official', `cases/${caseId}/profiles/STRANDED_MIGRANT_RETURN/confirm`)).status).toBe(200);
      await consentToAll(api, caseId);
      const [avr] = await sent(caseId);
      expect(avr).toMatchObject({ agency: { name: 'Migration Agency' }, profiles: ['STRANDED_MIGRANT_RETURN'], status: 'PENDING' });
      expect((await post('return.counsellor', `referrals/${avr.id}/accept`)).status).toBe(200);
      expect((await caseTasks('return.counsellor', caseId)).filter((t) => t.referralId === avr.id).map((t) => t.kind)).toContain('TRAVEL_DOCUMENTS');
      // The migration agency listens for referral events (registered as its manager would).
      await api.owner(
        `INSERT INTO agency_webhook (agency_id, url, secret_ciphertext, registered_by)
         SELECT a.id, 'https://avr.example.org/hook', 'not-used', u.id FROM agency a, app_user u WHERE a.name = 'Migration Agency' AND u.username = 'sysadmin'`,
      );

      // At the follow-up interview he says he fears going back.
      const current = await get('border.official', `cases/${caseId}`);
      const corrected = await api.http()
        .put(`/api/v1/cases/${caseId}/intake`)
        .set(await api.as('border.official'))
        .send({ version: current.body.version, person: { ...person, screening: { answers: { wants_to_return_home: true, has_means_to_return: false, fear_of_return: true } } } });
      expect(corrected.status).toBe(200);

      const profiles = (await get('border.official', `cases/${caseId}/profiles`)).body as {
        current: { profile: string; status: string; routable: boolean; reason: string | null }[];
        history: { version: number; diff: { removed: string[]; superseded?: { profile: string; principle: string; by: string[] }[] } }[];
      };
      const avrProfile = profiles.current.find((p) => p.profile === 'STRANDED_MIGRANT_RETURN');
      expect(avrProfile).toMatchObject({ status: 'SUPERSEDED', routable: false });
      expect(avrProfile?.reason).toContain('principle.protection_supersedes_return');
      expect(profiles.history[0].diff.superseded).toEqual([{ profile: 'STRANDED_MIGRANT_RETURN', principle: 'principle.protection_supersedes_return', by: ['ASYLUM_SEEKER'] }]);
      expect(profiles.current.find((p) => p.profile === 'ASYLUM_SEEKER')).toMatchObject({ routable: true });

      const after = await sent(caseId);
      expect(after.find((r) => r.id === avr.id)?.status).toBe('SUSPENDED');
      const avrTasks = (await caseTasks('border.official', caseId)).filter((t) => t.referralId === avr.id);
      expect(avrTasks.length).toBeGreaterThan(0);
      for (const t of avrTasks) expect(t).toMatchObject({ status: 'CANCELLED', closeReason: expect.stringContaining('Protection supersedes return') });
      // The agency is told: the referral's history says why, and its webhook gets the event.
      const detail = await get('return.counsellor', `referrals/${avr.id}`);
      expect(detail.body.history.at(-1)).toMatchObject({ from: 'ACCEPTED', to: 'SUSPENDED', reason: expect.stringContaining('Protection supersedes return') });
      const hooks = await api.owner<{ payload: { event: string; referralId: string } }>(`SELECT payload FROM outbox_message WHERE payload->>'referralId' = $1`, [avr.id]);
      expect(hooks.map((h) => h.payload.event)).toContain('referral.suspended');
      // The new lead: the asylum authority.
      expect(after.find((r) => r.agency.kind === 'ASYLUM_AUTHORITY')).toMatchObject({ role: 'LEAD', profiles: ['ASYLUM_SEEKER'] });
    });

    it('withdraws a return referral not yet accepted when a trafficking profile arrives', async () => {
      const caseId = await registerArrival(api, { borderPoint: 'KGM', givenName: 'Dawit', answers: { wants_to_return_home: true, has_means_to_return: false } });
      expect((await post('border.official', `cases/${caseId}/profiles/STRANDED_MIGRANT_RETURN/confirm`)).status).toBe(200);
      const [avr] = await sent(caseId);
      await addProfile(api, caseId, 'TRAFFICKING_VICTIM');
      const after = await sent(caseId);
      expect(after.find((r) => r.id === avr.id)?.status).toBe('WITHDRAWN');
      expect(after.find((r) => r.agency.kind === 'ANTI_TRAFFICKING')).toMatchObject({ role: 'LEAD' });
      const profiles = (await get('border.official', `cases/${caseId}/profiles`)).body as { current: { profile: string; status: string }[] };
      expect(profiles.current.find((p) => p.profile === 'STRANDED_MIGRANT_RETURN')?.status).toBe('SUPERSEDED');
      // A superseded profile no longer stands: the case list and its profile filter leave it out.
      const listed = (await get('border.official', `cases?profile=TRAFFICKING_VICTIM&limit=100`)).body as { items: { id: string; profiles: string[] }[] };
      const row = listed.items.find((c) => c.id === caseId);
      expect(row?.profiles).toContain('TRAFFICKING_VICTIM');
      expect(row?.profiles).not.toContain('STRANDED_MIGRANT_RETURN');
      const byReturn = (await get('border.official', `cases?profile=STRANDED_MIGRANT_RETURN&limit=100`)).body as { items: { id: string }[] };
      expect(byReturn.items.map((c) => c.id)).not.toContain(caseId);
    });
  });

  describe('urgent means at once', () => {
    it('routes recent sexual violence without waiting for an official to confirm it', async () => {
      const caseId = await registerArrival(api, { borderPoint: 'KGM', givenName: 'Neema', sex: 'FEMALE', answers: { sexual_violence_disclosed: true, sexual_violence_hours_ago: 20 } });
      const profiles = (await get('border.official', `cases/${caseId}/profiles`)).body as { current: { profile: string; status: string; routable: boolean; urgency: string }[] };
      expect(profiles.current.find((p) => p.profile === 'SGBV_SURVIVOR')).toMatchObject({ status: 'SUGGESTED', urgency: 'IMMEDIATE', routable: true });
      const lead = (await sent(caseId)).find((r) => r.role === 'LEAD');
      expect(lead).toMatchObject({ target: 'NGO/GBV_CASE_MANAGEMENT', profiles: ['SGBV_SURVIVOR'] });
      // Flagged at a mass arrival (an incomplete record), the same.
      const flagged = await massArrival({ description: 'woman, about 25', sex: 'FEMALE', statedAge: 25, nationalities: ['COD'], urgentNeeds: ['RECENT_SEXUAL_VIOLENCE'] });
      expect((await sent(flagged)).find((r) => r.role === 'LEAD')).toMatchObject({ target: 'NGO/GBV_CASE_MANAGEMENT', profiles: ['SGBV_SURVIVOR'] });
    });

    it('routes a separated child at once, and to child protection without waiting for consent', async () => {
      const caseId = await registerArrival(api, {
        borderPoint: 'KGM',
        givenName: 'Amani',
        statedAge: 14,
        answers: { caregiver_present: false, caregiver_relationship: 'RELATIVE' },
      });
      const profiles = (await get('border.official', `cases/${caseId}/profiles`)).body as { current: { profile: string; status: string; routable: boolean }[] };
      expect(profiles.current.find((p) => p.profile === 'SEPARATED_CHILD')).toMatchObject({ status: 'SUGGESTED', routable: true });
      expect((await sent(caseId)).find((r) => r.agency.kind === 'CHILD_PROTECTION')).toMatchObject({ role: 'LEAD', status: 'PENDING' });
    });

    it('sends a lone child found in a mass arrival to child protection at once, on the child-protection mandate, with family tracing asked for separately', async () => {
      const caseId = await massArrival({ description: 'girl, about 11, alone', sex: 'FEMALE', statedAge: 11, nationalities: ['COD'], urgentNeeds: ['UNACCOMPANIED_CHILD'] });
      const cp = (await sent(caseId)).find((r) => r.agency.kind === 'CHILD_PROTECTION') as Referral;
      expect(cp).toMatchObject({ role: 'LEAD', status: 'PENDING' });
      expect(cp.basis.met).toEqual([expect.objectContaining({ purpose: 'REFERRAL', kind: 'AUTOMATIC', legalBasis: 'CHILD_PROTECTION_MANDATE' })]);
      expect(cp.basis.requirements.map((r) => r.purpose)).toEqual(['REFERRAL']);
      expect(cp.basis.separately).toEqual([expect.objectContaining({ purpose: 'FAMILY_TRACING', actions: ['START_FAMILY_TRACING'] })]);
      // The child-protection officer sees the case and takes it on: the guardian appointment is due within 24 hours.
      expect((await get('child.protection', `cases/${caseId}`)).status).toBe(200);
      expect((await post('child.protection', `referrals/${cp.id}/accept`)).status).toBe(200);
      const guardian = (await caseTasks('child.protection', caseId)).find((t) => t.kind === 'APPOINT_GUARDIAN');
      expect(guardian).toMatchObject({ status: 'OPEN', referralId: cp.id });
    });

    it('never stores a null among the bases a referral met', async () => {
      const caseId = await registerArrival(api, { borderPoint: 'KGM', givenName: 'Furaha', statedAge: 15, answers: { caregiver_present: false, caregiver_relationship: 'NONE', fear_of_return: true, torture_reported: true } });
      const rows = await api.owner<{ met: unknown[] }>(`SELECT basis->'met' AS met FROM referral WHERE case_id = $1`, [caseId]);
      expect(rows.length).toBeGreaterThan(0);
      for (const { met } of rows) expect(met).not.toContain(null);
    });
  });

  describe('merged referrals keep all their reasons', () => {
    it('gives a torture survivor who seeks asylum one referral to the legal-aid and rehabilitation NGO, as its lead, with the documentation action', async () => {
      const caseId = await registerArrival(api, { borderPoint: 'NMG', givenName: 'Kidane', answers: { fear_of_return: true, torture_reported: true, scars_attributed_to_torture: true } });
      // Confirmed one after the other: the legal-aid target reaches the NGO first, the rehabilitation lead then lands on it too.
      for (const profile of ['ASYLUM_SEEKER', 'TORTURE_SURVIVOR']) expect((await post('border.official', `cases/${caseId}/profiles/${profile}/confirm`)).status).toBe(200);
      const haki = (await sent(caseId)).filter((r) => r.agency.name === 'Haki Legal Aid');
      expect(haki).toHaveLength(1);
      const [ngo] = haki;
      expect(ngo.role).toBe('LEAD');
      expect(ngo.profiles.sort()).toEqual(['ASYLUM_SEEKER', 'TORTURE_SURVIVOR']);
      expect(ngo.requiredActions.map((a) => a.action).sort()).toEqual(['ASYLUM_COUNSELLING', 'MEDICO_LEGAL_DOCUMENTATION']);
      expect(ngo.targets.map((t) => [t.target, t.role]).sort()).toEqual([
        ['NGO/LEGAL_AID', 'SUPPORTING'],
        ['NGO/TORTURE_REHABILITATION', 'LEAD'],
      ]);
      // The earliest due time of its targets (the asylum counselling target's same-day contact).
      const asylumAuthority = (await sent(caseId)).find((r) => r.agency.kind === 'ASYLUM_AUTHORITY') as Referral;
      expect(Date.parse(ngo.dueAt)).toBeLessThanOrEqual(Date.parse(asylumAuthority.dueAt) + 5_000);

      // The torture profile removed: the referral stays for the legal aid, as a supporting one without the documentation.
      expect((await post('border.official', `cases/${caseId}/profiles/TORTURE_SURVIVOR/remove`, { reason: 'Second interview: the scars are from an accident' })).status).toBe(200);
      const [still] = (await sent(caseId)).filter((r) => r.agency.name === 'Haki Legal Aid');
      expect(still).toMatchObject({ id: ngo.id, role: 'SUPPORTING', profiles: ['ASYLUM_SEEKER'] });
      expect(still.status).not.toBe('WITHDRAWN');
      expect(still.requiredActions.map((a) => a.action)).toEqual(['ASYLUM_COUNSELLING']);
      expect(still.targets.map((t) => t.target)).toEqual(['NGO/LEGAL_AID']);
    });
  });
});

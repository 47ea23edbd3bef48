import { DemoApi, startDemoApi } from './demo-api';
import { at, consentToAll, day, detentionBody, registerArrival } from './protection-fixtures';

/**
 * What the supervisors' dashboard and the monitor's pages read: the dashboard's overdue referrals per
 * agency and the case list behind "cases without a lead"; the monitor's reports for a period and as CSV
 * files (codes, case numbers, dates: never a name).
 */
describe('oversight', () => {
  let api: DemoApi;

  beforeAll(async () => {
    api = await startDemoApi('oversight', { KIVUKO_DEMO_CASES: 'true' });
    // The demo's referral still waiting for consent passed its first-contact deadline and was escalated once.
    await api.owner(
      `UPDATE referral SET overdue_at = now() - interval '2 hours', escalation_level = 1 WHERE id = (SELECT id FROM referral WHERE status = 'AWAITING_CONSENT' ORDER BY due_at LIMIT 1)`,
    );
  }, 60_000);
  afterAll(() => api.close());

  const get = async (username: string, path: string) => api.http().get(`/api/v1/${path}`).set(await api.as(username));

  describe('the dashboard', () => {
    it('counts the overdue referrals per receiving agency, adding up to the overdue total', async () => {
      const view = (await get('border.supervisor', 'dashboard')).body;
      const [late] = await api.owner<{ agency_id: string; name: string }>(
        `SELECT r.agency_id, a.name FROM referral r JOIN agency a ON a.id = r.agency_id WHERE r.overdue_at IS NOT NULL`,
      );
      expect(view.referrals.overdue).toBe(1);
      expect(view.referrals.overdueByAgency).toEqual([{ agencyId: late.agency_id, agency: late.name, overdue: 1 }]);
    });

    it('lists behind "cases without a lead" exactly the open cases it counts', async () => {
      const view = (await get('border.supervisor', 'dashboard')).body;
      const list = await get('border.supervisor', 'cases?withoutLead=true&limit=100');
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(view.casesWithoutLead);
      const led = await api.owner<{ case_id: string }>(`SELECT case_id FROM case_lead`);
      for (const item of list.body.items as { id: string; status: string }[]) {
        expect(item.status).not.toBe('CLOSED');
        expect(led.map((l) => l.case_id)).not.toContain(item.id);
      }
      const withLead = await get('border.supervisor', 'cases?withoutLead=false&limit=100');
      expect((withLead.body.items as { id: string }[]).every((c) => led.some((l) => l.case_id === c.id))).toBe(true);
      expect((await get('border.supervisor', 'cases?withoutLead=maybe')).status).toBe(400);
    });
  });

  it('lists behind the detention numbers the cases of persons detained now, and those whose review is overdue', async () => {
    const detain = async (extra: Record<string, unknown>): Promise<string> => {
      const caseId = await registerArrival(api, { answers: { reasons_for_leaving: ['WORK'] } });
      expect((await api.http().post(`/api/v1/cases/${caseId}/profiles/MIGRANT/confirm`).set(await api.as('border.official')).send({})).status).toBe(200);
      await consentToAll(api, caseId);
      const opened = await api.http().post(`/api/v1/cases/${caseId}/detentions`).set(await api.as('immigration.officer')).send(detentionBody(extra));
      expect(opened.status).toBe(201);
      return caseId;
    };
    const onTime = await detain({});
    const late = await detain({ startedAt: at(-24 * 10), nextReviewOn: day(-3) });
    const view = (await get('border.supervisor', 'dashboard')).body;
    expect(view.detention).toEqual({ open: 2, reviewOverdue: 1 });
    const ids = async (detention: string) => ((await get('border.supervisor', `cases?detention=${detention}&limit=100`)).body.items as { id: string }[]).map((c) => c.id).sort();
    expect(await ids('OPEN')).toEqual([onTime, late].sort());
    expect(await ids('REVIEW_OVERDUE')).toEqual([late]);
    expect((await get('border.supervisor', 'cases?detention=SOMETIMES')).status).toBe(400);
  });

  it('narrows the referrals sent from the border points to one receiving agency, overdue ones only', async () => {
    const all = (await get('border.supervisor', 'referrals?view=SENT&limit=100')).body.items as { id: string; agency: { id: string } }[];
    const agencies = [...new Set(all.map((r) => r.agency.id))];
    expect(agencies.length).toBeGreaterThan(1);
    const one = (await get('border.supervisor', `referrals?view=SENT&agencyId=${agencies[0]}&limit=100`)).body.items as { agency: { id: string } }[];
    expect(one.length).toBe(all.filter((r) => r.agency.id === agencies[0]).length);
    expect(one.every((r) => r.agency.id === agencies[0])).toBe(true);
    const [late] = await api.owner<{ id: string; agency_id: string }>(`SELECT id, agency_id FROM referral WHERE overdue_at IS NOT NULL`);
    const lateOnes = (await get('border.supervisor', `referrals?view=SENT&overdue=true&agencyId=${late.agency_id}`)).body.items as { id: string }[];
    expect(lateOnes.map((r) => r.id)).toEqual([late.id]);
  });

  describe("the monitor's reports", () => {
    it('answers a report as a CSV file for ?format=csv: a header line, one line per item, no name', async () => {
      const json = (await get('monitor', 'monitor/safeguard-events')).body.items as { caseNumber: string; safeguard: string; outcome: string }[];
      const res = await get('monitor', 'monitor/safeguard-events?format=csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="kivuko-safeguard-events.csv"');
      const lines = res.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe('event_id,at,case_number,border_point,safeguard,outcome,attempted,reasons,agency,justification');
      expect(lines).toHaveLength(json.length + 1);
      expect(lines[1].split(',').slice(2, 6)).toEqual([json[0].caseNumber, expect.any(String), json[0].safeguard, json[0].outcome]);
      const names = await api.owner<{ given_name: string | null }>(`SELECT given_name FROM person WHERE given_name IS NOT NULL`);
      for (const { given_name } of names) expect(res.text).not.toContain(given_name);
    });

    it('answers the CSV for Accept: text/csv too, and the overdue referrals with their agency', async () => {
      const res = await api.http().get('/api/v1/monitor/overdue-referrals').set(await api.as('monitor')).set('Accept', 'text/csv');
      expect(res.status).toBe(200);
      const [header, row, ...rest] = res.text.trimEnd().split('\r\n');
      expect(header).toBe('referral_id,case_number,border_point,agency,agency_kind,role,priority,status,due_at,overdue_since,escalation_level');
      expect(rest).toEqual([]);
      const [late] = await api.owner<{ id: string }>(`SELECT id FROM referral WHERE overdue_at IS NOT NULL`);
      expect(row.startsWith(`${late.id},`)).toBe(true);
      expect(row.endsWith(',1')).toBe(true);
      const detentions = await get('monitor', 'monitor/detentions?format=csv');
      expect(detentions.text.split('\r\n')[0]).toBe(
        'episode_id,case_number,border_point,detaining_agency,place,started_at,next_review_on,review_overdue,ended_at,protected_grounds,child_now,override_justification,access_visits',
      );
    });

    it('filters a report by its period (UTC days, both ends included) and refuses a day that is not one', async () => {
      const all = (await get('monitor', 'monitor/safeguard-events')).body.items as { at: string }[];
      expect(all.length).toBeGreaterThan(0);
      const day = all[0].at.slice(0, 10);
      expect((await get('monitor', `monitor/safeguard-events?from=${day}&to=${day}`)).body.items).toHaveLength(all.filter((e) => e.at.startsWith(day)).length);
      expect((await get('monitor', 'monitor/safeguard-events?from=2099-01-01')).body.items).toEqual([]);
      expect((await get('monitor', 'monitor/safeguard-events?to=2000-01-01&format=csv')).text.split('\r\n').filter(Boolean)).toHaveLength(1);
      const bad = await get('monitor', 'monitor/detentions?from=yesterday&format=xml');
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['format', 'from']);
      expect((await get('border.supervisor', 'monitor/detentions?format=csv')).status).toBe(403);
    });
  });
});

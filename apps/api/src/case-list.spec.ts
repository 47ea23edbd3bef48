import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';

const HOUR = 3_600_000;

describe('listing cases: scope, filters, keyset pagination, indexes', () => {
  let api: DemoApi;
  let NMG: string;
  let KGM: string;
  let DAR: string;
  /** Arrival time per case id, as registered. */
  const arrivals = new Map<string, number>();
  const base = Date.now() - 100 * HOUR;

  async function register(user: string, borderPointId: string, hoursAfterBase: number, nationality: string, mass = false, urgent = false): Promise<string> {
    const arrivedAt = new Date(base + hoursAfterBase * HOUR);
    const person = mass
      ? { description: 'adult, grey coat', sex: 'UNKNOWN', statedAge: 30, nationalities: [nationality], ...(urgent ? { urgentNeeds: ['MEDICAL_EMERGENCY'] } : {}) }
      : { givenName: `Person${hoursAfterBase}`, familyName: 'Tesfaye', sex: 'MALE', statedAge: 25, nationalities: [nationality], screening: { answers: {} } };
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as(user))
      .send({ intakeId: randomUUID(), mode: mass ? 'MASS_ARRIVAL' : 'FULL', arrival: { borderPointId, arrivedAt: arrivedAt.toISOString(), mode: 'LAND' }, persons: [person] });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    arrivals.set(res.body.cases[0].id, arrivedAt.getTime());
    return res.body.cases[0].id;
  }
  const list = async (user: string, query: Record<string, string | number> = {}, expected = 200) =>
    api.http().get('/api/v1/cases').query(query).set(await api.as(user)).expect(expected);

  beforeAll(async () => {
    api = await startDemoApi('caselist');
    [NMG, KGM, DAR] = await Promise.all([api.borderPointId('NMG'), api.borderPointId('KGM'), api.borderPointId('DAR')]);
    for (let i = 0; i < 14; i++) {
      await register('border.official', i % 2 === 0 ? NMG : KGM, i, i % 3 === 0 ? 'ERI' : 'ETH', i % 4 === 0, i === 4 || i === 8);
    }
    await register('airport.official', DAR, 50, 'ERI');
    await register('airport.official', DAR, 51, 'SOM');
  }, 60_000);
  afterAll(() => api.close());

  it('pages through exactly the caller’s cases, newest arrival first, with no repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await list('border.official', { limit: 4, ...(cursor ? { cursor } : {}) }, 200);
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(14);
    const times = seen.map((id) => arrivals.get(id) as number);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(seen.every((id) => arrivals.has(id))).toBe(true);

    const airport = await list('airport.official', {}, 200);
    expect(airport.body.items.map((c: { borderPoint: { code: string } }) => c.borderPoint.code)).toEqual(['DAR', 'DAR']);
    expect(airport.body.nextCursor).toBeUndefined();
    expect(airport.body.items[0].person).toMatchObject({ givenName: 'Person51', familyName: 'Tesfaye', ageAtArrival: 25 });
  });

  it('filters by border point, status, urgency, nationality and arrival range', async () => {
    const kgm = await list('border.official', { borderPointId: KGM, limit: 100 }, 200);
    expect(kgm.body.items).toHaveLength(7);
    expect(kgm.body.items.every((c: { borderPoint: { id: string } }) => c.borderPoint.id === KGM)).toBe(true);

    const incomplete = await list('border.supervisor', { status: 'INCOMPLETE', limit: 100 }, 200);
    expect(incomplete.body.items.map((c: { status: string }) => c.status)).toEqual(['INCOMPLETE', 'INCOMPLETE', 'INCOMPLETE', 'INCOMPLETE']);

    const urgent = await list('border.official', { urgent: 'true', limit: 100 }, 200);
    expect(urgent.body.items.map((c: { id: string }) => (arrivals.get(c.id)! - base) / HOUR)).toEqual([8, 4]);
    expect(urgent.body.items.every((c: { urgentNeeds: string[] }) => c.urgentNeeds.includes('MEDICAL_EMERGENCY'))).toBe(true);
    const calm = await list('border.official', { urgent: 'false', limit: 100 }, 200);
    expect(calm.body.items).toHaveLength(12);
    expect(calm.body.items.every((c: { urgentNeeds: string[] }) => c.urgentNeeds.length === 0)).toBe(true);

    const eritreans = await list('border.supervisor', { nationality: 'ERI', limit: 100 }, 200);
    expect(eritreans.body.items).toHaveLength(6);
    expect(eritreans.body.items.every((c: { nationalities: string[] }) => c.nationalities.includes('ERI'))).toBe(true);

    const window = await list('border.official', {
      arrivedFrom: new Date(base + 3 * HOUR).toISOString(),
      arrivedTo: new Date(base + 6 * HOUR).toISOString(),
    }, 200);
    expect(window.body.items.map((c: { id: string }) => (arrivals.get(c.id)! - base) / HOUR)).toEqual([5, 4, 3]);
  });

  it('shows agencies only the cases they hold a referral for, and analysts none at all', async () => {
    const none = await list('shelter.caseworker', {}, 200);
    expect(none.body.items).toEqual([]);
    await list('analyst', {}, 403);
    await list('monitor', {}, 403);
  });

  it('refuses bad filters, naming each', async () => {
    const res = await list('border.official', { limit: 0, status: 'MAYBE', nationality: 'xx', borderPointId: 'NMG', arrivedFrom: 'yesterday', urgent: 'maybe' }, 400);
    expect(res.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['arrivedFrom', 'borderPointId', 'limit', 'nationality', 'status', 'urgent']);
    const cursor = await list('border.official', { cursor: 'not-a-cursor' }, 400);
    expect(cursor.body.details.fields).toEqual([{ path: 'cursor', problem: 'must be the nextCursor of an earlier page' }]);
    const range = await list('border.official', { arrivedFrom: '2026-02-01T00:00:00Z', arrivedTo: '2026-01-01T00:00:00Z' }, 400);
    expect(range.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['arrivedTo']);
    await list('border.official', { unknown: 'x' }, 400);
  });

  it('gives each profile with its status, and says whether the age is an estimate, in the same list', async () => {
    const at = new Date(base + 80 * HOUR).toISOString();
    const person = (extra: Record<string, unknown>) => ({ givenName: 'Selam', familyName: 'Kidane', sex: 'FEMALE', nationalities: ['ERI'], ...extra });
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({
        intakeId: randomUUID(),
        arrival: { borderPointId: NMG, arrivedAt: at, mode: 'LAND' },
        persons: [
          person({ dateOfBirth: '1990-05-01', screening: { answers: { fear_of_return: true, disability: true } } }),
          person({ dateOfBirth: '2012-01-01', dateOfBirthEstimated: true, screening: { answers: { caregiver_present: false } } }),
          person({ statedAge: 40, screening: { answers: {} } }),
        ],
      })
      .expect(201);
    const [adult, child, stated] = (res.body.cases as { id: string }[]).map((c) => c.id);
    await api.http().post(`/api/v1/cases/${adult}/profiles/ASYLUM_SEEKER/confirm`).set(await api.as('border.official')).expect(200);

    const items = new Map<string, { profiles: string[]; profileStatuses: { profile: string; status: string }[]; ageEstimated: boolean }>(
      (await list('border.official', { limit: 5 })).body.items.map((i: { id: string }) => [i.id, i]),
    );
    expect(items.get(adult)).toMatchObject({
      profiles: ['ASYLUM_SEEKER', 'SPECIFIC_NEEDS'],
      profileStatuses: [
        { profile: 'ASYLUM_SEEKER', status: 'CONFIRMED' },
        { profile: 'SPECIFIC_NEEDS', status: 'SUGGESTED' },
      ],
      ageEstimated: false,
    });
    const childProfiles = (await api.http().get(`/api/v1/cases/${child}/profiles`).set(await api.as('border.official')).expect(200)).body.current as { profile: string; status: string }[];
    expect(items.get(child)?.profileStatuses).toEqual(childProfiles.map(({ profile, status }) => ({ profile, status })).sort((a, b) => a.profile.localeCompare(b.profile)));
    expect(items.get(child)?.profileStatuses.map((p) => p.profile)).toContain('UNACCOMPANIED_CHILD');
    expect([items.get(child)?.ageEstimated, items.get(stated)?.ageEstimated, items.get(stated)?.profileStatuses]).toEqual([true, true, []]);
  });

  it('audits each listing', async () => {
    const before = Number((await api.owner<{ n: string }>(`SELECT count(*) AS n FROM audit_event WHERE action = 'CASE.LISTED'`))[0].n);
    await list('border.official', {}, 200);
    expect(Number((await api.owner<{ n: string }>(`SELECT count(*) AS n FROM audit_event WHERE action = 'CASE.LISTED'`))[0].n)).toBe(before + 1);
  });
});

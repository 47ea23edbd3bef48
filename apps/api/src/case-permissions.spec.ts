import { Permission } from '@kivuko/platform';
import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';
import { describePermissionMatrix, RouteBehaviour } from './permission-matrix';
import { CASE_WORK_ROUTE } from './protection-fixtures';

/**
 * Each role × each case-scoped endpoint, allowed and denied, as one table (read and checked by the harness of
 * permission-matrix.ts).
 *
 * Columns: every demo user (together they hold every role), and a request with no token at all.
 */
const COLUMNS = {
  BO: 'border.official', //        BORDER_OFFICIAL at NMG and KGM (Border Management Service)
  AO: 'airport.official', //       BORDER_OFFICIAL at DAR only
  BS: 'border.supervisor', //      SUPERVISOR at every border point
  AR: 'asylum.reviewer', //        CASEWORKER, Refugee Status Authority
  CP: 'child.protection', //       CASEWORKER, Child Protection Service
  TC: 'trafficking.coordinator', // CASEWORKER, Anti-Trafficking Secretariat
  LC: 'legal.caseworker', //       CASEWORKER, Haki Legal Aid (NGO)
  SC: 'shelter.caseworker', //     CASEWORKER, Tumaini Shelter (NGO)
  SM: 'shelter.manager', //        AGENCY_MANAGER + SUPERVISOR, Tumaini Shelter, no border points
  SA: 'sop.admin', //              SOP_ADMIN
  AN: 'analyst', //                ANALYST
  MO: 'monitor', //                MONITOR
  SY: 'sysadmin', //               SYSADMIN
  anon: null, //                   no bearer token
} as const;

/**
 * Fixtures (the `fixture` column):
 *   NMG        a new arrival at Namanga (a fresh intake id for every call)
 *   shared     a case registered at NMG by border.official and referred to Tumaini Shelter (a case_share row)
 *   unshared   a case registered at NMG by border.official, referred to no one
 *   shared-LB  the shared case, with a legal basis standing in for consent (recording one; withdrawing one)
 * On the encounter rows the fixture is the case the possible encounter belongs to; on the withdraw rows,
 * the case the consent record belongs to; on the verification rows, a child's case (registered with its
 * mother in one intake at NMG, claiming to travel with her), and only the child's case is referred.
 *
 * Cells:
 *   200, 201    allowed, with this status, and its effect checked (the case read is that case, the version
 *               moved on by one, the encounter is decided, the consent recorded or withdrawn, ...)
 *   200+, 200-  a list answered 200 with the row's fixture in it (+), or without it (-: out of scope)
 *   404         hidden: CASE.NOT_FOUND, word for word the answer for a case id that does not exist
 *   403         refused: ACCESS.FORBIDDEN, the role lacks the route's permission (checked before scope)
 *   403LB       refused: CONSENT.LEGAL_BASIS_NOT_PERMITTED, a legal basis needs CONSENT_LEGAL_BASIS
 *   403BP       refused: INTAKE.BORDER_POINT_NOT_ASSIGNED: arrivals are registered, intake records changed and their
 *               possible encounters reviewed only by officials of the border point where the person arrived
 *   401         no token: AUTH.TOKEN_MISSING
 * Every refused, hidden and unauthenticated cell also checks that nothing changed (no case registered,
 * case version, encounter status, consent count, withdrawal, relationship verification, no CASE.READ audited).
 *
 * State-changing rows (link, dismiss, withdraw): each allowed cell acts on a fresh possible encounter or
 * consent record of its own, so no 409 for a second decision; every other cell of the row acts on one
 * standing PENDING encounter or unwithdrawn consent, which must stay so. PUT sends the version current
 * at the time of each call, so an allowed correction does not turn later cells into 409s.
 */
const POLICY = `
  method path                                                 fixture    BO     AO     BS     AR     CP     TC     LC     SC     SM     SA     AN     MO     SY     anon
  POST   intakes                                              NMG        201    403BP  201    403    403    403    403    403    403BP  403    403    403    403    401
  GET    cases                                                shared     200+   200-   200+   200-   200-   200-   200-   200+   200+   403    403    403    403    401
  GET    cases                                                unshared   200+   200-   200+   200-   200-   200-   200-   200-   200-   403    403    403    403    401
  GET    cases/:id                                            shared     200    404    200    404    404    404    404    200    200    403    403    403    403    401
  GET    cases/:id                                            unshared   200    404    200    404    404    404    404    404    404    403    403    403    403    401
  PUT    cases/:id/intake                                     shared     200    404    200    403    403    403    403    403    403BP  403    403    403    403    401
  PUT    cases/:id/intake                                     unshared   200    404    200    403    403    403    403    403    404    403    403    403    403    401
  POST   cases/:id/companions/:companionCaseId/verification   shared     403    403    200    404    404    404    404    200    200    403    403    403    403    401
  POST   cases/:id/companions/:companionCaseId/verification   unshared   403    403    200    404    404    404    404    404    404    403    403    403    403    401
  GET    cases/:id/profiles                                   shared     200    404    200    404    404    404    404    200    200    403    403    403    403    401
  GET    cases/:id/profiles                                   unshared   200    404    200    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/profiles                                   shared     201    404    201    403    403    403    403    403    403BP  403    403    403    403    401
  POST   cases/:id/profiles                                   unshared   201    404    201    403    403    403    403    403    404    403    403    403    403    401
  POST   cases/:id/profiles/:profile/confirm                  shared     200    404    200    403    403    403    403    403    403BP  403    403    403    403    401
  POST   cases/:id/profiles/:profile/confirm                  unshared   200    404    200    403    403    403    403    403    404    403    403    403    403    401
  POST   cases/:id/profiles/:profile/remove                   shared     200    404    200    403    403    403    403    403    403BP  403    403    403    403    401
  POST   cases/:id/profiles/:profile/remove                   unshared   200    404    200    403    403    403    403    403    404    403    403    403    403    401
  GET    cases/:id/timeline                                   shared     200    404    200    404    404    404    404    200    200    403    403    403    403    401
  GET    cases/:id/timeline                                   unshared   200    404    200    404    404    404    404    404    404    403    403    403    403    401
  GET    cases/:id/notes                                      shared     200    404    200    404    404    404    404    200    200    403    403    403    403    401
  GET    cases/:id/notes                                      unshared   200    404    200    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/notes                                      shared     201    404    201    404    404    404    404    201    201    403    403    403    403    401
  POST   cases/:id/notes                                      unshared   201    404    201    404    404    404    404    404    404    403    403    403    403    401
  GET    encounters                                           shared     403    403    200+   403    403    403    403    403    200-   403    403    403    403    401
  GET    encounters                                           unshared   403    403    200+   403    403    403    403    403    200-   403    403    403    403    401
  GET    encounters/:encounterId/comparison                   shared     403    403    200    403    403    403    403    403    404    403    403    403    403    401
  GET    encounters/:encounterId/comparison                   unshared   403    403    200    403    403    403    403    403    404    403    403    403    403    401
  POST   cases/:id/encounters/:encounterId/link               shared     403    403    200    403    403    403    403    403    403BP  403    403    403    403    401
  POST   cases/:id/encounters/:encounterId/link               unshared   403    403    200    403    403    403    403    403    404    403    403    403    403    401
  POST   cases/:id/encounters/:encounterId/dismiss            shared     403    403    200    403    403    403    403    403    403BP  403    403    403    403    401
  POST   cases/:id/encounters/:encounterId/dismiss            unshared   403    403    200    403    403    403    403    403    404    403    403    403    403    401
  GET    cases/:id/consents                                   shared     200    404    200    404    404    404    404    200    200    403    403    403    403    401
  GET    cases/:id/consents                                   unshared   200    404    200    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/consents                                   shared     201    404    201    404    404    404    404    201    201    403    403    403    403    401
  POST   cases/:id/consents                                   unshared   201    404    201    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/consents                                   shared-LB  403LB  403LB  201    403LB  403LB  403LB  403LB  403LB  201    403    403    403    403    401
  POST   cases/:id/consents/:consentId/withdraw               shared     200    404    200    404    404    404    404    200    200    403    403    403    403    401
  POST   cases/:id/consents/:consentId/withdraw               unshared   200    404    200    404    404    404    404    404    404    403    403    403    403    401
  POST   cases/:id/consents/:consentId/withdraw               shared-LB  403LB  404    200    404    404    404    404    403LB  200    403    403    403    403    401
`;

const REFUSALS: Record<string, string> = {
  'ACCESS.FORBIDDEN': '403',
  'CONSENT.LEGAL_BASIS_NOT_PERMITTED': '403LB',
  'INTAKE.BORDER_POINT_NOT_ASSIGNED': '403BP',
};

type Fixture = 'NMG' | 'shared' | 'unshared' | 'shared-LB';
interface Target {
  caseId?: string;
  encounterId?: string;
  consentId?: string;
  companionCaseId?: string;
  intakeId?: string;
  profile?: string;
}

type Behaviour = RouteBehaviour<Target, Fixture>;

const HOUR = 3_600_000;
const arrival = (borderPointId: string): Record<string, unknown> => ({ borderPointId, arrivedAt: new Date(Date.now() - HOUR).toISOString(), mode: 'LAND' });
function person(givenName: string, familyName: string, dateOfBirth: string, nationality: string, documents: unknown[] = []): Record<string, unknown> {
  return { givenName, familyName, sex: 'FEMALE', dateOfBirth, nationalities: [nationality], documents, screening: { answers: { reasons_for_leaving: ['WORK'] } } };
}
const SHARED_PERSON = person('Grace', 'Achieng', '1999-04-04', 'SSD');
const UNSHARED_PERSON = person('Baraka', 'Otieno', '1985-06-15', 'KEN');
const NEW_ARRIVAL = person('Amani', 'Kabila', '1979-03-03', 'COD');
/** One person per possible encounter: an earlier and a later case with the same passport. Nobody here resembles anyone else. */
const ENCOUNTER_PEOPLE: [string, string, string, string][] = [
  ['Abebe', 'Bekele', '1971-01-10', 'ETH'],
  ['Yonas', 'Tesfaye', '1974-02-11', 'ERI'],
  ['Hamid', 'Osman', '1977-03-12', 'SDN'],
  ['Pascal', 'Nshimiyimana', '1980-04-13', 'RWA'],
  ['Okello', 'Opio', '1983-05-14', 'UGA'],
  ['Ahmad', 'Rahimi', '1986-06-15', 'AFG'],
  ['Salem', 'Alhakimi', '1989-07-16', 'YEM'],
  ['Didier', 'Ndayishimiye', '1992-08-17', 'BDI'],
  ['Mamadou', 'Diallo', '1995-09-18', 'GIN'],
  ['Kwame', 'Mensah', '1998-10-19', 'GHA'],
  ['Ibrahim', 'Traore', '2001-11-20', 'MLI'],
  ['Tariq', 'Jamal', '1968-12-21', 'PAK'],
];

describe('case permissions: each role × each case-scoped endpoint', () => {
  let api: DemoApi;
  let NMG: string;
  let TUMAINI: string;
  const cases = new Map<Fixture, string>();
  const standingEncounters = new Map<Fixture, Promise<Target>>();
  const standingConsents = new Map<Fixture, Promise<Target>>();
  const families = new Map<Fixture, Promise<Target>>();
  let encounterPairs = 0;

  const share = (caseId: string) => api.owner(`INSERT INTO case_share (case_id, agency_id, source) VALUES ($1, $2, 'REFERRAL')`, [caseId, TUMAINI]);
  const caseOf = (fixture: Fixture): string => {
    const id = cases.get(fixture === 'shared-LB' ? 'shared' : fixture);
    if (!id) throw new Error(`no case for the fixture ${fixture}`);
    return id;
  };
  const personOf = (fixture: Fixture): Record<string, unknown> => (fixture === 'unshared' ? UNSHARED_PERSON : SHARED_PERSON);
  const one = async <T>(sql: string, params: unknown[]): Promise<T | undefined> => (await api.owner<{ v: T }>(sql, params))[0]?.v;

  async function register(p: Record<string, unknown>): Promise<string> {
    const res = await api.http().post('/api/v1/intakes').set(await api.as('border.official')).send({ intakeId: randomUUID(), arrival: arrival(NMG), persons: [p] });
    if (res.status !== 201) throw new Error(`fixture intake: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.cases[0].id as string;
  }

  /** A PENDING possible encounter on a new case at NMG (referred to Tumaini for `shared`), found by its passport. */
  async function newEncounter(fixture: Fixture): Promise<Target> {
    const who = ENCOUNTER_PEOPLE[encounterPairs];
    if (!who) throw new Error('ENCOUNTER_PEOPLE ran out: add a person');
    const [given, family, dob, nationality] = who;
    const p = person(given, family, dob, nationality, [{ kind: 'PASSPORT', number: `P${7_100_000 + encounterPairs}`, issuingCountry: nationality }]);
    encounterPairs += 1;
    const earlier = await register(p);
    const later = await register(p);
    if (fixture === 'shared') await share(later);
    const found = await api.owner<{ id: string; status: string }>(`SELECT id, status FROM possible_encounter WHERE case_id = $1 AND matched_case_id = $2`, [later, earlier]);
    if (found.length !== 1 || found[0].status !== 'PENDING') throw new Error(`fixture encounter: ${JSON.stringify(found)}`);
    return { caseId: later, encounterId: found[0].id };
  }

  /** A mother and her child registered together at NMG; the target is the child's case and its claimed companion, the mother. */
  async function newFamily(fixture: Fixture): Promise<Target> {
    const [mother, child] = fixture === 'shared' ? (['Halima', 'Ayan'] as const) : (['Marie', 'Clarisse'] as const);
    const family = fixture === 'shared' ? 'Farah' : 'Uwimana';
    const res = await api.http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({
        intakeId: randomUUID(),
        arrival: arrival(NMG),
        persons: [
          { ...person(mother, family, '1990-05-05', fixture === 'shared' ? 'SOM' : 'COD'), ref: 'mother' },
          {
            ...person(child, family, '2018-02-02', fixture === 'shared' ? 'SOM' : 'COD'),
            ref: 'child',
            travelledWith: [{ ref: 'mother', relationship: 'MOTHER' }],
            screening: { answers: { caregiver_present: true, caregiver_relationship: 'PARENT' } },
          },
        ],
      });
    if (res.status !== 201) throw new Error(`fixture family: ${res.status} ${JSON.stringify(res.body)}`);
    const [motherCase, childCase] = (res.body.cases as { id: string }[]).map((c) => c.id);
    if (fixture === 'shared') await share(childCase);
    return { caseId: childCase, companionCaseId: motherCase };
  }

  /** A new case at NMG (referred to Tumaini for `shared`) with SPECIFIC_NEEDS suggested and undecided. */
  let profiledCases = 0;
  async function newProfiledCase(fixture: Fixture): Promise<Target> {
    profiledCases += 1;
    const caseId = await register({ ...person(`Rehema${'a'.repeat(profiledCases)}`, 'Mwakalinga', '1994-04-04', 'TZA'), screening: { answers: { pregnant: true } } });
    if (fixture === 'shared') await share(caseId);
    const status = await one<string>(`SELECT status AS v FROM case_profile WHERE case_id = $1 AND profile = 'SPECIFIC_NEEDS'`, [caseId]);
    if (status !== 'SUGGESTED') throw new Error(`fixture profile: SPECIFIC_NEEDS is ${String(status)}`);
    return { caseId, profile: 'SPECIFIC_NEEDS' };
  }
  const standingProfiled = new Map<Fixture, Promise<Target>>();
  const profileStatus = (t: Target) => one<string>(`SELECT status AS v FROM case_profile WHERE case_id = $1 AND profile = $2`, [t.caseId, t.profile]);
  const decideProfile = (status: string, body: object): Behaviour => ({
    target: (fixture, fresh) => (fresh ? newProfiledCase(fixture) : standing(standingProfiled, fixture, newProfiledCase)),
    body: () => body,
    state: profileStatus,
    allowed: (res, t, _before, after) =>
      after === status && (res.body as { profile: string; status: string }[]).some((p) => p.profile === t.profile && p.status === status)
        ? undefined
        : `the profile is ${String(after)}`,
  });

  const consentBody = (fixture: Fixture): object =>
    fixture === 'shared-LB'
      ? { purpose: 'DATA_SHARING', recipientAgencyId: TUMAINI, legalBasis: 'VITAL_INTEREST', reason: 'Person unconscious, needs shelter medical follow-up' }
      : { purpose: 'REFERRAL', recipientAgencyId: TUMAINI, fieldGroups: ['NEEDS'], decision: 'GIVEN', language: 'sw' };

  /** A consent record (or, for shared-LB, a legal basis) on the fixture's case, recorded by the border supervisor. */
  async function newConsent(fixture: Fixture): Promise<Target> {
    const caseId = caseOf(fixture);
    const res = await api.http().post(`/api/v1/cases/${caseId}/consents`).set(await api.as('border.supervisor')).send(consentBody(fixture));
    if (res.status !== 201) throw new Error(`fixture consent: ${res.status} ${JSON.stringify(res.body)}`);
    return { caseId, consentId: res.body.id as string };
  }

  const standing = (store: Map<Fixture, Promise<Target>>, fixture: Fixture, make: (f: Fixture) => Promise<Target>): Promise<Target> => {
    let found = store.get(fixture);
    if (!found) {
      found = make(fixture);
      store.set(fixture, found);
    }
    return found;
  };

  const onCase = async (fixture: Fixture): Promise<Target> => ({ caseId: caseOf(fixture) });
  const encounterStatus = (t: Target) => one<string>(`SELECT status AS v FROM possible_encounter WHERE id = $1`, [t.encounterId]);
  const decide = (status: string, reason: string): Behaviour => ({
    target: (fixture, fresh) => (fresh ? newEncounter(fixture) : standing(standingEncounters, fixture, newEncounter)),
    body: () => ({ reason }),
    state: encounterStatus,
    allowed: (res, _t, _before, after) => (res.body.status === status && after === status ? undefined : `the encounter is ${String(after)} (answer ${res.body.status})`),
  });

  /** How each route is called and checked. A route the table names must have one; see the route-walk test. */
  const BEHAVIOUR: Record<string, Behaviour> = {
    'POST intakes': {
      target: async () => ({ intakeId: randomUUID() }),
      body: (t) => ({ intakeId: t.intakeId, arrival: arrival(NMG), persons: [NEW_ARRIVAL] }),
      state: (t) => one<number>(`SELECT count(*)::int AS v FROM case_file WHERE intake_id = $1`, [t.intakeId]),
      allowed: (res, _t, _before, after) => (after === 1 && res.body.cases?.length === 1 ? undefined : `${String(after)} cases were registered`),
    },
    'GET cases': {
      target: onCase,
      query: { limit: 100 },
      state: async () => null,
      listed: (body, t) => body.items.some((c: { id: string }) => c.id === t.caseId),
    },
    'GET cases/:id': {
      target: onCase,
      state: (t) => one<number>(`SELECT count(*)::int AS v FROM audit_event WHERE case_id = $1 AND action = 'CASE.READ'`, [t.caseId]),
      allowed: (res, t, before, after) =>
        res.body.id === t.caseId && after === Number(before) + 1 ? undefined : `answered case ${res.body.id}, CASE.READ audits ${String(before)} → ${String(after)}`,
    },
    'PUT cases/:id/intake': {
      target: onCase,
      body: async (t, { fixture }) => ({
        version: (await one<number>(`SELECT version AS v FROM case_file WHERE id = $1`, [t.caseId])) ?? 1,
        person: { ...personOf(fixture), languages: ['sw', 'en'] },
      }),
      state: (t) => one<number>(`SELECT version AS v FROM case_file WHERE id = $1`, [t.caseId]),
      allowed: (res, _t, before, after) =>
        after === Number(before) + 1 && res.body.version === after ? undefined : `version ${String(before)} → ${String(after)}, answered version ${res.body.version}`,
    },
    'POST cases/:id/companions/:companionCaseId/verification': {
      target: (fixture) => standing(families, fixture, newFamily),
      body: () => ({ verified: true, note: 'Birth certificate seen' }),
      state: async (t) =>
        (
          await api.owner(
            `SELECT verified, verified_at::text AS verified_at, verification_note FROM case_companion
             WHERE (case_id = $1 AND companion_case_id = $2) OR (case_id = $2 AND companion_case_id = $1)`,
            [t.caseId, t.companionCaseId],
          )
        )[0],
      allowed: (res, _t, before, after) => {
        const [was, now] = [before, after] as { verified: boolean; verified_at: string | null }[];
        return res.body.verified === true && now?.verified === true && now.verified_at !== null && now.verified_at !== was?.verified_at
          ? undefined
          : `the relationship is ${JSON.stringify(now)} (was ${JSON.stringify(was)})`;
      },
    },
    'GET cases/:id/timeline': {
      target: onCase,
      state: (t) => one<number>(`SELECT count(*)::int AS v FROM audit_event WHERE case_id = $1 AND action = 'CASE.TIMELINE_READ'`, [t.caseId]),
      allowed: (res, _t, before, after) =>
        Array.isArray(res.body.items) && res.body.items[0]?.kind === 'CASE_REGISTERED' && after === Number(before) + 1
          ? undefined
          : `answered ${JSON.stringify(res.body).slice(0, 200)}, TIMELINE_READ audits ${String(before)} → ${String(after)}`,
    },
    'GET cases/:id/notes': {
      target: onCase,
      state: (t) => one<number>(`SELECT count(*)::int AS v FROM audit_event WHERE case_id = $1 AND action = 'CASE.NOTES_READ'`, [t.caseId]),
      allowed: (res, _t, before, after) =>
        Array.isArray(res.body.notes) && after === Number(before) + 1 ? undefined : `answered ${JSON.stringify(res.body).slice(0, 200)}, NOTES_READ audits ${String(before)} → ${String(after)}`,
    },
    'POST cases/:id/notes': {
      target: onCase,
      body: () => ({ sensitivity: 'NORMAL', text: 'Met the person; interpreter booked.' }),
      state: (t) => one<number>(`SELECT count(*)::int AS v FROM case_note WHERE case_id = $1`, [t.caseId]),
      allowed: (res, _t, before, after) => (after === Number(before) + 1 && typeof res.body.id === 'string' ? undefined : `notes ${String(before)} → ${String(after)}`),
    },
    'GET cases/:id/profiles': {
      target: onCase,
      state: (t) => one<number>(`SELECT count(*)::int AS v FROM audit_event WHERE case_id = $1 AND action = 'CASE.PROFILES_READ'`, [t.caseId]),
      allowed: (res, _t, before, after) =>
        Array.isArray(res.body.current) && Array.isArray(res.body.history) && res.body.history.length > 0 && after === Number(before) + 1
          ? undefined
          : `answered ${JSON.stringify(res.body).slice(0, 200)}, PROFILES_READ audits ${String(before)} → ${String(after)}`,
    },
    'POST cases/:id/profiles': {
      target: (fixture, fresh) => (fresh ? newProfiledCase(fixture) : standing(standingProfiled, fixture, newProfiledCase)),
      body: () => ({ profile: 'SGBV_SURVIVOR', reason: 'Disclosed to the female officer after the screening' }),
      state: (t) => one<string>(`SELECT status AS v FROM case_profile WHERE case_id = $1 AND profile = 'SGBV_SURVIVOR'`, [t.caseId]),
      allowed: (_res, _t, _before, after) => (after === 'CONFIRMED' ? undefined : `SGBV_SURVIVOR is ${String(after)}`),
    },
    'POST cases/:id/profiles/:profile/confirm': decideProfile('CONFIRMED', {}),
    'POST cases/:id/profiles/:profile/remove': decideProfile('REMOVED', { reason: 'Not pregnant: misunderstood answer' }),
    'GET encounters': {
      target: (fixture) => standing(standingEncounters, fixture, newEncounter),
      query: { limit: 100 },
      state: async () => null,
      listed: (body, t) => body.items.some((e: { id: string }) => e.id === t.encounterId),
    },
    'GET encounters/:encounterId/comparison': {
      target: (fixture) => standing(standingEncounters, fixture, newEncounter),
      state: (t) =>
        one<number>(
          `SELECT count(*)::int AS v FROM audit_event a JOIN possible_encounter e ON a.case_id = e.matched_case_id
           WHERE e.id = $1 AND a.action = 'CASE.READ' AND a.purpose = 'DUPLICATE_REVIEW'`,
          [t.encounterId],
        ),
      allowed: (res, t, before, after) =>
        res.body.encounterId === t.encounterId && res.body.newRecord?.caseId === t.caseId && typeof res.body.earlierRecord?.caseNumber === 'string' && after === Number(before) + 1
          ? undefined
          : `answered ${JSON.stringify(res.body).slice(0, 200)}, DUPLICATE_REVIEW reads ${String(before)} → ${String(after)}`,
    },
    'POST cases/:id/encounters/:encounterId/link': decide('LINKED', 'Same passport on file'),
    'POST cases/:id/encounters/:encounterId/dismiss': decide('DISMISSED', 'Different person: another father and village'),
    'GET cases/:id/consents': {
      target: onCase,
      state: (t) => one<number>(`SELECT count(*)::int AS v FROM consent_record WHERE case_id = $1`, [t.caseId]),
      allowed: (res, t, _before, after) =>
        Array.isArray(res.body) && res.body.length === after && Number(after) > 0 && res.body.every((c: { caseId: string }) => c.caseId === t.caseId)
          ? undefined
          : `answered ${JSON.stringify(res.body).slice(0, 200)} for ${String(after)} records`,
    },
    'POST cases/:id/consents': {
      target: onCase,
      body: (_t, { fixture }) => consentBody(fixture),
      state: (t) => one<number>(`SELECT count(*)::int AS v FROM consent_record WHERE case_id = $1`, [t.caseId]),
      allowed: (res, t, before, after) => {
        const decision = res.body.decision === 'LEGAL_BASIS' || res.body.decision === 'GIVEN' ? res.body.decision : undefined;
        return after === Number(before) + 1 && res.body.caseId === t.caseId && decision !== undefined ? undefined : `records ${String(before)} → ${String(after)}, answered ${res.body.decision}`;
      },
    },
    'POST cases/:id/consents/:consentId/withdraw': {
      target: (fixture, fresh) => (fresh ? newConsent(fixture) : standing(standingConsents, fixture, newConsent)),
      body: () => ({ reason: 'The person asked to withdraw' }),
      state: (t) => one<boolean>(`SELECT withdrawn_at IS NOT NULL AS v FROM consent_record WHERE id = $1`, [t.consentId]),
      allowed: (res, _t, _before, after) => (after === true && res.body.withdrawnAt ? undefined : `withdrawn: ${String(after)}`),
    },
  };

  beforeAll(async () => {
    api = await startDemoApi('casepermissions');
    NMG = await api.borderPointId('NMG');
    TUMAINI = await api.agencyId('Tumaini Shelter');
    cases.set('shared', await register(SHARED_PERSON));
    await share(caseOf('shared'));
    cases.set('unshared', await register(UNSHARED_PERSON));
    // A consent record on each case before anything else, so that a consent list has something to show.
    await newConsent('shared');
    await newConsent('unshared');
  }, 60_000);
  afterAll(() => api.close());

  describePermissionMatrix({
    api: () => api,
    columns: COLUMNS,
    policy: POLICY,
    fixtures: ['NMG', 'shared', 'unshared', 'shared-LB'],
    behaviour: BEHAVIOUR,
    param: (t, name) => ({ id: t.caseId, encounterId: t.encounterId, consentId: t.consentId, companionCaseId: t.companionCaseId, profile: t.profile })[name],
    refusals: REFUSALS,
    // An encounter's own route hides it as an encounter; every other route hides the case.
    hidden: {
      code: (row) => (row.path.startsWith('encounters/') ? 'ENCOUNTER.NOT_FOUND' : 'CASE.NOT_FOUND'),
      unknown: (t, row) => (row.path.startsWith('encounters/') ? { ...t, encounterId: randomUUID() } : { ...t, caseId: randomUUID() }),
      what: 'case or encounter',
    },
    // The protection records, safeguards and case management have a table of their own (protection-permissions.spec.ts).
    routes: { under: 'under cases, intakes and encounters', match: (path) => /^(cases|intakes|encounters)(\/|$)/.test(path) && !CASE_WORK_ROUTE.test(path), atLeast: 10 },
    agreement: {
      says: '403LB only without CONSENT_LEGAL_BASIS',
      check: (_row, _username, cell, held) => (cell === '403LB' && held.has(Permission.ConsentLegalBasis) ? '403LB, but holds CONSENT_LEGAL_BASIS' : undefined),
    },
  });
});

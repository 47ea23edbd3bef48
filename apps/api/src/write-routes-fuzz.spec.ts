import { eventually } from '@kivuko/platform/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS_BY_AGENCY, DemoApi, DEMO_PASSWORD, startDemoApi } from './demo-api';
import { consentToAll } from './protection-fixtures';
import { Json, Mutation, requestMutations, serialise, systematicMutations } from './fuzz/json-mutations';
import { FuzzFixtures, RouteExample, WRITE_ROUTE_EXAMPLES } from './fuzz/write-route-examples';

/*
 * Every write route of the OpenAPI document, sent a few hundred mutations of a valid request (fields
 * dropped or nulled, wrong types, NUL and lone surrogates, nesting 20,000 deep, huge numbers, arrays for
 * objects, bad path parameters and query strings) by a user the route admits. None may answer 5xx, and a
 * refused request (4xx) must have written nothing: every table of the database logs its writes through a
 * trigger (rolled back with the transaction that wrote), and the log must not grow.
 *
 * Reproduce a failure with KIVUKO_FUZZ_SEED=<the seed printed> (and KIVUKO_FUZZ_ROUTE='POST intakes' to
 * run one route); KIVUKO_FUZZ_RUNS sets the mutations per route (default 120, after up to 24 systematic ones: about 11,000 requests in all).
 */
const SEED = Number(process.env.KIVUKO_FUZZ_SEED ?? 20_261_207);
const RUNS = Number(process.env.KIVUKO_FUZZ_RUNS ?? 120);
const ONLY = process.env.KIVUKO_FUZZ_ROUTE;

/**
 * What a refusal may still write, by status: nothing for bad input; a sign-in that fails is audited
 * (nothing about the account changes: the throttle is in memory) and a reused refresh token revokes
 * its family; a refused action is kept on the audit and safeguard trails.
 */
const WRITES_ALLOWED_ON_REFUSAL: Record<number, readonly string[]> = {
  // The audit trail's chain heads move with every audit event written.
  401: ['audit_event', 'audit_chain_head', 'refresh_token'],
  403: ['audit_event', 'audit_chain_head', 'safeguard_event'],
  404: [],
  409: ['audit_event', 'audit_chain_head', 'safeguard_event'],
  422: ['audit_event', 'audit_chain_head', 'safeguard_event'],
};
/** A wrong current password is audited as a failed sign-in is, though it answers 400 (it names the field). */
const ROUTE_WRITES_ALLOWED_ON_REFUSAL: Record<string, Record<number, readonly string[]>> = {
  'POST auth/password': { 400: ['audit_event', 'audit_chain_head'] },
};

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** A trigger on every table logs each row written; a rolled-back write leaves no log row. */
const WRITE_LOG_SQL = `
  CREATE TABLE public.fuzz_write_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, table_name text NOT NULL, op text NOT NULL);
  CREATE FUNCTION public.fuzz_log_write() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
  BEGIN
    INSERT INTO public.fuzz_write_log (table_name, op) VALUES (TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, TG_OP);
    RETURN NULL;
  END $$;
  DO $$
  DECLARE t record;
  BEGIN
    FOR t IN
      SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'fuzz_write_log'
         AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    LOOP
      EXECUTE format('CREATE TRIGGER fuzz_log AFTER INSERT OR UPDATE OR DELETE ON %I.%I FOR EACH ROW EXECUTE FUNCTION public.fuzz_log_write()', t.nspname, t.relname);
    END LOOP;
  END $$;`;

interface Sent {
  status: number;
  code?: string;
  text: string;
}

describe('write routes under malformed input: never a 5xx, nothing written for a refused request', () => {
  let api: DemoApi;
  let fixtures: FuzzFixtures;
  let writeRoutes: string[] = [];
  let readRoutes: { path: string; query: string[] }[] = [];
  const tokens = new Map<string, string>();

  const lastWrite = async (): Promise<number> => Number((await api.owner<{ n: string }>('SELECT coalesce(max(id), 0) AS n FROM fuzz_write_log'))[0].n);
  const writesSince = async (id: number): Promise<{ table_name: string; op: string; n: string }[]> =>
    api.owner('SELECT table_name, op, count(*) AS n FROM fuzz_write_log WHERE id > $1 GROUP BY 1, 2 ORDER BY 1, 2', [id]);

  async function send(route: string, example: RouteExample, body: Json | undefined, params: Record<string, string>, query: string[]): Promise<Sent> {
    const [method, template] = route.split(' ');
    const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => params[name]);
    const headers: Record<string, string> = {};
    const user = userOf(example);
    if (user) headers.authorization = `Bearer ${tokens.get(user)}`;
    const payload = serialise(body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const res = await api.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: method as 'POST', url: `/api/v1/${path}${query.length ? `?${query.join('&')}` : ''}`, headers, payload });
    let code: string | undefined;
    try {
      code = (JSON.parse(res.body) as { code?: string }).code;
    } catch {
      code = undefined;
    }
    return { status: res.statusCode, code, text: res.body.slice(0, 400) };
  }

  const userOf = (example: RouteExample): string | null => (typeof example.as === 'function' ? example.as(fixtures) : example.as);

  function paramsOf(route: string, example: RouteExample): Record<string, string> {
    const names = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const given = example.params?.(fixtures) ?? {};
    return Object.fromEntries(names.map((name) => [name, given[name] ?? (name === 'id' ? fixtures.caseId : fixtures.none)]));
  }

  beforeAll(async () => {
    api = await startDemoApi('fuzz', { KIVUKO_API_RUNS_JOBS: 'false' });
    const http = api.http();
    const doc = (await http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
    readRoutes = Object.entries(doc.paths)
      .filter(([path, ops]) => ops.get && path.startsWith('/api/v1/'))
      .map(([path, ops]) => ({ path: path.replace(/^\/api\/v1\//, ''), query: (ops.get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name) }));
    writeRoutes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => WRITE_METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${path.replace(/^\/api\/v1\//, '')}`),
    );

    const NMG = await api.borderPointId('NMG');
    const official = await api.as('border.official');
    const register = async (persons: Json[]): Promise<string[]> => {
      const res = await api
        .http()
        .post('/api/v1/intakes')
        .set(official)
        .send({ intakeId: randomUUID(), arrival: { borderPointId: NMG, arrivedAt: new Date(Date.now() - 7_200_000).toISOString(), mode: 'LAND' }, persons });
      if (res.status !== 201) throw new Error(`fixture intake: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body.cases as { id: string }[]).map((c) => c.id);
    };
    // A presumed trafficking victim: urgent, so referred without waiting for a confirmation.
    const [caseId] = await register([
      { givenName: 'Tesfaye', familyName: 'Bekele', sex: 'MALE', statedAge: 30, nationalities: ['ETH'], screening: { answers: { movement_controlled: true, debt_bondage: true, deceived_about_job: true } } },
    ]);
    const [motherCaseId, childCaseId] = await register([
      { ref: 'mother', givenName: 'Furaha', familyName: 'Bahati', sex: 'FEMALE', statedAge: 31, nationalities: ['COD'], screening: { answers: { fear_of_return: true } } },
      { ref: 'child', givenName: 'Neema', familyName: 'Bahati', sex: 'FEMALE', statedAge: 9, nationalities: ['COD'], travelledWith: [{ ref: 'mother', relationship: 'MOTHER' }], screening: { answers: { caregiver_present: true } } },
    ]);
    // Every agency sees the cases, so each route's user reaches the checks behind the case lookup.
    await api.owner(`INSERT INTO case_share (case_id, agency_id, source) SELECT c, a.id, 'TEST' FROM agency a, unnest($1::uuid[]) c ON CONFLICT DO NOTHING`, [[caseId, motherCaseId, childCaseId]]);
    const one = async (sql: string, params: unknown[] = []): Promise<string> => (await api.owner<{ id: string }>(sql, params))[0]?.id ?? randomUUID();
    // Referrals are made by the routing job, which this api does not run (so that nothing writes behind the
    // fuzzing's back): a second api on the same database runs the jobs until the case has its referrals.
    const worker = await startDemoApi(undefined, {}, api.db);
    try {
      await eventually(async () => {
        const rows = await api.owner(`SELECT r.id FROM referral r JOIN agency a ON a.id = r.agency_id WHERE r.case_id = $1 AND a.name = ANY($2)`, [caseId, Object.keys(DEMO_ACCOUNTS_BY_AGENCY)]);
        if (rows.length === 0) throw new Error('the shared case (a presumed trafficking victim) was never referred');
      }, 30_000, 200);
      // With the person's consent the referrals are sent, and the receiving agency can act on them.
      await consentToAll(api, caseId);
      await eventually(async () => {
        const rows = await api.owner(`SELECT id FROM referral WHERE case_id = $1 AND status = 'AWAITING_CONSENT'`, [caseId]);
        if (rows.length > 0) throw new Error('the referrals still wait for consent');
      }, 30_000, 200);
    } finally {
      await worker.close();
    }
    // A referral to an agency with a demo caseworker, the same one on every run.
    const routed = (
      await api.owner<{ id: string; agency: string }>(
        `SELECT r.id, a.name AS agency FROM referral r JOIN agency a ON a.id = r.agency_id WHERE r.case_id = $1 AND a.name = ANY($2) ORDER BY a.name LIMIT 1`,
        [caseId, Object.keys(DEMO_ACCOUNTS_BY_AGENCY)],
      )
    )[0];
    if (!routed) throw new Error('the shared case has no referral to an agency with a demo caseworker');
    const session = await api.http().post('/api/v1/auth/login').send({ username: 'analyst', password: DEMO_PASSWORD }).expect(200);
    const sysadmin = await api.as('sysadmin');
    const spareBorderPoint = await api.http().post('/api/v1/border-points').set(sysadmin).send({ code: 'FZS', name: 'Spare crossing', country: 'TZA', kind: 'LAND' }).expect(201);
    const spareAgency = await api.http().post('/api/v1/agencies').set(sysadmin).send({ name: 'Spare Health Centre', kind: 'NGO' }).expect(201);
    const spareUser = await api.http()
      .post('/api/v1/users')
      .set(sysadmin)
      .send({ username: 'fuzz.spare', displayName: 'Spare officer', agencyId: spareAgency.body.id, roles: ['CASEWORKER'], password: 'a-long-enough-password-2026' })
      .expect(201);
    const deliveryId = randomUUID();
    await api.owner(
      `INSERT INTO email_delivery (id, event_key, recipient_key, kind, referral_id, agency_id, address, language, status, attempts, last_error)
       SELECT $1, 'NEW_REFERRAL:' || r.id || ':fuzz', 'duty', 'NEW_REFERRAL', r.id, r.agency_id, 'duty@example.org', 'en', 'NOT_SENT', 1, 'no SMTP server configured'
         FROM referral r WHERE r.id = $2`,
      [deliveryId, routed.id],
    );
    fixtures = {
      NMG,
      caseId,
      childCaseId,
      motherCaseId,
      referralId: routed.id,
      referralWorker: DEMO_ACCOUNTS_BY_AGENCY[routed.agency],
      sopId: await one(`SELECT id FROM sop_version ORDER BY id LIMIT 1`),
      shelterAgencyId: await api.agencyId('Tumaini Shelter'),
      hakiAgencyId: await api.agencyId('Haki Legal Aid'),
      shelterCaseworkerId: await one(`SELECT id FROM app_user WHERE username = 'shelter.caseworker'`),
      spareUserId: spareUser.body.id as string,
      spareAgencyId: spareAgency.body.id as string,
      spareBorderPointId: spareBorderPoint.body.id as string,
      refreshToken: session.body.refreshToken as string,
      deliveryId,
      none: randomUUID(),
    };
    for (const example of Object.values(WRITE_ROUTE_EXAMPLES)) {
      const user = userOf(example);
      if (user && !tokens.has(user)) tokens.set(user, (await api.as(user)).authorization.slice('Bearer '.length));
    }
    await api.owner(WRITE_LOG_SQL);
  }, 120_000);
  afterAll(() => api?.close());

  it('has an example request for every write route of the OpenAPI document, and none for a route it lacks', () => {
    expect(writeRoutes.length).toBeGreaterThan(50);
    expect({ withoutExample: writeRoutes.filter((r) => !(r in WRITE_ROUTE_EXAMPLES)), notARoute: Object.keys(WRITE_ROUTE_EXAMPLES).filter((r) => !writeRoutes.includes(r)) }).toEqual({
      withoutExample: [],
      notARoute: [],
    });
  });

  it('answers no read route 5xx for a NUL, a lone surrogate or other junk in a path parameter or a query value', async () => {
    const readers = ['border.official', 'shelter.manager', 'sop.admin', 'monitor', 'sysadmin'];
    for (const reader of readers) if (!tokens.has(reader)) tokens.set(reader, (await api.as(reader)).authorization.slice('Bearer '.length));
    const fastify = api.app.getHttpAdapter().getInstance();
    const get = async (as: string, url: string) => fastify.inject({ method: 'GET', url: `/api/v1/${url}`, headers: { authorization: `Bearer ${tokens.get(as)}` } });
    const junk = ['a%00b', '%00', '%ED%A0%80', '%F0%9F%98%80', 'x'.repeat(300), '-1', '%27%3B--', '1e309'];
    const failures: string[] = [];
    let sent = 0;
    for (const route of readRoutes) {
      const params = Object.fromEntries([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], m[1] === 'id' && route.path.startsWith('sops') ? fixtures.sopId : fixtures.caseId]));
      const fill = (values: Record<string, string>): string => route.path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name]);
      // A reader the route admits (the input check runs before the permission check, the rest after it).
      let reader = readers[0];
      for (const candidate of readers) {
        if ((await get(candidate, fill(params))).statusCode !== 403) {
          reader = candidate;
          break;
        }
      }
      for (const value of junk) {
        const urls = [
          ...Object.keys(params).map((name) => fill({ ...params, [name]: value })),
          ...route.query.map((name) => `${fill(params)}?${name}=${value}`),
          `${fill(params)}?unexpected=${value}`,
        ];
        for (const url of urls) {
          const res = await get(reader, url);
          sent++;
          if (res.statusCode >= 500) failures.push(`GET ${url.slice(0, 120)} as ${reader}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });

  const routes = Object.keys(WRITE_ROUTE_EXAMPLES).filter((r) => !ONLY || r === ONLY);
  it.each(routes)('%s', async (route) => {
    const example = WRITE_ROUTE_EXAMPLES[route];
    const baseParams = paramsOf(route, example);
    const baseBody = example.body?.(fixtures);

    const beforeExample = await lastWrite();
    // The example itself is well-formed and admitted: the mutations start from a request that passes.
    const valid = await send(route, example, baseBody === undefined ? undefined : structuredClone(baseBody), { ...baseParams }, []);
    // A refusal by the domain (not the lead agency, a state that forbids it) comes after the body was checked.
    const admitted =
      [200, 201, 202, 204, 404, 409, 422].includes(valid.status) ||
      (valid.status === 403 && !/^(ACCESS|AUTH)\./.test(valid.code ?? '')) ||
      (valid.status === 401 && route === 'POST auth/login');
    expect({ route, example: admitted ? 'valid and admitted' : `refused ${valid.status} ${valid.text}` }).toEqual({ route, example: 'valid and admitted' });

    let before = await lastWrite();
    // The write log sees what the api writes (as the application role, under row-level security).
    if (valid.status >= 200 && valid.status < 300 && route !== 'POST sops/validate' && route !== 'POST sops/{id}/simulate') {
      expect({ route, logged: before > beforeExample }).toEqual({ route, logged: true });
    }
    await fc.assert(
      fc.asyncProperty(requestMutations(baseBody, Object.keys(baseParams)), async (mutations: Mutation[]) => {
        const params = { ...baseParams };
        const query: string[] = [];
        let body = baseBody === undefined ? undefined : (structuredClone(baseBody) as Json | undefined);
        for (const mutation of mutations) body = mutation.apply(body, params, query);
        const sent = await send(route, example, body, params, query);
        const after = await lastWrite();
        const problem =
          sent.status >= 500
            ? `answered ${sent.status}`
            : sent.status >= 400 && after !== before
              ? (await writesSince(before)).filter(
                  (w) => ![...(WRITES_ALLOWED_ON_REFUSAL[sent.status] ?? []), ...(ROUTE_WRITES_ALLOWED_ON_REFUSAL[route]?.[sent.status] ?? [])].includes(w.table_name.replace(/^public\./, '')),
                )
              : [];
        before = after;
        if (typeof problem === 'string' || problem.length > 0) {
          throw new Error(`${route} with ${mutations.map((m) => m.describe).join('; ')}: ${typeof problem === 'string' ? problem : `refused ${sent.status} yet wrote ${JSON.stringify(problem)}`}; answer ${sent.text}`);
        }
      }),
      { seed: SEED, numRuns: process.env.KIVUKO_FUZZ_RUNS ? RUNS : (example.runs ?? RUNS), endOnFailure: true, examples: systematicMutations(baseBody, Object.keys(baseParams)).map((m) => [m]) },
    );
  });
});

import { Metrics, QueueName, SCRAPE_CACHE_MS } from '@kivuko/platform';
import { familyOf, parsePrometheusText, PromExposition, sampleValue } from '@kivuko/platform/testing';
import { randomUUID } from 'node:crypto';
import { DemoApi, startDemoApi } from './demo-api';

const TOKEN = 'metrics-token-for-the-tests-0123456789';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const HOUR = 3_600_000;

/** The families the Grafana dashboard and the alerts rely on (deploy/grafana checks its own queries too). */
const EXPECTED_FAMILIES = [
  'kivuko_http_requests_total',
  'kivuko_http_request_duration_seconds',
  'kivuko_db_pool_connections',
  'nodejs_eventloop_lag_seconds',
  'kivuko_outbox_oldest_unpublished_age_seconds',
  'kivuko_queue_jobs',
  'kivuko_job_attempts_failed_total',
  'kivuko_referrals_open',
  'kivuko_referrals_overdue',
  'kivuko_intakes_recorded',
];

describe('metrics: Prometheus at /metrics behind a bearer token', () => {
  let api: DemoApi;
  let KGM: string;

  const scrape = async (): Promise<PromExposition> => {
    const res = await api.http().get('/metrics').set('authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(res.text);
  };

  beforeAll(async () => {
    api = await startDemoApi('metrics', { KIVUKO_METRICS_TOKEN: TOKEN });
    KGM = await api.borderPointId('KGM');
  }, 60_000);
  afterAll(() => api.close());

  it('refuses a missing or wrong token with 401, and is neither under /api/v1 nor in the OpenAPI document', async () => {
    const none = await api.http().get('/metrics').expect(401);
    expect(none.body.code).toBe('AUTH.UNAUTHENTICATED');
    expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    await api.http().get('/metrics').set('authorization', `Bearer ${TOKEN}x`).expect(401);
    await api.http().get('/metrics').set('authorization', TOKEN).expect(401);
    await api.http().get('/api/v1/metrics').set('authorization', `Bearer ${TOKEN}`).expect(404);
    const doc = await api.http().get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths).filter((p) => p.includes('metrics'))).toEqual([]);
  });

  it('serves an exposition that parses, with every family the dashboard reads, and process figures', async () => {
    const exposition = await scrape();
    for (const family of EXPECTED_FAMILIES) expect([family, exposition.types.has(family)]).toEqual([family, true]);
    for (const sample of exposition.samples) expect([sample.name, familyOf(exposition, sample.name) !== undefined]).toEqual([sample.name, true]);
    for (const state of ['in_use', 'idle', 'waiting']) expect(exposition.samples.some((s) => s.name === 'kivuko_db_pool_connections' && s.labels.state === state)).toBe(true);
    for (const queue of Object.values(QueueName)) {
      for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed']) {
        expect(exposition.samples.filter((s) => s.name === 'kivuko_queue_jobs' && s.labels.queue === queue && s.labels.state === state && s.labels.backend === 'postgres')).toHaveLength(1);
      }
    }
    expect(sampleValue(exposition, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('counts requests by route pattern, method and status, with latency, and no label carries an id', async () => {
    const before = await scrape();
    const caseId = randomUUID();
    const auth = await api.as('border.official');
    await api.http().get(`/api/v1/cases/${caseId}`).set(auth).expect(404);
    await api.http().get(`/api/v1/cases/${randomUUID()}`).set(auth).expect(404);
    // No route: a 404, or the web app's index.html when the web app is built (its client-side routes).
    await api.http().get(`/this/path/${caseId}/does-not-exist`);
    const after = await scrape();

    const labels = { method: 'GET', route: '/api/v1/cases/:id', status: '404' };
    expect(sampleValue(after, 'kivuko_http_requests_total', labels) - sampleValue(before, 'kivuko_http_requests_total', labels)).toBe(2);
    expect(sampleValue(after, 'kivuko_http_request_duration_seconds_count', labels) - sampleValue(before, 'kivuko_http_request_duration_seconds_count', labels)).toBe(2);
    expect(sampleValue(after, 'kivuko_http_request_duration_seconds_sum', labels)).toBeGreaterThan(0);
    const unmatched = { method: 'GET', route: 'unmatched' };
    expect(sampleValue(after, 'kivuko_http_requests_total', unmatched) - sampleValue(before, 'kivuko_http_requests_total', unmatched)).toBe(1);

    const carryingIds = after.samples.filter((s) => Object.values(s.labels).some((v) => UUID.test(v) || /\/\d{2,}(\/|$)/.test(v)));
    expect(carryingIds).toEqual([]);
    expect(after.samples.some((s) => Object.values(s.labels).some((v) => v.includes(caseId)))).toBe(false);
  });

  it('counts intakes per border point and open referrals per agency kind, read at scrape time through aggregate-only functions', async () => {
    const metrics = api.app.get(Metrics);
    // Each read past the short cache of the one before, so the figures are read again.
    let later = 0;
    const read = async (): Promise<PromExposition> => parsePrometheusText((await metrics.exposition(Date.now() + (later += 2 * SCRAPE_CACHE_MS))).body);
    const before = await read();
    await api
      .http()
      .post('/api/v1/intakes')
      .set(await api.as('border.official'))
      .send({
        intakeId: randomUUID(),
        mode: 'MASS_ARRIVAL',
        arrival: { borderPointId: KGM, arrivedAt: new Date(Date.now() - HOUR).toISOString(), mode: 'SEA' },
        persons: [{ description: 'girl, about 10, red scarf', sex: 'FEMALE', statedAge: 10, nationalities: ['COD'], urgentNeeds: ['UNACCOMPANIED_CHILD'] }],
      })
      .expect(201);
    const after = await read();
    expect(sampleValue(after, 'kivuko_intakes_recorded', { border_point: 'KGM' }) - sampleValue(before, 'kivuko_intakes_recorded', { border_point: 'KGM' })).toBe(1);
    expect(sampleValue(after, 'kivuko_referrals_open') - sampleValue(before, 'kivuko_referrals_open')).toBeGreaterThanOrEqual(1);
    const kinds = after.samples.filter((s) => s.name === 'kivuko_referrals_open').map((s) => s.labels.agency_kind);
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) expect(kind).toMatch(/^[A-Z_]+$/);
    // The application role reads no referral row outside a scope; the counts come from the functions.
    const [role] = await api.owner<{ can: boolean }>(`SELECT has_function_privilege('kivuko_app', 'kivuko_metrics_referrals()', 'EXECUTE') AS can`);
    expect(role.can).toBe(true);
    const [pub] = await api.owner<{ can: boolean }>(`SELECT has_function_privilege('public', 'kivuko_metrics_intakes()', 'EXECUTE') AS can`);
    expect(pub.can).toBe(false);
  });

  it('reuses the figures read at a scrape for a few seconds (a scrape storm costs no SQL)', async () => {
    const metrics = api.app.get(Metrics);
    const now = Date.now() + 100 * SCRAPE_CACHE_MS;
    const first = parsePrometheusText((await metrics.exposition(now)).body);
    await api.owner(`INSERT INTO outbox_message (job_name, job_id, payload, created_at) VALUES ('x', $1, '{}', now() - interval '1 hour')`, [`cache-${randomUUID()}`]);
    const cached = parsePrometheusText((await metrics.exposition(now + 1)).body);
    expect(sampleValue(cached, 'kivuko_outbox_oldest_unpublished_age_seconds')).toBe(sampleValue(first, 'kivuko_outbox_oldest_unpublished_age_seconds'));
  });
});

describe('metrics without a token', () => {
  let api: DemoApi;
  beforeAll(async () => {
    api = await startDemoApi('metrics_off');
  }, 60_000);
  afterAll(() => api.close());

  it('answers 404: the endpoint is off, and says nothing about itself', async () => {
    const res = await api.http().get('/metrics').set('authorization', `Bearer ${TOKEN}`).expect(404);
    expect(res.body.code).toBe('REQUEST.NOT_FOUND');
    expect(res.text).not.toMatch(/kivuko_/);
  });
});

import { parsePrometheusText, PromExposition } from '@kivuko/platform/testing';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { DemoApi, startDemoApi } from './demo-api';

/**
 * The monitoring profile of docker-compose.yml, checked by reading it (no Docker engine runs here): Prometheus
 * scrapes the api and the workers with the same token they are given, Grafana is provisioned with the committed
 * dashboard, and every metric the dashboard queries is one the api's /metrics really exposes.
 */
const ROOT = resolve(__dirname, '../../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

interface Service {
  profiles?: string[];
  environment?: Record<string, string>;
  entrypoint?: string[];
  volumes?: string[];
  depends_on?: unknown;
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const prometheus = parse(read('deploy/prometheus/prometheus.yml')) as {
  scrape_configs: { job_name: string; metrics_path: string; authorization?: { type?: string; credentials_file?: string }; static_configs?: { targets: string[] }[]; dns_sd_configs?: { names: string[]; port: number }[] }[];
};
interface Panel {
  type: string;
  title: string;
  targets?: { expr: string }[];
}
const dashboard = JSON.parse(read('deploy/grafana/dashboards/kivuko.json')) as { uid: string; title: string; panels: Panel[] };

/** The metric names a PromQL expression reads (functions, keywords and label names left out). */
function metricNames(expr: string): string[] {
  const withoutLabels = expr.replace(/\{[^}]*\}/g, '').replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  return [...withoutLabels.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*(?!\s*\()/g)].map((m) => m[0]).filter((name) => /^(kivuko|nodejs|process)_/.test(name));
}

const interpolate = (value: string): string => value.replace(/\$\{\w+(?::?-([^}]*))?\}/g, (_m, fallback?: string) => fallback ?? '');
const envOf = (name: string): Record<string, string> => Object.fromEntries(Object.entries(compose.services[name].environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));

describe('the monitoring profile: Prometheus and Grafana in docker-compose.yml', () => {
  let api: DemoApi;
  let exposition: PromExposition;

  beforeAll(async () => {
    api = await startDemoApi('monitoring', { KIVUKO_METRICS_TOKEN: envOf('api').KIVUKO_METRICS_TOKEN });
    // One request of each kind the panels read, so that every labelled family has a sample.
    await api.http().get('/api/v1/border-points').expect(401);
    const res = await api.http().get('/metrics').set('authorization', `Bearer ${envOf('prometheus').KIVUKO_METRICS_TOKEN}`).expect(200);
    exposition = parsePrometheusText(res.text);
  }, 60_000);
  afterAll(() => api.close());

  it('runs Prometheus and Grafana only under the monitoring profile, and the application without one', () => {
    expect(compose.services.prometheus.profiles).toEqual(['monitoring']);
    expect(compose.services.grafana.profiles).toEqual(['monitoring']);
    for (const name of ['postgres', 'redis', 'api', 'worker']) expect([name, compose.services[name].profiles]).toEqual([name, undefined]);
  });

  it('gives the api, the worker and Prometheus one token, and Prometheus presents it from the file its entrypoint writes', () => {
    const token = envOf('api').KIVUKO_METRICS_TOKEN;
    expect(token.length).toBeGreaterThanOrEqual(16);
    expect(envOf('worker').KIVUKO_METRICS_TOKEN).toBe(token);
    expect(envOf('prometheus').KIVUKO_METRICS_TOKEN).toBe(token);
    const entrypoint = (compose.services.prometheus.entrypoint ?? []).join(' ');
    for (const job of prometheus.scrape_configs) {
      expect(job.metrics_path).toBe('/metrics');
      expect(job.authorization?.type).toBe('Bearer');
      expect(entrypoint).toContain(`> ${job.authorization?.credentials_file} `);
    }
    expect(compose.services.prometheus.volumes).toContain('./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro');
  });

  it('scrapes the api on its port and every worker replica on KIVUKO_WORKER_METRICS_PORT', () => {
    const byJob = Object.fromEntries(prometheus.scrape_configs.map((j) => [j.job_name, j]));
    expect(byJob['kivuko-api'].static_configs?.[0].targets).toEqual(['api:3000']);
    expect(byJob['kivuko-worker'].dns_sd_configs?.[0]).toMatchObject({ names: ['worker'], port: Number(envOf('worker').KIVUKO_WORKER_METRICS_PORT) });
  });

  it('provisions Grafana with the Prometheus data source and the committed dashboard', () => {
    const datasources = parse(read('deploy/grafana/provisioning/datasources/prometheus.yml')) as { datasources: { uid: string; url: string }[] };
    const providers = parse(read('deploy/grafana/provisioning/dashboards/kivuko.yml')) as { providers: { options: { path: string } }[] };
    expect(datasources.datasources[0]).toMatchObject({ uid: 'kivuko-prometheus', url: 'http://prometheus:9090' });
    const volumes = compose.services.grafana.volumes ?? [];
    expect(volumes).toContain('./deploy/grafana/provisioning:/etc/grafana/provisioning:ro');
    expect(volumes).toContain(`./deploy/grafana/dashboards:${providers.providers[0].options.path}:ro`);
    expect(dashboard.uid).toBe('kivuko-operations');
  });

  it('queries only metrics that /metrics exposes, and shows every figure of the api', () => {
    const queried = dashboard.panels.flatMap((p) => (p.targets ?? []).flatMap((t) => metricNames(t.expr)));
    // A sample, or a declared family (a labelled counter has no sample before its first increment).
    const exposed = (name: string): boolean =>
      exposition.samples.some((s) => s.name === name) ||
      exposition.types.has(name) ||
      exposition.types.get(name.replace(/_(bucket|sum|count)$/, '')) === 'histogram';
    expect(queried.filter((name) => !exposed(name))).toEqual([]);
    expect(queried.length).toBeGreaterThanOrEqual(12);
    const families = new Set(queried.map((name) => name.replace(/_(bucket|sum|count)$/, '')));
    for (const family of [
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
    ]) {
      expect([family, families.has(family)]).toEqual([family, true]);
    }
  });
});

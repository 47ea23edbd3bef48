import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PLATFORM_RUNTIME, PlatformRuntime } from '../config/platform-runtime';

/** How long the figures read at a scrape (SQL, queue counts) are reused: scrapes closer than this cost nothing. */
export const SCRAPE_CACHE_MS = 10_000;
/** A collector that takes longer than this is abandoned for this scrape; its gauges keep their last values. */
const COLLECTOR_TIMEOUT_MS = 5_000;

/** Reads some figures into gauges at scrape time; errors leave the previous values and are counted. */
export interface ScrapeCollector {
  name: string;
  collect(): Promise<void>;
}

export type TokenCheck = 'off' | 'ok' | 'refused';

/**
 * The process's Prometheus registry (one per application, so that tests running several apps in one
 * process do not mix their figures). Labels carry bounded vocabularies only — route patterns, methods,
 * statuses, queue and job names, agency kinds, border point codes — never an id or a name.
 */
@Injectable()
export class Metrics implements OnModuleDestroy {
  readonly registry = new Registry();
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly jobAttemptsFailed: Counter<'queue' | 'job'>;
  readonly jobsCompleted: Counter<'queue' | 'job'>;
  private readonly collectorErrors: Counter<'collector'>;
  private readonly collectors: ScrapeCollector[] = [];
  private lastCollected = 0;
  private collecting: Promise<void> | null = null;
  private readonly logger = new Logger('Metrics');
  private readonly tokenDigest: Buffer | null;

  constructor(
    @Inject(PLATFORM_RUNTIME) runtime: PlatformRuntime,
    @InjectDataSource() dataSource: DataSource,
  ) {
    const token = runtime.config.metrics.token;
    this.tokenDigest = token ? digest(token) : null;
    this.registry.setDefaultLabels({ service: `kivuko-${runtime.config.role}` });
    // Process figures, event-loop lag (nodejs_eventloop_lag_seconds) among them.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });

    this.httpRequests = new Counter({
      name: 'kivuko_http_requests_total',
      help: 'HTTP requests answered, by route pattern (never the raw path), method and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: 'kivuko_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route pattern, method and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.jobAttemptsFailed = new Counter({
      name: 'kivuko_job_attempts_failed_total',
      help: 'Job attempts that failed in this process (retried or not), by queue and job name.',
      labelNames: ['queue', 'job'],
      registers: [this.registry],
    });
    this.jobsCompleted = new Counter({
      name: 'kivuko_jobs_completed_total',
      help: 'Jobs this process ran to success, by queue and job name.',
      labelNames: ['queue', 'job'],
      registers: [this.registry],
    });
    this.collectorErrors = new Counter({
      name: 'kivuko_metrics_collector_errors_total',
      help: 'Scrape-time collectors that failed or timed out (their gauges keep the previous values).',
      labelNames: ['collector'],
      registers: [this.registry],
    });

    // The database pool, read as the figures are asked for (no SQL).
    const pool = (): { totalCount: number; idleCount: number; waitingCount: number } | undefined =>
      (dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    new Gauge({
      name: 'kivuko_db_pool_connections',
      help: "The application's PostgreSQL pool: connections in use, idle, and requests waiting for one.",
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const p = pool();
        this.set({ state: 'in_use' }, p ? p.totalCount - p.idleCount : 0);
        this.set({ state: 'idle' }, p ? p.idleCount : 0);
        this.set({ state: 'waiting' }, p ? p.waitingCount : 0);
      },
    });
  }

  /** Whether the endpoint is on, and whether this Authorization header opens it. */
  checkToken(authorization: string | undefined): TokenCheck {
    if (!this.tokenDigest) return 'off';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return 'refused';
    return timingSafeEqual(digest(match[1]), this.tokenDigest) ? 'ok' : 'refused';
  }

  addCollector(collector: ScrapeCollector): void {
    this.collectors.push(collector);
  }

  /** The exposition text; runs the scrape-time collectors first unless they ran in the last few seconds. */
  async exposition(now = Date.now()): Promise<{ contentType: string; body: string }> {
    if (now - this.lastCollected >= SCRAPE_CACHE_MS) {
      // Concurrent scrapes share one collection.
      this.collecting ??= this.runCollectors().finally(() => {
        this.lastCollected = now;
        this.collecting = null;
      });
      await this.collecting;
    }
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private async runCollectors(): Promise<void> {
    await Promise.all(
      this.collectors.map(async (c) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            c.collect(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('timed out')), COLLECTOR_TIMEOUT_MS);
            }),
          ]);
        } catch (error) {
          this.collectorErrors.inc({ collector: c.name });
          this.logger.warn({ collector: c.name, err: error instanceof Error ? error.message : String(error) }, 'metrics collector failed');
        } finally {
          clearTimeout(timer);
        }
      }),
    );
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

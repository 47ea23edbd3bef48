import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Server } from 'node:http';
import { PLATFORM_RUNTIME, PlatformRuntime } from '../config/platform-runtime';
import { Metrics } from './metrics';
import { startMetricsServer } from './metrics-http';

/** The worker has no HTTP of its own: with a metrics token it serves `/metrics` on KIVUKO_WORKER_METRICS_PORT. */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | null = null;

  constructor(
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    private readonly metrics: Metrics,
  ) {}

  /** The port it listens on (the configured one, or the one the system chose for port 0). */
  get port(): number | null {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { config } = this.runtime;
    if (config.role !== 'worker' || !config.metrics.token) return;
    this.server = await startMetricsServer(this.metrics, config.http.host, config.metrics.workerPort);
    this.logger.log({ port: this.port }, 'metrics served at /metrics');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

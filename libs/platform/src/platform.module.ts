import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { PLATFORM_RUNTIME, PlatformRuntime } from './config/platform-runtime';
import { fieldCipherProvider } from './crypto/crypto.module';
import { FieldCipher } from './crypto/field-cipher';
import { UnitOfWork } from './db/unit-of-work';
import { DomainEventBus } from './events/domain-event-bus';
import { dataSourceOptions } from './db/data-source-options';
import { HealthController } from './health/health.controller';
import { JobQueues } from './jobs/job-queues';
import { JobWorkerHost } from './jobs/job-worker.host';
import { OutboxHousekeeping } from './jobs/outbox-housekeeping';
import { OutboxPruneJob } from './jobs/outbox-prune.job';
import { OutboxRelay } from './jobs/outbox-relay';
import { OutboxService } from './jobs/outbox.service';
import { Clock } from './time/clock';
import { QueueBackend } from './jobs/queue-backend';
import { loggerOptions } from './logging/logger-options';
import { FaultHooks } from './lifecycle/fault-hooks';
import { ShutdownState } from './lifecycle/shutdown-state';
import { bullmqTelemetry, tracingEnabled } from './tracing/tracing';
import { QueueInspector } from './jobs/queue-inspector';
import { Metrics } from './metrics/metrics';
import { PlatformMetrics } from './metrics/platform-metrics';
import { WorkerMetricsServer } from './metrics/worker-metrics-server';

/**
 * Database, queues, outbox, logging and health for any Kivuko process. The process passes in what it
 * resolved at boot; nothing below reads the environment.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(runtime: PlatformRuntime): DynamicModule {
    const { config } = runtime;
    return {
      module: PlatformModule,
      imports: [
        DiscoveryModule,
        LoggerModule.forRoot(loggerOptions(config.logLevel, `kivuko-${config.role}`, config.logFormat, tracingEnabled())),
        TypeOrmModule.forRoot(
          dataSourceOptions({
            url: runtime.databaseUrl,
            entities: runtime.entities,
            poolSize: config.database.poolSize,
            applicationName: `kivuko-${config.role}`,
          }),
        ),
      ],
      controllers: [HealthController],
      providers: [
        { provide: PLATFORM_RUNTIME, useValue: runtime },
        {
          provide: QueueBackend,
          useFactory: () =>
            new QueueBackend({ databaseUrl: runtime.databaseUrl, redisUrl: config.redis.url, prefix: config.jobs.prefix, telemetry: bullmqTelemetry() }),
        },
        fieldCipherProvider,
        ShutdownState,
        { provide: FaultHooks, useFactory: () => new FaultHooks(runtime) },
        UnitOfWork,
        DomainEventBus,
        JobQueues,
        OutboxService,
        Clock,
        OutboxRelay,
        JobWorkerHost,
        OutboxPruneJob,
        OutboxHousekeeping,
        QueueInspector,
        Metrics,
        PlatformMetrics,
        WorkerMetricsServer,
      ],
      exports: [PLATFORM_RUNTIME, ShutdownState, FaultHooks, FieldCipher, UnitOfWork, DomainEventBus, QueueBackend, OutboxService, OutboxRelay, JobQueues, OutboxHousekeeping, Clock, QueueInspector, Metrics, WorkerMetricsServer],
    };
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { ALL_QUEUES, COUNTED_STATES, QueueInspector } from '../jobs/queue-inspector';
import { Metrics } from './metrics';
import { oldestUnpublishedOutboxAge } from './platform-metrics.queries';

/** The platform's scrape-time figures: the outbox's backlog and each queue's jobs by state. */
@Injectable()
export class PlatformMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly inspector: QueueInspector,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const outboxAge = new Gauge({
      name: 'kivuko_outbox_oldest_unpublished_age_seconds',
      help: 'Age of the oldest outbox row not yet relayed to its queue (0 when none waits).',
      registers,
    });
    const queueJobs = new Gauge({
      name: 'kivuko_queue_jobs',
      help: 'Jobs in each queue by state (waiting, active, delayed, failed, completed), on the backend in use.',
      labelNames: ['queue', 'state', 'backend'],
      registers,
    });
    this.metrics.addCollector({
      name: 'outbox',
      collect: async () => outboxAge.set(await oldestUnpublishedOutboxAge(this.dataSource)),
    });
    this.metrics.addCollector({
      name: 'queues',
      collect: async () => {
        for (const queue of ALL_QUEUES) {
          const counts = await this.inspector.counts(queue);
          for (const state of COUNTED_STATES) queueJobs.set({ queue, state, backend: this.inspector.backend.kind }, counts[state]);
        }
      },
    });
  }
}

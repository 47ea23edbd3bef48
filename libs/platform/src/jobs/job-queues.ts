import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { JobsOptions } from 'bullmq';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { JobName, QueueName } from './job-names';
import { JOB_POLICIES } from './job-policies';
import { AppQueue, QueueBackend } from './queue-backend';

export interface QueuedJob {
  name: JobName;
  jobId: string;
  payload: object;
  runAt: Date | null;
}

/** Publishes jobs to their queues with the policy of their job type. Only the outbox relay calls it. */
@Injectable()
export class JobQueues implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Queues');
  private readonly queues = new Map<QueueName, AppQueue>();
  private closed = false;

  constructor(
    readonly backend: QueueBackend,
    private readonly shutdown: ShutdownState,
  ) {}

  async publish(jobs: QueuedJob[], now = Date.now()): Promise<void> {
    const byQueue = new Map<QueueName, { name: string; data: object; opts: JobsOptions }[]>();
    for (const job of jobs) {
      const policy = JOB_POLICIES[job.name];
      const list = byQueue.get(policy.queue) ?? [];
      list.push({
        name: job.name,
        data: job.payload,
        opts: {
          jobId: job.jobId,
          delay: job.runAt ? Math.max(0, job.runAt.getTime() - now) : undefined,
          attempts: policy.attempts,
          backoff: { type: policy.backoff.type, delay: policy.backoff.delayMs },
          removeOnComplete: { age: policy.keepCompletedSeconds },
          removeOnFail: { count: policy.keepFailedCount },
        },
      });
      byQueue.set(policy.queue, list);
    }
    for (const [queueName, list] of byQueue) {
      try {
        await this.queue(queueName).addBulk(list);
      } catch (error) {
        // A queue whose connection failed while it was starting stays broken: start afresh next time.
        await this.discard(queueName);
        throw error;
      }
    }
  }

  private queue(name: QueueName): AppQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      if (this.closed) throw new Error('the job queues are closed: the process is shutting down');
      queue = this.backend.createQueue(name);
      queue.on('error', (error) => this.shutdown.warn(this.logger, { queue: name, err: error.message }, 'queue connection error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async discard(name: QueueName): Promise<void> {
    const queue = this.queues.get(name);
    this.queues.delete(name);
    await queue?.close().catch(() => undefined);
  }

  /** Runs after every onModuleDestroy, so the relay has stopped publishing by now. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}

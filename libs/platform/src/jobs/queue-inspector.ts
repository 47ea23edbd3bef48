import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { QueueName } from './job-names';
import { QueueBackend } from './queue-backend';

/** The job states the operators' page and the metrics count. */
export const COUNTED_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type CountedState = (typeof COUNTED_STATES)[number];

export type QueueCounts = Record<CountedState, number>;

/** What an operator may see of a job: its name, ids and error, never its payload (which may hold ids of people's records only, but is not shown either way). */
export interface InspectedJob {
  queue: QueueName;
  id: string;
  name: string;
  state: 'failed' | 'delayed';
  attemptsMade: number;
  attempts: number;
  error: string | null;
  failedAt: string | null;
  /** When a job waiting after a failure is tried next (null for a failed one). */
  nextAttemptAt: string | null;
  createdAt: string;
  /** The agency a webhook job delivers to, read from its data for the page to name it (never shown itself). */
  agencyId?: string;
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

export function isQueueName(value: string): value is QueueName {
  return (ALL_QUEUES as readonly string[]).includes(value);
}

/**
 * Reads the queues' counts and jobs, and retries or removes a job, on whichever backend carries the
 * queues (Redis, or BullMQ's PostgreSQL backend). One reading queue per queue name, opened on first use.
 */
@Injectable()
export class QueueInspector implements BeforeApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private closed = false;

  constructor(readonly backend: QueueBackend) {}

  async counts(name: QueueName): Promise<QueueCounts> {
    const counts = await this.queue(name).getJobCounts(...COUNTED_STATES);
    return Object.fromEntries(COUNTED_STATES.map((s) => [s, counts[s] ?? 0])) as QueueCounts;
  }

  /**
   * The jobs that need an operator's eye: those that failed for good, and those waiting to be tried again
   * after a failed attempt (delayed with an error), newest first.
   */
  async troubled(name: QueueName, limit: number): Promise<InspectedJob[]> {
    const queue = this.queue(name);
    const [failed, delayed] = await Promise.all([queue.getFailed(0, limit - 1), queue.getDelayed(0, limit - 1)]);
    const shown = [
      ...failed.map((job) => describe(name, job, 'failed')),
      ...delayed.filter((job) => job.attemptsMade > 0 && job.failedReason).map((job) => describe(name, job, 'delayed')),
    ];
    return shown.sort((a, b) => (b.failedAt ?? b.createdAt).localeCompare(a.failedAt ?? a.createdAt)).slice(0, limit);
  }

  /** How many jobs wait for their next attempt after a failed one (delayed, with an error). */
  async retrying(name: QueueName): Promise<number> {
    const delayed = await this.queue(name).getDelayed(0, -1);
    return delayed.filter((job) => job.attemptsMade > 0 && job.failedReason).length;
  }

  async job(name: QueueName, id: string): Promise<{ job: Job; state: string } | null> {
    const job = (await this.queue(name).getJob(id)) as Job | undefined;
    if (!job) return null;
    return { job, state: await job.getState() };
  }

  /** A failed job runs again (its attempts start afresh); a job waiting for its next attempt runs now. */
  async retry(job: Job, state: string): Promise<void> {
    if (state === 'failed') await job.retry('failed', { resetAttemptsMade: true });
    else await job.promote();
  }

  async remove(job: Job): Promise<void> {
    await job.remove();
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      if (this.closed) throw new Error('the queues are closed: the process is shutting down');
      queue = this.backend.createInspectionQueue(name);
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.queues.clear();
  }
}

function describe(queue: QueueName, job: Job, state: 'failed' | 'delayed'): InspectedJob {
  return {
    queue,
    id: job.id ?? '',
    name: job.name,
    state,
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    error: job.failedReason ? job.failedReason.slice(0, 500) : null,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : job.processedOn && state === 'delayed' ? new Date(job.processedOn).toISOString() : null,
    // A job moved back to wait after a failure waits its backoff from that attempt.
    nextAttemptAt: state === 'delayed' && job.processedOn ? new Date(job.processedOn + (job.delay ?? 0)).toISOString() : null,
    createdAt: new Date(job.timestamp).toISOString(),
    ...(job.name === 'referrals.webhook' && typeof (job.data as { agencyId?: unknown } | undefined)?.agencyId === 'string' ? { agencyId: (job.data as { agencyId: string }).agencyId } : {}),
  };
}

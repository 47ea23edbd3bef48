import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { systemScope, UnitOfWork } from '../db/unit-of-work';
import { Job, UnrecoverableError } from 'bullmq';
import { PLATFORM_RUNTIME, PlatformRuntime } from '../config/platform-runtime';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { ALL_JOB_NAMES, isJobName, JobName, QueueName } from './job-names';
import { JOB_HANDLER_METADATA, JobHandler } from './job-handler';
import { QUEUE_CONCURRENCY } from './job-policies';
import { OutboxRelay } from './outbox-relay';
import { recordJobRun } from './outbox.queries';
import { AppWorker, QueueBackend } from './queue-backend';
import { Metrics } from '../metrics/metrics';

/** How many jobs done but not yet recorded a process remembers; beyond it the oldest would run again. */
const DONE_UNRECORDED_LIMIT = 10_000;
/** How long a process keeps trying to record a job done before it leaves that to the job's retry. */
const SETTLE_RETRY_MS = 30_000;

/**
 * Runs the queue processors in this process (the worker; or the api when there is no Redis) and the
 * outbox relay that feeds them. At start-up it checks that every job name has exactly one handler.
 */
@Injectable()
export class JobWorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly workers: AppWorker[] = [];
  private handlers = new Map<JobName, JobHandler<JobName>>();
  /** Jobs this process ran to success but could not record as completed yet (oldest first). */
  private readonly doneUnrecorded = new Set<string>();

  constructor(
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly backend: QueueBackend,
    private readonly relay: OutboxRelay,
    private readonly uow: UnitOfWork,
    private readonly shutdown: ShutdownState,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runtime.config.jobs.runProcessors) return;
    this.handlers = this.discoverHandlers();
    for (const queue of Object.values(QueueName)) {
      const worker = this.backend.createWorker(queue, (job) => this.process(job), QUEUE_CONCURRENCY[queue]);
      worker.on('failed', (job, error) => {
        this.metrics.jobAttemptsFailed.inc({ queue, job: job && isJobName(job.name) ? job.name : 'unknown' });
        this.shutdown.warn(this.logger, { jobId: job?.id, job: job?.name, err: error.message }, 'job attempt failed');
      });
      worker.on('completed', (job) => this.metrics.jobsCompleted.inc({ queue, job: isJobName(job.name) ? job.name : 'unknown' }));
      worker.on('error', (error) => this.shutdown.warn(this.logger, { queue, err: error.message }, 'worker connection error'));
      this.workers.push(worker);
    }
    // Ready before the host says it processes jobs; a close during connection set-up would leak it.
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    await this.relay.start(this.runtime.databaseUrl);
    this.logger.log({ backend: this.backend.kind, queues: Object.values(QueueName) }, 'processing jobs');
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
  }

  private async process(job: Job): Promise<void> {
    const handler = isJobName(job.name) ? this.handlers.get(job.name) : undefined;
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    const started = Date.now();
    const attempt = job.attemptsMade + 1;
    const lastAttempt = attempt >= (job.opts.attempts ?? 1);
    const id = job.id ?? '';
    if (id && this.doneUnrecorded.has(id)) {
      // This process ran it to success but could not record that (the database was away): record it
      // now instead of running it again (a webhook would be sent twice).
      await this.settle(id, 'completed');
      this.doneUnrecorded.delete(id);
      this.logger.log({ jobId: id, job: job.name }, 'recorded a job done earlier; not run again');
      return;
    }
    // Recorded before the handler runs: a run that cannot be recorded does not start.
    const run = id ? await this.recordRun(id) : { completed: false, earlierRuns: 0 };
    if (run.completed) {
      // The queue lost track of a run that finished (Redis restarted, or the job was stalled after it).
      this.logger.log({ jobId: id, job: job.name }, 'job already completed; not run again');
      return;
    }
    try {
      await handler.handle(job.data as never, { jobId: id, attempt, lastAttempt, earlierRuns: run.earlierRuns });
    } catch (error) {
      if (error instanceof UnrecoverableError || lastAttempt) {
        await this.settle(job.id, 'failed', error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
    try {
      await this.settleDone(id);
    } catch (error) {
      // The queue retries the job; this process remembers that it is done and only records it then.
      this.rememberDone(id);
      throw error;
    }
    this.logger.log({ jobId: job.id, job: job.name, ms: Date.now() - started }, 'job done');
  }

  /**
   * Records a job done, trying again for a while when the database is away (a restart takes seconds):
   * with the queue on PostgreSQL, the queue's own retry needs the same database, and a process that dies
   * before it records the job lets another run it again.
   */
  private async settleDone(jobId: string): Promise<void> {
    const giveUpAt = Date.now() + SETTLE_RETRY_MS;
    for (let wait = 250; ; wait = Math.min(wait * 2, 4_000)) {
      try {
        await this.settle(jobId, 'completed');
        return;
      } catch (error) {
        if (this.shutdown.started || Date.now() + wait > giveUpAt) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /** Counts a run on the job's outbox row; whether the job is already completed, and how many runs came before. */
  private async recordRun(jobId: string): Promise<{ completed: boolean; earlierRuns: number }> {
    const rows = await this.uow.run(systemScope('job run'), (manager) => recordJobRun(manager, jobId));
    return {
      completed: rows.some((r) => r.completed),
      earlierRuns: rows.reduce((most, r) => Math.max(most, r.run_attempts - 1), 0),
    };
  }

  private rememberDone(jobId: string): void {
    if (!jobId) return;
    if (this.doneUnrecorded.size >= DONE_UNRECORDED_LIMIT) {
      const oldest = this.doneUnrecorded.values().next().value;
      if (oldest !== undefined) this.doneUnrecorded.delete(oldest);
    }
    this.doneUnrecorded.add(jobId);
  }

  /** Records on the outbox row that the job needs no more delivery. */
  private async settle(jobId: string | undefined, outcome: 'completed' | 'failed', error?: string): Promise<void> {
    if (!jobId) return;
    await this.uow.run(systemScope(`job ${outcome}`), (manager) =>
      outcome === 'completed'
        ? manager.query(`UPDATE outbox_message SET completed_at = now() WHERE job_id = $1 AND completed_at IS NULL`, [jobId])
        : manager.query(
            `UPDATE outbox_message SET failed_at = now(), last_error = $2 WHERE job_id = $1 AND completed_at IS NULL AND failed_at IS NULL`,
            [jobId, error?.slice(0, 2_000) ?? null],
          ),
    );
  }

  private discoverHandlers(): Map<JobName, JobHandler<JobName>> {
    const found = new Map<JobName, JobHandler<JobName>>();
    for (const wrapper of this.discovery.getProviders()) {
      const target = wrapper.metatype;
      if (!target || !wrapper.instance) continue;
      const name = this.reflector.get<JobName | undefined>(JOB_HANDLER_METADATA, target);
      if (!name) continue;
      if (found.has(name)) throw new Error(`job ${name} has two handlers`);
      found.set(name, wrapper.instance as JobHandler<JobName>);
    }
    const missing = ALL_JOB_NAMES.filter((n) => !found.has(n));
    if (missing.length > 0) throw new Error(`no handler registered for job(s): ${missing.join(', ')}`);
    return found;
  }
}

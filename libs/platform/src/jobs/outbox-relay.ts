import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from 'pg';
import { PLATFORM_RUNTIME, PlatformRuntime } from '../config/platform-runtime';
import { systemScope, UnitOfWork } from '../db/unit-of-work';
import { FaultHooks } from '../lifecycle/fault-hooks';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { isJobName } from './job-names';
import { JobQueues, QueuedJob } from './job-queues';
import { OUTBOX_CHANNEL } from './outbox.service';

export const RELAY_BATCH_SIZE = 200;
export const RELAY_POLL_INTERVAL_MS = 1_000;
export const RELAY_MAX_BACKOFF_MS = 5_000;
/** By default, a published job not finished this long after it was due is published again (Redis may have lost it). */
export const REDELIVER_AFTER_MS = 5 * 60_000;
export const REDELIVERY_SWEEP_INTERVAL_MS = 60_000;
const RELAY_SCOPE = systemScope('outbox relay');

interface OutboxRow {
  id: string;
  job_name: string;
  job_id: string;
  payload: object;
  run_at: Date | null;
}

/**
 * Moves committed outbox rows to the queue. Woken by NOTIFY on commit and by a poll as a safety net.
 * Rows are locked with SKIP LOCKED, so any number of relays may run. A crash between publishing and
 * stamping re-publishes the same deterministic job ids, which the queue recognises. A sweep
 * re-publishes jobs that were published but never finished, so a Redis that lost its data loses no
 * work: for a job the queue still holds, re-publishing the same id changes nothing.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private draining: Promise<void> | null = null;
  private wakeRequested = false;
  private timer: NodeJS.Timeout | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private listener: Client | null = null;
  private failures = 0;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly queues: JobQueues,
    private readonly shutdown: ShutdownState,
    private readonly faults: FaultHooks,
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
  ) {}

  async start(databaseUrl: string): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listen(databaseUrl);
    this.wake();
    const redeliverAfterMs = (this.runtime.config.jobs.redeliverAfterSeconds ?? REDELIVER_AFTER_MS / 1000) * 1000;
    const sweep = (): void => {
      this.redeliverStale(redeliverAfterMs).catch((error: unknown) =>
        this.shutdown.warn(this.logger, { err: error instanceof Error ? error.message : String(error) }, 'redelivery sweep failed; will retry'),
      );
    };
    sweep();
    this.sweeper = setInterval(sweep, Math.min(REDELIVERY_SWEEP_INTERVAL_MS, redeliverAfterMs));
    this.sweeper.unref();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    await this.draining;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /** Publishes every pending row it can lock; returns how many it published. */
  async drainOnce(): Promise<number> {
    return this.uow.run(RELAY_SCOPE, async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, job_name, job_id, payload, run_at FROM outbox_message
          WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [RELAY_BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      const jobs: QueuedJob[] = [];
      const unknown: string[] = [];
      for (const row of rows) {
        if (isJobName(row.job_name)) {
          jobs.push({ name: row.job_name, jobId: row.job_id, payload: row.payload, runAt: row.run_at });
        } else {
          unknown.push(row.id);
        }
      }
      // The fault drill's kill -9 between a commit and its publication (only with KIVUKO_FAULT_HOOKS).
      this.faults.reach('outbox-before-publish');
      await this.queues.publish(jobs);
      await manager.query(
        `UPDATE outbox_message SET published_at = now(), publish_attempts = publish_attempts + 1
          WHERE id = ANY($1::bigint[]) AND NOT (id = ANY($2::bigint[]))`,
        [rows.map((r) => r.id), unknown],
      );
      if (unknown.length > 0) {
        // A row from a newer release this process does not know: leave it for a process that does.
        await manager.query(
          `UPDATE outbox_message SET last_error = 'unknown job name for this release' WHERE id = ANY($1::bigint[])`,
          [unknown],
        );
      }
      return jobs.length;
    });
  }

  /** Publishes again the jobs published, due and unfinished for longer than `olderThanMs`; returns how many. */
  async redeliverStale(olderThanMs: number): Promise<number> {
    return this.uow.run(RELAY_SCOPE, async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, job_name, job_id, payload, run_at FROM outbox_message
          WHERE published_at IS NOT NULL AND completed_at IS NULL AND failed_at IS NULL
            AND published_at < now() - make_interval(secs => $1)
            AND (run_at IS NULL OR run_at < now() - make_interval(secs => $1))
          ORDER BY published_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [olderThanMs / 1000, RELAY_BATCH_SIZE],
      );
      const jobs = rows.flatMap((row) =>
        isJobName(row.job_name) ? [{ name: row.job_name, jobId: row.job_id, payload: row.payload, runAt: null }] : [],
      );
      if (jobs.length === 0) return 0;
      await this.queues.publish(jobs);
      await manager.query(
        `UPDATE outbox_message SET published_at = now(), publish_attempts = publish_attempts + 1 WHERE id = ANY($1::bigint[])`,
        [rows.filter((r) => isJobName(r.job_name)).map((r) => r.id)],
      );
      this.logger.warn({ count: jobs.length }, 'published again jobs that were never finished');
      return jobs.length;
    });
  }

  /** Asks for a drain soon; several wake-ups while one drain runs fold into one more pass. */
  wake(): void {
    if (!this.running) return;
    if (this.draining) {
      this.wakeRequested = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.draining = this.loop().finally(() => {
      this.draining = null;
      if (!this.running) return;
      if (this.wakeRequested) {
        this.wakeRequested = false;
        this.wake();
      } else {
        const delay = this.failures === 0 ? RELAY_POLL_INTERVAL_MS : Math.min(RELAY_MAX_BACKOFF_MS, 250 * 2 ** this.failures);
        this.timer = setTimeout(() => this.wake(), delay);
      }
    });
  }

  private async loop(): Promise<void> {
    try {
      while (this.running && (await this.drainOnce()) === RELAY_BATCH_SIZE) {
        // a full batch: more may be waiting
      }
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      this.shutdown.warn(
        this.logger,
        { err: error instanceof Error ? error.message : String(error), failures: this.failures },
        'outbox relay could not publish; will retry',
      );
    }
  }

  private async listen(databaseUrl: string): Promise<void> {
    const client = new Client({ connectionString: databaseUrl });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      // Ending the listener on stop may race the server dropping it: nothing is lost then.
      if (this.running) this.shutdown.warn(this.logger, { err: error.message }, 'outbox listener lost its connection; polling until it is back');
      else this.logger.debug({ err: error.message }, 'outbox listener closed');
      if (this.listener === client) this.listener = null;
      setTimeout(() => {
        if (this.running && !this.listener) this.listen(databaseUrl).catch(() => undefined);
      }, RELAY_MAX_BACKOFF_MS).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.listener = client;
  }
}

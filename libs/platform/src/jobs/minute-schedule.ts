import { Inject, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PlatformRuntime } from '../config/platform-runtime';
import { systemScope, UnitOfWork } from '../db/unit-of-work';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { JobName, JobPayloads } from './job-names';
import { jobId } from './job-policies';
import { OutboxService } from './outbox.service';

/** The jobs asked for every minute: their payload is the minute they were asked at. */
export type MinuteJob = { [N in JobName]: JobPayloads[N] extends { at: string } ? N : never }[JobName];

const MINUTE_MS = 60_000;

/**
 * Asks for a job every minute (a sweep). Every process that runs jobs asks; the minute's key makes it one
 * job across all of them, through the outbox like any other job.
 */
export abstract class MinuteSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private readonly logger: Logger;
  /** Injected by property, so that the schedules need not pass it on. */
  @Inject(ShutdownState) private readonly shutdown!: ShutdownState;

  protected constructor(
    private readonly runtime: PlatformRuntime,
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly job: MinuteJob,
  ) {
    this.logger = new Logger(`${job} schedule`);
  }

  /** The time the minute is taken from (the deadlines' clock). */
  protected abstract now(): Date;

  onApplicationBootstrap(): void {
    if (!this.runtime.config.jobs.runProcessors) return;
    this.timer = setInterval(() => {
      this.request().catch((e: unknown) =>
        this.shutdown.warn(this.logger, { err: e instanceof Error ? e.message : String(e) }, `could not request ${this.job}`),
      );
    }, MINUTE_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Enqueues this minute's job unless it already is; returns whether it enqueued. */
  async request(now = this.now()): Promise<boolean> {
    const minute = now.toISOString().slice(0, 16);
    return this.uow.run(systemScope(`${this.job} schedule`), async (manager) => {
      const known = await manager.query<unknown[]>('SELECT 1 FROM outbox_message WHERE job_id = $1 LIMIT 1', [jobId(this.job, minute)]);
      if (known.length > 0) return false;
      await this.outbox.enqueue(manager, this.job, { at: now.toISOString() }, { key: minute });
      return true;
    });
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Inject } from '@nestjs/common';
import { systemScope, UnitOfWork } from '../db/unit-of-work';
import { PLATFORM_RUNTIME, PlatformRuntime } from '../config/platform-runtime';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { Clock } from '../time/clock';
import { JobName } from './job-names';
import { jobId } from './job-policies';
import { OutboxService } from './outbox.service';

export const OUTBOX_RETENTION_DAYS = 7;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Asks for one outbox prune a day. Every process that runs jobs asks; the day's key makes it one job.
 */
@Injectable()
export class OutboxHousekeeping implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxHousekeeping');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly shutdown: ShutdownState,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.runtime.config.jobs.runProcessors) return;
    const tick = (): void => {
      this.requestDailyPrune().catch((e: unknown) =>
        this.shutdown.warn(this.logger, { err: e instanceof Error ? e.message : String(e) }, 'could not request the outbox prune'),
      );
    };
    tick();
    this.timer = setInterval(tick, HOUR_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Enqueues today's prune unless it already is; returns whether it enqueued. */
  async requestDailyPrune(now = this.clock.now()): Promise<boolean> {
    const day = now.toISOString().slice(0, 10);
    const cutoff = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * 24 * HOUR_MS);
    return this.uow.run(systemScope('outbox housekeeping'), async (manager) => {
      const known: unknown[] = await manager.query('SELECT 1 FROM outbox_message WHERE job_id = $1 LIMIT 1', [
        jobId(JobName.OutboxPrune, day),
      ]);
      if (known.length > 0) return false;
      await this.outbox.enqueue(manager, JobName.OutboxPrune, { publishedBefore: cutoff.toISOString() }, { key: day });
      return true;
    });
  }
}

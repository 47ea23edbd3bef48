import { AuditService } from '@kivuko/audit';
import { Clock, JobName, MinuteSchedule, OutboxService, PLATFORM_RUNTIME, PlatformRuntime, systemScope, UnitOfWork } from '@kivuko/platform';
import { Inject, Injectable } from '@nestjs/common';
import { alertLapsedReviews, insertReviewOverdueTask } from './detention.queries';

/**
 * Every open detention episode has a review date; once it has passed with no review, the detaining
 * agency gets a task (once per review date: a review sets the next date, and a later lapse alerts
 * again) and the lapse is audited. The monitor's view shows the same episodes as overdue.
 */
@Injectable()
export class DetentionReviews {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** Alerts every lapsed review not alerted yet; returns how many. */
  async sweep(now = this.clock.now()): Promise<number> {
    const today = now.toISOString().slice(0, 10);
    return this.uow.run(systemScope('detention review sweep'), async (manager) => {
      const lapsed = await alertLapsedReviews(manager, today);
      for (const episode of lapsed) {
        await insertReviewOverdueTask(manager, episode.case_id, episode.agency_id, now, `Detention review due on ${episode.next_review_on} has not been held`);
        await this.audit.record(manager, {
          action: 'DETENTION.REVIEW_OVERDUE',
          caseId: episode.case_id,
          fieldGroups: ['DETENTION'],
          purpose: 'SAFEGUARD',
          details: { episodeId: episode.id, reviewDueOn: episode.next_review_on },
        });
      }
      return lapsed.length;
    });
  }
}

/** Asks for the sweep every minute. */
@Injectable()
export class DetentionReviewSchedule extends MinuteSchedule {
  constructor(
    @Inject(PLATFORM_RUNTIME) runtime: PlatformRuntime,
    uow: UnitOfWork,
    outbox: OutboxService,
    private readonly reviews: DetentionReviews,
  ) {
    super(runtime, uow, outbox, JobName.DetentionReviewSweep);
  }

  protected now(): Date {
    return this.reviews.now();
  }
}

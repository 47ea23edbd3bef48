import { Injectable } from '@nestjs/common';
import { systemScope, UnitOfWork } from '../db/unit-of-work';
import { HandlesJob, JobHandler } from './job-handler';
import { JobName, JobPayload } from './job-names';

export const OUTBOX_PRUNE_BATCH = 5_000;

/** Deletes finished outbox rows published before the cut-off, in batches so no lock is held for long. */
@Injectable()
@HandlesJob(JobName.OutboxPrune)
export class OutboxPruneJob implements JobHandler<JobName.OutboxPrune> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle(payload: JobPayload<JobName.OutboxPrune>): Promise<void> {
    const cutoff = new Date(payload.publishedBefore);
    if (Number.isNaN(cutoff.getTime())) throw new Error('publishedBefore is not a date');
    for (;;) {
      const result: [unknown[], number] = await this.uow.run(systemScope('outbox prune'), (manager) => manager.query(
        `DELETE FROM outbox_message WHERE id IN (
           SELECT id FROM outbox_message
            WHERE published_at < $1 AND (completed_at IS NOT NULL OR failed_at IS NOT NULL)
            ORDER BY published_at LIMIT $2)`,
        [cutoff, OUTBOX_PRUNE_BATCH],
      ));
      if (result[1] < OUTBOX_PRUNE_BATCH) return;
    }
  }
}

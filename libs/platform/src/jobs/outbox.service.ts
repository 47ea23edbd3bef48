import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, JobPayload } from './job-names';
import { jobId } from './job-policies';
import { OutboxMessage } from './outbox-message.entity';

export const OUTBOX_CHANNEL = 'kivuko_outbox';

export interface EnqueueOptions {
  /** Makes the job id deterministic: the same name and key are one job, however often enqueued. */
  key: string;
  runAt?: Date;
}

@Injectable()
export class OutboxService {
  /**
   * Records a job to run once the caller's transaction commits. It must be called with the
   * transaction's EntityManager: a rolled-back use case then leaves no job behind.
   */
  async enqueue<N extends JobName>(
    manager: EntityManager,
    name: N,
    payload: JobPayload<N>,
    options: EnqueueOptions,
  ): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`Job ${name} must be enqueued inside the transaction of the change that needs it`);
    }
    const id = jobId(name, options.key);
    await manager.insert(OutboxMessage, {
      jobName: name,
      jobId: id,
      payload,
      runAt: options.runAt ?? null,
    });
    // Delivered on commit only, and folded into one notification per transaction.
    await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
    return id;
  }
}

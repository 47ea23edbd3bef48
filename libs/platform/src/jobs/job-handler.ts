import { SetMetadata } from '@nestjs/common';
import { JobName, JobPayload } from './job-names';

export interface JobContext {
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Whether the queue gives up after this attempt should it fail (its policy's attempts are spent). */
  lastAttempt: boolean;
  /**
   * Runs of this job started before this one, as its outbox row recorded them (0 for a first run, and
   * for a job with no outbox row). More earlier runs than `attempt - 1` means one of them ended with no
   * recorded outcome (its process died, or the queue lost it): its effect may already have happened.
   */
  earlierRuns: number;
}

/**
 * One class per job type. A handler must be safe to run twice: it re-reads the state its payload
 * points at and does nothing when the world has moved on.
 */
export interface JobHandler<N extends JobName> {
  handle(payload: JobPayload<N>, context: JobContext): Promise<void>;
}

export const JOB_HANDLER_METADATA = 'kivuko:job-handler';

/** Marks a provider as the handler of one job name; the worker host finds it at start-up. */
export const HandlesJob = (name: JobName): ClassDecorator => SetMetadata(JOB_HANDLER_METADATA, name);

/**
 * The job contract of the whole system: every queue, every job name, and the payload each job
 * carries. Payloads carry ids and parameters only, never personal data.
 */
export enum QueueName {
  Platform = 'platform',
}

export enum JobName {
  /** Deletes outbox rows that were relayed to the queue before a cut-off. */
  OutboxPrune = 'platform.outbox-prune',
}

export interface JobPayloads {
  [JobName.OutboxPrune]: { publishedBefore: string };
}

export type JobPayload<N extends JobName> = JobPayloads[N];

export const ALL_JOB_NAMES: readonly JobName[] = Object.values(JobName);

export function isJobName(value: string): value is JobName {
  return (ALL_JOB_NAMES as readonly string[]).includes(value);
}

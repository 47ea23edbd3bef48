import { JobName, QueueName } from './job-names';

export interface JobPolicy {
  queue: QueueName;
  attempts: number;
  backoff: { type: 'exponential' | 'fixed'; delayMs: number };
  /** Completed jobs are kept this long so that a re-published deterministic id is recognised. */
  keepCompletedSeconds: number;
  /** Failed jobs are kept for triage; this caps how many. */
  keepFailedCount: number;
}

const DAY = 24 * 60 * 60;

export const OUTBOX_PRUNE_POLICY: JobPolicy = {
  queue: QueueName.Platform,
  attempts: 5,
  backoff: { type: 'exponential', delayMs: 1_000 },
  keepCompletedSeconds: 7 * DAY,
  keepFailedCount: 10_000,
};

/** Deadlines: retried quickly, and the sweep catches whatever a lost timer missed anyway. */
export const REFERRAL_DEADLINE_POLICY: JobPolicy = {
  queue: QueueName.Referrals,
  attempts: 5,
  backoff: { type: 'exponential', delayMs: 2_000 },
  keepCompletedSeconds: 2 * DAY,
  keepFailedCount: 10_000,
};

/** A receiver that is down gets the event again, later and later, for about an hour and a half. */
export const WEBHOOK_POLICY: JobPolicy = {
  queue: QueueName.Referrals,
  attempts: 12,
  backoff: { type: 'exponential', delayMs: 1_000 },
  keepCompletedSeconds: 2 * DAY,
  keepFailedCount: 10_000,
};

/** An SMTP server that refuses or is down gets the e-mail again, later and later, for about an hour and a half. */
export const EMAIL_POLICY: JobPolicy = {
  queue: QueueName.Referrals,
  attempts: 12,
  backoff: { type: 'exponential', delayMs: 1_000 },
  keepCompletedSeconds: 2 * DAY,
  keepFailedCount: 10_000,
};

/** The detention review sweep: retried quickly; the next minute's sweep does the same work anyway. */
export const DETENTION_REVIEW_POLICY: JobPolicy = {
  queue: QueueName.Casework,
  attempts: 5,
  backoff: { type: 'exponential', delayMs: 2_000 },
  keepCompletedSeconds: 2 * DAY,
  keepFailedCount: 10_000,
};

export const JOB_POLICIES: { readonly [N in JobName]: JobPolicy } = {
  [JobName.OutboxPrune]: OUTBOX_PRUNE_POLICY,
  [JobName.ReferralDue]: REFERRAL_DEADLINE_POLICY,
  [JobName.ReferralSweep]: REFERRAL_DEADLINE_POLICY,
  [JobName.WebhookDelivery]: WEBHOOK_POLICY,
  [JobName.EmailDelivery]: EMAIL_POLICY,
  [JobName.EmailDeadlineSoon]: REFERRAL_DEADLINE_POLICY,
  [JobName.DetentionReviewSweep]: DETENTION_REVIEW_POLICY,
};

/** How many jobs of one queue a process works on at once. */
export const QUEUE_CONCURRENCY: { readonly [Q in QueueName]: number } = {
  [QueueName.Platform]: 4,
  [QueueName.Referrals]: 4,
  [QueueName.Casework]: 1,
};

/** BullMQ rejects custom job ids containing ':'; keep ids to a safe alphabet. */
export function jobId(name: JobName, key: string): string {
  const safeKey = key.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${name}-${safeKey}`;
}

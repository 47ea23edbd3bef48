/**
 * The job contract of the whole system: every queue, every job name, and the payload each job
 * carries. Payloads carry ids and parameters only, never personal data.
 */
export enum QueueName {
  Platform = 'platform',
  Referrals = 'referrals',
  Casework = 'casework',
}

export enum JobName {
  /** Deletes outbox rows that were relayed to the queue before a cut-off. */
  OutboxPrune = 'platform.outbox-prune',
  /** A referral's first-contact deadline has come: mark it overdue and escalate if nobody acknowledged it. */
  ReferralDue = 'referrals.due',
  /** The safety net behind the timers: every overdue referral, and every escalation step that is due. */
  ReferralSweep = 'referrals.sweep',
  /** POSTs one referral event to an agency's webhook, signed; retried with backoff until it answers 2xx. */
  WebhookDelivery = 'referrals.webhook',
  /** Sends one e-mail of a referral event to one recipient (a duty address or a user); retried with backoff. */
  EmailDelivery = 'referrals.email',
  /** A referral's first-contact deadline is near: e-mail its agency if nobody has acknowledged it yet. */
  EmailDeadlineSoon = 'referrals.email-deadline-soon',
  /** Every open detention episode whose review date has passed: an alert to the detaining agency, once per review date. */
  DetentionReviewSweep = 'casework.detention-reviews',
}

export interface JobPayloads {
  [JobName.OutboxPrune]: { publishedBefore: string };
  [JobName.ReferralDue]: { referralId: string };
  [JobName.ReferralSweep]: { at: string };
  /** A test event (`webhook.test`, sent from the administrators' page) has no referral. */
  [JobName.WebhookDelivery]: { eventId: string; agencyId: string; event: string; referralId?: string; status?: string; occurredAt: string };
  /** `send`: which send of the delivery the job is (1, the first, when absent; each resend counts one more). */
  [JobName.EmailDelivery]: { deliveryId: string; send?: number };
  [JobName.EmailDeadlineSoon]: { referralId: string; dueAt: string };
  [JobName.DetentionReviewSweep]: { at: string };
}

export type JobPayload<N extends JobName> = JobPayloads[N];

export const ALL_JOB_NAMES: readonly JobName[] = Object.values(JobName);

export function isJobName(value: string): value is JobName {
  return (ALL_JOB_NAMES as readonly string[]).includes(value);
}

import { queryOptions } from '@tanstack/react-query';
import type { MessageDescriptor } from 'react-intl';
import { ApiClient, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { queueMessages } from './queues-messages';

export type Queues = components['schemas']['QueuesDto'];
export type QueueEntry = components['schemas']['QueueDto'];
export type QueueJob = components['schemas']['QueueJobDto'];
export type QueueName = QueueEntry['name'];

/** GET /api/v1/admin/queues: every queue's counts and failed jobs, read again every 15 s while the page is open. */
export const queuesQuery = (api: ApiClient) =>
  queryOptions({ queryKey: ['admin', 'queues'], queryFn: () => unwrap<Queues>(api.GET('/api/v1/admin/queues')), refetchInterval: 15_000, staleTime: 0 });

export const retryJob = (api: ApiClient, job: QueueJob) =>
  unwrap<void>(api.POST('/api/v1/admin/queues/{queue}/jobs/{jobId}/retry', { params: { path: { queue: job.queue, jobId: job.id } } }));

export const removeJob = (api: ApiClient, job: QueueJob) =>
  unwrap<void>(api.DELETE('/api/v1/admin/queues/{queue}/jobs/{jobId}', { params: { path: { queue: job.queue, jobId: job.id } } }));

/** The counters in the order the page shows them; `retrying` (waiting again after a failure) is counted among `delayed` too. */
export const COUNTED_STATES = ['waiting', 'active', 'delayed', 'retrying', 'failed', 'completed'] as const;

/** The counters that call for an operator: coloured when not zero. */
export const TROUBLE_TONE: Partial<Record<(typeof COUNTED_STATES)[number], 'bad' | 'warn'>> = { failed: 'bad', retrying: 'warn' };

export const QUEUE_NAMES: Record<QueueName, MessageDescriptor> = {
  platform: queueMessages.queuePlatform,
  referrals: queueMessages.queueReferrals,
  casework: queueMessages.queueCasework,
};

export const STATE_NAMES: Record<(typeof COUNTED_STATES)[number], MessageDescriptor> = {
  waiting: queueMessages.stateWaiting,
  active: queueMessages.stateActive,
  delayed: queueMessages.stateDelayed,
  retrying: queueMessages.stateRetrying,
  failed: queueMessages.stateFailed,
  completed: queueMessages.stateCompleted,
};

/** A job's name in words (the job names of libs/platform/src/jobs/job-names.ts). */
export const JOB_NAMES: Record<string, MessageDescriptor> = {
  'platform.outbox-prune': queueMessages.jobOutboxPrune,
  'referrals.due': queueMessages.jobReferralDue,
  'referrals.sweep': queueMessages.jobReferralSweep,
  'referrals.webhook': queueMessages.jobWebhook,
  'referrals.email': queueMessages.jobEmail,
  'referrals.email-deadline-soon': queueMessages.jobEmailDeadlineSoon,
  'casework.detention-reviews': queueMessages.jobDetentionReviews,
};

export function jobNameMessage(name: string): MessageDescriptor {
  return (Object.hasOwn(JOB_NAMES, name) ? JOB_NAMES[name] : undefined) ?? queueMessages.jobOther;
}

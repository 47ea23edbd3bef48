import { FieldCipher, HandlesJob, JobContext, JobHandler, JobName, JobPayload, systemScope, UnitOfWork } from '@kivuko/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DELIVERY_TIMEOUT_MS, EVENT_ID_HEADER, secretContext, SIGNATURE_HEADER, signDelivery } from './webhooks';
import { findWebhook } from './webhooks.queries';

/**
 * Delivers one event: POST, signed; anything but 2xx fails the attempt and the queue retries with backoff.
 * Delivery is at least once: the event's id is the same in the `x-kivuko-event-id` header and the body's
 * `id` on every attempt, and receivers drop an id they have seen. The job host records each run before it
 * starts and does not run again a job recorded as completed, so an event is sent twice only when a
 * process died (or lost the queue) between the receiver's answer and recording it.
 */
@Injectable()
@HandlesJob(JobName.WebhookDelivery)
export class WebhookDeliveryJob implements JobHandler<JobName.WebhookDelivery> {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly cipher: FieldCipher,
  ) {}

  async handle(payload: JobPayload<JobName.WebhookDelivery>, context: JobContext): Promise<void> {
    if (context.earlierRuns >= context.attempt) {
      // A run before this one left no outcome: the receiver may have the event already, and drops it by id.
      this.logger.warn({ agencyId: payload.agencyId, eventId: payload.eventId, earlierRuns: context.earlierRuns }, 'sending again an event an earlier run may have delivered');
    }
    const hook = await this.uow.run(systemScope('webhook delivery'), (manager) => findWebhook(manager, payload.agencyId));
    if (!hook) return; // unsubscribed since: nothing to deliver
    const body = JSON.stringify({
      id: payload.eventId,
      event: payload.event,
      occurredAt: payload.occurredAt,
      ...(payload.referralId === undefined ? {} : { referral: { id: payload.referralId, status: payload.status } }),
    });
    // Real time, not the clock's: the receiver checks the signature's timestamp against its own clock.
    const timestamp = Math.floor(Date.now() / 1000);
    const secret = this.cipher.decrypt(hook.secret_ciphertext, secretContext(payload.agencyId));
    const response = await fetch(hook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signDelivery(secret, timestamp, body), [EVENT_ID_HEADER]: payload.eventId },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    if (!response.ok) {
      this.logger.warn({ agencyId: payload.agencyId, eventId: payload.eventId, status: response.status, attempt: context.attempt }, 'webhook refused the event');
      throw new Error(`webhook answered ${response.status}`);
    }
  }
}

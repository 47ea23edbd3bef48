import { Clock, HandlesJob, JobContext, JobHandler, JobName, JobPayload, systemScope, UnitOfWork } from '@kivuko/platform';
import { Injectable, Logger } from '@nestjs/common';
import { renderEmail } from './email-templates';
import { EmailTransport } from './email-transport';
import * as q from './email.queries';

/**
 * Sends one e-mail of a referral event to one recipient. Sent once: a delivery already sent (or recorded as
 * not sent) is skipped, and so is the job of an earlier send of a delivery sent again by hand; a refusal or an
 * unreachable server fails the attempt and the queue retries with backoff, the last attempt leaving it FAILED.
 */
@Injectable()
@HandlesJob(JobName.EmailDelivery)
export class EmailDeliveryJob implements JobHandler<JobName.EmailDelivery> {
  private readonly logger = new Logger('Email');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly transport: EmailTransport,
    private readonly clock: Clock,
  ) {}

  async handle(payload: JobPayload<JobName.EmailDelivery>, context: JobContext): Promise<void> {
    const scope = systemScope('e-mail delivery');
    const delivery = await this.uow.run(scope, (manager) => q.findDelivery(manager, payload.deliveryId));
    if (!delivery || delivery.status !== 'PENDING' || delivery.sends !== (payload.send ?? 1)) return;
    if (!this.transport.configured) {
      this.logger.warn({ deliveryId: delivery.id, kind: delivery.kind }, 'no SMTP server configured (KIVUKO_SMTP_URL): e-mail recorded as not sent');
      await this.uow.run(scope, (manager) => q.markDelivery(manager, delivery.id, 'NOT_SENT', 'no SMTP server configured', this.clock.now()));
      return;
    }
    const email = renderEmail(delivery.kind, delivery.language, {
      caseNumber: delivery.case_number,
      profiles: delivery.profiles,
      dueAt: new Date(delivery.due_at),
      link: `${this.transport.publicUrl}/cases/${delivery.case_id}`,
      step: delivery.step ?? undefined,
    });
    try {
      await this.transport.send(delivery.address, email, delivery.id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ deliveryId: delivery.id, attempt: context.attempt, reason }, 'the SMTP server did not take the e-mail');
      await this.uow.run(scope, (manager) => q.recordFailedAttempt(manager, delivery.id, reason.slice(0, 500), this.clock.now(), context.lastAttempt));
      throw error;
    }
    await this.uow.run(scope, (manager) => q.markDelivery(manager, delivery.id, 'SENT', null, this.clock.now()));
  }
}

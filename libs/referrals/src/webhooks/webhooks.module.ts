import { AuditModule } from '@kivuko/audit';
import { Module } from '@nestjs/common';
import { WebhookDeliveryJob } from './webhook-delivery.job';
import { WebhookController, WebhookEvents } from './webhooks';

/**
 * The agencies' webhooks: registering one, queueing the referral events an agency receives (in the
 * transaction that caused them), and delivering them signed. In the api and the worker alike.
 */
@Module({
  imports: [AuditModule],
  controllers: [WebhookController],
  providers: [WebhookEvents, WebhookDeliveryJob],
  exports: [WebhookEvents],
})
export class WebhooksModule {}

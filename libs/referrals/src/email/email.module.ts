import { AuditModule } from '@kivuko/audit';
import { Module } from '@nestjs/common';
import { EmailDeadlineSoonJob } from './email-deadline-soon.job';
import { EmailDeliveriesController } from './email-deliveries.controller';
import { EmailDeliveries } from './email-deliveries.service';
import { EmailDeliveryJob } from './email-delivery.job';
import { EmailNotifications } from './email-notifications';
import { EmailTransport } from './email-transport';
import { NotificationSettingsController } from './notification-settings.controller';

/**
 * E-mails of referral events to the agencies' duty addresses and the users who chose them: queued in the
 * transaction that caused them, sent over SMTP by a job each. In the api and the worker alike.
 */
@Module({
  imports: [AuditModule],
  controllers: [NotificationSettingsController, EmailDeliveriesController],
  providers: [EmailTransport, EmailNotifications, EmailDeliveries, EmailDeliveryJob, EmailDeadlineSoonJob],
  exports: [EmailNotifications],
})
export class EmailModule {}

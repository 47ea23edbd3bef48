import { AuditModule } from '@kivuko/audit';
import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals.module';
import { WebhookController, WebhookDeliveryJob, WebhookEvents } from '../webhooks/webhooks';
import { ReferralDeadlines, ReferralDueJob, ReferralSweepJob, ReferralSweepSchedule } from './referral-deadlines';

/**
 * What happens to referrals over time and outside: first-contact deadlines (the timers, the sweep behind
 * them, escalation) and the agencies' webhooks. In the api and the worker alike.
 */
@Module({
  imports: [AuditModule, ReferralsModule],
  controllers: [WebhookController],
  providers: [WebhookEvents, WebhookDeliveryJob, ReferralDeadlines, ReferralDueJob, ReferralSweepJob, ReferralSweepSchedule],
  exports: [ReferralDeadlines, ReferralSweepSchedule, WebhookEvents],
})
export class ReferralDeadlinesModule {}

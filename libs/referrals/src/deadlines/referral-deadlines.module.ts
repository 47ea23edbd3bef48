import { AuditModule } from '@kivuko/audit';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { ReferralService } from '../referral.service';
import { ReferralsModule } from '../referrals.module';
import { WebhookController, WebhookDeliveryJob, WebhookEvents } from '../webhooks/webhooks';
import { ReferralDeadlines, ReferralDueJob, ReferralSweepJob, ReferralSweepSchedule } from './referral-deadlines';

/** Hands the referral use cases the webhooks as their event sink. */
@Injectable()
class ReferralEventWiring implements OnModuleInit {
  constructor(
    private readonly referrals: ReferralService,
    private readonly events: WebhookEvents,
  ) {}

  onModuleInit(): void {
    this.referrals.setEventSink(this.events);
  }
}

/**
 * What happens to referrals over time and outside: first-contact deadlines (the timers, the sweep behind
 * them, escalation) and the agencies' webhooks. In the api and the worker alike.
 */
@Module({
  imports: [AuditModule, ReferralsModule],
  controllers: [WebhookController],
  providers: [WebhookEvents, WebhookDeliveryJob, ReferralEventWiring, ReferralDeadlines, ReferralDueJob, ReferralSweepJob, ReferralSweepSchedule],
  exports: [ReferralDeadlines, ReferralSweepSchedule, WebhookEvents],
})
export class ReferralDeadlinesModule {}

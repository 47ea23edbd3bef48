import { AuditModule } from '@kivuko/audit';
import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ReferralDeadlines, ReferralSweepSchedule } from './referral-deadlines';
import { ReferralDueJob } from './referral-due.job';
import { ReferralSweepJob } from './referral-sweep.job';

/**
 * What happens to referrals over time: first-contact deadlines (the timers, the sweep behind them,
 * escalation); an overdue referral is told to the agency's webhook. In the api and the worker alike.
 */
@Module({
  imports: [AuditModule, ReferralsModule, WebhooksModule],
  providers: [ReferralDeadlines, ReferralDueJob, ReferralSweepJob, ReferralSweepSchedule],
  exports: [ReferralDeadlines, ReferralSweepSchedule, WebhooksModule],
})
export class ReferralDeadlinesModule {}

import { AuditModule } from '@kivuko/audit';
import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals.module';
import { EmailModule } from '../email/email.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ReferralDeadlines, ReferralSweepSchedule } from './referral-deadlines';
import { ReferralDueJob } from './referral-due.job';
import { ReferralSweepJob } from './referral-sweep.job';

/**
 * What happens to referrals over time: first-contact deadlines (the timers, the sweep behind them,
 * escalation); an overdue referral is told to the agency's webhook, an escalation e-mailed. In the api and the worker alike.
 */
@Module({
  imports: [AuditModule, ReferralsModule, WebhooksModule, EmailModule],
  providers: [ReferralDeadlines, ReferralDueJob, ReferralSweepJob, ReferralSweepSchedule],
  exports: [ReferralDeadlines, ReferralSweepSchedule, WebhooksModule, EmailModule],
})
export class ReferralDeadlinesModule {}

import { AuditModule } from '@kivuko/audit';
import { Module } from '@nestjs/common';
import { ReferralDeadlines, ReferralDueJob, ReferralSweepJob, ReferralSweepSchedule } from './referral-deadlines';

/** First-contact deadlines: the timers, the sweep behind them, and escalation. In the api and the worker alike. */
@Module({
  imports: [AuditModule],
  providers: [ReferralDeadlines, ReferralDueJob, ReferralSweepJob, ReferralSweepSchedule],
  exports: [ReferralDeadlines, ReferralSweepSchedule],
})
export class ReferralDeadlinesModule {}

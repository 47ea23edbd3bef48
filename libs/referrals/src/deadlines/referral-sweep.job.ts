import { HandlesJob, JobHandler, JobName } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { ReferralDeadlines } from './referral-deadlines';

/** The sweep: marks late referrals overdue and fires the escalation steps due. */
@Injectable()
@HandlesJob(JobName.ReferralSweep)
export class ReferralSweepJob implements JobHandler<JobName.ReferralSweep> {
  constructor(private readonly deadlines: ReferralDeadlines) {}

  async handle(): Promise<void> {
    await this.deadlines.check();
  }
}

import { HandlesJob, JobHandler, JobName, JobPayload } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { ReferralDeadlines } from './referral-deadlines';

/** The timer of one referral. */
@Injectable()
@HandlesJob(JobName.ReferralDue)
export class ReferralDueJob implements JobHandler<JobName.ReferralDue> {
  constructor(private readonly deadlines: ReferralDeadlines) {}

  async handle(payload: JobPayload<JobName.ReferralDue>): Promise<void> {
    await this.deadlines.check(payload.referralId);
  }
}

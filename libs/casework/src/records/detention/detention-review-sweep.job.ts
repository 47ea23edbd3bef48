import { HandlesJob, JobHandler, JobName } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { DetentionReviews } from './detention-reviews';

/** The sweep of detention reviews gone past their date: a task for the detaining authority, once per review date. */
@Injectable()
@HandlesJob(JobName.DetentionReviewSweep)
export class DetentionReviewSweepJob implements JobHandler<JobName.DetentionReviewSweep> {
  constructor(private readonly reviews: DetentionReviews) {}

  async handle(): Promise<void> {
    await this.reviews.sweep();
  }
}

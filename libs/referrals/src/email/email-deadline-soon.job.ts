import { HandlesJob, JobHandler, JobName, JobPayload, systemScope, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { EmailNotifications } from './email-notifications';
import { findReferralWaiting } from './email.queries';

/** A referral's first-contact deadline is near: e-mails its agency, unless someone acknowledged it (or its due time moved). */
@Injectable()
@HandlesJob(JobName.EmailDeadlineSoon)
export class EmailDeadlineSoonJob implements JobHandler<JobName.EmailDeadlineSoon> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notifications: EmailNotifications,
  ) {}

  async handle(payload: JobPayload<JobName.EmailDeadlineSoon>): Promise<void> {
    await this.uow.run(systemScope('e-mail: deadline soon'), async (manager) => {
      const referral = await findReferralWaiting(manager, payload.referralId);
      if (!referral?.waiting || new Date(referral.due_at).toISOString() !== payload.dueAt) return;
      await this.notifications.deadlineSoon(manager, referral.agency_id, payload.referralId, payload.dueAt);
    });
  }
}

import { AuditService } from '@kivuko/audit';
import {
  Clock,
  HandlesJob,
  JobHandler,
  JobName,
  JobPayload,
  MinuteSchedule,
  OutboxService,
  PLATFORM_RUNTIME,
  PlatformRuntime,
  systemScope,
  UnitOfWork,
} from '@kivuko/platform';
import { alertsDue, escalationSchedule, PRIORITIES, ScheduledAlert } from '@kivuko/sop';
import { SopVersions } from '@kivuko/sop-lifecycle';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { findAgencyIdNamed, insertEscalationTask, LateReferralRow, lockLateReferrals, markOverdue, setEscalation, shareCase } from '../referral.queries';
import { WebhookEvents } from '../webhooks/webhooks';

const SWEEP_BATCH = 500;
/** A sweep stops after this many batches (500,000 referrals) and leaves the rest to the next minute. */
const MAX_BATCHES = 1000;

export interface DeadlineCheck {
  /** Referrals marked overdue by this check. */
  markedOverdue: number;
  /** Escalation alerts fired (tasks created) by this check. */
  alerts: number;
}

/**
 * First-contact deadlines. A referral nobody acknowledged by its due time is marked overdue and
 * escalated step by step as the SOP it was made under says (the receiving agency's manager, the sending
 * border point's supervisor, the coordinating body, ...): each step is a task on whoever is alerted.
 * A delayed job fires at each due time; a sweep every minute catches what a lost timer missed, and
 * fires the later steps. Both are safe to run twice: PostgreSQL holds the truth.
 */
@Injectable()
export class ReferralDeadlines {
  private readonly logger = new Logger('ReferralDeadlines');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: WebhookEvents,
    private readonly versions: SopVersions,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** Checks one referral (its timer fired) or, without an id, every late referral (the sweep). */
  async check(referralId?: string, now = this.clock.now()): Promise<DeadlineCheck> {
    const total: DeadlineCheck = { markedOverdue: 0, alerts: 0 };
    for (let batches = 0; batches < MAX_BATCHES; batches += 1) {
      const batch = await this.uow.run(systemScope(referralId ? 'referral deadline' : 'referral deadline sweep'), async (manager) => {
        // Only referrals with something to do: late and not yet marked, or with an escalation step due.
        // Each one handled moves its next step on (or clears it), so it is not read again until then.
        const late = await lockLateReferrals(manager, now, SWEEP_BATCH, referralId);
        const result: DeadlineCheck & { seen: number } = { markedOverdue: 0, alerts: 0, seen: late.length };
        for (const referral of late) {
          const fired = await this.escalate(manager, referral, now);
          result.alerts += fired;
          if (!referral.overdue_at) result.markedOverdue += 1;
        }
        return result;
      });
      total.markedOverdue += batch.markedOverdue;
      total.alerts += batch.alerts;
      if (referralId || batch.seen < SWEEP_BATCH) return total;
    }
    this.logger.warn({ batches: MAX_BATCHES }, 'the sweep stopped after its most batches; the next one goes on');
    return total;
  }

  private async escalate(manager: EntityManager, referral: LateReferralRow, now: Date): Promise<number> {
    if (!referral.overdue_at) {
      const status = await markOverdue(manager, referral.id, now);
      await this.audit.record(manager, { action: 'REFERRAL.OVERDUE', caseId: referral.case_id, purpose: 'REFERRAL', details: { referralId: referral.id } });
      await this.events.emit(manager, referral.agency_id, 'referral.overdue', { id: referral.id, status });
    }
    const sop = await this.versions.parsed(manager, referral.sop_version_id);
    const priority = PRIORITIES[referral.priority - 1] ?? PRIORITIES[PRIORITIES.length - 1];
    const due = alertsDue(sop, { priority, dueAt: referral.due_at }, now).filter((alert) => alert.step >= referral.escalation_level);
    let fired = 0;
    for (const alert of due) {
      if (await this.alert(manager, referral, alert)) fired += 1;
    }
    const level = due.length > 0 ? Math.max(...due.map((a) => a.step)) + 1 : referral.escalation_level;
    // When the sweep should look at it again: the earliest step not fired yet, or never.
    const next = escalationSchedule(sop, { priority, dueAt: referral.due_at })
      .filter((alert) => alert.step >= level)
      .map((alert) => alert.at)
      .sort()[0];
    await setEscalation(manager, referral.id, level, next ? new Date(next) : null);
    return fired;
  }

  /** One escalation step: a task on whoever the SOP says is alerted (once per referral and step). */
  private async alert(manager: EntityManager, referral: LateReferralRow, alert: ScheduledAlert): Promise<boolean> {
    let agencyId: string | null = null;
    let borderPointId: string | null = null;
    if (alert.notify === 'RECEIVING_AGENCY_MANAGER') agencyId = referral.agency_id;
    else if (alert.notify === 'SENDING_BORDER_POINT_SUPERVISOR') borderPointId = referral.border_point_id;
    else {
      const named = await findAgencyIdNamed(manager, alert.agency);
      if (!named) {
        this.logger.error({ referralId: referral.id, agency: alert.agency }, 'an escalation step names an agency that does not exist');
        return false;
      }
      agencyId = named;
      // The body alerted must be able to open the case to act on it.
      await shareCase(manager, referral.case_id, agencyId, 'ESCALATION');
    }
    const inserted = await insertEscalationTask(manager, {
      id: randomUUID(),
      caseId: referral.case_id,
      agencyId,
      borderPointId,
      dueAt: new Date(alert.at),
      referralId: referral.id,
      step: alert.step,
    });
    if (!inserted) return false;
    await this.audit.record(manager, {
      action: 'REFERRAL.ESCALATED',
      caseId: referral.case_id,
      purpose: 'REFERRAL',
      details: { referralId: referral.id, step: alert.step, notify: alert.notify, ...(agencyId ? { agencyId } : {}) },
    });
    return true;
  }
}

/** The timer of one referral. */
@Injectable()
@HandlesJob(JobName.ReferralDue)
export class ReferralDueJob implements JobHandler<JobName.ReferralDue> {
  constructor(private readonly deadlines: ReferralDeadlines) {}

  async handle(payload: JobPayload<JobName.ReferralDue>): Promise<void> {
    await this.deadlines.check(payload.referralId);
  }
}

/** The sweep. */
@Injectable()
@HandlesJob(JobName.ReferralSweep)
export class ReferralSweepJob implements JobHandler<JobName.ReferralSweep> {
  constructor(private readonly deadlines: ReferralDeadlines) {}

  async handle(): Promise<void> {
    await this.deadlines.check();
  }
}

/** Asks for the sweep every minute. */
@Injectable()
export class ReferralSweepSchedule extends MinuteSchedule {
  constructor(
    @Inject(PLATFORM_RUNTIME) runtime: PlatformRuntime,
    uow: UnitOfWork,
    outbox: OutboxService,
    private readonly deadlines: ReferralDeadlines,
  ) {
    super(runtime, uow, outbox, JobName.ReferralSweep);
  }

  protected now(): Date {
    return this.deadlines.now();
  }
}

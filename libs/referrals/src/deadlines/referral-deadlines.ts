import { AuditService } from '@kivuko/audit';
import {
  Clock,
  JobName,
  MinuteSchedule,
  OutboxService,
  PLATFORM_RUNTIME,
  PlatformRuntime,
  systemScope,
  UnitOfWork,
} from '@kivuko/platform';
import { alertsDue, escalationSchedule, Priority, PRIORITIES, ScheduledAlert, Sop } from '@kivuko/sop';
import { SopVersions } from '@kivuko/sop-lifecycle';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { findAgencyIdNamed, insertEscalationTask, LateReferralRow, lockLateReferrals, markOverdue, setEscalation, shareCase } from '../referral.queries';
import { EmailNotifications } from '../email/email-notifications';
import { WebhookEvents } from '../webhooks/webhooks';

const SWEEP_BATCH = 500;
/** A sweep stops after this many batches (500,000 referrals) and leaves the rest to the next minute. */
const MAX_BATCHES = 1000;

/** A referral's stored priority (1 for P1 ...) as the SOP names it; an unknown rank counts as the lowest. */
export const priorityOfRank = (rank: number): Priority => PRIORITIES[rank - 1] ?? PRIORITIES[PRIORITIES.length - 1];

/**
 * Where a late referral's escalation stands at `now`, under the SOP it was made with: the steps due and
 * not fired yet (from its escalation level on), the level once they are, and when the next step falls due
 * (the earliest step not fired yet; undefined when none is left).
 */
export function escalationProgress(
  sop: Sop,
  referral: Pick<LateReferralRow, 'priority' | 'due_at' | 'escalation_level'>,
  now: Date,
): { due: ScheduledAlert[]; level: number; next: string | undefined } {
  const priority = priorityOfRank(referral.priority);
  const due = alertsDue(sop, { priority, dueAt: referral.due_at }, now).filter((alert) => alert.step >= referral.escalation_level);
  const level = due.length > 0 ? Math.max(...due.map((a) => a.step)) + 1 : referral.escalation_level;
  const next = escalationSchedule(sop, { priority, dueAt: referral.due_at })
    .filter((alert) => alert.step >= level)
    .map((alert) => alert.at)
    .sort()[0];
  return { due, level, next };
}

/** Who an escalation step alerts: the receiving agency, the sending border point, or the agency the SOP names. */
export function alertRecipient(
  alert: Pick<ScheduledAlert, 'notify' | 'agency'>,
  referral: Pick<LateReferralRow, 'agency_id' | 'border_point_id'>,
): { agencyId: string } | { borderPointId: string } | { agencyNamed: string | null } {
  if (alert.notify === 'RECEIVING_AGENCY_MANAGER') return { agencyId: referral.agency_id };
  if (alert.notify === 'SENDING_BORDER_POINT_SUPERVISOR') return { borderPointId: referral.border_point_id };
  return { agencyNamed: alert.agency };
}

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
    private readonly emails: EmailNotifications,
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
    // When the sweep should look at it again (`next`): the earliest step not fired yet, or never.
    const { due, level, next } = escalationProgress(sop, referral, now);
    let fired = 0;
    for (const alert of due) {
      if (await this.alert(manager, referral, alert)) fired += 1;
    }
    await setEscalation(manager, referral.id, level, next ? new Date(next) : null);
    return fired;
  }

  /** One escalation step: a task on whoever the SOP says is alerted (once per referral and step). */
  private async alert(manager: EntityManager, referral: LateReferralRow, alert: ScheduledAlert): Promise<boolean> {
    let agencyId: string | null = null;
    let borderPointId: string | null = null;
    const recipient = alertRecipient(alert, referral);
    if ('agencyId' in recipient) agencyId = recipient.agencyId;
    else if ('borderPointId' in recipient) borderPointId = recipient.borderPointId;
    else {
      const named = await findAgencyIdNamed(manager, recipient.agencyNamed);
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
    if (agencyId) await this.emails.escalated(manager, agencyId, referral.id, alert.step);
    return true;
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

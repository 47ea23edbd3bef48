import { addDuration } from './duration';
import { Sop } from './sop';
import { EscalationTarget, Priority } from './vocabulary';

export interface ScheduledAlert {
  /** ISO 8601 instant: the due time plus the step's delay. */
  at: string;
  notify: EscalationTarget;
  /** The agency to alert (its name or id as the SOP writes it) for COORDINATING_BODY and AGENCY steps. */
  agency: string | null;
  /** The position of the step in the SOP, to record which steps have fired. */
  step: number;
}

/** When an overdue referral alerts whom, under the SOP: its steps that apply to the referral's priority. */
export function escalationSchedule(sop: Sop, referral: { priority: Priority; dueAt: string | Date }): ScheduledAlert[] {
  const due = typeof referral.dueAt === 'string' ? new Date(referral.dueAt) : referral.dueAt;
  if (Number.isNaN(due.getTime())) throw new RangeError('dueAt is not a valid date');
  return sop.escalation.steps.flatMap((step, index) => {
    if (step.priorities.length > 0 && !step.priorities.includes(referral.priority)) return [];
    const agency = step.notify === 'COORDINATING_BODY' ? sop.escalation.coordinatingBody : (step.agency ?? null);
    return [{ at: addDuration(due, step.after).toISOString(), notify: step.notify, agency, step: index }];
  });
}

/** The alerts due by `now`: what a sweep over overdue referrals fires (the caller skips those already fired). */
export function alertsDue(sop: Sop, referral: { priority: Priority; dueAt: string | Date }, now: Date): ScheduledAlert[] {
  return escalationSchedule(sop, referral).filter((alert) => alert.at <= now.toISOString());
}

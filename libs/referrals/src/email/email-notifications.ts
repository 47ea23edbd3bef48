import { Clock, DomainEventBus, JobName, OutboxService } from '@kivuko/platform';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EmailKind } from './email-templates';
import * as q from './email.queries';

/** How long before its first-contact deadline an unacknowledged referral is e-mailed again. */
export const DEADLINE_SOON_LEAD_MS = 60 * 60 * 1000;

/**
 * When the deadline-soon e-mail goes out: the lead time before the due time, or never when the referral
 * arrives with less than that left (its new-referral e-mail already says when it is due).
 */
export function deadlineSoonAt(dueAt: Date, now: Date): Date | undefined {
  const at = new Date(dueAt.getTime() - DEADLINE_SOON_LEAD_MS);
  return at.getTime() > now.getTime() ? at : undefined;
}

/** The key of one event: a referral is new once, near a given due time once, and escalated once per step. */
export function eventKey(kind: EmailKind, referralId: string, detail?: string | number): string {
  return detail === undefined ? `${kind}:${referralId}` : `${kind}:${referralId}:${detail}`;
}

/**
 * Queues the e-mails of referral events, in the transaction that caused them: one delivery per event and
 * recipient (the agency's duty address, and each of its users who chose the kind), each a job of its own.
 */
@Injectable()
export class EmailNotifications implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.on('referrals.agency-event', async (manager, { agencyId, event, referral }) => {
      if (event === 'referral.created') await this.referralCreated(manager, agencyId, referral.id);
    });
  }

  async referralCreated(manager: EntityManager, agencyId: string, referralId: string): Promise<void> {
    await this.queue(manager, { kind: 'NEW_REFERRAL', agencyId, referralId, eventKey: eventKey('NEW_REFERRAL', referralId), step: null });
    const waiting = await q.findReferralWaiting(manager, referralId);
    const at = waiting ? deadlineSoonAt(new Date(waiting.due_at), this.clock.now()) : undefined;
    if (waiting && at) {
      const dueAt = new Date(waiting.due_at).toISOString();
      await this.outbox.enqueue(manager, JobName.EmailDeadlineSoon, { referralId, dueAt }, { key: `${referralId}-${dueAt}`, runAt: at });
    }
  }

  async escalated(manager: EntityManager, agencyId: string, referralId: string, step: number): Promise<void> {
    await this.queue(manager, { kind: 'ESCALATION', agencyId, referralId, eventKey: eventKey('ESCALATION', referralId, step), step });
  }

  async deadlineSoon(manager: EntityManager, agencyId: string, referralId: string, dueAt: string): Promise<void> {
    await this.queue(manager, { kind: 'DEADLINE_SOON', agencyId, referralId, eventKey: eventKey('DEADLINE_SOON', referralId, dueAt), step: null });
  }

  /** The deliveries of one event; a recipient that already has one for it gets no second. */
  private async queue(manager: EntityManager, event: { kind: EmailKind; agencyId: string; referralId: string; eventKey: string; step: number | null }): Promise<number> {
    let queued = 0;
    for (const recipient of await q.findRecipients(manager, event.agencyId, event.kind)) {
      const id = randomUUID();
      if (!(await q.insertDelivery(manager, { id, recipient, ...event }))) continue;
      await this.outbox.enqueue(manager, JobName.EmailDelivery, { deliveryId: id }, { key: id });
      queued += 1;
    }
    return queued;
  }
}

import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, JobName, OutboxService, Permission, PlatformErrors, permissionsOf, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { ReferralErrors } from '../referrals.errors';
import { DeliveryPageView, DeliveryView, ListDeliveriesQuery } from './email-deliveries.dto';
import { EmailTransport } from './email-transport';
import * as q from './email.queries';

const RESENDABLE: readonly q.DeliveryStatus[] = ['FAILED', 'NOT_SENT'];

/**
 * The duty e-mails as their senders' overseers read them: a system administrator every agency's, an agency's
 * manager their agency's only (in the query, whatever the page asks); and sending one again that failed or was
 * not sent, through the outbox like the first send.
 */
@Injectable()
export class EmailDeliveries {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly transport: EmailTransport,
  ) {}

  async list(actor: Actor, query: ListDeliveriesQuery): Promise<DeliveryPageView> {
    const limit = query.limit ?? 25;
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from.getTime() >= to.getTime()) {
      throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path: 'to', problem: 'must be later than from' }], 'The period ends before it starts');
    }
    const after = query.cursor ? decodeDeliveryCursor(query.cursor) : undefined;
    const filter: q.DeliveryFilter = { agencyId: this.agencyScope(actor), status: query.status, kind: query.kind, from, to };
    return this.uow.run(actorScope(actor), async (manager) => {
      const rows = await q.findDeliveryPage(manager, filter, after, limit + 1);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const items = page.map(deliveryView);
      const status = { emailServerConfigured: this.transport.configured, unsent: await q.countUnsentDeliveries(manager, filter.agencyId) };
      return rows.length > limit && last ? { items, nextCursor: encodeDeliveryCursor(last), ...status } : { items, ...status };
    });
  }

  /**
   * Queues a failed or unsent e-mail again, in one transaction: the delivery's row is locked, so of two resends
   * at once one queues the next send and the other is refused; the job of the new send is a job of its own
   * (the send's number in its id), which the job of an earlier send recognises as not its own.
   */
  async resend(actor: Actor, id: string): Promise<DeliveryView> {
    const agencyId = this.agencyScope(actor);
    return this.uow.run(actorScope(actor), async (manager) => {
      const delivery = await q.lockDelivery(manager, id);
      if (!delivery || (agencyId !== undefined && delivery.agency_id !== agencyId)) throw ReferralErrors.raise('EMAIL_DELIVERY.NOT_FOUND');
      if (!RESENDABLE.includes(delivery.status)) throw ReferralErrors.raise('EMAIL_DELIVERY.NOT_RESENDABLE', undefined, { status: delivery.status });
      const send = await q.requeueDelivery(manager, id);
      await this.outbox.enqueue(manager, JobName.EmailDelivery, { deliveryId: id, send }, { key: `${id}-${send}` });
      await this.audit.record(manager, { action: 'EMAIL_DELIVERY.RESENT', actor, details: { deliveryId: id, agencyId: delivery.agency_id, send } });
      const row = await q.findDeliveryListRow(manager, id);
      if (!row) throw ReferralErrors.raise('EMAIL_DELIVERY.NOT_FOUND');
      return deliveryView(row);
    });
  }

  /** A system administrator reads every agency's deliveries; anyone else (an agency manager) their own agency's. */
  private agencyScope(actor: Actor): string | undefined {
    return permissionsOf(actor.roles).has(Permission.UsersManage) ? undefined : actor.agencyId;
  }
}

function deliveryView(row: q.DeliveryListRow): DeliveryView {
  const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
  return {
    id: row.id,
    kind: row.kind,
    step: row.step,
    caseNumber: row.case_number,
    address: row.address,
    language: row.language,
    status: row.status,
    attempts: row.attempts,
    sends: row.sends,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    lastAttemptAt: iso(row.last_attempt_at),
    sentAt: iso(row.sent_at),
    agency: { id: row.agency_id, name: row.agency_name },
    canResend: RESENDABLE.includes(row.status),
  };
}

export function encodeDeliveryCursor(row: Pick<q.DeliveryListRow, 'created_us' | 'id'>): string {
  return Buffer.from(`${row.created_us}|${row.id}`, 'utf8').toString('base64url');
}

export function decodeDeliveryCursor(cursor: string): { createdUs: string; id: string } {
  const match = /^(\d{1,17})\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path: 'cursor', problem: 'must be the nextCursor of an earlier page' }], 'The cursor is not one this list gave out');
  }
  return { createdUs: match[1], id: match[2] };
}

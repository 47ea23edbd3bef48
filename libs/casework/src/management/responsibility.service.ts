import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, DomainError, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AssignDto, DecideTransferDto, ProposeTransferDto } from './management.dto';
import { requireCase, requireColleague } from './tasks.service';
import { CaseworkErrors } from '../casework.errors';
import {
  acceptTransfer,
  agencyOf,
  currentAssignments,
  endAssignment,
  insertAssignment,
  insertTransfer,
  latestSharingBasis,
  leadWithAgency,
  lockLead,
  lockTransfer,
  markTransferCancelled,
  markTransferDeclined,
  proposedTransfer,
  readTransfer,
  TransferRow,
  transfersOfAgency,
  transfersOfCase,
} from './responsibility.queries';

export interface TransferView {
  id: string;
  caseId: string;
  /** Shown to the receiving agency only once it accepted (before that it may not see the case). */
  caseNumber: string | null;
  fromAgency: { id: string; name: string };
  toAgency: { id: string; name: string };
  reason: string;
  basis: { kind: 'CONSENT' | 'LEGAL_BASIS'; consentId: string; legalBasis: string | null };
  status: 'PROPOSED' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED';
  proposedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface ResponsibilityView {
  lead: { agencyId: string; agencyName: string; since: string; source: 'REFERRAL' | 'TRANSFER' } | null;
  assignments: { agencyId: string; userId: string; displayName: string; since: string }[];
  transfers: TransferView[];
}

const transferView = (r: TransferRow): TransferView => ({
  id: r.id,
  caseId: r.case_id,
  caseNumber: r.case_number,
  fromAgency: { id: r.from_agency_id, name: r.from_name },
  toAgency: { id: r.to_agency_id, name: r.to_name },
  reason: r.reason,
  basis: r.basis,
  status: r.status,
  proposedAt: r.proposed_at.toISOString(),
  decidedAt: r.decided_at?.toISOString() ?? null,
  decisionReason: r.decision_reason,
});

const transferNotFound = (): DomainError => CaseworkErrors.raise('TRANSFER.NOT_FOUND');

/**
 * Who holds the case: the caseworker inside each agency, the agency that leads it, and the transfer of
 * the lead to another agency — proposed by the lead agency with the person's consent or a legal basis
 * for the recipient on record, and accepted (or declined) by the recipient.
 */
@Injectable()
export class ResponsibilityService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  view(actor: Actor, caseId: string): Promise<ResponsibilityView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      await requireCase(manager, caseId);
      const [lead] = await leadWithAgency(manager, caseId);
      const assignments = await currentAssignments(manager, caseId);
      const transfers = await transfersOfCase(manager, caseId);
      return {
        lead: lead ? { agencyId: lead.agency_id, agencyName: lead.name, since: lead.since.toISOString(), source: lead.source } : null,
        assignments: assignments.map((a) => ({ agencyId: a.agency_id, userId: a.user_id, displayName: a.display_name, since: a.assigned_at.toISOString() })),
        transfers: transfers.map(transferView),
      };
    });
  }

  /** Gives the case to a caseworker of the caller's agency (ending the agency's previous assignment). */
  assign(actor: Actor, caseId: string, dto: AssignDto, correlationId?: string): Promise<ResponsibilityView> {
    return this.uow
      .run(actorScope(actor), async (manager) => {
        await requireCase(manager, caseId);
        await requireColleague(manager, actor, dto.userId, 'userId');
        await endAssignment(manager, caseId, actor.agencyId, actor.userId);
        await insertAssignment(manager, randomUUID(), caseId, actor.agencyId, dto.userId, actor.userId);
        await this.audit.record(manager, { action: 'CASE.ASSIGNED', actor, caseId, purpose: 'CASE_WORK', correlationId, details: { userId: dto.userId } });
      })
      .then(() => this.view(actor, caseId));
  }

  /** The lead agency proposes that another agency lead the case; the person's consent (or a legal basis) for that agency must be on record. */
  propose(actor: Actor, caseId: string, dto: ProposeTransferDto, correlationId?: string): Promise<TransferView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      await requireCase(manager, caseId);
      const [lead] = await lockLead(manager, caseId);
      if (!lead || lead.agency_id !== actor.agencyId) throw CaseworkErrors.raise('TRANSFER.NOT_LEAD');
      if (dto.toAgencyId === actor.agencyId) throw CaseworkErrors.badInput('TRANSFER.INVALID', [{ path: 'toAgencyId', problem: 'must be another agency than yours' }]);
      const [recipient] = await agencyOf(manager, dto.toAgencyId);
      if (!recipient || !recipient.active || recipient.kind === 'MONITOR') {
        throw CaseworkErrors.badInput('TRANSFER.INVALID', [{ path: 'toAgencyId', problem: 'must be an active agency that takes cases' }]);
      }
      // Consent (or a recorded legal basis) to share the case with the recipient, for a referral or for data sharing.
      const [basis] = await latestSharingBasis(manager, caseId, recipient.id, recipient.kind);
      if (!basis) {
        throw CaseworkErrors.raise('TRANSFER.NO_CONSENT', undefined, {
          toAgencyId: recipient.id,
        });
      }
      const [open] = await proposedTransfer(manager, caseId);
      if (open) throw CaseworkErrors.raise('TRANSFER.ALREADY_PROPOSED', undefined, { transferId: open.id });
      const id = randomUUID();
      await insertTransfer(manager, id, caseId, actor.agencyId, recipient.id, dto.reason, JSON.stringify({ kind: basis.decision === 'GIVEN' ? 'CONSENT' : 'LEGAL_BASIS', consentId: basis.id, legalBasis: basis.legal_basis }), actor.userId);
      await this.audit.record(manager, { action: 'TRANSFER.PROPOSED', actor, caseId, purpose: 'CASE_WORK', correlationId, details: { transferId: id, toAgencyId: recipient.id } });
      return this.read(manager, id);
    });
  }

  /** Transfers addressed to the caller's agency (incoming) or proposed by it (outgoing), newest first. */
  list(actor: Actor, direction: 'INCOMING' | 'OUTGOING'): Promise<TransferView[]> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const rows = await transfersOfAgency(manager, actor.agencyId, direction);
      return rows.map(transferView);
    });
  }

  accept(actor: Actor, transferId: string, correlationId?: string): Promise<TransferView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const transfer = await this.addressedTo(manager, actor, transferId);
      const [{ case_id: accepted }] = await acceptTransfer(manager, transfer.id, actor.userId);
      if (!accepted) {
        throw CaseworkErrors.raise('TRANSFER.NO_LONGER_VALID');
      }
      await this.audit.record(manager, { action: 'TRANSFER.ACCEPTED', actor, caseId: transfer.case_id, purpose: 'CASE_WORK', correlationId, details: { transferId: transfer.id } });
      return this.read(manager, transfer.id);
    });
  }

  decline(actor: Actor, transferId: string, dto: DecideTransferDto, correlationId?: string): Promise<TransferView> {
    if (!dto.reason) throw CaseworkErrors.badInput('TRANSFER.INVALID', [{ path: 'reason', problem: 'a reason is required to decline' }]);
    return this.uow.run(actorScope(actor), async (manager) => {
      const transfer = await this.addressedTo(manager, actor, transferId);
      await markTransferDeclined(manager, transfer.id, actor.userId, dto.reason);
      await this.audit.record(manager, { action: 'TRANSFER.DECLINED', actor, caseId: transfer.case_id, purpose: 'CASE_WORK', correlationId, details: { transferId: transfer.id } });
      return this.read(manager, transfer.id);
    });
  }

  cancel(actor: Actor, transferId: string, dto: DecideTransferDto, correlationId?: string): Promise<TransferView> {
    if (!dto.reason) throw CaseworkErrors.badInput('TRANSFER.INVALID', [{ path: 'reason', problem: 'a reason is required to cancel' }]);
    return this.uow.run(actorScope(actor), async (manager) => {
      const [transfer] = await lockTransfer(manager, transferId);
      if (!transfer) throw transferNotFound();
      if (transfer.from_agency_id !== actor.agencyId) throw CaseworkErrors.raise('TRANSFER.NOT_YOURS');
      if (transfer.status !== 'PROPOSED') throw CaseworkErrors.raise('TRANSFER.ANSWERED', `This transfer is already ${transfer.status.toLowerCase()}`);
      await markTransferCancelled(manager, transfer.id, actor.userId, dto.reason);
      await this.audit.record(manager, { action: 'TRANSFER.CANCELLED', actor, caseId: transfer.case_id, purpose: 'CASE_WORK', correlationId, details: { transferId: transfer.id } });
      return this.read(manager, transfer.id);
    });
  }

  private async addressedTo(manager: EntityManager, actor: Actor, transferId: string): Promise<TransferRow> {
    const [transfer] = await lockTransfer(manager, transferId);
    if (!transfer) throw transferNotFound();
    if (transfer.to_agency_id !== actor.agencyId) throw CaseworkErrors.raise('TRANSFER.NOT_YOURS', 'Only the receiving agency accepts or declines a transfer');
    if (transfer.status !== 'PROPOSED') throw CaseworkErrors.raise('TRANSFER.ANSWERED', `This transfer is already ${transfer.status.toLowerCase()}`);
    return transfer;
  }

  private async read(manager: EntityManager, id: string): Promise<TransferView> {
    const [row] = await readTransfer(manager, id);
    return transferView(row);
  }
}

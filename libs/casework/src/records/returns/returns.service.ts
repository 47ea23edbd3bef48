import { FieldGroup } from '@kivuko/access';
import { Actor, actorScope, Clock } from '@kivuko/platform';
import { ReturnKind } from '@kivuko/safeguards';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  CancelDto,
  CounsellingSessionDto,
  DepartureDto,
  ExecuteRemovalDto,
  RemovalOrderDto,
  VoluntarinessDto,
  VoluntaryReturnDto,
  VulnerabilityAssessmentDto,
} from './returns.dto';
import { CaseContext, checkVersion, MANDATES, notFound, RecordSupport, Refused } from '../record-support';
import { CaseworkErrors } from '../../casework.errors';
import {
  appendCounsellingSession,
  bumpReturnVersion,
  insertRemovalOrder,
  insertReturn,
  lockPendingRemoval,
  lockRemovalOrder,
  lockReturn,
  lockReturnUnderWay,
  markRemovalCancelled,
  markRemovalExecuted,
  markReturnConfirmed,
  markReturnDeparted,
  markReturnWithdrawn,
  readRemovalOrder,
  readReturn,
  RemovalRow,
  ReturnRow,
  setVulnerabilityAssessment,
} from './returns.queries';

export interface RemovalOrderView {
  id: string;
  decidedOn: string;
  legalBasis: string;
  destinationCountry: string;
  status: 'ORDERED' | 'EXECUTED' | 'CANCELLED';
  executedAt: string | null;
  cancelledOn: string | null;
  cancelReason: string | null;
  agencyId: string;
  version: number;
}

export interface VoluntaryReturnView {
  id: string;
  requestedOn: string;
  destinationCountry: string;
  status: 'REQUESTED' | 'CONFIRMED' | 'DEPARTED' | 'WITHDRAWN';
  counsellingSessions: { heldOn: string; counsellor: string; interpreter: boolean }[];
  voluntarinessConfirmedOn: string | null;
  vulnerabilityAssessment: { assessedOn: string; outcome: string } | null;
  departedAt: string | null;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
  agencyId: string;
  version: number;
}

export const removalOrderView = (r: RemovalRow): RemovalOrderView => ({
  id: r.id,
  decidedOn: r.decided_on,
  legalBasis: r.legal_basis,
  destinationCountry: r.destination_country,
  status: r.status,
  executedAt: r.executed_at?.toISOString() ?? null,
  cancelledOn: r.cancelled_on,
  cancelReason: r.cancel_reason,
  agencyId: r.agency_id,
  version: r.version,
});

export const voluntaryReturnView = (r: ReturnRow): VoluntaryReturnView => ({
  id: r.id,
  requestedOn: r.requested_on,
  destinationCountry: r.destination_country,
  status: r.status,
  counsellingSessions: r.counselling_sessions,
  voluntarinessConfirmedOn: r.voluntariness_confirmed_on,
  vulnerabilityAssessment: r.vulnerability_assessed_on && r.vulnerability_outcome ? { assessedOn: r.vulnerability_assessed_on, outcome: r.vulnerability_outcome } : null,
  departedAt: r.departed_at?.toISOString() ?? null,
  withdrawnOn: r.withdrawn_on,
  withdrawalReason: r.withdrawal_reason,
  agencyId: r.agency_id,
  version: r.version,
});

/**
 * Removal orders (the immigration authority) and assisted voluntary returns (the return agency), both
 * under the non-refoulement lock: ordering or executing a removal, and a return's departure, are refused
 * while any reason of the lock is open, and the refusal is kept for supervisors and the monitor. No
 * override exists.
 */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly support: RecordSupport,
    private readonly clock: Clock,
  ) {}

  orderRemoval(actor: Actor, caseId: string, dto: RemovalOrderDto, correlationId?: string): Promise<RemovalOrderView> {
    return this.support.run(actorScope(actor), async (manager) => {
      const context = await this.support.requireCase(manager, caseId);
      await this.support.requireMandate(manager, actor, MANDATES.removal);
      const refused = await this.lock(manager, actor, context, 'REMOVAL', 'ORDER_REMOVAL', correlationId);
      if (refused) return refused;
      const [open] = await lockPendingRemoval(manager, caseId);
      if (open) throw CaseworkErrors.raise('REMOVAL.ORDER_EXISTS', undefined, { orderId: open.id });
      const id = randomUUID();
      await insertRemovalOrder(manager, id, caseId, actor.agencyId, actor.userId, dto.decidedOn, dto.legalBasis, dto.destinationCountry);
      await this.support.audited(manager, actor, caseId, 'REMOVAL.ORDERED', FieldGroup.RETURN, { orderId: id }, correlationId);
      return this.removal(manager, id);
    });
  }

  executeRemoval(actor: Actor, caseId: string, orderId: string, dto: ExecuteRemovalDto, correlationId?: string): Promise<RemovalOrderView> {
    return this.onRemoval(actor, caseId, orderId, dto.version, async (manager, order, context) => {
      if (order.status !== 'ORDERED') throw CaseworkErrors.raise('REMOVAL.NOT_PENDING', `A ${order.status} removal order cannot be executed`);
      const refused = await this.lock(manager, actor, context, 'REMOVAL', 'EXECUTE_REMOVAL', correlationId);
      if (refused) return refused;
      await markRemovalExecuted(manager, order.id, dto.executedAt);
      await this.support.audited(manager, actor, caseId, 'REMOVAL.EXECUTED', FieldGroup.RETURN, { orderId: order.id }, correlationId);
      return undefined;
    });
  }

  cancelRemoval(actor: Actor, caseId: string, orderId: string, dto: CancelDto, correlationId?: string): Promise<RemovalOrderView> {
    return this.onRemoval(actor, caseId, orderId, dto.version, async (manager, order) => {
      if (order.status !== 'ORDERED') throw CaseworkErrors.raise('REMOVAL.NOT_PENDING', `A ${order.status} removal order cannot be cancelled`);
      await markRemovalCancelled(manager, order.id, dto.on, dto.reason);
      await this.support.audited(manager, actor, caseId, 'REMOVAL.CANCELLED', FieldGroup.RETURN, { orderId: order.id }, correlationId);
      return undefined;
    });
  }

  requestReturn(actor: Actor, caseId: string, dto: VoluntaryReturnDto, correlationId?: string): Promise<VoluntaryReturnView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.support.requireCase(manager, caseId);
      await this.support.requireMandate(manager, actor, MANDATES.voluntaryReturn);
      const [open] = await lockReturnUnderWay(manager, caseId);
      if (open) throw CaseworkErrors.raise('RETURN.REQUEST_EXISTS', undefined, { returnId: open.id });
      const id = randomUUID();
      await insertReturn(manager, id, caseId, actor.agencyId, actor.userId, dto.requestedOn, dto.destinationCountry);
      await this.support.audited(manager, actor, caseId, 'RETURN.REQUESTED', FieldGroup.RETURN, { returnId: id }, correlationId);
      return this.voluntaryReturn(manager, id);
    });
  }

  counsel(actor: Actor, caseId: string, returnId: string, dto: CounsellingSessionDto, correlationId?: string): Promise<VoluntaryReturnView> {
    return this.onReturn(actor, caseId, returnId, dto.version, 'RETURN.COUNSELLED', correlationId, async (manager, row) => {
      this.requireUnderWay(row);
      await this.support.actionDone(manager, actor, caseId, 'PRE_RETURN_COUNSELLING');
      await appendCounsellingSession(manager, row.id, JSON.stringify([{ heldOn: dto.heldOn, counsellor: dto.counsellor, interpreter: dto.interpreter ?? false }]));
    });
  }

  confirmVoluntariness(actor: Actor, caseId: string, returnId: string, dto: VoluntarinessDto, correlationId?: string): Promise<VoluntaryReturnView> {
    return this.onReturn(actor, caseId, returnId, dto.version, 'RETURN.VOLUNTARINESS_CONFIRMED', correlationId, async (manager, row) => {
      this.requireUnderWay(row);
      if (row.counselling_sessions.length === 0) throw CaseworkErrors.raise('RETURN.NOT_COUNSELLED');
      await markReturnConfirmed(manager, row.id, dto.confirmedOn);
      await this.support.actionDone(manager, actor, caseId, 'VOLUNTARINESS_CHECK');
    });
  }

  assessVulnerability(actor: Actor, caseId: string, returnId: string, dto: VulnerabilityAssessmentDto, correlationId?: string): Promise<VoluntaryReturnView> {
    return this.onReturn(actor, caseId, returnId, dto.version, 'RETURN.VULNERABILITY_ASSESSED', correlationId, async (manager, row) => {
      this.requireUnderWay(row);
      await setVulnerabilityAssessment(manager, row.id, dto.assessedOn, dto.outcome);
      await this.support.actionDone(manager, actor, caseId, 'VULNERABILITY_ASSESSMENT');
    });
  }

  /** The person leaves: only once voluntariness is confirmed, the vulnerability assessment raised no protection referral, and the lock is clear. */
  depart(actor: Actor, caseId: string, returnId: string, dto: DepartureDto, correlationId?: string): Promise<VoluntaryReturnView> {
    return this.onReturn(actor, caseId, returnId, dto.version, 'RETURN.DEPARTED', correlationId, async (manager, row, context) => {
      if (row.status !== 'CONFIRMED') throw CaseworkErrors.raise('RETURN.NOT_CONFIRMED', row.status === 'REQUESTED' ? 'Confirm that the return is voluntary first' : `A ${row.status} return cannot depart`);
      if (!row.vulnerability_outcome) throw CaseworkErrors.raise('RETURN.NOT_ASSESSED');
      if (row.vulnerability_outcome === 'REFER_FOR_PROTECTION') throw CaseworkErrors.raise('RETURN.PROTECTION_CONCERN');
      const refused = await this.lock(manager, actor, context, 'VOLUNTARY_RETURN', 'VOLUNTARY_RETURN_DEPARTURE', correlationId);
      if (refused) return refused;
      await markReturnDeparted(manager, row.id, dto.departedAt);
      return undefined;
    });
  }

  /** The person may withdraw at any time before departure. */
  withdraw(actor: Actor, caseId: string, returnId: string, dto: CancelDto, correlationId?: string): Promise<VoluntaryReturnView> {
    return this.onReturn(actor, caseId, returnId, dto.version, 'RETURN.WITHDRAWN', correlationId, async (manager, row) => {
      this.requireUnderWay(row);
      await markReturnWithdrawn(manager, row.id, dto.on, dto.reason);
    });
  }

  private lock(manager: EntityManager, actor: Actor, context: CaseContext, kind: ReturnKind, attempted: string, correlationId?: string): Promise<Refused | undefined> {
    return this.support.refoulementRefusal(manager, actor, context.caseId, kind, attempted, this.clock.now(), correlationId);
  }

  private requireUnderWay(row: ReturnRow): void {
    if (row.status !== 'REQUESTED' && row.status !== 'CONFIRMED') throw CaseworkErrors.raise('RETURN.CLOSED', `This return is ${row.status.toLowerCase()}`);
  }

  private async removal(manager: EntityManager, id: string): Promise<RemovalOrderView> {
    const [row] = await readRemovalOrder(manager, id);
    return removalOrderView(row);
  }

  private async voluntaryReturn(manager: EntityManager, id: string): Promise<VoluntaryReturnView> {
    const [row] = await readReturn(manager, id);
    return voluntaryReturnView(row);
  }

  private onRemoval(
    actor: Actor,
    caseId: string,
    orderId: string,
    version: number | undefined,
    work: (manager: EntityManager, order: RemovalRow, context: CaseContext) => Promise<Refused | undefined>,
  ): Promise<RemovalOrderView> {
    return this.support.run(actorScope(actor), async (manager) => {
      const context = await this.support.requireCase(manager, caseId);
      await this.support.requireMandate(manager, actor, MANDATES.removal);
      const [order] = await lockRemovalOrder(manager, orderId, caseId);
      if (!order) throw notFound('removal order');
      checkVersion(order.version, version, 'removal order');
      const refused = await work(manager, order, context);
      return refused ?? this.removal(manager, order.id);
    });
  }

  private onReturn(
    actor: Actor,
    caseId: string,
    returnId: string,
    version: number | undefined,
    action: string,
    correlationId: string | undefined,
    work: (manager: EntityManager, row: ReturnRow, context: CaseContext) => Promise<Refused | undefined | void>,
  ): Promise<VoluntaryReturnView> {
    return this.support.run(actorScope(actor), async (manager) => {
      const context = await this.support.requireCase(manager, caseId);
      await this.support.requireMandate(manager, actor, MANDATES.voluntaryReturn);
      const [row] = await lockReturn(manager, returnId, caseId);
      if (!row) throw notFound('voluntary return');
      checkVersion(row.version, version, 'voluntary return');
      const refused = await work(manager, row, context);
      if (refused) return refused;
      await bumpReturnVersion(manager, row.id);
      await this.support.audited(manager, actor, caseId, action, FieldGroup.RETURN, { returnId: row.id }, correlationId);
      return this.voluntaryReturn(manager, row.id);
    });
  }
}

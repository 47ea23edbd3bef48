import { AuditService } from '@kivuko/audit';
import { CaseErrors } from '@kivuko/cases';
import { Actor, actorScope, applyScope, systemScope, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloseCaseDto, RecordServiceDto, ReopenCaseDto } from './management.dto';
import { requireCase } from './tasks.service';
import { CaseworkErrors } from '../casework.errors';
import { closableStatusRefusal, openItemsRefusal } from './closure-rules';
import {
  cancelOpenTasks,
  closureOf,
  insertClosure,
  insertServiceDelivery,
  leadOf,
  markCaseClosed,
  markCaseReopened,
  markClosureReopened,
  referralOf,
  servicesOfCase,
  stillOpen,
} from './closure.queries';

export interface ClosureView {
  caseId: string;
  status: string;
  version: number;
  closure: { outcomeCode: string; reason: string; closedAt: string; agencyId: string } | null;
}

export interface ServiceView {
  id: string;
  kind: string;
  provider: string;
  deliveredOn: string;
  note: string | null;
  agencyId: string;
  referralId: string | null;
  recordedAt: string;
}

/**
 * Closing a case (by its lead agency, or by the border point while no agency leads it) with an outcome
 * code and reason, reopening it, and the services delivered — the closed loop: the sending border point
 * sees on its case what was done for the person.
 */
@Injectable()
export class ClosureService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  close(actor: Actor, caseId: string, dto: CloseCaseDto, correlationId?: string): Promise<ClosureView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const current = await requireCase(manager, caseId);
      await this.requireCloser(manager, actor, caseId, current.border_point_id);
      if (dto.version !== undefined && dto.version !== current.version) throw CaseErrors.raise('CASE.VERSION_CONFLICT', `The case changed since version ${dto.version}`, { currentVersion: current.version });
      const notClosable = closableStatusRefusal(current.status);
      if (notClosable) throw notClosable;
      // Every agency's referrals and the person's detention count, not only what the closer may see: counted
      // in a system scope, then back; only the counts leave it (which agencies hold the case is not the closer's to know).
      await applyScope(manager, systemScope('closure: what is still open on the case'));
      const [still] = await stillOpen(manager, caseId);
      await applyScope(manager, actorScope(actor));
      const stillOpenRefusal = openItemsRefusal(dto.outcomeCode, still);
      if (stillOpenRefusal) throw stillOpenRefusal;
      await markCaseClosed(manager, caseId);
      await insertClosure(manager, randomUUID(), caseId, actor.agencyId, actor.userId, dto.outcomeCode, dto.reason);
      await cancelOpenTasks(manager, caseId, actor.userId);
      await this.audit.record(manager, { action: 'CASE.CLOSED', actor, caseId, purpose: 'CASE_WORK', correlationId, details: { outcomeCode: dto.outcomeCode } });
      return this.read(manager, caseId);
    });
  }

  reopen(actor: Actor, caseId: string, dto: ReopenCaseDto, correlationId?: string): Promise<ClosureView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const current = await requireCase(manager, caseId);
      await this.requireCloser(manager, actor, caseId, current.border_point_id);
      if (current.status !== 'CLOSED') throw CaseworkErrors.raise('CASE.NOT_CLOSED');
      await markCaseReopened(manager, caseId);
      await markClosureReopened(manager, caseId, actor.userId, dto.reason);
      await this.audit.record(manager, { action: 'CASE.REOPENED', actor, caseId, purpose: 'CASE_WORK', correlationId });
      return this.read(manager, caseId);
    });
  }

  /** A service delivered; with `referralId`, one answering a referral the caller's agency received. */
  recordService(actor: Actor, caseId: string, dto: RecordServiceDto, correlationId?: string): Promise<ServiceView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      await requireCase(manager, caseId);
      if (dto.referralId) {
        const [referral] = await referralOf(manager, dto.referralId);
        if (!referral || referral.case_id !== caseId || referral.agency_id !== actor.agencyId) {
          throw CaseworkErrors.badInput('SERVICE.INVALID', [{ path: 'referralId', problem: 'must be a referral of this case your agency received' }]);
        }
      }
      const id = randomUUID();
      await insertServiceDelivery(manager, id, caseId, actor.agencyId, dto.referralId ?? null, dto.kind, dto.provider, dto.deliveredOn, dto.note ?? null, actor.userId);
      await this.audit.record(manager, { action: 'SERVICE.DELIVERED', actor, caseId, purpose: 'CASE_WORK', correlationId, details: { serviceId: id, kind: dto.kind } });
      return (await this.services(manager, caseId)).find((s) => s.id === id) as ServiceView;
    });
  }

  listServices(actor: Actor, caseId: string): Promise<ServiceView[]> {
    return this.uow.run(actorScope(actor), async (manager) => {
      await requireCase(manager, caseId);
      return this.services(manager, caseId);
    });
  }

  private async services(manager: EntityManager, caseId: string): Promise<ServiceView[]> {
    const rows = await servicesOfCase(manager, caseId);
    return rows.map((r) => ({ id: r.id, kind: r.kind, provider: r.provider, deliveredOn: r.delivered_on, note: r.note, agencyId: r.agency_id, referralId: r.referral_id, recordedAt: r.recorded_at.toISOString() }));
  }

  /** The lead agency closes; while no agency leads, an official of the border point of arrival does. */
  private async requireCloser(manager: EntityManager, actor: Actor, caseId: string, borderPointId: string): Promise<void> {
    const [lead] = await leadOf(manager, caseId);
    const allowed = lead ? lead.agency_id === actor.agencyId : actor.borderPointIds.includes(borderPointId);
    if (!allowed) {
      throw CaseworkErrors.raise('CASE.NOT_THE_LEAD', lead ? 'Only the agency that leads the case closes or reopens it' : 'While no agency leads the case, the border point of arrival closes or reopens it');
    }
  }

  private async read(manager: EntityManager, caseId: string): Promise<ClosureView> {
    const [row] = await closureOf(manager, caseId);
    return {
      caseId,
      status: row.status,
      version: row.version,
      closure: row.outcome_code && row.reason && row.closed_at && row.agency_id ? { outcomeCode: row.outcome_code, reason: row.reason, closedAt: row.closed_at.toISOString(), agencyId: row.agency_id } : null,
    };
  }
}

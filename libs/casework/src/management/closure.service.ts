import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, applyScope, ConflictError, systemScope, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloseCaseDto, RecordServiceDto, ReopenCaseDto } from './management.dto';
import { requireCase } from './tasks.service';
import { CaseworkErrors } from '../casework.errors';

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
      if (dto.version !== undefined && dto.version !== current.version) throw new ConflictError('CASE.VERSION_CONFLICT', `The case changed since version ${dto.version}`, { currentVersion: current.version });
      if (current.status === 'CLOSED') throw CaseworkErrors.raise('CASE.ALREADY_CLOSED');
      if (current.status === 'INCOMPLETE') throw CaseworkErrors.raise('CASE.INCOMPLETE');
      // Every agency's referrals and the person's detention count, not only what the closer may see: counted
      // in a system scope, then back; only the counts leave it (which agencies hold the case is not the closer's to know).
      await applyScope(manager, systemScope('closure: what is still open on the case'));
      const [still] = await manager.query<{ referrals: number; detentions: number; removals: number; returns: number }[]>(
        `SELECT (SELECT count(*)::int FROM referral WHERE case_id = $1 AND status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')) AS referrals,
                (SELECT count(*)::int FROM detention_episode WHERE case_id = $1 AND ended_at IS NULL) AS detentions,
                (SELECT count(*)::int FROM removal_order WHERE case_id = $1 AND status = 'EXECUTED') AS removals,
                (SELECT count(*)::int FROM voluntary_return WHERE case_id = $1 AND status = 'DEPARTED') AS returns`,
        [caseId],
      );
      await applyScope(manager, actorScope(actor));
      // A removal or a return is closed on only once it happened, through the use cases that check the non-refoulement lock.
      if (dto.outcomeCode === 'REMOVED' && still.removals === 0) throw CaseworkErrors.raise('CASE.NO_REMOVAL');
      if (dto.outcomeCode === 'RETURNED_VOLUNTARILY' && still.returns === 0) throw CaseworkErrors.raise('CASE.NO_RETURN');
      if (still.referrals > 0) {
        throw CaseworkErrors.raise('CASE.OPEN_REFERRALS', `${still.referrals} referral${still.referrals === 1 ? ' is' : 's are'} still open: the agencies complete them, or the border point withdraws them, first`, {
          openReferrals: still.referrals,
        });
      }
      if (still.detentions > 0) throw CaseworkErrors.raise('CASE.DETENTION_OPEN');
      await manager.query(`UPDATE case_file SET status = 'CLOSED', version = version + 1, updated_at = now() WHERE id = $1`, [caseId]);
      await manager.query(`INSERT INTO case_closure (id, case_id, agency_id, closed_by, outcome_code, reason) VALUES ($1, $2, $3, $4, $5, $6)`, [randomUUID(), caseId, actor.agencyId, actor.userId, dto.outcomeCode, dto.reason]);
      await manager.query(`UPDATE case_task SET status = 'CANCELLED', closed_at = now(), closed_by = $2, close_reason = 'Case closed' WHERE case_id = $1 AND status = 'OPEN'`, [caseId, actor.userId]);
      await this.audit.record(manager, { action: 'CASE.CLOSED', actor, caseId, purpose: 'CASE_WORK', correlationId, details: { outcomeCode: dto.outcomeCode } });
      return this.read(manager, caseId);
    });
  }

  reopen(actor: Actor, caseId: string, dto: ReopenCaseDto, correlationId?: string): Promise<ClosureView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const current = await requireCase(manager, caseId);
      await this.requireCloser(manager, actor, caseId, current.border_point_id);
      if (current.status !== 'CLOSED') throw CaseworkErrors.raise('CASE.NOT_CLOSED');
      await manager.query(`UPDATE case_file SET status = 'OPEN', version = version + 1, updated_at = now() WHERE id = $1`, [caseId]);
      await manager.query(`UPDATE case_closure SET reopened_at = now(), reopened_by = $2, reopen_reason = $3 WHERE case_id = $1 AND reopened_at IS NULL`, [caseId, actor.userId, dto.reason]);
      await this.audit.record(manager, { action: 'CASE.REOPENED', actor, caseId, purpose: 'CASE_WORK', correlationId });
      return this.read(manager, caseId);
    });
  }

  /** A service delivered; with `referralId`, one answering a referral the caller's agency received. */
  recordService(actor: Actor, caseId: string, dto: RecordServiceDto, correlationId?: string): Promise<ServiceView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      await requireCase(manager, caseId);
      if (dto.referralId) {
        const [referral] = await manager.query<{ agency_id: string; case_id: string }[]>(`SELECT agency_id, case_id FROM referral WHERE id = $1`, [dto.referralId]);
        if (!referral || referral.case_id !== caseId || referral.agency_id !== actor.agencyId) {
          throw CaseworkErrors.badInput('SERVICE.INVALID', [{ path: 'referralId', problem: 'must be a referral of this case your agency received' }]);
        }
      }
      const id = randomUUID();
      await manager.query(
        `INSERT INTO service_delivery (id, case_id, agency_id, referral_id, kind, provider, delivered_on, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, caseId, actor.agencyId, dto.referralId ?? null, dto.kind, dto.provider, dto.deliveredOn, dto.note ?? null, actor.userId],
      );
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
    const rows = await manager.query<{ id: string; kind: string; provider: string; delivered_on: string; note: string | null; agency_id: string; referral_id: string | null; recorded_at: Date }[]>(
      `SELECT id, kind, provider, to_char(delivered_on, 'YYYY-MM-DD') AS delivered_on, note, agency_id, referral_id, recorded_at FROM service_delivery WHERE case_id = $1 ORDER BY delivered_on, recorded_at`,
      [caseId],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, provider: r.provider, deliveredOn: r.delivered_on, note: r.note, agencyId: r.agency_id, referralId: r.referral_id, recordedAt: r.recorded_at.toISOString() }));
  }

  /** The lead agency closes; while no agency leads, an official of the border point of arrival does. */
  private async requireCloser(manager: EntityManager, actor: Actor, caseId: string, borderPointId: string): Promise<void> {
    const [lead] = await manager.query<{ agency_id: string }[]>(`SELECT agency_id FROM case_lead WHERE case_id = $1`, [caseId]);
    const allowed = lead ? lead.agency_id === actor.agencyId : actor.borderPointIds.includes(borderPointId);
    if (!allowed) {
      throw CaseworkErrors.raise('CASE.NOT_THE_LEAD', lead ? 'Only the agency that leads the case closes or reopens it' : 'While no agency leads the case, the border point of arrival closes or reopens it');
    }
  }

  private async read(manager: EntityManager, caseId: string): Promise<ClosureView> {
    const [row] = await manager.query<{ status: string; version: number; outcome_code: string | null; reason: string | null; closed_at: Date | null; agency_id: string | null }[]>(
      `SELECT c.status, c.version, k.outcome_code, k.reason, k.closed_at, k.agency_id FROM case_file c LEFT JOIN case_closure k ON k.case_id = c.id AND k.reopened_at IS NULL WHERE c.id = $1`,
      [caseId],
    );
    return {
      caseId,
      status: row.status,
      version: row.version,
      closure: row.outcome_code && row.reason && row.closed_at && row.agency_id ? { outcomeCode: row.outcome_code, reason: row.reason, closedAt: row.closed_at.toISOString(), agencyId: row.agency_id } : null,
    };
  }
}

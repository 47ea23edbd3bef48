import { AgencyKind, FIELD_GROUPS, FieldGroup } from '@kivuko/access';
import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, DomainError, DomainEventBus, FieldProblem, Permission, permissionsOf, Role, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CaseErrors } from '../cases.errors';
import { ConsentDecision, ConsentPurpose, LegalBasis, RecordConsentDto, WithdrawConsentDto } from './consent.dto';
import * as q from './consent.queries';
import { ConsentRow } from './consent.queries';

export interface ConsentInterpreter {
  used: boolean;
  language?: string;
  name?: string;
}

export interface ConsentView {
  id: string;
  caseId: string;
  purpose: ConsentPurpose;
  recipientAgencyId: string | null;
  recipientAgencyKind: AgencyKind | null;
  fieldGroups: FieldGroup[];
  decision: ConsentDecision;
  legalBasis: LegalBasis | null;
  reason: string | null;
  language: string | null;
  /** Whether an interpreter helped ask for consent; null when the record does not say. */
  interpreter: ConsentInterpreter | null;
  recordedBy: string;
  recordedByAgencyId: string;
  recordedAt: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawalReason: string | null;
}

const view = (row: ConsentRow): ConsentView => ({
  id: row.id,
  caseId: row.case_id,
  purpose: row.purpose,
  recipientAgencyId: row.recipient_agency_id,
  recipientAgencyKind: row.recipient_agency_kind,
  fieldGroups: row.field_groups,
  decision: row.decision,
  legalBasis: row.legal_basis,
  reason: row.reason,
  language: row.language,
  interpreter: row.interpreter,
  recordedBy: row.recorded_by,
  recordedByAgencyId: row.recorded_by_agency_id,
  recordedAt: row.recorded_at.toISOString(),
  withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
  withdrawnBy: row.withdrawn_by,
  withdrawalReason: row.withdrawal_reason,
});

/** The purposes under which a recipient may receive a case's data. */
export const SHARING_PURPOSES: readonly ConsentPurpose[] = [ConsentPurpose.DATA_SHARING, ConsentPurpose.REFERRAL];

/**
 * Consent as records: given, refused, or a legal basis standing in for it, for a purpose and a recipient,
 * and withdrawn later. What a recipient may see is decided here, on the server, from these records.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly events: DomainEventBus,
  ) {
    // Told, inside the same transaction, whenever a case's consent records change (referrals waiting for consent act on it).
    events.requireHandler('cases.consent-changed', 'referrals held for consent go ahead when it now covers them');
  }

  async record(actor: Actor, caseId: string, dto: RecordConsentDto, correlationId?: string): Promise<ConsentView> {
    const legalBasis = dto.legalBasis !== undefined;
    const problems: FieldProblem[] = [];
    if (dto.recipientAgencyId !== undefined && dto.recipientAgencyKind !== undefined) {
      problems.push({ path: 'recipientAgencyKind', problem: 'give recipientAgencyId or recipientAgencyKind, not both' });
    }
    if (legalBasis && dto.decision !== undefined) {
      problems.push({ path: 'decision', problem: 'a legal basis stands in for a decision: give one or the other' });
    }
    if (dto.interpreter && !dto.interpreter.used) {
      if (dto.interpreter.language !== undefined) problems.push({ path: 'interpreter.language', problem: 'only with an interpreter used' });
      if (dto.interpreter.name !== undefined) problems.push({ path: 'interpreter.name', problem: 'only with an interpreter used' });
    }
    if (problems.length > 0) throw CaseErrors.badInput('CONSENT.INVALID', problems, `The consent record has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}`);
    if (legalBasis && !permissionsOf(actor.roles).has(Permission.ConsentLegalBasis)) {
      await this.audit.recordStandalone({
        action: 'CONSENT.LEGAL_BASIS_REFUSED',
        outcome: 'DENIED',
        actor,
        caseId,
        purpose: dto.purpose,
        correlationId,
        details: { legalBasis: dto.legalBasis as string },
      });
      throw CaseErrors.raise('CONSENT.LEGAL_BASIS_NOT_PERMITTED');
    }
    return this.uow.run(actorScope(actor), async (manager) => {
      await this.requireCase(manager, caseId);
      if (dto.recipientAgencyId) {
        if (!(await q.agencyExists(manager, dto.recipientAgencyId))) throw CaseErrors.badInput('CONSENT.INVALID', [{ path: 'recipientAgencyId', problem: 'no agency has this id' }], 'The recipient agency does not exist');
      }
      const id = randomUUID();
      const row = await q.insertConsent(manager, {
        id,
        caseId,
        purpose: dto.purpose,
        recipientAgencyId: dto.recipientAgencyId ?? null,
        recipientAgencyKind: dto.recipientAgencyKind ?? null,
        fieldGroups: dto.fieldGroups ?? [],
        decision: legalBasis ? ConsentDecision.LegalBasis : dto.decision,
        legalBasis: dto.legalBasis ?? null,
        reason: dto.reason ?? null,
        language: dto.language ?? null,
        interpreter: dto.interpreter ? JSON.stringify(interpreterOf(dto.interpreter)) : null,
        recordedBy: actor.userId,
        recordedByAgencyId: actor.agencyId,
      });
      await this.audit.record(manager, {
        action: legalBasis ? 'CONSENT.LEGAL_BASIS_RECORDED' : 'CONSENT.RECORDED',
        actor,
        caseId,
        purpose: dto.purpose,
        fieldGroups: dto.fieldGroups ?? [],
        correlationId,
        details: {
          consentId: id,
          decision: row.decision,
          ...(dto.legalBasis ? { legalBasis: dto.legalBasis } : {}),
          ...(dto.interpreter ? { interpreterUsed: dto.interpreter.used, ...(dto.interpreter.language ? { interpreterLanguage: dto.interpreter.language } : {}) } : {}),
        },
      });
      await this.events.publish(manager, 'cases.consent-changed', { caseId, actor });
      return view(row);
    });
  }

  async withdraw(actor: Actor, caseId: string, consentId: string, dto: WithdrawConsentDto, correlationId?: string): Promise<ConsentView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      await this.requireCase(manager, caseId);
      const current = await q.lockConsent(manager, consentId, caseId);
      if (!current) throw CaseErrors.raise('CONSENT.NOT_FOUND');
      if (current.decision === ConsentDecision.Refused) {
        throw CaseErrors.raise('CONSENT.NOT_WITHDRAWABLE');
      }
      if (current.decision === ConsentDecision.LegalBasis && !permissionsOf(actor.roles).has(Permission.ConsentLegalBasis)) {
        throw CaseErrors.raise('CONSENT.LEGAL_BASIS_NOT_PERMITTED');
      }
      if (!(await this.mayWithdraw(manager, actor, caseId, current))) throw CaseErrors.raise('CONSENT.NOT_YOURS_TO_WITHDRAW');
      if (current.withdrawn_at) throw CaseErrors.raise('CONSENT.ALREADY_WITHDRAWN');
      const row = await q.withdrawConsent(manager, consentId, actor.userId, dto.reason ?? null);
      await this.audit.record(manager, {
        action: 'CONSENT.WITHDRAWN',
        actor,
        caseId,
        purpose: row.purpose,
        fieldGroups: row.field_groups,
        correlationId,
        details: { consentId },
      });
      await this.events.publish(manager, 'cases.consent-changed', { caseId, actor });
      return view(row);
    });
  }

  async list(actor: Actor, caseId: string): Promise<ConsentView[]> {
    return this.uow.run(actorScope(actor), async (manager) => {
      await this.requireCase(manager, caseId);
      const rows = await q.consentsOf(manager, caseId);
      return rows.map(view);
    });
  }

  /**
   * A consent recorded for another agency than the caller's is withdrawn only by the agency that recorded
   * it, an official of the case's border point of arrival, the agency that leads the case, or a
   * supervisor; a recipient may always give up a consent recorded for itself.
   */
  private async mayWithdraw(manager: EntityManager, actor: Actor, caseId: string, consent: ConsentRow): Promise<boolean> {
    if (consent.recorded_by_agency_id === actor.agencyId || consent.recipient_agency_id === actor.agencyId || actor.roles.includes(Role.Supervisor)) return true;
    const row = await q.caseOwners(manager, caseId);
    return row !== undefined && (actor.borderPointIds.includes(row.border_point_id) || row.lead_agency_id === actor.agencyId);
  }

  private async requireCase(manager: EntityManager, caseId: string): Promise<void> {
    if (!(await q.caseExists(manager, caseId))) throw caseNotFound();
  }
}

/** The interpreter as stored: the fields given, nothing else (a class instance's extra keys never reach the column). */
const interpreterOf = (dto: NonNullable<RecordConsentDto['interpreter']>): ConsentInterpreter => ({
  used: dto.used,
  ...(dto.language !== undefined ? { language: dto.language } : {}),
  ...(dto.name !== undefined ? { name: dto.name.trim() } : {}),
});

export const caseNotFound = (): DomainError => CaseErrors.raise('CASE.NOT_FOUND');

/**
 * The field groups a recipient has consent (or a recorded legal basis) for, from the case's records in
 * the order they were made: a later refusal takes back what an earlier consent gave. A record naming
 * no field groups covers them all.
 */
export async function consentedGroups(manager: EntityManager, caseId: string, agencyId: string, agencyKind: AgencyKind): Promise<FieldGroup[]> {
  const rows = await q.sharingConsents(manager, caseId, SHARING_PURPOSES, agencyId, agencyKind);
  const granted = new Set<FieldGroup>();
  for (const row of rows) {
    const groups = row.field_groups.length > 0 ? row.field_groups : FIELD_GROUPS;
    if (row.decision === ConsentDecision.Refused) groups.forEach((g) => granted.delete(g));
    else if (!row.withdrawn_at) groups.forEach((g) => granted.add(g));
  }
  return [...granted];
}

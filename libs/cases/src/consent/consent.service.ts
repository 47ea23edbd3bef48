import { AgencyKind, FIELD_GROUPS, FieldGroup } from '@kivuko/access';
import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, BadInputError, ConflictError, FieldProblem, DomainError, NotFoundError, Permission, permissionsOf, Role, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ConsentDecision, ConsentPurpose, LegalBasis, RecordConsentDto, WithdrawConsentDto } from './consent.dto';

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

interface ConsentRow {
  id: string;
  case_id: string;
  purpose: ConsentPurpose;
  recipient_agency_id: string | null;
  recipient_agency_kind: AgencyKind | null;
  field_groups: FieldGroup[];
  decision: ConsentDecision;
  legal_basis: LegalBasis | null;
  reason: string | null;
  language: string | null;
  interpreter: ConsentInterpreter | null;
  recorded_by: string;
  recorded_by_agency_id: string;
  recorded_at: Date;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
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

export class LegalBasisNotPermittedError extends DomainError {
  constructor() {
    super(
      'CONSENT.LEGAL_BASIS_NOT_PERMITTED',
      'FORBIDDEN',
      'Recording a legal basis in place of consent needs the CONSENT_LEGAL_BASIS permission (supervisors and agency managers)',
    );
  }
}

export class NotYoursToWithdrawError extends DomainError {
  constructor() {
    super(
      'CONSENT.NOT_YOURS_TO_WITHDRAW',
      'FORBIDDEN',
      'A consent recorded for another agency is withdrawn only by the agency that recorded it, an official of the border point of arrival, the lead agency or a supervisor',
    );
  }
}

/**
 * Consent as records: given, refused, or a legal basis standing in for it, for a purpose and a recipient,
 * and withdrawn later. What a recipient may see is decided here, on the server, from these records.
 */
/** Told, inside the same transaction, whenever a case's consent records change (referrals waiting for consent act on it). */
export interface ConsentListener {
  consentChanged(manager: EntityManager, caseId: string, actor: Actor): Promise<void>;
}

@Injectable()
export class ConsentService {
  private readonly listeners: ConsentListener[] = [];

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  addListener(listener: ConsentListener): void {
    this.listeners.push(listener);
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
    if (problems.length > 0) throw new BadInputError('CONSENT.INVALID', `The consent record has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}`, problems);
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
      throw new LegalBasisNotPermittedError();
    }
    return this.uow.run(actorScope(actor), async (manager) => {
      await this.requireCase(manager, caseId);
      if (dto.recipientAgencyId) {
        const agency = await manager.query<unknown[]>(`SELECT 1 FROM agency WHERE id = $1`, [dto.recipientAgencyId]);
        if (agency.length === 0) throw new BadInputError('CONSENT.INVALID', 'The recipient agency does not exist', [{ path: 'recipientAgencyId', problem: 'no agency has this id' }]);
      }
      const id = randomUUID();
      const [row] = await manager.query<ConsentRow[]>(
        `INSERT INTO consent_record (id, case_id, purpose, recipient_agency_id, recipient_agency_kind, field_groups, decision, legal_basis,
           reason, language, interpreter, recorded_by, recorded_by_agency_id)
         VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $10, $11::jsonb, $12, $13) RETURNING *`,
        [
          id,
          caseId,
          dto.purpose,
          dto.recipientAgencyId ?? null,
          dto.recipientAgencyKind ?? null,
          dto.fieldGroups ?? [],
          legalBasis ? ConsentDecision.LegalBasis : dto.decision,
          dto.legalBasis ?? null,
          dto.reason ?? null,
          dto.language ?? null,
          dto.interpreter ? JSON.stringify(interpreterOf(dto.interpreter)) : null,
          actor.userId,
          actor.agencyId,
        ],
      );
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
      for (const listener of this.listeners) await listener.consentChanged(manager, caseId, actor);
      return view(row);
    });
  }

  async withdraw(actor: Actor, caseId: string, consentId: string, dto: WithdrawConsentDto, correlationId?: string): Promise<ConsentView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      await this.requireCase(manager, caseId);
      const [current] = await manager.query<ConsentRow[]>(`SELECT * FROM consent_record WHERE id = $1 AND case_id = $2 FOR UPDATE`, [consentId, caseId]);
      if (!current) throw new NotFoundError('CONSENT.NOT_FOUND', 'This case has no consent record with this id');
      if (current.decision === ConsentDecision.Refused) {
        throw new ConflictError('CONSENT.NOT_WITHDRAWABLE', 'A refusal is not withdrawn: record the consent given instead');
      }
      if (current.decision === ConsentDecision.LegalBasis && !permissionsOf(actor.roles).has(Permission.ConsentLegalBasis)) {
        throw new LegalBasisNotPermittedError();
      }
      if (!(await this.mayWithdraw(manager, actor, caseId, current))) throw new NotYoursToWithdrawError();
      if (current.withdrawn_at) throw new ConflictError('CONSENT.ALREADY_WITHDRAWN', 'This consent was already withdrawn');
      // An UPDATE answers [rows, affected count].
      const [[row]] = await manager.query<[ConsentRow[], number]>(
        `UPDATE consent_record SET withdrawn_at = now(), withdrawn_by = $2, withdrawal_reason = $3 WHERE id = $1 RETURNING *`,
        [consentId, actor.userId, dto.reason ?? null],
      );
      await this.audit.record(manager, {
        action: 'CONSENT.WITHDRAWN',
        actor,
        caseId,
        purpose: row.purpose,
        fieldGroups: row.field_groups,
        correlationId,
        details: { consentId },
      });
      for (const listener of this.listeners) await listener.consentChanged(manager, caseId, actor);
      return view(row);
    });
  }

  async list(actor: Actor, caseId: string): Promise<ConsentView[]> {
    return this.uow.run(actorScope(actor), async (manager) => {
      await this.requireCase(manager, caseId);
      const rows = await manager.query<ConsentRow[]>(`SELECT * FROM consent_record WHERE case_id = $1 ORDER BY recorded_at, id`, [caseId]);
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
    const [row] = await manager.query<{ border_point_id: string; lead_agency_id: string | null }[]>(
      `SELECT c.border_point_id, (SELECT l.agency_id FROM case_lead l WHERE l.case_id = c.id) AS lead_agency_id FROM case_file c WHERE c.id = $1`,
      [caseId],
    );
    return row !== undefined && (actor.borderPointIds.includes(row.border_point_id) || row.lead_agency_id === actor.agencyId);
  }

  private async requireCase(manager: EntityManager, caseId: string): Promise<void> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM case_file WHERE id = $1`, [caseId]);
    if (rows.length === 0) throw caseNotFound();
  }
}

/** The interpreter as stored: the fields given, nothing else (a class instance's extra keys never reach the column). */
const interpreterOf = (dto: NonNullable<RecordConsentDto['interpreter']>): ConsentInterpreter => ({
  used: dto.used,
  ...(dto.language !== undefined ? { language: dto.language } : {}),
  ...(dto.name !== undefined ? { name: dto.name.trim() } : {}),
});

export const caseNotFound = (): NotFoundError => new NotFoundError('CASE.NOT_FOUND', 'No case with this id is visible to you');

/**
 * The field groups a recipient has consent (or a recorded legal basis) for, from the case's records in
 * the order they were made: a later refusal takes back what an earlier consent gave. A record naming
 * no field groups covers them all.
 */
export async function consentedGroups(manager: EntityManager, caseId: string, agencyId: string, agencyKind: AgencyKind): Promise<FieldGroup[]> {
  const rows = await manager.query<Pick<ConsentRow, 'decision' | 'field_groups' | 'withdrawn_at'>[]>(
    `SELECT decision, field_groups, withdrawn_at FROM consent_record
     WHERE case_id = $1 AND purpose = ANY ($2::text[]) AND (recipient_agency_id = $3 OR recipient_agency_kind = $4)
     ORDER BY recorded_at, id`,
    [caseId, SHARING_PURPOSES, agencyId, agencyKind],
  );
  const granted = new Set<FieldGroup>();
  for (const row of rows) {
    const groups = row.field_groups.length > 0 ? row.field_groups : FIELD_GROUPS;
    if (row.decision === ConsentDecision.Refused) groups.forEach((g) => granted.delete(g));
    else if (!row.withdrawn_at) groups.forEach((g) => granted.add(g));
  }
  return [...granted];
}

import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, PlatformErrors, UnitOfWork } from '@kivuko/platform';
import { CaseErrors } from './cases.errors';
import { maskMatchReasons, MatchReason } from '@kivuko/matching';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { caseNotFound } from './consent/consent.service';
import { decodeCursor, encodeCursor } from './case-query.service';
import { EncounterStatus } from './intake.enums';
import * as q from './encounter.queries';
import { ComparedRecordRow, EncounterRow } from './encounter.queries';
import { ComparedRecordDto, EncounterComparisonDto } from './dto/encounter-comparison.dto';
import { requireOwnBorderPoint } from './border-point-guard';

export interface EncounterView {
  id: string;
  caseId: string;
  caseNumber: string;
  matchedCaseId: string;
  matchedCaseNumber: string;
  score: number;
  reasons: MatchReason[];
  status: EncounterStatus;
  foundAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

const view = (row: EncounterRow): EncounterView => ({
  id: row.id,
  caseId: row.case_id,
  caseNumber: row.case_number,
  matchedCaseId: row.matched_case_id,
  matchedCaseNumber: row.matched_case_number,
  score: row.score,
  // The earlier record is often at a border point the reader cannot see: its document number is masked.
  reasons: maskMatchReasons(row.reasons),
  status: row.status,
  foundAt: row.found_at.toISOString(),
  decidedBy: row.decided_by,
  decidedAt: row.decided_at?.toISOString() ?? null,
  decisionReason: row.decision_reason,
});

const compared = (row: ComparedRecordRow): ComparedRecordDto => ({
  caseId: row.case_id,
  caseNumber: row.case_number,
  givenName: row.given_name,
  familyName: row.family_name,
  otherNames: row.other_names,
  sex: row.sex,
  dateOfBirth: row.date_of_birth,
  dateOfBirthEstimated: row.date_of_birth_estimated,
  statedAge: row.stated_age,
  nationalities: row.nationalities,
  languages: row.languages,
  borderPoint: { id: row.border_point_id, code: row.border_point_code, name: row.border_point_name },
  arrivedAt: row.arrived_at.toISOString(),
  registeredAt: row.registered_at.toISOString(),
  documents: row.documents,
});

/**
 * A supervisor's review of possible previous encounters: link (the same person: the new arrival joins
 * their history) or dismiss (a different person). Nothing is ever merged, and nothing automatically.
 */
@Injectable()
export class EncounterReviewService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** Encounters of cases registered at the caller's border points, newest first; `status` defaults to PENDING (the review queue). */
  async list(actor: Actor, status: EncounterStatus = EncounterStatus.Pending, limit = 25, cursor?: string): Promise<{ items: EncounterView[]; nextCursor?: string }> {
    const after = cursor ? decodeCursor(cursor) : undefined;
    return this.uow.run(actorScope(actor), async (manager) => {
      const rows = await q.encountersAt(manager, status, actor.borderPointIds, limit + 1, after);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return rows.length > limit && last ? { items: page.map(view), nextCursor: encodeCursor(last.found_at, last.id) } : { items: page.map(view) };
    });
  }

  /**
   * Both records of one encounter side by side: the identity fields deciding it needs, the earlier record's too
   * when it was registered at a border point outside the caller's. Only for an encounter whose new arrival is at
   * one of the caller's border points (else 404, as for a case row-level security hides); the read of the other
   * record is audited on that record, for the duplicate review.
   */
  async compare(actor: Actor, encounterId: string, correlationId?: string): Promise<EncounterComparisonDto> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const rows = await q.encounterComparison(manager, encounterId);
      const own = rows.find((row) => row.side === 'NEW');
      const other = rows.find((row) => row.side === 'EARLIER');
      if (!own || !other) throw CaseErrors.raise('ENCOUNTER.NOT_FOUND');
      await this.audit.record(manager, {
        action: 'CASE.READ',
        actor,
        caseId: other.case_id,
        fieldGroups: ['IDENTITY'],
        purpose: 'DUPLICATE_REVIEW',
        correlationId,
        details: { encounterId, comparedWith: own.case_id },
      });
      return { encounterId, newRecord: compared(own), earlierRecord: compared(other) };
    });
  }

  async link(actor: Actor, caseId: string, encounterId: string, reason: string | undefined, correlationId?: string): Promise<EncounterView> {
    return this.decide(actor, caseId, encounterId, EncounterStatus.Linked, reason, correlationId, async (manager, row) => {
      const { from, to } = await q.identitiesOf(manager, row.case_id, row.matched_case_id);
      await q.linkIdentities(manager, from, to);
    });
  }

  async dismiss(actor: Actor, caseId: string, encounterId: string, reason: string | undefined, correlationId?: string): Promise<EncounterView> {
    if (!reason || reason.trim().length === 0) {
      throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [
        { path: 'reason', problem: 'reason is required to dismiss' },
      ], 'Dismissing a possible encounter needs a reason');
    }
    return this.decide(actor, caseId, encounterId, EncounterStatus.Dismissed, reason, correlationId, async () => undefined);
  }

  private decide(
    actor: Actor,
    caseId: string,
    encounterId: string,
    status: EncounterStatus,
    reason: string | undefined,
    correlationId: string | undefined,
    effect: (manager: EntityManager, row: EncounterRow) => Promise<void>,
  ): Promise<EncounterView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const visible = await q.borderPointOfCase(manager, caseId);
      if (!visible) throw caseNotFound();
      requireOwnBorderPoint(actor, visible.border_point_id);
      const row = await q.lockEncounter(manager, encounterId, caseId);
      if (!row) throw CaseErrors.raise('ENCOUNTER.NOT_FOUND');
      if (row.status !== EncounterStatus.Pending) {
        throw CaseErrors.raise('ENCOUNTER.ALREADY_DECIDED', `This possible encounter was already ${row.status.toLowerCase()}`, { status: row.status });
      }
      await effect(manager, row);
      const updated = await q.decideEncounter(manager, encounterId, status, actor.userId, reason ?? null);
      await this.audit.record(manager, {
        action: status === EncounterStatus.Linked ? 'ENCOUNTER.LINKED' : 'ENCOUNTER.DISMISSED',
        actor,
        caseId,
        fieldGroups: ['IDENTITY'],
        purpose: 'DUPLICATE_REVIEW',
        correlationId,
        details: { encounterId, matchedCaseId: row.matched_case_id },
      });
      return view({ ...row, status, decided_by: actor.userId, decided_at: updated.decided_at, decision_reason: reason ?? null });
    });
  }
}

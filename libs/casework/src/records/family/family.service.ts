import { FieldGroup } from '@kivuko/access';
import { Actor, actorScope, Clock } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CarePlacementDto, EndCarePlacementDto, OpenTracingDto, ProposeReunificationDto, ReunificationOutcomeDto, StopTracingDto, TracingOutcomeDto } from './family.dto';
import { checkVersion, MANDATES, notFound, RecordSupport } from '../record-support';
import { CaseworkErrors } from '../../casework.errors';

export interface TracingView {
  id: string;
  soughtRelatives: { relationship: string; name?: string; lastKnownLocation?: string }[];
  consentBasis: { kind: 'CONSENT' | 'LEGAL_BASIS'; consentId: string; legalBasis: string | null };
  status: 'OPEN' | 'LOCATED' | 'NOT_FOUND' | 'STOPPED';
  endangers: boolean;
  stopReason: string | null;
  concludedOn: string | null;
  agencyId: string;
  version: number;
}

export interface ReunificationView {
  id: string;
  relative: { relationship: string; name: string; country: string };
  abroad: boolean;
  relationshipVerified: boolean;
  childConsent: boolean;
  tracingId: string | null;
  status: 'PROPOSED' | 'REUNIFIED' | 'NOT_IN_BEST_INTERESTS' | 'WITHDRAWN';
  outcomeOn: string | null;
  agencyId: string;
  version: number;
}

export interface CarePlacementView {
  id: string;
  kind: string;
  provider: string;
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
  agencyId: string;
}

export const TRACING_COLUMNS = `id, sought_relatives, consent_basis, status, endangers, stop_reason, to_char(concluded_on, 'YYYY-MM-DD') AS concluded_on, agency_id, version`;
export const REUNIFICATION_COLUMNS = `id, relative, abroad, relationship_verified, child_consent, tracing_id, status, to_char(outcome_on, 'YYYY-MM-DD') AS outcome_on, agency_id, version`;
export const PLACEMENT_COLUMNS = `id, kind, provider, to_char(started_on, 'YYYY-MM-DD') AS started_on, to_char(ended_on, 'YYYY-MM-DD') AS ended_on, end_reason, agency_id`;

interface TracingRow {
  id: string;
  sought_relatives: TracingView['soughtRelatives'];
  consent_basis: TracingView['consentBasis'];
  status: TracingView['status'];
  endangers: boolean;
  stop_reason: string | null;
  concluded_on: string | null;
  agency_id: string;
  version: number;
}
interface ReunificationRow {
  id: string;
  relative: ReunificationView['relative'];
  abroad: boolean;
  relationship_verified: boolean;
  child_consent: boolean;
  tracing_id: string | null;
  status: ReunificationView['status'];
  outcome_on: string | null;
  agency_id: string;
  version: number;
}
interface PlacementRow {
  id: string;
  kind: string;
  provider: string;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  agency_id: string;
}

export const tracingView = (r: TracingRow): TracingView => ({
  id: r.id,
  soughtRelatives: r.sought_relatives,
  consentBasis: r.consent_basis,
  status: r.status,
  endangers: r.endangers,
  stopReason: r.stop_reason,
  concludedOn: r.concluded_on,
  agencyId: r.agency_id,
  version: r.version,
});
export const reunificationView = (r: ReunificationRow): ReunificationView => ({
  id: r.id,
  relative: r.relative,
  abroad: r.abroad,
  relationshipVerified: r.relationship_verified,
  childConsent: r.child_consent,
  tracingId: r.tracing_id,
  status: r.status,
  outcomeOn: r.outcome_on,
  agencyId: r.agency_id,
  version: r.version,
});
export const placementView = (r: PlacementRow): CarePlacementView => ({
  id: r.id,
  kind: r.kind,
  provider: r.provider,
  startedOn: r.started_on,
  endedOn: r.ended_on,
  endReason: r.end_reason,
  agencyId: r.agency_id,
});

/**
 * Family tracing (only with the family-tracing consent or a legal basis on record, and stopped for good by
 * a "tracing could endanger" finding), family reunification (a reunion needs a verified relationship and
 * the child's consent; one abroad needs a best-interests determination for it) and interim care.
 */
@Injectable()
export class FamilyService {
  constructor(
    private readonly support: RecordSupport,
    private readonly clock: Clock,
  ) {}

  openTracing(actor: Actor, caseId: string, dto: OpenTracingDto, correlationId?: string): Promise<TracingView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const [kind] = await manager.query<{ kind: string }[]>(`SELECT kind FROM agency WHERE id = $1`, [actor.agencyId]);
      const [basis] = await manager.query<{ id: string; decision: string; legal_basis: string | null }[]>(
        `SELECT id, decision, legal_basis FROM consent_record
         WHERE case_id = $1 AND purpose = 'FAMILY_TRACING' AND withdrawn_at IS NULL AND decision IN ('GIVEN', 'LEGAL_BASIS')
           AND (recipient_agency_id = $2 OR recipient_agency_kind = $3) ORDER BY recorded_at DESC LIMIT 1`,
        [caseId, actor.agencyId, kind.kind],
      );
      if (!basis) throw CaseworkErrors.raise('TRACING.NO_CONSENT');
      const [stopped] = await manager.query<{ id: string }[]>(`SELECT id FROM family_tracing WHERE case_id = $1 AND endangers`, [caseId]);
      if (stopped) throw CaseworkErrors.raise('TRACING.ENDANGERS', undefined, { tracingId: stopped.id });
      const id = randomUUID();
      await manager.query(`INSERT INTO family_tracing (id, case_id, agency_id, recorded_by, sought_relatives, consent_basis) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`, [
        id,
        caseId,
        actor.agencyId,
        actor.userId,
        JSON.stringify(dto.soughtRelatives),
        JSON.stringify({ kind: basis.decision === 'GIVEN' ? 'CONSENT' : 'LEGAL_BASIS', consentId: basis.id, legalBasis: basis.legal_basis }),
      ]);
      await this.support.audited(manager, actor, caseId, 'CHILD.TRACING_OPENED', FieldGroup.Child, { tracingId: id }, correlationId);
      await this.support.actionDone(manager, actor, caseId, 'START_FAMILY_TRACING');
      return this.tracing(manager, id);
    });
  }

  stopTracing(actor: Actor, caseId: string, tracingId: string, dto: StopTracingDto, correlationId?: string): Promise<TracingView> {
    return this.onTracing(actor, caseId, tracingId, dto.version, async (manager, row) => {
      if (row.status !== 'OPEN') throw CaseworkErrors.raise('TRACING.CLOSED', `This tracing is ${row.status.toLowerCase()}`);
      await manager.query(`UPDATE family_tracing SET status = 'STOPPED', endangers = true, stop_reason = $2 WHERE id = $1`, [row.id, dto.reason]);
      await this.support.audited(manager, actor, caseId, 'CHILD.TRACING_STOPPED', FieldGroup.Child, { tracingId: row.id }, correlationId);
      // "Unless tracing endangers": the SOP's action is answered by the finding that it does.
      await this.support.actionDone(manager, actor, caseId, 'START_FAMILY_TRACING');
    });
  }

  concludeTracing(actor: Actor, caseId: string, tracingId: string, dto: TracingOutcomeDto, correlationId?: string): Promise<TracingView> {
    return this.onTracing(actor, caseId, tracingId, dto.version, async (manager, row) => {
      if (row.status !== 'OPEN') throw CaseworkErrors.raise('TRACING.CLOSED', `This tracing is ${row.status.toLowerCase()}`);
      await manager.query(`UPDATE family_tracing SET status = $2, concluded_on = $3 WHERE id = $1`, [row.id, dto.status, dto.on]);
      await this.support.audited(manager, actor, caseId, `CHILD.TRACING_${dto.status}`, FieldGroup.Child, { tracingId: row.id }, correlationId);
    });
  }

  proposeReunification(actor: Actor, caseId: string, dto: ProposeReunificationDto, correlationId?: string): Promise<ReunificationView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      if (dto.tracingId) {
        const [tracing] = await manager.query<{ status: string }[]>(`SELECT status FROM family_tracing WHERE id = $1 AND case_id = $2`, [dto.tracingId, caseId]);
        if (!tracing || tracing.status !== 'LOCATED') {
          throw CaseworkErrors.badInput('CHILD.INVALID', [{ path: 'tracingId', problem: 'must be a tracing request of this case that located the relative' }]);
        }
      }
      const id = randomUUID();
      await manager.query(
        `INSERT INTO family_reunification (id, case_id, agency_id, recorded_by, relative, abroad, relationship_verified, child_consent, tracing_id) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
        [id, caseId, actor.agencyId, actor.userId, JSON.stringify(dto.relative), dto.abroad, dto.relationshipVerified, dto.childConsent, dto.tracingId ?? null],
      );
      await this.support.audited(manager, actor, caseId, 'CHILD.REUNIFICATION_PROPOSED', FieldGroup.Child, { reunificationId: id }, correlationId);
      return this.reunification(manager, id);
    });
  }

  concludeReunification(actor: Actor, caseId: string, reunificationId: string, dto: ReunificationOutcomeDto, correlationId?: string): Promise<ReunificationView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const [row] = await manager.query<ReunificationRow[]>(`SELECT ${REUNIFICATION_COLUMNS} FROM family_reunification WHERE id = $1 AND case_id = $2 FOR UPDATE`, [reunificationId, caseId]);
      if (!row) throw notFound('family reunification');
      checkVersion(row.version, dto.version, 'family reunification');
      if (row.status !== 'PROPOSED') throw CaseworkErrors.raise('REUNIFICATION.CONCLUDED', `This reunification is already ${row.status.toLowerCase().replace(/_/g, ' ')}`);
      if (dto.status === 'REUNIFIED') {
        const missing = [...(row.relationship_verified ? [] : ['a verified relationship']), ...(row.child_consent ? [] : ["the child's consent"])];
        if (missing.length > 0) throw CaseworkErrors.raise('REUNIFICATION.NOT_READY', `A reunion needs ${missing.join(' and ')}`, { missing });
        if (row.abroad) {
          const [bid] = await manager.query<{ decision: string }[]>(
            `SELECT decision FROM best_interests_procedure WHERE case_id = $1 AND kind = 'BID' AND completed_on IS NOT NULL ORDER BY completed_on DESC, created_at DESC LIMIT 1`,
            [caseId],
          );
          if (!bid || (bid.decision !== 'FAMILY_REUNIFICATION_ABROAD' && bid.decision !== 'RETURN_TO_COUNTRY_OF_ORIGIN')) {
            throw CaseworkErrors.raise('REUNIFICATION.NO_BID');
          }
          // The child leaves the country: the non-refoulement lock applies (a pending claim, a flag, ...).
          const refused = await this.support.refoulementRefusal(manager, actor, caseId, 'FAMILY_REUNIFICATION_ABROAD', 'FAMILY_REUNIFICATION_ABROAD', this.clock.now(), correlationId);
          if (refused) return refused;
        }
      }
      await manager.query(`UPDATE family_reunification SET status = $2, outcome_on = $3, version = version + 1, updated_at = now() WHERE id = $1`, [row.id, dto.status, dto.on]);
      await this.support.audited(manager, actor, caseId, `CHILD.REUNIFICATION_${dto.status}`, FieldGroup.Child, { reunificationId: row.id }, correlationId);
      return this.reunification(manager, row.id);
    });
  }

  place(actor: Actor, caseId: string, dto: CarePlacementDto, correlationId?: string): Promise<CarePlacementView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const [current] = await manager.query<{ id: string }[]>(`SELECT id FROM care_placement WHERE case_id = $1 AND ended_on IS NULL FOR UPDATE`, [caseId]);
      if (current) throw CaseworkErrors.raise('CARE.PLACEMENT_OPEN', undefined, { placementId: current.id });
      const id = randomUUID();
      await manager.query(`INSERT INTO care_placement (id, case_id, agency_id, recorded_by, kind, provider, started_on) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        id,
        caseId,
        actor.agencyId,
        actor.userId,
        dto.kind,
        dto.provider,
        dto.startedOn,
      ]);
      await this.support.audited(manager, actor, caseId, 'CHILD.PLACED', FieldGroup.Child, { placementId: id, kind: dto.kind }, correlationId);
      await this.support.actionDone(manager, actor, caseId, 'ARRANGE_INTERIM_CARE');
      return this.placement(manager, id);
    });
  }

  endPlacement(actor: Actor, caseId: string, placementId: string, dto: EndCarePlacementDto, correlationId?: string): Promise<CarePlacementView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const [row] = await manager.query<PlacementRow[]>(`SELECT ${PLACEMENT_COLUMNS} FROM care_placement WHERE id = $1 AND case_id = $2 FOR UPDATE`, [placementId, caseId]);
      if (!row) throw notFound('care placement');
      if (row.ended_on) throw CaseworkErrors.raise('CARE.PLACEMENT_ENDED');
      if (dto.endedOn < row.started_on) throw CaseworkErrors.badInput('CHILD.INVALID', [{ path: 'endedOn', problem: 'must not be before the placement started' }]);
      await manager.query(`UPDATE care_placement SET ended_on = $2, end_reason = $3, version = version + 1, updated_at = now() WHERE id = $1`, [row.id, dto.endedOn, dto.reason]);
      await this.support.audited(manager, actor, caseId, 'CHILD.PLACEMENT_ENDED', FieldGroup.Child, { placementId: row.id }, correlationId);
      return this.placement(manager, row.id);
    });
  }

  private async begin(manager: EntityManager, actor: Actor, caseId: string): Promise<void> {
    await this.support.requireCase(manager, caseId);
    await this.support.requireMandate(manager, actor, MANDATES.children);
  }

  private onTracing(actor: Actor, caseId: string, tracingId: string, version: number | undefined, work: (manager: EntityManager, row: TracingRow) => Promise<void>): Promise<TracingView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const [row] = await manager.query<TracingRow[]>(`SELECT ${TRACING_COLUMNS} FROM family_tracing WHERE id = $1 AND case_id = $2 FOR UPDATE`, [tracingId, caseId]);
      if (!row) throw notFound('tracing request');
      checkVersion(row.version, version, 'tracing request');
      await work(manager, row);
      await manager.query(`UPDATE family_tracing SET version = version + 1, updated_at = now() WHERE id = $1`, [row.id]);
      return this.tracing(manager, row.id);
    });
  }

  private async tracing(manager: EntityManager, id: string): Promise<TracingView> {
    const [row] = await manager.query<TracingRow[]>(`SELECT ${TRACING_COLUMNS} FROM family_tracing WHERE id = $1`, [id]);
    return tracingView(row);
  }

  private async reunification(manager: EntityManager, id: string): Promise<ReunificationView> {
    const [row] = await manager.query<ReunificationRow[]>(`SELECT ${REUNIFICATION_COLUMNS} FROM family_reunification WHERE id = $1`, [id]);
    return reunificationView(row);
  }

  private async placement(manager: EntityManager, id: string): Promise<CarePlacementView> {
    const [row] = await manager.query<PlacementRow[]>(`SELECT ${PLACEMENT_COLUMNS} FROM care_placement WHERE id = $1`, [id]);
    return placementView(row);
  }
}

import { FieldGroup } from '@kivuko/access';
import { Actor, actorScope, Clock } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CarePlacementDto, EndCarePlacementDto, OpenTracingDto, ProposeReunificationDto, ReunificationChildViewsDto, ReunificationOutcomeDto, StopTracingDto, TracingOutcomeDto } from './family.dto';
import { checkVersion, MANDATES, notFound, RecordSupport } from '../record-support';
import { CaseworkErrors } from '../../casework.errors';
import {
  agencyKind,
  bumpTracingVersion,
  endangeringTracing,
  insertPlacement,
  insertReunification,
  insertTracing,
  latestBestInterestsDetermination,
  latestTracingConsent,
  lockCurrentPlacement,
  lockPlacement,
  lockReunification,
  lockTracing,
  markTracingStopped,
  PlacementRow,
  readPlacement,
  readReunification,
  readTracing,
  ReunificationRow,
  setPlacementEnded,
  setReunificationChildConsent,
  setReunificationOutcome,
  setTracingOutcome,
  TracingRow,
  tracingStatus,
} from './family.queries';

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
      const [kind] = await agencyKind(manager, actor.agencyId);
      const [basis] = await latestTracingConsent(manager, caseId, actor.agencyId, kind.kind);
      if (!basis) throw CaseworkErrors.raise('TRACING.NO_CONSENT');
      const [stopped] = await endangeringTracing(manager, caseId);
      if (stopped) throw CaseworkErrors.raise('TRACING.ENDANGERS', undefined, { tracingId: stopped.id });
      const id = randomUUID();
      await insertTracing(manager, id, caseId, actor.agencyId, actor.userId, JSON.stringify(dto.soughtRelatives), JSON.stringify({ kind: basis.decision === 'GIVEN' ? 'CONSENT' : 'LEGAL_BASIS', consentId: basis.id, legalBasis: basis.legal_basis }));
      await this.support.audited(manager, actor, caseId, 'CHILD.TRACING_OPENED', FieldGroup.CHILD, { tracingId: id }, correlationId);
      await this.support.actionDone(manager, actor, caseId, 'START_FAMILY_TRACING');
      return this.tracing(manager, id);
    });
  }

  stopTracing(actor: Actor, caseId: string, tracingId: string, dto: StopTracingDto, correlationId?: string): Promise<TracingView> {
    return this.onTracing(actor, caseId, tracingId, dto.version, async (manager, row) => {
      if (row.status !== 'OPEN') throw CaseworkErrors.raise('TRACING.CLOSED', `This tracing is ${row.status.toLowerCase()}`);
      await markTracingStopped(manager, row.id, dto.reason);
      await this.support.audited(manager, actor, caseId, 'CHILD.TRACING_STOPPED', FieldGroup.CHILD, { tracingId: row.id }, correlationId);
      // "Unless tracing endangers": the SOP's action is answered by the finding that it does.
      await this.support.actionDone(manager, actor, caseId, 'START_FAMILY_TRACING');
    });
  }

  concludeTracing(actor: Actor, caseId: string, tracingId: string, dto: TracingOutcomeDto, correlationId?: string): Promise<TracingView> {
    return this.onTracing(actor, caseId, tracingId, dto.version, async (manager, row) => {
      if (row.status !== 'OPEN') throw CaseworkErrors.raise('TRACING.CLOSED', `This tracing is ${row.status.toLowerCase()}`);
      await setTracingOutcome(manager, row.id, dto.status, dto.on);
      await this.support.audited(manager, actor, caseId, `CHILD.TRACING_${dto.status}`, FieldGroup.CHILD, { tracingId: row.id }, correlationId);
    });
  }

  proposeReunification(actor: Actor, caseId: string, dto: ProposeReunificationDto, correlationId?: string): Promise<ReunificationView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      if (dto.tracingId) {
        const [tracing] = await tracingStatus(manager, dto.tracingId, caseId);
        if (!tracing || tracing.status !== 'LOCATED') {
          throw CaseworkErrors.badInput('CHILD.INVALID', [{ path: 'tracingId', problem: 'must be a tracing request of this case that located the relative' }]);
        }
      }
      const id = randomUUID();
      await insertReunification(manager, id, caseId, actor.agencyId, actor.userId, JSON.stringify(dto.relative), dto.abroad, dto.relationshipVerified, dto.childConsent, dto.tracingId ?? null);
      await this.support.audited(manager, actor, caseId, 'CHILD.REUNIFICATION_PROPOSED', FieldGroup.CHILD, { reunificationId: id }, correlationId);
      return this.reunification(manager, id);
    });
  }

  concludeReunification(actor: Actor, caseId: string, reunificationId: string, dto: ReunificationOutcomeDto, correlationId?: string): Promise<ReunificationView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const [row] = await lockReunification(manager, reunificationId, caseId);
      if (!row) throw notFound('family reunification');
      checkVersion(row.version, dto.version, 'family reunification');
      if (row.status !== 'PROPOSED') throw CaseworkErrors.raise('REUNIFICATION.CONCLUDED', `This reunification is already ${row.status.toLowerCase().replace(/_/g, ' ')}`);
      if (dto.status === 'REUNIFIED') {
        const missing = [...(row.relationship_verified ? [] : ['a verified relationship']), ...(row.child_consent ? [] : ["the child's consent"])];
        if (missing.length > 0) throw CaseworkErrors.raise('REUNIFICATION.NOT_READY', `A reunion needs ${missing.join(' and ')}`, { missing });
        if (row.abroad) {
          const [bid] = await latestBestInterestsDetermination(manager, caseId);
          if (!bid || (bid.decision !== 'FAMILY_REUNIFICATION_ABROAD' && bid.decision !== 'RETURN_TO_COUNTRY_OF_ORIGIN')) {
            throw CaseworkErrors.raise('REUNIFICATION.NO_BID');
          }
          // The child leaves the country: the non-refoulement lock applies (a pending claim, a flag, ...).
          const refused = await this.support.refoulementRefusal(manager, actor, caseId, 'FAMILY_REUNIFICATION_ABROAD', 'FAMILY_REUNIFICATION_ABROAD', this.clock.now(), correlationId);
          if (refused) return refused;
        }
      }
      await setReunificationOutcome(manager, row.id, dto.status, dto.on);
      await this.support.audited(manager, actor, caseId, `CHILD.REUNIFICATION_${dto.status}`, FieldGroup.CHILD, { reunificationId: row.id }, correlationId);
      return this.reunification(manager, row.id);
    });
  }

  /** The child's views on a proposed reunification, heard after the proposal: whether the child agrees. */
  recordChildViews(actor: Actor, caseId: string, reunificationId: string, dto: ReunificationChildViewsDto, correlationId?: string): Promise<ReunificationView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const [row] = await lockReunification(manager, reunificationId, caseId);
      if (!row) throw notFound('family reunification');
      checkVersion(row.version, dto.version, 'family reunification');
      if (row.status !== 'PROPOSED') throw CaseworkErrors.raise('REUNIFICATION.CONCLUDED', `This reunification is already ${row.status.toLowerCase().replace(/_/g, ' ')}`);
      await setReunificationChildConsent(manager, row.id, dto.childConsent);
      await this.support.audited(manager, actor, caseId, 'CHILD.REUNIFICATION_CHILD_VIEWS', FieldGroup.CHILD, { reunificationId: row.id, childConsent: dto.childConsent }, correlationId);
      return this.reunification(manager, row.id);
    });
  }

  place(actor: Actor, caseId: string, dto: CarePlacementDto, correlationId?: string): Promise<CarePlacementView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const [current] = await lockCurrentPlacement(manager, caseId);
      if (current) throw CaseworkErrors.raise('CARE.PLACEMENT_OPEN', undefined, { placementId: current.id });
      const id = randomUUID();
      await insertPlacement(manager, id, caseId, actor.agencyId, actor.userId, dto.kind, dto.provider, dto.startedOn);
      await this.support.audited(manager, actor, caseId, 'CHILD.PLACED', FieldGroup.CHILD, { placementId: id, kind: dto.kind }, correlationId);
      await this.support.actionDone(manager, actor, caseId, 'ARRANGE_INTERIM_CARE');
      return this.placement(manager, id);
    });
  }

  endPlacement(actor: Actor, caseId: string, placementId: string, dto: EndCarePlacementDto, correlationId?: string): Promise<CarePlacementView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.begin(manager, actor, caseId);
      const [row] = await lockPlacement(manager, placementId, caseId);
      if (!row) throw notFound('care placement');
      if (row.ended_on) throw CaseworkErrors.raise('CARE.PLACEMENT_ENDED');
      if (dto.endedOn < row.started_on) throw CaseworkErrors.badInput('CHILD.INVALID', [{ path: 'endedOn', problem: 'must not be before the placement started' }]);
      await setPlacementEnded(manager, row.id, dto.endedOn, dto.reason);
      await this.support.audited(manager, actor, caseId, 'CHILD.PLACEMENT_ENDED', FieldGroup.CHILD, { placementId: row.id }, correlationId);
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
      const [row] = await lockTracing(manager, tracingId, caseId);
      if (!row) throw notFound('tracing request');
      checkVersion(row.version, version, 'tracing request');
      await work(manager, row);
      await bumpTracingVersion(manager, row.id);
      return this.tracing(manager, row.id);
    });
  }

  private async tracing(manager: EntityManager, id: string): Promise<TracingView> {
    const [row] = await readTracing(manager, id);
    return tracingView(row);
  }

  private async reunification(manager: EntityManager, id: string): Promise<ReunificationView> {
    const [row] = await readReunification(manager, id);
    return reunificationView(row);
  }

  private async placement(manager: EntityManager, id: string): Promise<CarePlacementView> {
    const [row] = await readPlacement(manager, id);
    return placementView(row);
  }
}

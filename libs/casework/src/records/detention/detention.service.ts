import { FieldGroup } from '@kivuko/access';
import { Actor, actorScope, Clock, Permission, permissionsOf } from '@kivuko/platform';
import { DETENTION_ALTERNATIVES_FOR_CHILDREN, DETENTION_GROUND_TEXT, detentionDecision, DetentionRefusal, enforcedDetentionGrounds, MIN_JUSTIFICATION } from '@kivuko/safeguards';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DetentionAccessDto, DetentionReviewDto, EndDetentionDto, OpenDetentionDto } from './detention.dto';
import { invalid, MANDATES, notFound, RecordSupport, Refused } from '../record-support';
import { CaseworkErrors } from '../../casework.errors';
import {
  endEpisode,
  insertAccess,
  insertEpisode,
  insertReview,
  lockEpisode,
  lockOpenEpisode,
  readEpisode,
  releaseOnReview,
  DetentionRow,
  setNextReview,
} from './detention.queries';

export interface DetentionView {
  id: string;
  place: string;
  legalBasis: string;
  individualAssessment: { pregnant: boolean; seriouslyIll: boolean; summary: string };
  alternativesConsidered: string[];
  startedAt: string;
  nextReviewOn: string;
  /** The review date has passed with the episode still open. */
  reviewOverdue: boolean;
  endedAt: string | null;
  endReason: string | null;
  /** The protected grounds found at opening, and the supervisor's justification that overrode them. */
  protectedGrounds: string[];
  override: { justification: string; by: string } | null;
  reviews: { reviewedOn: string; outcome: string; nextReviewOn: string | null }[];
  access: { visitorKind: string; organisation: string; visitedAt: string; granted: boolean; refusalReason: string | null }[];
  agencyId: string;
  version: number;
}

export function detentionView(r: DetentionRow, now: Date): DetentionView {
  return {
    id: r.id,
    place: r.place,
    legalBasis: r.legal_basis,
    individualAssessment: r.individual_assessment,
    alternativesConsidered: r.alternatives_considered,
    startedAt: r.started_at.toISOString(),
    nextReviewOn: r.next_review_on,
    reviewOverdue: r.ended_at === null && r.next_review_on < now.toISOString().slice(0, 10),
    endedAt: r.ended_at?.toISOString() ?? null,
    endReason: r.end_reason,
    protectedGrounds: r.protected_grounds,
    override: r.override_justification && r.overridden_by ? { justification: r.override_justification, by: r.overridden_by } : null,
    reviews: r.reviews,
    access: r.access.map((a) => ({ ...a, visitedAt: new Date(a.visitedAt).toISOString() })),
    agencyId: r.agency_id,
    version: r.version,
  };
}

const REFUSAL_TEXT: Readonly<Record<DetentionRefusal, string>> = {
  NO_OVERRIDE_EXISTS: 'An unaccompanied or separated child is never detained and no override exists: place the child in interim care (a care placement by child protection) or a child shelter',
  NO_OVERRIDE: 'Only a supervisor may override, with a written justification',
  OVERRIDE_NOT_PERMITTED: 'Your role may not override the detention guard: a supervisor may',
  JUSTIFICATION_TOO_SHORT: `A justification of at least ${MIN_JUSTIFICATION} characters is required`,
  BEST_INTERESTS_ASSESSMENT_REQUIRED: 'Detaining a child needs a completed best-interests assessment on record, as well as the supervisor’s justification',
};

/**
 * Detention episodes under the detention guard: an unaccompanied or separated child is never detained
 * (no override exists); an accompanied child, a presumed or identified trafficking victim, a torture or
 * SGBV survivor, a pregnant woman or a seriously ill person is not detained unless a supervisor
 * overrides with a written justification (for a child also a best-interests assessment on record), which
 * the monitor sees on the safeguard trail from the moment it is committed. Every episode has a legal basis, the alternatives
 * considered, a review date, and a log of who had access to the person.
 */
@Injectable()
export class DetentionService {
  constructor(
    private readonly support: RecordSupport,
    private readonly clock: Clock,
  ) {}

  open(actor: Actor, caseId: string, dto: OpenDetentionDto, correlationId?: string): Promise<DetentionView> {
    const startDay = dto.startedAt.slice(0, 10);
    if (dto.nextReviewOn <= startDay) {
      throw CaseworkErrors.badInput('DETENTION.INVALID', [{ path: 'nextReviewOn', problem: 'must be after the day detention starts' }]);
    }
    return this.support.run(actorScope(actor), async (manager) => {
      const context = await this.support.requireCase(manager, caseId);
      await this.support.requireMandate(manager, actor, MANDATES.detention);
      const [open] = await lockOpenEpisode(manager, caseId);
      if (open) throw CaseworkErrors.raise('DETENTION.ALREADY_OPEN', undefined, { episodeId: open.id });
      const sop = await this.support.sop(manager, context);
      const facts = await this.support.facts(manager, caseId);
      const grounds = enforcedDetentionGrounds(facts, dto.individualAssessment, sop.safeguards.DETENTION_GUARD.enabled);
      const decision = detentionDecision(grounds, {
        bySupervisor: permissionsOf(actor.roles).has(Permission.SafeguardOverride),
        justification: dto.overrideJustification,
        bestInterestsAssessed: facts.bestInterestsAssessed,
      });
      if (!decision.allowed) {
        await this.support.trail(manager, actor, caseId, { safeguard: 'DETENTION_GUARD', outcome: 'BLOCKED', attempted: 'OPEN_DETENTION', reasons: grounds }, correlationId);
        return new Refused(
          CaseworkErrors.raise('SAFEGUARD.DETENTION_GUARD', `Detention refused: the person is ${grounds.map((g) => DETENTION_GROUND_TEXT[g]).join('; ')}. ${REFUSAL_TEXT[decision.reason]}.`, {
            grounds,
            override: decision.reason,
            // Where an unaccompanied or separated child goes instead: an interim care placement by child protection, or a child shelter.
            ...(decision.reason === 'NO_OVERRIDE_EXISTS' ? { alternatives: [...DETENTION_ALTERNATIVES_FOR_CHILDREN], alternativeRoute: `POST /api/v1/cases/${caseId}/care-placements` } : {}),
            ...(decision.reason === 'BEST_INTERESTS_ASSESSMENT_REQUIRED' ? { missing: ['bestInterestsAssessment'] } : {}),
          }),
        );
      }
      const id = randomUUID();
      await insertEpisode(manager, id, caseId, actor.agencyId, actor.userId, dto.place, dto.legalBasis, JSON.stringify({ pregnant: dto.individualAssessment.pregnant, seriouslyIll: dto.individualAssessment.seriouslyIll, summary: dto.individualAssessment.summary }), dto.alternativesConsidered, dto.startedAt, dto.nextReviewOn, grounds, decision.overridden ? dto.overrideJustification : null, decision.overridden ? actor.userId : null);
      if (decision.overridden) {
        await this.support.trail(manager, actor, caseId, { safeguard: 'DETENTION_GUARD', outcome: 'OVERRIDDEN', attempted: 'OPEN_DETENTION', reasons: grounds, justification: dto.overrideJustification }, correlationId);
      }
      await this.support.audited(manager, actor, caseId, 'DETENTION.OPENED', FieldGroup.DETENTION, { episodeId: id, overridden: decision.overridden }, correlationId);
      return this.read(manager, id);
    });
  }

  review(actor: Actor, caseId: string, episodeId: string, dto: DetentionReviewDto, correlationId?: string): Promise<DetentionView> {
    return this.onEpisode(actor, caseId, episodeId, MANDATES.detention, async (manager, episode) => {
      if (episode.ended_at) throw CaseworkErrors.raise('DETENTION.ENDED');
      if (dto.reviewedOn < episode.started_at.toISOString().slice(0, 10)) throw invalid('reviewedOn', 'A review cannot come before the detention started');
      if (dto.outcome === 'CONTINUE' && (dto.nextReviewOn as string) <= dto.reviewedOn) {
        throw CaseworkErrors.badInput('DETENTION.INVALID', [{ path: 'nextReviewOn', problem: 'must be after the review' }]);
      }
      await insertReview(manager, randomUUID(), episode.id, caseId, dto.reviewedOn, dto.outcome, dto.outcome === 'CONTINUE' ? dto.nextReviewOn : null, actor.userId, actor.agencyId);
      if (dto.outcome === 'CONTINUE') await setNextReview(manager, episode.id, dto.nextReviewOn);
      else await releaseOnReview(manager, episode.id);
      await this.support.audited(manager, actor, caseId, 'DETENTION.REVIEWED', FieldGroup.DETENTION, { episodeId: episode.id, outcome: dto.outcome }, correlationId);
    });
  }

  recordAccess(actor: Actor, caseId: string, episodeId: string, dto: DetentionAccessDto, correlationId?: string): Promise<DetentionView> {
    return this.onEpisode(actor, caseId, episodeId, MANDATES.detentionAccess, async (manager, episode) => {
      if (new Date(dto.visitedAt) < episode.started_at) throw invalid('visitedAt', 'A visit cannot come before the detention started');
      await insertAccess(manager, randomUUID(), episode.id, caseId, dto.visitorKind, dto.organisation, dto.visitedAt, dto.granted, dto.granted ? null : (dto.refusalReason ?? null), actor.userId);
      await this.support.audited(manager, actor, caseId, 'DETENTION.ACCESS_RECORDED', FieldGroup.DETENTION, { episodeId: episode.id, visitorKind: dto.visitorKind, granted: dto.granted }, correlationId);
    });
  }

  end(actor: Actor, caseId: string, episodeId: string, dto: EndDetentionDto, correlationId?: string): Promise<DetentionView> {
    return this.onEpisode(actor, caseId, episodeId, MANDATES.detention, async (manager, episode) => {
      if (episode.ended_at) throw CaseworkErrors.raise('DETENTION.ENDED');
      if (new Date(dto.endedAt) < episode.started_at) throw invalid('endedAt', 'Detention cannot end before it started');
      await endEpisode(manager, episode.id, dto.endedAt, dto.reason);
      await this.support.audited(manager, actor, caseId, 'DETENTION.ENDED', FieldGroup.DETENTION, { episodeId: episode.id }, correlationId);
    });
  }

  async read(manager: EntityManager, id: string): Promise<DetentionView> {
    const [row] = await readEpisode(manager, id);
    return detentionView(row, this.clock.now());
  }

  private onEpisode(
    actor: Actor,
    caseId: string,
    episodeId: string,
    mandate: (typeof MANDATES)[keyof typeof MANDATES],
    work: (manager: EntityManager, episode: { id: string; started_at: Date; ended_at: Date | null }) => Promise<void>,
  ): Promise<DetentionView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.support.requireCase(manager, caseId);
      await this.support.requireMandate(manager, actor, mandate);
      const [episode] = await lockEpisode(manager, episodeId, caseId);
      if (!episode) throw notFound('detention episode');
      await work(manager, episode);
      return this.read(manager, episode.id);
    });
  }
}

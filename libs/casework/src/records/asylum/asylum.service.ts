import { FieldGroup } from '@kivuko/access';
import { Actor, actorScope } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AsylumAppealDto, AsylumAppealOutcomeDto, AsylumDecisionDto, AsylumInterviewDto, AsylumWithdrawalDto, RegisterAsylumClaimDto } from './asylum.dto';
import { checkVersion, invalid, MANDATES, RecordSupport } from '../record-support';
import { CaseworkErrors } from '../../casework.errors';
import {
  addInterviewDate,
  bumpClaimVersion,
  ClaimRow,
  insertClaim,
  latestClaim,
  lockClaimInForce,
  lockClaimInForceRow,
  readClaim,
  setAppealLodged,
  setAppealOutcome,
  setDecision,
  setWithdrawn,
} from './asylum.queries';

export interface AsylumClaimView {
  id: string;
  registeredOn: string;
  reference: string;
  procedure: string;
  interviewDates: string[];
  decision: string | null;
  decidedOn: string | null;
  appealLodgedOn: string | null;
  appealOutcome: string | null;
  appealDecidedOn: string | null;
  withdrawnOn: string | null;
  agencyId: string;
  version: number;
}

export const asylumClaimView = (r: ClaimRow): AsylumClaimView => ({
  id: r.id,
  registeredOn: r.registered_on,
  reference: r.reference,
  procedure: r.procedure,
  interviewDates: r.interview_dates,
  decision: r.decision,
  decidedOn: r.decided_on,
  appealLodgedOn: r.appeal_lodged_on,
  appealOutcome: r.appeal_outcome,
  appealDecidedOn: r.appeal_decided_on,
  withdrawnOn: r.withdrawn_on,
  agencyId: r.agency_id,
  version: r.version,
});

type ClaimStep = 'INTERVIEW' | 'DECISION' | 'APPEAL' | 'APPEAL_OUTCOME' | 'WITHDRAWAL';

/** The asylum authority's record of a claim: registration, procedure, interviews, decision, appeal. */
@Injectable()
export class AsylumService {
  constructor(private readonly support: RecordSupport) {}

  register(actor: Actor, caseId: string, dto: RegisterAsylumClaimDto, correlationId?: string): Promise<AsylumClaimView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.support.requireCase(manager, caseId);
      await this.support.requireMandate(manager, actor, MANDATES.asylum);
      const [open] = await lockClaimInForce(manager, caseId);
      if (open) throw CaseworkErrors.raise('ASYLUM.CLAIM_EXISTS', undefined, { claimId: open.id });
      const id = randomUUID();
      await insertClaim(manager, id, caseId, actor.agencyId, actor.userId, dto.registeredOn, dto.reference, dto.procedure);
      await this.support.audited(manager, actor, caseId, 'ASYLUM.CLAIM_REGISTERED', FieldGroup.ASYLUM, { claimId: id, procedure: dto.procedure }, correlationId);
      await this.support.actionDone(manager, actor, caseId, 'REGISTER_ASYLUM_CLAIM');
      return this.read(manager, caseId);
    });
  }

  interview(actor: Actor, caseId: string, dto: AsylumInterviewDto, correlationId?: string): Promise<AsylumClaimView> {
    return this.step(actor, caseId, 'INTERVIEW', dto.version, correlationId, async (manager, claim) => {
      if (claim.decision) throw CaseworkErrors.raise('ASYLUM.ALREADY_DECIDED');
      if (dto.date < claim.registered_on) throw invalid('date', 'An interview cannot come before the claim was registered');
      await addInterviewDate(manager, claim.id, dto.date);
    });
  }

  decide(actor: Actor, caseId: string, dto: AsylumDecisionDto, correlationId?: string): Promise<AsylumClaimView> {
    return this.step(actor, caseId, 'DECISION', dto.version, correlationId, async (manager, claim) => {
      if (claim.decision) throw CaseworkErrors.raise('ASYLUM.ALREADY_DECIDED', 'The claim is already decided: an appeal changes the outcome');
      if (dto.decidedOn < claim.registered_on) throw invalid('decidedOn', 'A decision cannot come before the claim was registered');
      await setDecision(manager, claim.id, dto.decision, dto.decidedOn);
    });
  }

  appeal(actor: Actor, caseId: string, dto: AsylumAppealDto, correlationId?: string): Promise<AsylumClaimView> {
    return this.step(actor, caseId, 'APPEAL', dto.version, correlationId, async (manager, claim) => {
      if (claim.decision !== 'REJECTED') throw CaseworkErrors.raise('ASYLUM.NOTHING_TO_APPEAL');
      if (claim.appeal_lodged_on) throw CaseworkErrors.raise('ASYLUM.APPEAL_EXISTS');
      if (dto.lodgedOn < (claim.decided_on as string)) throw invalid('lodgedOn', 'An appeal cannot be lodged before the decision');
      await setAppealLodged(manager, claim.id, dto.lodgedOn);
    });
  }

  appealOutcome(actor: Actor, caseId: string, dto: AsylumAppealOutcomeDto, correlationId?: string): Promise<AsylumClaimView> {
    return this.step(actor, caseId, 'APPEAL_OUTCOME', dto.version, correlationId, async (manager, claim) => {
      if (!claim.appeal_lodged_on) throw CaseworkErrors.raise('ASYLUM.NO_APPEAL');
      if (claim.appeal_outcome) throw CaseworkErrors.raise('ASYLUM.APPEAL_DECIDED');
      if (dto.decidedOn < claim.appeal_lodged_on) throw invalid('decidedOn', 'An appeal is decided after it was lodged');
      await setAppealOutcome(manager, claim.id, dto.outcome, dto.decidedOn);
    });
  }

  withdraw(actor: Actor, caseId: string, dto: AsylumWithdrawalDto, correlationId?: string): Promise<AsylumClaimView> {
    return this.step(actor, caseId, 'WITHDRAWAL', dto.version, correlationId, async (manager, claim) => {
      if (dto.withdrawnOn < claim.registered_on) throw invalid('withdrawnOn', 'A claim cannot be withdrawn before it was registered');
      await setWithdrawn(manager, claim.id, dto.withdrawnOn);
    });
  }

  /** The claim in force (or the latest withdrawn one) of a case, inside a transaction. */
  async read(manager: EntityManager, caseId: string): Promise<AsylumClaimView> {
    const [row] = await latestClaim(manager, caseId);
    return asylumClaimView(row);
  }

  private step(actor: Actor, caseId: string, step: ClaimStep, version: number | undefined, correlationId: string | undefined, change: (manager: EntityManager, claim: ClaimRow) => Promise<void>): Promise<AsylumClaimView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.support.requireCase(manager, caseId);
      await this.support.requireMandate(manager, actor, MANDATES.asylum);
      const [claim] = await lockClaimInForceRow(manager, caseId);
      if (!claim) throw CaseworkErrors.raise('ASYLUM.NO_CLAIM');
      checkVersion(claim.version, version, 'asylum claim');
      await change(manager, claim);
      await bumpClaimVersion(manager, claim.id);
      await this.support.audited(manager, actor, caseId, `ASYLUM.${step}`, FieldGroup.ASYLUM, { claimId: claim.id }, correlationId);
      return asylumClaimView((await readClaim(manager, claim.id))[0]);
    });
  }
}

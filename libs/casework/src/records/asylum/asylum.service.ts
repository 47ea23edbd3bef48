import { FieldGroup } from '@kivuko/access';
import { Actor, actorScope } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AsylumAppealDto, AsylumAppealOutcomeDto, AsylumDecisionDto, AsylumInterviewDto, AsylumWithdrawalDto, RegisterAsylumClaimDto } from './asylum.dto';
import { checkVersion, invalid, MANDATES, RecordSupport } from '../record-support';
import { CaseworkErrors } from '../../casework.errors';

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

export const ASYLUM_CLAIM_COLUMNS = `id, to_char(registered_on, 'YYYY-MM-DD') AS registered_on, reference, procedure,
  ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(interview_dates) d ORDER BY d) AS interview_dates, decision, to_char(decided_on, 'YYYY-MM-DD') AS decided_on,
  to_char(appeal_lodged_on, 'YYYY-MM-DD') AS appeal_lodged_on, appeal_outcome, to_char(appeal_decided_on, 'YYYY-MM-DD') AS appeal_decided_on,
  to_char(withdrawn_on, 'YYYY-MM-DD') AS withdrawn_on, agency_id, version`;

interface ClaimRow {
  id: string;
  registered_on: string;
  reference: string;
  procedure: string;
  interview_dates: string[];
  decision: string | null;
  decided_on: string | null;
  appeal_lodged_on: string | null;
  appeal_outcome: string | null;
  appeal_decided_on: string | null;
  withdrawn_on: string | null;
  agency_id: string;
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
      const [open] = await manager.query<{ id: string }[]>(`SELECT id FROM asylum_claim WHERE case_id = $1 AND withdrawn_on IS NULL FOR UPDATE`, [caseId]);
      if (open) throw CaseworkErrors.raise('ASYLUM.CLAIM_EXISTS', undefined, { claimId: open.id });
      const id = randomUUID();
      await manager.query(
        `INSERT INTO asylum_claim (id, case_id, agency_id, recorded_by, registered_on, reference, procedure) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, caseId, actor.agencyId, actor.userId, dto.registeredOn, dto.reference, dto.procedure],
      );
      await this.support.audited(manager, actor, caseId, 'ASYLUM.CLAIM_REGISTERED', FieldGroup.Asylum, { claimId: id, procedure: dto.procedure }, correlationId);
      await this.support.actionDone(manager, actor, caseId, 'REGISTER_ASYLUM_CLAIM');
      return this.read(manager, caseId);
    });
  }

  interview(actor: Actor, caseId: string, dto: AsylumInterviewDto, correlationId?: string): Promise<AsylumClaimView> {
    return this.step(actor, caseId, 'INTERVIEW', dto.version, correlationId, async (manager, claim) => {
      if (claim.decision) throw CaseworkErrors.raise('ASYLUM.ALREADY_DECIDED');
      if (dto.date < claim.registered_on) throw invalid('date', 'An interview cannot come before the claim was registered');
      await manager.query(`UPDATE asylum_claim SET interview_dates = array_append(interview_dates, $2::date) WHERE id = $1`, [claim.id, dto.date]);
    });
  }

  decide(actor: Actor, caseId: string, dto: AsylumDecisionDto, correlationId?: string): Promise<AsylumClaimView> {
    return this.step(actor, caseId, 'DECISION', dto.version, correlationId, async (manager, claim) => {
      if (claim.decision) throw CaseworkErrors.raise('ASYLUM.ALREADY_DECIDED', 'The claim is already decided: an appeal changes the outcome');
      if (dto.decidedOn < claim.registered_on) throw invalid('decidedOn', 'A decision cannot come before the claim was registered');
      await manager.query(`UPDATE asylum_claim SET decision = $2, decided_on = $3 WHERE id = $1`, [claim.id, dto.decision, dto.decidedOn]);
    });
  }

  appeal(actor: Actor, caseId: string, dto: AsylumAppealDto, correlationId?: string): Promise<AsylumClaimView> {
    return this.step(actor, caseId, 'APPEAL', dto.version, correlationId, async (manager, claim) => {
      if (claim.decision !== 'REJECTED') throw CaseworkErrors.raise('ASYLUM.NOTHING_TO_APPEAL');
      if (claim.appeal_lodged_on) throw CaseworkErrors.raise('ASYLUM.APPEAL_EXISTS');
      if (dto.lodgedOn < (claim.decided_on as string)) throw invalid('lodgedOn', 'An appeal cannot be lodged before the decision');
      await manager.query(`UPDATE asylum_claim SET appeal_lodged_on = $2 WHERE id = $1`, [claim.id, dto.lodgedOn]);
    });
  }

  appealOutcome(actor: Actor, caseId: string, dto: AsylumAppealOutcomeDto, correlationId?: string): Promise<AsylumClaimView> {
    return this.step(actor, caseId, 'APPEAL_OUTCOME', dto.version, correlationId, async (manager, claim) => {
      if (!claim.appeal_lodged_on) throw CaseworkErrors.raise('ASYLUM.NO_APPEAL');
      if (claim.appeal_outcome) throw CaseworkErrors.raise('ASYLUM.APPEAL_DECIDED');
      if (dto.decidedOn < claim.appeal_lodged_on) throw invalid('decidedOn', 'An appeal is decided after it was lodged');
      await manager.query(`UPDATE asylum_claim SET appeal_outcome = $2, appeal_decided_on = $3 WHERE id = $1`, [claim.id, dto.outcome, dto.decidedOn]);
    });
  }

  withdraw(actor: Actor, caseId: string, dto: AsylumWithdrawalDto, correlationId?: string): Promise<AsylumClaimView> {
    return this.step(actor, caseId, 'WITHDRAWAL', dto.version, correlationId, async (manager, claim) => {
      if (dto.withdrawnOn < claim.registered_on) throw invalid('withdrawnOn', 'A claim cannot be withdrawn before it was registered');
      await manager.query(`UPDATE asylum_claim SET withdrawn_on = $2 WHERE id = $1`, [claim.id, dto.withdrawnOn]);
    });
  }

  /** The claim in force (or the latest withdrawn one) of a case, inside a transaction. */
  async read(manager: EntityManager, caseId: string): Promise<AsylumClaimView> {
    const [row] = await manager.query<ClaimRow[]>(`SELECT ${ASYLUM_CLAIM_COLUMNS} FROM asylum_claim WHERE case_id = $1 ORDER BY withdrawn_on IS NULL DESC, created_at DESC LIMIT 1`, [caseId]);
    return asylumClaimView(row);
  }

  private step(actor: Actor, caseId: string, step: ClaimStep, version: number | undefined, correlationId: string | undefined, change: (manager: EntityManager, claim: ClaimRow) => Promise<void>): Promise<AsylumClaimView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.support.requireCase(manager, caseId);
      await this.support.requireMandate(manager, actor, MANDATES.asylum);
      const [claim] = await manager.query<ClaimRow[]>(`SELECT ${ASYLUM_CLAIM_COLUMNS} FROM asylum_claim WHERE case_id = $1 AND withdrawn_on IS NULL FOR UPDATE`, [caseId]);
      if (!claim) throw CaseworkErrors.raise('ASYLUM.NO_CLAIM');
      checkVersion(claim.version, version, 'asylum claim');
      await change(manager, claim);
      await manager.query(`UPDATE asylum_claim SET version = version + 1, updated_at = now() WHERE id = $1`, [claim.id]);
      await this.support.audited(manager, actor, caseId, `ASYLUM.${step}`, FieldGroup.Asylum, { claimId: claim.id }, correlationId);
      return asylumClaimView((await manager.query<ClaimRow[]>(`SELECT ${ASYLUM_CLAIM_COLUMNS} FROM asylum_claim WHERE id = $1`, [claim.id]))[0]);
    });
  }
}

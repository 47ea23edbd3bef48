import { DataSharingMap, DEFAULT_DATA_SHARING } from '@kivuko/access';
import { DEFAULT_RULE_SET_DOCUMENT, loadRuleSet, RuleSet } from '@kivuko/profiling';
import { DomainEventBus } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEFAULT_QUESTIONNAIRE } from './screening/questionnaire';

/** How long a border point has to complete a mass-arrival record where no SOP is in force (what the default SOP says too). */
export const COMPLETION_TASK_HOURS = 72;

/** The joint SOP in force for a case: its profiling rules, its data-sharing map, its border-point deadlines, and which version that is. */
export interface SopPolicy {
  sopVersionId: string;
  ruleSet: RuleSet;
  sharing: DataSharingMap;
  /** When the border point's task to complete a mass-arrival record, made at `from`, is due. */
  completeIntakeDue(from: Date): Date;
}

export interface CasePolicyInForce {
  /** Null when no SOP is active for the case's jurisdiction: the defaults apply and nothing is routed. */
  sopVersionId: string | null;
  ruleSet: RuleSet;
  sharing: DataSharingMap;
  /** When the border point's task to complete a mass-arrival record, made at `from`, is due. */
  completeIntakeDue(from: Date): Date;
}

const defaultCompleteIntakeDue = (from: Date): Date => new Date(from.getTime() + COMPLETION_TASK_HOURS * 3_600_000);

/**
 * What profiling and reading a case go by: the active joint SOP of the case's jurisdiction (the referrals
 * context answers the `cases.sop-policy` port), or, where none is active, the default rules and sharing map.
 */
@Injectable()
export class CasePolicy {
  /** The default rule set, checked against the questionnaire it reads: a rule about a question that does not exist stops the start. */
  readonly defaultRuleSet: RuleSet = loadRuleSet(DEFAULT_RULE_SET_DOCUMENT, { questions: DEFAULT_QUESTIONNAIRE.questions });

  constructor(private readonly events: DomainEventBus) {
    events.requireProvider('cases.sop-policy', 'profiling and reading a case go by the SOP active for it');
  }

  async forCase(manager: EntityManager, caseId: string): Promise<CasePolicyInForce> {
    const found = await this.events.ask(manager, 'cases.sop-policy', { caseId });
    return found ?? { sopVersionId: null, ruleSet: this.defaultRuleSet, sharing: DEFAULT_DATA_SHARING, completeIntakeDue: defaultCompleteIntakeDue };
  }
}

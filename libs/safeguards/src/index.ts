export { ADULT, APPEAL_OUTCOMES, ASYLUM_DECISIONS, BID_DECISIONS, CHILD_PROFILES, isTraffickingVictim, NO_FACTS, TRAFFICKING_STATUSES } from './facts';
export type { AppealOutcome, AsylumDecision, BidDecision, SafeguardFacts, TraffickingStatus } from './facts';
export { nonRefoulementReasons, REASON_TEXT } from './non-refoulement';
export type { NonRefoulementReason, ReturnKind } from './non-refoulement';
export {
  DETENTION_ALTERNATIVES_FOR_CHILDREN,
  DETENTION_GROUND_TEXT,
  detentionDecision,
  detentionGrounds,
  enforcedDetentionGrounds,
  MIN_JUSTIFICATION,
} from './detention-guard';
export type { DetentionGround, DetentionRefusal, IndividualAssessment } from './detention-guard';
export { MIN_FINDING, OFFENCES, prosecutionBlocked, prosecutionRefusal } from './non-criminalisation';
export type { Offence, ProsecutionRefusal } from './non-criminalisation';
export { profileRemovalRefused } from './age';

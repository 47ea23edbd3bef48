export * from './vocabulary';
export { addDuration, compareDurations, describeDuration, isDuration, isZeroDuration, parseDuration } from './duration';
export type { Duration } from './duration';
export { DEFAULT_BORDER_POINT_TASKS } from './sop';
export type {
  AgencyChoicePolicy,
  BorderPointTasks,
  ChoiceRule,
  DataSharingPolicy,
  EscalationPolicy,
  EscalationStep,
  Json,
  JsonObject,
  Jurisdiction,
  LegalBasisRule,
  PurposeRule,
  RequiredAction,
  RoutingEntry,
  RoutingTarget,
  SafeguardSetting,
  SharingRule,
  Sop,
} from './sop';
export { InvalidSopError, loadSop, validateSop } from './validation/sop-validator';
export type { SopOptions, SopValidation } from './validation/sop-validator';
export type { SopProblem } from './validation/problems';
export { targetKey } from './validation/routing-reader';
export { DEFAULT_SOP, DEFAULT_SOP_DOCUMENT, defaultSopJson } from './default-sop';
export { consentBoundGroups, consentRequirements, legalBasesFor, meetRequirements, separateConsents, sharedGroups } from './consent';
export type { BasisMet, ConsentOnRecord, ConsentRequirement, ConsentSubject, SeparateConsent } from './consent';
export { borderPointTaskDue, firstContactDue, mergePlannedReferrals, planReferrals, sopAppliesTo } from './referral-plan';
export type { AgencyRequirement, CaseContext, MergedReferral, PlanInput, PlannedAction, PlannedReferral, ReferralPlan, RoutableProfile } from './referral-plan';
export { chooseAgency } from './agency-choice';
export type { AgencyCandidate, AgencyChoice, IneligibleAgency, RankedAgency } from './agency-choice';
export { alertsDue, escalationSchedule } from './escalation';
export type { ScheduledAlert } from './escalation';
export { describeChange, diffJson, diffSops } from './diff';
export type { ChangeEntry } from './diff';
export { simulateCase, simulateSop } from './simulation';
export type { CaseSimulation, SampleCase, SimulatedOutcome, SimulatedReferral, SimulationAgency, SopSimulation } from './simulation';
export { BUILT_IN_SAMPLES, DEMO_AGENCIES, DEMO_BORDER_POINT_REGIONS } from './samples';

export {
  AGENCY_KINDS,
  AGENCY_SERVICES,
  ALWAYS_CONSENT_BOUND,
  CONSENT_PURPOSES,
  FIELD_GROUPS,
  LEGAL_BASES,
  NEVER_SHARED_WITH,
  PRIORITIES,
  priorityNumber,
  SAFEGUARD_CODES,
  SENSITIVE_FIELD_GROUPS,
  valuesByName,
} from './vocabulary';
export type { ActionCode, AgencyKind, AgencyService, ConsentPurpose, FieldGroup, LegalBasis, Priority, ReferralRole } from './vocabulary';
export { addDuration } from './duration';
export type { Sop } from './sop';
export { InvalidSopError, loadSop, validateSop } from './validation/sop-validator';
export { SOP_PROBLEM_CODES } from './validation/problems';
export type { SopProblem, SopProblemCode } from './validation/problems';
export { targetKey } from './validation/routing-reader';
export { DEFAULT_SOP, DEFAULT_SOP_DOCUMENT } from './default-sop';
export { consentBoundGroups, meetRequirements, sharedGroups } from './consent';
export type { BasisMet, ConsentOnRecord, ConsentRequirement } from './consent';
export { mergePlannedReferrals, planReferrals } from './referral-plan';
export type { MergedReferral, PlannedReferral, RoutableProfile } from './referral-plan';
export { chooseAgency } from './agency-choice';
export type { AgencyCandidate } from './agency-choice';
export { alertsDue, escalationSchedule } from './escalation';
export type { ScheduledAlert } from './escalation';
export { describeChange, diffSops } from './diff';
export type { ChangeEntry } from './diff';
export { simulateCase, simulateSop } from './simulation';
export type { SampleCase, SimulatedOutcome, SimulationAgency, SopSimulation } from './simulation';
export { BUILT_IN_SAMPLES, DEMO_AGENCIES, DEMO_BORDER_POINT_REGIONS } from './samples';
export type { CaseContext } from './referral-plan';
export type { ReferralPlan } from './referral-plan';
export { borderPointTaskDue } from './referral-plan';

import type { ProfileCode, RuleSet, Urgency } from '@kivuko/profiling';
import type {
  ActionCode,
  AgencyKind,
  AgencyService,
  ChoiceCriterion,
  ConsentPurpose,
  DeadlineClock,
  EscalationTarget,
  FieldGroup,
  LegalBasis,
  Priority,
  ProhibitionCode,
  SafeguardCode,
} from './vocabulary';

/**
 * A joint SOP once validated. Its document form (the JSON an SOP author writes) is described by
 * `libs/sop/sop.schema.json`; `validateSop` reads it into this. Durations stay ISO 8601 text.
 */
export interface Sop {
  version: string;
  title?: string;
  description?: string;
  jurisdiction: Jurisdiction;
  /** YYYY-MM-DD: the day it may become active. */
  effectiveFrom: string;
  /** Signatory agencies by name or id, as written; the database side resolves them. */
  signatories: string[];
  deadlinesFrom: DeadlineClock;
  /** How long the border point has for its own tasks on a case (defaults where an older document is silent). */
  borderPointTasks: BorderPointTasks;
  /** The profiling rule set the SOP carries, validated by the profiling engine. */
  ruleSet: RuleSet;
  routing: Record<ProfileCode, RoutingEntry>;
  agencyChoice: AgencyChoicePolicy;
  dataSharing: DataSharingPolicy;
  escalation: EscalationPolicy;
  safeguards: Record<SafeguardCode, SafeguardSetting>;
  /** The validated document as written (a deep-frozen copy): what diffs and exports work on. */
  document: JsonObject;
}

export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

/** The border point's own deadlines, ISO 8601 durations counted from when the task is made. */
export interface BorderPointTasks {
  /** Completing a mass-arrival record (COMPLETE_INTAKE). */
  completeIntake: string;
  /** Recording the consent or legal basis held referrals wait for (OBTAIN_CONSENT). */
  obtainConsent: string;
}

/** What a document without `borderPointTasks` (or without one of its durations) gets: 72 hours and 1 day. */
export const DEFAULT_BORDER_POINT_TASKS: Readonly<BorderPointTasks> = Object.freeze({ completeIntake: 'PT72H', obtainConsent: 'P1D' });

export interface Jurisdiction {
  /** ISO 3166-1 alpha-3. */
  country: string;
  /** Border point codes the SOP is limited to; empty: the whole country. */
  borderPoints: string[];
}

/** Who a profile is referred to: one lead, any number of supporting targets. */
export interface RoutingEntry {
  lead: RoutingTarget;
  supporting: RoutingTarget[];
  /** Deadline for first contact, by the profile's urgency. */
  firstContact: Record<Urgency, string>;
  priority: Record<Urgency, Priority>;
  prohibitions: ProhibitionCode[];
  description?: string;
}

/**
 * A kind of agency, narrowed by the service it must offer when the SOP names one ("a shelter NGO").
 * Each target of a case gets one referral carrying every profile it serves.
 */
export interface RoutingTarget {
  kind: AgencyKind;
  service?: AgencyService;
  /** What this target must do, each within its own deadline. */
  actions: RequiredAction[];
}

export interface RequiredAction {
  action: ActionCode;
  /** Deadline, from the same starting point as first contact. */
  within: string;
  /** How long what the action starts lasts (the reflection period). */
  period?: string;
  /** The consent purpose the action needs beyond the referral itself (family tracing). */
  consentPurpose?: ConsentPurpose;
  note?: string;
}

export interface ChoiceRule {
  criterion: ChoiceCriterion;
  /** Required: an agency failing it is not eligible. Otherwise it only ranks. */
  required: boolean;
}

export interface AgencyChoicePolicy {
  /** In order of importance; agencies are ranked on the first, then the next, … then by name. */
  criteria: ChoiceRule[];
}

export interface SharingRule {
  groups: FieldGroup[];
  consentRequiredFor: FieldGroup[];
}

export interface PurposeRule {
  consentRequired: boolean;
  /** The legal bases that may stand in for consent for this purpose. */
  legalBases: LegalBasis[];
}

/** When a legal basis may stand in; every condition given must hold. */
export interface LegalBasisRule {
  /** Only for a child. */
  childOnly: boolean;
  /** Only for referrals carrying one of these profiles; empty: any. */
  profiles: ProfileCode[];
  /** Only for these recipients; empty: any. */
  recipients: AgencyKind[];
  /** Recorded by the system itself so the referral proceeds at once (vital interest in an emergency). */
  automatic: boolean;
  description?: string;
}

export interface DataSharingPolicy {
  /** Same shape as the access library's `DataSharingMap`. */
  recipients: Record<AgencyKind, SharingRule>;
  purposes: Record<ConsentPurpose, PurposeRule>;
  legalBases: Partial<Record<LegalBasis, LegalBasisRule>>;
}

export interface EscalationStep {
  /** After the due time. */
  after: string;
  notify: EscalationTarget;
  /** The agency alerted, when `notify` is AGENCY. */
  agency?: string;
  /** Only for referrals of these priorities; empty: all. */
  priorities: Priority[];
}

export interface EscalationPolicy {
  /** The named body alerted when no agency is left for a referral, and by the steps that say so. */
  coordinatingBody: string;
  steps: EscalationStep[];
}

export interface SafeguardSetting {
  enabled: boolean;
  /** The law that allows it to be off; required when it is off. */
  legalReference?: string;
  note?: string;
}

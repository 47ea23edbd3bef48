/**
 * The closed vocabularies a joint SOP is written in, defined here once as plain string literals (no Nest,
 * no TypeORM): the access library imports the agency kinds, services and field groups for its entities,
 * DTOs and sharing rules, the cases context the consent purposes and legal bases for its consent records.
 */

export const AGENCY_KINDS = Object.freeze([
  'BORDER_AUTHORITY',
  'IMMIGRATION',
  'ASYLUM_AUTHORITY',
  'CHILD_PROTECTION',
  'ANTI_TRAFFICKING',
  'HEALTH',
  'NGO',
  'INTERNATIONAL_ORGANIZATION',
  'MONITOR',
] as const);
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Kinds that never receive a referral: monitors watch the safeguards, they do not take cases. */
export const NON_RECEIVING_KINDS: readonly AgencyKind[] = ['MONITOR'];

export const AGENCY_SERVICES = Object.freeze([
  'FAMILY_TRACING',
  'TORTURE_REHABILITATION',
  'SAFE_SHELTER',
  'LEGAL_AID',
  'MEDICAL_CARE',
  'PSYCHOSOCIAL',
  'VOLUNTARY_RETURN',
  'INTERIM_CARE',
  'GBV_CASE_MANAGEMENT',
] as const);
export type AgencyService = (typeof AGENCY_SERVICES)[number];

/** Sections of a case record, in the order responses list them. */
export const FIELD_GROUPS = Object.freeze([
  'IDENTITY',
  'CONTACT',
  'ARRIVAL',
  'NEEDS',
  'ASYLUM',
  'CHILD',
  'TRAFFICKING',
  'HEALTH',
  'SGBV',
  'TORTURE',
  'DETENTION',
  'RETURN',
] as const);
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/**
 * Need-to-know sections: their narratives are encrypted at rest and they are never shown to monitors,
 * whatever the SOP says.
 */
export const SENSITIVE_FIELD_GROUPS: readonly FieldGroup[] = Object.freeze(['SGBV', 'TORTURE', 'TRAFFICKING', 'HEALTH', 'ASYLUM'] as const);
/** Shared only with consent or a recorded legal basis, with anyone (the SGBV SOP). */
export const ALWAYS_CONSENT_BOUND: readonly FieldGroup[] = Object.freeze(['SGBV'] as const);
/**
 * Rules no SOP can switch off: kinds that never receive these groups. Monitors see safeguard reports
 * (detention, removals, overdue referrals), not sensitive narratives.
 */
export const NEVER_SHARED_WITH: Readonly<Partial<Record<AgencyKind, readonly FieldGroup[]>>> = Object.freeze({ MONITOR: SENSITIVE_FIELD_GROUPS });

/**
 * `['NGO', …]` → `{ NGO: 'NGO', … }`: a vocabulary's values by name, for code that names one value
 * (`AgencyKind.NGO`) and for the `enum` option of decorators that take an object.
 */
export function valuesByName<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.freeze(Object.fromEntries(values.map((value) => [value, value]))) as { readonly [K in T]: K };
}

export const CONSENT_PURPOSES = ['REFERRAL', 'DATA_SHARING', 'FAMILY_TRACING', 'STATISTICS'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * What may stand in for consent. CHILD_PROTECTION_MANDATE is the child-protection authority's own
 * mandate over an unaccompanied or separated child: the referral to it needs no consent.
 */
export const LEGAL_BASES = ['CHILD_BEST_INTERESTS', 'LEGAL_OBLIGATION', 'VITAL_INTEREST', 'CHILD_PROTECTION_MANDATE'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/**
 * Queue priority of a referral, P1 first. Its own vocabulary, not the profiling urgency: urgency is what
 * the case needs, priority is where the SOP puts it in an agency's queue. The codes sort as text in
 * the order they mean, so a queue index can order by them directly; a fourth level leaves room below
 * NORMAL work for "per national law" routes.
 */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** 1 for P1 … 4 for P4, for a numeric column. */
export function priorityNumber(priority: Priority): number {
  return PRIORITIES.indexOf(priority) + 1;
}

/** The more pressing of two priorities. */
export function higherPriority(a: Priority, b: Priority): Priority {
  return a <= b ? a : b;
}

/** Where the first-contact and action clocks start. */
export const DEADLINE_CLOCKS = ['REFERRAL', 'ARRIVAL'] as const;
export type DeadlineClock = (typeof DEADLINE_CLOCKS)[number];

export const ROLES = ['LEAD', 'SUPPORTING'] as const;
export type ReferralRole = (typeof ROLES)[number];

/**
 * What a receiving agency is asked to do. A closed list, so a misspelt action is refused instead of
 * silently never done; some of these (the reflection period, the best-interests assessment) are what
 * the safeguards key off, so a new action is a reviewed change to this list.
 */
export const ACTIONS = {
  REGISTER_ASYLUM_CLAIM: 'Register the asylum claim',
  ASYLUM_COUNSELLING: 'Counsel on the asylum procedure and rights',
  ALLOCATE_RECEPTION_PLACE: 'Allocate a reception place',
  APPOINT_GUARDIAN: 'Appoint a guardian or representative',
  OPEN_BEST_INTERESTS_ASSESSMENT: 'Open a best-interests assessment',
  ARRANGE_INTERIM_CARE: 'Arrange interim care',
  START_FAMILY_TRACING: 'Start family tracing (unless tracing endangers the child or family)',
  RISK_ASSESSMENT: 'Assess the risks',
  CASE_PLAN: 'Agree a case plan',
  SAFETY_ASSESSMENT: 'Assess the person’s safety',
  ARRANGE_SAFE_SHELTER: 'Arrange a place in a safe shelter',
  MEDICAL_SCREENING: 'Medical screening and care',
  START_REFLECTION_PERIOD: 'Start the reflection and recovery period',
  REFER_FOR_ASYLUM_IF_FEAR_OF_RETURN: 'Refer to the asylum procedure if the person fears return',
  TRAFFICKING_AND_TORTURE_SCREENING: 'Screen for trafficking and torture',
  INFORMATION_ON_REMEDIES: 'Inform the person of remedies',
  PSYCHOSOCIAL_SUPPORT: 'Psychosocial support',
  MEDICO_LEGAL_DOCUMENTATION: 'Document medical and psychological evidence',
  FLAG_PROCEDURAL_SAFEGUARDS: 'Flag procedural safeguards (no repeated interviews)',
  OBTAIN_EXPLICIT_CONSENT: 'Obtain explicit consent before any sharing',
  SAFETY_PLAN: 'Agree a safety plan',
  SAME_SEX_STAFF_AND_INTERPRETER: 'Assign same-sex staff and interpreter',
  CLINICAL_CARE: 'Clinical care',
  VOLUNTARINESS_CHECK: 'Check that return is voluntary',
  PRE_RETURN_COUNSELLING: 'Pre-return counselling',
  VULNERABILITY_ASSESSMENT: 'Assess vulnerabilities',
  TRAVEL_DOCUMENTS: 'Obtain travel documents',
  INFORMATION_ON_RIGHTS: 'Inform on rights and legal migration options',
  STABILISE: 'Stabilise',
  REPROFILE: 'Re-profile once stable',
} as const;
export type ActionCode = keyof typeof ACTIONS;
export const ACTION_CODES = Object.keys(ACTIONS) as ActionCode[];

/** What must not happen while a profile is open: documentation here, enforced by the safeguards elsewhere. */
export const PROHIBITIONS = {
  NO_REMOVAL_WHILE_CLAIM_PENDING: 'No removal while the asylum claim is pending',
  NO_CONTACT_WITH_COUNTRY_OF_ORIGIN: 'No contact with the authorities of the country of origin',
  NO_DETENTION: 'No detention',
  NO_RETURN_WITHOUT_BID: 'No return without a best-interests determination',
  NO_SEPARATION_WITHOUT_BID: 'No separation from parents without a best-interests determination',
  NO_DETENTION_OF_FAMILIES_WITH_CHILDREN: 'No detention of families with children',
  NO_ROUTINE_AGE_ASSESSMENT: 'Age assessment only on serious doubt',
  NO_TRACING_THAT_ENDANGERS: 'No family tracing that endangers the child or family',
  NO_EXPULSION_DURING_REFLECTION_PERIOD: 'No expulsion during the reflection period',
  NO_ASSISTANCE_CONDITIONAL_ON_TESTIMONY: 'Assistance is not conditional on testimony',
  NO_PROSECUTION_FOR_IRREGULAR_ENTRY: 'Not prosecuted for irregular entry',
  NO_POLICE_CONTACT_WITHOUT_CONSENT: 'Police only with consent',
  NO_REMOVAL_BEFORE_SCREENING: 'No removal before screening',
  NO_REPEATED_INTERVIEWS: 'No repeated interviews',
  NO_SHARING_WITHOUT_CONSENT: 'No sharing of identifying data without consent',
  NO_RETURN_WHILE_PROTECTION_PROFILE_OPEN: 'No return while any protection profile is open',
  NO_BAR_TO_WITHDRAWAL: 'Withdrawal possible at any time',
  NO_CONSULATE_CONTACT_WITHOUT_CONSENT: 'Consulate only with consent and no protection flag',
  NO_REMOVAL_WITHOUT_INDIVIDUAL_ASSESSMENT: 'No removal without an individual assessment',
  NO_DETENTION_BEFORE_ALTERNATIVES: 'Alternatives to detention first',
  NO_CARE_CONDITIONAL_ON_STATUS: 'Care never conditional on status',
} as const;
export type ProhibitionCode = keyof typeof PROHIBITIONS;
export const PROHIBITION_CODES = Object.keys(PROHIBITIONS) as ProhibitionCode[];

/** The safeguards an SOP states; `switchable: false` ones cannot be turned off by any SOP. */
export const SAFEGUARDS = {
  NON_REFOULEMENT: {
    switchable: false,
    description: 'No removal or return while an asylum wish or claim is pending, a reflection period runs, an unaccompanied child has no best-interests determination, or a refoulement-risk flag is open',
  },
  DETENTION_GUARD: {
    switchable: true,
    description: 'Detaining an accompanied child, a presumed trafficking victim, a torture or SGBV survivor, a pregnant woman or a seriously ill person is refused unless a senior role overrides with a written justification; an unaccompanied or separated child is never detained, even with this guard switched off',
  },
  NON_CRIMINALISATION: { switchable: true, description: 'Trafficking victims are not flagged for prosecution for irregular entry' },
  CONFIDENTIALITY: {
    switchable: false,
    description: 'Purpose- and recipient-bound consent before sharing; need-to-know for sensitive sections; small statistical cells suppressed; every view audited',
  },
} as const;
export type SafeguardCode = keyof typeof SAFEGUARDS;
export const SAFEGUARD_CODES = Object.keys(SAFEGUARDS) as SafeguardCode[];

/** How agencies of one kind are ranked, in the SOP's order. */
export const CHOICE_CRITERIA = ['COVERAGE', 'SERVICE', 'LANGUAGE', 'CAPACITY'] as const;
export type ChoiceCriterion = (typeof CHOICE_CRITERIA)[number];

/** Who an escalation step alerts. */
export const ESCALATION_TARGETS = ['RECEIVING_AGENCY_MANAGER', 'SENDING_BORDER_POINT_SUPERVISOR', 'COORDINATING_BODY', 'AGENCY'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/**
 * The profiles the engine can suggest, in the order results list them (the domain guide's order), and
 * the urgencies they carry.
 */
export const PROFILES = [
  'ASYLUM_SEEKER',
  'PRIMA_FACIE_REFUGEE',
  'UNACCOMPANIED_CHILD',
  'SEPARATED_CHILD',
  'CHILD_AT_RISK',
  'TRAFFICKING_VICTIM',
  'SMUGGLED_MIGRANT_ABUSED',
  'TORTURE_SURVIVOR',
  'SGBV_SURVIVOR',
  'MEDICAL_EMERGENCY',
  'SPECIFIC_NEEDS',
  'STRANDED_MIGRANT_RETURN',
  'MIGRANT',
] as const;
export type ProfileCode = (typeof PROFILES)[number];

/**
 * Profiles that signal a protection need. While any of them applies, MIGRANT and
 * STRANDED_MIGRANT_RETURN are not suggested (no return while a protection profile is open).
 * MEDICAL_EMERGENCY and SPECIFIC_NEEDS are needs, not protection grounds: a pregnant labour migrant
 * who wants to go home is still a candidate for assisted return, with a vulnerability assessment.
 */
export const PROTECTION_PROFILES: readonly ProfileCode[] = [
  'ASYLUM_SEEKER',
  'PRIMA_FACIE_REFUGEE',
  'UNACCOMPANIED_CHILD',
  'SEPARATED_CHILD',
  'CHILD_AT_RISK',
  'TRAFFICKING_VICTIM',
  'SMUGGLED_MIGRANT_ABUSED',
  'TORTURE_SURVIVOR',
  'SGBV_SURVIVOR',
];

/** Suggested only when no protection profile applies. */
export const MIGRATION_PROFILES: readonly ProfileCode[] = ['STRANDED_MIGRANT_RETURN', 'MIGRANT'];

/** Derived by the engine from the prima facie list, never by a rule. */
export const DERIVED_ONLY_PROFILES: readonly ProfileCode[] = ['PRIMA_FACIE_REFUGEE'];

export const URGENCIES = ['IMMEDIATE', 'HIGH', 'NORMAL'] as const;
export type Urgency = (typeof URGENCIES)[number];

const URGENCY_RANK: Record<Urgency, number> = { IMMEDIATE: 2, HIGH: 1, NORMAL: 0 };

/** The more urgent of two urgencies. */
export function moreUrgent(a: Urgency, b: Urgency): Urgency {
  return URGENCY_RANK[a] >= URGENCY_RANK[b] ? a : b;
}

export function isProfileCode(value: unknown): value is ProfileCode {
  return (PROFILES as readonly unknown[]).includes(value);
}

export function isProtectionProfile(profile: ProfileCode): boolean {
  return PROTECTION_PROFILES.includes(profile);
}

/** Position of a profile in {@link PROFILES}, for a deterministic order. */
export function profileOrder(profile: ProfileCode): number {
  return PROFILES.indexOf(profile);
}

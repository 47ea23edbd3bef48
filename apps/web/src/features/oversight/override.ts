import { ApiError } from '../../api/api-error';

/** The safeguards a supervisor may lift with a written justification (libs/safeguards): detaining a protected person, flagging a victim's unrelated offence. */
export type OverrideKind = 'DETENTION' | 'PROSECUTION';

/** The shortest justification or finding the api accepts (MIN_JUSTIFICATION, MIN_FINDING in libs/safeguards). */
export const OVERRIDE_MIN_LENGTH = 40;

/** The request field that carries the justification, per kind (POST …/detentions, POST …/flags). */
export const OVERRIDE_FIELD: Record<OverrideKind, 'overrideJustification' | 'unrelatedOffenceFinding'> = {
  DETENTION: 'overrideJustification',
  PROSECUTION: 'unrelatedOffenceFinding',
};

/**
 * Whether a refusal can be lifted by this user with a written justification, and which kind. Never for
 * refusals the rules allow no override of (an unaccompanied or separated child's detention, a status
 * offence of a trafficking victim, a child without a best-interests assessment): those the page explains
 * and points elsewhere.
 */
export function overrideOffer(error: unknown, mayOverride: boolean): OverrideKind | null {
  if (!mayOverride || !(error instanceof ApiError) || error.status !== 409) return null;
  if (error.code === 'SAFEGUARD.DETENTION_GUARD' && (error.details.override === 'NO_OVERRIDE' || error.details.override === 'JUSTIFICATION_TOO_SHORT')) return 'DETENTION';
  if (error.code === 'SAFEGUARD.NON_CRIMINALISATION' && (error.details.finding === 'FINDING_REQUIRED' || error.details.finding === 'FINDING_TOO_SHORT')) return 'PROSECUTION';
  return null;
}

import type { IntlShape, MessageDescriptor } from 'react-intl';
import { defineMessages } from './define-messages';

/** Names of the api's codes (roles, agency kinds, profiles, case statuses, languages) in the UI. */
export const roleMessages = defineMessages({
  BORDER_OFFICIAL: { id: 'role.BORDER_OFFICIAL', defaultMessage: 'Border official' },
  CASEWORKER: { id: 'role.CASEWORKER', defaultMessage: 'Caseworker' },
  SUPERVISOR: { id: 'role.SUPERVISOR', defaultMessage: 'Supervisor' },
  AGENCY_MANAGER: { id: 'role.AGENCY_MANAGER', defaultMessage: 'Agency manager' },
  SOP_ADMIN: { id: 'role.SOP_ADMIN', defaultMessage: 'SOP administrator' },
  ANALYST: { id: 'role.ANALYST', defaultMessage: 'Analyst' },
  MONITOR: { id: 'role.MONITOR', defaultMessage: 'Monitor' },
  SYSADMIN: { id: 'role.SYSADMIN', defaultMessage: 'System administrator' },
});

export const profileStatusMessages = defineMessages({
  SUGGESTED: { id: 'profileStatus.SUGGESTED', defaultMessage: 'Suggested' },
  CONFIRMED: { id: 'profileStatus.CONFIRMED', defaultMessage: 'Confirmed' },
  REMOVED: { id: 'profileStatus.REMOVED', defaultMessage: 'Removed' },
  SUPERSEDED: { id: 'profileStatus.SUPERSEDED', defaultMessage: 'Superseded' },
});

export const referralStatusMessages = defineMessages({
  AWAITING_CONSENT: { id: 'referralStatus.AWAITING_CONSENT', defaultMessage: 'Waiting for consent' },
  PENDING: { id: 'referralStatus.PENDING', defaultMessage: 'Sent' },
  ACKNOWLEDGED: { id: 'referralStatus.ACKNOWLEDGED', defaultMessage: 'Acknowledged' },
  ACCEPTED: { id: 'referralStatus.ACCEPTED', defaultMessage: 'Accepted' },
  IN_PROGRESS: { id: 'referralStatus.IN_PROGRESS', defaultMessage: 'In progress' },
  SUSPENDED: { id: 'referralStatus.SUSPENDED', defaultMessage: 'Suspended' },
  DECLINED: { id: 'referralStatus.DECLINED', defaultMessage: 'Declined' },
  COMPLETED: { id: 'referralStatus.COMPLETED', defaultMessage: 'Completed' },
  WITHDRAWN: { id: 'referralStatus.WITHDRAWN', defaultMessage: 'Withdrawn' },
});

export const profileMessages = defineMessages({
  ASYLUM_SEEKER: { id: 'profile.ASYLUM_SEEKER', defaultMessage: 'Asylum-seeker' },
  PRIMA_FACIE_REFUGEE: { id: 'profile.PRIMA_FACIE_REFUGEE', defaultMessage: 'Prima facie refugee' },
  UNACCOMPANIED_CHILD: { id: 'profile.UNACCOMPANIED_CHILD', defaultMessage: 'Unaccompanied child' },
  SEPARATED_CHILD: { id: 'profile.SEPARATED_CHILD', defaultMessage: 'Separated child' },
  CHILD_AT_RISK: { id: 'profile.CHILD_AT_RISK', defaultMessage: 'Child at risk' },
  TRAFFICKING_VICTIM: { id: 'profile.TRAFFICKING_VICTIM', defaultMessage: 'Victim of trafficking' },
  SMUGGLED_MIGRANT_ABUSED: { id: 'profile.SMUGGLED_MIGRANT_ABUSED', defaultMessage: 'Smuggled migrant (abused)' },
  TORTURE_SURVIVOR: { id: 'profile.TORTURE_SURVIVOR', defaultMessage: 'Torture survivor' },
  SGBV_SURVIVOR: { id: 'profile.SGBV_SURVIVOR', defaultMessage: 'SGBV survivor' },
  MEDICAL_EMERGENCY: { id: 'profile.MEDICAL_EMERGENCY', defaultMessage: 'Medical emergency' },
  SPECIFIC_NEEDS: { id: 'profile.SPECIFIC_NEEDS', defaultMessage: 'Specific needs' },
  STRANDED_MIGRANT_RETURN: { id: 'profile.STRANDED_MIGRANT_RETURN', defaultMessage: 'Stranded migrant' },
  MIGRANT: { id: 'profile.MIGRANT', defaultMessage: 'Migrant' },
});

export const statusMessages = defineMessages({
  OPEN: { id: 'caseStatus.OPEN', defaultMessage: 'Open' },
  INCOMPLETE: { id: 'caseStatus.INCOMPLETE', defaultMessage: 'Details missing' },
  CLOSED: { id: 'caseStatus.CLOSED', defaultMessage: 'Closed' },
});

export const agencyKindMessages = defineMessages({
  BORDER_AUTHORITY: { id: 'agencyKind.BORDER_AUTHORITY', defaultMessage: 'Border authority' },
  IMMIGRATION: { id: 'agencyKind.IMMIGRATION', defaultMessage: 'Immigration' },
  ASYLUM_AUTHORITY: { id: 'agencyKind.ASYLUM_AUTHORITY', defaultMessage: 'Asylum authority' },
  CHILD_PROTECTION: { id: 'agencyKind.CHILD_PROTECTION', defaultMessage: 'Child protection' },
  ANTI_TRAFFICKING: { id: 'agencyKind.ANTI_TRAFFICKING', defaultMessage: 'Anti-trafficking' },
  HEALTH: { id: 'agencyKind.HEALTH', defaultMessage: 'Health' },
  NGO: { id: 'agencyKind.NGO', defaultMessage: 'NGO' },
  INTERNATIONAL_ORGANIZATION: { id: 'agencyKind.INTERNATIONAL_ORGANIZATION', defaultMessage: 'International organization' },
  MONITOR: { id: 'agencyKind.MONITOR', defaultMessage: 'Independent monitor' },
});

export const serviceMessages = defineMessages({
  FAMILY_TRACING: { id: 'service.FAMILY_TRACING', defaultMessage: 'Family tracing' },
  TORTURE_REHABILITATION: { id: 'service.TORTURE_REHABILITATION', defaultMessage: 'Rehabilitation of torture survivors' },
  SAFE_SHELTER: { id: 'service.SAFE_SHELTER', defaultMessage: 'Safe shelter' },
  LEGAL_AID: { id: 'service.LEGAL_AID', defaultMessage: 'Legal aid' },
  MEDICAL_CARE: { id: 'service.MEDICAL_CARE', defaultMessage: 'Medical care' },
  PSYCHOSOCIAL: { id: 'service.PSYCHOSOCIAL', defaultMessage: 'Psychosocial support' },
  VOLUNTARY_RETURN: { id: 'service.VOLUNTARY_RETURN', defaultMessage: 'Assisted voluntary return' },
  INTERIM_CARE: { id: 'service.INTERIM_CARE', defaultMessage: 'Interim care' },
  GBV_CASE_MANAGEMENT: { id: 'service.GBV_CASE_MANAGEMENT', defaultMessage: 'SGBV case management' },
});

/** Each language's own name, the same in every catalog (a French speaker finds "Français" in the Arabic UI). */
export const localeNames = defineMessages({
  en: { id: 'locale.en', defaultMessage: 'English' },
  fr: { id: 'locale.fr', defaultMessage: 'Français' },
  pt: { id: 'locale.pt', defaultMessage: 'Português' },
  sw: { id: 'locale.sw', defaultMessage: 'Kiswahili' },
  ar: { id: 'locale.ar', defaultMessage: 'العربية' },
});

const unknownCode = defineMessages({ value: { id: 'code.unknown', defaultMessage: 'Other ({code})' } });

/** The UI name of an api code, or "Other (CODE)" for a code this version of the app does not know. */
export function nameOf(intl: IntlShape, table: Record<string, MessageDescriptor>, code: string): string {
  const descriptor = Object.hasOwn(table, code) ? table[code] : undefined;
  return descriptor ? intl.formatMessage(descriptor) : intl.formatMessage(unknownCode.value, { code });
}

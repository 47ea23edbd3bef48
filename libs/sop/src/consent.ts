import { ProfileCode } from '@kivuko/profiling';
import { Sop } from './sop';
import {
  AgencyKind,
  ALWAYS_CONSENT_BOUND,
  ConsentPurpose,
  FIELD_GROUPS,
  FieldGroup,
  LEGAL_BASES,
  LegalBasis,
  NEVER_SHARED_WITH,
} from './vocabulary';

/**
 * What must be on record before a referral shares what it would share: consent for `purpose`, or one of
 * `legalBases` recorded instead. `automaticBasis` is set when the SOP lets the system record a basis
 * itself (vital interest in a medical emergency): the referral then proceeds at once, recorded as such.
 */
export interface ConsentRequirement {
  purpose: ConsentPurpose;
  /** The field groups that wait for it (only those the case has matter); empty: the purpose as a whole. */
  fieldGroups: FieldGroup[];
  /** Legal bases that may stand in for this person, recipient and profiles. */
  legalBases: LegalBasis[];
  automaticBasis: LegalBasis | null;
}

/** Who a requirement is about. */
export interface ConsentSubject {
  recipient: AgencyKind;
  profiles: readonly ProfileCode[];
  isChild: boolean;
}

/** The field groups the SOP shares with this kind of agency, in the fixed field-group order. */
export function sharedGroups(sop: Sop, kind: AgencyKind): FieldGroup[] {
  const rule = sop.dataSharing.recipients[kind];
  const forbidden = NEVER_SHARED_WITH[kind] ?? [];
  return FIELD_GROUPS.filter((group) => rule.groups.includes(group) && !forbidden.includes(group));
}

/**
 * Of the groups shared with this kind, those that need consent for this purpose: the SOP's
 * consent-bound groups when the purpose requires consent, and always the SGBV section.
 */
export function consentBoundGroups(sop: Sop, kind: AgencyKind, purpose: ConsentPurpose): FieldGroup[] {
  const rule = sop.dataSharing.recipients[kind];
  const purposeNeedsConsent = sop.dataSharing.purposes[purpose].consentRequired;
  return sharedGroups(sop, kind).filter((group) => ALWAYS_CONSENT_BOUND.includes(group) || (purposeNeedsConsent && rule.consentRequiredFor.includes(group)));
}

/** The legal bases that may stand in for consent for this purpose and subject, in the fixed order. */
export function legalBasesFor(sop: Sop, purpose: ConsentPurpose, subject: ConsentSubject): LegalBasis[] {
  const allowed = sop.dataSharing.purposes[purpose].legalBases;
  return LEGAL_BASES.filter((basis) => {
    const rule = sop.dataSharing.legalBases[basis];
    if (!rule || !allowed.includes(basis)) return false;
    if (rule.childOnly && !subject.isChild) return false;
    if (rule.recipients.length > 0 && !rule.recipients.includes(subject.recipient)) return false;
    return rule.profiles.length === 0 || rule.profiles.some((profile) => subject.profiles.includes(profile));
  });
}

function requirement(sop: Sop, purpose: ConsentPurpose, fieldGroups: FieldGroup[], subject: ConsentSubject): ConsentRequirement {
  const legalBases = legalBasesFor(sop, purpose, subject);
  const automaticBasis = legalBases.find((basis) => sop.dataSharing.legalBases[basis]?.automatic) ?? null;
  return { purpose, fieldGroups, legalBases, automaticBasis };
}

/**
 * What a referral needs on record: consent (or a basis) for the REFERRAL purpose covering its
 * consent-bound groups, and for each further purpose its actions need (family tracing).
 */
export function consentRequirements(sop: Sop, subject: ConsentSubject, actionPurposes: readonly ConsentPurpose[]): ConsentRequirement[] {
  const out: ConsentRequirement[] = [];
  const bound = consentBoundGroups(sop, subject.recipient, 'REFERRAL');
  if (bound.length > 0) out.push(requirement(sop, 'REFERRAL', bound, subject));
  for (const purpose of new Set(actionPurposes)) {
    if (purpose !== 'REFERRAL' && sop.dataSharing.purposes[purpose].consentRequired) out.push(requirement(sop, purpose, [], subject));
  }
  return out;
}

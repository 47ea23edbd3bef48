import { ProfileCode } from '@kivuko/profiling';
import { Sop } from './sop';
import {
  ActionCode,
  AgencyKind,
  ALWAYS_CONSENT_BOUND,
  CONSENT_PURPOSES,
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
 * itself (vital interest in a medical emergency, the child-protection mandate): the referral then proceeds at once, recorded as such.
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
 * What a referral needs on record before it goes to the agency: consent (or a basis) for the REFERRAL
 * purpose covering its consent-bound groups. Nothing else holds a referral back.
 */
export function consentRequirements(sop: Sop, subject: ConsentSubject): ConsentRequirement[] {
  const bound = consentBoundGroups(sop, subject.recipient, 'REFERRAL');
  return bound.length > 0 ? [requirement(sop, 'REFERRAL', bound, subject)] : [];
}

/** Consent one of a referral's actions needs (family tracing), asked for separately: it holds the action, never the referral. */
export interface SeparateConsent extends ConsentRequirement {
  /** The actions that wait for it. */
  actions: ActionCode[];
}

/** For each further purpose a referral's actions need (family tracing), the consent asked for separately. */
export function separateConsents(sop: Sop, subject: ConsentSubject, actions: readonly { action: ActionCode; consentPurpose?: ConsentPurpose }[]): SeparateConsent[] {
  const byPurpose = new Map<ConsentPurpose, ActionCode[]>();
  for (const { action, consentPurpose } of actions) {
    if (!consentPurpose || consentPurpose === 'REFERRAL' || !sop.dataSharing.purposes[consentPurpose].consentRequired) continue;
    byPurpose.set(consentPurpose, [...(byPurpose.get(consentPurpose) ?? []), action]);
  }
  return CONSENT_PURPOSES.filter((purpose) => byPurpose.has(purpose)).map((purpose) => ({
    ...requirement(sop, purpose, [], subject),
    actions: byPurpose.get(purpose) ?? [],
  }));
}

/** A consent record of the case for the referral's recipient (agency or kind), oldest first. */
export interface ConsentOnRecord {
  id: string;
  purpose: string;
  decision: 'GIVEN' | 'REFUSED' | 'LEGAL_BASIS';
  legalBasis: string | null;
  fieldGroups: readonly string[];
  withdrawn: boolean;
}

/** What meets a requirement, as recorded on the referral. */
export interface BasisMet {
  purpose: ConsentPurpose;
  /** CONSENT: a consent record covers it; LEGAL_BASIS: a recorded legal basis; AUTOMATIC: the SOP's own (vital interest, the child-protection mandate). */
  kind: 'CONSENT' | 'LEGAL_BASIS' | 'AUTOMATIC';
  consentRecordId?: string;
  legalBasis?: LegalBasis;
}

/**
 * Which requirements the records meet and which still wait: the latest record for a purpose decides (a
 * refusal blocks, a withdrawn record counts as none), a consent or a legal basis must cover the
 * requirement's field groups, and the SOP's automatic basis meets what no refusal blocks. Every
 * requirement lands in exactly one of the two lists: `met` never holds a gap.
 */
export function meetRequirements(requirements: readonly ConsentRequirement[], records: readonly ConsentOnRecord[]): { met: BasisMet[]; waiting: ConsentRequirement[] } {
  const met: BasisMet[] = [];
  const waiting: ConsentRequirement[] = [];
  for (const requirement of requirements) {
    const found = basisFor(requirement, records);
    if (found) met.push(found);
    else waiting.push(requirement);
  }
  return { met, waiting };
}

function basisFor(requirement: ConsentRequirement, records: readonly ConsentOnRecord[]): BasisMet | null {
  const latest = records.filter((r) => r.purpose === requirement.purpose && !r.withdrawn).pop();
  const covers = (groups: readonly string[]): boolean => groups.length === 0 || requirement.fieldGroups.every((g) => groups.includes(g));
  const { purpose } = requirement;
  if (latest?.decision === 'GIVEN' && covers(latest.fieldGroups)) return { purpose, kind: 'CONSENT', consentRecordId: latest.id };
  const recorded = requirement.legalBases.find((basis) => basis === latest?.legalBasis);
  if (latest?.decision === 'LEGAL_BASIS' && recorded && covers(latest.fieldGroups)) return { purpose, kind: 'LEGAL_BASIS', consentRecordId: latest.id, legalBasis: recorded };
  if (latest?.decision !== 'REFUSED' && requirement.automaticBasis) return { purpose, kind: 'AUTOMATIC', legalBasis: requirement.automaticBasis };
  return null;
}

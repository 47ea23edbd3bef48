import { AGENCY_KINDS, ALWAYS_CONSENT_BOUND, FIELD_GROUPS, FieldGroup as Group, NEVER_SHARED_WITH, SENSITIVE_FIELD_GROUPS, valuesByName } from '@kivuko/sop';
import { AgencyKind } from './access.enums';

/**
 * The named sections of a case record (the joint SOP's vocabulary, defined once in the core). What an
 * agency receives is decided per section: responses are built from the sections a recipient may see,
 * never by removing fields from a full record.
 */
export type FieldGroup = Group;
/** `FieldGroup.SGBV === 'SGBV'`. */
export const FieldGroup = valuesByName(FIELD_GROUPS);

/** Every field group in the order responses and reports list them in, and the need-to-know ones. */
export { FIELD_GROUPS, SENSITIVE_FIELD_GROUPS };

export function isFieldGroup(value: unknown): value is FieldGroup {
  return typeof value === 'string' && (FIELD_GROUPS as readonly string[]).includes(value);
}

export function isSensitiveFieldGroup(group: FieldGroup): boolean {
  return SENSITIVE_FIELD_GROUPS.includes(group);
}

/** What the joint SOP lets one kind of agency receive for a case its agency holds (or held) a referral for. */
export interface DataSharingRule {
  readonly groups: readonly FieldGroup[];
  /**
   * Of `groups`, those shared only once consent — or a legal basis standing in for it, such as a child's
   * best interests or a legal duty, recorded as such — is on record for this purpose and recipient.
   */
  readonly consentRequiredFor: readonly FieldGroup[];
}

/** Agency kind → the field groups it may receive. Part of the joint SOP; every kind has an entry. */
export type DataSharingMap = Readonly<Record<AgencyKind, DataSharingRule>>;

// Rules no SOP can switch off (NEVER_SHARED_WITH, ALWAYS_CONSENT_BOUND, from the core's vocabulary):
// `validateDataSharingMap` refuses a map that breaks them and `allowedGroups` applies them even to a map
// that was never validated.

function rule(groups: FieldGroup[], consentRequiredFor: FieldGroup[] = []): DataSharingRule {
  return Object.freeze({ groups: Object.freeze(groups), consentRequiredFor: Object.freeze(consentRequiredFor) });
}

const G = FieldGroup;

/**
 * The default sharing map, derived from the default joint SOP in the domain guide. This is the one place
 * it lives: the SOP model (a later issue) replaces it with the map of the active SOP.
 */
export const DEFAULT_DATA_SHARING: DataSharingMap = Object.freeze({
  // The registering side: enough to hold the person safely and apply the detention and return guards.
  [AgencyKind.BORDER_AUTHORITY]: rule([G.IDENTITY, G.CONTACT, G.ARRIVAL, G.NEEDS, G.CHILD, G.DETENTION, G.RETURN]),
  [AgencyKind.ASYLUM_AUTHORITY]: rule(
    // TORTURE for the procedural-safeguards flag (no repeated interviews); the pending claim is the usual
    // legal basis, but it is recorded before the account is shared.
    [G.IDENTITY, G.CONTACT, G.ARRIVAL, G.NEEDS, G.ASYLUM, G.CHILD, G.TORTURE, G.DETENTION, G.RETURN],
    [G.TORTURE],
  ),
  [AgencyKind.CHILD_PROTECTION]: rule(
    // Best interests: the lead for children needs the whole protection picture.
    [G.IDENTITY, G.CONTACT, G.ARRIVAL, G.NEEDS, G.CHILD, G.HEALTH, G.TRAFFICKING, G.SGBV, G.DETENTION, G.RETURN],
    [G.SGBV],
  ),
  [AgencyKind.ANTI_TRAFFICKING]: rule(
    [G.IDENTITY, G.CONTACT, G.ARRIVAL, G.NEEDS, G.TRAFFICKING, G.HEALTH, G.CHILD],
    // The coordinator arranges medical care from NEEDS; clinical details are need-to-know.
    [G.HEALTH],
  ),
  [AgencyKind.HEALTH]: rule([G.IDENTITY, G.CONTACT, G.NEEDS, G.HEALTH, G.SGBV, G.TORTURE], [G.SGBV, G.TORTURE]),
  // Shelter and services; the sensitive sections only with consent, and never the asylum narrative.
  [AgencyKind.NGO]: rule(
    [G.IDENTITY, G.CONTACT, G.NEEDS, G.SGBV, G.TORTURE, G.HEALTH, G.TRAFFICKING],
    [G.SGBV, G.TORTURE, G.HEALTH, G.TRAFFICKING],
  ),
  [AgencyKind.INTERNATIONAL_ORGANIZATION]: rule(
    [G.IDENTITY, G.CONTACT, G.ARRIVAL, G.NEEDS, G.ASYLUM, G.CHILD, G.RETURN],
    [G.ASYLUM],
  ),
  // Non-refoulement and confidentiality: nothing of the claim or of what the person survived.
  [AgencyKind.IMMIGRATION]: rule([G.IDENTITY, G.ARRIVAL, G.RETURN, G.DETENTION]),
  // CHILD for age and status facts (no child in detention, no return without a BID).
  [AgencyKind.MONITOR]: rule([G.ARRIVAL, G.CHILD, G.DETENTION, G.RETURN]),
});

const RULE_PROPERTIES: readonly string[] = ['groups', 'consentRequiredFor'];

function isAgencyKind(value: string): value is AgencyKind {
  return (AGENCY_KINDS as readonly string[]).includes(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Checks one list of field groups; returns the valid entries with their indexes, and the problems. */
function checkGroupList(path: string, value: unknown, problems: string[]): Array<[number, FieldGroup]> {
  if (!Array.isArray(value)) {
    problems.push(`${path}: must be an array of field groups, got ${shown(value)}`);
    return [];
  }
  const valid: Array<[number, FieldGroup]> = [];
  const seen = new Set<FieldGroup>();
  value.forEach((entry: unknown, index) => {
    if (!isFieldGroup(entry)) {
      problems.push(`${path}[${index}]: ${shown(entry)} is not a field group`);
    } else if (seen.has(entry)) {
      problems.push(`${path}[${index}]: "${entry}" is listed twice`);
    } else {
      seen.add(entry);
      valid.push([index, entry]);
    }
  });
  return valid;
}

function checkRule(kind: AgencyKind, value: unknown, problems: string[]): void {
  if (!isObject(value)) {
    problems.push(`${kind}: must be an object with "groups" and "consentRequiredFor", got ${shown(value)}`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!RULE_PROPERTIES.includes(key)) problems.push(`${kind}.${key}: unknown property (expected "groups" and "consentRequiredFor")`);
  }
  const groups = checkGroupList(`${kind}.groups`, value['groups'], problems);
  const consent = checkGroupList(`${kind}.consentRequiredFor`, value['consentRequiredFor'], problems);
  const shared = new Set(groups.map(([, group]) => group));
  const consentBound = new Set(consent.map(([, group]) => group));

  for (const [index, group] of consent) {
    if (!shared.has(group)) {
      problems.push(`${kind}.consentRequiredFor[${index}]: "${group}" is not in ${kind}.groups, so there is nothing to require consent for`);
    }
  }
  const forbidden = NEVER_SHARED_WITH[kind] ?? [];
  for (const [index, group] of groups) {
    if (forbidden.includes(group)) {
      problems.push(`${kind}.groups[${index}]: "${group}" is sensitive and is never shared with ${kind} (a rule the SOP cannot switch off)`);
    } else if (ALWAYS_CONSENT_BOUND.includes(group) && !consentBound.has(group)) {
      problems.push(
        `${kind}.groups[${index}]: "${group}" is shared only with consent or a legal basis, so ${kind}.consentRequiredFor must list it (a rule the SOP cannot switch off)`,
      );
    }
  }
}

/**
 * Every problem with a proposed sharing map (e.g. from an SOP upload), each prefixed with its path;
 * an empty list means the map can be used as a `DataSharingMap`.
 */
export function validateDataSharingMap(map: unknown): string[] {
  if (!isObject(map)) return [`(map): must be an object keyed by agency kind, got ${shown(map)}`];
  const problems: string[] = [];
  for (const kind of AGENCY_KINDS) {
    if (Object.hasOwn(map, kind)) checkRule(kind, map[kind], problems);
    else problems.push(`${kind}: missing (every agency kind needs an entry; an empty "groups" list shares nothing)`);
  }
  for (const key of Object.keys(map)) {
    if (!isAgencyKind(key)) problems.push(`${key}: ${JSON.stringify(key)} is not an agency kind`);
  }
  return problems;
}

/**
 * The field groups that may be shared with this kind of agency now: its groups under the map, except
 * those that need consent (or a legal basis) not yet granted. Fails closed on a kind the map lacks.
 */
export function allowedGroups(
  map: DataSharingMap,
  agencyKind: AgencyKind,
  granted: { readonly consentFor: readonly FieldGroup[] },
): Set<FieldGroup> {
  const allowed = new Set<FieldGroup>();
  const sharing: DataSharingRule | undefined = Object.hasOwn(map, agencyKind) ? map[agencyKind] : undefined;
  if (!sharing) return allowed;
  const forbidden = NEVER_SHARED_WITH[agencyKind] ?? [];
  for (const group of sharing.groups) {
    if (!isFieldGroup(group) || forbidden.includes(group)) continue;
    const needsConsent = sharing.consentRequiredFor.includes(group) || ALWAYS_CONSENT_BOUND.includes(group);
    if (needsConsent && !granted.consentFor.includes(group)) continue;
    allowed.add(group);
  }
  return allowed;
}

/** Why a section is withheld from a kind of agency: the SOP shares it with that kind only with consent (not on record), or not at all. */
export type WithheldReason = 'CONSENT_MISSING' | 'NOT_SHARED';

/**
 * The reason for a group `allowedGroups` left out: CONSENT_MISSING when the map shares it with this kind
 * but only with consent or a legal basis, NOT_SHARED when the map (or a rule it cannot switch off) never does.
 */
export function withheldReason(map: DataSharingMap, agencyKind: AgencyKind, group: FieldGroup): WithheldReason {
  const sharing: DataSharingRule | undefined = Object.hasOwn(map, agencyKind) ? map[agencyKind] : undefined;
  if (!sharing || !sharing.groups.includes(group) || (NEVER_SHARED_WITH[agencyKind] ?? []).includes(group)) return 'NOT_SHARED';
  return 'CONSENT_MISSING';
}

/** A section is present when the record has it as an own property with a value (undefined counts as absent). */
function hasSection(record: Partial<Record<FieldGroup, unknown>>, group: FieldGroup): boolean {
  return Object.hasOwn(record, group) && record[group] !== undefined;
}

/**
 * A new object holding only the record's sections in `allowed`. Section values are passed by reference,
 * not copied; the input is never changed. Keys that are not field groups are not carried over.
 */
export function shapeRecord<T extends Partial<Record<FieldGroup, unknown>>>(
  record: T,
  allowed: ReadonlySet<FieldGroup>,
): Partial<T> {
  const sections = FIELD_GROUPS.filter((group) => allowed.has(group) && hasSection(record, group));
  return Object.fromEntries(sections.map((group) => [group, record[group]])) as Partial<T>;
}

/** The sections present in the record but not in `allowed`: what a response may say it withheld, by name only. */
export function withheldGroups(record: Partial<Record<FieldGroup, unknown>>, allowed: ReadonlySet<FieldGroup>): FieldGroup[] {
  return FIELD_GROUPS.filter((group) => !allowed.has(group) && hasSection(record, group));
}

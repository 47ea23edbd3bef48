import { AgencyKind } from './access.enums';

/**
 * The named sections of a case record. What an agency receives is decided per section: responses are
 * built from the sections a recipient may see, never by removing fields from a full record.
 */
export enum FieldGroup {
  Identity = 'IDENTITY',
  Contact = 'CONTACT',
  Arrival = 'ARRIVAL',
  Needs = 'NEEDS',
  Asylum = 'ASYLUM',
  Child = 'CHILD',
  Trafficking = 'TRAFFICKING',
  Health = 'HEALTH',
  Sgbv = 'SGBV',
  Torture = 'TORTURE',
  Detention = 'DETENTION',
  Return = 'RETURN',
}

/** Every field group, in declaration order (the order responses and reports list them in). */
export const FIELD_GROUPS: readonly FieldGroup[] = Object.freeze(Object.values(FieldGroup));

/**
 * Need-to-know sections: their narratives are encrypted at rest and they are never shown to monitors,
 * whatever the SOP says.
 */
export const SENSITIVE_FIELD_GROUPS: readonly FieldGroup[] = Object.freeze([
  FieldGroup.Sgbv,
  FieldGroup.Torture,
  FieldGroup.Trafficking,
  FieldGroup.Health,
  FieldGroup.Asylum,
]);

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

/**
 * Rules no SOP can switch off. `validateDataSharingMap` refuses a map that breaks them and
 * `allowedGroups` applies them even to a map that was never validated.
 */
const NEVER_SHARED_WITH: Readonly<Partial<Record<AgencyKind, readonly FieldGroup[]>>> = Object.freeze({
  // Monitors see safeguard reports (detention, removals, overdue referrals), not sensitive narratives.
  [AgencyKind.Monitor]: SENSITIVE_FIELD_GROUPS,
});
/** The SGBV SOP: explicit consent (or a recorded legal basis) before any sharing, with anyone. */
const ALWAYS_CONSENT_BOUND: readonly FieldGroup[] = Object.freeze([FieldGroup.Sgbv]);

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
  [AgencyKind.BorderAuthority]: rule([G.Identity, G.Contact, G.Arrival, G.Needs, G.Child, G.Detention, G.Return]),
  [AgencyKind.AsylumAuthority]: rule(
    // TORTURE for the procedural-safeguards flag (no repeated interviews); the pending claim is the usual
    // legal basis, but it is recorded before the account is shared.
    [G.Identity, G.Contact, G.Arrival, G.Needs, G.Asylum, G.Child, G.Torture, G.Detention, G.Return],
    [G.Torture],
  ),
  [AgencyKind.ChildProtection]: rule(
    // Best interests: the lead for children needs the whole protection picture.
    [G.Identity, G.Contact, G.Arrival, G.Needs, G.Child, G.Health, G.Trafficking, G.Sgbv, G.Detention, G.Return],
    [G.Sgbv],
  ),
  [AgencyKind.AntiTrafficking]: rule(
    [G.Identity, G.Contact, G.Arrival, G.Needs, G.Trafficking, G.Health, G.Child],
    // The coordinator arranges medical care from NEEDS; clinical details are need-to-know.
    [G.Health],
  ),
  [AgencyKind.Health]: rule([G.Identity, G.Contact, G.Needs, G.Health, G.Sgbv, G.Torture], [G.Sgbv, G.Torture]),
  // Shelter and services; the sensitive sections only with consent, and never the asylum narrative.
  [AgencyKind.Ngo]: rule(
    [G.Identity, G.Contact, G.Needs, G.Sgbv, G.Torture, G.Health, G.Trafficking],
    [G.Sgbv, G.Torture, G.Health, G.Trafficking],
  ),
  [AgencyKind.InternationalOrganization]: rule(
    [G.Identity, G.Contact, G.Arrival, G.Needs, G.Asylum, G.Child, G.Return],
    [G.Asylum],
  ),
  // Non-refoulement and confidentiality: nothing of the claim or of what the person survived.
  [AgencyKind.Immigration]: rule([G.Identity, G.Arrival, G.Return, G.Detention]),
  // CHILD for age and status facts (no child in detention, no return without a BID).
  [AgencyKind.Monitor]: rule([G.Arrival, G.Child, G.Detention, G.Return]),
});

const AGENCY_KINDS: readonly AgencyKind[] = Object.freeze(Object.values(AgencyKind));
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

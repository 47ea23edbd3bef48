import { PROFILES } from '@kivuko/profiling';
import { compareDurations } from '../duration';
import {
  AgencyChoicePolicy,
  ChoiceRule,
  DataSharingPolicy,
  EscalationPolicy,
  EscalationStep,
  LegalBasisRule,
  PurposeRule,
  SafeguardSetting,
  SharingRule,
} from '../sop';
import {
  AGENCY_KINDS,
  AgencyKind,
  ALWAYS_CONSENT_BOUND,
  CHOICE_CRITERIA,
  CONSENT_PURPOSES,
  ConsentPurpose,
  ESCALATION_TARGETS,
  FIELD_GROUPS,
  LEGAL_BASES,
  LegalBasis,
  NEVER_SHARED_WITH,
  PRIORITIES,
  SAFEGUARD_CODES,
  SafeguardCode,
  SAFEGUARDS,
} from '../vocabulary';
import { child, isObject, item, Problems, shown } from './problems';

/** Reads the agency choice, data sharing, escalation and safeguard sections of an SOP. */
export class SectionsReader {
  constructor(
    private readonly problems: Problems,
    private readonly reference: Date,
  ) {}

  agencyChoice(raw: unknown): AgencyChoicePolicy | undefined {
    const path = 'agencyChoice';
    const section = this.problems.object(raw, path, 'an object with criteria');
    if (!section) return undefined;
    this.problems.onlyKeys(section, ['criteria', 'description'], path);
    this.problems.optionalText(section['description'], child(path, 'description'), 2_000);
    const seen = new Set<string>();
    const criteria = this.problems.list(section['criteria'], child(path, 'criteria'), (r, at): ChoiceRule | undefined => {
      const rule = this.problems.object(r, at, 'an object with criterion and required');
      if (!rule) return undefined;
      this.problems.onlyKeys(rule, ['criterion', 'required'], at);
      let criterion = this.problems.oneOf(rule['criterion'], CHOICE_CRITERIA, child(at, 'criterion'));
      if (criterion && seen.has(criterion)) criterion = this.problems.add(child(at, 'criterion'), `"${criterion}" is listed twice`, 'LISTED_TWICE', { value: criterion });
      else if (criterion) seen.add(criterion);
      const required = this.problems.boolean(rule['required'], child(at, 'required'));
      return criterion && required !== undefined ? { criterion, required } : undefined;
    }, { nonEmpty: true });
    return criteria && { criteria };
  }

  dataSharing(raw: unknown): DataSharingPolicy | undefined {
    const path = 'dataSharing';
    const section = this.problems.object(raw, path, 'an object with recipients, purposes and legalBases');
    if (!section) return undefined;
    this.problems.onlyKeys(section, ['recipients', 'purposes', 'legalBases'], path);
    const recipients = this.recipients(section['recipients'], child(path, 'recipients'));
    const legalBases = this.legalBases(section['legalBases'], child(path, 'legalBases'));
    // Which bases are defined is read from the document, so a purpose naming one is checked even when a definition is broken.
    const defined = isObject(section['legalBases']) ? Object.keys(section['legalBases']) : null;
    const purposes = this.purposes(section['purposes'], child(path, 'purposes'), defined);
    if (!recipients || !legalBases || !purposes) return undefined;
    return { recipients, purposes, legalBases };
  }

  private recipients(raw: unknown, path: string): Record<AgencyKind, SharingRule> | undefined {
    const map = this.problems.object(raw, path, 'an object keyed by agency kind');
    if (!map) return undefined;
    for (const key of Object.keys(map)) {
      if (!(AGENCY_KINDS as readonly string[]).includes(key)) this.problems.add(child(path, key), `${shown(key)} is not an agency kind (${AGENCY_KINDS.join(', ')})`, 'NOT_ONE_OF', { value: shown(key) });
    }
    const out: Partial<Record<AgencyKind, SharingRule>> = {};
    for (const kind of AGENCY_KINDS) {
      const at = child(path, kind);
      if (!(kind in map)) {
        this.problems.add(at, 'is required: every agency kind needs an entry (an empty "groups" list shares nothing)', 'REQUIRED');
        continue;
      }
      const rule = this.sharingRule(map[kind], at, kind);
      if (rule) out[kind] = rule;
    }
    return AGENCY_KINDS.every((k) => out[k]) ? (out as Record<AgencyKind, SharingRule>) : undefined;
  }

  private sharingRule(raw: unknown, path: string, kind: AgencyKind): SharingRule | undefined {
    const rule = this.problems.object(raw, path, 'an object with "groups" and "consentRequiredFor"');
    if (!rule) return undefined;
    this.problems.onlyKeys(rule, ['groups', 'consentRequiredFor'], path);
    const groups = this.problems.codes(rule['groups'], FIELD_GROUPS, child(path, 'groups'));
    const consent = this.problems.codes(rule['consentRequiredFor'], FIELD_GROUPS, child(path, 'consentRequiredFor'));
    if (!groups || !consent) return undefined;
    let ok = true;
    consent.forEach((group, index) => {
      if (!groups.includes(group)) {
        ok = this.problems.refuse(item(child(path, 'consentRequiredFor'), index), `"${group}" is not in ${kind}.groups, so there is nothing to require consent for`, 'CONSENT_NOT_SHARED', { group, kind });
      }
    });
    const forbidden = NEVER_SHARED_WITH[kind] ?? [];
    groups.forEach((group, index) => {
      const at = item(child(path, 'groups'), index);
      if (forbidden.includes(group)) {
        ok = this.problems.refuse(at, `"${group}" is sensitive and is never shared with ${kind} (a rule no SOP can switch off)`, 'NEVER_SHARED', { group, kind });
      } else if (ALWAYS_CONSENT_BOUND.includes(group) && !consent.includes(group)) {
        ok = this.problems.refuse(at, `"${group}" is shared only with consent or a legal basis, so consentRequiredFor must list it (a rule no SOP can switch off)`, 'CONSENT_REQUIRED', { group });
      }
    });
    return ok ? { groups, consentRequiredFor: consent } : undefined;
  }

  private legalBases(raw: unknown, path: string): Partial<Record<LegalBasis, LegalBasisRule>> | undefined {
    const map = this.problems.object(raw, path, 'an object keyed by legal basis');
    if (!map) return undefined;
    const out: Partial<Record<LegalBasis, LegalBasisRule>> = {};
    let ok = true;
    for (const key of Object.keys(map)) {
      const at = child(path, key);
      if (!(LEGAL_BASES as readonly string[]).includes(key)) {
        ok = this.problems.refuse(at, `${shown(key)} is not a legal basis (${LEGAL_BASES.join(', ')})`, 'NOT_ONE_OF', { value: shown(key), allowed: [...LEGAL_BASES] });
        continue;
      }
      const rule = this.legalBasis(map[key], at, key as LegalBasis);
      if (rule) out[key as LegalBasis] = rule;
      else ok = false;
    }
    return ok ? out : undefined;
  }

  private legalBasis(raw: unknown, path: string, basis: LegalBasis): LegalBasisRule | undefined {
    const rule = this.problems.object(raw, path, 'an object (childOnly, profiles, recipients, automatic, description)');
    if (!rule) return undefined;
    this.problems.onlyKeys(rule, ['childOnly', 'profiles', 'recipients', 'automatic', 'description'], path);
    const childOnly = rule['childOnly'] === undefined ? false : this.problems.boolean(rule['childOnly'], child(path, 'childOnly'));
    const profiles = rule['profiles'] === undefined ? [] : this.problems.codes(rule['profiles'], PROFILES, child(path, 'profiles'));
    const recipients = rule['recipients'] === undefined ? [] : this.problems.codes(rule['recipients'], AGENCY_KINDS, child(path, 'recipients'));
    const automatic = rule['automatic'] === undefined ? false : this.problems.boolean(rule['automatic'], child(path, 'automatic'));
    const description = this.problems.optionalText(rule['description'], child(path, 'description'), 1_000);
    if (childOnly === undefined || !profiles || !recipients || automatic === undefined || description === undefined) return undefined;
    // What the law makes of each basis is not for an SOP to widen.
    let ok = true;
    if (basis === 'CHILD_BEST_INTERESTS' && !childOnly) ok = this.problems.refuse(child(path, 'childOnly'), 'must be true: a child’s best interests stand in for a child only', 'BASIS_CHILD_ONLY', { basis });
    if (basis === 'VITAL_INTEREST' && profiles.length === 0) ok = this.problems.refuse(child(path, 'profiles'), 'must name the profiles (such as MEDICAL_EMERGENCY): an unlimited vital interest would make consent meaningless', 'BASIS_NEEDS_PROFILES', { basis });
    if (basis === 'LEGAL_OBLIGATION' && recipients.length === 0) ok = this.problems.refuse(child(path, 'recipients'), 'must name the agency kinds a legal duty is owed to', 'BASIS_NEEDS_RECIPIENTS', { basis });
    if (basis === 'CHILD_PROTECTION_MANDATE') {
      if (!childOnly) ok = this.problems.refuse(child(path, 'childOnly'), 'must be true: the child-protection mandate covers children only', 'BASIS_CHILD_ONLY', { basis });
      if (recipients.length === 0 || recipients.some((kind) => kind !== 'CHILD_PROTECTION')) ok = this.problems.refuse(child(path, 'recipients'), 'must be ["CHILD_PROTECTION"]: the mandate is the child-protection authority’s own', 'BASIS_CHILD_PROTECTION_ONLY', { basis });
    }
    const systemMayRecord = basis === 'VITAL_INTEREST' || basis === 'CHILD_PROTECTION_MANDATE';
    if (automatic && !systemMayRecord) ok = this.problems.refuse(child(path, 'automatic'), `${basis} is recorded by a permitted person with a reason, never by the system`, 'BASIS_NOT_AUTOMATIC', { basis });
    if (!ok) return undefined;
    return { childOnly, profiles, recipients, automatic, ...(description !== null && { description }) };
  }

  private purposes(raw: unknown, path: string, defined: readonly string[] | null): Record<ConsentPurpose, PurposeRule> | undefined {
    const map = this.problems.object(raw, path, 'an object keyed by consent purpose');
    if (!map) return undefined;
    this.problems.onlyKeys(map, CONSENT_PURPOSES, path);
    const out: Partial<Record<ConsentPurpose, PurposeRule>> = {};
    for (const purpose of CONSENT_PURPOSES) {
      const at = child(path, purpose);
      const rule = purpose in map ? this.problems.object(map[purpose], at, 'an object with consentRequired and legalBases') : this.problems.add(at, 'is required: say whether this purpose needs consent', 'REQUIRED');
      if (!rule) continue;
      this.problems.onlyKeys(rule, ['consentRequired', 'legalBases'], at);
      const consentRequired = this.problems.boolean(rule['consentRequired'], child(at, 'consentRequired'));
      const bases = this.problems.codes(rule['legalBases'], LEGAL_BASES, child(at, 'legalBases'));
      let ok = true;
      bases?.forEach((basis, index) => {
        if (defined && !defined.includes(basis)) ok = this.problems.refuse(item(child(at, 'legalBases'), index), `"${basis}" is not defined in dataSharing.legalBases`, 'BASIS_UNDEFINED', { basis });
      });
      if (consentRequired !== undefined && bases && ok) out[purpose] = { consentRequired, legalBases: bases };
    }
    return CONSENT_PURPOSES.every((p) => out[p]) ? (out as Record<ConsentPurpose, PurposeRule>) : undefined;
  }

  escalation(raw: unknown, signatories: readonly string[] | undefined): EscalationPolicy | undefined {
    const path = 'escalation';
    const section = this.problems.object(raw, path, 'an object with coordinatingBody and steps');
    if (!section) return undefined;
    this.problems.onlyKeys(section, ['coordinatingBody', 'steps', 'description'], path);
    this.problems.optionalText(section['description'], child(path, 'description'), 2_000);
    let coordinatingBody = this.problems.text(section['coordinatingBody'], child(path, 'coordinatingBody'), { max: 200, shape: 'the name or id of an agency' });
    if (coordinatingBody && signatories && !signatories.includes(coordinatingBody)) {
      coordinatingBody = this.problems.add(child(path, 'coordinatingBody'), `${shown(coordinatingBody)} is not a signatory: the coordinating body must have signed the SOP`, 'COORDINATOR_NOT_SIGNATORY', { value: shown(coordinatingBody) });
    }
    const steps = this.problems.list(section['steps'], child(path, 'steps'), (s, at) => this.step(s, at), { nonEmpty: true });
    if (steps) {
      steps.forEach((step, index) => {
        const earlier = steps[index - 1];
        if (earlier && compareDurations(step.after, earlier.after, this.reference) < 0) {
          this.problems.add(child(item(child(path, 'steps'), index), 'after'), `${shown(step.after)} comes before the step above it (${shown(earlier.after)}): list steps in the order they fire`, 'STEP_ORDER', { value: shown(step.after), earlier: shown(earlier.after) });
        }
      });
      for (const priority of PRIORITIES) {
        if (!steps.some((s) => s.priorities.length === 0 || s.priorities.includes(priority))) {
          this.problems.add(child(path, 'steps'), `no step applies to ${priority} referrals: every overdue referral must alert someone`, 'NO_STEP_FOR_PRIORITY', { priority });
        }
      }
    }
    if (!coordinatingBody || !steps) return undefined;
    return { coordinatingBody, steps };
  }

  private step(raw: unknown, path: string): EscalationStep | undefined {
    const step = this.problems.object(raw, path, 'an object with after and notify');
    if (!step) return undefined;
    this.problems.onlyKeys(step, ['after', 'notify', 'agency', 'priorities'], path);
    const after = this.problems.duration(step['after'], child(path, 'after'), { positive: false });
    const notify = this.problems.oneOf(step['notify'], ESCALATION_TARGETS, child(path, 'notify'));
    let agency: string | null | undefined = null;
    if (notify === 'AGENCY') agency = this.problems.text(step['agency'], child(path, 'agency'), { max: 200, shape: 'the name or id of the agency to alert' });
    else if (step['agency'] !== undefined) agency = this.problems.add(child(path, 'agency'), 'is only for notify: AGENCY', 'AGENCY_ONLY_FOR_NOTIFY');
    const priorities = step['priorities'] === undefined ? [] : this.problems.codes(step['priorities'], PRIORITIES, child(path, 'priorities'), { nonEmpty: true });
    if (!after || !notify || agency === undefined || !priorities) return undefined;
    return { after, notify, ...(agency !== null && { agency }), priorities };
  }

  safeguards(raw: unknown): Record<SafeguardCode, SafeguardSetting> | undefined {
    const path = 'safeguards';
    const section = this.problems.object(raw, path, 'an object with every safeguard');
    if (!section) return undefined;
    this.problems.onlyKeys(section, SAFEGUARD_CODES, path);
    const out: Partial<Record<SafeguardCode, SafeguardSetting>> = {};
    for (const code of SAFEGUARD_CODES) {
      const at = child(path, code);
      const entry = code in section ? this.problems.object(section[code], at, 'an object with enabled') : this.problems.add(at, 'is required: state every safeguard explicitly', 'REQUIRED');
      if (!entry) continue;
      this.problems.onlyKeys(entry, ['enabled', 'legalReference', 'note'], at);
      let enabled = this.problems.boolean(entry['enabled'], child(at, 'enabled'));
      const legalReference = this.problems.optionalText(entry['legalReference'], child(at, 'legalReference'), 1_000);
      const note = this.problems.optionalText(entry['note'], child(at, 'note'), 2_000);
      if (enabled === false && !SAFEGUARDS[code].switchable) {
        enabled = this.problems.add(child(at, 'enabled'), `must be true: ${code} can never be switched off`, 'SAFEGUARD_ALWAYS_ON', { safeguard: code });
      } else if (enabled === false && legalReference === null) {
        enabled = this.problems.add(child(at, 'legalReference'), `is required when ${code} is off: cite the law that allows it`, 'LEGAL_REFERENCE_REQUIRED', { safeguard: code });
      }
      if (enabled === undefined || legalReference === undefined || note === undefined) continue;
      out[code] = { enabled, ...(legalReference !== null && { legalReference }), ...(note !== null && { note }) };
    }
    return SAFEGUARD_CODES.every((c) => out[c]) ? (out as Record<SafeguardCode, SafeguardSetting>) : undefined;
  }
}

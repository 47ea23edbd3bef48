import { isCalendarDate } from '../calendar';
import { DERIVED_ONLY_PROFILES, isProfileCode, ProfileCode, PROFILES, URGENCIES } from '../profiles';
import { PrimaFacieEntry, ProfileDefaults, Rule, RuleSet } from '../rule-set';
import { ConditionReader, QuestionRef } from './condition-validator';
import { child, isObject, Problems, RuleSetProblem } from './problems';

export type RuleSetValidation = { ok: true; ruleSet: RuleSet } | { ok: false; problems: RuleSetProblem[] };

export interface RuleSetOptions {
  /** The questionnaire the rules refer to: answers to unknown questions and impossible values are refused. */
  questions?: readonly QuestionRef[];
}

const VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const RULE_ID = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
const NEEDS_CODE = /^[A-Z]{2}-[A-Z]{2}$/;
const ENTRY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const COUNTRY = /^[A-Z]{3}$/;
const AREA_CODE = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

/** Refused rule sets carry every problem, each with its path. */
export class InvalidRuleSetError extends Error {
  readonly code = 'PROFILING.INVALID_RULE_SET';

  constructor(readonly problems: RuleSetProblem[]) {
    super(`The rule set is invalid: ${problems.map((p) => `${p.path}: ${p.problem}`).join('; ')}`);
    this.name = 'InvalidRuleSetError';
  }
}

/** Checks a rule file (parsed JSON) and reads it into a rule set; every problem is reported with its path. */
export function validateRuleSet(document: unknown, options: RuleSetOptions = {}): RuleSetValidation {
  const problems = new Problems();
  const questions = options.questions && new Map(options.questions.map((q) => [q.id, q]));
  const ruleSet = new RuleSetReader(problems, new ConditionReader(problems, questions)).read(document);
  return ruleSet && problems.found.length === 0 ? { ok: true, ruleSet } : { ok: false, problems: problems.found };
}

/** The rule set, or an {@link InvalidRuleSetError} listing every problem. */
export function loadRuleSet(document: unknown, options: RuleSetOptions = {}): RuleSet {
  const result = validateRuleSet(document, options);
  if (!result.ok) throw new InvalidRuleSetError(result.problems);
  return result.ruleSet;
}

class RuleSetReader {
  constructor(
    private readonly problems: Problems,
    private readonly conditions: ConditionReader,
  ) {}

  read(document: unknown): RuleSet | undefined {
    if (!isObject(document)) return this.problems.add('', 'must be an object');
    this.problems.onlyKeys(document, ['$schema', 'version', 'description', 'profiles', 'rules', 'primaFacie'], '');
    if ('$schema' in document && typeof document['$schema'] !== 'string') this.problems.add('$schema', 'must be a string');
    const version = this.problems.text(document['version'], 'version', { max: 64, pattern: VERSION, shape: 'a version such as kivuko-default-2026.1' });
    let description: string | undefined;
    if ('description' in document) description = this.problems.text(document['description'], 'description', { max: 2_000 });
    const profiles = this.profiles(document['profiles']);
    const rules = this.rules(document['rules']);
    const primaFacie = 'primaFacie' in document ? this.primaFacie(document['primaFacie']) : [];
    if (version === undefined || profiles === undefined || rules === undefined || primaFacie === undefined) return undefined;
    return { version, ...(description !== undefined && { description }), profiles, rules, primaFacie };
  }

  private profiles(raw: unknown): Record<ProfileCode, ProfileDefaults> | undefined {
    if (!isObject(raw)) return this.problems.add('profiles', 'must be an object with an entry for every profile');
    for (const key of Object.keys(raw)) {
      if (!isProfileCode(key)) this.problems.add(child('profiles', key), `is not a profile (${PROFILES.join(', ')})`);
    }
    const out: Partial<Record<ProfileCode, ProfileDefaults>> = {};
    for (const profile of PROFILES) {
      const path = child('profiles', profile);
      const entry = raw[profile];
      if (!isObject(entry)) {
        this.problems.add(path, profile in raw ? 'must be an object' : 'is required: every profile needs its urgency');
        continue;
      }
      this.problems.onlyKeys(entry, ['urgency', 'needsCodes', 'description'], path);
      if ('description' in entry) this.problems.text(entry['description'], child(path, 'description'), { max: 500 });
      const urgency = this.problems.oneOf(entry['urgency'], URGENCIES, child(path, 'urgency'));
      const needsCodes = this.needsCodes(entry['needsCodes'], child(path, 'needsCodes'));
      if (urgency && needsCodes) out[profile] = { urgency, needsCodes };
    }
    return PROFILES.every((p) => out[p]) ? (out as Record<ProfileCode, ProfileDefaults>) : undefined;
  }

  private rules(raw: unknown): Rule[] | undefined {
    const seen = new Map<string, number>();
    return this.problems.list(raw, 'rules', (r, path, index) => this.rule(r, path, index, seen), { nonEmpty: true });
  }

  private rule(raw: unknown, path: string, index: number, seen: Map<string, number>): Rule | undefined {
    if (!isObject(raw)) return this.problems.add(path, 'must be an object');
    this.problems.onlyKeys(raw, ['id', 'profile', 'reason', 'when', 'urgency', 'needsCodes', 'description'], path);
    let id = this.problems.text(raw['id'], child(path, 'id'), { max: 100, pattern: RULE_ID, shape: 'a rule id such as trafficking.control_indicators' });
    if (id !== undefined && seen.has(id)) id = this.problems.add(child(path, 'id'), `"${id}" is already used by rules[${seen.get(id)}]`);
    else if (id !== undefined) seen.set(id, index);
    let profile = this.problems.oneOf(raw['profile'], PROFILES, child(path, 'profile'));
    if (profile && DERIVED_ONLY_PROFILES.includes(profile)) {
      profile = this.problems.add(child(path, 'profile'), `${profile} is derived from the prima facie list, not from rules`);
    }
    const reason = this.problems.text(raw['reason'], child(path, 'reason'), { max: 300 });
    if ('description' in raw) this.problems.text(raw['description'], child(path, 'description'), { max: 2_000 });
    const when = 'when' in raw ? this.conditions.read(raw['when'], child(path, 'when')) : this.problems.add(child(path, 'when'), 'is required');
    const urgency = 'urgency' in raw ? this.problems.oneOf(raw['urgency'], URGENCIES, child(path, 'urgency')) : undefined;
    const needsCodes = this.needsCodes(raw['needsCodes'], child(path, 'needsCodes'));
    if (!id || !profile || !reason || !when || !needsCodes || ('urgency' in raw && !urgency)) return undefined;
    return { id, profile, reason, when, ...(urgency && { urgency }), needsCodes };
  }

  private needsCodes(raw: unknown, path: string): string[] | undefined {
    if (raw === undefined) return [];
    const codes = this.problems.list(raw, path, (c, at) => this.problems.text(c, at, { max: 5, pattern: NEEDS_CODE, shape: 'a specific-needs code such as SC-UC' }), {
      nonEmpty: false,
    });
    if (!codes) return undefined;
    if (new Set(codes).size !== codes.length) return this.problems.add(path, 'must not list a code twice');
    return codes;
  }

  private primaFacie(raw: unknown): PrimaFacieEntry[] | undefined {
    const seen = new Set<string>();
    return this.problems.list(raw, 'primaFacie', (e, path) => this.entry(e, path, seen), { nonEmpty: false });
  }

  private entry(raw: unknown, path: string, seen: Set<string>): PrimaFacieEntry | undefined {
    if (!isObject(raw)) return this.problems.add(path, 'must be an object');
    this.problems.onlyKeys(raw, ['id', 'nationality', 'areaCodes', 'validFrom', 'validTo', 'source'], path);
    let id = this.problems.text(raw['id'], child(path, 'id'), { max: 64, pattern: ENTRY_ID, shape: 'an entry id such as SOM-south-central-2026' });
    if (id !== undefined && seen.has(id)) id = this.problems.add(child(path, 'id'), `"${id}" is used twice`);
    else if (id !== undefined) seen.add(id);
    const nationality = this.problems.text(raw['nationality'], child(path, 'nationality'), { max: 3, pattern: COUNTRY, shape: 'an ISO 3166-1 alpha-3 code such as SOM' });
    const areas = raw['areaCodes'] === undefined ? [] : this.problems.list(raw['areaCodes'], child(path, 'areaCodes'), (a, at) => this.problems.text(a, at, { max: 32, pattern: AREA_CODE, shape: 'an area code such as SO-SH' }), { nonEmpty: true });
    const validFrom = this.date(raw['validFrom'], child(path, 'validFrom'));
    const validTo = raw['validTo'] === undefined ? null : this.date(raw['validTo'], child(path, 'validTo'));
    if (validFrom && validTo && validTo < validFrom) this.problems.add(child(path, 'validTo'), `must not be before validFrom (${validFrom})`);
    const source = this.problems.text(raw['source'], child(path, 'source'), { max: 1_000, shape: 'a note of where the determination comes from' });
    if (!id || !nationality || !areas || !validFrom || validTo === undefined || !source || (validTo !== null && validTo < validFrom)) return undefined;
    return { id, nationality, areaCodes: areas, validFrom, ...(validTo !== null && { validTo }), source };
  }

  private date(raw: unknown, path: string): string | undefined {
    return isCalendarDate(raw) ? raw : this.problems.add(path, 'must be a date (YYYY-MM-DD)');
  }
}

import { ProfileCode, Urgency } from './profiles';

/**
 * A rule set once validated: what the interpreter runs. The document form (the JSON a SOP carries) is
 * described by `libs/profiling/rule-set.schema.json` and turned into this by `loadRuleSet`.
 */
export interface RuleSet {
  /** E.g. `kivuko-default-2026.1`; every result carries it. */
  version: string;
  description?: string;
  /** Urgency and specific-needs codes every suggestion of a profile carries, whichever rule fired. */
  profiles: Record<ProfileCode, ProfileDefaults>;
  rules: Rule[];
  /** The SOP's dated prima facie list. */
  primaFacie: PrimaFacieEntry[];
}

export interface ProfileDefaults {
  urgency: Urgency;
  /** UNHCR specific-needs codes, e.g. `SC-UC`. */
  needsCodes: string[];
}

export interface Rule {
  /** Unique in the rule set; the id of the indicator the rule fires, e.g. `trafficking.control_indicators`. */
  id: string;
  profile: ProfileCode;
  /** Why the profile is suggested, in words a border official can read. */
  reason: string;
  when: Condition;
  /** Raises the profile's urgency when this rule fires (never lowers it). */
  urgency?: Urgency;
  /** Added to the profile's codes when this rule fires. */
  needsCodes: string[];
}

export interface PrimaFacieEntry {
  id: string;
  /** ISO 3166-1 alpha-3. */
  nationality: string;
  /** Areas of origin the entry covers; empty: the whole nationality. */
  areaCodes: string[];
  /** YYYY-MM-DD, inclusive. */
  validFrom: string;
  /** YYYY-MM-DD, inclusive; absent: until withdrawn. */
  validTo?: string;
  /** Where the determination comes from (decision, date, authority). */
  source: string;
}

export type Scalar = string | number | boolean;

/** A closed set of operators; nothing in a rule set is ever executed as code. */
export type Condition =
  | { kind: 'all'; of: Condition[] }
  | { kind: 'any'; of: Condition[] }
  | { kind: 'not'; condition: Condition }
  | { kind: 'atLeast'; count: number; of: Condition[] }
  | Graded
  | Comparison;

/** How much one indicator weighs, after the ILO-EC Delphi indicators of trafficking in human beings. */
export type Grade = 'strong' | 'medium' | 'weak';
export const GRADES: readonly Grade[] = ['strong', 'medium', 'weak'];

/**
 * Indicators graded as data. Holds when one strong indicator holds or two medium ones. Weak indicators
 * never count toward that, however many: they are listed beside the others when the condition holds.
 * When `oneMediumSuffices` holds (e.g. the person is a child, for whom no means of control need be
 * shown), one medium indicator is enough; weak ones still never are.
 */
export interface Graded {
  kind: 'graded';
  strong: Condition[];
  medium: Condition[];
  weak: Condition[];
  oneMediumSuffices?: Condition;
}

export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'exists';
export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'exists'];

/** What a comparison looks at: a screening answer by question id, or a fact by name (see `FACTS`). */
export interface Subject {
  source: 'answer' | 'fact';
  name: string;
}

/** An operator with its operand. Unanswered questions and unknown facts satisfy only `exists: false`. */
export type ComparisonTest =
  | { op: 'eq' | 'ne'; value: Scalar }
  | { op: 'lt' | 'lte' | 'gt' | 'gte'; value: number }
  | { op: 'in'; value: (string | number)[] }
  | { op: 'exists'; value: boolean };

/** `label` says in words what the comparison checks; fired indicators list the labels that held. */
export type Comparison = { kind: 'compare'; subject: Subject; label?: string } & ComparisonTest;

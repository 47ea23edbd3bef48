import { DerivedFacts } from './derived-facts';
import { factDefinition, FactValue, isFactName } from './fact-catalogue';
import { Answers, CaseFacts } from './facts';
import { Comparison, Condition, Graded, GRADES, Subject } from './rule-set';

/** What conditions are evaluated against: one case. */
export interface EvaluationContext {
  facts: CaseFacts;
  answers: Answers;
  derived: DerivedFacts;
}

export type Predicate = (context: EvaluationContext) => boolean;

/**
 * Turns a validated condition into a predicate once, so a rule set runs over many cases without
 * walking its tree again. Closures over a closed set of operators: nothing in the data is executed.
 */
export function compile(condition: Condition): Predicate {
  switch (condition.kind) {
    case 'all': {
      const parts = condition.of.map(compile);
      return (context) => parts.every((part) => part(context));
    }
    case 'any': {
      const parts = condition.of.map(compile);
      return (context) => parts.some((part) => part(context));
    }
    case 'not': {
      const inner = compile(condition.condition);
      return (context) => !inner(context);
    }
    case 'atLeast': {
      const parts = condition.of.map(compile);
      const needed = condition.count;
      return (context) => {
        let held = 0;
        for (const part of parts) if (part(context) && ++held >= needed) return true;
        return false;
      };
    }
    case 'graded':
      return compileGraded(condition);
    case 'compare':
      return compileComparison(condition);
  }
}

/**
 * Enough graded indicators without `oneMediumSuffices`: one strong or two medium. Weak indicators are
 * not counted at all: they corroborate, they never make the threshold.
 */
function gradesSuffice(held: { strong: number; medium: number }): boolean {
  return held.strong >= 1 || held.medium >= 2;
}

function compileGraded(condition: Graded): Predicate {
  const strong = condition.strong.map(compile);
  const medium = condition.medium.map(compile);
  const oneMedium = condition.oneMediumSuffices && compile(condition.oneMediumSuffices);
  return (context) => {
    const held = { strong: strong.filter((part) => part(context)).length, medium: medium.filter((part) => part(context)).length };
    if (gradesSuffice(held)) return true;
    return held.medium === 1 && oneMedium !== undefined && oneMedium(context);
  };
}

function reader(subject: Subject): (context: EvaluationContext) => FactValue | undefined {
  const name = subject.name;
  if (subject.source === 'answer') return (context) => (Object.hasOwn(context.answers, name) ? context.answers[name] : undefined);
  if (!isFactName(name)) throw new Error(`Unknown fact ${name}: rule sets must be loaded through loadRuleSet`);
  const read = factDefinition(name).read;
  return (context) => {
    const value = read(context.facts, context.derived);
    return value === null ? undefined : value;
  };
}

/** Lists answers (MULTI_CHOICE) and list facts compare element-wise: eq means "contains", in means "shares one". */
function compileComparison(comparison: Comparison): Predicate {
  const read = reader(comparison.subject);
  switch (comparison.op) {
    case 'exists': {
      const wanted = comparison.value;
      return (context) => (read(context) !== undefined) === wanted;
    }
    case 'eq': {
      const wanted = comparison.value;
      return (context) => {
        const value = read(context);
        return Array.isArray(value) ? value.includes(wanted) : value === wanted;
      };
    }
    case 'ne': {
      const unwanted = comparison.value;
      return (context) => {
        const value = read(context);
        if (value === undefined) return false;
        return Array.isArray(value) ? !value.includes(unwanted) : value !== unwanted;
      };
    }
    case 'in': {
      const allowed = new Set<unknown>(comparison.value);
      return (context) => {
        const value = read(context);
        return Array.isArray(value) ? value.some((v) => allowed.has(v)) : allowed.has(value);
      };
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const bound = comparison.value;
      const holds = ORDER[comparison.op];
      return (context) => {
        const value = read(context);
        return typeof value === 'number' && holds(value, bound);
      };
    }
  }
}

const ORDER = {
  lt: (a: number, b: number) => a < b,
  lte: (a: number, b: number) => a <= b,
  gt: (a: number, b: number) => a > b,
  gte: (a: number, b: number) => a >= b,
} as const;

/**
 * The labels of the comparisons that made a condition hold, in rule order: what a fired indicator
 * shows as its evidence. Comparisons under `not` give no evidence (an absence is not a finding).
 */
export function evidenceFor(condition: Condition, context: EvaluationContext): string[] {
  const found: string[] = [];
  collect(condition, context, found);
  return [...new Set(found)];
}

function collect(condition: Condition, context: EvaluationContext, found: string[]): boolean {
  switch (condition.kind) {
    case 'all':
    case 'any':
    case 'atLeast': {
      // Labels of parts that held are kept only if the whole condition holds.
      const mine: string[] = [];
      let held = 0;
      for (const part of condition.of) if (collect(part, context, mine)) held += 1;
      const needed = condition.kind === 'all' ? condition.of.length : condition.kind === 'any' ? 1 : condition.count;
      if (held < needed) return false;
      found.push(...mine);
      return true;
    }
    case 'not':
      return !predicateOf(condition.condition)(context);
    case 'graded': {
      if (!predicateOf(condition)(context)) return false;
      // Every indicator that held, each with its grade (weak ones too); then why one medium sufficed, if it did.
      const held = { strong: 0, medium: 0 };
      for (const grade of GRADES) {
        for (const part of condition[grade]) {
          const mine: string[] = [];
          if (!collect(part, context, mine)) continue;
          if (grade !== 'weak') held[grade] += 1;
          found.push(...mine.map((label) => `${label} (${grade} indicator)`));
        }
      }
      if (condition.oneMediumSuffices && !gradesSuffice(held)) collect(condition.oneMediumSuffices, context, found);
      return true;
    }
    case 'compare': {
      const holds = predicateOf(condition)(context);
      if (holds) found.push(condition.label ?? explainFact(condition, context) ?? describe(condition));
      return holds;
    }
  }
}

function explainFact(comparison: Comparison, context: EvaluationContext): string | undefined {
  const { source, name } = comparison.subject;
  if (source !== 'fact' || !isFactName(name)) return undefined;
  return factDefinition(name).explain?.(context.facts, context.derived);
}

const predicates = new WeakMap<Condition, Predicate>();

function predicateOf(condition: Condition): Predicate {
  let predicate = predicates.get(condition);
  if (!predicate) {
    predicate = compile(condition);
    predicates.set(condition, predicate);
  }
  return predicate;
}

const SYMBOLS = { eq: '=', ne: '≠', lt: '<', lte: '≤', gt: '>', gte: '≥' } as const;

/** Words for a comparison without a label, e.g. `fear_of_return = true`. */
export function describe(comparison: Comparison): string {
  const name = comparison.subject.name;
  switch (comparison.op) {
    case 'exists':
      return `${name} ${comparison.value ? 'known' : 'not known'}`;
    case 'in':
      return `${name} in ${comparison.value.join(', ')}`;
    default:
      return `${name} ${SYMBOLS[comparison.op]} ${String(comparison.value)}`;
  }
}

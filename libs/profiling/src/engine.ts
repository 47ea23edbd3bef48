import { deriveFacts, DerivedFacts } from './derived-facts';
import { CaseFacts } from './facts';
import { Findings, SuggestedProfile, WithheldProfile } from './findings';
import { compile, EvaluationContext, evidenceFor, Predicate } from './interpreter';
import { applyPrinciples } from './principles';
import { Rule, RuleSet } from './rule-set';

export interface ProfilingResult {
  ruleSetVersion: string;
  /** Every profile that applies, in the order of `PROFILES`. */
  profiles: SuggestedProfile[];
  /** Profiles the rules found that a principle holds back, with why. */
  withheld: WithheldProfile[];
  /** What the engine worked out from the facts (age that counts, caregiver, prima facie entry). */
  derived: DerivedFacts;
}

interface CompiledRule {
  rule: Rule;
  holds: Predicate;
}

const compiled = new WeakMap<RuleSet, CompiledRule[]>();

function compiledRules(ruleSet: RuleSet): CompiledRule[] {
  let rules = compiled.get(ruleSet);
  if (!rules) {
    rules = ruleSet.rules.map((rule) => ({ rule, holds: compile(rule.when) }));
    compiled.set(ruleSet, rules);
  }
  return rules;
}

/**
 * Suggests every profile that applies to one case: the rule set's rules, then the built-in principles.
 * A suggestion, never a decision: an official confirms, adds or removes profiles.
 */
export function profileCase(facts: CaseFacts, ruleSet: RuleSet): ProfilingResult {
  const derived = deriveFacts(facts, ruleSet.primaFacie);
  const context: EvaluationContext = { facts, answers: facts.answers ?? {}, derived };
  const findings = new Findings(ruleSet);
  for (const { rule, holds } of compiledRules(ruleSet)) {
    if (!holds(context)) continue;
    findings.add(
      rule.profile,
      { id: rule.id, source: 'RULE', reason: rule.reason, evidence: evidenceFor(rule.when, context) },
      { ...(rule.urgency && { urgency: rule.urgency }), needsCodes: rule.needsCodes },
    );
  }
  const withheld = applyPrinciples(findings, context);
  return { ruleSetVersion: ruleSet.version, profiles: findings.list(), withheld, derived };
}

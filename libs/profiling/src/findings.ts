import { moreUrgent, ProfileCode, profileOrder, Urgency } from './profiles';
import { RuleSet } from './rule-set';

/** Why a profile is suggested: one rule or built-in principle that fired. */
export interface FiredIndicator {
  /** The rule id (`trafficking.control_indicators`) or principle id (`principle.asylum_wish`). */
  id: string;
  source: 'RULE' | 'PRINCIPLE';
  /** In words a border official can read. */
  reason: string;
  /** What was found: the labels of the answers and facts that made the indicator fire. */
  evidence: string[];
}

export interface SuggestedProfile {
  profile: ProfileCode;
  urgency: Urgency;
  /** UNHCR specific-needs codes, sorted. */
  needsCodes: string[];
  /** Rule indicators in rule-file order, then principles in their fixed order. */
  indicators: FiredIndicator[];
  ruleSetVersion: string;
}

/** A profile the rules found but a principle holds back (e.g. return while a protection profile applies). */
export interface WithheldProfile {
  profile: ProfileCode;
  because: string;
  indicators: FiredIndicator[];
}

interface Draft {
  urgency: Urgency;
  needsCodes: Set<string>;
  indicators: FiredIndicator[];
}

/** The profiles found so far for one case, with the rule set's defaults applied. */
export class Findings {
  private readonly drafts = new Map<ProfileCode, Draft>();

  constructor(private readonly ruleSet: RuleSet) {}

  has(profile: ProfileCode): boolean {
    return this.drafts.has(profile);
  }

  add(profile: ProfileCode, indicator: FiredIndicator, raise?: { urgency?: Urgency; needsCodes?: readonly string[] }): void {
    let draft = this.drafts.get(profile);
    if (!draft) {
      const defaults = this.ruleSet.profiles[profile];
      draft = { urgency: defaults.urgency, needsCodes: new Set(defaults.needsCodes), indicators: [] };
      this.drafts.set(profile, draft);
    }
    draft.indicators.push(indicator);
    if (raise?.urgency) draft.urgency = moreUrgent(draft.urgency, raise.urgency);
    for (const code of raise?.needsCodes ?? []) draft.needsCodes.add(code);
  }

  /** Adds the profile with this indicator unless something already suggests it. */
  ensure(profile: ProfileCode, indicator: () => FiredIndicator): void {
    if (!this.has(profile)) this.add(profile, indicator());
  }

  remove(profile: ProfileCode): FiredIndicator[] | undefined {
    const draft = this.drafts.get(profile);
    this.drafts.delete(profile);
    return draft?.indicators;
  }

  list(): SuggestedProfile[] {
    return [...this.drafts.entries()]
      .sort(([a], [b]) => profileOrder(a) - profileOrder(b))
      .map(([profile, draft]) => ({
        profile,
        urgency: draft.urgency,
        needsCodes: [...draft.needsCodes].sort(),
        indicators: draft.indicators,
        ruleSetVersion: this.ruleSet.version,
      }));
  }
}

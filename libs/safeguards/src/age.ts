import type { ProfileCode } from '@kivuko/profiling';
import { assessedAdult, CHILD_PROFILES, SafeguardFacts } from './facts';

/**
 * Whether a profile may be removed by an official's decision. The last child profile of a case is
 * removed only once a completed age assessment found the person an adult (the lowest age of its range
 * 18 or more): until then the child keeps the presumption of minority. One child profile may give way
 * to another (an unaccompanied child found with an aunt is a separated child: add that first).
 */
export function profileRemovalRefused(facts: SafeguardFacts, profile: ProfileCode): 'AGE_ASSESSMENT_REQUIRED' | null {
  if (!CHILD_PROFILES.includes(profile) || assessedAdult(facts)) return null;
  const another = facts.profiles.some((p) => p !== profile && CHILD_PROFILES.includes(p));
  return another ? null : 'AGE_ASSESSMENT_REQUIRED';
}

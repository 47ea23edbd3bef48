import type { ProfileCode } from '@kivuko/profiling';
import { asylumWishStands } from './asylum-wish';
import { assessedAdult, CHILD_PROFILES, SafeguardFacts } from './facts';

export type ProfileRemovalRefusal = 'AGE_ASSESSMENT_REQUIRED' | 'ASYLUM_WISH_RECORDED';

/**
 * Whether a profile may be removed by an official's decision. The last child profile of a case is
 * removed only once a completed age assessment found the person an adult (the lowest age of its range
 * 18 or more): until then the child keeps the presumption of minority. One child profile may give way
 * to another (an unaccompanied child found with an aunt is a separated child: add that first).
 * ASYLUM_SEEKER is not removed while an asylum wish stands: only the person's own recorded withdrawal ends it.
 */
export function profileRemovalRefused(facts: SafeguardFacts, profile: ProfileCode): ProfileRemovalRefusal | null {
  if (profile === 'ASYLUM_SEEKER') return asylumWishStands(facts) ? 'ASYLUM_WISH_RECORDED' : null;
  if (!CHILD_PROFILES.includes(profile) || assessedAdult(facts)) return null;
  const another = facts.profiles.some((p) => p !== profile && CHILD_PROFILES.includes(p));
  return another ? null : 'AGE_ASSESSMENT_REQUIRED';
}

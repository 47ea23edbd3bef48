import { DEFAULT_RULE_SET } from './default-rule-set';
import { diffProfiles, isEmptyDiff, ProfileSnapshot } from './diff';
import { profileCase } from './engine';
import { newFacts } from './testing/new-facts';

const snapshot = (profile: ProfileSnapshot['profile'], urgency: ProfileSnapshot['urgency'], ids: string[], needsCodes: string[] = []): ProfileSnapshot => ({
  profile,
  urgency,
  needsCodes,
  indicators: ids.map((id) => ({ id })),
});

describe('the diff between two profiling runs', () => {
  it('lists added, removed, changed and unchanged profiles in PROFILES order', () => {
    const previous = [snapshot('MIGRANT', 'NORMAL', ['migrant.work_or_family']), snapshot('SGBV_SURVIVOR', 'HIGH', ['sgbv.sexual_violence'], ['SV-VF']), snapshot('SPECIFIC_NEEDS', 'NORMAL', ['needs.pregnant'])];
    const next = [
      snapshot('SPECIFIC_NEEDS', 'NORMAL', ['needs.pregnant']),
      snapshot('SGBV_SURVIVOR', 'IMMEDIATE', ['sgbv.sexual_violence', 'sgbv.recent_sexual_violence'], ['SV-VF']),
      snapshot('ASYLUM_SEEKER', 'HIGH', ['asylum.fear_of_return'], ['LP-RR']),
      snapshot('TRAFFICKING_VICTIM', 'IMMEDIATE', ['trafficking.flagged']),
    ];
    const diff = diffProfiles(previous, next);
    expect(diff.added.map((p) => p.profile)).toEqual(['ASYLUM_SEEKER', 'TRAFFICKING_VICTIM']);
    expect(diff.removed.map((p) => p.profile)).toEqual(['MIGRANT']);
    expect(diff.changed).toEqual([
      {
        profile: 'SGBV_SURVIVOR',
        urgency: { from: 'HIGH', to: 'IMMEDIATE' },
        indicatorsAdded: ['sgbv.recent_sexual_violence'],
        indicatorsRemoved: [],
        needsCodesAdded: [],
        needsCodesRemoved: [],
      },
    ]);
    expect(diff.unchanged).toEqual(['SPECIFIC_NEEDS']);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('sees a change of indicators or codes at the same urgency', () => {
    const diff = diffProfiles([snapshot('TORTURE_SURVIVOR', 'NORMAL', ['torture.reported'], ['TR-PI'])], [snapshot('TORTURE_SURVIVOR', 'NORMAL', ['torture.witnessed_killings'], ['TR-WV'])]);
    expect(diff.changed).toEqual([
      { profile: 'TORTURE_SURVIVOR', urgency: null, indicatorsAdded: ['torture.witnessed_killings'], indicatorsRemoved: ['torture.reported'], needsCodesAdded: ['TR-WV'], needsCodesRemoved: ['TR-PI'] },
    ]);
  });

  it('treats a first run as all added, and a repeated run as no change', () => {
    const run = profileCase(newFacts({ answers: { fear_of_return: true, injured: true } }), DEFAULT_RULE_SET).profiles;
    expect(diffProfiles([], run)).toEqual({ added: run, removed: [], changed: [], unchanged: [] });
    const again = diffProfiles(run, profileCase(newFacts({ answers: { injured: true, fear_of_return: true } }), DEFAULT_RULE_SET).profiles);
    expect(isEmptyDiff(again)).toBe(true);
    expect(again.unchanged).toEqual(['ASYLUM_SEEKER', 'MEDICAL_EMERGENCY']);
  });

  it('follows a completed mass-arrival record: the flagged profile gains an indicator and new profiles appear', () => {
    const first = profileCase(newFacts({ person: { statedAge: 14 }, urgentNeeds: ['UNACCOMPANIED_CHILD'] }), DEFAULT_RULE_SET).profiles;
    const completed = profileCase(
      newFacts({ person: { statedAge: 14 }, urgentNeeds: ['UNACCOMPANIED_CHILD'], answers: { caregiver_present: false, fear_of_return: true } }),
      DEFAULT_RULE_SET,
    ).profiles;
    const diff = diffProfiles(first, completed);
    expect(diff.added.map((p) => p.profile)).toEqual(['ASYLUM_SEEKER']);
    expect(diff.changed).toEqual([
      { profile: 'UNACCOMPANIED_CHILD', urgency: null, indicatorsAdded: ['uasc.no_caregiver'], indicatorsRemoved: [], needsCodesAdded: [], needsCodesRemoved: [] },
    ]);
  });

  it('refuses a run that lists a profile twice', () => {
    expect(() => diffProfiles([], [snapshot('MIGRANT', 'NORMAL', []), snapshot('MIGRANT', 'HIGH', [])])).toThrow('Profile MIGRANT is listed twice in one profiling run');
  });
});

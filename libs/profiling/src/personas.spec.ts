import { DEFAULT_RULE_SET } from './default-rule-set';
import { profileCase, ProfilingResult } from './engine';
import { ProfileCode, PROFILES, profileOrder } from './profiles';
import { PERSONAS } from './testing/personas';

const byOrder = (codes: readonly ProfileCode[]) => [...codes].sort((a, b) => profileOrder(a) - profileOrder(b));

describe('the default rule set on realistic personas', () => {
  it('has at least 30 personas, and every profile is expected for at least one of them', () => {
    expect(PERSONAS.length).toBeGreaterThanOrEqual(30);
    const expected = new Set(PERSONAS.flatMap((p) => p.profiles));
    expect(PROFILES.filter((profile) => !expected.has(profile))).toEqual([]);
    expect(new Set(PERSONAS.map((p) => p.name)).size).toBe(PERSONAS.length);
  });

  describe.each(PERSONAS.map((persona) => [persona.name, persona] as const))('%s', (_name, persona) => {
    // Profiled in each test, not while Jest collects them: the mutation test sees which test ran what.
    let result: ProfilingResult;
    beforeEach(() => {
      result = profileCase(persona.facts, DEFAULT_RULE_SET);
    });
    const found = (code: string) => result.profiles.find((p) => p.profile === code);

    it('suggests exactly the expected profiles, in PROFILES order', () => {
      expect(result.profiles.map((p) => p.profile)).toEqual(byOrder(persona.profiles));
    });

    it('holds back exactly the expected migration profiles', () => {
      expect(result.withheld.map((w) => w.profile)).toEqual(persona.withheld ?? []);
    });

    it('gives the expected urgencies, indicators and specific-needs codes', () => {
      for (const [profile, urgency] of Object.entries(persona.urgency ?? {})) expect([profile, found(profile)?.urgency]).toEqual([profile, urgency]);
      for (const [profile, ids] of Object.entries(persona.indicators ?? {})) expect([profile, found(profile)?.indicators.map((i) => i.id)]).toEqual([profile, ids]);
      for (const [profile, codes] of Object.entries(persona.needsCodes ?? {})) expect([profile, found(profile)?.needsCodes]).toEqual([profile, codes]);
      for (const [profile, evidence] of Object.entries(persona.evidence ?? {})) expect([profile, found(profile)?.indicators.flatMap((i) => i.evidence)]).toEqual([profile, evidence]);
      for (const profile of result.profiles) {
        expect(profile.ruleSetVersion).toBe('kivuko-default-2026.2');
        expect(profile.indicators.length).toBeGreaterThan(0);
        for (const indicator of profile.indicators) {
          expect(indicator.reason.length).toBeGreaterThan(0);
          expect(indicator.evidence.length).toBeGreaterThan(0);
        }
      }
    });
  });
});

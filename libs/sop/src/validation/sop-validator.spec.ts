import { DEFAULT_RULE_SET_DOCUMENT } from '@kivuko/profiling';
import { DEFAULT_SOP, DEFAULT_SOP_DOCUMENT } from '../default-sop';
import { Editable, editableDefault, getAt, removeAt, setAt } from '../testing/documents';
import { InvalidSopError, loadSop, validateSop } from './sop-validator';
import { SOP_PROBLEM_CODES, SopProblem } from './problems';

const REMOVE = Symbol('remove');

function problemsOf(document: unknown): SopProblem[] {
  const result = validateSop(document);
  return result.ok ? [] : result.problems;
}

function broken(path: string, value: unknown): Editable {
  const document = editableDefault();
  return value === REMOVE ? removeAt(document, path) : setAt(document, path, value);
}

describe('validateSop', () => {
  it('accepts the default SOP and reads it as written', () => {
    const result = validateSop(DEFAULT_SOP_DOCUMENT);
    expect(result.ok).toBe(true);
    expect(DEFAULT_SOP.version).toBe('tza-joint-sop-2026.1');
    expect(DEFAULT_SOP.jurisdiction).toEqual({ country: 'TZA', borderPoints: [] });
    expect(DEFAULT_SOP.ruleSet.version).toBe(DEFAULT_RULE_SET_DOCUMENT['version']);
    expect(DEFAULT_SOP.document).toEqual(DEFAULT_SOP_DOCUMENT);
    expect(Object.isFrozen(DEFAULT_SOP.document)).toBe(true);
  });

  describe('an invalid SOP is refused with paths', () => {
    // [what is wrong, where to break it, the value put there, the path reported, what the problem says]
    const cases: [string, string, unknown, string, RegExp][] = [
      ['a document that is not an object', '', null, '(sop)', /must be a JSON object/],
      ['an unknown top-level key', 'colour', 'blue', 'colour', /is not allowed here/],
      ['a missing version', 'version', REMOVE, 'version', /is required/],
      ['a version with spaces', 'version', 'version one', 'version', /is not a version label/],
      ['a country that is not alpha-3', 'jurisdiction.country', 'TZ', 'jurisdiction.country', /is not an ISO 3166-1 alpha-3 code/],
      ['an unknown key in the jurisdiction', 'jurisdiction.province', 'Kigoma', 'jurisdiction.province', /is not allowed here/],
      ['a border point listed twice', 'jurisdiction.borderPoints', ['NMG', 'NMG'], 'jurisdiction.borderPoints[1]', /listed twice/],
      ['an impossible effective date', 'effectiveFrom', '2026-02-30', 'effectiveFrom', /must be a date/],
      ['no signatories', 'signatories', [], 'signatories', /non-empty list/],
      ['a signatory twice, in other case', 'signatories[1]', 'border management service', 'signatories[1]', /listed twice/],
      ['an unknown deadline clock', 'deadlinesFrom', 'INTAKE', 'deadlinesFrom', /is not one of REFERRAL, ARRIVAL/],
      ['a broken profiling rule, re-pathed', 'profiling.rules[0].urgency', 'URGENT', 'profiling.rules[0].urgency', /IMMEDIATE, HIGH, NORMAL/],
      ['a profiling rule set missing', 'profiling', REMOVE, 'profiling', /is required/],
      ['a profiling rule set that is not an object', 'profiling', [], 'profiling', /must be an object/],
      ['a duration that is not ISO 8601', 'routing.TRAFFICKING_VICTIM.firstContact.IMMEDIATE', 'PT25X', 'routing.TRAFFICKING_VICTIM.firstContact.IMMEDIATE', /"PT25X" is not an ISO 8601 duration/],
      ['a zero first-contact deadline', 'routing.MIGRANT.firstContact.NORMAL', 'PT0S', 'routing.MIGRANT.firstContact.NORMAL', /longer than zero/],
      ['an urgency missing its deadline', 'routing.SGBV_SURVIVOR.firstContact.HIGH', REMOVE, 'routing.SGBV_SURVIVOR.firstContact.HIGH', /every urgency/],
      ['an unknown urgency', 'routing.SGBV_SURVIVOR.firstContact.URGENT', 'PT1H', 'routing.SGBV_SURVIVOR.firstContact.URGENT', /is not allowed here/],
      ['a more urgent case waiting longer', 'routing.CHILD_AT_RISK.firstContact.HIGH', 'P5D', 'routing.CHILD_AT_RISK.firstContact.HIGH', /longer than NORMAL \("P3D"\)/],
      ['a more urgent case lower in the queue', 'routing.CHILD_AT_RISK.priority.IMMEDIATE', 'P4', 'routing.CHILD_AT_RISK.priority.IMMEDIATE', /lower priority than HIGH/],
      ['an unknown priority', 'routing.MIGRANT.priority.NORMAL', 'P9', 'routing.MIGRANT.priority.NORMAL', /is not one of P1, P2, P3, P4/],
      ['a profile without routing', 'routing.MIGRANT', REMOVE, 'routing.MIGRANT', /every profile needs/],
      ['a routing entry for an unknown profile', 'routing.REFUGEE', {}, 'routing.REFUGEE', /is not a profile/],
      ['an unknown agency kind', 'routing.ASYLUM_SEEKER.lead.kind', 'MINISTRY', 'routing.ASYLUM_SEEKER.lead.kind', /is not one of/],
      ['a monitor as lead', 'routing.SGBV_SURVIVOR.lead.kind', 'MONITOR', 'routing.SGBV_SURVIVOR.lead.kind', /never receives referrals/],
      ['an unknown service', 'routing.TRAFFICKING_VICTIM.supporting[1].service', 'SHELTER', 'routing.TRAFFICKING_VICTIM.supporting[1].service', /is not one of/],
      ['a supporting target that is the lead', 'routing.MIGRANT.supporting[0]', { kind: 'IMMIGRATION' }, 'routing.MIGRANT.supporting[0]', /IMMIGRATION is already routing.MIGRANT.lead/],
      ['an unknown action', 'routing.TRAFFICKING_VICTIM.lead.actions[0].action', 'PRAY', 'routing.TRAFFICKING_VICTIM.lead.actions[0].action', /is not one of the \d+ known codes/],
      ['an action listed twice', 'routing.TRAFFICKING_VICTIM.lead.actions[1].action', 'SAFETY_ASSESSMENT', 'routing.TRAFFICKING_VICTIM.lead.actions[1].action', /listed twice for this target/],
      ['an action without a deadline', 'routing.TRAFFICKING_VICTIM.lead.actions[0].within', REMOVE, 'routing.TRAFFICKING_VICTIM.lead.actions[0].within', /is required/],
      ['a bad reflection period', 'routing.TRAFFICKING_VICTIM.lead.actions[1].period', '30 days', 'routing.TRAFFICKING_VICTIM.lead.actions[1].period', /not an ISO 8601 duration/],
      ['an unknown consent purpose', 'routing.UNACCOMPANIED_CHILD.lead.actions[3].consentPurpose', 'TRACING', 'routing.UNACCOMPANIED_CHILD.lead.actions[3].consentPurpose', /is not one of/],
      ['an owner key on an action', 'routing.MIGRANT.lead.actions[0].owner', 'LEAD', 'routing.MIGRANT.lead.actions[0].owner', /is not allowed here/],
      ['an unknown prohibition', 'routing.MIGRANT.prohibitions[0]', 'NO_FUN', 'routing.MIGRANT.prohibitions[0]', /is not one of/],
      ['no choice criteria', 'agencyChoice.criteria', [], 'agencyChoice.criteria', /non-empty list/],
      ['a criterion twice', 'agencyChoice.criteria[1].criterion', 'COVERAGE', 'agencyChoice.criteria[1].criterion', /listed twice/],
      ['a criterion without required', 'agencyChoice.criteria[2].required', 'yes', 'agencyChoice.criteria[2].required', /must be true or false/],
      ['a sharing map missing a kind', 'dataSharing.recipients.HEALTH', REMOVE, 'dataSharing.recipients.HEALTH', /every agency kind needs an entry/],
      ['a sharing map with an unknown kind', 'dataSharing.recipients.POLICE', { groups: [], consentRequiredFor: [] }, 'dataSharing.recipients.POLICE', /is not an agency kind/],
      ['an unknown field group', 'dataSharing.recipients.NGO.groups[0]', 'NAME', 'dataSharing.recipients.NGO.groups[0]', /is not one of/],
      ['a sensitive group for monitors', 'dataSharing.recipients.MONITOR.groups[0]', 'TORTURE', 'dataSharing.recipients.MONITOR.groups[0]', /never shared with MONITOR/],
      ['SGBV without consent', 'dataSharing.recipients.HEALTH.consentRequiredFor', ['TORTURE'], 'dataSharing.recipients.HEALTH.groups[4]', /consentRequiredFor must list it/],
      ['consent for a group not shared', 'dataSharing.recipients.IMMIGRATION.consentRequiredFor', ['ASYLUM'], 'dataSharing.recipients.IMMIGRATION.consentRequiredFor[0]', /nothing to require consent for/],
      ['a purpose missing', 'dataSharing.purposes.STATISTICS', REMOVE, 'dataSharing.purposes.STATISTICS', /whether this purpose needs consent/],
      ['a legal basis not defined', 'dataSharing.legalBases.LEGAL_OBLIGATION', REMOVE, 'dataSharing.purposes.REFERRAL.legalBases[1]', /not defined in dataSharing.legalBases/],
      ['best interests for adults', 'dataSharing.legalBases.CHILD_BEST_INTERESTS.childOnly', false, 'dataSharing.legalBases.CHILD_BEST_INTERESTS.childOnly', /for a child only/],
      ['an unlimited vital interest', 'dataSharing.legalBases.VITAL_INTEREST.profiles', REMOVE, 'dataSharing.legalBases.VITAL_INTEREST.profiles', /must name the profiles/],
      ['an automatic legal obligation', 'dataSharing.legalBases.LEGAL_OBLIGATION.automatic', true, 'dataSharing.legalBases.LEGAL_OBLIGATION.automatic', /never by the system/],
      ['an automatic best interests', 'dataSharing.legalBases.CHILD_BEST_INTERESTS.automatic', true, 'dataSharing.legalBases.CHILD_BEST_INTERESTS.automatic', /never by the system/],
      ['the child-protection mandate for adults', 'dataSharing.legalBases.CHILD_PROTECTION_MANDATE.childOnly', false, 'dataSharing.legalBases.CHILD_PROTECTION_MANDATE.childOnly', /children only/],
      ['the child-protection mandate for an NGO', 'dataSharing.legalBases.CHILD_PROTECTION_MANDATE.recipients', ['CHILD_PROTECTION', 'NGO'], 'dataSharing.legalBases.CHILD_PROTECTION_MANDATE.recipients', /child-protection authority/],
      ['a coordinating body that did not sign', 'escalation.coordinatingBody', 'Ministry of Everything', 'escalation.coordinatingBody', /is not a signatory/],
      ['steps out of order', 'escalation.steps[3].after', 'PT1H', 'escalation.steps[3].after', /comes before the step above it/],
      ['an AGENCY step without an agency', 'escalation.steps[4].agency', REMOVE, 'escalation.steps[4].agency', /is required/],
      ['an agency on a manager step', 'escalation.steps[0].agency', 'Refugee Agency', 'escalation.steps[0].agency', /only for notify: AGENCY/],
      ['a negative escalation delay', 'escalation.steps[0].after', '-PT1H', 'escalation.steps[0].after', /not an ISO 8601 duration/],
      ['a priority no step covers', 'escalation.steps', [{ after: 'PT0S', notify: 'RECEIVING_AGENCY_MANAGER', priorities: ['P1'] }], 'escalation.steps', /no step applies to P2 referrals/],
      ['non-refoulement switched off', 'safeguards.NON_REFOULEMENT.enabled', false, 'safeguards.NON_REFOULEMENT.enabled', /NON_REFOULEMENT can never be switched off/],
      ['confidentiality switched off', 'safeguards.CONFIDENTIALITY', { enabled: false, legalReference: 'Act 1' }, 'safeguards.CONFIDENTIALITY.enabled', /can never be switched off/],
      ['the detention guard off without a law', 'safeguards.DETENTION_GUARD.enabled', false, 'safeguards.DETENTION_GUARD.legalReference', /cite the law/],
      ['a safeguard left out', 'safeguards.NON_CRIMINALISATION', REMOVE, 'safeguards.NON_CRIMINALISATION', /state every safeguard explicitly/],
      ['an unknown safeguard', 'safeguards.CURFEW', { enabled: true }, 'safeguards.CURFEW', /is not allowed here/],
    ];

    it.each(cases)('%s: reported at the path', (_what, path, value, expectedPath, expected) => {
      const document = path === '' ? value : broken(path, value);
      const problems = problemsOf(document);
      expect(problems.length).toBeGreaterThan(0);
      const atPath = problems.filter((p) => p.path === expectedPath);
      expect(atPath.map((p) => p.problem)).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
    });

    it('reports every problem of a document at once, each at its own path', () => {
      const document = editableDefault();
      // Duplicates depend on their neighbours' values, which other edits change: those are left out here.
      const breakable = cases.filter(
        ([, path, , , expected]) => path !== '' && !path.startsWith('escalation.steps') && !path.startsWith('signatories') && path !== 'profiling' && !/twice/.test(String(expected)),
      );
      // Later edits can remove what earlier ones broke, so only edits to distinct places are combined.
      const distinct = breakable.filter(([, path], i) => !breakable.some(([, other], j) => j !== i && (path.startsWith(`${other}.`) || path.startsWith(`${other}[`))));
      for (const [, path, value] of distinct) {
        if (value === REMOVE) {
          if (getAt(document, path) !== undefined) removeAt(document, path);
        } else setAt(document, path, value);
      }
      const reported = new Set(problemsOf(document).map((p) => p.path));
      const expected = distinct.map(([, , , at]) => at);
      expect(expected.filter((at) => !reported.has(at))).toEqual([]);
      expect(expected.length).toBeGreaterThan(35);
    });
  });

  it('never lets non-refoulement be switched off, whatever else the SOP says', () => {
    const document = editableDefault();
    setAt(document, 'safeguards.NON_REFOULEMENT', { enabled: false, legalReference: 'Immigration Act s. 12', note: 'the law allows it' });
    expect(problemsOf(document)).toEqual([
      { path: 'safeguards.NON_REFOULEMENT.enabled', problem: 'must be true: NON_REFOULEMENT can never be switched off', code: 'SAFEGUARD_ALWAYS_ON', params: { safeguard: 'NON_REFOULEMENT' } },
    ]);
    expect(() => loadSop(document)).toThrow(InvalidSopError);
  });

  it('lets the detention guard be switched off where a law is cited', () => {
    const document = setAt(editableDefault(), 'safeguards.DETENTION_GUARD', { enabled: false, legalReference: 'Refugees Act 1998, s. 17' });
    const result = validateSop(document);
    expect(result.ok && result.sop.safeguards.DETENTION_GUARD).toEqual({ enabled: false, legalReference: 'Refugees Act 1998, s. 17' });
  });

  it('throws SOP.INVALID with every problem from loadSop', () => {
    const document = broken('routing.TRAFFICKING_VICTIM.firstContact.IMMEDIATE', 'PT25X');
    setAt(document, 'colour', 'blue');
    let thrown: unknown;
    try {
      loadSop(document);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidSopError);
    const error = thrown as InvalidSopError;
    expect(error.code).toBe('SOP.INVALID');
    expect(error.problems.map((p) => p.path)).toEqual(['colour', 'routing.TRAFFICKING_VICTIM.firstContact.IMMEDIATE']);
    expect(error.message).toContain('routing.TRAFFICKING_VICTIM.firstContact.IMMEDIATE: "PT25X" is not an ISO 8601 duration');
  });

  it('checks the profiling answers against a questionnaire when one is given', () => {
    const questions = [{ id: 'fear_of_return', type: 'BOOLEAN' }];
    const result = validateSop(DEFAULT_SOP_DOCUMENT, { questions });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.every((p) => p.path.startsWith('profiling.rules['))).toBe(true);
  });

  it('does not keep a reference to the document it was given', () => {
    const document = editableDefault();
    const sop = loadSop(document);
    setAt(document, 'version', 'changed-later');
    expect(sop.document['version']).toBe('tza-joint-sop-2026.1');
  });

  it('accepts years and months in durations, compared from the effective date', () => {
    // From 1 February a month is 28 days, from 1 March 31.
    const document = setAt(editableDefault(), 'routing.MIGRANT.firstContact', { IMMEDIATE: 'P29D', HIGH: 'P1M', NORMAL: 'P1M' });
    setAt(document, 'effectiveFrom', '2026-03-01');
    expect(problemsOf(document)).toEqual([]);
    setAt(document, 'effectiveFrom', '2026-02-01');
    expect(problemsOf(document).map((p) => p.path)).toEqual(['routing.MIGRANT.firstContact.IMMEDIATE']);
  });

  describe('the border point\'s task deadlines (borderPointTasks)', () => {
    it('reads the durations the document gives', () => {
      const result = validateSop(setAt(editableDefault(), 'borderPointTasks', { completeIntake: 'PT10H', obtainConsent: 'PT5H' }));
      expect(result.ok && result.sop.borderPointTasks).toEqual({ completeIntake: 'PT10H', obtainConsent: 'PT5H' });
    });

    it('keeps 72 hours and 1 day for a document written before they existed, or silent on one of them', () => {
      const older = validateSop(removeAt(editableDefault(), 'borderPointTasks'));
      expect(older.ok && older.sop.borderPointTasks).toEqual({ completeIntake: 'PT72H', obtainConsent: 'P1D' });
      const partly = validateSop(setAt(editableDefault(), 'borderPointTasks', { obtainConsent: 'PT12H' }));
      expect(partly.ok && partly.sop.borderPointTasks).toEqual({ completeIntake: 'PT72H', obtainConsent: 'PT12H' });
    });

    it('refuses a zero or malformed duration and an unknown task, with their paths', () => {
      expect(problemsOf(setAt(editableDefault(), 'borderPointTasks', { completeIntake: 'PT0S', obtainConsent: '1 day', review: 'P1D' }))).toEqual([
        { path: 'borderPointTasks.review', problem: expect.stringMatching(/is not allowed here/), code: 'NOT_ALLOWED', params: { allowed: expect.arrayContaining(['completeIntake', 'obtainConsent']) } },
        { path: 'borderPointTasks.completeIntake', problem: expect.stringMatching(/must be longer than zero/), code: 'ZERO_DURATION', params: { value: '"PT0S"' } },
        { path: 'borderPointTasks.obtainConsent', problem: expect.stringMatching(/is not an ISO 8601 duration/), code: 'NOT_DURATION', params: { value: '"1 day"' } },
      ]);
      expect(problemsOf(setAt(editableDefault(), 'borderPointTasks', 'P1D'))).toEqual([{ path: 'borderPointTasks', problem: expect.any(String), code: 'NOT_OBJECT', params: { value: '"P1D"' } }]);
    });
  });

  it('gives every problem a stable code from the catalogue, with parameters that are codes or values, never prose', () => {
    const document = editableDefault();
    setAt(document, 'routing.ASYLUM_SEEKER.firstContact.HIGH', 'eight hours');
    setAt(document, 'routing.ASYLUM_SEEKER.priority.IMMEDIATE', 'P9');
    setAt(document, 'safeguards.NON_REFOULEMENT', { enabled: false });
    setAt(document, 'effectiveFrom', 'soon');
    const problems = problemsOf(document);
    expect(problems.length).toBeGreaterThanOrEqual(4);
    for (const p of problems) expect(SOP_PROBLEM_CODES).toContain(p.code);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'routing.ASYLUM_SEEKER.firstContact.HIGH', code: 'NOT_DURATION', params: { value: '"eight hours"' } }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'effectiveFrom', code: 'NOT_DATE' }));
  });
});

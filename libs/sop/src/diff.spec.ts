import { DEFAULT_SOP } from './default-sop';
import { describeChange, diffJson, diffSops } from './diff';
import { Json } from './sop';
import { defaultWith, getAt, setAt } from './testing/documents';

describe('diffSops', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffSops(DEFAULT_SOP, DEFAULT_SOP)).toEqual([]);
  });

  it('reports changed deadlines with their paths, before and after', () => {
    const faster = defaultWith((d) => {
      setAt(d, 'version', 'tza-joint-sop-2026.2');
      setAt(d, 'routing.TRAFFICKING_VICTIM.firstContact.IMMEDIATE', 'PT12H');
      setAt(d, 'routing.TRAFFICKING_VICTIM.lead.actions[1].period', 'P45D');
    });
    const changes = diffSops(DEFAULT_SOP, faster);
    expect(changes).toEqual([
      { section: 'version', path: 'version', change: 'CHANGED', before: 'tza-joint-sop-2026.1', after: 'tza-joint-sop-2026.2' },
      { section: 'routing', path: 'routing.TRAFFICKING_VICTIM.lead.actions[START_REFLECTION_PERIOD].period', change: 'CHANGED', before: 'P30D', after: 'P45D' },
      { section: 'routing', path: 'routing.TRAFFICKING_VICTIM.firstContact.IMMEDIATE', change: 'CHANGED', before: 'PT24H', after: 'PT12H' },
    ]);
    expect(changes.map(describeChange)).toContain('routing.TRAFFICKING_VICTIM.firstContact.IMMEDIATE: PT24H (24 hours) → PT12H (12 hours)');
  });

  it('names targets, actions and rules by what they are, not by position', () => {
    const changed = defaultWith((d) => {
      const supporting = getAt(d, 'routing.SGBV_SURVIVOR.supporting') as unknown[];
      setAt(d, 'routing.SGBV_SURVIVOR.supporting', [supporting[1], supporting[0]].concat(supporting.slice(3)));
      const rules = getAt(d, 'profiling.rules') as { id: string; reason: string }[];
      const fled = rules.find((r) => r.id === 'asylum.fled_persecution_or_conflict');
      if (!fled) throw new Error('the default rules have no asylum.fled_persecution_or_conflict');
      fled.reason = 'Fled persecution or war';
      expect(rules[0].id).toBe('asylum.wish_expressed');
      setAt(d, 'profiling.rules', [...rules.slice(1)]);
      setAt(d, 'profiling.version', 'kivuko-default-next');
    });
    expect(diffSops(DEFAULT_SOP, changed).map((c) => [c.path, c.change])).toEqual([
      ['profiling.version', 'CHANGED'],
      ['profiling.rules[asylum.wish_expressed]', 'REMOVED'],
      ['profiling.rules[asylum.fled_persecution_or_conflict].reason', 'CHANGED'],
      ['routing.SGBV_SURVIVOR.supporting[NGO/LEGAL_AID]', 'REMOVED'],
    ]);
  });

  it('reports data sharing, escalation and safeguard changes in their sections', () => {
    const changed = defaultWith((d) => {
      setAt(d, 'dataSharing.recipients.IMMIGRATION.groups', ['IDENTITY', 'ARRIVAL']);
      setAt(d, 'escalation.steps[2].after', 'PT2H');
      setAt(d, 'safeguards.DETENTION_GUARD', { enabled: false, legalReference: 'Act 5, s. 2' });
    });
    expect(diffSops(DEFAULT_SOP, changed)).toEqual([
      { section: 'dataSharing', path: 'dataSharing.recipients.IMMIGRATION.groups', change: 'CHANGED', before: ['IDENTITY', 'ARRIVAL', 'RETURN', 'DETENTION'], after: ['IDENTITY', 'ARRIVAL'] },
      { section: 'escalation', path: 'escalation.steps[2].after', change: 'CHANGED', before: 'PT4H', after: 'PT2H' },
      { section: 'safeguards', path: 'safeguards.DETENTION_GUARD.enabled', change: 'CHANGED', before: true, after: false },
      { section: 'safeguards', path: 'safeguards.DETENTION_GUARD.legalReference', change: 'ADDED', after: 'Act 5, s. 2' },
    ]);
  });

  it('says when only the order of keyed items changed', () => {
    const list: Json[] = [{ kind: 'HEALTH' }, { kind: 'NGO', service: 'LEGAL_AID' }];
    expect(diffJson({ a: list }, { a: [list[1], list[0]] })).toEqual([{ path: 'a', change: 'CHANGED', before: list, after: [list[1], list[0]] }]);
  });
});

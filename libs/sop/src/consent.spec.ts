import fc from 'fast-check';
import { ConsentOnRecord, ConsentRequirement, meetRequirements } from './consent';
import { CONSENT_PURPOSES, FIELD_GROUPS, LEGAL_BASES } from './vocabulary';

const requirement = (overrides: Partial<ConsentRequirement> = {}): ConsentRequirement => ({
  purpose: 'REFERRAL',
  fieldGroups: ['SGBV'],
  legalBases: [],
  automaticBasis: null,
  ...overrides,
});
const record = (overrides: Partial<ConsentOnRecord> = {}): ConsentOnRecord => ({
  id: 'c1',
  purpose: 'REFERRAL',
  decision: 'GIVEN',
  legalBasis: null,
  fieldGroups: [],
  withdrawn: false,
  ...overrides,
});

describe('meetRequirements', () => {
  it('meets a requirement by consent, a recorded basis it allows, or the SOP’s automatic basis, and lists what still waits', () => {
    expect(meetRequirements([requirement()], [record()])).toEqual({ met: [{ purpose: 'REFERRAL', kind: 'CONSENT', consentRecordId: 'c1' }], waiting: [] });
    const basis = requirement({ legalBases: ['CHILD_BEST_INTERESTS'] });
    expect(meetRequirements([basis], [record({ decision: 'LEGAL_BASIS', legalBasis: 'CHILD_BEST_INTERESTS' })]).met).toEqual([
      { purpose: 'REFERRAL', kind: 'LEGAL_BASIS', consentRecordId: 'c1', legalBasis: 'CHILD_BEST_INTERESTS' },
    ]);
    // A basis the requirement does not allow meets nothing.
    expect(meetRequirements([basis], [record({ decision: 'LEGAL_BASIS', legalBasis: 'LEGAL_OBLIGATION' })])).toEqual({ met: [], waiting: [basis] });
    const mandate = requirement({ legalBases: ['CHILD_PROTECTION_MANDATE'], automaticBasis: 'CHILD_PROTECTION_MANDATE' });
    expect(meetRequirements([mandate], []).met).toEqual([{ purpose: 'REFERRAL', kind: 'AUTOMATIC', legalBasis: 'CHILD_PROTECTION_MANDATE' }]);
    // A refusal blocks even the automatic basis; a withdrawn consent counts as none; consent for other groups does not cover.
    expect(meetRequirements([mandate], [record({ decision: 'REFUSED' })]).waiting).toEqual([mandate]);
    expect(meetRequirements([requirement()], [record({ withdrawn: true })]).waiting).toHaveLength(1);
    expect(meetRequirements([requirement()], [record({ fieldGroups: ['HEALTH'] })]).waiting).toHaveLength(1);
    // The latest record decides.
    expect(meetRequirements([requirement()], [record(), record({ id: 'c2', decision: 'REFUSED' })]).waiting).toHaveLength(1);
  });

  it('never records a gap among what is met: every requirement is met or waits, once (properties)', () => {
    const requirements = fc.array(
      fc.record({
        purpose: fc.constantFrom(...CONSENT_PURPOSES),
        fieldGroups: fc.subarray([...FIELD_GROUPS]),
        legalBases: fc.subarray([...LEGAL_BASES]),
        automaticBasis: fc.option(fc.constantFrom(...LEGAL_BASES), { nil: null }),
      }),
      { maxLength: 6 },
    );
    const records = fc.array(
      fc.record({
        id: fc.uuid(),
        purpose: fc.constantFrom(...CONSENT_PURPOSES),
        decision: fc.constantFrom('GIVEN' as const, 'REFUSED' as const, 'LEGAL_BASIS' as const),
        legalBasis: fc.option(fc.constantFrom(...LEGAL_BASES), { nil: null }),
        fieldGroups: fc.subarray([...FIELD_GROUPS]),
        withdrawn: fc.boolean(),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(requirements, records, (wanted, onRecord) => {
        const { met, waiting } = meetRequirements(wanted, onRecord);
        expect(met.every((m) => m !== null && m !== undefined && typeof m.purpose === 'string')).toBe(true);
        expect(met.length + waiting.length).toBe(wanted.length);
        for (const m of met) {
          if (m.kind === 'AUTOMATIC') expect(m.legalBasis).toBeDefined();
          else expect(onRecord.some((r) => r.id === m.consentRecordId && !r.withdrawn && r.decision !== 'REFUSED')).toBe(true);
        }
      }),
    );
  });
});

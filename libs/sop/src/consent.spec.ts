import fc from 'fast-check';
import type { ProfileCode } from '@kivuko/profiling';
import { ConsentOnRecord, ConsentRequirement, consentBoundGroups, consentRequirements, legalBasesFor, meetRequirements, separateConsents, sharedGroups } from './consent';
import { DEFAULT_SOP } from './default-sop';
import { Sop } from './sop';
import { CONSENT_PURPOSES, FIELD_GROUPS, FieldGroup, LEGAL_BASES } from './vocabulary';

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

describe('legalBasesFor', () => {
  const unaccompanied = { recipient: 'CHILD_PROTECTION' as const, profiles: ['UNACCOMPANIED_CHILD', 'MEDICAL_EMERGENCY'] as ProfileCode[], isChild: true };

  it('offers only the bases the SOP lists for the purpose, however well the subject fits the others', () => {
    expect(legalBasesFor(DEFAULT_SOP, 'REFERRAL', unaccompanied)).toEqual(['CHILD_BEST_INTERESTS', 'LEGAL_OBLIGATION', 'VITAL_INTEREST', 'CHILD_PROTECTION_MANDATE']);
    // Family tracing lists the child's best interests only: the mandate, a legal duty and vital interest do not stand in for it.
    expect(legalBasesFor(DEFAULT_SOP, 'FAMILY_TRACING', unaccompanied)).toEqual(['CHILD_BEST_INTERESTS']);
    expect(legalBasesFor(DEFAULT_SOP, 'DATA_SHARING', unaccompanied)).toEqual(['CHILD_BEST_INTERESTS', 'LEGAL_OBLIGATION', 'VITAL_INTEREST']);
    expect(legalBasesFor(DEFAULT_SOP, 'STATISTICS', unaccompanied)).toEqual([]);
  });

  it('offers a child-only basis to a child only', () => {
    expect(legalBasesFor(DEFAULT_SOP, 'REFERRAL', { ...unaccompanied, isChild: false })).toEqual(['LEGAL_OBLIGATION', 'VITAL_INTEREST']);
  });

  it('offers a basis bound to recipients only to those recipients', () => {
    expect(legalBasesFor(DEFAULT_SOP, 'REFERRAL', { ...unaccompanied, recipient: 'ASYLUM_AUTHORITY' })).toEqual(['CHILD_BEST_INTERESTS', 'LEGAL_OBLIGATION', 'VITAL_INTEREST']);
    expect(legalBasesFor(DEFAULT_SOP, 'REFERRAL', { ...unaccompanied, recipient: 'NGO' })).toEqual(['CHILD_BEST_INTERESTS', 'VITAL_INTEREST']);
  });

  it('offers a basis bound to profiles only when the case has one of them', () => {
    expect(legalBasesFor(DEFAULT_SOP, 'REFERRAL', { ...unaccompanied, profiles: ['UNACCOMPANIED_CHILD'] })).toEqual(['CHILD_BEST_INTERESTS', 'LEGAL_OBLIGATION', 'CHILD_PROTECTION_MANDATE']);
    expect(legalBasesFor(DEFAULT_SOP, 'REFERRAL', { ...unaccompanied, profiles: ['CHILD_AT_RISK'] })).toEqual(['CHILD_BEST_INTERESTS', 'LEGAL_OBLIGATION']);
  });

  it('offers no basis the SOP does not define, even one it lists for the purpose', () => {
    const { VITAL_INTEREST: _dropped, ...legalBases } = DEFAULT_SOP.dataSharing.legalBases;
    const sop: Sop = { ...DEFAULT_SOP, dataSharing: { ...DEFAULT_SOP.dataSharing, legalBases } };
    expect(legalBasesFor(sop, 'REFERRAL', unaccompanied)).toEqual(['CHILD_BEST_INTERESTS', 'LEGAL_OBLIGATION', 'CHILD_PROTECTION_MANDATE']);
  });
});

describe('what is shared, and what waits for consent', () => {
  it('shares the SOP’s groups in the fixed order, and never a sensitive group with a monitor, even from a SOP that lists one', () => {
    expect(sharedGroups(DEFAULT_SOP, 'HEALTH')).toEqual(['IDENTITY', 'CONTACT', 'NEEDS', 'HEALTH', 'SGBV', 'TORTURE']);
    const recipients = { ...DEFAULT_SOP.dataSharing.recipients, MONITOR: { groups: ['ARRIVAL', 'HEALTH', 'SGBV'] as FieldGroup[], consentRequiredFor: [] } };
    const careless: Sop = { ...DEFAULT_SOP, dataSharing: { ...DEFAULT_SOP.dataSharing, recipients } };
    expect(sharedGroups(careless, 'MONITOR')).toEqual(['ARRIVAL']);
  });

  it('binds the SOP’s groups to consent for a purpose that needs it, and the SGBV section always', () => {
    expect(consentBoundGroups(DEFAULT_SOP, 'NGO', 'REFERRAL')).toEqual(['TRAFFICKING', 'HEALTH', 'SGBV', 'TORTURE']);
    expect(consentBoundGroups(DEFAULT_SOP, 'NGO', 'STATISTICS')).toEqual(['SGBV']);
    expect(consentBoundGroups(DEFAULT_SOP, 'ASYLUM_AUTHORITY', 'STATISTICS')).toEqual([]);
    expect(consentBoundGroups(DEFAULT_SOP, 'IMMIGRATION', 'REFERRAL')).toEqual([]);
  });

  it('holds a referral for consent only when it shares a consent-bound group, and says which bases may stand in', () => {
    const adult = { recipient: 'HEALTH' as const, profiles: ['MEDICAL_EMERGENCY'] as ProfileCode[], isChild: false };
    expect(consentRequirements(DEFAULT_SOP, adult)).toEqual([{ purpose: 'REFERRAL', fieldGroups: ['SGBV', 'TORTURE'], legalBases: ['VITAL_INTEREST'], automaticBasis: 'VITAL_INTEREST' }]);
    expect(consentRequirements(DEFAULT_SOP, { ...adult, profiles: ['SGBV_SURVIVOR'] })).toEqual([{ purpose: 'REFERRAL', fieldGroups: ['SGBV', 'TORTURE'], legalBases: [], automaticBasis: null }]);
    expect(consentRequirements(DEFAULT_SOP, { ...adult, recipient: 'IMMIGRATION' })).toEqual([]);
  });

  it('takes as automatic only a basis the SOP makes automatic', () => {
    const child = { recipient: 'CHILD_PROTECTION' as const, profiles: ['SEPARATED_CHILD'] as ProfileCode[], isChild: true };
    expect(consentRequirements(DEFAULT_SOP, child)).toEqual([
      { purpose: 'REFERRAL', fieldGroups: ['SGBV'], legalBases: ['CHILD_BEST_INTERESTS', 'LEGAL_OBLIGATION', 'CHILD_PROTECTION_MANDATE'], automaticBasis: 'CHILD_PROTECTION_MANDATE' },
    ]);
  });

  it('asks separately for the consent an action needs, once per purpose, and never for the referral’s own purpose or one needing none', () => {
    const child = { recipient: 'CHILD_PROTECTION' as const, profiles: ['UNACCOMPANIED_CHILD'] as ProfileCode[], isChild: true };
    const actions = [
      { action: 'START_FAMILY_TRACING' as const, consentPurpose: 'FAMILY_TRACING' as const },
      { action: 'OPEN_BEST_INTERESTS_ASSESSMENT' as const },
      { action: 'ARRANGE_INTERIM_CARE' as const, consentPurpose: 'REFERRAL' as const },
      { action: 'VULNERABILITY_ASSESSMENT' as const, consentPurpose: 'STATISTICS' as const },
      { action: 'APPOINT_GUARDIAN' as const, consentPurpose: 'FAMILY_TRACING' as const },
    ];
    expect(separateConsents(DEFAULT_SOP, child, actions)).toEqual([
      { purpose: 'FAMILY_TRACING', fieldGroups: [], legalBases: ['CHILD_BEST_INTERESTS'], automaticBasis: null, actions: ['START_FAMILY_TRACING', 'APPOINT_GUARDIAN'] },
    ]);
    expect(separateConsents(DEFAULT_SOP, child, actions.slice(1, 4))).toEqual([]);
  });
});

describe('meetRequirements: what each record meets', () => {
  it('lets an earlier record decide when the later one was withdrawn', () => {
    expect(meetRequirements([requirement()], [record(), record({ id: 'c2', decision: 'REFUSED', withdrawn: true })]).met).toEqual([
      { purpose: 'REFERRAL', kind: 'CONSENT', consentRecordId: 'c1' },
    ]);
  });

  it('reads only the records of the requirement’s purpose', () => {
    expect(meetRequirements([requirement()], [record({ purpose: 'FAMILY_TRACING' })]).waiting).toHaveLength(1);
    expect(meetRequirements([requirement()], [record(), record({ id: 'c2', purpose: 'FAMILY_TRACING', decision: 'REFUSED' })]).met).toHaveLength(1);
  });

  it('takes consent for no particular group as consent for every group, and consent for the groups asked as enough', () => {
    expect(meetRequirements([requirement({ fieldGroups: ['SGBV', 'HEALTH'] })], [record({ fieldGroups: ['HEALTH', 'SGBV', 'TORTURE'] })]).met).toHaveLength(1);
    expect(meetRequirements([requirement({ fieldGroups: ['SGBV', 'HEALTH'] })], [record({ fieldGroups: ['SGBV'] })]).waiting).toHaveLength(1);
  });

  it('takes a recorded basis only when it covers the groups', () => {
    const basis = requirement({ fieldGroups: ['SGBV', 'HEALTH'], legalBases: ['LEGAL_OBLIGATION'] });
    const recorded = (fieldGroups: string[]) => record({ decision: 'LEGAL_BASIS', legalBasis: 'LEGAL_OBLIGATION', fieldGroups });
    expect(meetRequirements([basis], [recorded(['SGBV'])]).waiting).toEqual([basis]);
    expect(meetRequirements([basis], [recorded([])]).met).toEqual([{ purpose: 'REFERRAL', kind: 'LEGAL_BASIS', consentRecordId: 'c1', legalBasis: 'LEGAL_OBLIGATION' }]);
  });

  it('does not take a basis named on a consent or a refusal as a recorded basis', () => {
    const basis = requirement({ legalBases: ['LEGAL_OBLIGATION'] });
    expect(meetRequirements([basis], [record({ decision: 'REFUSED', legalBasis: 'LEGAL_OBLIGATION' })]).waiting).toEqual([basis]);
    expect(meetRequirements([basis], [record({ decision: 'GIVEN', legalBasis: 'LEGAL_OBLIGATION', fieldGroups: ['HEALTH'] })]).waiting).toEqual([basis]);
  });

  it('names the record that met a requirement before the SOP’s automatic basis', () => {
    const mandate = requirement({ legalBases: ['CHILD_PROTECTION_MANDATE', 'CHILD_BEST_INTERESTS'], automaticBasis: 'CHILD_PROTECTION_MANDATE' });
    expect(meetRequirements([mandate], [record({ decision: 'LEGAL_BASIS', legalBasis: 'CHILD_BEST_INTERESTS' })]).met).toEqual([
      { purpose: 'REFERRAL', kind: 'LEGAL_BASIS', consentRecordId: 'c1', legalBasis: 'CHILD_BEST_INTERESTS' },
    ]);
    // Consent for other groups does not cover, but no refusal stands in the way of the automatic basis.
    expect(meetRequirements([mandate], [record({ fieldGroups: ['HEALTH'] })]).met).toEqual([{ purpose: 'REFERRAL', kind: 'AUTOMATIC', legalBasis: 'CHILD_PROTECTION_MANDATE' }]);
  });

  it('keeps the order of the requirements in both lists', () => {
    const referral = requirement();
    const tracing = requirement({ purpose: 'FAMILY_TRACING', fieldGroups: [] });
    const statistics = requirement({ purpose: 'STATISTICS', fieldGroups: [] });
    const result = meetRequirements([referral, tracing, statistics], [record({ purpose: 'STATISTICS', id: 's' }), record({ purpose: 'REFERRAL', id: 'r' })]);
    expect(result.met.map((m) => m.consentRecordId)).toEqual(['r', 's']);
    expect(result.waiting).toEqual([tracing]);
  });
});

import { CaseFacts } from '@kivuko/profiling';
import { asylumWishRecorded } from './asylum-wish-facts';
import { inverseRelationship } from './case-facts';

describe('inverseRelationship', () => {
  it('reads a parent claim from the child side, and a child claim by the claimant’s sex', () => {
    expect(inverseRelationship('MOTHER', 'FEMALE')).toBe('CHILD');
    expect(inverseRelationship('FATHER', 'MALE')).toBe('CHILD');
    expect(inverseRelationship('CHILD', 'FEMALE')).toBe('MOTHER');
    expect(inverseRelationship('CHILD', 'MALE')).toBe('FATHER');
    expect(inverseRelationship('CHILD', 'UNKNOWN')).toBe('OTHER_RELATIVE');
  });

  it('swaps the generations', () => {
    expect(inverseRelationship('GRANDPARENT', 'FEMALE')).toBe('GRANDCHILD');
    expect(inverseRelationship('GRANDCHILD', 'FEMALE')).toBe('GRANDPARENT');
    expect(inverseRelationship('UNCLE_OR_AUNT', 'MALE')).toBe('NEPHEW_OR_NIECE');
    expect(inverseRelationship('NEPHEW_OR_NIECE', 'MALE')).toBe('UNCLE_OR_AUNT');
  });

  it('says nothing about who cares for the person when the claimant is the one cared for', () => {
    expect(inverseRelationship('LEGAL_GUARDIAN', 'FEMALE')).toBe('UNKNOWN');
    expect(inverseRelationship('CUSTOMARY_CAREGIVER', 'MALE')).toBe('UNKNOWN');
  });

  it('keeps a symmetric relationship', () => {
    expect(inverseRelationship('SIBLING', 'MALE')).toBe('SIBLING');
  });
});

describe('asylumWishRecorded', () => {
  const facts = (change: Partial<CaseFacts>): CaseFacts => ({ ...({} as CaseFacts), ...change });

  it('reads the screening answer or the mass-arrival flag', () => {
    expect(asylumWishRecorded(facts({ answers: { asylum_wish_expressed: true } }))).toBe(true);
    expect(asylumWishRecorded(facts({ urgentNeeds: ['ASYLUM_WISH'] }))).toBe(true);
  });

  it('is not recorded by a "no", another flag, or nothing', () => {
    expect(asylumWishRecorded(facts({ answers: { asylum_wish_expressed: false } }))).toBe(false);
    expect(asylumWishRecorded(facts({ urgentNeeds: ['MEDICAL_EMERGENCY'] }))).toBe(false);
    expect(asylumWishRecorded(facts({}))).toBe(false);
  });
});

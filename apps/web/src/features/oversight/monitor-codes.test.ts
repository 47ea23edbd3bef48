import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import ar from '../../../lang/ar.json';
import en from '../../../lang/en.json';
import { attemptedText, reasonLabel, roleLabel } from './monitor-codes';

const intl = createIntl({ locale: 'en', messages: en });

describe("the monitor report's codes in words", () => {
  it('names what was attempted, with its offence or profile', () => {
    expect(attemptedText(intl, 'OPEN_DETENTION')).toBe('Open a detention');
    expect(attemptedText(intl, 'ORDER_REMOVAL')).toBe('Order a removal');
    expect(attemptedText(intl, 'FLAG_PROSECUTION:IRREGULAR_ENTRY')).toBe('Flag for prosecution: irregular entry');
    expect(attemptedText(intl, 'REMOVE_PROFILE:ASYLUM_SEEKER')).toBe('Remove a profile: Asylum-seeker');
    expect(attemptedText(createIntl({ locale: 'ar', messages: ar }), 'OPEN_DETENTION')).toBe('بدء احتجاز');
    expect(attemptedText(intl, 'SOMETHING_NEW')).toBeNull();
  });

  it('names the reasons and grounds, and the referral roles', () => {
    expect(reasonLabel(intl, 'TRAFFICKING_VICTIM')).toBe('a presumed or identified victim of trafficking');
    expect(reasonLabel(intl, 'ASYLUM_CLAIM_PENDING')).toBe('An asylum claim is registered and not yet decided.');
    expect(reasonLabel(intl, 'NOT_A_REASON')).toBeNull();
    expect(roleLabel(intl, 'LEAD')).toBe('Lead agency');
    expect(roleLabel(intl, 'OTHER')).toBeNull();
  });
});

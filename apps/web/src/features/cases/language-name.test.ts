import { createIntl, IntlShape } from 'react-intl';
import { describe, expect, it } from 'vitest';
import ar from '../../../lang/ar.json';
import en from '../../../lang/en.json';
import { languageName } from './language-name';

describe('languageName', () => {
  it('names a language in the UI language', () => {
    expect(languageName(createIntl({ locale: 'en', messages: en }), 'sw')).toBe('Swahili');
  });

  it('names the region’s languages from the catalogue where the browser only knows the code', () => {
    // Reduced browser locale data: the display name is missing (undefined) or the code comes back.
    for (const missing of [undefined, 'rn']) {
      const intl = createIntl({ locale: 'ar', messages: ar });
      const reduced: IntlShape = { ...intl, formatDisplayName: () => missing };
      expect(languageName(reduced, 'rn')).toBe('الكيروندية');
    }
    const english = createIntl({ locale: 'en', messages: en });
    expect(languageName({ ...english, formatDisplayName: () => 'luo' }, 'luo')).toBe('Dholuo');
  });

  it('falls back to the code for a language nobody names', () => {
    const intl = createIntl({ locale: 'en', messages: en });
    expect(languageName({ ...intl, formatDisplayName: () => undefined }, 'qqq')).toBe('qqq');
  });
});

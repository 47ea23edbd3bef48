import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { countryName } from '../../i18n/countries';
import { languageName } from '../cases/language-name';
import { countryOptions, languageOptions } from '../intake/options';

/** Countries by their name in the UI language (valued by the alpha-3 code the api records), for a named picker. */
export function useCountries(): { value: string; label: string }[] {
  const intl = useIntl();
  return useMemo(() => countryOptions(intl.locale), [intl.locale]);
}

/** Languages by their name in the UI language (valued by their ISO 639 code), the region's own named too. */
export function useLanguages(): { value: string; label: string }[] {
  const intl = useIntl();
  return useMemo(
    () => languageOptions(intl.locale).map((o) => ({ value: o.value, label: languageName(intl, o.value) })).sort((a, b) => a.label.localeCompare(b.label, intl.locale)),
    [intl],
  );
}

/** A recorded country in words (the code only when no name is known). */
export const countryText = (locale: string, code: string): string => countryName(locale, code);

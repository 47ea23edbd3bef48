import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useLocaleSwitch } from '../../../i18n/locale-provider';
import { isLocale, LOCALES } from '../../../i18n/locales';
import { localeNames } from '../../../i18n/vocabulary';
import { ChevronDown } from '../../../ui/icons';
import { shellMessages } from '../messages';
import styles from './language-switch.module.css';

/**
 * Picks the UI language; the choice is remembered for the signed-in user (or the device). A native
 * `<select>`: every browser and screen reader knows it, touch devices show their own picker, and it costs
 * nothing to download (React Aria's Select added 35 KB gzipped to the sign-in page).
 */
export function LanguageSwitch() {
  const intl = useIntl();
  const id = useId();
  const { locale, setLocale } = useLocaleSwitch();
  return (
    <div className={styles.select}>
      <label htmlFor={id} className={styles.label}>
        {intl.formatMessage(shellMessages.language)}
      </label>
      <div className={styles.trigger}>
        <select
          id={id}
          className={styles.native}
          value={locale}
          onChange={(event) => {
            if (isLocale(event.target.value)) setLocale(event.target.value);
          }}
        >
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {intl.formatMessage(localeNames[code])}
            </option>
          ))}
        </select>
        <ChevronDown />
      </div>
    </div>
  );
}

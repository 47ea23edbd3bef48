import { useIntl } from 'react-intl';
import { Locale } from '../../../i18n/locales';
import { localeNames } from '../../../i18n/vocabulary';
import { EMAIL_LANGUAGES } from '../notifications-api';
import styles from './settings-card.module.css';

/** One of the five languages an e-mail is written in, each by its own name. */
export function LanguageSelect({ id, label, value, onChange }: { id: string; label: string; value: Locale; onChange: (value: Locale) => void }) {
  const intl = useIntl();
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className={styles.select} value={value} onChange={(event) => onChange(event.target.value as Locale)}>
        {EMAIL_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {intl.formatMessage(localeNames[code])}
          </option>
        ))}
      </select>
    </div>
  );
}

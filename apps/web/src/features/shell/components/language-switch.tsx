import { useIntl } from 'react-intl';
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { localeNames } from '../../../i18n/vocabulary';
import { isLocale, LOCALES } from '../../../i18n/locales';
import { useLocaleSwitch } from '../../../i18n/locale-provider';
import { shellMessages } from '../messages';
import { ChevronDown } from '../../../ui/icons';
import styles from './language-switch.module.css';

/** Picks the UI language; the choice is remembered for the signed-in user (or the device). */
export function LanguageSwitch() {
  const intl = useIntl();
  const { locale, setLocale } = useLocaleSwitch();
  return (
    <Select
      className={styles.select}
      value={locale}
      onChange={(key) => {
        if (isLocale(key)) setLocale(key);
      }}
    >
      <Label className={styles.label}>{intl.formatMessage(shellMessages.language)}</Label>
      <Button className={styles.trigger}>
        <SelectValue />
        <ChevronDown />
      </Button>
      <Popover className={styles.popover}>
        <ListBox className={styles.list}>
          {LOCALES.map((code) => (
            <ListBoxItem key={code} id={code} className={styles.item} lang={code} textValue={intl.formatMessage(localeNames[code])}>
              {intl.formatMessage(localeNames[code])}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

import { createContext, ReactNode, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { IntlProvider } from 'react-intl';
import { readLocale, readUserLocale, rememberLocale } from './locale-preference';
import { DEFAULT_LOCALE, directionOf, Locale, loadMessages, matchLocale, Messages } from './locales';

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState | null>(null);

export function useLocaleSwitch(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocaleSwitch needs a LocaleProvider');
  return state;
}

/** Region tags for Intl formatting (dates and numbers) and React Aria's built-in strings. */
const FORMAT_LOCALE: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', pt: 'pt-PT', sw: 'sw-TZ', ar: 'ar-EG' };

interface Props {
  /** The signed-in username (null before sign-in): the language is remembered for them. */
  username: string | null;
  storage: Storage;
  children: ReactNode;
}

/**
 * The UI language: the user's choice on this device, else the device's, else the browser's, else English.
 * Sets `<html lang dir>`, and renders nothing until the chosen catalog has loaded (no flash of English).
 */
export function LocaleProvider({ username, storage, children }: Props) {
  const initial = (): Locale => readLocale(storage, username) ?? matchLocale(navigator.languages) ?? DEFAULT_LOCALE;
  const [locale, setLocaleState] = useState<Locale>(initial);
  const [loaded, setLoaded] = useState<{ locale: Locale; messages: Messages } | null>(null);

  // Signing in brings back that user's language, or keeps the current one as theirs (adjusted while
  // rendering, so the page never shows a frame in the previous user's language).
  const [seenUser, setSeenUser] = useState(username);
  if (seenUser !== username) {
    setSeenUser(username);
    const own = username ? readUserLocale(storage, username) : null;
    if (own) setLocaleState(own);
    else if (username) rememberLocale(storage, locale, username);
  }

  useEffect(() => {
    let current = true;
    loadMessages(locale).then(
      (messages) => current && setLoaded({ locale, messages }),
      () => current && setLoaded({ locale: DEFAULT_LOCALE, messages: {} }),
    );
    return () => {
      current = false;
    };
  }, [locale]);

  // Before the browser paints the new catalog (and before anything can observe it): never a frame of Arabic
  // laid out left to right.
  useLayoutEffect(() => {
    if (!loaded) return;
    document.documentElement.lang = loaded.locale;
    document.documentElement.dir = directionOf(loaded.locale);
  }, [loaded]);

  const setLocale = useCallback(
    (next: Locale) => {
      rememberLocale(storage, next, username);
      setLocaleState(next);
    },
    [storage, username],
  );
  const state = useMemo(() => ({ locale: loaded?.locale ?? locale, setLocale }), [loaded, locale, setLocale]);

  if (!loaded) return null;
  return (
    <LocaleContext.Provider value={state}>
      <IntlProvider locale={FORMAT_LOCALE[loaded.locale]} messages={loaded.messages} defaultLocale="en-GB">
        <I18nProvider locale={FORMAT_LOCALE[loaded.locale]}>{children}</I18nProvider>
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

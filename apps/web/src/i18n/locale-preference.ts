import { isLocale, Locale } from './locales';

/**
 * The chosen language is remembered per user on this device (a shared laptop serves officials who work
 * in different languages), and per device before anyone signs in.
 */
export const DEVICE_LOCALE_KEY = 'kivuko.locale';
export const userLocaleKey = (username: string): string => `kivuko.locale.user.${username.toLowerCase()}`;

export function readLocale(storage: Storage, username: string | null): Locale | null {
  const read = (key: string): Locale | null => {
    const value = storage.getItem(key);
    return isLocale(value) ? value : null;
  };
  return (username ? read(userLocaleKey(username)) : null) ?? read(DEVICE_LOCALE_KEY);
}

/** The user's own choice on this device, without the device's fallback. */
export function readUserLocale(storage: Storage, username: string): Locale | null {
  const value = storage.getItem(userLocaleKey(username));
  return isLocale(value) ? value : null;
}

export function rememberLocale(storage: Storage, locale: Locale, username: string | null): void {
  storage.setItem(DEVICE_LOCALE_KEY, locale);
  if (username) storage.setItem(userLocaleKey(username), locale);
}

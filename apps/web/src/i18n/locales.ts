import english from '../../lang/en.json';

/** The UI languages. Every catalog in lang/ has exactly the keys of lang/en.json (a test checks it). */
export const LOCALES = ['en', 'fr', 'pt', 'sw', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Right-to-left languages among ours. */
const RTL: ReadonlySet<Locale> = new Set<Locale>(['ar']);

export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (RTL.has(locale) ? 'rtl' : 'ltr');

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The first of the browser's languages we have, by language subtag (`fr-CD` -> `fr`). */
export function matchLocale(preferred: readonly string[]): Locale | null {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return null;
}

export type Messages = Record<string, string>;

/**
 * Each catalog is its own chunk, loaded when the language is chosen; English, the source language, is in
 * the entry chunk so that the first page needs no extra round trip on a slow link.
 */
const CATALOGS: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => Promise.resolve({ default: english }),
  fr: () => import('../../lang/fr.json'),
  pt: () => import('../../lang/pt.json'),
  sw: () => import('../../lang/sw.json'),
  ar: () => import('../../lang/ar.json'),
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await CATALOGS[locale]()).default;
}

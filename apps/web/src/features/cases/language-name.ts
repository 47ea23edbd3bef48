import type { IntlShape } from 'react-intl';
import { languageNameMessages } from './case-messages';

/**
 * A language's name in the UI language, from its ISO 639 code: the browser's name where it has one, else
 * the catalogue's (the region's languages that reduced browser data lack), else the code itself.
 */
export function languageName(intl: IntlShape, code: string): string {
  let name: string | undefined;
  try {
    name = intl.formatDisplayName(code, { type: 'language', fallback: 'none' });
  } catch {
    name = undefined;
  }
  if (name && name.toLowerCase() !== code.toLowerCase()) return name;
  const own = Object.hasOwn(languageNameMessages, code) ? languageNameMessages[code as keyof typeof languageNameMessages] : undefined;
  return own ? intl.formatMessage(own) : code;
}

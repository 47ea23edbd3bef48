import type { IntlShape } from 'react-intl';

/**
 * Names joined by the language's list format, each isolated in <bdi>. Arabic joins with a "و" written
 * onto the next word; before a name in another script it gets a space, so it does not glue onto it.
 */
export function isolatedList(intl: IntlShape, names: string[]) {
  const parts = intl.formatListToParts(names, { type: 'conjunction' });
  return parts.map((part, index) => {
    if (part.type === 'element') return <bdi key={index}>{part.value}</bdi>;
    const next = parts[index + 1]?.value ?? '';
    return part.value.endsWith('و') && !/^\p{Script=Arabic}/u.test(next) ? `${part.value} ` : part.value;
  });
}

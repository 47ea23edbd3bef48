import type { MessageDescriptor } from 'react-intl';

interface Descriptor {
  id: string;
  defaultMessage: string;
  description?: string;
}

/**
 * react-intl's `defineMessages`, returning plain descriptors. react-intl 12 types a descriptor whose
 * values it cannot infer as taking none, which refuses `{count}` for a plural. The catalogs test checks
 * every message's placeholders instead. The name is kept so that `formatjs extract` and the lint rules find the calls.
 */
export function defineMessages<K extends string>(messages: Record<K, Descriptor>): Record<K, MessageDescriptor> {
  return messages;
}

import { queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';
import { components } from '../../api/schema';
import { Locale, LOCALES } from '../../i18n/locales';

export type NotificationSettings = components['schemas']['NotificationSettingsView'];
export type EmailKind = components['schemas']['EmailPreferenceDto']['kinds'][number];

/** The e-mails a user may choose, in the order the page offers them. */
export const EMAIL_KINDS: readonly EmailKind[] = ['NEW_REFERRAL', 'DEADLINE_SOON', 'ESCALATION'];

/** The languages an e-mail is written in: the UI's five. */
export const EMAIL_LANGUAGES: readonly Locale[] = LOCALES;

export const notificationSettingsQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: ['notifications', 'settings'],
    queryFn: () => unwrap<NotificationSettings>(api.GET('/api/v1/notifications/settings')),
  });

export interface MyChoice {
  kinds: EmailKind[];
  address: string;
  language: Locale;
}

/** What is wrong with the user's choice before it is sent: an address is needed as soon as one e-mail is chosen. */
export function choiceProblem(choice: MyChoice): 'addressRequired' | 'addressInvalid' | null {
  if (choice.kinds.length === 0) return null;
  const address = choice.address.trim();
  if (address === '') return 'addressRequired';
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) ? null : 'addressInvalid';
}

/** The body of PUT /notifications/mine: no e-mail chosen forgets the address. */
export function choiceBody(choice: MyChoice): { kinds: EmailKind[]; address?: string; language: Locale } {
  const kinds = EMAIL_KINDS.filter((kind) => choice.kinds.includes(kind));
  return kinds.length === 0 ? { kinds, language: choice.language } : { kinds, address: choice.address.trim(), language: choice.language };
}

export const saveMyChoice = (api: ApiClient, choice: MyChoice) => unwrap(api.PUT('/api/v1/notifications/mine', { body: choiceBody(choice) }));

export const saveDutyEmail = (api: ApiClient, agencyId: string, duty: { address: string; language: Locale }) =>
  unwrap(api.PUT('/api/v1/agencies/{id}/duty-email', { params: { path: { id: agencyId } }, body: { address: duty.address.trim(), language: duty.language } }));

export const removeDutyEmail = (api: ApiClient, agencyId: string) => unwrap(api.DELETE('/api/v1/agencies/{id}/duty-email', { params: { path: { id: agencyId } } }));

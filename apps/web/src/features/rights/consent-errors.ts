import type { IntlShape } from 'react-intl';
import { ApiError } from '../../api/api-error';
import { describeError } from '../../i18n/error-messages';
import { consentErrorMessages } from './messages';

/** A consent or safeguard refusal in plain words; any other error as the app explains it everywhere. */
export function describeConsentError(intl: IntlShape, error: unknown): string {
  if (!(error instanceof ApiError)) return describeError(intl, error);
  const code = error.code as keyof typeof consentErrorMessages;
  if (code !== 'safeguard' && code !== 'consent' && Object.hasOwn(consentErrorMessages, code)) return intl.formatMessage(consentErrorMessages[code]);
  if (error.code.startsWith('SAFEGUARD.')) return intl.formatMessage(consentErrorMessages.safeguard);
  if (error.code.startsWith('CONSENT.')) return intl.formatMessage(consentErrorMessages.consent);
  return describeError(intl, error);
}

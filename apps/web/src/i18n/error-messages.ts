import type { IntlShape } from 'react-intl';
import { defineMessages } from './define-messages';
import { ApiError } from '../api/api-error';

/** The api's error codes the UI explains; any other code gets the general message with its reference. */
export const errorMessages = defineMessages({
  'AUTH.INVALID_CREDENTIALS': { id: 'error.AUTH.INVALID_CREDENTIALS', defaultMessage: 'The username or password is wrong. Check both and try again.' },
  'AUTH.TOO_MANY_ATTEMPTS': {
    id: 'error.AUTH.TOO_MANY_ATTEMPTS',
    defaultMessage: 'Too many sign-in attempts. Wait {seconds, plural, one {# second} other {# seconds}}, then try again.',
  },
  'REQUEST.TOO_MANY': { id: 'error.REQUEST.TOO_MANY', defaultMessage: 'Too many requests. Wait {seconds, plural, one {# second} other {# seconds}}, then try again.' },
  'AUTH.TOKEN_MISSING': { id: 'error.AUTH.TOKEN_MISSING', defaultMessage: 'Your session has ended. Sign in again.' },
  'AUTH.TOKEN_INVALID': { id: 'error.AUTH.TOKEN_INVALID', defaultMessage: 'Your session has ended. Sign in again.' },
  'AUTH.REFRESH_INVALID': { id: 'error.AUTH.REFRESH_INVALID', defaultMessage: 'Your session has ended. Sign in again.' },
  'AUTH.UNAUTHENTICATED': { id: 'error.AUTH.UNAUTHENTICATED', defaultMessage: 'Your session has ended. Sign in again.' },
  'ACCESS.FORBIDDEN': { id: 'error.ACCESS.FORBIDDEN', defaultMessage: 'Your role does not allow this.' },
  'AUTH.FORBIDDEN': { id: 'error.AUTH.FORBIDDEN', defaultMessage: 'Your role does not allow this.' },
  'REQUEST.VALIDATION_FAILED': { id: 'error.REQUEST.VALIDATION_FAILED', defaultMessage: 'Some fields need correcting.' },
  'NETWORK.UNREACHABLE': { id: 'error.NETWORK.UNREACHABLE', defaultMessage: 'The server cannot be reached. Check the connection and try again.' },
  unknown: { id: 'error.unknown', defaultMessage: 'Something went wrong. If it happens again, give this reference to support: {reference}.' },
});

/** The translated sentence for an error from the api (or from the network). */
export function describeError(intl: IntlShape, error: unknown): string {
  if (!(error instanceof ApiError)) return intl.formatMessage(errorMessages.unknown, { reference: '-' });
  const code = error.code as keyof typeof errorMessages;
  if (code === 'AUTH.TOO_MANY_ATTEMPTS' || code === 'REQUEST.TOO_MANY') {
    return intl.formatMessage(errorMessages[code], { seconds: Math.max(1, Math.ceil(error.retryAfterSeconds ?? 1)) });
  }
  if (code !== 'unknown' && Object.hasOwn(errorMessages, code)) return intl.formatMessage(errorMessages[code]);
  return intl.formatMessage(errorMessages.unknown, { reference: error.correlationId ?? error.code });
}

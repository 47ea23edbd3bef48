import { defineMessages } from './define-messages';

/** Messages several features use. */
export const commonMessages = defineMessages({
  relativeAbsolute: { id: 'common.relativeAbsolute', defaultMessage: '{relative} ({absolute})' },
  goBack: { id: 'common.goBack', defaultMessage: 'Go back' },
  reason: { id: 'common.reason', defaultMessage: 'Reason' },
  reasonHint: { id: 'common.reasonHint', defaultMessage: 'At least {min, plural, one {# character} other {# characters}}. No sensitive details.' },
  reasonTooShort: { id: 'common.reasonTooShort', defaultMessage: 'Say why in at least {min, plural, one {# character} other {# characters}}.' },
});

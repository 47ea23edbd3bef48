import type { IntlShape } from 'react-intl';
import { nameOf, profileMessages } from '../../i18n/vocabulary';
import { groundText, reasonText } from '../protection/safeguard-refusal';
import { referralMessages } from '../referrals/messages';
import { monitorMessages as m } from './messages';

/** The non-refoulement lock's reasons (libs/safeguards non-refoulement.ts) and the protected grounds (detention-guard.ts). */
const REFOULEMENT_REASONS = new Set([
  'ASYLUM_WISH_PENDING',
  'ASYLUM_CLAIM_PENDING',
  'ASYLUM_APPEAL_PENDING',
  'INTERNATIONAL_PROTECTION_GRANTED',
  'REFLECTION_PERIOD_RUNNING',
  'PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD',
  'CHILD_WITHOUT_BID_SUPPORTING_RETURN',
  'REFOULEMENT_RISK_FLAG_OPEN',
  'PROTECTION_PROFILE_OPEN',
]);
const GROUNDS = new Set(['UNACCOMPANIED_OR_SEPARATED_CHILD', 'CHILD', 'TRAFFICKING_VICTIM', 'TORTURE_SURVIVOR', 'SGBV_SURVIVOR', 'PREGNANT', 'SERIOUSLY_ILL']);

const has = <T extends object>(messages: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(messages, key);

/** What a blocked or overridden attempt tried to do ("OPEN_DETENTION", "FLAG_PROSECUTION:IRREGULAR_ENTRY") in words; null when unknown. */
export function attemptedText(intl: IntlShape, code: string): string | null {
  const [action, argument = ''] = code.split(':');
  if (action === 'FLAG_PROSECUTION') {
    const offence = `offence_${argument}`;
    return intl.formatMessage(m.attempt_FLAG_PROSECUTION, { offence: has(m, offence) ? intl.formatMessage(m[offence]) : argument });
  }
  if (action === 'REMOVE_PROFILE') return intl.formatMessage(m.attempt_REMOVE_PROFILE, { profile: nameOf(intl, profileMessages, argument) });
  const key = `attempt_${action}`;
  return has(m, key) ? intl.formatMessage(m[key]) : null;
}

/** A safeguard's reason or a protected ground ("TRAFFICKING_VICTIM") in words; null when unknown. */
export function reasonLabel(intl: IntlShape, code: string): string | null {
  if (REFOULEMENT_REASONS.has(code)) return reasonText(intl, { code });
  if (GROUNDS.has(code)) return groundText(intl, code);
  return null;
}

/** A referral's role (LEAD, SUPPORTING) in words; null when unknown. */
export function roleLabel(intl: IntlShape, code: string): string | null {
  const key = `role${code}`;
  return has(referralMessages, key) ? intl.formatMessage(referralMessages[key]) : null;
}

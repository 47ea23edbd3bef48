import { IntlShape, MessageDescriptor } from 'react-intl';
import type { FieldProblem } from '../../api/api-error';
import { defineMessages } from '../../i18n/define-messages';

/**
 * The SOP checker's problems by their stable code (the api keeps an English `problem` for its own users).
 * Values from the document (codes, durations, names) are parameters, shown as written.
 */
export const sopProblemMessages = defineMessages({
  REQUIRED: { id: 'sop.problem.REQUIRED', defaultMessage: 'Required.' },
  NOT_OBJECT: { id: 'sop.problem.NOT_OBJECT', defaultMessage: 'Must be an object (in braces).' },
  NOT_TEXT: { id: 'sop.problem.NOT_TEXT', defaultMessage: 'Must be a text that is not empty.' },
  NOT_BOOLEAN: { id: 'sop.problem.NOT_BOOLEAN', defaultMessage: 'Must be true or false.' },
  NOT_LIST: { id: 'sop.problem.NOT_LIST', defaultMessage: 'Must be a list.' },
  EMPTY_LIST: { id: 'sop.problem.EMPTY_LIST', defaultMessage: 'Must list at least one item.' },
  NOT_DATE: { id: 'sop.problem.NOT_DATE', defaultMessage: 'Must be a date written {format}.' },
  BAD_FORMAT: { id: 'sop.problem.BAD_FORMAT', defaultMessage: '{value} is not in the expected form.' },
  TOO_LONG: { id: 'sop.problem.TOO_LONG', defaultMessage: 'Must be at most {max, number} characters.' },
  NOT_ALLOWED: { id: 'sop.problem.NOT_ALLOWED', defaultMessage: 'Not allowed here (expected: {allowed}).' },
  NOT_ONE_OF: { id: 'sop.problem.NOT_ONE_OF', defaultMessage: '{value} is not a known code (see the schema).' },
  NOT_ONE_OF_LIST: { id: 'sop.problem.NOT_ONE_OF_LIST', defaultMessage: '{value} is not one of: {allowed}.' },
  LISTED_TWICE: { id: 'sop.problem.LISTED_TWICE', defaultMessage: '{value} is listed twice.' },
  NOT_DURATION: { id: 'sop.problem.NOT_DURATION', defaultMessage: '{value} is not an ISO 8601 duration (for example {hours} or {days}).' },
  ZERO_DURATION: { id: 'sop.problem.ZERO_DURATION', defaultMessage: '{value} must be longer than zero.' },
  TARGET_TWICE: { id: 'sop.problem.TARGET_TWICE', defaultMessage: '{target} is already {earlier}: one target gets one referral per case.' },
  NEVER_RECEIVES: { id: 'sop.problem.NEVER_RECEIVES', defaultMessage: '{kind} never receives referrals.' },
  DEADLINE_ORDER: {
    id: 'sop.problem.DEADLINE_ORDER',
    defaultMessage: '{value} ({urgency}) is longer than {lessUrgentValue} ({lessUrgent}): a more urgent case must not wait longer.',
  },
  PRIORITY_ORDER: {
    id: 'sop.problem.PRIORITY_ORDER',
    defaultMessage: '{value} ({urgency}) is a lower priority than {lessUrgentValue} ({lessUrgent}): a more urgent case must not come later in the queue.',
  },
  CONSENT_NOT_SHARED: { id: 'sop.problem.CONSENT_NOT_SHARED', defaultMessage: '{group} is not shared with {kind}, so there is nothing to require consent for.' },
  NEVER_SHARED: { id: 'sop.problem.NEVER_SHARED', defaultMessage: '{group} is sensitive and is never shared with {kind} (a rule no SOP can switch off).' },
  CONSENT_REQUIRED: { id: 'sop.problem.CONSENT_REQUIRED', defaultMessage: '{group} is shared only with consent or a legal basis: consentRequiredFor must list it.' },
  BASIS_CHILD_ONLY: { id: 'sop.problem.BASIS_CHILD_ONLY', defaultMessage: 'Must be true: {basis} applies to children only.' },
  BASIS_NEEDS_PROFILES: { id: 'sop.problem.BASIS_NEEDS_PROFILES', defaultMessage: 'Must name the profiles {basis} covers.' },
  BASIS_NEEDS_RECIPIENTS: { id: 'sop.problem.BASIS_NEEDS_RECIPIENTS', defaultMessage: 'Must name the kinds of agency {basis} is owed to.' },
  BASIS_CHILD_PROTECTION_ONLY: { id: 'sop.problem.BASIS_CHILD_PROTECTION_ONLY', defaultMessage: 'Must be only {kind}: {basis} belongs to the child-protection authority.' },
  BASIS_NOT_AUTOMATIC: { id: 'sop.problem.BASIS_NOT_AUTOMATIC', defaultMessage: '{basis} is recorded by a permitted person with a reason, never by the system.' },
  BASIS_UNDEFINED: { id: 'sop.problem.BASIS_UNDEFINED', defaultMessage: '{basis} is not defined in {section}.' },
  COORDINATOR_NOT_SIGNATORY: { id: 'sop.problem.COORDINATOR_NOT_SIGNATORY', defaultMessage: '{value} is not a signatory: the coordinating body must have signed the SOP.' },
  STEP_ORDER: { id: 'sop.problem.STEP_ORDER', defaultMessage: '{value} comes before the step above it ({earlier}): list the steps in the order they fire.' },
  NO_STEP_FOR_PRIORITY: { id: 'sop.problem.NO_STEP_FOR_PRIORITY', defaultMessage: 'No step applies to {priority} referrals: every overdue referral must alert someone.' },
  AGENCY_ONLY_FOR_NOTIFY: { id: 'sop.problem.AGENCY_ONLY_FOR_NOTIFY', defaultMessage: 'Only for a step that notifies an agency ({notify}).' },
  SAFEGUARD_ALWAYS_ON: { id: 'sop.problem.SAFEGUARD_ALWAYS_ON', defaultMessage: 'Must be true: {safeguard} can never be switched off.' },
  LEGAL_REFERENCE_REQUIRED: { id: 'sop.problem.LEGAL_REFERENCE_REQUIRED', defaultMessage: 'Required when {safeguard} is off: cite the law that allows it.' },
  PROFILING_RULES: { id: 'sop.problem.PROFILING_RULES', defaultMessage: 'A problem in the profiling rules; the checker describes it in English:' },
  NOT_AN_AGENCY: { id: 'sop.problem.NOT_AN_AGENCY', defaultMessage: '{value} is not an agency: give an agency’s exact name or its id.' },
  SAME_AGENCY_TWICE: { id: 'sop.problem.SAME_AGENCY_TWICE', defaultMessage: 'Names the same agency as {earlier} ({agency}).' },
  NOT_A_BORDER_POINT: { id: 'sop.problem.NOT_A_BORDER_POINT', defaultMessage: '{value} is not a border point of {country}.' },
});

/** A value from the document, isolated so that its own direction holds inside a sentence in Arabic. */
const isolate = (value: string): string => `\u2068${value}\u2069`;

/** Text the page adds that is code, not words: kept as written in every language. */
const FIXED: Record<string, string> = {
  format: 'YYYY-MM-DD',
  hours: 'PT24H',
  days: 'P3D',
  kind: '["CHILD_PROTECTION"]',
  section: 'dataSharing.legalBases',
  notify: 'notify: AGENCY',
};

/**
 * A problem in the user's language from its code and parameters; null when the page does not know the
 * code (a newer api), so the English text is shown instead. PROFILING_RULES is said with the English detail after it.
 */
export function describeProblem(intl: IntlShape, problem: FieldProblem): string | null {
  const code = problem.code;
  if (!code) return null;
  const params = problem.params ?? {};
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(FIXED)) values[key] = isolate(value);
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) values[key] = intl.formatList(value.map((v) => isolate(String(v))), { type: 'conjunction' });
    else if (typeof value === 'number') values[key] = value;
    else values[key] = isolate(String(value));
  }
  const key = code === 'NOT_ONE_OF' && Array.isArray(params['allowed']) ? 'NOT_ONE_OF_LIST' : code;
  const descriptor: MessageDescriptor | undefined = Object.hasOwn(sopProblemMessages, key) ? sopProblemMessages[key as keyof typeof sopProblemMessages] : undefined;
  return descriptor ? intl.formatMessage(descriptor, values) : null;
}

import type { IntlShape, MessageDescriptor } from 'react-intl';
import { defineMessages } from './define-messages';
import { ApiError } from '../api/api-error';
import type { ApiErrorCode } from './api-error-codes';

/**
 * What the UI says for each of the api's error codes (`api-error-codes.ts`, read from the api source):
 * what happened and what to do, in plain words. A code without a message gets the general one with its reference.
 */
export const errorMessages = defineMessages({
  'AUTH.INVALID_CREDENTIALS': { id: 'error.AUTH.INVALID_CREDENTIALS', defaultMessage: 'The username or password is wrong. Check both and try again.' },
  'AUTH.ACCOUNT_DEACTIVATED': {
    id: 'error.AUTH.ACCOUNT_DEACTIVATED',
    defaultMessage: 'This account has been deactivated. Ask your system administrator if you still need access.',
  },
  'REFERENCE.SELF_DEACTIVATION': { id: 'error.REFERENCE.SELF_DEACTIVATION', defaultMessage: 'You cannot deactivate your own account. Ask another administrator.' },
  'REFERENCE.USER_INACTIVE': { id: 'error.REFERENCE.USER_INACTIVE', defaultMessage: 'This account is deactivated already. Reload the page to see it.' },
  'REFERENCE.USER_ACTIVE': { id: 'error.REFERENCE.USER_ACTIVE', defaultMessage: 'This account is active already. Reload the page to see it.' },
  'AUTH.PASSWORD_CHANGE_REQUIRED': { id: 'error.AUTH.PASSWORD_CHANGE_REQUIRED', defaultMessage: 'Choose your own password first: nothing else opens until you have.' },
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
  'ACCESS.USER_NOT_FOUND': { id: 'error.ACCESS.USER_NOT_FOUND', defaultMessage: 'Your user account was not found. Sign in again, or ask your supervisor to check your account.' },
  'REQUEST.VALIDATION_FAILED': { id: 'error.REQUEST.VALIDATION_FAILED', defaultMessage: 'Some fields need correcting.' },
  'REQUEST.TOO_LARGE': { id: 'error.REQUEST.TOO_LARGE', defaultMessage: 'What you sent is too large. Send it in smaller parts.' },
  'NETWORK.UNREACHABLE': { id: 'error.NETWORK.UNREACHABLE', defaultMessage: 'The server cannot be reached. Check the connection and try again.' },
  'SERVICE.DATABASE_UNAVAILABLE': {
    id: 'error.SERVICE.DATABASE_UNAVAILABLE',
    defaultMessage: 'The server is restarting. Try again in a moment: what you have already recorded is kept.',
  },

  'INTAKE.BORDER_POINT_NOT_ASSIGNED': {
    id: 'error.INTAKE.BORDER_POINT_NOT_ASSIGNED',
    defaultMessage: 'You can register arrivals only at the border points you are attached to. Ask your supervisor to add this one.',
  },
  'INTAKE.UNKNOWN_BORDER_POINT': { id: 'error.INTAKE.UNKNOWN_BORDER_POINT', defaultMessage: 'This border point is not known. Choose one from the list.' },
  'INTAKE.INVALID_ARRIVAL_DATE': { id: 'error.INTAKE.INVALID_ARRIVAL_DATE', defaultMessage: 'The arrival date is not valid. Check the date and time of arrival.' },
  'INTAKE.ID_CONFLICT': {
    id: 'error.INTAKE.ID_CONFLICT',
    defaultMessage: 'This registration was already sent with different details. Start a new registration for a new arrival.',
  },
  'LEAFLET.NOT_FOUND': { id: 'error.LEAFLET.NOT_FOUND', defaultMessage: 'There is no leaflet in this language. Choose another language.' },
  'PROFILE.NOT_PRESENT': { id: 'error.PROFILE.NOT_PRESENT', defaultMessage: 'This profile is not on the case. Reload the page to see the case’s profiles.' },
  'PROFILE.NOT_SUGGESTED': { id: 'error.PROFILE.NOT_SUGGESTED', defaultMessage: 'This profile is not suggested for the case. Add it instead.' },

  'CASE.NOT_FOUND': { id: 'error.CASE.NOT_FOUND', defaultMessage: 'This case does not exist or is not visible to you.' },
  'CASE.CLOSED': { id: 'error.CASE.CLOSED', defaultMessage: 'This case is closed. A supervisor can reopen it if work must go on.' },
  'CASE.ALREADY_CLOSED': { id: 'error.CASE.ALREADY_CLOSED', defaultMessage: 'This case is already closed.' },
  'CASE.NOT_CLOSED': { id: 'error.CASE.NOT_CLOSED', defaultMessage: 'This case is not closed, so there is nothing to reopen.' },
  'CASE.INCOMPLETE': { id: 'error.CASE.INCOMPLETE', defaultMessage: 'The case cannot be closed yet. Complete the registration first.' },
  'CASE.OPEN_REFERRALS': {
    id: 'error.CASE.OPEN_REFERRALS',
    defaultMessage: 'The case cannot be closed while referrals are open. The agencies complete them, or the border point withdraws them, first.',
  },
  'CASE.DETENTION_OPEN': { id: 'error.CASE.DETENTION_OPEN', defaultMessage: 'The case cannot be closed while the person is in detention. Record the end of detention first.' },
  'CASE.NO_REMOVAL': { id: 'error.CASE.NO_REMOVAL', defaultMessage: 'No carried-out removal is on record for this case. Choose another reason for closing it.' },
  'CASE.NO_RETURN': { id: 'error.CASE.NO_RETURN', defaultMessage: 'No departure on an assisted voluntary return is on record for this case. Choose another reason for closing it.' },
  'CASE.NOT_A_COLLEAGUE': { id: 'error.CASE.NOT_A_COLLEAGUE', defaultMessage: 'Tasks and cases can be given only to an active user of your own agency.' },
  'RECORD.NOT_YOUR_MANDATE': {
    id: 'error.RECORD.NOT_YOUR_MANDATE',
    defaultMessage: 'Your agency’s mandate does not cover this record. Refer the case to the agency that holds that mandate.',
  },
  'EMAIL_DELIVERY.NOT_RESENDABLE': {
    id: 'error.EMAIL_DELIVERY.NOT_RESENDABLE',
    defaultMessage: 'This e-mail is sent already, or on its way: only one that failed or was not sent can be sent again. Reload the page to see where it stands.',
  },
  'REFERRAL.TRANSITION_NOT_ALLOWED': {
    id: 'error.REFERRAL.TRANSITION_NOT_ALLOWED',
    defaultMessage: 'This referral has moved on, so this step no longer applies. Reload the page to see where it stands.',
  },
  'TRANSFER.NO_CONSENT': {
    id: 'error.TRANSFER.NO_CONSENT',
    defaultMessage: 'The case goes to that agency only with the person’s consent or a legal basis on record. Record one first.',
  },

  'ASYLUM.ALREADY_DECIDED': { id: 'error.ASYLUM.ALREADY_DECIDED', defaultMessage: 'The asylum claim is already decided, so this step no longer applies.' },
  'ASYLUM.CLAIM_IN_FORCE': {
    id: 'error.ASYLUM.CLAIM_IN_FORCE',
    defaultMessage: 'The wish to seek asylum is now a registered claim. Record the withdrawal of the claim instead.',
  },
  'ASYLUM.NO_CLAIM': { id: 'error.ASYLUM.NO_CLAIM', defaultMessage: 'No asylum claim is on record for this case. Register the claim first.' },
  'ASYLUM.NO_APPEAL': { id: 'error.ASYLUM.NO_APPEAL', defaultMessage: 'No appeal is on record for this claim. Record the appeal first.' },
  'ASYLUM.NOTHING_TO_APPEAL': { id: 'error.ASYLUM.NOTHING_TO_APPEAL', defaultMessage: 'There is no refusal to appeal against on this claim.' },
  'ASYLUM.NO_WISH_RECORDED': { id: 'error.ASYLUM.NO_WISH_RECORDED', defaultMessage: 'No wish to seek asylum is on record, so there is nothing to withdraw.' },
  'RETURN.NOT_COUNSELLED': { id: 'error.RETURN.NOT_COUNSELLED', defaultMessage: 'Counsel the person about the return first.' },
  'RETURN.NOT_CONFIRMED': { id: 'error.RETURN.NOT_CONFIRMED', defaultMessage: 'Confirm first that the person’s return is voluntary.' },
  'RETURN.NOT_ASSESSED': { id: 'error.RETURN.NOT_ASSESSED', defaultMessage: 'The vulnerability assessment comes before departure. Record it first.' },
  'RETURN.PROTECTION_CONCERN': {
    id: 'error.RETURN.PROTECTION_CONCERN',
    defaultMessage: 'The vulnerability assessment referred the person for protection: that comes first, and the return does not go ahead.',
  },
  'REUNIFICATION.NOT_READY': { id: 'error.REUNIFICATION.NOT_READY', defaultMessage: 'Reunification cannot go ahead yet: a step before it is missing. Check the child’s records.' },
  'REUNIFICATION.NO_BID': {
    id: 'error.REUNIFICATION.NO_BID',
    defaultMessage: 'Reunification abroad needs a best-interests determination that decided for it. Record that first.',
  },
  'TRACING.NO_CONSENT': {
    id: 'error.TRACING.NO_CONSENT',
    defaultMessage: 'Family tracing needs consent, or a legal basis, for family tracing by your agency. Record it first.',
  },
  'TRACING.ENDANGERS': {
    id: 'error.TRACING.ENDANGERS',
    defaultMessage: 'Family tracing was stopped because it could put the child or the family in danger. It does not start again.',
  },
  'TRAFFICKING.NO_RECORD': { id: 'error.TRAFFICKING.NO_RECORD', defaultMessage: 'Record the trafficking identification status first.' },
  'TRAFFICKING.NOT_IDENTIFIED': {
    id: 'error.TRAFFICKING.NOT_IDENTIFIED',
    defaultMessage: 'The person was found not to be a victim of trafficking, so this step does not apply.',
  },
  'TRAFFICKING.STATUS_NOT_ALLOWED': {
    id: 'error.TRAFFICKING.STATUS_NOT_ALLOWED',
    defaultMessage: 'This identification status cannot follow the current one. Reload the page and check the status.',
  },
  'SOP.NOT_A_SIGNATORY': { id: 'error.SOP.NOT_A_SIGNATORY', defaultMessage: 'Only an agency that signs these standard operating procedures can approve them.' },

  'CONSENT.LEGAL_BASIS_NOT_PERMITTED': {
    id: 'error.CONSENT.LEGAL_BASIS_NOT_PERMITTED',
    defaultMessage: 'Only a supervisor or agency manager may record a legal basis instead of consent.',
  },
  'CONSENT.NOT_YOURS_TO_WITHDRAW': {
    id: 'error.CONSENT.NOT_YOURS_TO_WITHDRAW',
    defaultMessage: 'Only the agency that recorded this consent, an official of the border point of arrival, the lead agency or a supervisor may withdraw it.',
  },
  'CONSENT.NOT_WITHDRAWABLE': { id: 'error.CONSENT.NOT_WITHDRAWABLE', defaultMessage: 'A refusal is not withdrawn: if the person now agrees, record their consent.' },
  'CONSENT.ALREADY_WITHDRAWN': { id: 'error.CONSENT.ALREADY_WITHDRAWN', defaultMessage: 'This consent was already withdrawn.' },
  'CONSENT.NOT_FOUND': { id: 'error.CONSENT.NOT_FOUND', defaultMessage: 'This consent no longer exists. Reload the page.' },
  'CONSENT.INVALID': { id: 'error.CONSENT.INVALID', defaultMessage: 'The answer could not be recorded: some fields need correcting.' },

  'SAFEGUARD.ASYLUM_WISH_RECORDED': {
    id: 'error.SAFEGUARD.ASYLUM_WISH_RECORDED',
    defaultMessage: 'The asylum-seeker profile stays while the person’s wish to seek asylum stands. Only the person’s own withdrawal, once recorded, ends it.',
  },
  'SAFEGUARD.AGE_ASSESSMENT_REQUIRED': {
    id: 'error.SAFEGUARD.AGE_ASSESSMENT_REQUIRED',
    defaultMessage: 'The person is treated as a child until a completed age assessment finds an adult. Request an age assessment first.',
  },
  'SAFEGUARD.DETENTION_GUARD': {
    id: 'error.SAFEGUARD.DETENTION_GUARD',
    defaultMessage:
      'Detention is refused to protect the person. A child without a parent or caregiver on record is never detained: arrange a care placement instead. For other protected people, only a supervisor’s written justification allows it.',
  },
  'SAFEGUARD.NON_REFOULEMENT': {
    id: 'error.SAFEGUARD.NON_REFOULEMENT',
    defaultMessage:
      'The person may not be sent back: an asylum wish, claim or appeal is pending, protection was granted, or another protection reason stands. No one can override this.',
  },
  'SAFEGUARD.NON_CRIMINALISATION': {
    id: 'error.SAFEGUARD.NON_CRIMINALISATION',
    defaultMessage:
      'A presumed or identified victim of trafficking is not prosecuted for irregular entry or status offences. Another offence is flagged only on a supervisor’s written finding that it is unrelated to the trafficking.',
  },

  'QUEUE.JOB_NOT_TROUBLED': {
    id: 'error.QUEUE.JOB_NOT_TROUBLED',
    defaultMessage: 'This job is running or done now, so it cannot be run again or removed. Refresh the list to see where it stands.',
  },

  /* Shared by several codes. */
  changed: { id: 'error.any.changed', defaultMessage: 'Someone changed this at the same time. Reload the page, check it, and try again.' },
  notFound: { id: 'error.any.notFound', defaultMessage: 'This no longer exists or is not visible to you. Reload the page.' },
  alreadyOnRecord: { id: 'error.any.alreadyOnRecord', defaultMessage: 'This is already on record. Reload the page to see it.' },
  closed: { id: 'error.any.closed', defaultMessage: 'This is closed or finished, so it cannot change any more. Reload the page to see where it stands.' },
  notYours: { id: 'error.any.notYours', defaultMessage: 'This belongs to another agency or person, so you cannot change it. Ask your supervisor if it must change.' },
  notLead: { id: 'error.any.notLead', defaultMessage: 'Only the lead agency for this case can do this.' },
  nameTaken: { id: 'error.any.nameTaken', defaultMessage: 'This name is already in use. Choose another.' },
  requestRefused: { id: 'error.any.requestRefused', defaultMessage: 'The server does not accept this request. Reload the page; if it happens again, tell support.' },
  safeguard: {
    id: 'error.SAFEGUARD.any',
    defaultMessage: 'A safeguard stops this: the person’s protection comes first. Ask your supervisor what to do next.',
  },
  sop: {
    id: 'error.SOP.any',
    defaultMessage: 'These standard operating procedures cannot be changed this way now. Reload the page and check the version’s status.',
  },
  unknown: { id: 'error.unknown', defaultMessage: 'Something went wrong. If it happens again, give this reference to support: {reference}.' },
});

type Key = keyof typeof errorMessages;
const own = (code: string): code is Key => code !== 'unknown' && Object.hasOwn(errorMessages, code) && code.includes('.');

/** Codes that share a message. */
const SHARED: Partial<Record<ApiErrorCode, Key>> = {
  'ACCESS.ROUTE_UNDECLARED': 'requestRefused',
  'REQUEST.METHOD_NOT_ALLOWED': 'requestRefused',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 'requestRefused',
  'REQUEST.BAD_INPUT': 'REQUEST.VALIDATION_FAILED',
  'REQUEST.UNPROCESSABLE': 'REQUEST.VALIDATION_FAILED',
  'INTAKE.INVALID': 'REQUEST.VALIDATION_FAILED',
  'CHILD.INVALID': 'REQUEST.VALIDATION_FAILED',
  'DETENTION.INVALID': 'REQUEST.VALIDATION_FAILED',
  'NOTE.INVALID': 'REQUEST.VALIDATION_FAILED',
  'PROFILE.INVALID': 'REQUEST.VALIDATION_FAILED',
  'RECORD.INVALID': 'REQUEST.VALIDATION_FAILED',
  'REFERRAL.INVALID': 'REQUEST.VALIDATION_FAILED',
  'SERVICE.INVALID': 'REQUEST.VALIDATION_FAILED',
  'TASK.INVALID': 'REQUEST.VALIDATION_FAILED',
  'TRANSFER.INVALID': 'REQUEST.VALIDATION_FAILED',
  'CASE.VERSION_CONFLICT': 'changed',
  'RECORD.VERSION_CONFLICT': 'changed',
  'REFERRAL.VERSION_CONFLICT': 'changed',
  'REFERRAL.CHANGED': 'changed',
  'REQUEST.CONFLICT': 'changed',
  'CONFLICT.ALREADY_EXISTS': 'changed',
  'SOP.ACTIVATED_CONCURRENTLY': 'changed',
  'REQUEST.NOT_FOUND': 'notFound',
  'RECORD.NOT_FOUND': 'notFound',
  'REFERRAL.NOT_FOUND': 'notFound',
  'TASK.NOT_FOUND': 'notFound',
  'TRANSFER.NOT_FOUND': 'notFound',
  'ENCOUNTER.NOT_FOUND': 'notFound',
  'COMPANION.NOT_FOUND': 'notFound',
  'WEBHOOK.NOT_FOUND': 'notFound',
  'DUTY_EMAIL.NOT_FOUND': 'notFound',
  'EMAIL_DELIVERY.NOT_FOUND': 'notFound',
  'REFERENCE.AGENCY_NOT_FOUND': 'notFound',
  'REFERENCE.AGENCY_UNKNOWN': 'notFound',
  'REFERENCE.USER_NOT_FOUND': 'notFound',
  'REFERENCE.BORDER_POINT_NOT_FOUND': 'notFound',
  'ASYLUM.APPEAL_EXISTS': 'alreadyOnRecord',
  'ASYLUM.CLAIM_EXISTS': 'alreadyOnRecord',
  'ASYLUM.WISH_ALREADY_WITHDRAWN': 'alreadyOnRecord',
  'CARE.PLACEMENT_OPEN': 'alreadyOnRecord',
  'CHILD.AGE_ASSESSMENT_OPEN': 'alreadyOnRecord',
  'CHILD.PROCEDURE_OPEN': 'alreadyOnRecord',
  'DETENTION.ALREADY_OPEN': 'alreadyOnRecord',
  'ENCOUNTER.ALREADY_DECIDED': 'alreadyOnRecord',
  'PROFILE.ALREADY_CONFIRMED': 'alreadyOnRecord',
  'PROFILE.ALREADY_PRESENT': 'alreadyOnRecord',
  'REMOVAL.ORDER_EXISTS': 'alreadyOnRecord',
  'RETURN.REQUEST_EXISTS': 'alreadyOnRecord',
  'TRAFFICKING.REFLECTION_EXISTS': 'alreadyOnRecord',
  'TRANSFER.ALREADY_PROPOSED': 'alreadyOnRecord',
  'ASYLUM.APPEAL_DECIDED': 'closed',
  'CARE.PLACEMENT_ENDED': 'closed',
  'CHILD.AGE_ASSESSMENT_COMPLETED': 'closed',
  'CHILD.PROCEDURE_COMPLETED': 'closed',
  'DETENTION.ENDED': 'closed',
  'FLAG.CLOSED': 'closed',
  'REMOVAL.NOT_PENDING': 'closed',
  'RETURN.CLOSED': 'closed',
  'REUNIFICATION.CONCLUDED': 'closed',
  'TASK.CLOSED': 'closed',
  'TRACING.CLOSED': 'closed',
  'TRANSFER.ANSWERED': 'closed',
  'TRANSFER.NO_LONGER_VALID': 'closed',
  'NOTE.GROUP_NOT_YOURS': 'notYours',
  'REFERRAL.NOT_YOURS': 'notYours',
  'REFERRAL.OTHER_AGENCY': 'notYours',
  'TASK.NOT_YOURS': 'notYours',
  'TRANSFER.NOT_YOURS': 'notYours',
  'WEBHOOK.OTHER_AGENCY': 'notYours',
  'DUTY_EMAIL.OTHER_AGENCY': 'notYours',
  'CASE.NOT_THE_LEAD': 'notLead',
  'TRANSFER.NOT_LEAD': 'notLead',
  'REFERENCE.AGENCY_EXISTS': 'nameTaken',
  'REFERENCE.BORDER_POINT_EXISTS': 'nameTaken',
  'REFERENCE.USERNAME_TAKEN': 'nameTaken',
  'QUEUE.NOT_FOUND': 'notFound',
  'QUEUE.JOB_NOT_FOUND': 'notFound',
  'QUEUE.JOB_INVALID': 'requestRefused',
};

/** Families with many codes, whose codes without a message of their own get the family's sentence. */
export const FAMILY_FALLBACKS: Readonly<Record<string, MessageDescriptor>> = { 'SAFEGUARD.': errorMessages.safeguard, 'SOP.': errorMessages.sop };

/** The message for an api error code: its own, a shared one, or its family's; none for a code the UI does not know. */
export function messageOfCode(code: string): MessageDescriptor | undefined {
  if (own(code)) return errorMessages[code];
  const shared = SHARED[code as ApiErrorCode];
  if (shared) return errorMessages[shared];
  const family = Object.keys(FAMILY_FALLBACKS).find((prefix) => code.startsWith(prefix));
  return family ? FAMILY_FALLBACKS[family] : undefined;
}

/** The translated sentence for an error from the api (or from the network). */
export function describeError(intl: IntlShape, error: unknown): string {
  if (!(error instanceof ApiError)) return intl.formatMessage(errorMessages.unknown, { reference: '-' });
  const code = error.code;
  if (code === 'AUTH.TOO_MANY_ATTEMPTS' || code === 'REQUEST.TOO_MANY') {
    return intl.formatMessage(errorMessages[code], { seconds: Math.max(1, Math.ceil(error.retryAfterSeconds ?? 1)) });
  }
  const message = messageOfCode(code);
  if (message) return intl.formatMessage(message);
  return intl.formatMessage(errorMessages.unknown, { reference: error.correlationId ?? error.code });
}

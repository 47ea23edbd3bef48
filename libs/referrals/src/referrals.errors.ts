import { defineErrors } from '@kivuko/platform';

/** Every refusal of the referral queues (reading them, and moving a referral on) of the agencies' webhooks and duty e-mails. */
export const ReferralErrors = defineErrors('referrals', {
  'REFERRAL.NOT_FOUND': { kind: 'NOT_FOUND', message: 'No referral with this id is visible to you' },
  'REFERRAL.INVALID': { kind: 'BAD_INPUT', message: 'The request has invalid fields' },
  'REFERRAL.OTHER_AGENCY': { kind: 'FORBIDDEN', message: "You can open only your own agency's queue" },
  'REFERRAL.NOT_YOURS': { kind: 'FORBIDDEN', message: 'Only the receiving agency works a referral, and only the sending border point withdraws it' },
  'REFERRAL.TRANSITION_NOT_ALLOWED': { kind: 'CONFLICT', message: 'The referral cannot take this action in its status' },
  'REFERRAL.VERSION_CONFLICT': { kind: 'CONFLICT', message: 'The referral changed since the version given' },
  'REFERRAL.CHANGED': { kind: 'CONFLICT', message: 'The referral was changed at the same time: read it again' },
  'REFERENCE.AGENCY_NOT_FOUND': { kind: 'NOT_FOUND', message: 'No agency has this id' },
  'WEBHOOK.NOT_FOUND': { kind: 'NOT_FOUND', message: 'This agency has no webhook' },
  'WEBHOOK.OTHER_AGENCY': { kind: 'FORBIDDEN', message: "You can manage only your own agency's webhook" },
  'DUTY_EMAIL.NOT_FOUND': { kind: 'NOT_FOUND', message: 'This agency has no duty e-mail address' },
  'DUTY_EMAIL.OTHER_AGENCY': { kind: 'FORBIDDEN', message: "You can set only your own agency's duty e-mail address" },
  'EMAIL_DELIVERY.NOT_FOUND': { kind: 'NOT_FOUND', message: 'No e-mail delivery with this id is visible to you' },
  'EMAIL_DELIVERY.NOT_RESENDABLE': { kind: 'CONFLICT', message: 'Only an e-mail that failed or was not sent can be sent again; this one is sent or on its way' },
});

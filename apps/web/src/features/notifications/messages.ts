import { IntlShape } from 'react-intl';
import { defineMessages } from '../../i18n/define-messages';

export const notificationMessages = defineMessages({
  title: { id: 'notifications.title', defaultMessage: 'E-mail notifications' },
  intro: {
    id: 'notifications.intro',
    defaultMessage: 'E-mails say only the case number, the profiles, the first-contact deadline and a link to the case — never a name or what the person said.',
  },
  loadFailed: { id: 'notifications.loadFailed', defaultMessage: 'The notification settings could not be loaded.' },
  noServer: {
    id: 'notifications.noServer',
    defaultMessage: 'No e-mail server is set up yet: e-mails are recorded but not sent. Ask your system administrator.',
  },
  dutyTitle: { id: 'notifications.dutyTitle', defaultMessage: 'Duty address of {agency}' },
  dutyIntro: {
    id: 'notifications.dutyIntro',
    defaultMessage: 'The duty address receives every e-mail: new referrals, deadlines soon and escalations, in the agency’s language.',
  },
  dutyAddress: { id: 'notifications.dutyAddress', defaultMessage: 'Duty e-mail address' },
  agencyLanguage: { id: 'notifications.agencyLanguage', defaultMessage: 'Agency’s language' },
  dutyNone: { id: 'notifications.dutyNone', defaultMessage: 'No duty address is set.' },
  dutyCurrent: { id: 'notifications.dutyCurrent', defaultMessage: 'E-mails go to {address}, in {language}.' },
  dutyOnlyManagers: { id: 'notifications.dutyOnlyManagers', defaultMessage: 'Your agency’s manager sets the duty address.' },
  saveDuty: { id: 'notifications.saveDuty', defaultMessage: 'Save duty address' },
  removeDuty: { id: 'notifications.removeDuty', defaultMessage: 'Remove duty address' },
  dutySaved: { id: 'notifications.dutySaved', defaultMessage: 'The duty address is saved.' },
  dutyRemoved: { id: 'notifications.dutyRemoved', defaultMessage: 'The duty address is removed.' },
  mineTitle: { id: 'notifications.mineTitle', defaultMessage: 'Your e-mails' },
  mineIntro: { id: 'notifications.mineIntro', defaultMessage: 'Choose which e-mails you get about your agency’s referrals, where, and in which language.' },
  kinds: { id: 'notifications.kinds', defaultMessage: 'E-mail me when' },
  kindNEW_REFERRAL: { id: 'notifications.kind.NEW_REFERRAL', defaultMessage: 'A new referral reaches my agency' },
  kindDEADLINE_SOON: { id: 'notifications.kind.DEADLINE_SOON', defaultMessage: 'A referral nobody has acknowledged is one hour from its first-contact deadline' },
  kindESCALATION: { id: 'notifications.kind.ESCALATION', defaultMessage: 'A late referral is escalated to my agency' },
  myAddress: { id: 'notifications.myAddress', defaultMessage: 'My e-mail address' },
  myLanguage: { id: 'notifications.myLanguage', defaultMessage: 'Language of my e-mails' },
  saveMine: { id: 'notifications.saveMine', defaultMessage: 'Save my choices' },
  mineSaved: { id: 'notifications.mineSaved', defaultMessage: 'Your choices are saved.' },
  mineOff: { id: 'notifications.mineOff', defaultMessage: 'You get no e-mails.' },
  addressRequired: { id: 'notifications.addressRequired', defaultMessage: 'Enter the e-mail address the e-mails should go to.' },
  exampleAddress: { id: 'notifications.exampleAddress', defaultMessage: 'name@example.org', description: 'An example e-mail address; only the part before @ may be translated' },
  addressInvalid: { id: 'notifications.addressInvalid', defaultMessage: 'Enter a whole e-mail address, such as {example}.' },
  deliveriesCardTitle: { id: 'notifications.deliveriesCardTitle', defaultMessage: 'Sent e-mails' },
  deliveriesCardIntro: { id: 'notifications.deliveriesCardIntro', defaultMessage: 'See which e-mails went out and which failed, and send one again.' },
  deliveriesCardLink: { id: 'notifications.deliveriesCardLink', defaultMessage: 'Open the sent e-mails' },
});

/** The list of e-mails sent (or not) and the resend, at /settings/notifications/deliveries. */
export const deliveryMessages = defineMessages({
  title: { id: 'deliveries.title', defaultMessage: 'Sent e-mails' },
  introAgency: {
    id: 'deliveries.introAgency',
    defaultMessage: 'The e-mails about {agency}’s referrals, newest first: whether each one went out, and if not, why. An e-mail that failed or was not sent can be sent again.',
  },
  introAll: {
    id: 'deliveries.introAll',
    defaultMessage: 'The e-mails about every agency’s referrals, newest first: whether each one went out, and if not, why. An e-mail that failed or was not sent can be sent again.',
  },
  back: { id: 'deliveries.back', defaultMessage: 'Back to e-mail notifications' },
  filtersLabel: { id: 'deliveries.filtersLabel', defaultMessage: 'Filter the e-mails' },
  filtersToggle: { id: 'deliveries.filtersToggle', defaultMessage: '{count, plural, =0 {Filters} other {Filters (#)}}' },
  filterStatus: { id: 'deliveries.filterStatus', defaultMessage: 'Status' },
  filterAllStatuses: { id: 'deliveries.filterAllStatuses', defaultMessage: 'All statuses' },
  filterKind: { id: 'deliveries.filterKind', defaultMessage: 'E-mail' },
  filterAllKinds: { id: 'deliveries.filterAllKinds', defaultMessage: 'All e-mails' },
  filterPeriod: { id: 'deliveries.filterPeriod', defaultMessage: 'Period' },
  filterAnyTime: { id: 'deliveries.filterAnyTime', defaultMessage: 'Any time' },
  periodDAY: { id: 'deliveries.period.DAY', defaultMessage: 'Last 24 hours' },
  periodWEEK: { id: 'deliveries.period.WEEK', defaultMessage: 'Last 7 days' },
  periodMONTH: { id: 'deliveries.period.MONTH', defaultMessage: 'Last 30 days' },
  filterClear: { id: 'deliveries.filterClear', defaultMessage: 'Clear filters' },
  statusSENT: { id: 'deliveries.status.SENT', defaultMessage: 'Sent' },
  statusFAILED: { id: 'deliveries.status.FAILED', defaultMessage: 'Failed' },
  statusNOT_SENT: { id: 'deliveries.status.NOT_SENT', defaultMessage: 'Not sent' },
  statusPENDING: { id: 'deliveries.status.PENDING', defaultMessage: 'Waiting to be sent' },
  kindNEW_REFERRAL: { id: 'deliveries.kind.NEW_REFERRAL', defaultMessage: 'New referral' },
  kindDEADLINE_SOON: { id: 'deliveries.kind.DEADLINE_SOON', defaultMessage: 'First-contact deadline soon' },
  kindESCALATION: { id: 'deliveries.kind.ESCALATION', defaultMessage: 'Escalation' },
  escalationStep: { id: 'deliveries.escalationStep', defaultMessage: '{kind}, step {step}' },
  caseNumber: { id: 'deliveries.caseNumber', defaultMessage: 'Case' },
  to: { id: 'deliveries.to', defaultMessage: 'To' },
  agency: { id: 'deliveries.agency', defaultMessage: 'Agency' },
  queued: { id: 'deliveries.queued', defaultMessage: 'Queued' },
  lastAttempt: { id: 'deliveries.lastAttempt', defaultMessage: 'Last attempt' },
  sentAt: { id: 'deliveries.sentAt', defaultMessage: 'Sent' },
  attempts: { id: 'deliveries.attempts', defaultMessage: 'Attempts' },
  attemptsValue: { id: 'deliveries.attemptsValue', defaultMessage: '{attempts, plural, =0 {None yet} one {#} other {#}}' },
  noServer: { id: 'deliveries.noServer', defaultMessage: 'Not sent: no e-mail server was set up when it was due.' },
  serverAnswer: { id: 'deliveries.serverAnswer', defaultMessage: 'The e-mail server refused it: {answer}' },
  resend: { id: 'deliveries.resend', defaultMessage: 'Send again' },
  resendTitle: { id: 'deliveries.resendTitle', defaultMessage: 'Send this e-mail again?' },
  serverConfigured: { id: 'deliveries.serverConfigured', defaultMessage: 'An e-mail server is set up: e-mails go out as they are queued.' },
  serverMissing: {
    id: 'deliveries.serverMissing',
    defaultMessage: 'No e-mail server is set up: e-mails are recorded but not sent. A system administrator must set one up in the server’s configuration before they can be sent again.',
  },
  resendBlocked: { id: 'deliveries.resendBlocked', defaultMessage: 'Sending again needs an e-mail server.' },
  resendBody: {
    id: 'deliveries.resendBody',
    defaultMessage: 'The e-mail about case {caseNumber} goes to {address} again, through the queue like the first time. It is sent once, even if someone else sends it again at the same moment.',
  },
  cancel: { id: 'deliveries.cancel', defaultMessage: 'Cancel' },
  resent: { id: 'deliveries.resent', defaultMessage: 'The e-mail to {address} is queued again.' },
  empty: { id: 'deliveries.empty', defaultMessage: 'No e-mail matches these filters.' },
  shown: { id: 'deliveries.shown', defaultMessage: '{shown, plural, one {# e-mail shown} other {# e-mails shown}}{more, select, true {; more below} other {}}' },
  loadMore: { id: 'deliveries.loadMore', defaultMessage: 'Show more' },
  loadFailed: { id: 'deliveries.loadFailed', defaultMessage: 'The e-mails could not be loaded.' },
});

/**
 * The example address of the "whole e-mail address" message, isolated left to right (U+2066…U+2069) so that on an
 * Arabic page it reads "name@example.org" and the sentence's punctuation stays outside it. Validation messages are
 * plain strings (Form validationErrors), hence the control characters rather than a <bdi>.
 */
export const exampleAddress = (intl: IntlShape) => ({ example: `\u2066${intl.formatMessage(notificationMessages.exampleAddress)}\u2069` });

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
});

/**
 * The example address of the "whole e-mail address" message, isolated left to right (U+2066…U+2069) so that on an
 * Arabic page it reads "name@example.org" and the sentence's punctuation stays outside it. Validation messages are
 * plain strings (Form validationErrors), hence the control characters rather than a <bdi>.
 */
export const exampleAddress = (intl: IntlShape) => ({ example: `\u2066${intl.formatMessage(notificationMessages.exampleAddress)}\u2069` });

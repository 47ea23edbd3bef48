import { defineMessages } from '../../i18n/define-messages';

export const shellMessages = defineMessages({
  productName: { id: 'app.name', defaultMessage: 'Kivuko' },
  productTagline: { id: 'app.tagline', defaultMessage: 'Border-point profiling and referral' },
  skipToContent: { id: 'shell.skipToContent', defaultMessage: 'Skip to content' },
  mainNavigation: { id: 'shell.mainNavigation', defaultMessage: 'Main navigation' },
  navCases: { id: 'shell.nav.cases', defaultMessage: 'Cases' },
  navRegister: { id: 'shell.nav.register', defaultMessage: 'Register arrival' },
  navAccount: { id: 'shell.nav.account', defaultMessage: 'My account' },
  signOut: { id: 'shell.signOut', defaultMessage: 'Sign out' },
  language: { id: 'shell.language', defaultMessage: 'Language' },
  signedInAs: { id: 'shell.signedInAs', defaultMessage: 'Signed in as {name} · {username}' },
  signedInAsShort: { id: 'shell.signedInAsShort', defaultMessage: 'Signed in as {username}' },
  idleTitle: { id: 'shell.idle.title', defaultMessage: 'Are you still there?' },
  idleBody: { id: 'shell.idle.body', defaultMessage: 'You will be signed out in {seconds, number} s, as nothing has happened for 5 minutes.' },
  idleStay: { id: 'shell.idle.stay', defaultMessage: 'Stay signed in' },
  userSummary: { id: 'shell.userSummary', defaultMessage: '{roles} · {agency}' },
});

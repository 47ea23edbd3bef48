import { defineMessages } from '../../i18n/define-messages';

export const signInMessages = defineMessages({
  title: { id: 'signIn.title', defaultMessage: 'Sign in' },
  intro: { id: 'signIn.intro', defaultMessage: 'Sign in with the account your agency gave you. On a shared device, sign out when you leave.' },
  username: { id: 'signIn.username', defaultMessage: 'Username' },
  password: { id: 'signIn.password', defaultMessage: 'Password' },
  expired: { id: 'signIn.expired', defaultMessage: 'Your session has ended. Sign in again to continue.' },
  idle: { id: 'signIn.idle', defaultMessage: 'Signed out after 5 minutes without activity.' },
  showPassword: { id: 'signIn.showPassword', defaultMessage: 'Show password' },
  submit: { id: 'signIn.submit', defaultMessage: 'Sign in' },
  required: { id: 'signIn.required', defaultMessage: 'Enter your {field, select, username {username} other {password}}.' },
  demoIntro: {
    id: 'signIn.demo.intro',
    defaultMessage: 'This is a demonstration system with invented data. Choose an account to fill in its username; every demo account uses the password {password}.',
  },
  demoDisclosure: { id: 'signIn.demo.disclosure', defaultMessage: 'Use a demo account ({count, number})' },
  demoStrip: { id: 'signIn.demo.strip', defaultMessage: 'Demo — invented data' },
});

export const passwordMessages = defineMessages({
  title: { id: 'password.title', defaultMessage: 'Change your password' },
  requiredTitle: { id: 'password.requiredTitle', defaultMessage: 'Choose your own password' },
  requiredIntro: {
    id: 'password.requiredIntro',
    defaultMessage: 'A system administrator set the password you signed in with. Choose one that only you know before you continue.',
  },
  intro: { id: 'password.intro', defaultMessage: 'Your other sessions, on other devices, are signed out when you change it.' },
  current: { id: 'password.current', defaultMessage: 'Current password' },
  currentRequiredHint: { id: 'password.currentRequiredHint', defaultMessage: 'The first or temporary password you were given.' },
  new: { id: 'password.new', defaultMessage: 'New password' },
  newHint: { id: 'password.newHint', defaultMessage: 'At least {min} characters, and not your current one.' },
  repeat: { id: 'password.repeat', defaultMessage: 'Repeat the new password' },
  show: { id: 'password.show', defaultMessage: 'Show passwords' },
  submit: { id: 'password.submit', defaultMessage: 'Change password' },
  currentMissing: { id: 'password.currentMissing', defaultMessage: 'Enter your current password.' },
  currentWrong: { id: 'password.currentWrong', defaultMessage: 'This is not your current password.' },
  tooShort: { id: 'password.tooShort', defaultMessage: 'The new password needs at least {min} characters.' },
  same: { id: 'password.same', defaultMessage: 'Choose a password other than your current one.' },
  mismatch: { id: 'password.mismatch', defaultMessage: 'The two new passwords are not the same.' },
  changed: { id: 'password.changed', defaultMessage: 'Password changed. Your sessions on other devices are signed out.' },
  back: { id: 'password.back', defaultMessage: 'Back to your work' },
  cancel: { id: 'password.cancel', defaultMessage: 'Cancel' },
  link: { id: 'password.link', defaultMessage: 'Change password' },
});

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

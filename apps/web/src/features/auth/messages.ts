import { defineMessages } from '../../i18n/define-messages';

export const signInMessages = defineMessages({
  title: { id: 'signIn.title', defaultMessage: 'Sign in' },
  intro: { id: 'signIn.intro', defaultMessage: 'Sign in with the account your agency gave you. On a shared device, sign out when you leave.' },
  username: { id: 'signIn.username', defaultMessage: 'Username' },
  password: { id: 'signIn.password', defaultMessage: 'Password' },
  expired: { id: 'signIn.expired', defaultMessage: 'Your session has ended. Sign in again to continue.' },
  submit: { id: 'signIn.submit', defaultMessage: 'Sign in' },
  required: { id: 'signIn.required', defaultMessage: 'Enter your {field, select, username {username} other {password}}.' },
  demoTitle: { id: 'signIn.demo.title', defaultMessage: 'Demo accounts' },
  demoIntro: {
    id: 'signIn.demo.intro',
    defaultMessage: 'This is a demonstration system with invented data. Choose an account to fill in its username; every demo account uses the password {password}.',
  },
  demoCount: { id: 'signIn.demo.count', defaultMessage: '{count, plural, one {# account} other {# accounts}}' },
});

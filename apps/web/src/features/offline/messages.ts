import { defineMessages } from '../../i18n/define-messages';

export const offlineMessages = defineMessages({
  navOutbox: { id: 'offline.nav.outbox', defaultMessage: 'Outbox' },
  waiting: {
    id: 'offline.waiting',
    defaultMessage: '{count, plural, =0 {Nothing waiting} one {# record waiting} other {# records waiting}}',
  },
  title: { id: 'offline.outbox.title', defaultMessage: 'Outbox' },
  intro: {
    id: 'offline.outbox.intro',
    defaultMessage: 'Registrations made on this device wait here, encrypted, until the server has them. They are sent by themselves, one at a time, whenever there is a connection.',
  },
  tabs: { id: 'offline.outbox.tabs', defaultMessage: 'Records by state' },
  tabPending: { id: 'offline.outbox.tab.pending', defaultMessage: 'Pending ({count, number})' },
  tabSent: { id: 'offline.outbox.tab.sent', defaultMessage: 'Sent ({count, number})' },
  tabFailed: { id: 'offline.outbox.tab.failed', defaultMessage: 'Failed ({count, number})' },
  emptyPending: { id: 'offline.outbox.empty.pending', defaultMessage: 'Nothing is waiting to be sent.' },
  emptySent: { id: 'offline.outbox.empty.sent', defaultMessage: 'Nothing has been sent from this device in this session.' },
  emptyFailed: { id: 'offline.outbox.empty.failed', defaultMessage: 'Nothing was refused.' },
  kind: { id: 'offline.outbox.kind', defaultMessage: '{kind, select, intake {Registration} other {Completed record}}' },
  unnamed: { id: 'offline.outbox.unnamed', defaultMessage: 'Person without a name' },
  morePeople: { id: 'offline.outbox.morePeople', defaultMessage: '{name} and {count, plural, one {# more person} other {# more people}}' },
  made: { id: 'offline.outbox.made', defaultMessage: 'Made {time}' },
  tries: { id: 'offline.outbox.tries', defaultMessage: '{count, plural, =0 {Not tried yet} one {# try} other {# tries}}' },
  nextTry: { id: 'offline.outbox.nextTry', defaultMessage: 'Next try at {time}' },
  lastError: { id: 'offline.outbox.lastError', defaultMessage: 'Last error: {error}' },
  caseNumbers: { id: 'offline.outbox.caseNumbers', defaultMessage: 'Case {count, plural, one {number} other {numbers}}: {numbers}' },
  retryNow: { id: 'offline.outbox.retryNow', defaultMessage: 'Send now' },
  edit: { id: 'offline.outbox.edit', defaultMessage: 'Edit' },
  discard: { id: 'offline.outbox.discard', defaultMessage: 'Discard' },
  discardTitle: { id: 'offline.outbox.discard.title', defaultMessage: 'Discard this record?' },
  discardBody: {
    id: 'offline.outbox.discard.body',
    defaultMessage: 'It has not reached the server. Once discarded, it is deleted from this device and cannot be brought back.',
  },
  discardConfirm: { id: 'offline.outbox.discard.confirm', defaultMessage: 'Discard it' },
  cancel: { id: 'offline.cancel', defaultMessage: 'Cancel' },
  review: { id: 'offline.outbox.review', defaultMessage: 'Review the conflict' },
  offlineNow: {
    id: 'offline.status.offline',
    defaultMessage: 'No connection. What you register is kept encrypted on this device and sent when the connection is back.',
  },
  persisted: {
    id: 'offline.outbox.persisted',
    defaultMessage:
      '{state, select, yes {This browser keeps these records even when its storage runs low.} no {This browser may delete these records when its storage runs low: send them as soon as you can.} other {This browser does not say whether it keeps these records when its storage runs low.}}',
  },
  unlockTitle: { id: 'offline.unlock.title', defaultMessage: 'Unlock your records' },
  unlockBody: {
    id: 'offline.unlock.body',
    defaultMessage: 'What {username} keeps on this device is encrypted, and the page was reloaded. Enter the sign-in password of {username} to open it. Not {username}? Sign out: the records stay encrypted for them.',
  },
  unlockSubmit: { id: 'offline.unlock.submit', defaultMessage: 'Unlock' },
  'OFFLINE.WRONG_PASSWORD': { id: 'error.OFFLINE.WRONG_PASSWORD', defaultMessage: 'This password does not open the records kept on this device for this account.' },
  'OFFLINE.NOT_ON_DEVICE': {
    id: 'error.OFFLINE.NOT_ON_DEVICE',
    defaultMessage: 'No connection, and this account has not signed in on this device before. Connect to sign in.',
  },
  signOutTitle: { id: 'offline.signOut.title', defaultMessage: 'Records not sent yet' },
  signOutBody: {
    id: 'offline.signOut.body',
    defaultMessage:
      '{count, plural, one {# record has not reached the server. It stays encrypted on this device and is sent when you sign in again.} other {# records have not reached the server. They stay encrypted on this device and are sent when you sign in again.}}',
  },
  signOutConfirm: { id: 'offline.signOut.confirm', defaultMessage: 'Sign out anyway' },
  stay: { id: 'offline.signOut.stay', defaultMessage: 'Stay signed in' },
  keptAfterSignOut: {
    id: 'offline.keptAfterSignOut',
    defaultMessage:
      '{count, plural, one {# record was not sent before the sign-out. It is kept encrypted on this device and sent after you sign in.} other {# records were not sent before the sign-out. They are kept encrypted on this device and sent after you sign in.}}',
  },
  /** For forms that catch OutboxQueuedError. */
  queued: {
    id: 'offline.queued',
    defaultMessage: 'Kept on this device, encrypted: the server could not be reached. It is sent by itself when the connection is back; the outbox shows it.',
  },
  keptRegistration: {
    id: 'offline.keptRegistration',
    defaultMessage:
      '{count, plural, one {The registration of # person is kept on this device, encrypted: the server could not be reached. It is sent by itself when the connection is back.} other {The registration of # persons is kept on this device, encrypted: the server could not be reached. It is sent by itself when the connection is back.}} You can register the next arrival now.',
  },
  lockedToSend: { id: 'offline.lockedToSend', defaultMessage: 'Enter your password in the window that opened, then register again: nothing was lost.' },
  conflictInOutbox: { id: 'offline.conflictInOutbox', defaultMessage: 'The server already has a different registration with this number. Compare the two in the outbox.' },
  openOutbox: { id: 'offline.openOutbox', defaultMessage: 'Open the outbox' },
  conflictTitle: { id: 'offline.conflict.title', defaultMessage: 'The server has another version' },
  conflictVersion: {
    id: 'offline.conflict.version',
    defaultMessage: 'This case was changed on the server after you opened it. Compare the two versions, then choose which to keep.',
  },
  conflictId: {
    id: 'offline.conflict.id',
    defaultMessage: 'The server already has a different registration under this record’s identifier. Yours can be sent as a new registration.',
  },
  conflictTable: { id: 'offline.conflict.table', defaultMessage: 'The two versions, field by field' },
  field: { id: 'offline.conflict.field', defaultMessage: 'Field' },
  server: { id: 'offline.conflict.server', defaultMessage: 'On the server' },
  mine: { id: 'offline.conflict.mine', defaultMessage: 'Yours' },
  differs: { id: 'offline.conflict.differs', defaultMessage: 'Differs' },
  differences: { id: 'offline.conflict.differences', defaultMessage: '{count, plural, =0 {No field differs} one {# field differs} other {# fields differ}}' },
  notShown: { id: 'offline.conflict.notShown', defaultMessage: 'The server does not show its version of a registration made under the same identifier.' },
  empty: { id: 'offline.conflict.empty', defaultMessage: '(empty)' },
  keepServer: { id: 'offline.conflict.keepServer', defaultMessage: 'Keep the server’s' },
  sendMine: { id: 'offline.conflict.sendMine', defaultMessage: 'Send mine' },
  sendMineNew: { id: 'offline.conflict.sendMineNew', defaultMessage: 'Send mine as a new registration' },
  loading: { id: 'offline.conflict.loading', defaultMessage: 'Loading the server’s version…' },
});

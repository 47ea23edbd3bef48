import { defineMessages } from '../../i18n/define-messages';

export const taskMessages = defineMessages({
  title: { id: 'tasks.title', defaultMessage: 'Tasks' },
  intro: { id: 'tasks.intro', defaultMessage: 'Open tasks of {borderPoints}, soonest due first.' },
  introAgency: { id: 'tasks.introAgency', defaultMessage: "Your agency's open tasks, soonest due first." },
  shown: {
    id: 'tasks.shown',
    defaultMessage: '{shown, plural, one {# open task} other {# open tasks}}{overdue, plural, =0 {} other {, # overdue}}{more, select, true { (more to load)} other {}}',
  },
  empty: { id: 'tasks.empty', defaultMessage: 'No open tasks. Well done.' },
  loadFailed: { id: 'tasks.loadFailed', defaultMessage: 'The tasks could not be loaded.' },
  loadMore: { id: 'tasks.loadMore', defaultMessage: 'Load more tasks' },
  due: { id: 'tasks.due', defaultMessage: 'Due {time}' },
  overdue: { id: 'tasks.overdue', defaultMessage: 'Overdue' },
  caseLink: { id: 'tasks.caseLink', defaultMessage: 'Case {caseNumber}' },
  openCase: { id: 'tasks.openCase', defaultMessage: 'Open the case' },
  recordConsent: { id: 'tasks.recordConsent', defaultMessage: 'Record consent' },
  completeRecord: { id: 'tasks.completeRecord', defaultMessage: 'Complete the record' },
  markDone: { id: 'tasks.markDone', defaultMessage: 'Mark done' },
  markDoneLabel: { id: 'tasks.markDoneLabel', defaultMessage: 'Mark done: {task}, case {caseNumber}' },
  cancel: { id: 'tasks.cancel', defaultMessage: 'Cancel task' },
  cancelLabel: { id: 'tasks.cancelLabel', defaultMessage: 'Cancel task: {task}, case {caseNumber}' },
  cancelTitle: { id: 'tasks.cancel.title', defaultMessage: 'Cancel this task?' },
  cancelBody: { id: 'tasks.cancel.body', defaultMessage: '{task} on case {caseNumber} will no longer be listed. Say why.' },
  cancelConfirm: { id: 'tasks.cancel.confirm', defaultMessage: 'Cancel the task' },
  done: { id: 'tasks.done', defaultMessage: 'Task done: {task}.' },
  cancelled: { id: 'tasks.cancelled', defaultMessage: 'Task cancelled: {task}.' },
  actionFailed: { id: 'tasks.actionFailed', defaultMessage: 'The task could not be changed.' },
});

/** Task kinds: the system's own and the default SOP's required actions. */
export const taskKindMessages = defineMessages({
  OBTAIN_CONSENT: { id: 'taskKind.OBTAIN_CONSENT', defaultMessage: 'Record consent for the referrals' },
  COMPLETE_INTAKE: { id: 'taskKind.COMPLETE_INTAKE', defaultMessage: 'Complete the record (mass arrival)' },
  NO_AGENCY_AVAILABLE: { id: 'taskKind.NO_AGENCY_AVAILABLE', defaultMessage: 'No agency left to refer to' },
  REFERRAL_OVERDUE: { id: 'taskKind.REFERRAL_OVERDUE', defaultMessage: 'Referral overdue: follow up' },
  DETENTION_REVIEW_OVERDUE: { id: 'taskKind.DETENTION_REVIEW_OVERDUE', defaultMessage: 'Detention review overdue' },
  CUSTOM: { id: 'taskKind.CUSTOM', defaultMessage: 'Task' },
});

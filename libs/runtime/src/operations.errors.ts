import { defineErrors } from '@kivuko/platform';

/** The refusals of the operators' pages (the job queues), which the runtime serves. */
export const OperationsErrors = defineErrors('runtime', {
  'QUEUE.NOT_FOUND': { kind: 'NOT_FOUND', message: 'No queue has this name' },
  'QUEUE.JOB_NOT_FOUND': { kind: 'NOT_FOUND', message: 'No job with this id is in the queue' },
  'QUEUE.JOB_INVALID': { kind: 'BAD_INPUT', message: 'The job id is not one the queues give' },
  'QUEUE.JOB_NOT_TROUBLED': { kind: 'CONFLICT', message: 'Only a failed job, or one waiting to be tried again after a failure, can be retried or removed' },
});

import { ApiError } from '../../api/api-error';
import type { EnqueueInput, Outbox } from './outbox';

/** How long a form waits for the api before telling the user the record is kept on the device. */
export const SEND_WAIT_MS = 8_000;

/** The record is kept in the outbox and will be sent later (no network, or no answer in time). */
export class OutboxQueuedError extends Error {
  constructor(readonly id: string) {
    super(`queued: ${id}`);
    this.name = 'OutboxQueuedError';
  }
}

/**
 * Sends a record through the outbox and waits for the api's answer, for forms that show the result when
 * online: resolves with the api's body (201/200), throws the api's refusal as an ApiError (a 400 with its
 * field errors, a 409 conflict — the record stays in the outbox as Failed until corrected or discarded), or
 * throws OutboxQueuedError when no answer came within `timeoutMs` (the record stays Pending and is sent by
 * itself). Enqueuing the same id again replaces a record not yet sent, so a corrected form resubmits in place.
 */
export async function sendViaOutbox<T>(outbox: Outbox, input: EnqueueInput, timeoutMs = SEND_WAIT_MS): Promise<T> {
  await outbox.enqueue(input);
  const outcome = await outbox.waitForSent(input.id, timeoutMs);
  if (outcome.status === 'sent') return outcome.result as T;
  if (outcome.status === 'failed') throw new ApiError(outcome.error.status, outcome.error.code, undefined, undefined, outcome.error.fields);
  throw new OutboxQueuedError(input.id);
}

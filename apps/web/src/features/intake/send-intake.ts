import type { Outbox } from '../offline/outbox';
import { sendViaOutbox } from '../offline/send-via-outbox';
import type { IntakeResult } from './intake-api';

export type { IntakeResult } from './intake-api';

/** A registration's body (RegisterIntakeDto): `intakeId` is made once per form, so a retry is the same intake. */
export interface IntakeBody extends Record<string, unknown> {
  intakeId: string;
}

/**
 * The one place a registration leaves the browser: through the user's outbox, sealed on the device until
 * the api (POST /api/v1/intakes) has it. Resolves with the api's answer; throws its refusal as an ApiError
 * (the record stays in the outbox as Failed, with `form` to reopen it), or OutboxQueuedError when no answer
 * came in time (kept, and sent by itself when the link is back). The api answers a repeated `intakeId`
 * with the first answer, so a retry after a lost answer registers nobody twice.
 */
export function sendIntake(outbox: Outbox, body: IntakeBody, form?: unknown): Promise<IntakeResult> {
  return sendViaOutbox<IntakeResult>(outbox, { kind: 'intake', id: body.intakeId, body, form });
}

/** A fresh client intake id (UUID v4), made once per form. */
export const newIntakeId = (): string => crypto.randomUUID();

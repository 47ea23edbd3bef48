import type { Outbox } from '../offline/outbox';
import { sendViaOutbox } from '../offline/send-via-outbox';

/** The body of POST /api/v1/intakes for one chunk of a mass arrival. */
export interface ChunkBody {
  intakeId: string;
  mode: 'MASS_ARRIVAL';
  arrival: Record<string, unknown>;
  persons: Record<string, unknown>[];
}

/** What the api answers (201, or 200 when the intake id was already used for this same chunk). */
export interface IntakeResult {
  intakeId: string;
  mode: string;
  cases: { id: string; caseNumber: string; ref?: string; status: string }[];
}

/** How long the page waits for a chunk's answer before saying it is kept on the device. */
export const CHUNK_WAIT_MS = 20_000;

/**
 * The one way a chunk of a mass arrival leaves the browser: through the user's outbox, sealed on the
 * device until the api has it. Its intake id makes a retry a replay of the first answer, so a chunk whose
 * answer was lost may be sent again. Resolves with the api's answer; throws its refusal as an ApiError, or
 * OutboxQueuedError when no answer came in time (the outbox sends it when the link is back).
 */
export function sendChunk(outbox: Outbox, body: ChunkBody): Promise<IntakeResult> {
  return sendViaOutbox<IntakeResult>(outbox, { kind: 'intake', id: body.intakeId, body }, CHUNK_WAIT_MS);
}

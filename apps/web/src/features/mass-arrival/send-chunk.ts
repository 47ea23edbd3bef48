import { ApiClient, unwrap } from '../../api/client';

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

/**
 * The one way a chunk of a mass arrival leaves the browser. Its intake id makes a retry a replay of the
 * first answer, so this may be called again for a chunk whose answer was lost; the offline outbox plugs
 * in here (queue when offline, send when the link is back).
 */
export function sendChunk(api: ApiClient, body: ChunkBody): Promise<IntakeResult> {
  return unwrap<IntakeResult>(api.POST('/api/v1/intakes', { body: body as never }));
}

import { ApiClient, unwrap } from '../../api/client';
import type { IntakeResult } from './intake-api';

export type { IntakeResult } from './intake-api';

/** A registration's body (RegisterIntakeDto): `intakeId` is made once per form, so a retry is the same intake. */
export interface IntakeBody extends Record<string, unknown> {
  intakeId: string;
}

/**
 * The one place a registration leaves the browser: POST /api/v1/intakes. The api answers a repeated
 * `intakeId` with the first answer, so a retry after a lost answer registers nobody twice.
 */
export async function sendIntake(api: ApiClient, body: IntakeBody): Promise<IntakeResult> {
  return unwrap<IntakeResult>(api.POST('/api/v1/intakes', { body: body as never }));
}

/** A fresh client intake id (UUID v4), made once per form. */
export const newIntakeId = (): string => crypto.randomUUID();

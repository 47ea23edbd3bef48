import { Actor } from '@kivuko/platform';
import { CaseErrors } from './cases.errors';

/**
 * Intake records, their profiles and the review of their possible encounters belong to the border
 * point where the person arrived: only its officials change them.
 */
export function requireOwnBorderPoint(actor: Actor, borderPointId: string): void {
  if (!actor.borderPointIds.includes(borderPointId)) {
    throw CaseErrors.raise(
      'INTAKE.BORDER_POINT_NOT_ASSIGNED',
      'Only officials of the border point where the person arrived change the intake record, decide its profiles or review its possible encounters',
    );
  }
}

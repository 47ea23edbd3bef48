import { Actor, DomainError } from '@kivuko/platform';

export class ForbiddenBorderPointError extends DomainError {
  constructor(message = 'You can register arrivals only at the border points you are attached to') {
    super('INTAKE.BORDER_POINT_NOT_ASSIGNED', 'FORBIDDEN', message);
  }
}

/**
 * Intake records, their profiles and the review of their possible encounters belong to the border
 * point where the person arrived: only its officials change them.
 */
export function requireOwnBorderPoint(actor: Actor, borderPointId: string): void {
  if (!actor.borderPointIds.includes(borderPointId)) {
    throw new ForbiddenBorderPointError(
      'Only officials of the border point where the person arrived change the intake record, decide its profiles or review its possible encounters',
    );
  }
}

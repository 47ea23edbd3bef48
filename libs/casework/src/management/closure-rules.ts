import { DomainError } from '@kivuko/platform';
import { CaseworkErrors } from '../casework.errors';

/** What is still open on a case, counted over every agency (not only what the closer may see). */
export interface OpenOnCase {
  referrals: number;
  detentions: number;
  removals: number;
  returns: number;
}

/** Why a case in this status is not closed now (already closed, or its intake incomplete); null when it may be. */
export function closableStatusRefusal(status: string): DomainError | null {
  if (status === 'CLOSED') return CaseworkErrors.raise('CASE.ALREADY_CLOSED');
  if (status === 'INCOMPLETE') return CaseworkErrors.raise('CASE.INCOMPLETE');
  return null;
}

/**
 * Why the case is not closed with this outcome while these are open; null when it may be. A removal or a
 * return is closed on only once it happened (through the use cases that check the non-refoulement lock);
 * open referrals and a running detention are ended first. Checked in this order.
 */
export function openItemsRefusal(outcomeCode: string, still: OpenOnCase): DomainError | null {
  if (outcomeCode === 'REMOVED' && still.removals === 0) return CaseworkErrors.raise('CASE.NO_REMOVAL');
  if (outcomeCode === 'RETURNED_VOLUNTARILY' && still.returns === 0) return CaseworkErrors.raise('CASE.NO_RETURN');
  if (still.referrals > 0) {
    return CaseworkErrors.raise('CASE.OPEN_REFERRALS', `${still.referrals} referral${still.referrals === 1 ? ' is' : 's are'} still open: the agencies complete them, or the border point withdraws them, first`, {
      openReferrals: still.referrals,
    });
  }
  if (still.detentions > 0) return CaseworkErrors.raise('CASE.DETENTION_OPEN');
  return null;
}

import { Actor } from '@kivuko/platform';
import { ReferralRow } from './referral.queries';
import { ReferralEvent } from './referral.service';
import { ReferralAction } from './referral-status';

/** A referral's status changed, as read again after the change. */
export interface ReferralTransitioned {
  referral: ReferralRow;
  action: ReferralAction;
  actor: Actor | null;
}

/** A referral event for one agency (the receiving agency, or the registering agency of a completed referral). */
export interface AgencyReferralEvent {
  agencyId: string;
  event: ReferralEvent;
  referral: { id: string; status: string };
}

/** What the referral use cases tell, inside their transaction; the start is refused when one has no handler. */
declare module '@kivuko/platform' {
  interface DomainEventPayloads {
    /** After every transition: the next agency after a decline, the agency's tasks on acceptance, cancelled tasks on withdrawal. */
    'referrals.transitioned': ReferralTransitioned;
    /** An event goes out to an agency: its webhook, when it has one. */
    'referrals.agency-event': AgencyReferralEvent;
  }
}

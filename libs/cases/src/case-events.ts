import { Actor } from '@kivuko/platform';
import { SopPolicy } from './case-policy';
import { ProfilesChanged } from './profiling/case-profiling.service';

/** A case's consent records changed (recorded or withdrawn). */
export interface ConsentChanged {
  caseId: string;
  actor: Actor;
}

/**
 * What the case context tells the others, and asks them, inside its own transactions. Each must be
 * answered: the start is refused when no module handles one (referrals handle all three).
 */
declare module '@kivuko/platform' {
  interface DomainEventPayloads {
    /** Every profiling run and profile decision: referrals route the case from here. */
    'cases.profiles-changed': ProfilesChanged;
    /** Consent recorded or withdrawn: referrals held for consent go ahead when it now covers them. */
    'cases.consent-changed': ConsentChanged;
  }
  interface DomainPorts {
    /** The joint SOP active for a case (its rules and sharing map), or null where none is: referrals know the SOPs. */
    'cases.sop-policy': { question: { caseId: string }; answer: SopPolicy | null };
  }
}

/**
 * Where a referral stands. DECLINED, COMPLETED and WITHDRAWN are final. SUSPENDED: an accepted return or
 * immigration referral a protection profile superseded; its tasks are cancelled and it waits to be
 * withdrawn (only the system suspends).
 */
export enum ReferralStatus {
  AwaitingConsent = 'AWAITING_CONSENT',
  Pending = 'PENDING',
  Acknowledged = 'ACKNOWLEDGED',
  Accepted = 'ACCEPTED',
  Declined = 'DECLINED',
  InProgress = 'IN_PROGRESS',
  Suspended = 'SUSPENDED',
  Completed = 'COMPLETED',
  Withdrawn = 'WITHDRAWN',
}

export enum ReferralAction {
  /** Consent (or a legal basis) is on record: the referral goes to the agency. */
  Release = 'RELEASE',
  Acknowledge = 'ACKNOWLEDGE',
  Accept = 'ACCEPT',
  Decline = 'DECLINE',
  Start = 'START',
  Complete = 'COMPLETE',
  Withdraw = 'WITHDRAW',
  /** Protection supersedes return: the system stops an accepted return or immigration referral. */
  Suspend = 'SUSPEND',
}

export const FINAL_STATUSES: readonly ReferralStatus[] = [ReferralStatus.Declined, ReferralStatus.Completed, ReferralStatus.Withdrawn];
export const OPEN_STATUSES: readonly ReferralStatus[] = Object.values(ReferralStatus).filter((s) => !FINAL_STATUSES.includes(s));

const S = ReferralStatus;
/**
 * Every allowed transition: action → the statuses it may start from, and where it leads. Accepting or
 * declining straight from PENDING counts as the acknowledgment (first contact) too.
 */
export const TRANSITIONS: Readonly<Record<ReferralAction, { from: readonly ReferralStatus[]; to: ReferralStatus }>> = {
  [ReferralAction.Release]: { from: [S.AwaitingConsent], to: S.Pending },
  [ReferralAction.Acknowledge]: { from: [S.Pending], to: S.Acknowledged },
  [ReferralAction.Accept]: { from: [S.Pending, S.Acknowledged], to: S.Accepted },
  [ReferralAction.Decline]: { from: [S.Pending, S.Acknowledged], to: S.Declined },
  [ReferralAction.Start]: { from: [S.Accepted], to: S.InProgress },
  [ReferralAction.Complete]: { from: [S.Accepted, S.InProgress], to: S.Completed },
  [ReferralAction.Withdraw]: { from: [S.AwaitingConsent, S.Pending, S.Acknowledged, S.Accepted, S.InProgress, S.Suspended], to: S.Withdrawn },
  [ReferralAction.Suspend]: { from: [S.Accepted, S.InProgress], to: S.Suspended },
};

/** The status an action leads to from `current`, or null when the action is not allowed there. */
export function nextStatus(current: ReferralStatus, action: ReferralAction): ReferralStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(current) ? transition.to : null;
}

/** Actions that stop the first-contact clock. */
export const FIRST_CONTACT_ACTIONS: readonly ReferralAction[] = [ReferralAction.Acknowledge, ReferralAction.Accept, ReferralAction.Decline];

import fc from 'fast-check';
import { FINAL_STATUSES, nextStatus, ReferralAction, ReferralStatus } from './referral-status';

const S = ReferralStatus;
const A = ReferralAction;

describe('referral transitions', () => {
  it.each([
    [S.AwaitingConsent, A.Release, S.Pending],
    [S.Pending, A.Acknowledge, S.Acknowledged],
    [S.Pending, A.Accept, S.Accepted],
    [S.Acknowledged, A.Accept, S.Accepted],
    [S.Acknowledged, A.Decline, S.Declined],
    [S.Accepted, A.Start, S.InProgress],
    [S.InProgress, A.Complete, S.Completed],
    [S.InProgress, A.Withdraw, S.Withdrawn],
    [S.Accepted, A.Suspend, S.Suspended],
    [S.InProgress, A.Suspend, S.Suspended],
    [S.Suspended, A.Withdraw, S.Withdrawn],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each([
    [S.Withdrawn, A.Accept],
    [S.Declined, A.Accept],
    [S.Completed, A.Withdraw],
    [S.AwaitingConsent, A.Accept],
    [S.Pending, A.Complete],
    [S.Accepted, A.Decline],
    [S.InProgress, A.Acknowledge],
    // Only what an agency took on is suspended; what it has not is withdrawn. A suspended referral is not worked.
    [S.Pending, A.Suspend],
    [S.AwaitingConsent, A.Suspend],
    [S.Suspended, A.Accept],
    [S.Suspended, A.Start],
    [S.Suspended, A.Complete],
  ])('refuses %s --%s', (from, action) => {
    expect(nextStatus(from, action)).toBeNull();
  });

  it('never leaves a final status, and every status but the final ones can still be withdrawn', () => {
    expect(() =>
      fc.assert(
      fc.property(fc.constantFrom(...Object.values(S)), fc.constantFrom(...Object.values(A)), (status, action) => {
        const next = nextStatus(status, action);
        if (FINAL_STATUSES.includes(status)) return next === null;
        return action !== A.Withdraw || next === S.Withdrawn;
      }),
      ),
    ).not.toThrow();
  });
});

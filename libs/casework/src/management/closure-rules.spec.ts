import { DomainError } from '@kivuko/platform';
import { closableStatusRefusal, OpenOnCase, openItemsRefusal } from './closure-rules';

const nothingOpen: OpenOnCase = { referrals: 0, detentions: 0, removals: 0, returns: 0 };
const codeOf = (error: DomainError | null): string | null => error?.code ?? null;

describe('closing a case: the status', () => {
  it('refuses a closed case and one whose intake is incomplete, and lets an open one through', () => {
    expect(codeOf(closableStatusRefusal('CLOSED'))).toBe('CASE.ALREADY_CLOSED');
    expect(codeOf(closableStatusRefusal('INCOMPLETE'))).toBe('CASE.INCOMPLETE');
    expect(closableStatusRefusal('OPEN')).toBeNull();
  });

  it('answers 409 for both', () => {
    expect(closableStatusRefusal('CLOSED')?.kind).toBe('CONFLICT');
    expect(closableStatusRefusal('INCOMPLETE')?.kind).toBe('CONFLICT');
  });
});

describe('closing a case: what is still open', () => {
  it('closes a case with nothing open, whatever the outcome that needs no removal or return', () => {
    expect(openItemsRefusal('RECOGNISED_REFUGEE', nothingOpen)).toBeNull();
  });

  it('closes on a removal only once one was executed, and on a voluntary return only once the person departed', () => {
    expect(codeOf(openItemsRefusal('REMOVED', nothingOpen))).toBe('CASE.NO_REMOVAL');
    expect(openItemsRefusal('REMOVED', { ...nothingOpen, removals: 1 })).toBeNull();
    expect(codeOf(openItemsRefusal('RETURNED_VOLUNTARILY', nothingOpen))).toBe('CASE.NO_RETURN');
    expect(openItemsRefusal('RETURNED_VOLUNTARILY', { ...nothingOpen, returns: 1 })).toBeNull();
    // An executed removal does not stand for a departure, nor the other way round.
    expect(codeOf(openItemsRefusal('RETURNED_VOLUNTARILY', { ...nothingOpen, removals: 1 }))).toBe('CASE.NO_RETURN');
    expect(codeOf(openItemsRefusal('REMOVED', { ...nothingOpen, returns: 1 }))).toBe('CASE.NO_REMOVAL');
  });

  it('refuses while referrals are open, counting them in the message and the details', () => {
    const one = openItemsRefusal('RECOGNISED_REFUGEE', { ...nothingOpen, referrals: 1 });
    expect(one).toMatchObject({ code: 'CASE.OPEN_REFERRALS', kind: 'CONFLICT', details: { openReferrals: 1 } });
    expect(one?.message).toBe('1 referral is still open: the agencies complete them, or the border point withdraws them, first');
    const three = openItemsRefusal('RECOGNISED_REFUGEE', { ...nothingOpen, referrals: 3 });
    expect(three?.message).toBe('3 referrals are still open: the agencies complete them, or the border point withdraws them, first');
    expect(three?.details).toEqual({ openReferrals: 3 });
  });

  it('refuses while the person is in detention', () => {
    expect(codeOf(openItemsRefusal('RECOGNISED_REFUGEE', { ...nothingOpen, detentions: 1 }))).toBe('CASE.DETENTION_OPEN');
  });

  it('checks in order: the removal or return first, then referrals, then detention', () => {
    const everything: OpenOnCase = { referrals: 2, detentions: 1, removals: 0, returns: 0 };
    expect(codeOf(openItemsRefusal('REMOVED', everything))).toBe('CASE.NO_REMOVAL');
    expect(codeOf(openItemsRefusal('RETURNED_VOLUNTARILY', everything))).toBe('CASE.NO_RETURN');
    expect(codeOf(openItemsRefusal('RECOGNISED_REFUGEE', everything))).toBe('CASE.OPEN_REFERRALS');
    expect(codeOf(openItemsRefusal('REMOVED', { ...everything, removals: 1, referrals: 0 }))).toBe('CASE.DETENTION_OPEN');
  });
});

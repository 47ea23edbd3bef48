import { DomainError } from '@kivuko/platform';
import { LOGIN_WINDOW_MS, LoginThrottle } from './login-throttle';

function refusal(run: () => void): DomainError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
}

describe('LoginThrottle', () => {
  const t0 = 1_000_000;

  it('refuses the attempt past the per-address limit, naming how long to wait', () => {
    const throttle = new LoginThrottle({ perIp: 3, perAccount: 100 });
    for (let i = 0; i < 3; i++) throttle.check('10.0.0.1', `user${i}`, t0 + i);
    const refused = refusal(() => throttle.check('10.0.0.1', 'user9', t0 + 10));
    expect(refused?.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(refused?.details).toEqual({ retryAfterSeconds: 60 });
    expect(refusal(() => throttle.check('10.0.0.2', 'user9', t0 + 10))).toBeUndefined();
  });

  it('refuses the attempt past the per-account limit from any address', () => {
    const throttle = new LoginThrottle({ perIp: 100, perAccount: 2 });
    throttle.check('10.0.0.1', 'amina', t0);
    throttle.check('10.0.0.2', 'amina', t0 + 1);
    expect(refusal(() => throttle.check('10.0.0.3', 'amina', t0 + 2))?.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
  });

  it('does not count the per-account and per-address limits against an address the account signed in from', () => {
    const throttle = new LoginThrottle({ perIp: 2, perAccount: 2 });
    throttle.succeeded('10.1.1.1', 'amina', t0);
    for (let i = 0; i < 5; i++) refusal(() => throttle.check(`10.0.0.${i}`, 'amina', t0 + i));
    for (let i = 0; i < 5; i++) expect(refusal(() => throttle.check('10.1.1.1', 'amina', t0 + 10 + i))).toBeUndefined();
    expect(refusal(() => throttle.check('10.0.0.9', 'amina', t0 + 20))?.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
  });

  it('lets attempts through again once the window has passed', () => {
    const throttle = new LoginThrottle({ perIp: 1, perAccount: 1 });
    throttle.check('10.0.0.1', 'amina', t0);
    expect(refusal(() => throttle.check('10.0.0.1', 'amina', t0 + 1))).toBeDefined();
    expect(refusal(() => throttle.check('10.0.0.1', 'amina', t0 + LOGIN_WINDOW_MS + 1))).toBeUndefined();
  });
});

describe('LoginThrottle: failures slow the next attempt down, nothing locks', () => {
  const t0 = 5_000_000;
  const open = { perIp: 1_000, perAccount: 1_000 };
  const DAY = 24 * 3600_000;

  it('lets three failures from one address through, then makes its next attempts on that name wait 1 s, 2 s, 4 s … capped at 60 s', () => {
    const throttle = new LoginThrottle(open);
    let now = t0;
    for (let i = 0; i < 3; i++) {
      expect(refusal(() => throttle.check('10.0.0.1', 'amina', now))).toBeUndefined();
      throttle.failed('10.0.0.1', 'amina', now);
    }
    for (const delaySeconds of [1, 2, 4, 8, 16, 32, 60, 60]) {
      const early = refusal(() => throttle.check('10.0.0.1', 'amina', now + delaySeconds * 1000 - 1));
      expect(early?.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
      expect(early?.details).toEqual({ retryAfterSeconds: 1 });
      expect(refusal(() => throttle.check('10.0.0.1', 'amina', now))?.details).toEqual({ retryAfterSeconds: delaySeconds });
      // The delay is this address's: another address trying the name is not held back by it (until the
      // account-wide allowance of 10 failures is used up).
      if (delaySeconds <= 32) expect(refusal(() => throttle.check('10.0.0.2', 'amina', now))).toBeUndefined();
      now += delaySeconds * 1000;
      expect(refusal(() => throttle.check('10.0.0.1', 'amina', now))).toBeUndefined();
      throttle.failed('10.0.0.1', 'amina', now);
    }
  });

  it("never makes the real user wait on the address they signed in from, whatever others' failures from elsewhere", () => {
    const throttle = new LoginThrottle({ perIp: 120, perAccount: 10 });
    throttle.succeeded('10.1.1.1', 'amina', t0);
    let now = t0;
    // One wrong password every 59 s from a rotating set of addresses, for a day; then a burst from 500 addresses.
    for (let i = 0; i < 1_464; i++) {
      now += 59_000;
      const attacker = `198.51.${i % 7}.${i % 250}`;
      if (!refusal(() => throttle.check(attacker, 'amina', now))) throttle.failed(attacker, 'amina', now);
      if (i % 61 === 0) {
        expect(refusal(() => throttle.check('10.1.1.1', 'amina', now + 1))).toBeUndefined();
        throttle.succeeded('10.1.1.1', 'amina', now + 1);
      }
    }
    for (let i = 0; i < 500; i++) {
      const attacker = `203.0.${i >> 8}.${i & 255}`;
      if (!refusal(() => throttle.check(attacker, 'amina', now + i))) throttle.failed(attacker, 'amina', now + i);
    }
    expect(refusal(() => throttle.check('10.1.1.1', 'amina', now + 600))).toBeUndefined();
  });

  it('slows down guessing spread over many addresses for every address that never signed in to the account', () => {
    const throttle = new LoginThrottle(open);
    throttle.succeeded('10.1.1.1', 'amina', t0);
    for (let i = 0; i < 9; i++) throttle.failed(`203.0.113.${i}`, 'amina', t0);
    expect(refusal(() => throttle.check('203.0.113.200', 'amina', t0))).toBeUndefined();
    throttle.failed('203.0.113.200', 'amina', t0);
    expect(refusal(() => throttle.check('203.0.113.201', 'amina', t0 + 10))?.details).toEqual({ retryAfterSeconds: 1 });
    for (let i = 0; i < 20; i++) throttle.failed(`198.51.100.${i}`, 'amina', t0 + 1_000);
    expect(refusal(() => throttle.check('203.0.113.202', 'amina', t0 + 1_000))?.details).toEqual({ retryAfterSeconds: 60 });
    // The account's own address is not held back; another account is not either.
    expect(refusal(() => throttle.check('10.1.1.1', 'amina', t0 + 1_000))).toBeUndefined();
    expect(refusal(() => throttle.check('203.0.113.202', 'baraka', t0 + 1_000))).toBeUndefined();
  });

  it('treats an account name nobody has exactly like one that exists, seen from an address that never signed in', () => {
    const answers = (name: string): unknown[] => {
      const throttle = new LoginThrottle(open);
      throttle.succeeded('10.1.1.1', 'amina', t0);
      const seen: unknown[] = [];
      for (let i = 0; i < 16; i++) {
        const now = t0 + i * 700;
        const refused = refusal(() => throttle.check(`192.0.2.${i % 3}`, name, now));
        seen.push(refused?.details ?? 'checked');
        if (!refused) throttle.failed(`192.0.2.${i % 3}`, name, now);
      }
      return seen;
    };
    const known = answers('amina');
    expect(answers('nobody.here')).toEqual(known);
    expect(known).toContainEqual({ retryAfterSeconds: 1 });
  });

  it('slows down one address trying many names, after a larger allowance, unless the name signed in from it', () => {
    const throttle = new LoginThrottle(open);
    throttle.succeeded('10.0.0.1', 'colleague', t0 - 1);
    for (let i = 0; i < 9; i++) throttle.failed('10.0.0.1', `user${i}`, t0);
    expect(refusal(() => throttle.check('10.0.0.1', 'user-new', t0))).toBeUndefined();
    throttle.failed('10.0.0.1', 'user-new', t0);
    expect(refusal(() => throttle.check('10.0.0.1', 'another', t0 + 10))?.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(refusal(() => throttle.check('10.0.0.2', 'another', t0 + 10))).toBeUndefined();
    expect(refusal(() => throttle.check('10.0.0.1', 'colleague', t0 + 10))).toBeUndefined();
  });

  it("clears the name's failures from that address after a successful sign-in, and forgets failures after a quiet spell", () => {
    const throttle = new LoginThrottle(open);
    for (let i = 0; i < 5; i++) throttle.failed('10.0.0.1', 'amina', t0);
    throttle.succeeded('10.0.0.1', 'amina', t0);
    expect(refusal(() => throttle.check('10.0.0.1', 'amina', t0 + 1))).toBeUndefined();
    for (let i = 0; i < 5; i++) throttle.failed('10.0.0.3', 'baraka', t0);
    expect(refusal(() => throttle.check('10.0.0.3', 'baraka', t0 + 1))).toBeDefined();
    expect(refusal(() => throttle.check('10.0.0.3', 'baraka', t0 + 15 * 60_000))).toBeUndefined();
  });

  it('remembers an address for 30 days and at most 20 addresses per account, the least recent forgotten first', () => {
    const throttle = new LoginThrottle(open);
    throttle.succeeded('10.1.1.1', 'amina', t0);
    const spread = (now: number): void => {
      for (let i = 0; i < 11; i++) throttle.failed(`203.0.113.${i}`, 'amina', now);
    };
    spread(t0 + 29 * DAY);
    expect(refusal(() => throttle.check('10.1.1.1', 'amina', t0 + 29 * DAY))).toBeUndefined();
    spread(t0 + 30 * DAY);
    expect(refusal(() => throttle.check('10.1.1.1', 'amina', t0 + 30 * DAY))).toBeDefined();

    const later = t0 + 40 * DAY;
    for (let i = 0; i <= 20; i++) throttle.succeeded(`10.2.0.${i}`, 'amina', later + i);
    spread(later + 100);
    expect(refusal(() => throttle.check('10.2.0.0', 'amina', later + 100))).toBeDefined();
    for (let i = 1; i <= 20; i++) expect(refusal(() => throttle.check(`10.2.0.${i}`, 'amina', later + 100))).toBeUndefined();
  });
});

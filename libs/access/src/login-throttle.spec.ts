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

  it('lets three failures through, then makes each next attempt wait 1 s, 2 s, 4 s …', () => {
    const throttle = new LoginThrottle(open);
    let now = t0;
    for (let i = 0; i < 3; i++) {
      expect(refusal(() => throttle.check('10.0.0.1', 'amina', now))).toBeUndefined();
      throttle.failed('10.0.0.1', 'amina', now);
    }
    for (const delaySeconds of [1, 2, 4, 8]) {
      const early = refusal(() => throttle.check('10.0.0.9', 'amina', now + delaySeconds * 1000 - 1));
      expect(early?.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
      expect(early?.details).toEqual({ retryAfterSeconds: 1 });
      expect(refusal(() => throttle.check('10.0.0.1', 'amina', now))?.details).toEqual({ retryAfterSeconds: delaySeconds });
      now += delaySeconds * 1000;
      expect(refusal(() => throttle.check('10.0.0.1', 'amina', now))).toBeUndefined();
      throttle.failed('10.0.0.1', 'amina', now);
    }
  });

  it('caps the delay at 60 s, however many failures came before', () => {
    const throttle = new LoginThrottle(open);
    let now = t0;
    for (let i = 0; i < 40; i++) {
      now += 60_000;
      throttle.failed(`10.0.${i}.1`, 'amina', now);
    }
    expect(refusal(() => throttle.check('10.9.9.9', 'amina', now + 59_000))?.details).toEqual({ retryAfterSeconds: 1 });
    expect(refusal(() => throttle.check('10.9.9.9', 'amina', now + 60_000))).toBeUndefined();
  });

  it('treats an account name nobody has exactly like one that exists: the state is keyed by the name typed', () => {
    const throttle = new LoginThrottle(open);
    for (const name of ['amina', 'nobody.here']) for (let i = 0; i < 4; i++) throttle.failed('10.0.0.1', name, t0);
    expect(refusal(() => throttle.check('10.0.0.2', 'amina', t0 + 10))).toEqual(refusal(() => throttle.check('10.0.0.2', 'nobody.here', t0 + 10)));
  });

  it('slows down one address trying many names, after a larger allowance', () => {
    const throttle = new LoginThrottle(open);
    for (let i = 0; i < 9; i++) throttle.failed('10.0.0.1', `user${i}`, t0);
    expect(refusal(() => throttle.check('10.0.0.1', 'user-new', t0))).toBeUndefined();
    throttle.failed('10.0.0.1', 'user-new', t0);
    expect(refusal(() => throttle.check('10.0.0.1', 'another', t0 + 10))?.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(refusal(() => throttle.check('10.0.0.2', 'another', t0 + 10))).toBeUndefined();
  });

  it('clears an account name after a successful sign-in, and forgets failures after a quiet spell', () => {
    const throttle = new LoginThrottle(open);
    for (let i = 0; i < 5; i++) throttle.failed('10.0.0.1', 'amina', t0);
    throttle.succeeded('amina');
    expect(refusal(() => throttle.check('10.0.0.2', 'amina', t0 + 1))).toBeUndefined();
    for (let i = 0; i < 5; i++) throttle.failed('10.0.0.3', 'baraka', t0);
    expect(refusal(() => throttle.check('10.0.0.4', 'baraka', t0 + 1))).toBeDefined();
    expect(refusal(() => throttle.check('10.0.0.4', 'baraka', t0 + 15 * 60_000))).toBeUndefined();
  });
});

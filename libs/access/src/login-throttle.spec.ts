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

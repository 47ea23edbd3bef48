import { AccessErrors } from './access.errors';

export const LOGIN_WINDOW_MS = 60_000;

export interface LoginLimits {
  perIp: number;
  perAccount: number;
}

/**
 * Sliding-window limits on sign-in attempts per client address and per account, in this process.
 * The account lockout, which is the durable defence, lives in the database.
 */
export class LoginThrottle {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly limits: LoginLimits) {}

  check(ip: string, username: string, now = Date.now()): void {
    const wait = Math.max(this.take(`ip:${ip}`, this.limits.perIp, now), this.take(`user:${username}`, this.limits.perAccount, now));
    if (wait > 0) throw AccessErrors.tooManyAttempts(Math.ceil(wait / 1000));
  }

  /** Records a hit; returns how long to wait (ms) when over the limit, else 0. */
  private take(key: string, limit: number, now: number): number {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < LOGIN_WINDOW_MS);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      return LOGIN_WINDOW_MS - (now - recent[0]);
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 50_000) this.sweep(now);
    return 0;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) if (times.every((t) => now - t >= LOGIN_WINDOW_MS)) this.hits.delete(key);
  }
}

import { AccessErrors } from './access.errors';

export const LOGIN_WINDOW_MS = 60_000;

export interface LoginLimits {
  perIp: number;
  perAccount: number;
}

/** How failed sign-ins slow down the next attempt on one key (an account name or a client address). */
export interface BackoffPolicy {
  /** After this many failures the next attempt waits. */
  freeFailures: number;
  /** The first wait; it doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts again from nothing. */
  forgetAfterMs: number;
}

/**
 * Per account name: after 3 failures the next attempt waits 1 s, then 2 s, 4 s … up to 60 s. Per address
 * the allowance is larger, because a border post's officials share one address and mistype too.
 */
export const ACCOUNT_BACKOFF: BackoffPolicy = { freeFailures: 3, baseDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 15 * 60_000 };
export const ADDRESS_BACKOFF: BackoffPolicy = { freeFailures: 10, baseDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 15 * 60_000 };

interface Failures {
  count: number;
  lastAt: number;
}

/** How long after the last failure the next attempt may come (0: at once). */
export function backoffDelayMs(failures: number, policy: BackoffPolicy): number {
  const past = failures - policy.freeFailures;
  if (past < 0) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(past, 30));
}

/**
 * Slows sign-in attempts down, in this process: sliding-window limits per client address and per
 * account name, and after repeated failures a growing delay (per account name and per address) before
 * the next attempt is even checked. Nothing is ever locked for long: the delay is capped, so the real
 * user gets in shortly after an attacker stops, and a known and an unknown account name are slowed down
 * alike (the state is keyed by the name typed, never by whether an account has it), so the answers tell
 * nobody which accounts exist.
 *
 * The state is per process: behind k api replicas an attacker spreading attempts over all of them gets
 * up to k times the rate, which the argon2 cost of each check and the per-address limits still bound.
 */
export class LoginThrottle {
  private readonly hits = new Map<string, number[]>();
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly limits: LoginLimits,
    private readonly accountBackoff: BackoffPolicy = ACCOUNT_BACKOFF,
    private readonly addressBackoff: BackoffPolicy = ADDRESS_BACKOFF,
  ) {}

  /** Refuses (429 with the seconds to wait) an attempt that comes too soon; otherwise counts it. */
  check(ip: string, username: string, now = Date.now()): void {
    const backoff = Math.max(this.delayLeft(`user:${username}`, this.accountBackoff, now), this.delayLeft(`ip:${ip}`, this.addressBackoff, now));
    if (backoff > 0) throw AccessErrors.tooManyAttempts(Math.ceil(backoff / 1000));
    const wait = Math.max(this.take(`ip:${ip}`, this.limits.perIp, now), this.take(`user:${username}`, this.limits.perAccount, now));
    if (wait > 0) throw AccessErrors.tooManyAttempts(Math.ceil(wait / 1000));
  }

  /** A wrong password (or an unknown or inactive account): the next attempt on this name and address waits longer. */
  failed(ip: string, username: string, now = Date.now()): void {
    for (const [key, policy] of [
      [`user:${username}`, this.accountBackoff],
      [`ip:${ip}`, this.addressBackoff],
    ] as const) {
      const previous = this.failures.get(key);
      const count = previous && now - previous.lastAt < policy.forgetAfterMs ? previous.count + 1 : 1;
      this.failures.set(key, { count, lastAt: now });
    }
    if (this.failures.size > 50_000) this.sweep(now);
  }

  /**
   * A successful sign-in clears the account name's failures. The address keeps its own (they decay),
   * so signing in to one's own account between guesses does not reset a guesser's delay.
   */
  succeeded(username: string): void {
    this.failures.delete(`user:${username}`);
  }

  private delayLeft(key: string, policy: BackoffPolicy, now: number): number {
    const failures = this.failures.get(key);
    if (!failures || now - failures.lastAt >= policy.forgetAfterMs) return 0;
    return Math.max(0, failures.lastAt + backoffDelayMs(failures.count, policy) - now);
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
    const forgetAfter = Math.max(this.accountBackoff.forgetAfterMs, this.addressBackoff.forgetAfterMs);
    for (const [key, f] of this.failures) if (now - f.lastAt >= forgetAfter) this.failures.delete(key);
  }
}

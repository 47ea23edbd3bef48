import { tooManyAttempts } from './access.errors';

export const LOGIN_WINDOW_MS = 60_000;

export interface LoginLimits {
  perIp: number;
  perAccount: number;
}

/** How failed sign-ins slow down the next attempt on one key. */
export interface BackoffPolicy {
  /** After this many failures the next attempt waits. */
  freeFailures: number;
  /** The first wait; it doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts again from nothing. */
  forgetAfterMs: number;
}

/** One account name tried from one address: after 3 failures the next attempt waits 1 s, 2 s, 4 s … up to 60 s. */
export const PAIR_BACKOFF: BackoffPolicy = { freeFailures: 3, baseDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 15 * 60_000 };
/** One address trying any names: a larger allowance, since a border post's officials share one address. */
export const ADDRESS_BACKOFF: BackoffPolicy = { freeFailures: 10, baseDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 15 * 60_000 };
/** One account name tried from anywhere (distributed guessing); never applied to the account's known addresses. */
export const ACCOUNT_BACKOFF: BackoffPolicy = { freeFailures: 10, baseDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 15 * 60_000 };

/** How long an address that signed in to an account stays "known" for it, and how many are kept. */
export interface KnownAddressPolicy {
  rememberMs: number;
  perAccount: number;
  accounts: number;
}
export const KNOWN_ADDRESSES: KnownAddressPolicy = { rememberMs: 30 * 24 * 3600_000, perAccount: 20, accounts: 100_000 };

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

const MAX_KEYS = 50_000;

/**
 * Slows sign-in attempts down, in this process. Nothing is ever locked, and nobody can hold the real
 * user back from their usual address:
 *
 * - Per (account name, address): after repeated failures a growing delay (1 s, 2 s, 4 s … capped) before
 *   the next attempt from that address for that name is even checked. Only whoever fails from an
 *   address is slowed down there.
 * - Per address: a larger allowance of failures over any names, then the same growing delay, and a
 *   sliding-window limit of attempts.
 * - Per account name, from anywhere (against guessing spread over many addresses): a failure allowance,
 *   then a growing delay, and a sliding-window limit of attempts. These apply only to addresses that have
 *   not signed in to that account successfully within the last 30 days: the addresses that did are
 *   remembered per account (bounded: 20 per account, 100 000 accounts, oldest forgotten first), and
 *   the address guards skip them as well, so other people's failures never make the real user's
 *   sign-in from a known address wait. A user on a new address during a distributed attack waits at
 *   most the capped delay per attempt.
 *
 * A known and an unknown account name are treated alike: the state is keyed by the name typed, never by
 * whether an account has it (only a successful sign-in makes an address known, which an unknown name
 * never has), so the answers tell nobody which accounts exist.
 *
 * The state is per process: behind k api replicas an attacker spreading attempts over all of them gets
 * up to k times the rate, which the argon2 cost of each check and the per-address limits still bound.
 * The address is the one Fastify reports, so behind a proxy KIVUKO_TRUST_PROXY must say whom to trust.
 */
export class LoginThrottle {
  private readonly hits = new Map<string, number[]>();
  private readonly failures = new Map<string, Failures>();
  /** Account name → (address → when it last signed in); Map order is least recently used first. */
  private readonly known = new Map<string, Map<string, number>>();

  constructor(
    private readonly limits: LoginLimits,
    private readonly pairBackoff: BackoffPolicy = PAIR_BACKOFF,
    private readonly addressBackoff: BackoffPolicy = ADDRESS_BACKOFF,
    private readonly accountBackoff: BackoffPolicy = ACCOUNT_BACKOFF,
    private readonly knownAddresses: KnownAddressPolicy = KNOWN_ADDRESSES,
  ) {}

  /** Refuses (429 with the seconds to wait) an attempt that comes too soon; otherwise counts it. */
  check(ip: string, username: string, now: number): void {
    const trusted = this.isKnown(username, ip, now);
    const delays = [this.delayLeft(pairKey(username, ip), this.pairBackoff, now)];
    if (!trusted) delays.push(this.delayLeft(`ip:${ip}`, this.addressBackoff, now), this.delayLeft(`user:${username}`, this.accountBackoff, now));
    const backoff = Math.max(...delays);
    if (backoff > 0) throw tooManyAttempts(Math.ceil(backoff / 1000));
    if (trusted) return;
    const wait = Math.max(this.take(`ip:${ip}`, this.limits.perIp, now), this.take(`user:${username}`, this.limits.perAccount, now));
    if (wait > 0) throw tooManyAttempts(Math.ceil(wait / 1000));
  }

  /** A wrong password (or an unknown or inactive account): the next attempt waits longer. */
  failed(ip: string, username: string, now: number): void {
    for (const [key, policy] of [
      [pairKey(username, ip), this.pairBackoff],
      [`ip:${ip}`, this.addressBackoff],
      [`user:${username}`, this.accountBackoff],
    ] as const) {
      const previous = this.failures.get(key);
      const count = previous && now - previous.lastAt < policy.forgetAfterMs ? previous.count + 1 : 1;
      this.failures.delete(key);
      this.failures.set(key, { count, lastAt: now });
    }
    if (this.failures.size > MAX_KEYS) this.sweep(now);
  }

  /**
   * A successful sign-in clears the failures of this name from this address and makes the address known
   * for the account. The address's own failures (other names) and the account's failures from elsewhere
   * stay (they decay), so a guesser gains nothing from the real user signing in.
   */
  succeeded(ip: string, username: string, now: number): void {
    this.failures.delete(pairKey(username, ip));
    const addresses = this.known.get(username) ?? new Map<string, number>();
    this.known.delete(username);
    addresses.delete(ip);
    addresses.set(ip, now);
    for (const [address, at] of addresses) {
      if (addresses.size <= this.knownAddresses.perAccount && now - at < this.knownAddresses.rememberMs) break;
      addresses.delete(address);
    }
    this.known.set(username, addresses);
    for (const name of this.known.keys()) {
      if (this.known.size <= this.knownAddresses.accounts) break;
      this.known.delete(name);
    }
  }

  private isKnown(username: string, ip: string, now: number): boolean {
    const at = this.known.get(username)?.get(ip);
    return at !== undefined && now - at < this.knownAddresses.rememberMs;
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
    if (this.hits.size > MAX_KEYS) this.sweep(now);
    return 0;
  }

  /** Drops what has expired; if an attacker still fills the maps, the longest-quiet keys go first. */
  private sweep(now: number): void {
    for (const [key, times] of this.hits) if (times.every((t) => now - t >= LOGIN_WINDOW_MS)) this.hits.delete(key);
    const forgetAfter = Math.max(this.pairBackoff.forgetAfterMs, this.addressBackoff.forgetAfterMs, this.accountBackoff.forgetAfterMs);
    for (const [key, f] of this.failures) if (now - f.lastAt >= forgetAfter) this.failures.delete(key);
    for (const map of [this.hits, this.failures] as Map<string, unknown>[]) {
      for (const key of map.keys()) {
        if (map.size <= MAX_KEYS * 0.9) break;
        map.delete(key);
      }
    }
  }
}

function pairKey(username: string, ip: string): string {
  return `pair:${username}\n${ip}`;
}

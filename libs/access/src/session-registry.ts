import { systemScope, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { isSessionActive } from './auth.queries';
import { TokenService } from './token.service';

/**
 * How long this process trusts that a session it has seen alive is still alive. Logging out (or a
 * refresh token's reuse revoking its family) ends the session's access tokens at once in the process
 * that handled it; on other api replicas within this bound, when their cache entry next expires.
 */
export const SESSION_CACHE_MS = 10_000;
const MAX_ENTRIES = 100_000;

interface Entry {
  active: boolean;
  /** Until when the answer holds: a live session is re-read after SESSION_CACHE_MS; an ended one stays ended. */
  until: number;
}

/**
 * Whether the session an access token belongs to (its refresh-token family) is still open. One small
 * indexed read per session per SESSION_CACHE_MS per process, not one per request.
 */
@Injectable()
export class SessionRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: TokenService,
  ) {}

  async isActive(sessionId: string, now = Date.now()): Promise<boolean> {
    const cached = this.entries.get(sessionId);
    if (cached && cached.until > now) return cached.active;
    const active = await this.uow.run(systemScope('session check'), (manager) => isSessionActive(manager, sessionId));
    this.remember(sessionId, active, now);
    return active;
  }

  /** The session ended here (logout, reuse): its access tokens are refused from now on in this process. */
  ended(sessionId: string, now = Date.now()): void {
    this.remember(sessionId, false, now);
  }

  private remember(sessionId: string, active: boolean, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.sweep(now);
    // An ended session's tokens have all expired once an access-token lifetime has passed.
    const until = now + (active ? SESSION_CACHE_MS : this.tokens.accessTokenSeconds * 1000);
    this.entries.delete(sessionId);
    this.entries.set(sessionId, { active, until });
  }

  private sweep(now: number): void {
    for (const [id, entry] of this.entries) if (entry.until <= now) this.entries.delete(id);
    // Still full of live entries: drop the oldest; they are simply read again.
    for (const id of this.entries.keys()) {
      if (this.entries.size < MAX_ENTRIES / 2) break;
      this.entries.delete(id);
    }
  }
}

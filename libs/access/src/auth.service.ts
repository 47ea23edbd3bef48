import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, PLATFORM_RUNTIME, PlatformRuntime, systemScope, UnitOfWork } from '@kivuko/platform';
import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccessErrors } from './access.errors';
import { AppUser } from './app-user.entity';
import { RefreshToken } from './refresh-token.entity';
import { TokenService } from './token.service';

export const LOCKOUT_AFTER_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
}

export interface RequestContext {
  correlationId?: string;
}

/** Verifying against this when the user does not exist keeps the timing of both answers alike. */
let dummyHash: Promise<string> | null = null;
const unknownUserHash = (): Promise<string> => (dummyHash ??= argon2.hash(randomUUID(), { type: argon2.argon2id }));

export function actorOf(user: AppUser): Actor {
  return { userId: user.id, username: user.username, agencyId: user.agencyId, roles: user.roles, borderPointIds: user.borderPointIds };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  static hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async login(usernameInput: string, password: string, context: RequestContext, now = new Date()): Promise<TokenPair> {
    const username = usernameInput.trim().toLowerCase();
    // There is no actor before sign-in succeeds: the check itself is a system task.
    const outcome = await this.uow.run(systemScope('sign-in'), async (manager) => {
      const user = await manager.findOne(AppUser, { where: { username }, lock: { mode: 'pessimistic_write' } });
      const passwordOk = await argon2.verify(user?.passwordHash ?? (await unknownUserHash()), password).catch(() => false);
      if (!user || !user.active || !user.passwordHash) {
        // What was typed for an unknown account is not kept: people type passwords into that field.
        await this.audit.record(manager, {
          action: 'AUTH.LOGIN_FAILED',
          outcome: 'FAILURE',
          actor: user ? actorOf(user) : null,
          correlationId: context.correlationId,
          details: { reason: user ? 'inactive' : 'unknown_user' },
        });
        return { error: AccessErrors.invalidCredentials() };
      }
      if (user.lockedUntil && user.lockedUntil > now) {
        await this.audit.record(manager, {
          action: 'AUTH.LOGIN_FAILED',
          outcome: 'FAILURE',
          actor: actorOf(user),
          correlationId: context.correlationId,
          details: { reason: 'locked' },
        });
        return { error: AccessErrors.locked(user.lockedUntil) };
      }
      if (!passwordOk) {
        user.failedLogins += 1;
        const locks = user.failedLogins >= LOCKOUT_AFTER_FAILURES;
        if (locks) {
          user.lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
          user.failedLogins = 0;
        }
        await manager.save(user);
        await this.audit.record(manager, {
          action: locks ? 'AUTH.ACCOUNT_LOCKED' : 'AUTH.LOGIN_FAILED',
          outcome: 'FAILURE',
          actor: actorOf(user),
          correlationId: context.correlationId,
          details: { reason: 'wrong_password' },
        });
        return { error: locks ? AccessErrors.locked(user.lockedUntil as Date) : AccessErrors.invalidCredentials() };
      }
      user.failedLogins = 0;
      user.lockedUntil = null;
      await manager.save(user);
      const pair = await this.issue(manager, user, randomUUID(), now);
      await this.audit.record(manager, { action: 'AUTH.LOGIN', actor: actorOf(user), correlationId: context.correlationId });
      return { pair };
    });
    // The failure is committed (counter, lock, audit) before it is reported.
    if ('error' in outcome) throw outcome.error;
    return outcome.pair;
  }

  /** Replaces a refresh token with a new one; a replaced token presented again revokes its family. */
  async refresh(token: string, context: RequestContext, now = new Date()): Promise<TokenPair> {
    const outcome = await this.uow.run(systemScope('token refresh'), async (manager) => {
      const stored = await manager.findOne(RefreshToken, { where: { tokenHash: TokenService.hash(token) }, lock: { mode: 'pessimistic_write' } });
      if (!stored) return { error: AccessErrors.refreshInvalid() };
      const user = await manager.findOneBy(AppUser, { id: stored.userId });
      if (stored.revokedAt) {
        await this.revokeFamily(manager, stored.familyId, now);
        await this.audit.record(manager, {
          action: 'AUTH.REFRESH_REUSED',
          outcome: 'DENIED',
          actor: user ? actorOf(user) : null,
          correlationId: context.correlationId,
        });
        return { error: AccessErrors.refreshInvalid() };
      }
      if (stored.expiresAt <= now || !user || !user.active) return { error: AccessErrors.refreshInvalid() };
      const pair = await this.issue(manager, user, stored.familyId, now, stored);
      return { pair };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.pair;
  }

  async logout(actor: Actor, token: string, context: RequestContext, now = new Date()): Promise<void> {
    await this.uow.run(actorScope(actor), async (manager) => {
      const stored = await manager.findOneBy(RefreshToken, { tokenHash: TokenService.hash(token), userId: actor.userId });
      if (stored) await this.revokeFamily(manager, stored.familyId, now);
      await this.audit.record(manager, { action: 'AUTH.LOGOUT', actor, correlationId: context.correlationId });
    });
  }

  private async issue(manager: EntityManager, user: AppUser, familyId: string, now: Date, replacing?: RefreshToken): Promise<TokenPair> {
    const refresh = this.tokens.newRefreshToken();
    const saved = await manager.save(
      manager.create(RefreshToken, {
        userId: user.id,
        familyId,
        tokenHash: refresh.hash,
        expiresAt: new Date(now.getTime() + this.runtime.config.auth.refreshTokenSeconds * 1000),
      }),
    );
    if (replacing) await manager.update(RefreshToken, { id: replacing.id }, { revokedAt: now, replacedBy: saved.id });
    return {
      accessToken: this.tokens.issueAccessToken(actorOf(user)),
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTokenSeconds,
      refreshToken: refresh.token,
    };
  }

  private async revokeFamily(manager: EntityManager, familyId: string, now: Date): Promise<void> {
    await manager.query('UPDATE refresh_token SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [familyId, now]);
  }
}

import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, Clock, PLATFORM_RUNTIME, PlatformErrors, PlatformRuntime, systemScope, UnitOfWork } from '@kivuko/platform';
import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccessErrors } from './access.errors';
import { AppUser } from './app-user.entity';
import { revokeOtherUserSessions, revokeTokenFamily } from './auth.queries';
import { RefreshToken } from './refresh-token.entity';
import { SessionRegistry } from './session-registry';
import { TokenService } from './token.service';

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  /** Signed in with a password someone else chose: the access token opens only POST /auth/password (and sign-out, /me). */
  passwordChangeRequired: boolean;
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
    private readonly sessions: SessionRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  static hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  /**
   * Checks a password. Every failure answers the same (401 AUTH.INVALID_CREDENTIALS) and costs the same:
   * an unknown account name is verified against a dummy hash and leaves one AUTH.LOGIN_FAILED event
   * just as a wrong password does, so neither the answer nor its timing tells which accounts exist. A
   * deactivated account is answered the same unless the password is its right one: then 401
   * AUTH.ACCOUNT_DEACTIVATED says why (whoever knows the password knows the account exists). Nothing is locked here: LoginThrottle slows repeated failures down instead.
   */
  async login(usernameInput: string, password: string, context: RequestContext, now = this.clock.now()): Promise<TokenPair> {
    const username = usernameInput.trim().toLowerCase();
    // There is no actor before sign-in succeeds: the check itself is a system task.
    const outcome = await this.uow.run(systemScope('sign-in'), async (manager) => {
      const user = await manager.findOneBy(AppUser, { username });
      const usable = user !== null && user.active && user.passwordHash !== null;
      // A deactivated account's own hash is checked too (same cost): only its right password learns why.
      const hash = user?.passwordHash ?? null;
      const passwordOk = await argon2.verify(hash ?? (await unknownUserHash()), password).catch(() => false);
      if (user && hash !== null && !user.active && passwordOk) {
        await this.audit.record(manager, { action: 'AUTH.LOGIN_FAILED', outcome: 'FAILURE', actor: actorOf(user), correlationId: context.correlationId, details: { reason: 'inactive' } });
        return { error: AccessErrors.raise('AUTH.ACCOUNT_DEACTIVATED') };
      }
      if (!usable || !passwordOk) {
        // What was typed for an unknown account is not kept: people type passwords into that field.
        await this.audit.record(manager, {
          action: 'AUTH.LOGIN_FAILED',
          outcome: 'FAILURE',
          actor: user ? actorOf(user) : null,
          correlationId: context.correlationId,
          details: { reason: !user ? 'unknown_user' : !usable ? 'inactive' : 'wrong_password' },
        });
        return { error: AccessErrors.raise('AUTH.INVALID_CREDENTIALS') };
      }
      const pair = await this.issue(manager, user, randomUUID(), now);
      await this.audit.record(manager, {
        action: 'AUTH.LOGIN',
        actor: actorOf(user),
        correlationId: context.correlationId,
        ...(user.mustChangePassword ? { details: { passwordChangeRequired: true } } : {}),
      });
      return { pair };
    });
    // The failure is committed (audit) before it is reported.
    if ('error' in outcome) throw outcome.error;
    return outcome.pair;
  }

  /** Replaces a refresh token with a new one; a replaced token presented again revokes its family. */
  async refresh(token: string, context: RequestContext, now = this.clock.now()): Promise<TokenPair> {
    const outcome = await this.uow.run(systemScope('token refresh'), async (manager) => {
      const stored = await manager.findOne(RefreshToken, { where: { tokenHash: TokenService.hash(token) }, lock: { mode: 'pessimistic_write' } });
      if (!stored) return { error: AccessErrors.raise('AUTH.REFRESH_INVALID') };
      const user = await manager.findOneBy(AppUser, { id: stored.userId });
      if (stored.revokedAt) {
        await this.revokeFamily(manager, stored.familyId, now);
        await this.audit.record(manager, {
          action: 'AUTH.REFRESH_REUSED',
          outcome: 'DENIED',
          actor: user ? actorOf(user) : null,
          correlationId: context.correlationId,
        });
        return { error: AccessErrors.raise('AUTH.REFRESH_INVALID'), ended: stored.familyId };
      }
      if (stored.expiresAt <= now || !user || !user.active) return { error: AccessErrors.raise('AUTH.REFRESH_INVALID') };
      const pair = await this.issue(manager, user, stored.familyId, now, stored);
      return { pair };
    });
    if ('error' in outcome) {
      // Committed: the family's access tokens stop working in this process at once.
      if ('ended' in outcome && outcome.ended) this.sessions.ended(outcome.ended);
      throw outcome.error;
    }
    return outcome.pair;
  }

  /**
   * Ends the session the access token belongs to (and the one the refresh token names, if another of
   * the caller's): their refresh tokens are revoked and their access tokens refused from now on.
   */
  async logout(actor: Actor, sessionId: string, token: string | undefined, context: RequestContext, now = this.clock.now()): Promise<void> {
    const ended = await this.uow.run(actorScope(actor), async (manager) => {
      const stored = token === undefined ? null : await manager.findOneBy(RefreshToken, { tokenHash: TokenService.hash(token), userId: actor.userId });
      const families = [...new Set([sessionId, ...(stored ? [stored.familyId] : [])])];
      for (const family of families) await this.revokeFamily(manager, family, now, actor.userId);
      await this.audit.record(manager, { action: 'AUTH.LOGOUT', actor, correlationId: context.correlationId });
      return families;
    });
    for (const family of ended) this.sessions.ended(family);
  }

  /**
   * The signed-in user replaces their password: the current one must be right (400 naming currentPassword
   * if not, after the failure is audited), the new one must differ from it. Clears the flag that held the
   * session at the password change; every other session of the user ends (whoever knew the old password is
   * signed out). This session goes on: its next refresh carries an access token without the restriction.
   */
  async changePassword(actor: Actor, sessionId: string, currentPassword: string, newPassword: string, context: RequestContext, now = this.clock.now()): Promise<void> {
    if (newPassword === currentPassword) {
      throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path: 'newPassword', problem: 'newPassword must differ from the current password' }], 'The new password is the current one');
    }
    const newHash = await AuthService.hashPassword(newPassword);
    const outcome = await this.uow.run(actorScope(actor), async (manager) => {
      const user = await manager.findOne(AppUser, { where: { id: actor.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || !user.active) return { error: AccessErrors.raise('AUTH.TOKEN_INVALID') };
      const currentOk = user.passwordHash !== null && (await argon2.verify(user.passwordHash, currentPassword).catch(() => false));
      if (!currentOk) {
        await this.audit.record(manager, { action: 'AUTH.PASSWORD_CHANGE_FAILED', outcome: 'FAILURE', actor, correlationId: context.correlationId, details: { reason: 'wrong_password' } });
        return {
          error: PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path: 'currentPassword', problem: 'currentPassword is not your current password' }], 'The current password is wrong'),
        };
      }
      const wasRequired = user.mustChangePassword;
      await manager.update(AppUser, { id: user.id }, { passwordHash: newHash, mustChangePassword: false });
      const ended = await revokeOtherUserSessions(manager, user.id, sessionId, now);
      await this.audit.record(manager, {
        action: 'AUTH.PASSWORD_CHANGED',
        actor,
        correlationId: context.correlationId,
        details: { required: wasRequired, sessionsEnded: ended.length },
      });
      return { ended };
    });
    // The failure is committed (audit) before it is reported.
    if ('error' in outcome) throw outcome.error;
    for (const family of outcome.ended) this.sessions.ended(family);
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
      accessToken: this.tokens.issueAccessToken(actorOf(user), familyId, user.mustChangePassword),
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTokenSeconds,
      refreshToken: refresh.token,
      passwordChangeRequired: user.mustChangePassword,
    };
  }

  private async revokeFamily(manager: EntityManager, familyId: string, now: Date, userId?: string): Promise<void> {
    await revokeTokenFamily(manager, familyId, now, userId);
  }
}

import { Actor, PLATFORM_RUNTIME, PlatformRuntime, Role } from '@kivuko/platform';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AccessErrors } from './access.errors';

const ISSUER = 'kivuko';
const AUDIENCE = 'kivuko-api';
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AccessClaims {
  sub: string;
  usr: string;
  agy: string;
  rol: Role[];
  bps: string[];
  /** The session: the refresh-token family of the sign-in that issued it. */
  sid: string;
  /** Present (true) while the user must change their password: the token opens nothing else. */
  pwc?: true;
}

/** What a valid access token says: who is calling, within which session. */
export interface VerifiedAccess {
  actor: Actor;
  sessionId: string;
  /** Signed in with a password someone else chose: only the password change (and sign-out) is open. */
  passwordChangeRequired: boolean;
}

/**
 * Issues and verifies tokens. The only place a bearer token is turned into an Actor, so an OIDC
 * provider can replace local passwords by changing this class alone.
 */
@Injectable()
export class TokenService {
  /** Built once: given a string, jsonwebtoken would first try (and fail) to read it as a public key on every call. */
  private readonly key: KeyObject;

  constructor(@Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime) {
    this.key = createSecretKey(Buffer.from(runtime.secrets.jwtSecret, 'utf8'));
  }

  get accessTokenSeconds(): number {
    return this.runtime.config.auth.accessTokenSeconds;
  }

  issueAccessToken(actor: Actor, sessionId: string, passwordChangeRequired = false): string {
    const claims: AccessClaims = { sub: actor.userId, usr: actor.username, agy: actor.agencyId, rol: actor.roles, bps: actor.borderPointIds, sid: sessionId };
    if (passwordChangeRequired) claims.pwc = true;
    return jwt.sign(claims, this.key, {
      algorithm: 'HS256',
      expiresIn: this.accessTokenSeconds,
      issuer: ISSUER,
      audience: AUDIENCE,
    });
  }

  /**
   * Checks signature, issuer, audience and expiry. A token without `exp` would never expire, and one
   * without a session id could not be ended by logging out: neither is accepted, whoever signed it.
   */
  verifyAccessToken(token: string): VerifiedAccess {
    try {
      const claims = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      }) as Partial<AccessClaims> & { exp?: unknown };
      if (typeof claims.exp !== 'number') throw new Error('no expiry');
      if (typeof claims.sub !== 'string' || typeof claims.agy !== 'string' || !Array.isArray(claims.rol) || !SESSION_ID.test(String(claims.sid))) throw new Error('claims');
      return {
        actor: {
          userId: claims.sub,
          username: String(claims.usr),
          agencyId: claims.agy,
          roles: claims.rol,
          borderPointIds: Array.isArray(claims.bps) ? claims.bps : [],
        },
        sessionId: String(claims.sid).toLowerCase(),
        passwordChangeRequired: claims.pwc === true,
      };
    } catch {
      throw AccessErrors.raise('AUTH.TOKEN_INVALID');
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hash(token) };
  }

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}

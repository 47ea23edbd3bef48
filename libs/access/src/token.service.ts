import { Actor, PLATFORM_RUNTIME, PlatformRuntime, Role } from '@kivuko/platform';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AccessErrors } from './access.errors';

const ISSUER = 'kivuko';
const AUDIENCE = 'kivuko-api';

interface AccessClaims {
  sub: string;
  usr: string;
  agy: string;
  rol: Role[];
  bps: string[];
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

  issueAccessToken(actor: Actor): string {
    const claims: AccessClaims = { sub: actor.userId, usr: actor.username, agy: actor.agencyId, rol: actor.roles, bps: actor.borderPointIds };
    return jwt.sign(claims, this.key, {
      algorithm: 'HS256',
      expiresIn: this.accessTokenSeconds,
      issuer: ISSUER,
      audience: AUDIENCE,
    });
  }

  verifyAccessToken(token: string): Actor {
    try {
      const claims = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      }) as Partial<AccessClaims>;
      if (typeof claims.sub !== 'string' || typeof claims.agy !== 'string' || !Array.isArray(claims.rol)) throw new Error('claims');
      return {
        userId: claims.sub,
        username: String(claims.usr),
        agencyId: claims.agy,
        roles: claims.rol,
        borderPointIds: Array.isArray(claims.bps) ? claims.bps : [],
      };
    } catch {
      throw AccessErrors.tokenInvalid();
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

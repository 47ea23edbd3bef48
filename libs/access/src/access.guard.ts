import { AuditService } from '@kivuko/audit';
import { Permission, permissionsOf, PUBLIC_ROUTE, RequestWithActor, REQUIRED_PERMISSION } from '@kivuko/platform';
import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessErrors } from './access.errors';
import { SessionRegistry } from './session-registry';
import { TokenService } from './token.service';

const OPEN_DURING_PASSWORD_CHANGE = 'kivuko:open-during-password-change';

/**
 * A route a session that must first change its password may still use (the change itself, sign-out, who
 * you are). Every other route answers 403 AUTH.PASSWORD_CHANGE_REQUIRED to such a session.
 */
export const OpenDuringPasswordChange = (): MethodDecorator => SetMetadata(OPEN_DURING_PASSWORD_CHANGE, true);

/** A request that passed the guard also knows the session its token belongs to. */
export type RequestWithSession = RequestWithActor & { sessionId?: string };

/**
 * Deny by default: a route is open only if it says @Public(); otherwise it needs a valid bearer token
 * and the permission it declares with @RequirePermission(). A route that declares neither is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionRegistry,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (!permission) throw AccessErrors.raise('ACCESS.ROUTE_UNDECLARED');

    const request = context.switchToHttp().getRequest<RequestWithActor & { headers: Record<string, string | undefined> }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw AccessErrors.raise('AUTH.TOKEN_MISSING');
    const { actor, sessionId, passwordChangeRequired } = this.tokens.verifyAccessToken(match[1]);
    // A token outlives its session only until the session is seen ended (see SESSION_CACHE_MS).
    if (!(await this.sessions.isActive(sessionId))) throw AccessErrors.raise('AUTH.TOKEN_INVALID');
    if (passwordChangeRequired && !this.reflector.get<boolean | undefined>(OPEN_DURING_PASSWORD_CHANGE, context.getHandler())) {
      throw AccessErrors.raise('AUTH.PASSWORD_CHANGE_REQUIRED');
    }
    if (!permissionsOf(actor.roles).has(permission)) {
      await this.audit.recordStandalone({
        action: 'ACCESS.DENIED',
        outcome: 'DENIED',
        actor,
        correlationId: request.id ? String(request.id) : undefined,
        details: { permission, handler: `${context.getClass().name}.${context.getHandler().name}` },
      });
      throw AccessErrors.raise('ACCESS.FORBIDDEN', `This needs the ${permission} permission`);
    }
    request.actor = actor;
    (request as RequestWithSession).sessionId = sessionId;
    return true;
  }
}

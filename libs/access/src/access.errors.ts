import { DomainError } from '@kivuko/platform';

export const AccessErrors = {
  invalidCredentials: () => new DomainError('AUTH.INVALID_CREDENTIALS', 'UNAUTHENTICATED', 'The username or password is wrong'),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new DomainError('AUTH.TOO_MANY_ATTEMPTS', 'TOO_MANY', `Too many sign-in attempts; try again in ${retryAfterSeconds} s`, { retryAfterSeconds }),
  tokenMissing: () => new DomainError('AUTH.TOKEN_MISSING', 'UNAUTHENTICATED', 'This route needs a bearer access token'),
  tokenInvalid: () => new DomainError('AUTH.TOKEN_INVALID', 'UNAUTHENTICATED', 'The access token is invalid or expired'),
  refreshInvalid: () => new DomainError('AUTH.REFRESH_INVALID', 'UNAUTHENTICATED', 'The refresh token is invalid, expired or revoked'),
  forbidden: (permission: string) => new DomainError('ACCESS.FORBIDDEN', 'FORBIDDEN', `This needs the ${permission} permission`),
  undeclared: () => new DomainError('ACCESS.ROUTE_UNDECLARED', 'FORBIDDEN', 'This route declares no permission and is refused'),
};

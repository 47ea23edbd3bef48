import { defineErrors } from '@kivuko/platform';

/** The refusals of sign-in, tokens, permissions and the reference data (border points, agencies, users). */
export const AccessErrors = defineErrors('access', {
  'AUTH.INVALID_CREDENTIALS': { kind: 'UNAUTHENTICATED', message: 'The username or password is wrong' },
  'AUTH.TOO_MANY_ATTEMPTS': { kind: 'TOO_MANY', message: 'Too many sign-in attempts; try again later' },
  'AUTH.TOKEN_MISSING': { kind: 'UNAUTHENTICATED', message: 'This route needs a bearer access token' },
  'AUTH.TOKEN_INVALID': { kind: 'UNAUTHENTICATED', message: 'The access token is invalid or expired' },
  'AUTH.REFRESH_INVALID': { kind: 'UNAUTHENTICATED', message: 'The refresh token is invalid, expired or revoked' },
  // Said only to someone who typed the account's right password: it tells nobody else that the account exists.
  'AUTH.ACCOUNT_DEACTIVATED': { kind: 'UNAUTHENTICATED', message: 'This account has been deactivated; ask your system administrator' },
  'AUTH.PASSWORD_CHANGE_REQUIRED': { kind: 'FORBIDDEN', message: 'Choose a new password first: this session may only change the password or sign out' },
  'ACCESS.FORBIDDEN': { kind: 'FORBIDDEN', message: 'Your roles do not carry the permission this needs' },
  'ACCESS.ROUTE_UNDECLARED': { kind: 'FORBIDDEN', message: 'This route declares no permission and is refused' },
  'ACCESS.USER_NOT_FOUND': { kind: 'NOT_FOUND', message: 'The signed-in user no longer exists' },
  'REFERENCE.BORDER_POINT_EXISTS': { kind: 'CONFLICT', message: 'A border point with this code exists already' },
  'REFERENCE.AGENCY_EXISTS': { kind: 'CONFLICT', message: 'An agency with this name exists already' },
  'REFERENCE.USERNAME_TAKEN': { kind: 'CONFLICT', message: 'The username is taken' },
  'REFERENCE.USER_NOT_FOUND': { kind: 'NOT_FOUND', message: 'No user has this id' },
  // The referrals context declares REFERENCE.AGENCY_NOT_FOUND for its own routes; a code is declared once.
  'REFERENCE.AGENCY_UNKNOWN': { kind: 'NOT_FOUND', message: 'No agency has this id' },
  'REFERENCE.BORDER_POINT_NOT_FOUND': { kind: 'NOT_FOUND', message: 'No border point has this id' },
  'REFERENCE.SELF_DEACTIVATION': { kind: 'CONFLICT', message: 'You cannot deactivate your own account' },
  'REFERENCE.USER_INACTIVE': { kind: 'CONFLICT', message: 'This account is deactivated already' },
  'REFERENCE.USER_ACTIVE': { kind: 'CONFLICT', message: 'This account is active already' },
});

export type AccessErrorCode = keyof typeof AccessErrors.specs;

/** The 429 of the sign-in throttle: how long to wait, in the message and in `details`. */
export function tooManyAttempts(retryAfterSeconds: number) {
  return AccessErrors.raise('AUTH.TOO_MANY_ATTEMPTS', `Too many sign-in attempts; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
}

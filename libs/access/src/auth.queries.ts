import { EntityManager } from 'typeorm';

/** The SQL of sign-in sessions: a session is a family of refresh tokens. */

/** Revokes the family's live refresh tokens; with a user id, only when the family is that user's. */
export async function revokeTokenFamily(manager: EntityManager, familyId: string, now: Date, userId?: string): Promise<void> {
  if (userId) {
    await manager.query('UPDATE refresh_token SET revoked_at = $2 WHERE family_id = $1 AND user_id = $3 AND revoked_at IS NULL', [familyId, now, userId]);
  } else {
    await manager.query('UPDATE refresh_token SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [familyId, now]);
  }
}

/** A session is open while its family holds a refresh token that is not revoked. */
export async function isSessionActive(manager: EntityManager, sessionId: string): Promise<boolean> {
  const rows = await manager.query<{ active: boolean }[]>(
    'SELECT EXISTS (SELECT 1 FROM refresh_token WHERE family_id = $1 AND revoked_at IS NULL) AS active',
    [sessionId],
  );
  return rows[0]?.active === true;
}

/** Revokes every live refresh token of the user; the sessions (families) that were open. */
export async function revokeUserSessions(manager: EntityManager, userId: string, now: Date): Promise<string[]> {
  const rows = await manager.query<[{ family_id: string }[], number]>(
    'UPDATE refresh_token SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING family_id',
    [userId, now],
  );
  return [...new Set(rows[0].map((r) => r.family_id))];
}

/** Revokes every live refresh token of the user but those of one session; the sessions (families) ended. */
export async function revokeOtherUserSessions(manager: EntityManager, userId: string, keepSessionId: string, now: Date): Promise<string[]> {
  const rows = await manager.query<[{ family_id: string }[], number]>(
    'UPDATE refresh_token SET revoked_at = $2 WHERE user_id = $1 AND family_id <> $3 AND revoked_at IS NULL RETURNING family_id',
    [userId, now, keepSessionId],
  );
  return [...new Set(rows[0].map((r) => r.family_id))];
}

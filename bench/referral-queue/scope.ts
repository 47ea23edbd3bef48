/**
 * The benchmark's users as the api's actors, and their row-level-security scope set transaction-locally as
 * the UnitOfWork's `applyScope` sets it.
 */
import type { Actor, Role } from '../../libs/platform/src';
import { BenchDatabase, withClient } from '../support/support';

export const SCOPE_SQL = `SELECT set_config(name, value, true) FROM unnest($1::text[], $2::text[]) AS s(name, value)`;

export function scopeOf(actor: Actor): [string[], string[]] {
  return [
    ['kivuko.scope', 'kivuko.user_id', 'kivuko.agency_id', 'kivuko.border_point_ids', 'kivuko.roles'],
    ['actor', actor.userId, actor.agencyId, actor.borderPointIds.join(','), actor.roles.join(',')],
  ];
}

export async function actorsOf(db: BenchDatabase, usernames: string[]): Promise<Map<string, Actor>> {
  return withClient(db.url, async (c) => {
    const { rows } = await c.query<{ id: string; username: string; agency_id: string; roles: string[]; border_point_ids: string[] }>(
      `SELECT id, username, agency_id, roles, border_point_ids FROM app_user WHERE username = ANY ($1::text[])`,
      [usernames],
    );
    return new Map(rows.map((u) => [u.username, { userId: u.id, username: u.username, agencyId: u.agency_id, roles: u.roles as Role[], borderPointIds: u.border_point_ids }]));
  });
}

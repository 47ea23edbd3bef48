import { AgencyKind } from '@kivuko/access';
import { EntityManager } from 'typeorm';

/** The kind of the caller's agency, which decides the field groups it may see. */
export async function agencyKindOf(manager: EntityManager, agencyId: string): Promise<AgencyKind> {
  const [agency] = await manager.query<{ kind: AgencyKind }[]>(`SELECT kind FROM agency WHERE id = $1`, [agencyId]);
  if (!agency) throw new Error(`agency ${agencyId} of an authenticated actor does not exist`);
  return agency.kind;
}

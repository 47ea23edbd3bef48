import { allowedGroups, FieldGroup } from '@kivuko/access';
import { Actor } from '@kivuko/platform';
import { EntityManager } from 'typeorm';
import { agencyKindOf } from './agency-kind.queries';
import { CasePolicy } from './case-policy';
import { consentedGroups } from './consent/consent.service';

/** The field groups a reader's agency may see on this case: the SOP's sharing map for its kind, and the case's consents. */
export async function readableGroups(manager: EntityManager, policy: CasePolicy, actor: Actor, caseId: string): Promise<Set<FieldGroup>> {
  const kind = await agencyKindOf(manager, actor.agencyId);
  const { sharing } = await policy.forCase(manager, caseId);
  return allowedGroups(sharing, kind, { consentFor: await consentedGroups(manager, caseId, actor.agencyId, kind) });
}

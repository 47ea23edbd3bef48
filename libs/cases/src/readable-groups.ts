import { allowedGroups, FieldGroup, withheldReason, WithheldReason } from '@kivuko/access';
import { Actor } from '@kivuko/platform';
import { EntityManager } from 'typeorm';
import { agencyKindOf } from './agency-kind.queries';
import { CasePolicy } from './case-policy';
import { consentedGroups } from './consent/consent.service';

/** The field groups a reader's agency may see on this case: the SOP's sharing map for its kind, and the case's consents. */
export async function readableGroups(manager: EntityManager, policy: CasePolicy, actor: Actor, caseId: string): Promise<Set<FieldGroup>> {
  return (await readingRights(manager, policy, actor, caseId)).allowed;
}

/** The groups the reader's agency may see, and for any other group why it may not (consent missing, or not in the SOP's sharing map). */
export async function readingRights(
  manager: EntityManager,
  policy: CasePolicy,
  actor: Actor,
  caseId: string,
): Promise<{ allowed: Set<FieldGroup>; whyWithheld: (group: FieldGroup) => WithheldReason }> {
  const kind = await agencyKindOf(manager, actor.agencyId);
  const { sharing } = await policy.forCase(manager, caseId);
  const allowed = allowedGroups(sharing, kind, { consentFor: await consentedGroups(manager, caseId, actor.agencyId, kind) });
  return { allowed, whyWithheld: (group) => withheldReason(sharing, kind, group) };
}

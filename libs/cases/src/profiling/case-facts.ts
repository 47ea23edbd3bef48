import { FieldCipher } from '@kivuko/platform';
import { Answers, CaseFacts, CompanionRelationship, Sex } from '@kivuko/profiling';
import { EntityManager } from 'typeorm';
import { sectionContext } from '../person-record';
import * as q from './case-facts.queries';

export { ASYLUM_WISH_STANDS_SQL } from './case-facts.queries';

/** What a companion who made the claim is to this person, read from the other side ("she says he is her CHILD": she is his MOTHER). */
export function inverseRelationship(claimed: CompanionRelationship, claimantSex: Sex): CompanionRelationship {
  switch (claimed) {
    case 'MOTHER':
    case 'FATHER':
      return 'CHILD';
    case 'CHILD':
      return claimantSex === 'FEMALE' ? 'MOTHER' : claimantSex === 'MALE' ? 'FATHER' : 'OTHER_RELATIVE';
    case 'GRANDPARENT':
      return 'GRANDCHILD';
    case 'GRANDCHILD':
      return 'GRANDPARENT';
    case 'UNCLE_OR_AUNT':
      return 'NEPHEW_OR_NIECE';
    case 'NEPHEW_OR_NIECE':
      return 'UNCLE_OR_AUNT';
    // The claimant is in this person's care: nothing about who cares for this person.
    case 'LEGAL_GUARDIAN':
    case 'CUSTOMARY_CAREGIVER':
      return 'UNKNOWN';
    default:
      return claimed;
  }
}

/**
 * A case's facts as the profiling engine takes them, read in the caller's transaction. Every answer
 * counts, the sensitive ones too (decrypted here, on the server, never returned by this path).
 */
export async function loadCaseFacts(manager: EntityManager, cipher: FieldCipher, caseId: string): Promise<CaseFacts> {
  const row = await q.factsRow(manager, caseId);
  if (!row) throw new Error(`case ${caseId} is not visible to the profiling run`);

  const sections = await q.answerSections(manager, caseId);
  const answers: Answers = {};
  for (const section of sections) {
    const value = section.ciphertext
      ? (JSON.parse(cipher.decrypt(section.ciphertext, sectionContext(caseId, section.field_group))) as { answers?: Answers })
      : section.content;
    Object.assign(answers, value?.answers ?? {});
  }

  const companions = await q.companionFacts(manager, caseId);

  // The latest completed age assessment decides minority over the stated age (its lowest age counts).
  const assessed = await q.latestAgeAssessment(manager, caseId);

  return {
    ...(assessed ? { assessments: { age: { minAge: assessed.minimum_age, maxAge: assessed.maximum_age, assessedOn: assessed.completed_on } } } : {}),
    person: {
      sex: row.sex,
      ...(row.date_of_birth ? { dateOfBirth: row.date_of_birth, dateOfBirthEstimated: row.date_of_birth_estimated } : {}),
      ...(row.stated_age !== null ? { statedAge: row.stated_age } : {}),
      nationalities: row.nationalities,
      ...(row.area_of_origin_code ? { areaOfOriginCode: row.area_of_origin_code } : {}),
      ...(row.documents_held_by_other !== null ? { documentsHeldByOther: row.documents_held_by_other } : {}),
    },
    arrival: {
      arrivedAt: row.arrived_at.toISOString(),
      mode: row.arrival_mode,
      ...(row.arrival_how ? { how: row.arrival_how } : {}),
      ...(row.smuggler_used !== null ? { smugglerUsed: row.smuggler_used } : {}),
      companions: companions.map((c) => ({
        relationship: c.claimed_by_this ? c.relationship : inverseRelationship(c.relationship, c.claimant_sex ?? 'UNKNOWN'),
        // Not checked yet is "absent"; false means checked and not verified.
        ...(c.verified_at ? { verified: c.verified } : {}),
      })),
    },
    // A wish once recorded stands until the person withdraws it: completing a mass-arrival record clears its
    // flags, and a correction may leave the answer out, but the wish stays (as the flag the arrival recorded).
    urgentNeeds: row.asylum_wish_standing && !row.urgent_needs.includes('ASYLUM_WISH') ? [...row.urgent_needs, 'ASYLUM_WISH'] : row.urgent_needs,
    answers,
  };
}

import { FieldCipher } from '@kivuko/platform';
import { Answers, CaseFacts, CompanionRelationship, Sex, UrgentNeed } from '@kivuko/profiling';
import { EntityManager } from 'typeorm';
import { sectionContext } from '../person-record';

/**
 * SQL, for a `case_file` row aliased `c`: a wish is recorded and no withdrawal was recorded at or after the
 * time it was last recorded. A withdrawal ends only the wish recorded before it; a wish expressed again
 * afterwards stands until the person withdraws that one too.
 */
export const ASYLUM_WISH_STANDS_SQL = `c.asylum_wish_recorded_at IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM asylum_wish_withdrawal w WHERE w.case_id = c.id AND w.created_at >= c.asylum_wish_recorded_at)`;

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

interface FactsRow {
  arrived_at: Date;
  arrival_mode: 'LAND' | 'SEA' | 'AIR';
  arrival_how: CaseFacts['arrival']['how'] | null;
  smuggler_used: boolean | null;
  urgent_needs: UrgentNeed[];
  sex: Sex;
  date_of_birth: string | null;
  date_of_birth_estimated: boolean;
  stated_age: number | null;
  nationalities: string[];
  area_of_origin_code: string | null;
  documents_held_by_other: boolean | null;
  asylum_wish_standing: boolean;
}

/**
 * A case's facts as the profiling engine takes them, read in the caller's transaction. Every answer
 * counts, the sensitive ones too (decrypted here, on the server, never returned by this path).
 */
export async function loadCaseFacts(manager: EntityManager, cipher: FieldCipher, caseId: string): Promise<CaseFacts> {
  const [row] = await manager.query<FactsRow[]>(
    `SELECT c.arrived_at, c.arrival_mode, c.arrival_how, c.smuggler_used, c.urgent_needs, p.sex,
            to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.date_of_birth_estimated, p.stated_age, p.nationalities,
            p.area_of_origin_code, p.documents_held_by_other,
            ${ASYLUM_WISH_STANDS_SQL} AS asylum_wish_standing
     FROM case_file c JOIN person p ON p.case_id = c.id WHERE c.id = $1`,
    [caseId],
  );
  if (!row) throw new Error(`case ${caseId} is not visible to the profiling run`);

  const sections = await manager.query<{ field_group: string; content: { answers?: Answers } | null; ciphertext: string | null }[]>(
    `SELECT field_group, content, ciphertext FROM case_section WHERE case_id = $1 AND field_group <> 'ARRIVAL'`,
    [caseId],
  );
  const answers: Answers = {};
  for (const section of sections) {
    const value = section.ciphertext
      ? (JSON.parse(cipher.decrypt(section.ciphertext, sectionContext(caseId, section.field_group))) as { answers?: Answers })
      : section.content;
    Object.assign(answers, value?.answers ?? {});
  }

  const companions = await manager.query<{ claimed_by_this: boolean; relationship: CompanionRelationship; verified: boolean; verified_at: Date | null; claimant_sex: Sex | null }[]>(
    `SELECT cc.case_id = $1 AS claimed_by_this, cc.relationship, cc.verified, cc.verified_at,
            (SELECT p.sex FROM person p WHERE p.case_id = cc.case_id) AS claimant_sex
     FROM case_companion cc WHERE cc.case_id = $1 OR cc.companion_case_id = $1`,
    [caseId],
  );

  // The latest completed age assessment decides minority over the stated age (its lowest age counts).
  const [assessed] = await manager.query<{ minimum_age: number; maximum_age: number; completed_on: string }[]>(
    `SELECT minimum_age, maximum_age, to_char(completed_on, 'YYYY-MM-DD') AS completed_on FROM age_assessment
     WHERE case_id = $1 AND completed_on IS NOT NULL ORDER BY completed_on DESC, created_at DESC LIMIT 1`,
    [caseId],
  );

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

import { normaliseDocumentNumber, normaliseName, PersonFacts } from '@kivuko/matching';
import { FieldCipher } from '@kivuko/platform';
import { EntityManager } from 'typeorm';
import { PersonIntakeDto } from './dto/intake.dto';
import { CheckedScreening } from './intake-checks';
import { AnswerGroup, Answers, answersByGroup } from './screening/questionnaire';

/** Field groups whose content is stored only as ciphertext. */
export const ENCRYPTED_GROUPS: readonly string[] = ['ASYLUM', 'TRAFFICKING', 'HEALTH', 'SGBV', 'TORTURE'];

/** The authenticated-encryption context of a case section: a ciphertext moved to another row does not decrypt. */
export const sectionContext = (caseId: string, group: string): string => `case_section:${caseId}:${group}`;

/** The person's names as they are searched: the full name first, then the other names and spellings. */
export function namesOf(person: Pick<PersonIntakeDto, 'givenName' | 'familyName' | 'otherNames'>): string[] {
  const full = [person.givenName, person.familyName].filter((part): part is string => Boolean(part)).join(' ');
  return [full, ...(person.otherNames ?? [])].filter((name) => name.trim().length > 0);
}

/** What the duplicate search compares. A stated age stands in as an estimated mid-year date of birth. */
export function matchFactsOf(person: PersonIntakeDto, arrivedAt: Date): PersonFacts {
  const dateOfBirth = person.dateOfBirth
    ? { date: person.dateOfBirth, estimated: person.dateOfBirthEstimated ?? false }
    : person.statedAge !== undefined
      ? { date: `${String(arrivedAt.getUTCFullYear() - person.statedAge).padStart(4, '0')}-07-01`, estimated: true }
      : undefined;
  return {
    names: namesOf(person),
    dateOfBirth,
    nationalities: person.nationalities,
    documentNumbers: (person.documents ?? []).map((d) => ({ kind: d.kind, number: d.number, country: d.issuingCountry })),
  };
}

/** The person's columns, in the order the statements below name them. */
function personValues(person: PersonIntakeDto): unknown[] {
  return [
    person.givenName ?? null,
    person.familyName ?? null,
    person.otherNames ?? [],
    person.description ?? null,
    person.sex,
    person.dateOfBirth ?? null,
    person.dateOfBirth ? (person.dateOfBirthEstimated ?? false) : false,
    person.statedAge ?? null,
    person.nationalities,
    person.areaOfOrigin?.name ?? null,
    person.areaOfOrigin?.code ?? null,
    person.languages ?? [],
    person.interpreter?.needed ?? null,
    person.interpreter?.sex ?? null,
    person.documentsHeldByOther ?? null,
  ];
}

/** Inserts the person of a case with their searchable names and documents. */
export async function insertPerson(manager: EntityManager, caseId: string, identityId: string, person: PersonIntakeDto): Promise<void> {
  await manager.query(
    `INSERT INTO person (case_id, identity_id, given_name, family_name, other_names, description, sex, date_of_birth,
       date_of_birth_estimated, stated_age, nationalities, area_of_origin, area_of_origin_code, languages, interpreter_needed,
       interpreter_sex, documents_held_by_other)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11::text[], $12, $13, $14::text[], $15, $16, $17)`,
    [caseId, identityId, ...personValues(person)],
  );
  await insertSearchables(manager, caseId, person);
}

/** Replaces the person's record (completing or correcting an intake); their identity link is kept. */
export async function replacePerson(manager: EntityManager, caseId: string, person: PersonIntakeDto): Promise<void> {
  await manager.query(
    `UPDATE person SET given_name = $2, family_name = $3, other_names = $4::text[], description = $5, sex = $6, date_of_birth = $7,
       date_of_birth_estimated = $8, stated_age = $9, nationalities = $10::text[], area_of_origin = $11, area_of_origin_code = $12,
       languages = $13::text[], interpreter_needed = $14, interpreter_sex = $15, documents_held_by_other = $16
     WHERE case_id = $1`,
    [caseId, ...personValues(person)],
  );
  await manager.query(`DELETE FROM person_name WHERE case_id = $1`, [caseId]);
  await manager.query(`DELETE FROM person_document WHERE case_id = $1`, [caseId]);
  await insertSearchables(manager, caseId, person);
}

async function insertSearchables(manager: EntityManager, caseId: string, person: PersonIntakeDto): Promise<void> {
  const names = [...new Set(namesOf(person).map(normaliseName).filter((name) => name.length > 0))];
  if (names.length > 0) {
    await manager.query(
      `INSERT INTO person_name (case_id, position, name_normalised)
       SELECT $1, n.position - 1, n.name FROM unnest($2::text[]) WITH ORDINALITY AS n(name, position)`,
      [caseId, names],
    );
  }
  const documents = person.documents ?? [];
  if (documents.length > 0) {
    await manager.query(
      `INSERT INTO person_document (case_id, position, kind, number, number_normalised, issuing_country, expires_on)
       SELECT $1, d.position - 1, d.kind, d.number, d.normalised, d.country, d.expires::date
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS d(kind, number, normalised, country, expires, position)`,
      [
        caseId,
        documents.map((d) => d.kind),
        documents.map((d) => d.number),
        documents.map((d) => normaliseDocumentNumber(d.number)),
        documents.map((d) => d.issuingCountry),
        documents.map((d) => d.expiresOn ?? null),
      ],
    );
  }
}

/**
 * The case's sections from the intake: ARRIVAL holds the information given, the answer groups hold
 * their answers. Sensitive groups are encrypted here, before anything reaches the database.
 */
export function sectionsOf(
  caseId: string,
  person: PersonIntakeDto,
  screening: CheckedScreening | undefined,
  cipher: FieldCipher,
): { group: string; content: string | null; ciphertext: string | null }[] {
  const sections: { group: string; value: unknown }[] = [];
  if (person.informationGiven) sections.push({ group: 'ARRIVAL', value: { informationGiven: person.informationGiven } });
  if (person.screening && screening) {
    const groups: Map<AnswerGroup, Answers> = answersByGroup(screening.byId, person.screening.answers as Answers);
    for (const [group, answers] of groups) {
      sections.push({ group, value: { questionnaire: `${screening.code}@${screening.version}`, answers } });
    }
  }
  return sections.map(({ group, value }) => {
    const json = JSON.stringify(value);
    return ENCRYPTED_GROUPS.includes(group)
      ? { group, content: null, ciphertext: cipher.encrypt(json, sectionContext(caseId, group)) }
      : { group, content: json, ciphertext: null };
  });
}

/** Writes the sections, replacing earlier ones of the same groups; `replaceAll` first removes every answer section. */
export async function writeSections(
  manager: EntityManager,
  caseId: string,
  sections: { group: string; content: string | null; ciphertext: string | null }[],
  replaceAll = false,
): Promise<void> {
  if (replaceAll) await manager.query(`DELETE FROM case_section WHERE case_id = $1`, [caseId]);
  if (sections.length === 0) return;
  await manager.query(
    `INSERT INTO case_section (case_id, field_group, content, ciphertext)
     SELECT $1, s.field_group, s.content::jsonb, s.ciphertext FROM unnest($2::text[], $3::text[], $4::text[]) AS s(field_group, content, ciphertext)
     ON CONFLICT (case_id, field_group) DO UPDATE SET content = EXCLUDED.content, ciphertext = EXCLUDED.ciphertext, updated_at = now()`,
    [caseId, sections.map((s) => s.group), sections.map((s) => s.content), sections.map((s) => s.ciphertext)],
  );
}

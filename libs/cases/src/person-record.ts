import { normaliseDocumentNumber, normaliseName, PersonFacts } from '@kivuko/matching';
import { FieldCipher } from '@kivuko/platform';
import { EntityManager } from 'typeorm';
import { PersonIntakeDto } from './dto/intake.dto';
import { CheckedScreening } from './intake-checks';
import * as q from './person-record.queries';
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
  await q.insertPersonRow(manager, caseId, identityId, personValues(person));
  await insertSearchables(manager, caseId, person);
}

/** Replaces the person's record (completing or correcting an intake); their identity link is kept. */
export async function replacePerson(manager: EntityManager, caseId: string, person: PersonIntakeDto): Promise<void> {
  await q.updatePersonRow(manager, caseId, personValues(person));
  await q.deleteSearchables(manager, caseId);
  await insertSearchables(manager, caseId, person);
}

async function insertSearchables(manager: EntityManager, caseId: string, person: PersonIntakeDto): Promise<void> {
  const names = [...new Set(namesOf(person).map(normaliseName).filter((name) => name.length > 0))];
  if (names.length > 0) {
    await q.insertNames(manager, caseId, names);
  }
  const documents = person.documents ?? [];
  if (documents.length > 0) {
    await q.insertDocuments(
      manager,
      caseId,
      documents.map((d) => ({ kind: d.kind, number: d.number, normalised: normaliseDocumentNumber(d.number), country: d.issuingCountry, expiresOn: d.expiresOn ?? null })),
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
  if (replaceAll) await q.deleteSections(manager, caseId);
  if (sections.length === 0) return;
  await q.upsertSections(manager, caseId, sections);
}

import { EntityManager } from 'typeorm';

/** The SQL of a case's person record, their searchable names and documents, and the case's sections. */

export async function insertPersonRow(manager: EntityManager, caseId: string, identityId: string, values: unknown[]): Promise<void> {
  await manager.query(
    `INSERT INTO person (case_id, identity_id, given_name, family_name, other_names, description, sex, date_of_birth,
       date_of_birth_estimated, stated_age, nationalities, area_of_origin, area_of_origin_code, languages, interpreter_needed,
       interpreter_sex, documents_held_by_other)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11::text[], $12, $13, $14::text[], $15, $16, $17)`,
    [caseId, identityId, ...values],
  );
}

export async function updatePersonRow(manager: EntityManager, caseId: string, values: unknown[]): Promise<void> {
  await manager.query(
    `UPDATE person SET given_name = $2, family_name = $3, other_names = $4::text[], description = $5, sex = $6, date_of_birth = $7,
       date_of_birth_estimated = $8, stated_age = $9, nationalities = $10::text[], area_of_origin = $11, area_of_origin_code = $12,
       languages = $13::text[], interpreter_needed = $14, interpreter_sex = $15, documents_held_by_other = $16
     WHERE case_id = $1`,
    [caseId, ...values],
  );
}

export async function deleteSearchables(manager: EntityManager, caseId: string): Promise<void> {
  await manager.query(`DELETE FROM person_name WHERE case_id = $1`, [caseId]);
  await manager.query(`DELETE FROM person_document WHERE case_id = $1`, [caseId]);
}

/** The person's normalised names, in order. */
export async function insertNames(manager: EntityManager, caseId: string, names: readonly string[]): Promise<void> {
  await manager.query(
    `INSERT INTO person_name (case_id, position, name_normalised)
       SELECT $1, n.position - 1, n.name FROM unnest($2::text[]) WITH ORDINALITY AS n(name, position)`,
    [caseId, names],
  );
}

export interface DocumentRow {
  kind: string;
  number: string;
  normalised: string;
  country: string;
  expiresOn: string | null;
}

/** The person's documents, in order. */
export async function insertDocuments(manager: EntityManager, caseId: string, documents: readonly DocumentRow[]): Promise<void> {
  await manager.query(
    `INSERT INTO person_document (case_id, position, kind, number, number_normalised, issuing_country, expires_on)
       SELECT $1, d.position - 1, d.kind, d.number, d.normalised, d.country, d.expires::date
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS d(kind, number, normalised, country, expires, position)`,
    [
      caseId,
      documents.map((d) => d.kind),
      documents.map((d) => d.number),
      documents.map((d) => d.normalised),
      documents.map((d) => d.country),
      documents.map((d) => d.expiresOn),
    ],
  );
}

export async function deleteSections(manager: EntityManager, caseId: string): Promise<void> {
  await manager.query(`DELETE FROM case_section WHERE case_id = $1`, [caseId]);
}

/** Writes sections, replacing earlier ones of the same groups. */
export async function upsertSections(manager: EntityManager, caseId: string, sections: readonly { group: string; content: string | null; ciphertext: string | null }[]): Promise<void> {
  await manager.query(
    `INSERT INTO case_section (case_id, field_group, content, ciphertext)
     SELECT $1, s.field_group, s.content::jsonb, s.ciphertext FROM unnest($2::text[], $3::text[], $4::text[]) AS s(field_group, content, ciphertext)
     ON CONFLICT (case_id, field_group) DO UPDATE SET content = EXCLUDED.content, ciphertext = EXCLUDED.ciphertext, updated_at = now()`,
    [caseId, sections.map((s) => s.group), sections.map((s) => s.content), sections.map((s) => s.ciphertext)],
  );
}

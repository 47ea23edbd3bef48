import { FieldGroup } from '@kivuko/access';
import { EntityManager } from 'typeorm';
import { NoteSensitivity } from './casework.dto';

/** The SQL of casework: each query a function of the transaction's manager and typed parameters. */

export function caseBorderPoint(manager: EntityManager, id: string): Promise<{ border_point_id: string }[]> {
  return manager.query<{ border_point_id: string }[]>(`SELECT border_point_id FROM case_file WHERE id = $1`, [id]);
}

export async function insertNote(manager: EntityManager, id: string, caseId: string, authorUserId: string, authorAgencyId: string, sensitivity: NoteSensitivity, fieldGroup: FieldGroup | null, body: string | null, bodyCiphertext: string | null): Promise<void> {
  await manager.query(
    `INSERT INTO case_note (id, case_id, author_user_id, author_agency_id, sensitivity, field_group, body, body_ciphertext) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, caseId, authorUserId, authorAgencyId, sensitivity, fieldGroup, body, bodyCiphertext],
  );
}

export function notesOfCase(manager: EntityManager, caseId: string): Promise<{ id: string; sensitivity: NoteSensitivity; field_group: FieldGroup | null; body: string | null; body_ciphertext: string | null; author_user_id: string; author_agency_id: string; created_at: Date }[]> {
  return manager.query<{ id: string; sensitivity: NoteSensitivity; field_group: FieldGroup | null; body: string | null; body_ciphertext: string | null; author_user_id: string; author_agency_id: string; created_at: Date }[]>(
    `SELECT id, sensitivity, field_group, body, body_ciphertext, author_user_id, author_agency_id, created_at FROM case_note WHERE case_id = $1 ORDER BY created_at, id`,
    [caseId],
  );
}

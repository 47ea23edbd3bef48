import { EntityManager } from 'typeorm';

/** The SQL of re-encrypting the case sections' ciphertexts under the active key. */

/** How many ciphertexts name another key than this one. */
export async function pendingCount(manager: EntityManager, activeKeyId: string): Promise<number> {
  const [{ n }] = await manager.query<{ n: string }[]>(`SELECT count(*) AS n FROM case_section WHERE ciphertext IS NOT NULL AND split_part(ciphertext, '.', 2) <> $1`, [
    activeKeyId,
  ]);
  return Number(n);
}

/** A batch of ciphertexts naming another key, locked (rows another run holds are skipped). */
export function lockStaleSections(manager: EntityManager, activeKeyId: string, limit: number): Promise<{ case_id: string; field_group: string; ciphertext: string }[]> {
  return manager.query<{ case_id: string; field_group: string; ciphertext: string }[]>(
    `SELECT case_id, field_group, ciphertext FROM case_section
           WHERE ciphertext IS NOT NULL AND split_part(ciphertext, '.', 2) <> $1
           ORDER BY case_id, field_group LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [activeKeyId, limit],
  );
}

export async function updateCiphertexts(manager: EntityManager, rows: readonly { caseId: string; fieldGroup: string; ciphertext: string }[]): Promise<void> {
  await manager.query(
    `UPDATE case_section s SET ciphertext = r.ciphertext
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS r(case_id, field_group, ciphertext)
           WHERE s.case_id = r.case_id AND s.field_group = r.field_group`,
    [rows.map((r) => r.caseId), rows.map((r) => r.fieldGroup), rows.map((r) => r.ciphertext)],
  );
}

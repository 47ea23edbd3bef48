import { EntityManager } from 'typeorm';

/** The SQL of asylum wish: each query a function of the transaction's manager and typed parameters. */

export const ASYLUM_WISH_WITHDRAWAL_COLUMNS = `id, to_char(withdrawn_on, 'YYYY-MM-DD') AS withdrawn_on, interpreter_used, language, agency_id, created_at`;

export interface WithdrawalRow {
  id: string;
  withdrawn_on: string;
  interpreter_used: boolean;
  language: string;
  agency_id: string;
  created_at: Date;
}

export function latestWishWithdrawal(manager: EntityManager, caseId: string): Promise<{ id: string }[]> {
  return manager.query<{ id: string }[]>(`SELECT id FROM asylum_wish_withdrawal WHERE case_id = $1 ORDER BY created_at DESC LIMIT 1`, [caseId]);
}

export function claimInForce(manager: EntityManager, caseId: string): Promise<{ id: string }[]> {
  return manager.query<{ id: string }[]>(`SELECT id FROM asylum_claim WHERE case_id = $1 AND withdrawn_on IS NULL`, [caseId]);
}

export async function insertWishWithdrawal(manager: EntityManager, id: string, caseId: string, agencyId: string, recordedBy: string, withdrawnOn: string, wordsCiphertext: string, interpreterUsed: boolean, language: string): Promise<void> {
  await manager.query(
    `INSERT INTO asylum_wish_withdrawal (id, case_id, agency_id, recorded_by, withdrawn_on, words_ciphertext, interpreter_used, language, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp())`,
    [id, caseId, agencyId, recordedBy, withdrawnOn, wordsCiphertext, interpreterUsed, language],
  );
}

export function readWishWithdrawal(manager: EntityManager, id: string): Promise<WithdrawalRow[]> {
  return manager.query<WithdrawalRow[]>(`SELECT ${ASYLUM_WISH_WITHDRAWAL_COLUMNS} FROM asylum_wish_withdrawal WHERE id = $1`, [id]);
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person's own withdrawal of a wish to seek asylum, recorded by the asylum authority: the only thing
 * that ends a wish recorded at intake (in any words). One per case, never changed or deleted; the
 * person's words are kept encrypted (`words_ciphertext`, like a sensitive note).
 *
 * `case_file.asylum_wish_recorded_at`: when a profiling run first read a recorded wish (the screening
 * answer or the mass-arrival flag). It is never cleared, so completing a mass-arrival record (which
 * clears the flags) or correcting the screening does not make the wish disappear; only the withdrawal
 * ends it. Existing cases take it from their earliest profiling run that suggested ASYLUM_SEEKER for the
 * wish, or from their arrival flags.
 */
export class AsylumWishWithdrawal1765810000000 implements MigrationInterface {
  name = 'AsylumWishWithdrawal1765810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_file ADD COLUMN asylum_wish_recorded_at timestamptz`);
    await q.query(`
      UPDATE case_file c SET asylum_wish_recorded_at = coalesce(
        (SELECT min(r.ran_at) FROM profiling_run r WHERE r.case_id = c.id AND EXISTS (
           SELECT 1 FROM jsonb_array_elements(r.profiles) p CROSS JOIN LATERAL jsonb_array_elements(p->'indicators') i
           WHERE i->>'id' IN ('principle.asylum_wish', 'asylum.wish_expressed'))),
        CASE WHEN 'ASYLUM_WISH' = ANY (c.urgent_needs) THEN c.registered_at END)`);
    await q.query(`
      CREATE TABLE asylum_wish_withdrawal (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        recorded_by uuid NOT NULL,
        withdrawn_on date NOT NULL,
        words_ciphertext text NOT NULL,
        interpreter_used boolean NOT NULL,
        language text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT asylum_wish_withdrawal_pk PRIMARY KEY (id),
        CONSTRAINT asylum_wish_withdrawal_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT asylum_wish_withdrawal_agency_fk FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT asylum_wish_withdrawal_recorded_by_fk FOREIGN KEY (recorded_by) REFERENCES app_user (id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX asylum_wish_withdrawal_case_uq ON asylum_wish_withdrawal (case_id)`);
    await q.query(`ALTER TABLE asylum_wish_withdrawal ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY asylum_wish_withdrawal_case_scope ON asylum_wish_withdrawal USING (kivuko_can_see_case(case_id)) WITH CHECK (kivuko_can_see_case(case_id))`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON asylum_wish_withdrawal FROM kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE asylum_wish_withdrawal`);
    await q.query(`ALTER TABLE case_file DROP COLUMN asylum_wish_recorded_at`);
  }
}

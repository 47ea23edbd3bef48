import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case notes with a sensitivity: NORMAL (whoever sees the case), RESTRICTED (the author's agency only,
 * enforced by row-level security), SENSITIVE (readers whose agency may see the note's field group;
 * stored encrypted).
 */
export class CaseNotes1765200000000 implements MigrationInterface {
  name = 'CaseNotes1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_note (
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        author_user_id uuid NOT NULL,
        author_agency_id uuid NOT NULL,
        sensitivity text NOT NULL,
        field_group text,
        body text,
        body_ciphertext text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_note_pk PRIMARY KEY (id),
        CONSTRAINT case_note_case_fk FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT case_note_author_fk FOREIGN KEY (author_user_id) REFERENCES app_user (id) ON DELETE RESTRICT,
        CONSTRAINT case_note_sensitivity_ck CHECK (sensitivity IN ('NORMAL', 'RESTRICTED', 'SENSITIVE')),
        CONSTRAINT case_note_sensitive_ck CHECK ((sensitivity = 'SENSITIVE') = (field_group IS NOT NULL AND body_ciphertext IS NOT NULL AND body IS NULL)),
        CONSTRAINT case_note_plain_ck CHECK (sensitivity = 'SENSITIVE' OR (body IS NOT NULL AND body_ciphertext IS NULL))
      )`);
    await q.query(`CREATE INDEX case_note_case_idx ON case_note (case_id, created_at, id)`);
    await q.query(`ALTER TABLE case_note ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY case_note_scope ON case_note
      USING (kivuko_can_see_case(case_id) AND (sensitivity <> 'RESTRICTED' OR kivuko_scope_is_system() OR author_agency_id = kivuko_scope_agency()))
      WITH CHECK (kivuko_can_see_case(case_id) AND (kivuko_scope_is_system() OR author_agency_id = kivuko_scope_agency()))`);
    // A note is part of the record: corrected by a new note, never edited or removed.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON case_note FROM kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_note`);
  }
}

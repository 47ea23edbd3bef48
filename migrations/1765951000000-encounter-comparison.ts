import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two records of a possible previous encounter, side by side, for the supervisor who decides it.
 *
 * The earlier record is often at another border point, so row-level security hides it from the
 * supervisor. Reading it goes through one SECURITY DEFINER function rather than a view or a widened
 * policy, because:
 * - the function starts from ONE encounter row and checks it against the caller's scope itself (the
 *   caller is a supervisor and the new arrival of the pair was registered at one of the caller's border
 *   points); a view would run with its owner's rights for any filter the caller writes, so one careless
 *   query could read every person, and a widened case_file policy would open every table hanging off a case;
 * - it returns a fixed list of identity columns only: no sections, profiles, narrative, protection
 *   records, consents or free-text description, and no full document number (the last characters at
 *   most, and whether the same document is on the other record — compared here, so the number never
 *   leaves the database);
 * - an encounter outside the caller's scope returns no row, exactly like a case row-level security
 *   hides: the application answers 404 and audits the read of the other record when it does return.
 */
export class EncounterComparison1765951000000 implements MigrationInterface {
  name = 'EncounterComparison1765951000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION kivuko_encounter_comparison(p_encounter uuid)
      RETURNS TABLE (side text, case_id uuid, case_number text, given_name text, family_name text, other_names text[], sex text,
                     date_of_birth date, date_of_birth_estimated boolean, stated_age smallint, nationalities text[], languages text[],
                     border_point_id uuid, border_point_code text, border_point_name text, arrived_at timestamptz, registered_at timestamptz,
                     documents jsonb)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH pair AS (
          SELECT e.case_id, e.matched_case_id
          FROM possible_encounter e JOIN case_file own ON own.id = e.case_id
          WHERE e.id = p_encounter
            AND kivuko_scope_has_role('SUPERVISOR')
            AND own.border_point_id = ANY (kivuko_scope_border_points())
        ), sides AS (
          SELECT 'NEW'::text AS side, pair.case_id AS this_case, pair.matched_case_id AS other_case FROM pair
          UNION ALL
          SELECT 'EARLIER'::text, pair.matched_case_id, pair.case_id FROM pair
        )
        SELECT s.side, c.id, c.case_number, p.given_name, p.family_name, p.other_names, p.sex,
               p.date_of_birth, p.date_of_birth_estimated, p.stated_age, p.nationalities, p.languages,
               b.id, b.code, b.name, c.arrived_at, c.registered_at,
               coalesce((
                 SELECT jsonb_agg(jsonb_build_object(
                          'kind', d.kind,
                          'issuingCountry', d.issuing_country,
                          'numberEnding', right(d.number_normalised, least(3, char_length(d.number_normalised) / 2)),
                          'numberLength', char_length(d.number_normalised),
                          'onOtherRecord', EXISTS (SELECT 1 FROM person_document o
                                                   WHERE o.case_id = s.other_case AND o.number_normalised = d.number_normalised
                                                     AND o.issuing_country = d.issuing_country))
                          ORDER BY d.position)
                 FROM person_document d WHERE d.case_id = c.id), '[]'::jsonb)
        FROM sides s
          JOIN case_file c ON c.id = s.this_case
          JOIN person p ON p.case_id = c.id
          JOIN border_point b ON b.id = c.border_point_id
        ORDER BY s.side DESC
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION kivuko_encounter_comparison(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION kivuko_encounter_comparison(uuid) TO kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kivuko_encounter_comparison(uuid)`);
  }
}

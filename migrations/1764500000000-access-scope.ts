import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What row-level security policies read: the scope a transaction runs in, set with
 * `set_config(..., true)` by the UnitOfWork. With no scope set, every helper answers "nothing", so a
 * forgotten scope fails closed.
 */
export class AccessScope1764500000000 implements MigrationInterface {
  name = 'AccessScope1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION kivuko_scope_is_system() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('kivuko.scope', true), '') = 'system'
      $$`);
    await q.query(`
      CREATE FUNCTION kivuko_scope_agency() RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN current_setting('kivuko.scope', true) = 'actor'
                    THEN nullif(current_setting('kivuko.agency_id', true), '')::uuid END
      $$`);
    await q.query(`
      CREATE FUNCTION kivuko_scope_border_points() RETURNS uuid[] LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN current_setting('kivuko.scope', true) = 'actor'
                    THEN coalesce(string_to_array(nullif(current_setting('kivuko.border_point_ids', true), ''), ',')::uuid[], '{}')
                    ELSE '{}'::uuid[] END
      $$`);
    await q.query(`
      CREATE FUNCTION kivuko_scope_has_role(p_role text) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT current_setting('kivuko.scope', true) = 'actor'
           AND p_role = ANY (string_to_array(coalesce(current_setting('kivuko.roles', true), ''), ','))
      $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION kivuko_scope_is_system(), kivuko_scope_agency(), kivuko_scope_border_points(), kivuko_scope_has_role(text) TO kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kivuko_scope_has_role(text)`);
    await q.query(`DROP FUNCTION kivuko_scope_border_points()`);
    await q.query(`DROP FUNCTION kivuko_scope_agency()`);
    await q.query(`DROP FUNCTION kivuko_scope_is_system()`);
  }
}

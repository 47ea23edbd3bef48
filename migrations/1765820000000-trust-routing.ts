import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing that protection can trust:
 *
 * - A referral can be SUSPENDED: an accepted return or immigration referral that a protection profile
 *   superseded stops (its open tasks cancelled, the agency told) without pretending it never was.
 * - A case profile can be SUPERSEDED: a confirmed return or migration profile that a protection profile
 *   superseded stays on the case, with the principle that superseded it, and is never routed.
 * - A referral keeps every routing target that landed on its agency (`targets`: each with its role,
 *   profiles and actions), not the first one only.
 * - What met a referral's consent requirements (`basis.met`) holds what met them, never a null for a gap;
 *   consent an action needs (family tracing) moves to `basis.separately` and holds the referral no more.
 */
export class TrustRouting1765820000000 implements MigrationInterface {
  name = 'TrustRouting1765820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referral DROP CONSTRAINT referral_status_ck`);
    await q.query(`ALTER TABLE referral ADD CONSTRAINT referral_status_ck
      CHECK (status IN ('AWAITING_CONSENT', 'PENDING', 'ACKNOWLEDGED', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'SUSPENDED', 'COMPLETED', 'WITHDRAWN'))`);
    await q.query(`ALTER TABLE case_profile DROP CONSTRAINT case_profile_status_ck`);
    await q.query(`ALTER TABLE case_profile ADD CONSTRAINT case_profile_status_ck CHECK (status IN ('SUGGESTED', 'CONFIRMED', 'REMOVED', 'SUPERSEDED'))`);

    await q.query(`ALTER TABLE referral ADD COLUMN targets jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE referral ADD CONSTRAINT referral_targets_ck CHECK (jsonb_typeof(targets) = 'array')`);
    await q.query(`
      UPDATE referral SET targets = jsonb_build_array(jsonb_build_object(
        'target', target, 'role', role, 'profiles', to_jsonb(profiles),
        'actions', (SELECT coalesce(jsonb_agg(a->'action'), '[]'::jsonb) FROM jsonb_array_elements(CASE WHEN jsonb_typeof(required_actions) = 'array' THEN required_actions ELSE '[]'::jsonb END) a)))`);

    await q.query(`
      UPDATE referral SET basis = jsonb_set(basis, '{met}',
        (SELECT coalesce(jsonb_agg(m), '[]'::jsonb) FROM jsonb_array_elements(basis->'met') m WHERE jsonb_typeof(m) <> 'null'))
      WHERE jsonb_typeof(basis->'met') = 'array' AND basis->'met' @> '[null]'`);
    // Consent an action needs (family tracing) is asked for separately and no longer holds a referral: a
    // referral still waiting keeps only its REFERRAL requirement, and goes ahead at the next consent
    // recorded on the case when that one is met.
    await q.query(`
      UPDATE referral SET basis = jsonb_set(basis, '{requirements}',
          (SELECT coalesce(jsonb_agg(req), '[]'::jsonb) FROM jsonb_array_elements(basis->'requirements') req WHERE req->>'purpose' = 'REFERRAL'))
        || jsonb_build_object('separately', (
          SELECT coalesce(jsonb_agg(req || jsonb_build_object('actions', (
            SELECT coalesce(jsonb_agg(a->'action'), '[]'::jsonb) FROM jsonb_array_elements(CASE WHEN jsonb_typeof(required_actions) = 'array' THEN required_actions ELSE '[]'::jsonb END) a
            WHERE a->>'consentPurpose' = req->>'purpose'))), '[]'::jsonb)
          FROM jsonb_array_elements(basis->'requirements') req WHERE req->>'purpose' <> 'REFERRAL'))
      WHERE jsonb_typeof(basis->'requirements') = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements(basis->'requirements') req WHERE req->>'purpose' <> 'REFERRAL')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referral DROP CONSTRAINT referral_targets_ck`);
    await q.query(`ALTER TABLE referral DROP COLUMN targets`);
    await q.query(`UPDATE case_profile SET status = 'CONFIRMED' WHERE status = 'SUPERSEDED'`);
    await q.query(`ALTER TABLE case_profile DROP CONSTRAINT case_profile_status_ck`);
    await q.query(`ALTER TABLE case_profile ADD CONSTRAINT case_profile_status_ck CHECK (status IN ('SUGGESTED', 'CONFIRMED', 'REMOVED'))`);
    await q.query(`UPDATE referral SET status = 'WITHDRAWN' WHERE status = 'SUSPENDED'`);
    await q.query(`ALTER TABLE referral DROP CONSTRAINT referral_status_ck`);
    await q.query(`ALTER TABLE referral ADD CONSTRAINT referral_status_ck
      CHECK (status IN ('AWAITING_CONSENT', 'PENDING', 'ACKNOWLEDGED', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN'))`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What `npm run bench:routing` found at 1,000,000 referrals, mended:
 *
 * - The overdue sweep read late referrals oldest first and stopped at a batch that changed nothing, so
 *   once a few hundred old referrals had fired every escalation step, newer late ones were never marked.
 *   Each late referral now carries when its next escalation step is due (`next_escalation_at`, null
 *   once none is left), and the sweep reads only referrals not yet marked or with a step due.
 * - The router counts each agency's referrals made today (daily capacity): an index on
 *   (agency_id, created_at) serves it (140 ms → 4 ms at that size).
 * - The sender's view (every referral sent from the caller's border points, in queue order) had no index
 *   in that order: one per border point and the page merged across them (3.9 s → 1 ms).
 * - A profile filter on an agency's open queue walked the whole queue when few referrals carry the
 *   profile (210 ms): open referrals by (agency, profile) in queue order, kept by a trigger.
 */
export class ReferralQueueScale1765500000000 implements MigrationInterface {
  name = 'ReferralQueueScale1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referral ADD COLUMN next_escalation_at timestamptz`);
    // Referrals already overdue get looked at once more; the sweep then sets their next step (or none).
    await q.query(`UPDATE referral SET next_escalation_at = overdue_at WHERE overdue_at IS NOT NULL AND acknowledged_at IS NULL AND status IN ('AWAITING_CONSENT', 'PENDING')`);
    await q.query(`CREATE INDEX referral_escalation_due_idx ON referral (next_escalation_at, id)
      WHERE next_escalation_at IS NOT NULL AND acknowledged_at IS NULL AND status IN ('AWAITING_CONSENT', 'PENDING')`);

    await q.query(`CREATE INDEX referral_agency_created_idx ON referral (agency_id, created_at)`);

    await q.query(`CREATE INDEX referral_sent_queue_idx ON referral (border_point_id, priority, due_at, id)`);
    await q.query(`CREATE INDEX referral_sent_status_idx ON referral (border_point_id, status, priority, due_at, id)`);

    await q.query(`
      CREATE TABLE referral_open_profile (
        agency_id uuid NOT NULL,
        profile text NOT NULL,
        priority smallint NOT NULL,
        due_at timestamptz NOT NULL,
        referral_id uuid NOT NULL,
        CONSTRAINT referral_open_profile_pk PRIMARY KEY (agency_id, profile, priority, due_at, referral_id),
        CONSTRAINT referral_open_profile_referral_fk FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX referral_open_profile_referral_idx ON referral_open_profile (referral_id)`);
    // Kept by the trigger below as the table's owner: whoever changes a referral (a border official
    // routing to an agency, the agency closing it) keeps the index in step without writing it directly.
    await q.query(`
      CREATE FUNCTION kivuko_referral_open_profile_sync() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          DELETE FROM referral_open_profile WHERE referral_id = OLD.id;
        END IF;
        IF NEW.status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN') THEN
          INSERT INTO referral_open_profile (agency_id, profile, priority, due_at, referral_id)
          SELECT NEW.agency_id, p, NEW.priority, NEW.due_at, NEW.id FROM unnest(NEW.profiles) AS p ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER referral_open_profile_insert AFTER INSERT ON referral
        FOR EACH ROW EXECUTE FUNCTION kivuko_referral_open_profile_sync()`);
    await q.query(`
      CREATE TRIGGER referral_open_profile_update AFTER UPDATE OF status, profiles, priority, due_at, agency_id ON referral
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.profiles IS DISTINCT FROM NEW.profiles OR OLD.priority IS DISTINCT FROM NEW.priority
                           OR OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.agency_id IS DISTINCT FROM NEW.agency_id)
        EXECUTE FUNCTION kivuko_referral_open_profile_sync()`);
    await q.query(`
      INSERT INTO referral_open_profile (agency_id, profile, priority, due_at, referral_id)
      SELECT r.agency_id, p, r.priority, r.due_at, r.id FROM referral r CROSS JOIN LATERAL unnest(r.profiles) AS p
      WHERE r.status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN') ON CONFLICT DO NOTHING`);
    await q.query(`ALTER TABLE referral_open_profile ENABLE ROW LEVEL SECURITY`);
    // PL/pgSQL on purpose, as kivuko_referral_visible: an inlined OR of settings leaves the planner
    // guessing a tiny share of rows and sorting instead of reading the index in queue order.
    await q.query(`
      CREATE FUNCTION kivuko_scope_agency_is(p_agency uuid) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN kivuko_scope_is_system() OR p_agency = kivuko_scope_agency();
      END $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION kivuko_scope_agency_is(uuid) TO kivuko_app`);
    await q.query(`CREATE POLICY referral_open_profile_read ON referral_open_profile FOR SELECT USING (kivuko_scope_agency_is(agency_id))`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON referral_open_profile FROM kivuko_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER referral_open_profile_update ON referral`);
    await q.query(`DROP TRIGGER referral_open_profile_insert ON referral`);
    await q.query(`DROP FUNCTION kivuko_referral_open_profile_sync()`);
    await q.query(`DROP TABLE referral_open_profile`);
    await q.query(`DROP FUNCTION kivuko_scope_agency_is(uuid)`);
    await q.query(`DROP INDEX referral_sent_status_idx`);
    await q.query(`DROP INDEX referral_sent_queue_idx`);
    await q.query(`DROP INDEX referral_agency_created_idx`);
    await q.query(`DROP INDEX referral_escalation_due_idx`);
    await q.query(`ALTER TABLE referral DROP COLUMN next_escalation_at`);
  }
}

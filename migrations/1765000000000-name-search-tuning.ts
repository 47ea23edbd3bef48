import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duplicate search, tuned from the benchmark. The trigram index without GIN's pending list: with `fastupdate` on, new names
 * wait in an unordered list that every search scans whole (measured: 10 ms per search with a few
 * thousand pending names, against 0.2 ms once merged, and half the intake throughput).
 */
export class NameSearchTuning1765000000000 implements MigrationInterface {
  name = 'NameSearchTuning1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX person_name_trgm_idx SET (fastupdate = off)`);
    // What is already pending goes into the index now.
    await q.query(`SELECT gin_clean_pending_list('person_name_trgm_idx'::regclass)`);
    // While the tables are small the planner prefers to compute similarity over every name (measured: 16 ms
    // at 8,000 names, growing with the table); the index lookup is what the search is built on.
    await q.query(`ALTER FUNCTION kivuko_encounter_candidates(text[], text[], real, integer) SET enable_seqscan = off`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION kivuko_encounter_candidates(text[], text[], real, integer) RESET enable_seqscan`);
    await q.query(`ALTER INDEX person_name_trgm_idx RESET (fastupdate)`);
  }
}

import { dataSourceOptions } from '@kivuko/platform';
import { createTestDatabase, TestDatabase } from '@kivuko/platform/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { alertLapsedReviews } from './detention.queries';

/** The lapsed-review rule lives in SQL: an open episode past its review date is alerted once per review date. */
describe('detention review sweep: which episodes are alerted (PostgreSQL)', () => {
  let db: TestDatabase;
  let owner: DataSource;
  const agency = randomUUID();
  const user = randomUUID();
  const borderPoint = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase('detention_reviews');
    owner = await new DataSource(dataSourceOptions({ url: db.url, entities: [], poolSize: 2, applicationName: 'kivuko-detention-review-test' })).initialize();
    await owner.query(`INSERT INTO agency (id, name, kind) VALUES ($1, 'Immigration', 'IMMIGRATION')`, [agency]);
    await owner.query(`INSERT INTO app_user (id, username, display_name, agency_id, roles) VALUES ($1, 'officer', 'Officer', $2, '{CASEWORKER}')`, [user, agency]);
    await owner.query(`INSERT INTO border_point (id, code, name, country, kind) VALUES ($1, 'DRS', 'Review crossing', 'TZA', 'LAND')`, [borderPoint]);
  });
  afterAll(async () => {
    await owner?.destroy();
    await db?.drop();
  });

  let cases = 0;
  /** A case with one detention episode; returns the episode's id. */
  async function episode(nextReviewOn: string, options: { endedAt?: string; alertedFor?: string } = {}): Promise<string> {
    const caseId = randomUUID();
    cases += 1;
    await owner.query(
      `INSERT INTO case_file (id, case_number, intake_id, intake_position, border_point_id, registered_by, registering_agency_id, status, arrived_at, arrival_mode, nationalities)
       VALUES ($1, $2, gen_random_uuid(), 0, $3, $4, $5, 'OPEN', '2026-11-20T08:00:00Z', 'LAND', '{SOM}')`,
      [caseId, `TZA-DRS-2026-${String(cases).padStart(7, '0')}`, borderPoint, user, agency],
    );
    const id = randomUUID();
    await owner.query(
      `INSERT INTO detention_episode (id, case_id, agency_id, recorded_by, place, legal_basis, individual_assessment, alternatives_considered, started_at, next_review_on, ended_at, end_reason, review_alerted_for)
       VALUES ($1, $2, $3, $4, 'Holding facility', 'Immigration Act s.12(3)', '{}', '{Reporting: no fixed address}', '2026-11-20T09:00:00Z', $5, $6, $7, $8)`,
      [id, caseId, agency, user, nextReviewOn, options.endedAt ?? null, options.endedAt ? 'Released' : null, options.alertedFor ?? null],
    );
    return id;
  }

  const sweep = (today: string): Promise<string[]> => owner.transaction(async (manager) => (await alertLapsedReviews(manager, today)).map((e) => e.id).sort());

  it('alerts an open episode once its review date has passed, once per review date, and again when a later date lapses', async () => {
    const lapsed = await episode('2026-12-01');
    const dueToday = await episode('2026-12-03');
    const ended = await episode('2026-11-28', { endedAt: '2026-11-29T10:00:00Z' });
    const alreadyAlerted = await episode('2026-11-30', { alertedFor: '2026-11-30' });

    const first = await sweep('2026-12-03');
    expect(first).toContain(lapsed);
    expect(first).not.toContain(dueToday);
    expect(first).not.toContain(ended);
    expect(first).not.toContain(alreadyAlerted);
    // The same lapse is not alerted twice.
    expect(await sweep('2026-12-03')).not.toContain(lapsed);

    // A review set a new date that lapsed in turn: alerted again.
    await owner.query(`UPDATE detention_episode SET next_review_on = '2026-12-05' WHERE id = $1`, [lapsed]);
    // (the one due on the 3rd lapses on the 4th)
    expect(await sweep('2026-12-05')).toEqual([dueToday]);
    expect(await sweep('2026-12-06')).toEqual([lapsed]);
  });

  it('answers the lapsed review date, as a calendar date', async () => {
    const id = await episode('2026-12-10');
    const [alerted] = await owner.transaction((manager) => alertLapsedReviews(manager, '2026-12-11'));
    expect(alerted).toMatchObject({ id, agency_id: agency, next_review_on: '2026-12-10' });
  });
});

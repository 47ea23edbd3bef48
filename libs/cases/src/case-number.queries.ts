import { EntityManager } from 'typeorm';

/** The SQL of allocating case numbers. */

/** What a border point puts in its case numbers; none: no such border point. */
export async function borderPointParts(manager: EntityManager, borderPointId: string): Promise<{ country: string; code: string } | undefined> {
  const [borderPoint] = await manager.query<{ country: string; code: string }[]>(`SELECT country, code FROM border_point WHERE id = $1`, [borderPointId]);
  return borderPoint;
}

/** Moves the border point's counter for the year (created at 1) and answers its new value; the row stays locked until commit. */
export async function nextSequence(manager: EntityManager, borderPointId: string, year: number): Promise<number> {
  const [{ last_value: sequence }] = await manager.query<{ last_value: number }[]>(
    `INSERT INTO case_number_counter (border_point_id, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (border_point_id, year) DO UPDATE SET last_value = case_number_counter.last_value + 1
       RETURNING last_value`,
    [borderPointId, year],
  );
  return sequence;
}

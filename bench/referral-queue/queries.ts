/**
 * The queue queries timed: the open queue and its deeper keyset pages, each status, priority, profile,
 * overdue and border-point filter, the health service's queue, and the border official's `view=SENT`.
 */
import type { Actor } from '../../libs/platform/src';
import type { ListReferralsQuery } from '../../libs/referrals/src/referral.dto';
import { encodeQueueCursor } from '../../libs/referrals/src/referral.service';
import { BenchDatabase, withClient } from '../support/support';
import { HOSPITAL_USER, OPEN } from './settings';

export interface QueueCase {
  label: string;
  username: string;
  query: ListReferralsQuery;
}

/** The cursor of the row at `offset` of a queue (the owner reads it: a deep page's starting point, as a client would hold it). */
async function cursorAt(db: BenchDatabase, where: string, params: unknown[], offset: number): Promise<string | undefined> {
  return withClient(db.url, async (c) => {
    const { rows } = await c.query<{ priority: number; due_at: Date; id: string }>(
      `SELECT priority, due_at, id FROM referral r WHERE ${where} ORDER BY priority, due_at, id OFFSET ${offset} LIMIT 1`,
      params,
    );
    return rows[0] ? encodeQueueCursor(rows[0]) : undefined;
  });
}

export async function queueCases(db: BenchDatabase, users: Map<string, Actor>): Promise<QueueCase[]> {
  const asylum = users.get('asylum.reviewer') as Actor;
  const hospital = users.get(HOSPITAL_USER) as Actor;
  const official = users.get('border.official') as Actor;
  const dar = await withClient(db.url, async (c) => (await c.query<{ id: string }>(`SELECT id FROM border_point WHERE code = 'DAR'`)).rows[0].id);
  // Deep pages start from the key of the row at an offset, as a client that paged there holds it (the owner reads it).
  const open = `r.status = ANY ($2::text[]) AND r.status <> 'AWAITING_CONSENT'`;
  const deep = async (agency: string, where: string, param: unknown, offset: number): Promise<{ cursor?: string }> => {
    const cursor = await cursorAt(db, `r.agency_id = $1 AND ${where}`, [agency, param], offset);
    return cursor ? { cursor } : {};
  };
  const sentDeep = await cursorAt(db, `r.border_point_id = ANY ($1::uuid[])`, [official.borderPointIds], 10_000);
  return [
    { label: 'asylum authority: queue, first page', username: 'asylum.reviewer', query: {} },
    { label: 'asylum authority: queue, page 2 (cursor)', username: 'asylum.reviewer', query: await deep(asylum.agencyId, open, OPEN, 24) },
    { label: 'asylum authority: queue, row 10,000 (cursor)', username: 'asylum.reviewer', query: await deep(asylum.agencyId, open, OPEN, 10_000) },
    { label: 'asylum authority: status=PENDING', username: 'asylum.reviewer', query: { status: 'PENDING' as ListReferralsQuery['status'] } },
    {
      label: 'asylum authority: status=IN_PROGRESS, row 10,000',
      username: 'asylum.reviewer',
      query: { status: 'IN_PROGRESS' as ListReferralsQuery['status'], ...(await deep(asylum.agencyId, `r.status = $2`, 'IN_PROGRESS', 10_000)) },
    },
    { label: 'asylum authority: status=COMPLETED', username: 'asylum.reviewer', query: { status: 'COMPLETED' as ListReferralsQuery['status'] } },
    {
      label: 'asylum authority: status=COMPLETED, row 100,000',
      username: 'asylum.reviewer',
      query: { status: 'COMPLETED' as ListReferralsQuery['status'], ...(await deep(asylum.agencyId, `r.status = $2`, 'COMPLETED', 100_000)) },
    },
    { label: 'asylum authority: priority=1', username: 'asylum.reviewer', query: { priority: 1 } },
    { label: 'asylum authority: profile=ASYLUM_SEEKER', username: 'asylum.reviewer', query: { profile: 'ASYLUM_SEEKER' } },
    { label: 'asylum authority: profile=UNACCOMPANIED_CHILD', username: 'asylum.reviewer', query: { profile: 'UNACCOMPANIED_CHILD' } },
    { label: 'asylum authority: profile=TRAFFICKING_VICTIM (none)', username: 'asylum.reviewer', query: { profile: 'TRAFFICKING_VICTIM' } },
    { label: 'asylum authority: overdue=true', username: 'asylum.reviewer', query: { overdue: true } },
    { label: 'asylum authority: overdue=false', username: 'asylum.reviewer', query: { overdue: false } },
    { label: 'asylum authority: borderPointId=DAR', username: 'asylum.reviewer', query: { borderPointId: dar } },
    { label: 'asylum authority: status=PENDING&overdue=true', username: 'asylum.reviewer', query: { status: 'PENDING' as ListReferralsQuery['status'], overdue: true } },
    { label: 'health service: queue, first page', username: HOSPITAL_USER, query: {} },
    { label: 'health service: profile=MEDICAL_EMERGENCY&priority=1', username: HOSPITAL_USER, query: { profile: 'MEDICAL_EMERGENCY', priority: 1 } },
    { label: 'health service: overdue=true', username: HOSPITAL_USER, query: { overdue: true } },
    { label: 'health service: row 5,000 (cursor)', username: HOSPITAL_USER, query: await deep(hospital.agencyId, open, OPEN, 5_000) },
    { label: 'border official: view=SENT, first page', username: 'border.official', query: { view: 'SENT' } },
    { label: 'border official: view=SENT&status=PENDING', username: 'border.official', query: { view: 'SENT', status: 'PENDING' as ListReferralsQuery['status'] } },
    { label: 'border official: view=SENT, row 10,000 (cursor)', username: 'border.official', query: { view: 'SENT', ...(sentDeep ? { cursor: sentDeep } : {}) } },
  ];
}

export const queryString = (q: ListReferralsQuery): string =>
  Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

import { EntityManager } from 'typeorm';
import { EmailKind, EmailLanguage } from './email-templates';

/** The SQL of e-mail notifications: duty addresses, users' choices and one delivery per event and recipient. */

export interface DutyEmailRow {
  address: string;
  language: EmailLanguage;
}

export interface PreferenceRow {
  address: string;
  kinds: EmailKind[];
  language: EmailLanguage;
}

export interface Recipient {
  /** `duty`, or the user's id: one delivery per event for each. */
  key: string;
  address: string;
  language: EmailLanguage;
}

export const DELIVERY_STATUSES = ['PENDING', 'SENT', 'FAILED', 'NOT_SENT'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryRow {
  id: string;
  kind: EmailKind;
  referral_id: string;
  address: string;
  language: EmailLanguage;
  step: number | null;
  status: DeliveryStatus;
  /** Which send this is: 1, then one more for each resend. */
  sends: number;
  case_id: string;
  case_number: string;
  profiles: string[];
  due_at: Date;
}

export async function findDutyEmail(manager: EntityManager, agencyId: string): Promise<DutyEmailRow | undefined> {
  const [row] = await manager.query<DutyEmailRow[]>(`SELECT address, language FROM agency_duty_email WHERE agency_id = $1`, [agencyId]);
  return row;
}

export async function upsertDutyEmail(manager: EntityManager, duty: { agencyId: string; address: string; language: EmailLanguage; updatedBy: string }): Promise<void> {
  await manager.query(
    `INSERT INTO agency_duty_email (agency_id, address, language, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (agency_id) DO UPDATE SET address = EXCLUDED.address, language = EXCLUDED.language,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [duty.agencyId, duty.address, duty.language, duty.updatedBy],
  );
}

export async function deleteDutyEmail(manager: EntityManager, agencyId: string): Promise<void> {
  await manager.query(`DELETE FROM agency_duty_email WHERE agency_id = $1`, [agencyId]);
}

export async function findAgency(manager: EntityManager, agencyId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await manager.query<{ id: string; name: string }[]>(`SELECT id, name FROM agency WHERE id = $1`, [agencyId]);
  return row;
}

export async function findPreference(manager: EntityManager, userId: string): Promise<PreferenceRow | undefined> {
  const [row] = await manager.query<PreferenceRow[]>(`SELECT address, kinds, language FROM user_email_preference WHERE user_id = $1`, [userId]);
  return row;
}

export async function upsertPreference(manager: EntityManager, userId: string, preference: PreferenceRow): Promise<void> {
  await manager.query(
    `INSERT INTO user_email_preference (user_id, address, kinds, language) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET address = EXCLUDED.address, kinds = EXCLUDED.kinds, language = EXCLUDED.language, updated_at = now()`,
    [userId, preference.address, preference.kinds, preference.language],
  );
}

export async function deletePreference(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(`DELETE FROM user_email_preference WHERE user_id = $1`, [userId]);
}

/** Who is e-mailed an event of this kind at the agency: its duty address, and its active users who chose the kind. */
export async function findRecipients(manager: EntityManager, agencyId: string, kind: EmailKind): Promise<Recipient[]> {
  return manager.query<Recipient[]>(
    `SELECT 'duty' AS key, d.address, d.language FROM agency_duty_email d WHERE d.agency_id = $1
     UNION ALL
     SELECT u.id::text AS key, p.address, p.language
       FROM user_email_preference p JOIN app_user u ON u.id = p.user_id
      WHERE u.agency_id = $1 AND u.active AND $2 = ANY (p.kinds)
     ORDER BY key`,
    [agencyId, kind],
  );
}

/** Records a delivery unless the event already has one for the recipient; its id when it is new. */
export async function insertDelivery(
  manager: EntityManager,
  delivery: { id: string; eventKey: string; recipient: Recipient; kind: EmailKind; referralId: string; agencyId: string; step: number | null },
): Promise<boolean> {
  const inserted = await manager.query<{ id: string }[]>(
    `INSERT INTO email_delivery (id, event_key, recipient_key, kind, referral_id, agency_id, address, language, step)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (event_key, recipient_key) DO NOTHING RETURNING id`,
    [delivery.id, delivery.eventKey, delivery.recipient.key, delivery.kind, delivery.referralId, delivery.agencyId, delivery.recipient.address, delivery.recipient.language, delivery.step],
  );
  return inserted.length > 0;
}

/** A delivery with what its e-mail says about the referral (read again when it is sent). */
export async function findDelivery(manager: EntityManager, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await manager.query<DeliveryRow[]>(
    `SELECT d.id, d.kind, d.referral_id, d.address, d.language, d.step, d.status, d.sends,
            r.case_id, kivuko_case_number(r.case_id) AS case_number, r.profiles, r.due_at
       FROM email_delivery d JOIN referral r ON r.id = d.referral_id
      WHERE d.id = $1`,
    [id],
  );
  return row;
}

export async function markDelivery(manager: EntityManager, id: string, status: 'SENT' | 'NOT_SENT', error: string | null, at: Date): Promise<void> {
  await manager.query(
    `UPDATE email_delivery SET status = $2, attempts = attempts + 1, last_error = $3, last_attempt_at = $4,
            sent_at = CASE WHEN $2 = 'SENT' THEN $4::timestamptz END
      WHERE id = $1`,
    [id, status, error, at],
  );
}

/** An attempt the server refused; the last one the queue makes leaves the delivery FAILED (it may be sent again by hand). */
export async function recordFailedAttempt(manager: EntityManager, id: string, error: string, at: Date, last: boolean): Promise<void> {
  await manager.query(
    `UPDATE email_delivery SET attempts = attempts + 1, last_error = $2, last_attempt_at = $3, status = CASE WHEN $4 THEN 'FAILED' ELSE status END WHERE id = $1`,
    [id, error, at, last],
  );
}

/** A delivery as its list shows it: what the e-mail itself holds (case number, address, kind) and how sending went. */
export interface DeliveryListRow {
  id: string;
  kind: EmailKind;
  step: number | null;
  language: EmailLanguage;
  address: string;
  status: DeliveryStatus;
  attempts: number;
  sends: number;
  last_error: string | null;
  created_at: Date;
  last_attempt_at: Date | null;
  sent_at: Date | null;
  agency_id: string;
  agency_name: string;
  case_number: string;
  /** created_at in microseconds since the epoch, exactly (a JavaScript Date would round it): the cursor's key. */
  created_us: string;
}

export interface DeliveryFilter {
  /** Only this agency's (an agency manager's list); every agency's when absent (a system administrator's). */
  agencyId?: string;
  status?: DeliveryStatus;
  kind?: EmailKind;
  from?: Date;
  to?: Date;
}

const LIST_COLUMNS = `d.id, d.kind, d.step, d.language, d.address, d.status, d.attempts, d.sends, d.last_error, d.created_at,
       d.last_attempt_at, d.sent_at, d.agency_id, a.name AS agency_name, kivuko_referral_case_number(d.referral_id) AS case_number,
       (extract(epoch FROM d.created_at) * 1000000)::bigint::text AS created_us`;

/** One page of deliveries, newest first (created_at, id), after the cursor's row. */
export async function findDeliveryPage(manager: EntityManager, filter: DeliveryFilter, after: { createdUs: string; id: string } | undefined, limit: number): Promise<DeliveryListRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.agencyId) where.push(`d.agency_id = ${param(filter.agencyId)}`);
  if (filter.status) where.push(`d.status = ${param(filter.status)}`);
  if (filter.kind) where.push(`d.kind = ${param(filter.kind)}`);
  if (filter.from) where.push(`d.created_at >= ${param(filter.from)}`);
  if (filter.to) where.push(`d.created_at < ${param(filter.to)}`);
  if (after) where.push(`(d.created_at, d.id) < (timestamptz 'epoch' + ${param(after.createdUs)}::bigint * interval '1 microsecond', ${param(after.id)}::uuid)`);
  return manager.query<DeliveryListRow[]>(
    `SELECT ${LIST_COLUMNS}
       FROM email_delivery d JOIN agency a ON a.id = d.agency_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY d.created_at DESC, d.id DESC
      LIMIT ${param(limit)}`,
    params,
  );
}

/** How many e-mails in the reader's scope (one agency's, or every agency's) were recorded but not sent: FAILED or NOT_SENT. */
export async function countUnsentDeliveries(manager: EntityManager, agencyId: string | undefined): Promise<number> {
  const [row] = await manager.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM email_delivery d WHERE d.status IN ('FAILED', 'NOT_SENT')${agencyId ? ' AND d.agency_id = $1' : ''}`,
    agencyId ? [agencyId] : [],
  );
  return row?.n ?? 0;
}

/** One delivery, as its list shows it. */
export async function findDeliveryListRow(manager: EntityManager, id: string): Promise<DeliveryListRow | undefined> {
  const [row] = await manager.query<DeliveryListRow[]>(
    `SELECT ${LIST_COLUMNS}
       FROM email_delivery d JOIN agency a ON a.id = d.agency_id
      WHERE d.id = $1`,
    [id],
  );
  return row;
}

/** A delivery's status and agency, its row locked until the transaction ends: two resends of it queue one send. */
export async function lockDelivery(manager: EntityManager, id: string): Promise<{ status: DeliveryStatus; agency_id: string; sends: number } | undefined> {
  const [row] = await manager.query<{ status: DeliveryStatus; agency_id: string; sends: number }[]>(`SELECT status, agency_id, sends FROM email_delivery WHERE id = $1 FOR UPDATE`, [id]);
  return row;
}

/** Queues a delivery again: PENDING, as its next send; the number of that send. */
export async function requeueDelivery(manager: EntityManager, id: string): Promise<number> {
  // An UPDATE answers [rows, affected count].
  const [[row]] = await manager.query<[{ sends: number }[], number]>(`UPDATE email_delivery SET status = 'PENDING', sends = sends + 1 WHERE id = $1 RETURNING sends`, [id]);
  if (!row) throw new Error(`email delivery ${id} vanished under its lock`);
  return row.sends;
}

/** A referral as the deadline-soon check reads it: still waiting for first contact, and when it is due. */
export async function findReferralWaiting(manager: EntityManager, referralId: string): Promise<{ agency_id: string; due_at: Date; waiting: boolean } | undefined> {
  const [row] = await manager.query<{ agency_id: string; due_at: Date; waiting: boolean }[]>(
    `SELECT agency_id, due_at, (status = 'PENDING' AND acknowledged_at IS NULL AND overdue_at IS NULL) AS waiting FROM referral WHERE id = $1`,
    [referralId],
  );
  return row;
}

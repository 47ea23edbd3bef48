import { Actor } from '@kivuko/platform';
import { EntityManager } from 'typeorm';
import { ListReferralsQuery } from './referral.dto';
import { ReferralStatus } from './referral-status';

/*
 * The SQL of the referral queues, in one place: each function takes the caller's EntityManager (its
 * transaction and scope) and typed parameters, and answers typed rows.
 */

export interface ReferralTarget {
  target: string;
  role: 'LEAD' | 'SUPPORTING';
  profiles: string[];
  actions: string[];
}

export interface ReferralRow {
  id: string;
  case_id: string;
  case_number: string;
  agency_id: string;
  agency_name: string;
  agency_kind: string;
  /** The SOP's routing target (`NGO/SAFE_SHELTER`, `ASYLUM_AUTHORITY`) the referral answers. */
  target: string;
  targets: ReferralTarget[];
  border_point_id: string;
  border_point_code: string;
  role: 'LEAD' | 'SUPPORTING';
  profiles: string[];
  priority: number;
  status: ReferralStatus;
  due_at: Date;
  overdue_at: Date | null;
  escalation_level: number;
  required_actions: unknown;
  field_groups: string[];
  basis: unknown;
  sop_version_id: string;
  attempt: number;
  previous_referral_id: string | null;
  version: number;
  acknowledged_at: Date | null;
  outcome_code: string | null;
  outcome_note: string | null;
  reason: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * A referral with what a reader needs to know about it. The agency and border point come from scalar
 * lookups, evaluated for the page's rows only: as joins they let the planner start from the small
 * agency and border point tables and sort the queue instead of reading it from its index in order.
 */
const REFERRAL_LABELS = `kivuko_case_number(r.case_id) AS case_number, (SELECT a.name FROM agency a WHERE a.id = r.agency_id) AS agency_name,
  (SELECT a.kind FROM agency a WHERE a.id = r.agency_id) AS agency_kind, (SELECT b.code FROM border_point b WHERE b.id = r.border_point_id) AS border_point_code`;

export const SELECT_REFERRAL = `SELECT r.*, ${REFERRAL_LABELS} FROM referral r`;


/** One referral as read everywhere; undefined when it is not there (or not visible in the caller's scope). */
export async function findReferral(manager: EntityManager, id: string): Promise<ReferralRow | undefined> {
  const [row] = await manager.query<ReferralRow[]>(`${SELECT_REFERRAL} WHERE r.id = $1`, [id]);
  return row;
}

/** An agency as a decline's answer names it. */
export interface AgencyRefRow {
  id: string;
  name: string;
  kind: string;
}

/**
 * Where a case went after a referral was declined, as this transaction made it: the agencies of the
 * referrals sent on from the declined one, and the coordinating body alerted when no agency was left (its
 * NO_AGENCY_AVAILABLE task was created in this transaction: its created_at is the transaction's now()).
 * Read in a system scope: the decliner may not read another agency's referral.
 */
export async function findOnwardsAfterDecline(manager: EntityManager, referralId: string, caseId: string): Promise<{ agencies: AgencyRefRow[]; coordinatingBody: AgencyRefRow | null }> {
  const agencies = await manager.query<AgencyRefRow[]>(
    `SELECT a.id, a.name, a.kind FROM referral r JOIN agency a ON a.id = r.agency_id WHERE r.previous_referral_id = $1 ORDER BY r.created_at, r.id`,
    [referralId],
  );
  const [coordinatingBody] = await manager.query<AgencyRefRow[]>(
    `SELECT a.id, a.name, a.kind FROM case_task t JOIN agency a ON a.id = t.agency_id
     WHERE t.case_id = $1 AND t.kind = 'NO_AGENCY_AVAILABLE' AND t.created_at = now() ORDER BY t.id LIMIT 1`,
    [caseId],
  );
  return { agencies, coordinatingBody: coordinatingBody ?? null };
}

/** A page of a queue (see queueQuery). */
export async function findQueuePage(
  manager: EntityManager,
  actor: Pick<Actor, 'agencyId' | 'borderPointIds'>,
  query: ListReferralsQuery,
  after: { priority: number; dueAt: Date; id: string } | undefined,
  limit: number,
): Promise<ReferralRow[]> {
  const { sql, params } = queueQuery(actor, query, after, limit);
  return manager.query<ReferralRow[]>(sql, params);
}

export interface ReferralEventRow {
  from_status: string | null;
  to_status: string;
  occurred_at: Date;
  actor_user_id: string | null;
  reason: string | null;
}

/** A referral's history, oldest first. */
export async function findReferralEvents(manager: EntityManager, referralId: string): Promise<ReferralEventRow[]> {
  return manager.query<ReferralEventRow[]>(
    `SELECT from_status, to_status, occurred_at, actor_user_id, reason FROM referral_event WHERE referral_id = $1 ORDER BY id`,
    [referralId],
  );
}

/**
 * Compare-and-set of a transition: moves the referral on only if its version and status are still those
 * read; false when someone else moved it first.
 */
export async function moveReferral(
  manager: EntityManager,
  row: Pick<ReferralRow, 'id' | 'version' | 'status'>,
  change: { to: ReferralStatus; firstContact: boolean; outcomeCode: string | null; note: string | null; reason: string | null },
): Promise<boolean> {
  // An UPDATE answers [rows, affected count].
  const [[updated]] = await manager.query<[{ id: string }[], number]>(
    `UPDATE referral SET status = $3, version = version + 1, updated_at = now(),
       acknowledged_at = CASE WHEN $4 AND acknowledged_at IS NULL THEN now() ELSE acknowledged_at END,
       outcome_code = coalesce($5, outcome_code), outcome_note = coalesce($6, outcome_note), reason = coalesce($7, reason)
     WHERE id = $1 AND version = $2 AND status = $8 RETURNING id`,
    [row.id, row.version, change.to, change.firstContact, change.outcomeCode, change.note, change.reason, row.status],
  );
  return updated !== undefined;
}

/** One step of a referral's history. */
export async function insertReferralEvent(
  manager: EntityManager,
  event: { referralId: string; caseId: string; from: string | null; to: string; actorUserId: string | null; actorAgencyId: string | null; reason: string | null },
): Promise<void> {
  await manager.query(
    `INSERT INTO referral_event (referral_id, case_id, from_status, to_status, actor_user_id, actor_agency_id, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [event.referralId, event.caseId, event.from, event.to, event.actorUserId, event.actorAgencyId, event.reason],
  );
}

/** Lets an agency see the case (a referral, a coordination or an escalation task made it a party to it). */
export async function shareCase(manager: EntityManager, caseId: string, agencyId: string, source: 'REFERRAL' | 'COORDINATION' | 'ESCALATION'): Promise<void> {
  await manager.query(`INSERT INTO case_share (case_id, agency_id, source) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [caseId, agencyId, source]);
}

/** An agency named by the SOP (by its name or id). */
export async function findAgencyIdNamed(manager: EntityManager, nameOrId: string | null | undefined): Promise<string | undefined> {
  const [agency] = await manager.query<{ id: string }[]>(`SELECT id FROM agency WHERE name = $1 OR id::text = $1`, [nameOrId ?? null]);
  return agency?.id;
}

/**
 * The queue query: the agency's open referrals (or those sent from the caller's border points), most
 * urgent and soonest due first. Each shape reads an index in this order, so a page reads about its own
 * rows: the open queue the partial index of open referrals (its predicate written out so the planner can
 * match it), a status filter the full queue index, a profile filter on the open queue the open referrals
 * by (agency, profile), and the sender's view one index scan per border point, merged.
 */
export function queueQuery(
  actor: Pick<Actor, 'agencyId' | 'borderPointIds'>,
  query: ListReferralsQuery,
  after: { priority: number; dueAt: Date; id: string } | undefined,
  limit: number,
): { sql: string; params: unknown[] } {
  const sent = query.view === 'SENT';
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  // Open referrals of one profile, from their own index in queue order (only while no status is asked for).
  const byProfile = !sent && query.profile !== undefined && !query.status;
  if (sent) {
    params.push(actor.borderPointIds);
    where.push('r.border_point_id = bp.id');
  } else if (byProfile) {
    add((p) => `o.agency_id = ${p}`, actor.agencyId);
    add((p) => `o.profile = ${p}`, query.profile);
  } else add((p) => `r.agency_id = ${p}`, actor.agencyId);
  if (query.status) add((p) => `r.status = ${p}`, query.status);
  // The open referrals by profile hold open referrals only (the trigger keeps them so).
  else if (!sent && !byProfile) where.push(`r.status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')`);
  if (query.priority) add((p) => `${byProfile ? 'o' : 'r'}.priority = ${p}`, query.priority);
  if (query.profile && !byProfile) add((p) => `r.profiles @> ARRAY[${p}]::text[]`, query.profile);
  if (query.borderPointId) add((p) => `r.border_point_id = ${p}`, query.borderPointId);
  if (query.caseId) add((p) => `r.case_id = ${p}`, query.caseId);
  // The sent view may narrow to one receiving agency (the queue is the caller's agency already).
  if (sent && query.agencyId) add((p) => `r.agency_id = ${p}`, query.agencyId);
  if (query.overdue !== undefined) where.push(query.overdue ? 'r.overdue_at IS NOT NULL' : 'r.overdue_at IS NULL');
  const key = byProfile ? ['o.priority', 'o.due_at', 'o.referral_id'] : ['r.priority', 'r.due_at', 'r.id'];
  if (after) {
    params.push(after.priority, after.dueAt, after.id);
    where.push(`(${key.join(', ')}) > ($${params.length - 2}, $${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push(limit);
  const limitParam = `$${params.length}`;
  if (sent) {
    return {
      sql: `WITH page AS (
              SELECT r.* FROM unnest($1::uuid[]) AS bp(id)
              CROSS JOIN LATERAL (SELECT r.* FROM referral r WHERE ${where.join(' AND ')} ORDER BY r.priority, r.due_at, r.id LIMIT ${limitParam}) r
              ORDER BY r.priority, r.due_at, r.id LIMIT ${limitParam})
            SELECT r.*, ${REFERRAL_LABELS} FROM page r ORDER BY r.priority, r.due_at, r.id`,
      params,
    };
  }
  if (byProfile) {
    return {
      sql: `${SELECT_REFERRAL} JOIN referral_open_profile o ON o.referral_id = r.id WHERE ${where.join(' AND ')} ORDER BY ${key.join(', ')} LIMIT ${limitParam}`,
      params,
    };
  }
  return { sql: `${SELECT_REFERRAL} WHERE ${where.join(' AND ')} ORDER BY r.priority, r.due_at, r.id LIMIT ${limitParam}`, params };
}

/** What the deadline check reads of a late referral. */
export interface LateReferralRow {
  id: string;
  case_id: string;
  agency_id: string;
  border_point_id: string;
  priority: number;
  due_at: Date;
  overdue_at: Date | null;
  escalation_level: number;
  sop_version_id: string;
}

const LATE_COLUMNS = 'id, case_id, agency_id, border_point_id, priority, due_at, overdue_at, escalation_level, sop_version_id';

/**
 * Referrals with something to do at `now`, locked (others skipped): late and not yet marked, or with an
 * escalation step due. One referral (its timer fired) with `referralId`, else a batch of the sweep.
 */
export async function lockLateReferrals(manager: EntityManager, now: Date, batch: number, referralId?: string): Promise<LateReferralRow[]> {
  return manager.query<LateReferralRow[]>(
    referralId
      ? `SELECT ${LATE_COLUMNS} FROM referral WHERE id = $3 AND status IN ('AWAITING_CONSENT', 'PENDING') AND acknowledged_at IS NULL AND due_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED`
      : `SELECT ${LATE_COLUMNS} FROM referral
         WHERE id IN (
           (SELECT id FROM referral WHERE status IN ('AWAITING_CONSENT', 'PENDING') AND overdue_at IS NULL AND acknowledged_at IS NULL AND due_at <= $1 ORDER BY due_at LIMIT $2)
           UNION
           (SELECT id FROM referral WHERE next_escalation_at IS NOT NULL AND acknowledged_at IS NULL AND status IN ('AWAITING_CONSENT', 'PENDING') AND next_escalation_at <= $1
            ORDER BY next_escalation_at, id LIMIT $2))
           AND status IN ('AWAITING_CONSENT', 'PENDING') AND acknowledged_at IS NULL
         ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
    referralId ? [now, batch, referralId] : [now, batch],
  );
}

/** Marks a referral overdue at `now`, with the event in its history; answers its status. */
export async function markOverdue(manager: EntityManager, referralId: string, now: Date): Promise<string> {
  await manager.query(`UPDATE referral SET overdue_at = $2, updated_at = now() WHERE id = $1`, [referralId, now]);
  await manager.query(
    `INSERT INTO referral_event (referral_id, case_id, from_status, to_status, reason) SELECT id, case_id, status, status, 'overdue: no first contact by the due time' FROM referral WHERE id = $1`,
    [referralId],
  );
  const [{ status }] = await manager.query<{ status: string }[]>(`SELECT status FROM referral WHERE id = $1`, [referralId]);
  return status;
}

/** One escalation step's task (once per referral and step); false when it was there already. */
export async function insertEscalationTask(
  manager: EntityManager,
  task: { id: string; caseId: string; agencyId: string | null; borderPointId: string | null; dueAt: Date; referralId: string; step: number },
): Promise<boolean> {
  const inserted = await manager.query<{ id: string }[]>(
    `INSERT INTO case_task (id, case_id, kind, agency_id, border_point_id, due_at, referral_id, escalation_step)
     VALUES ($1, $2, 'REFERRAL_OVERDUE', $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
    [task.id, task.caseId, task.agencyId, task.borderPointId, task.dueAt, task.referralId, task.step],
  );
  return inserted.length > 0;
}

/** Where escalation stands: the next step to fire, and when the sweep should look again (null: never). */
export async function setEscalation(manager: EntityManager, referralId: string, level: number, next: Date | null): Promise<void> {
  await manager.query(`UPDATE referral SET escalation_level = $2, next_escalation_at = $3, updated_at = now() WHERE id = $1`, [referralId, level, next]);
}

/** Where and when a case arrived, and the languages of its person: what routing plans from. */
export interface CaseContextRow {
  border_point_id: string;
  border_point_code: string;
  country: string;
  region: string | null;
  arrived_at: Date;
  languages: string[];
}

/** The border point a case was registered at. */
export async function findCaseBorderPointId(manager: EntityManager, caseId: string): Promise<string | undefined> {
  const [row] = await manager.query<{ border_point_id: string }[]>(`SELECT border_point_id FROM case_file WHERE id = $1`, [caseId]);
  return row?.border_point_id;
}

/** The country of the border point a case was registered at. */
export async function findCaseCountry(manager: EntityManager, caseId: string): Promise<string | undefined> {
  const [row] = await manager.query<{ country: string }[]>(
    `SELECT bp.country FROM case_file c JOIN border_point bp ON bp.id = c.border_point_id WHERE c.id = $1`,
    [caseId],
  );
  return row?.country;
}

/** The agency that registered a case. */
export async function findRegisteringAgencyId(manager: EntityManager, caseId: string): Promise<string | undefined> {
  const [sender] = await manager.query<{ agency_id: string }[]>(`SELECT registering_agency_id AS agency_id FROM case_file WHERE id = $1`, [caseId]);
  return sender?.agency_id;
}

export async function findCaseContext(manager: EntityManager, caseId: string): Promise<CaseContextRow | undefined> {
  const [context] = await manager.query<CaseContextRow[]>(
    `SELECT c.border_point_id, bp.code AS border_point_code, bp.country, bp.region, c.arrived_at, p.languages
     FROM case_file c JOIN border_point bp ON bp.id = c.border_point_id JOIN person p ON p.case_id = c.id WHERE c.id = $1`,
    [caseId],
  );
  return context;
}

/** A case's referrals in one of the statuses, oldest first. */
export async function findCaseReferralsIn(manager: EntityManager, caseId: string, statuses: readonly string[]): Promise<ReferralRow[]> {
  return manager.query<ReferralRow[]>(`${SELECT_REFERRAL} WHERE r.case_id = $1 AND r.status = ANY ($2::text[]) ORDER BY r.created_at, r.id`, [caseId, statuses]);
}

/** A case's referrals waiting for consent. */
export async function findAwaitingConsent(manager: EntityManager, caseId: string): Promise<ReferralRow[]> {
  return manager.query<ReferralRow[]>(`${SELECT_REFERRAL} WHERE r.case_id = $1 AND r.status = 'AWAITING_CONSENT'`, [caseId]);
}

/** The case's oldest referral at an agency in none of the statuses given. */
export async function findReferralAtAgency(manager: EntityManager, caseId: string, agencyId: string, notIn: readonly string[]): Promise<ReferralRow | undefined> {
  const [row] = await manager.query<ReferralRow[]>(
    `${SELECT_REFERRAL} WHERE r.case_id = $1 AND r.agency_id = $2 AND r.status <> ALL ($3::text[]) ORDER BY r.created_at, r.id LIMIT 1`,
    [caseId, agencyId, notIn],
  );
  return row;
}

/** The agencies that declined a referral of the case. */
export async function findDecliningAgencyIds(manager: EntityManager, caseId: string): Promise<string[]> {
  const rows = await manager.query<{ agency_id: string }[]>(`SELECT agency_id FROM referral WHERE case_id = $1 AND status = 'DECLINED'`, [caseId]);
  return rows.map((r) => r.agency_id);
}

/** What an open referral answers now: its priority and deadline never get later than promised. */
export async function updateReferralPlan(
  manager: EntityManager,
  referralId: string,
  plan: { profiles: string[]; priority: number; dueAt: Date; role: string; actions: unknown; targets: unknown; target: string; separateConsent: unknown },
): Promise<void> {
  await manager.query(
    `UPDATE referral SET profiles = $2::text[], priority = least(priority, $3), due_at = least(due_at, $4), role = $5, required_actions = $6::jsonb,
       targets = $7::jsonb, target = $8, basis = basis || jsonb_build_object('separately', $9::jsonb), updated_at = now() WHERE id = $1`,
    [
      referralId,
      plan.profiles,
      plan.priority,
      plan.dueAt,
      plan.role,
      JSON.stringify(plan.actions),
      JSON.stringify(plan.targets),
      plan.target,
      JSON.stringify(plan.separateConsent),
    ],
  );
}

export interface NewReferral {
  id: string;
  caseId: string;
  agencyId: string;
  borderPointId: string;
  role: string;
  profiles: string[];
  priority: number;
  status: ReferralStatus;
  dueAt: Date;
  actions: unknown;
  fieldGroups: string[];
  basis: unknown;
  sopVersionId: string;
  attempt: number;
  previousReferralId: string | null;
  target: string;
  targets: unknown;
}

export async function insertReferral(manager: EntityManager, referral: NewReferral): Promise<void> {
  await manager.query(
    `INSERT INTO referral (id, case_id, agency_id, border_point_id, role, profiles, priority, status, due_at, required_actions, field_groups, basis,
       sop_version_id, attempt, previous_referral_id, target, targets)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $10::jsonb, $11::text[], $12::jsonb, $13, $14, $15, $16, $17::jsonb)`,
    [
      referral.id,
      referral.caseId,
      referral.agencyId,
      referral.borderPointId,
      referral.role,
      referral.profiles,
      referral.priority,
      referral.status,
      referral.dueAt,
      JSON.stringify(referral.actions),
      referral.fieldGroups,
      JSON.stringify(referral.basis),
      referral.sopVersionId,
      referral.attempt,
      referral.previousReferralId,
      referral.target,
      JSON.stringify(referral.targets),
    ],
  );
}

/** One open task per case for the border point to record consent, due `within` (an ISO 8601 duration) after now. */
export async function insertConsentTask(manager: EntityManager, task: { id: string; caseId: string; borderPointId: string; within: string }): Promise<void> {
  await manager.query(
    `INSERT INTO case_task (id, case_id, kind, border_point_id, due_at)
     SELECT $1, $2, 'OBTAIN_CONSENT', $3, now() + $4::interval
     WHERE NOT EXISTS (SELECT 1 FROM case_task WHERE case_id = $2 AND kind = 'OBTAIN_CONSENT' AND status = 'OPEN')`,
    [task.id, task.caseId, task.borderPointId, task.within],
  );
}

export interface AgencyCandidateRow {
  id: string;
  name: string;
  services: string[];
  codes: string[];
  regions: string[];
  languages: string[];
  daily_capacity: number | null;
  /** Referrals the agency received today. */
  today: number;
}

/** The active agencies of a kind, by name, with how many referrals each received today. */
export async function findAgencyCandidates(manager: EntityManager, kind: string): Promise<AgencyCandidateRow[]> {
  return manager.query<AgencyCandidateRow[]>(
    `SELECT a.id, a.name, a.services, a.coverage_regions AS regions, a.languages, a.daily_capacity,
            ARRAY(SELECT bp.code FROM border_point bp WHERE bp.id = ANY (a.coverage_border_point_ids)) AS codes,
            (SELECT count(*)::int FROM referral r WHERE r.agency_id = a.id AND r.created_at >= date_trunc('day', now())) AS today
     FROM agency a WHERE a.kind = $1 AND a.active ORDER BY a.name`,
    [kind],
  );
}

export interface ConsentRecordRow {
  id: string;
  purpose: string;
  decision: string;
  legal_basis: string | null;
  field_groups: string[];
  withdrawn: boolean;
}

/** The consent records of a case for a recipient (the agency, or its kind), oldest first. */
export async function findConsentRecords(manager: EntityManager, caseId: string, agencyId: string, kind: string): Promise<ConsentRecordRow[]> {
  return manager.query<ConsentRecordRow[]>(
    `SELECT id, purpose, decision, legal_basis, field_groups, withdrawn_at IS NOT NULL AS withdrawn FROM consent_record
     WHERE case_id = $1 AND (recipient_agency_id = $2 OR recipient_agency_kind = $3) ORDER BY recorded_at, id`,
    [caseId, agencyId, kind],
  );
}

/** Records what met a held referral's requirements. */
export async function recordBasisMet(manager: EntityManager, referralId: string, met: unknown): Promise<void> {
  await manager.query(`UPDATE referral SET basis = basis || jsonb_build_object('met', $2::jsonb) WHERE id = $1`, [referralId, JSON.stringify(met)]);
}

/** The purposes among `purposes` whose latest live decision for the recipient is a refusal. */
export async function findRefusedPurposes(manager: EntityManager, caseId: string, agencyId: string, kind: string, purposes: string[]): Promise<string[]> {
  const rows = await manager.query<{ purpose: string }[]>(
    `SELECT purpose FROM (
       SELECT DISTINCT ON (purpose) purpose, decision FROM consent_record
       WHERE case_id = $1 AND (recipient_agency_id = $2 OR recipient_agency_kind = $3) AND withdrawn_at IS NULL
       ORDER BY purpose, recorded_at DESC, id DESC) latest
     WHERE decision = 'REFUSED' AND purpose = ANY ($4::text[])`,
    [caseId, agencyId, kind, purposes],
  );
  return rows.map((r) => r.purpose);
}

/** A held referral's history says why it is still held (once per reason). */
export async function insertHeldEventOnce(
  manager: EntityManager,
  event: { referralId: string; caseId: string; actorUserId: string; actorAgencyId: string | null; reason: string },
): Promise<void> {
  await manager.query(
    `INSERT INTO referral_event (referral_id, case_id, from_status, to_status, actor_user_id, actor_agency_id, reason)
     SELECT $1, $2, 'AWAITING_CONSENT', 'AWAITING_CONSENT', $3, $4, $5
     WHERE NOT EXISTS (SELECT 1 FROM referral_event WHERE referral_id = $1 AND reason = $5)`,
    [event.referralId, event.caseId, event.actorUserId, event.actorAgencyId, event.reason],
  );
}

export async function countAwaitingConsent(manager: EntityManager, caseId: string): Promise<number> {
  const [{ waiting }] = await manager.query<{ waiting: number }[]>(`SELECT count(*)::int AS waiting FROM referral WHERE case_id = $1 AND status = 'AWAITING_CONSENT'`, [caseId]);
  return waiting;
}

/** The border point's open consent task is done. */
export async function closeConsentTask(manager: EntityManager, caseId: string, userId: string): Promise<void> {
  await manager.query(`UPDATE case_task SET status = 'DONE', closed_at = now(), closed_by = $2 WHERE case_id = $1 AND kind = 'OBTAIN_CONSENT' AND status = 'OPEN'`, [caseId, userId]);
}

/** What the agency was asked to do for a referral is no longer asked (escalation tasks stay). */
export async function cancelReferralTasks(manager: EntityManager, referralId: string, reason: string): Promise<void> {
  await manager.query(
    `UPDATE case_task SET status = 'CANCELLED', closed_at = now(), close_reason = $2 WHERE referral_id = $1 AND status = 'OPEN' AND escalation_step IS NULL`,
    [referralId, reason],
  );
}

/** A task on the agency for each required action of a referral it took on (once per referral and action). */
export async function insertActionTasks(
  manager: EntityManager,
  referral: Pick<ReferralRow, 'id' | 'case_id' | 'agency_id'>,
  actions: { action: string; dueAt: string }[],
): Promise<void> {
  await manager.query(
    `INSERT INTO case_task (id, case_id, kind, agency_id, due_at, referral_id)
     SELECT gen_random_uuid(), $1, a.action, $2, a.due_at, $3 FROM unnest($4::text[], $5::timestamptz[]) AS a(action, due_at)
     ON CONFLICT (referral_id, kind) WHERE referral_id IS NOT NULL AND escalation_step IS NULL DO NOTHING`,
    [referral.case_id, referral.agency_id, referral.id, actions.map((a) => a.action), actions.map((a) => a.dueAt)],
  );
}

/** The agency becomes the case's lead unless it has one. */
export async function insertCaseLeadOnce(manager: EntityManager, referral: Pick<ReferralRow, 'id' | 'case_id' | 'agency_id'>): Promise<void> {
  await manager.query(`INSERT INTO case_lead (case_id, agency_id, source, referral_id) VALUES ($1, $2, 'REFERRAL', $3) ON CONFLICT (case_id) DO NOTHING`, [
    referral.case_id,
    referral.agency_id,
    referral.id,
  ]);
}

/** The coordinating body's task when no agency is left for a referral. */
export async function insertNoAgencyTask(manager: EntityManager, task: { id: string; caseId: string; agencyId: string; dueAt: Date }): Promise<void> {
  await manager.query(`INSERT INTO case_task (id, case_id, kind, agency_id, due_at) VALUES ($1, $2, 'NO_AGENCY_AVAILABLE', $3, $4)`, [task.id, task.caseId, task.agencyId, task.dueAt]);
}

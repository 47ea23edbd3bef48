import { FieldGroup } from '@kivuko/access';
import { EntityManager } from 'typeorm';
import { NoteSensitivity } from './casework.dto';

/** The SQL of casework: each query a function of the transaction's manager and typed parameters. */

export function caseBorderPoint(manager: EntityManager, id: string): Promise<{ border_point_id: string }[]> {
  return manager.query<{ border_point_id: string }[]>(`SELECT border_point_id FROM case_file WHERE id = $1`, [id]);
}

export async function insertNote(manager: EntityManager, id: string, caseId: string, authorUserId: string, authorAgencyId: string, sensitivity: NoteSensitivity, fieldGroup: FieldGroup | null, body: string | null, bodyCiphertext: string | null): Promise<void> {
  await manager.query(
    `INSERT INTO case_note (id, case_id, author_user_id, author_agency_id, sensitivity, field_group, body, body_ciphertext) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, caseId, authorUserId, authorAgencyId, sensitivity, fieldGroup, body, bodyCiphertext],
  );
}

export function notesOfCase(manager: EntityManager, caseId: string): Promise<{ id: string; sensitivity: NoteSensitivity; field_group: FieldGroup | null; body: string | null; body_ciphertext: string | null; author_user_id: string; author_agency_id: string; created_at: Date }[]> {
  return manager.query<{ id: string; sensitivity: NoteSensitivity; field_group: FieldGroup | null; body: string | null; body_ciphertext: string | null; author_user_id: string; author_agency_id: string; created_at: Date }[]>(
    `SELECT id, sensitivity, field_group, body, body_ciphertext, author_user_id, author_agency_id, created_at FROM case_note WHERE case_id = $1 ORDER BY created_at, id`,
    [caseId],
  );
}

/** The audited changes the timeline shows: protection records, case management, safeguard refusals and overrides. */
const TIMELINE_AUDIT_PATTERNS = `ARRAY[${[
  'ASYLUM.%',
  'TRAFFICKING.IDENTIFICATION',
  'TRAFFICKING.REFLECTION_STARTED',
  'TRAFFICKING.PERMIT_GRANTED',
  'TRAFFICKING.ASSISTANCE_GIVEN',
  'CHILD.%',
  'DETENTION.%',
  'REMOVAL.%',
  'RETURN.%',
  'FLAG.%',
  'SAFEGUARD.%',
  'TRANSFER.%',
  'SERVICE.%',
  'CASE.ASSIGNED',
  'CASE.CLOSED',
  'CASE.REOPENED',
]
  .map((p) => `'${p}'`)
  .join(', ')}]`;

export type TimelineRow = { at: Date; at_us: string; kind: string; ref: string; actor_user_id: string | null; actor_agency_id: string | null; details: Record<string, unknown> };

/**
 * The case's timeline entries in order (time, kind, reference; or newest first), `limit + 1` of them after the cursor; the
 * audited changes only where the reader may see every field group they touched (`readableGroups`).
 */
export function caseTimeline(
  manager: EntityManager,
  caseId: string,
  limit: number,
  readableGroups: string[],
  after: { atUs: string; kind: string; ref: string } | undefined,
  newestFirst = false,
): Promise<TimelineRow[]> {
  const direction = newestFirst ? 'DESC' : 'ASC';
  return manager.query<TimelineRow[]>(
        `WITH events AS (
           SELECT c.registered_at AS at, 'CASE_REGISTERED' AS kind, c.id::text AS ref, c.registered_by AS actor_user_id, c.registering_agency_id AS actor_agency_id,
                  jsonb_build_object('status', c.status) AS details
           FROM case_file c WHERE c.id = $1
           UNION ALL
           SELECT pr.ran_at, 'PROFILED', pr.id::text, pr.ran_by, NULL, jsonb_build_object('version', pr.version, 'trigger', pr.trigger, 'sopVersionId', pr.sop_version_id)
           FROM profiling_run pr WHERE pr.case_id = $1
           UNION ALL
           SELECT pd.decided_at, 'PROFILE_' || pd.action, pd.id::text, pd.decided_by, NULL, jsonb_build_object('profile', pd.profile)
           FROM profile_decision pd WHERE pd.case_id = $1
           UNION ALL
           SELECT e.occurred_at, 'REFERRAL_' || e.to_status, e.id::text, e.actor_user_id, e.actor_agency_id,
                  jsonb_build_object('referralId', e.referral_id, 'agencyId', r.agency_id, 'from', e.from_status)
           FROM referral_event e JOIN referral r ON r.id = e.referral_id WHERE e.case_id = $1
           UNION ALL
           SELECT n.created_at, 'NOTE_ADDED', n.id::text, n.author_user_id, n.author_agency_id, jsonb_build_object('noteId', n.id, 'sensitivity', n.sensitivity)
           FROM case_note n WHERE n.case_id = $1
           UNION ALL
           SELECT t.created_at, 'TASK_CREATED', t.id::text || ':c', NULL, t.agency_id, jsonb_build_object('taskId', t.id, 'task', t.kind, 'dueAt', t.due_at)
           FROM case_task t WHERE t.case_id = $1
           UNION ALL
           SELECT t.closed_at, 'TASK_' || t.status, t.id::text || ':d', t.closed_by, NULL, jsonb_build_object('taskId', t.id, 'task', t.kind)
           FROM case_task t WHERE t.case_id = $1 AND t.closed_at IS NOT NULL
           UNION ALL
           SELECT cr.recorded_at, 'CONSENT_' || cr.decision, cr.id::text || ':r', cr.recorded_by, cr.recorded_by_agency_id,
                  jsonb_build_object('consentId', cr.id, 'purpose', cr.purpose, 'legalBasis', cr.legal_basis)
           FROM consent_record cr WHERE cr.case_id = $1
           UNION ALL
           SELECT cr.withdrawn_at, 'CONSENT_WITHDRAWN', cr.id::text || ':w', cr.withdrawn_by, NULL, jsonb_build_object('consentId', cr.id, 'purpose', cr.purpose)
           FROM consent_record cr WHERE cr.case_id = $1 AND cr.withdrawn_at IS NOT NULL
           UNION ALL
           SELECT pe.decided_at, 'ENCOUNTER_' || pe.status, pe.id::text, pe.decided_by, NULL, jsonb_build_object('encounterId', pe.id)
           FROM possible_encounter pe WHERE pe.case_id = $1 AND pe.decided_at IS NOT NULL
           UNION ALL
           -- Protection records, case management and safeguard events, as the audit trail keeps them (one
           -- entry per change), shown only where the reader may see every field group the change touched.
           SELECT ae.occurred_at, replace(ae.action, '.', '_'), 'a' || ae.id::text, ae.actor_user_id, ae.actor_agency_id, '{}'::jsonb
           FROM audit_event ae
           WHERE ae.case_id = $1 AND ae.outcome <> 'FAILURE' AND ae.action LIKE ANY (${TIMELINE_AUDIT_PATTERNS}) AND ae.field_groups <@ ${after ? '$6' : '$3'}::text[]
         )
         SELECT at, (extract(epoch FROM at) * 1000000)::bigint::text AS at_us, kind, ref, actor_user_id, actor_agency_id, details FROM events
         ${after ? `WHERE ((extract(epoch FROM at) * 1000000)::bigint, kind, ref) ${newestFirst ? '<' : '>'} ($3::bigint, $4, $5)` : ''}
         ORDER BY at ${direction}, kind ${direction}, ref ${direction} LIMIT $2`,
    after ? [caseId, limit + 1, after.atUs, after.kind, after.ref, readableGroups] : [caseId, limit + 1, readableGroups],
  );
}

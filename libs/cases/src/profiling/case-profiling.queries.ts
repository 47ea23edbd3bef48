import type { FiredIndicator, ProfileCode, SuggestedProfile, Urgency } from '@kivuko/profiling';
import { EntityManager } from 'typeorm';
import type { ProfileStatus, ProfilingRunView } from './case-profiling.service';

/** The SQL of a case's profiling: its runs, its profiles and the decisions on them. */

/** A row of case_profile, as the service reads it. */
export interface ProfileRow {
  profile: ProfileCode;
  origin: 'SUGGESTED' | 'ADDED';
  status: ProfileStatus;
  urgency: Urgency;
  indicators: FiredIndicator[];
  needs_codes: string[];
  suggested: boolean;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
}

export interface ProfilingRunRow {
  version: number;
  rule_set_version: string;
  sop_version_id: string | null;
  trigger: string;
  ran_at: Date;
  ran_by: string | null;
  profiles: SuggestedProfile[];
  diff: ProfilingRunView['diff'];
}

export interface ProfileDecisionRow {
  profile: ProfileCode;
  action: string;
  reason: string | null;
  decided_by: string;
  decided_at: Date;
}

export async function latestRun(manager: EntityManager, caseId: string): Promise<{ version: number; profiles: SuggestedProfile[] } | undefined> {
  const [previous] = await manager.query<{ version: number; profiles: SuggestedProfile[] }[]>(
    `SELECT version, profiles FROM profiling_run WHERE case_id = $1 ORDER BY version DESC LIMIT 1`,
    [caseId],
  );
  return previous;
}

/** Keeps the suggested profiles of a run: new ones as SUGGESTED, existing ones updated and marked suggested (decisions kept). */
export async function upsertSuggested(manager: EntityManager, caseId: string, version: number, suggested: readonly SuggestedProfile[]): Promise<void> {
  await manager.query(
    `INSERT INTO case_profile (case_id, profile, origin, status, urgency, indicators, needs_codes, suggested, run_version)
         SELECT $1, s.profile, 'SUGGESTED', 'SUGGESTED', s.urgency, s.indicators::jsonb, ARRAY(SELECT jsonb_array_elements_text(s.codes::jsonb)), true, $2
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS s(profile, urgency, indicators, codes)
         ON CONFLICT (case_id, profile) DO UPDATE SET urgency = EXCLUDED.urgency, indicators = EXCLUDED.indicators,
           needs_codes = EXCLUDED.needs_codes, suggested = true, run_version = EXCLUDED.run_version, updated_at = now()`,
    [
      caseId,
      version,
      suggested.map((p) => p.profile),
      suggested.map((p) => p.urgency),
      suggested.map((p) => JSON.stringify(p.indicators)),
      suggested.map((p) => JSON.stringify(p.needsCodes)),
    ],
  );
}

/** An asylum-seeker profile removed for a withdrawn wish is suggested again (the decision no longer holds). */
export async function restoreRemovedAsylumSeeker(manager: EntityManager, caseId: string): Promise<void> {
  await manager.query(
    `UPDATE case_profile SET status = 'SUGGESTED', decided_by = NULL, decided_at = NULL, reason = NULL, updated_at = now() WHERE case_id = $1 AND profile = 'ASYLUM_SEEKER' AND status = 'REMOVED'`,
    [caseId],
  );
}

/** Profiles no longer suggested: gone if nobody decided on them, otherwise kept (no longer marked suggested). */
export async function dropUnsuggested(manager: EntityManager, caseId: string, still: readonly ProfileCode[]): Promise<void> {
  await manager.query(
    `DELETE FROM case_profile WHERE case_id = $1 AND origin = 'SUGGESTED' AND status = 'SUGGESTED' AND NOT (profile = ANY ($2::text[]))`,
    [caseId, still],
  );
  await manager.query(
    `UPDATE case_profile SET suggested = false, updated_at = now() WHERE case_id = $1 AND suggested AND NOT (profile = ANY ($2::text[]))`,
    [caseId, still],
  );
}

export interface NewProfilingRun {
  id: string;
  caseId: string;
  version: number;
  ruleSetVersion: string;
  trigger: string;
  /** JSON texts. */
  profiles: string;
  withheld: string;
  diff: string;
  ranBy: string | null;
  sopVersionId: string | null;
}

export async function insertRun(manager: EntityManager, run: NewProfilingRun): Promise<void> {
  await manager.query(
    `INSERT INTO profiling_run (id, case_id, version, rule_set_version, trigger, profiles, withheld, diff, ran_by, sop_version_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10)`,
    [run.id, run.caseId, run.version, run.ruleSetVersion, run.trigger, run.profiles, run.withheld, run.diff, run.ranBy, run.sopVersionId],
  );
}

export function profilesOf(manager: EntityManager, caseId: string): Promise<ProfileRow[]> {
  return manager.query<ProfileRow[]>(
    `SELECT profile, origin, status, urgency, indicators, needs_codes, suggested, decided_by, decided_at, reason FROM case_profile WHERE case_id = $1`,
    [caseId],
  );
}

export function profileStatuses(manager: EntityManager, caseId: string): Promise<{ profile: ProfileCode; status: ProfileStatus }[]> {
  return manager.query<{ profile: ProfileCode; status: ProfileStatus }[]>(`SELECT profile, status FROM case_profile WHERE case_id = $1`, [caseId]);
}

export async function markSuperseded(manager: EntityManager, caseId: string, profiles: readonly ProfileCode[], reason: string): Promise<void> {
  await manager.query(
    `UPDATE case_profile SET status = 'SUPERSEDED', decided_at = now(), reason = $3, updated_at = now() WHERE case_id = $1 AND profile = ANY ($2::text[])`,
    [caseId, profiles, reason],
  );
}

/** Every profiling run of a case, newest first. */
export function runsOf(manager: EntityManager, caseId: string): Promise<ProfilingRunRow[]> {
  return manager.query<ProfilingRunRow[]>(
    `SELECT version, rule_set_version, sop_version_id, trigger, ran_at, ran_by, profiles, diff FROM profiling_run WHERE case_id = $1 ORDER BY version DESC`,
    [caseId],
  );
}

/** Every decision on a case's profiles, in the order taken. */
export function decisionsOf(manager: EntityManager, caseId: string): Promise<ProfileDecisionRow[]> {
  return manager.query<ProfileDecisionRow[]>(
    `SELECT profile, action, reason, decided_by, decided_at FROM profile_decision WHERE case_id = $1 ORDER BY decided_at, id`,
    [caseId],
  );
}

/** Locks the case row: one decision on a case at a time. */
export async function lockCase(manager: EntityManager, caseId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM case_file WHERE id = $1 FOR UPDATE`, [caseId]);
}

export interface BlockedRemoval {
  id: string;
  caseId: string;
  safeguard: string;
  attempted: string;
  reasons: string[];
  actorUserId: string;
  actorAgencyId: string;
}

/** A refused profile removal, on the safeguard trail. */
export async function insertBlockedRemoval(manager: EntityManager, event: BlockedRemoval): Promise<void> {
  await manager.query(
    `INSERT INTO safeguard_event (id, case_id, safeguard, outcome, attempted, reasons, actor_user_id, actor_agency_id) VALUES ($1, $2, $3, 'BLOCKED', $4, $5, $6, $7)`,
    [event.id, event.caseId, event.safeguard, event.attempted, event.reasons, event.actorUserId, event.actorAgencyId],
  );
}

/** One profile of a case, locked for a decision. */
export async function lockProfile(manager: EntityManager, caseId: string, code: ProfileCode): Promise<ProfileRow | undefined> {
  const [existing] = await manager.query<ProfileRow[]>(`SELECT * FROM case_profile WHERE case_id = $1 AND profile = $2 FOR UPDATE`, [caseId, code]);
  return existing;
}

export async function confirmProfile(manager: EntityManager, caseId: string, code: ProfileCode, decidedBy: string): Promise<void> {
  await manager.query(`UPDATE case_profile SET status = 'CONFIRMED', decided_by = $3, decided_at = now(), reason = NULL, updated_at = now() WHERE case_id = $1 AND profile = $2`, [caseId, code, decidedBy]);
}

export async function addProfile(manager: EntityManager, caseId: string, code: ProfileCode, urgency: Urgency, decidedBy: string, reason: string | undefined): Promise<void> {
  await manager.query(
    `INSERT INTO case_profile (case_id, profile, origin, status, urgency, suggested, decided_by, decided_at, reason)
         VALUES ($1, $2, 'ADDED', 'CONFIRMED', $3, false, $4, now(), $5)
         ON CONFLICT (case_id, profile) DO UPDATE SET status = 'CONFIRMED', decided_by = EXCLUDED.decided_by, decided_at = now(), reason = EXCLUDED.reason, updated_at = now()`,
    [caseId, code, urgency, decidedBy, reason],
  );
}

/** The minimum age found by the case's latest completed age assessment. */
export async function latestAssessedMinimumAge(manager: EntityManager, caseId: string): Promise<number | undefined> {
  const [assessed] = await manager.query<{ minimum_age: number }[]>(
    `SELECT minimum_age FROM age_assessment WHERE case_id = $1 AND completed_on IS NOT NULL ORDER BY completed_on DESC, created_at DESC LIMIT 1`,
    [caseId],
  );
  return assessed?.minimum_age;
}

export async function removeProfile(manager: EntityManager, caseId: string, code: ProfileCode, decidedBy: string, reason: string | undefined): Promise<void> {
  await manager.query(`UPDATE case_profile SET status = 'REMOVED', decided_by = $3, decided_at = now(), reason = $4, updated_at = now() WHERE case_id = $1 AND profile = $2`, [caseId, code, decidedBy, reason]);
}

export interface NewProfileDecision {
  id: string;
  caseId: string;
  profile: ProfileCode;
  action: string;
  reason: string | null;
  decidedBy: string;
}

export async function insertDecision(manager: EntityManager, decision: NewProfileDecision): Promise<void> {
  await manager.query(`INSERT INTO profile_decision (id, case_id, profile, action, reason, decided_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
    decision.id,
    decision.caseId,
    decision.profile,
    decision.action,
    decision.reason,
    decision.decidedBy,
  ]);
}

/** The border point of a case, if the case is visible (row security) to the transaction's actor. */
export async function borderPointOfCase(manager: EntityManager, caseId: string): Promise<string | undefined> {
  const [row] = await manager.query<{ border_point_id: string }[]>(`SELECT border_point_id FROM case_file WHERE id = $1`, [caseId]);
  return row?.border_point_id;
}

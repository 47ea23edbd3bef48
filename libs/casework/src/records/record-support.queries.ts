import { AgencyKind } from '@kivuko/access';
import { FiredIndicator, ProfileCode } from '@kivuko/profiling';
import { AppealOutcome, AsylumDecision, BidDecision, TraffickingStatus } from '@kivuko/safeguards';
import { EntityManager } from 'typeorm';

/** The SQL the records of every kind share: the case's context, the caller's mandate, the safeguards' facts, the trail. */

/** The case's border point and country, locked for update when `lock` (a record that decides on the case's state). */
export async function findCaseContext(manager: EntityManager, caseId: string, lock: boolean): Promise<{ border_point_id: string; country: string } | undefined> {
  const [row] = await manager.query<{ border_point_id: string; country: string }[]>(
    `SELECT c.border_point_id, bp.country FROM case_file c JOIN border_point bp ON bp.id = c.border_point_id WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
    [caseId],
  );
  return row;
}

export async function findAgencyMandate(manager: EntityManager, agencyId: string): Promise<{ kind: AgencyKind; services: string[] } | undefined> {
  const [agency] = await manager.query<{ kind: AgencyKind; services: string[] }[]>(`SELECT kind, services FROM agency WHERE id = $1`, [agencyId]);
  return agency;
}

export interface FactsRow {
  profiles: { profile: ProfileCode; indicators: FiredIndicator[] | null }[];
  claim: { decision: AsylumDecision | null; appealLodged: boolean; appealOutcome: AppealOutcome | null; withdrawn: boolean } | null;
  trafficking: { status: TraffickingStatus; startsOn: string | null; endsOn: string | null; endedOn: string | null } | null;
  bid: BidDecision | null;
  best_interests_assessed: boolean;
  minimum_age: number | null;
  open_flags: number;
}

/** What the safeguards read of a case, in one statement (its standing profiles, claim, trafficking record, BID, age, flags). */
export async function findSafeguardFactsRow(manager: EntityManager, caseId: string): Promise<FactsRow> {
  const [row] = await manager.query<FactsRow[]>(
      `SELECT
         (SELECT coalesce(jsonb_agg(jsonb_build_object('profile', p.profile, 'indicators', p.indicators)), '[]') FROM case_profile p WHERE p.case_id = $1 AND p.status NOT IN ('REMOVED', 'SUPERSEDED')) AS profiles,
         (SELECT jsonb_build_object('decision', a.decision, 'appealLodged', a.appeal_lodged_on IS NOT NULL, 'appealOutcome', a.appeal_outcome, 'withdrawn', a.withdrawn_on IS NOT NULL)
            FROM asylum_claim a WHERE a.case_id = $1
            -- Protection once granted stands whatever became of that claim or came after it; else the claim in force, else the latest.
            ORDER BY coalesce(a.decision IN ('RECOGNISED', 'COMPLEMENTARY_PROTECTION') OR a.appeal_outcome = 'ALLOWED', false) DESC, a.withdrawn_on IS NULL DESC, a.created_at DESC LIMIT 1) AS claim,
         (SELECT jsonb_build_object('status', t.status, 'startsOn', to_char(t.reflection_starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(t.reflection_ends_on, 'YYYY-MM-DD'),
                 'endedOn', to_char(t.reflection_ended_on, 'YYYY-MM-DD'))
            FROM trafficking_record t WHERE t.case_id = $1) AS trafficking,
         (SELECT b.decision FROM best_interests_procedure b WHERE b.case_id = $1 AND b.kind = 'BID' AND b.completed_on IS NOT NULL ORDER BY b.completed_on DESC, b.created_at DESC LIMIT 1) AS bid,
         EXISTS (SELECT 1 FROM best_interests_procedure b WHERE b.case_id = $1 AND b.completed_on IS NOT NULL) AS best_interests_assessed,
         (SELECT g.minimum_age FROM age_assessment g WHERE g.case_id = $1 AND g.completed_on IS NOT NULL ORDER BY g.completed_on DESC, g.created_at DESC LIMIT 1) AS minimum_age,
         (SELECT count(*)::int FROM protection_flag f WHERE f.case_id = $1 AND f.kind = 'REFOULEMENT_RISK' AND f.closed_at IS NULL) AS open_flags`,
      [caseId],
    );
  return row;
}

/** The agency leading the case now (its name and kind), as a refusal names it: none before any lead is set. */
export async function findCaseLead(manager: EntityManager, caseId: string): Promise<{ name: string; kind: AgencyKind } | undefined> {
  const [row] = await manager.query<{ name: string; kind: AgencyKind }[]>(`SELECT a.name, a.kind FROM case_lead l JOIN agency a ON a.id = l.agency_id WHERE l.case_id = $1`, [caseId]);
  return row;
}

/** The case's open refoulement-risk flags, oldest first, with the agency that opened each, as a refusal names them. */
export async function findOpenRiskFlags(manager: EntityManager, caseId: string): Promise<{ id: string; opened_at: Date; name: string; kind: AgencyKind }[]> {
  return manager.query(
    `SELECT f.id, f.created_at AS opened_at, a.name, a.kind FROM protection_flag f JOIN agency a ON a.id = f.agency_id
      WHERE f.case_id = $1 AND f.kind = 'REFOULEMENT_RISK' AND f.closed_at IS NULL ORDER BY f.created_at, f.id`,
    [caseId],
  );
}

export async function insertSafeguardEvent(
  manager: EntityManager,
  event: { id: string; caseId: string; safeguard: string; outcome: string; attempted: string; reasons: readonly string[]; justification: string | null; actorUserId: string; actorAgencyId: string },
): Promise<void> {
  await manager.query(
    `INSERT INTO safeguard_event (id, case_id, safeguard, outcome, attempted, reasons, justification, actor_user_id, actor_agency_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [event.id, event.caseId, event.safeguard, event.outcome, event.attempted, event.reasons, event.justification, event.actorUserId, event.actorAgencyId],
  );
}

/** The agency's open tasks for an SOP action on the case, made for a referral, are done. */
export async function closeActionTasks(manager: EntityManager, task: { caseId: string; action: string; agencyId: string; userId: string }): Promise<void> {
  await manager.query(
    `UPDATE case_task SET status = 'DONE', closed_at = now(), closed_by = $4 WHERE case_id = $1 AND kind = $2 AND agency_id = $3 AND status = 'OPEN' AND referral_id IS NOT NULL`,
    [task.caseId, task.action, task.agencyId, task.userId],
  );
}

import { AgencyKind, DEFAULT_DATA_SHARING, FieldGroup } from '@kivuko/access';
import { AuditService } from '@kivuko/audit';
import { agencyKindOf, PROFILE_GROUP } from '@kivuko/cases';
import { Actor, actorScope, Clock, UnitOfWork } from '@kivuko/platform';
import { isProfileCode } from '@kivuko/profiling';
import { Injectable } from '@nestjs/common';
import { casesByStatus, openProfiles } from './dashboard.queries';

export interface DashboardView {
  /** Whose caseload: the cases of the caller's border points, or those the caller's agency holds. */
  scope: 'BORDER_POINTS' | 'AGENCY';
  asOf: string;
  caseload: { byStatus: Record<string, number>; byProfile: Record<string, number> };
  referrals: { overdue: number; awaitingConsent: number; open: number };
  tasks: { open: number; overdue: number };
  casesWithoutLead: number;
  detention: { open: number; reviewOverdue: number };
}

/**
 * The supervisor's dashboard: counts over the cases the caller sees (row-level security decides which),
 * never a name. An agency's counts by profile leave out the profiles whose section its kind of agency
 * does not receive under the default sharing map.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  view(actor: Actor, correlationId?: string): Promise<DashboardView> {
    const scope = actor.borderPointIds.length > 0 ? 'BORDER_POINTS' : 'AGENCY';
    const now = this.clock.now();
    return this.uow.run(actorScope(actor), async (manager) => {
      const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await manager.query<{ n: string }[]>(sql, params))[0].n);
      const byStatus = Object.fromEntries(
        (await casesByStatus(manager)).map((r) => [r.status, Number(r.n)]),
      );
      const kind: AgencyKind = await agencyKindOf(manager, actor.agencyId);
      const readable = new Set<FieldGroup>(DEFAULT_DATA_SHARING[kind].groups);
      const byProfile = Object.fromEntries(
        (await openProfiles(manager))
          .filter((r) => scope === 'BORDER_POINTS' || (isProfileCode(r.profile) && readable.has(PROFILE_GROUP[r.profile])))
          .map((r) => [r.profile, Number(r.n)]),
      );
      const referralSide = scope === 'BORDER_POINTS' ? `r.border_point_id = ANY ($1::uuid[])` : `r.agency_id = $1`;
      const side = scope === 'BORDER_POINTS' ? actor.borderPointIds : actor.agencyId;
      const open = `r.status NOT IN ('DECLINED', 'COMPLETED', 'WITHDRAWN')`;
      const taskSide = scope === 'BORDER_POINTS' ? `t.border_point_id = ANY ($1::uuid[])` : `t.agency_id = $1`;
      const view: DashboardView = {
        scope,
        asOf: now.toISOString(),
        caseload: { byStatus, byProfile },
        referrals: {
          open: await count(`SELECT count(*) AS n FROM referral r WHERE ${referralSide} AND ${open}`, [side]),
          overdue: await count(`SELECT count(*) AS n FROM referral r WHERE ${referralSide} AND ${open} AND r.overdue_at IS NOT NULL`, [side]),
          awaitingConsent: await count(`SELECT count(*) AS n FROM referral r WHERE ${referralSide} AND r.status = 'AWAITING_CONSENT'`, [side]),
        },
        tasks: {
          open: await count(`SELECT count(*) AS n FROM case_task t WHERE ${taskSide} AND t.status = 'OPEN'`, [side]),
          overdue: await count(`SELECT count(*) AS n FROM case_task t WHERE ${taskSide} AND t.status = 'OPEN' AND t.due_at < $2`, [side, now]),
        },
        casesWithoutLead: await count(`SELECT count(*) AS n FROM case_file c WHERE c.status <> 'CLOSED' AND NOT EXISTS (SELECT 1 FROM case_lead l WHERE l.case_id = c.id)`),
        detention: {
          open: await count(`SELECT count(*) AS n FROM detention_episode d WHERE d.ended_at IS NULL`),
          reviewOverdue: await count(`SELECT count(*) AS n FROM detention_episode d WHERE d.ended_at IS NULL AND d.next_review_on < $1::date`, [now.toISOString().slice(0, 10)]),
        },
      };
      await this.audit.record(manager, { action: 'DASHBOARD.READ', actor, purpose: 'SUPERVISION', correlationId });
      return view;
    });
  }
}

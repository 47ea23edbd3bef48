import { AgencyKind, DEFAULT_DATA_SHARING, FieldGroup } from '@kivuko/access';
import { AuditService } from '@kivuko/audit';
import { agencyKindOf, PROFILE_GROUP } from '@kivuko/cases';
import { Actor, actorScope, Clock, UnitOfWork } from '@kivuko/platform';
import { isProfileCode } from '@kivuko/profiling';
import { Injectable } from '@nestjs/common';
import { casesByStatus, dashboardCounts, openProfiles } from './dashboard.queries';

export interface DashboardView {
  /** Whose caseload: the cases of the caller's border points, or those the caller's agency holds. */
  scope: 'BORDER_POINTS' | 'AGENCY';
  asOf: string;
  caseload: { byStatus: Record<string, number>; byProfile: Record<string, number> };
  /** Open referrals: overdue ones also counted per receiving agency, most overdue first. */
  referrals: { overdue: number; awaitingConsent: number; open: number; overdueByAgency: { agencyId: string; agency: string; overdue: number }[] };
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
      const view: DashboardView = {
        scope,
        asOf: now.toISOString(),
        caseload: { byStatus, byProfile },
        ...(await dashboardCounts(manager, scope === 'BORDER_POINTS' ? { borderPointIds: actor.borderPointIds } : { agencyId: actor.agencyId }, now)),
      };
      await this.audit.record(manager, { action: 'DASHBOARD.READ', actor, purpose: 'SUPERVISION', correlationId });
      return view;
    });
  }
}

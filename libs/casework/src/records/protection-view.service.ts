import { FieldGroup } from '@kivuko/access';
import { Actor, actorScope, Clock } from '@kivuko/platform';
import { CasePolicy, readableGroups } from '@kivuko/cases';
import {
  DETENTION_GROUND_TEXT,
  DetentionGround,
  enforcedDetentionGrounds,
  NonRefoulementReason,
  nonRefoulementReasons,
  OFFENCES,
  prosecutionBlocked,
  REASON_TEXT,
} from '@kivuko/safeguards';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ASYLUM_WISH_WITHDRAWAL_COLUMNS } from './asylum-wish/asylum-wish.queries';
import { asylumWishWithdrawalView, AsylumWishWithdrawalView } from './asylum-wish/asylum-wish.service';
import { ASYLUM_CLAIM_COLUMNS } from './asylum/asylum.queries';
import { asylumClaimView, AsylumClaimView } from './asylum/asylum.service';
import { AGE_ASSESSMENT_COLUMNS, BEST_INTERESTS_COLUMNS, GUARDIAN_COLUMNS } from './children/children.queries';
import { ageAssessmentView, AgeAssessmentView, bestInterestsView, BestInterestsView, guardianView, GuardianView } from './children/children.service';
import { DETENTION_SELECT } from './detention/detention.queries';
import { detentionView, DetentionView } from './detention/detention.service';
import { PLACEMENT_COLUMNS, REUNIFICATION_COLUMNS, TRACING_COLUMNS } from './family/family.queries';
import { CarePlacementView, placementView, reunificationView, ReunificationView, tracingView, TracingView } from './family/family.service';
import { FLAG_COLUMNS } from './flags/flags.queries';
import { flagView, FlagView } from './flags/flags.service';
import { RecordSupport } from './record-support';
import { REMOVAL_COLUMNS, RETURN_COLUMNS } from './returns/returns.queries';
import { removalOrderView, RemovalOrderView, voluntaryReturnView, VoluntaryReturnView } from './returns/returns.service';
import { TRAFFICKING_COLUMNS } from './trafficking/trafficking.queries';
import { traffickingView, TraffickingView } from './trafficking/trafficking.service';

/** The case's protection records, each shown only to readers whose agency may see its field group. */
export interface ProtectionRecordsView {
  asylumClaims?: AsylumClaimView[];
  /** The person's withdrawal of the asylum wish, if recorded (without the words). */
  asylumWishWithdrawal?: AsylumWishWithdrawalView | null;
  trafficking?: TraffickingView | null;
  guardians?: GuardianView[];
  bestInterests?: BestInterestsView[];
  ageAssessments?: AgeAssessmentView[];
  familyTracing?: TracingView[];
  reunifications?: ReunificationView[];
  carePlacements?: CarePlacementView[];
  detentions?: DetentionView[];
  removalOrders?: RemovalOrderView[];
  voluntaryReturns?: VoluntaryReturnView[];
  flags?: FlagView[];
  /** Field groups with records this reader may not see (named, never shown). */
  withheld: FieldGroup[];
}

/** The section each reason comes from: who does not receive it learns only that a protection need stands. */
const REASON_GROUP: Readonly<Record<NonRefoulementReason, FieldGroup>> = {
  ASYLUM_WISH_PENDING: FieldGroup.ASYLUM,
  ASYLUM_CLAIM_PENDING: FieldGroup.ASYLUM,
  ASYLUM_APPEAL_PENDING: FieldGroup.ASYLUM,
  INTERNATIONAL_PROTECTION_GRANTED: FieldGroup.ASYLUM,
  REFLECTION_PERIOD_RUNNING: FieldGroup.TRAFFICKING,
  PRESUMED_TRAFFICKING_VICTIM_WITHOUT_REFLECTION_PERIOD: FieldGroup.TRAFFICKING,
  CHILD_WITHOUT_BID_SUPPORTING_RETURN: FieldGroup.CHILD,
  REFOULEMENT_RISK_FLAG_OPEN: FieldGroup.RETURN,
  PROTECTION_PROFILE_OPEN: FieldGroup.NEEDS,
};
const GROUND_GROUP: Readonly<Record<DetentionGround, FieldGroup>> = {
  UNACCOMPANIED_OR_SEPARATED_CHILD: FieldGroup.CHILD,
  CHILD: FieldGroup.CHILD,
  TRAFFICKING_VICTIM: FieldGroup.TRAFFICKING,
  TORTURE_SURVIVOR: FieldGroup.TORTURE,
  SGBV_SURVIVOR: FieldGroup.SGBV,
  PREGNANT: FieldGroup.HEALTH,
  SERIOUSLY_ILL: FieldGroup.HEALTH,
};
const GENERIC_REASON = { code: 'PROTECTION_NEED_OPEN', text: 'a protection need recorded in a section your agency does not receive' };
const GENERIC_GROUND = { code: 'OTHER_PROTECTED_GROUND', text: 'a protected ground recorded in a section your agency does not receive' };

/** Where the safeguards stand for the case now: what would be refused, and why (as far as the reader may know). */
export interface SafeguardStatusView {
  removal: { allowed: boolean; reasons: { code: NonRefoulementReason | string; text: string }[] };
  voluntaryReturn: { allowed: boolean; reasons: { code: NonRefoulementReason | string; text: string }[] };
  detention: { guardEnabled: boolean; protectedGrounds: { code: DetentionGround | string; text: string }[] };
  prosecution: { nonCriminalisationEnabled: boolean; blockedOffences: string[] };
}

/** Reading a case's protection records and its safeguard status, within the reader's scope and field groups. */
@Injectable()
export class ProtectionViewService {
  constructor(
    private readonly support: RecordSupport,
    private readonly policy: CasePolicy,
    private readonly clock: Clock,
  ) {}

  private readable(manager: EntityManager, actor: Actor, caseId: string): Promise<Set<FieldGroup>> {
    return readableGroups(manager, this.policy, actor, caseId);
  }

  records(actor: Actor, caseId: string, correlationId?: string): Promise<ProtectionRecordsView> {
    return this.support.uow.run(actorScope(actor), async (manager) => {
      await this.support.readCase(manager, caseId);
      const groups = await this.readable(manager, actor, caseId);
      const now = this.clock.now();
      const view: ProtectionRecordsView = { withheld: [] };
      const q = <T>(sql: string): Promise<T[]> => manager.query<T[]>(sql, [caseId]);
      const section = async <T>(group: FieldGroup, load: () => Promise<T>, present: (value: T) => boolean): Promise<T | undefined> => {
        const value = await load();
        if (groups.has(group)) return value;
        if (present(value) && !view.withheld.includes(group)) view.withheld.push(group);
        return undefined;
      };
      const some = (rows: unknown): boolean => (Array.isArray(rows) ? rows.length > 0 : rows !== null && rows !== undefined);
      view.asylumClaims = await section(FieldGroup.ASYLUM, async () => (await q<Parameters<typeof asylumClaimView>[0]>(`SELECT ${ASYLUM_CLAIM_COLUMNS} FROM asylum_claim WHERE case_id = $1 ORDER BY created_at`)).map(asylumClaimView), some);
      view.asylumWishWithdrawal = await section(
        FieldGroup.ASYLUM,
        async () => {
          const [row] = await q<Parameters<typeof asylumWishWithdrawalView>[0]>(`SELECT ${ASYLUM_WISH_WITHDRAWAL_COLUMNS} FROM asylum_wish_withdrawal WHERE case_id = $1 ORDER BY created_at DESC LIMIT 1`);
          return row ? asylumWishWithdrawalView(row) : null;
        },
        some,
      );
      view.trafficking = await section(
        FieldGroup.TRAFFICKING,
        async () => {
          const [row] = await q<Parameters<typeof traffickingView>[0]>(`SELECT ${TRAFFICKING_COLUMNS} FROM trafficking_record WHERE case_id = $1`);
          return row ? traffickingView(row, now) : null;
        },
        some,
      );
      view.guardians = await section(FieldGroup.CHILD, async () => (await q<Parameters<typeof guardianView>[0]>(`SELECT ${GUARDIAN_COLUMNS} FROM guardian_appointment WHERE case_id = $1 ORDER BY appointed_on, created_at`)).map(guardianView), some);
      view.bestInterests = await section(FieldGroup.CHILD, async () => (await q<Parameters<typeof bestInterestsView>[0]>(`SELECT ${BEST_INTERESTS_COLUMNS} FROM best_interests_procedure WHERE case_id = $1 ORDER BY opened_on, created_at`)).map(bestInterestsView), some);
      view.ageAssessments = await section(FieldGroup.CHILD, async () => (await q<Parameters<typeof ageAssessmentView>[0]>(`SELECT ${AGE_ASSESSMENT_COLUMNS} FROM age_assessment WHERE case_id = $1 ORDER BY requested_on, created_at`)).map(ageAssessmentView), some);
      view.familyTracing = await section(FieldGroup.CHILD, async () => (await q<Parameters<typeof tracingView>[0]>(`SELECT ${TRACING_COLUMNS} FROM family_tracing WHERE case_id = $1 ORDER BY created_at`)).map(tracingView), some);
      view.reunifications = await section(FieldGroup.CHILD, async () => (await q<Parameters<typeof reunificationView>[0]>(`SELECT ${REUNIFICATION_COLUMNS} FROM family_reunification WHERE case_id = $1 ORDER BY created_at`)).map(reunificationView), some);
      view.carePlacements = await section(FieldGroup.CHILD, async () => (await q<Parameters<typeof placementView>[0]>(`SELECT ${PLACEMENT_COLUMNS} FROM care_placement WHERE case_id = $1 ORDER BY started_on, created_at`)).map(placementView), some);
      view.detentions = await section(FieldGroup.DETENTION, async () => (await q<Parameters<typeof detentionView>[0]>(`${DETENTION_SELECT} WHERE d.case_id = $1 ORDER BY d.started_at`)).map((r) => detentionView(r, now)), some);
      view.removalOrders = await section(FieldGroup.RETURN, async () => (await q<Parameters<typeof removalOrderView>[0]>(`SELECT ${REMOVAL_COLUMNS} FROM removal_order WHERE case_id = $1 ORDER BY decided_on, created_at`)).map(removalOrderView), some);
      view.voluntaryReturns = await section(FieldGroup.RETURN, async () => (await q<Parameters<typeof voluntaryReturnView>[0]>(`SELECT ${RETURN_COLUMNS} FROM voluntary_return WHERE case_id = $1 ORDER BY requested_on, created_at`)).map(voluntaryReturnView), some);
      view.flags = await section(FieldGroup.RETURN, async () => (await q<Parameters<typeof flagView>[0]>(`SELECT ${FLAG_COLUMNS} FROM protection_flag WHERE case_id = $1 ORDER BY created_at`)).map(flagView), some);
      for (const key of Object.keys(view) as (keyof ProtectionRecordsView)[]) if (view[key] === undefined) delete view[key];
      await this.support.audit.record(manager, {
        action: 'CASE.PROTECTION_RECORDS_READ',
        actor,
        caseId,
        fieldGroups: [FieldGroup.ASYLUM, FieldGroup.TRAFFICKING, FieldGroup.CHILD, FieldGroup.DETENTION, FieldGroup.RETURN].filter((g) => groups.has(g)),
        purpose: 'CASE_WORK',
        correlationId,
      });
      return view;
    });
  }

  /**
   * What the safeguards would refuse now. The refusal itself (409) names its reasons to whoever attempts
   * the act; this read names them to the registering border point, and to an agency only for the
   * sections it receives.
   */
  status(actor: Actor, caseId: string, correlationId?: string): Promise<SafeguardStatusView> {
    return this.support.uow.run(actorScope(actor), async (manager) => {
      const context = await this.support.readCase(manager, caseId);
      const facts = await this.support.facts(manager, caseId);
      const sop = await this.support.sop(manager, context);
      const now = this.clock.now();
      // The registering border point sees why; an agency sees why only where it receives the section the
      // reason comes from, and otherwise that a protection need stands (the rule still binds it).
      const everything = actor.borderPointIds.includes(context.borderPointId);
      const groups = everything ? null : await this.readable(manager, actor, caseId);
      const revealed = new Set<FieldGroup>();
      const shown = <C extends string>(code: C, group: FieldGroup, text: string, generic: { code: string; text: string }): { code: C | string; text: string } => {
        if (groups === null || groups.has(group)) {
          revealed.add(group);
          return { code, text };
        }
        return generic;
      };
      const uniq = <T extends { code: string }>(items: T[]): T[] => items.filter((item, i) => items.findIndex((o) => o.code === item.code) === i);
      const lock = (kind: 'REMOVAL' | 'VOLUNTARY_RETURN') => {
        const reasons = nonRefoulementReasons(facts, kind, now);
        return { allowed: reasons.length === 0, reasons: uniq(reasons.map((code) => shown(code, REASON_GROUP[code], REASON_TEXT[code], GENERIC_REASON))) };
      };
      const guardEnabled = sop.safeguards.DETENTION_GUARD.enabled;
      const nonCriminalisationEnabled = sop.safeguards.NON_CRIMINALISATION.enabled;
      const view: SafeguardStatusView = {
        removal: lock('REMOVAL'),
        voluntaryReturn: lock('VOLUNTARY_RETURN'),
        detention: {
          guardEnabled,
          protectedGrounds: uniq(
            enforcedDetentionGrounds(facts, { pregnant: false, seriouslyIll: false }, guardEnabled).map((code) => shown(code, GROUND_GROUP[code], DETENTION_GROUND_TEXT[code], GENERIC_GROUND)),
          ),
        },
        prosecution: { nonCriminalisationEnabled, blockedOffences: nonCriminalisationEnabled ? OFFENCES.filter((o) => prosecutionBlocked(facts, o)) : [] },
      };
      await this.support.audit.record(manager, { action: 'CASE.SAFEGUARDS_READ', actor, caseId, fieldGroups: [...revealed], purpose: 'CASE_WORK', correlationId });
      return view;
    });
  }
}

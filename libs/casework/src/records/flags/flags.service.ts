import { FieldGroup } from '@kivuko/access';
import { Actor, actorScope, Permission, permissionsOf } from '@kivuko/platform';
import { isTraffickingVictim, MIN_FINDING, ProsecutionRefusal, prosecutionRefusal } from '@kivuko/safeguards';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloseFlagDto, OpenFlagDto } from './flags.dto';
import { invalid, MANDATES, notFound, RecordSupport, Refused } from '../record-support';
import { CaseworkErrors } from '../../casework.errors';
import { FlagRow, insertFlag, lockFlag, markFlagClosed, readFlag } from './flags.queries';

export interface FlagView {
  id: string;
  kind: 'REFOULEMENT_RISK' | 'PROSECUTION';
  offence: string | null;
  reason: string;
  open: boolean;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  closeReason: string | null;
  /** For an OTHER offence against a presumed or identified trafficking victim: the supervisor's finding that it is unrelated to the trafficking. */
  unrelatedOffenceFinding: { text: string; by: string } | null;
  agencyId: string;
}

export const flagView = (r: FlagRow): FlagView => ({
  id: r.id,
  kind: r.kind,
  offence: r.offence,
  reason: r.reason,
  open: r.closed_at === null,
  openedAt: r.created_at.toISOString(),
  openedBy: r.recorded_by,
  closedAt: r.closed_at?.toISOString() ?? null,
  closeReason: r.close_reason,
  unrelatedOffenceFinding: r.unrelated_finding && r.finding_by ? { text: r.unrelated_finding, by: r.finding_by } : null,
  agencyId: r.agency_id,
});

const REFUSAL_TEXT: Readonly<Record<ProsecutionRefusal, string>> = {
  STATUS_OFFENCE: 'A presumed or identified victim of trafficking is not prosecuted for irregular entry or status offences',
  FINDING_REQUIRED:
    'A presumed or identified victim of trafficking is flagged for another offence only on a supervisor’s written finding that it is unrelated to the trafficking (unrelatedOffenceFinding)',
  FINDING_NOT_PERMITTED: 'Only a supervisor may record a finding that the offence is unrelated to the trafficking',
  FINDING_TOO_SHORT: `A finding that the offence is unrelated to the trafficking is written out: at least ${MIN_FINDING} characters`,
};

/**
 * Protection flags. Anyone working the case may raise a refoulement-risk flag (it locks removal and
 * return until closed); a prosecution flag is the border or immigration authority's. Against a presumed
 * or identified trafficking victim (non-criminalisation) it is refused for status offences, and for any
 * other offence needs a supervisor's written finding that it is unrelated to the trafficking, kept on
 * the flag and on the safeguard trail the monitor reads.
 */
@Injectable()
export class FlagsService {
  constructor(private readonly support: RecordSupport) {}

  open(actor: Actor, caseId: string, dto: OpenFlagDto, correlationId?: string): Promise<FlagView> {
    return this.support.run(actorScope(actor), async (manager) => {
      const context = await this.support.requireCase(manager, caseId);
      if (dto.unrelatedOffenceFinding !== undefined && (dto.kind !== 'PROSECUTION' || dto.offence !== 'OTHER')) {
        throw invalid('unrelatedOffenceFinding', 'a finding that the offence is unrelated to the trafficking goes only with a PROSECUTION flag for an OTHER offence');
      }
      let finding: string | null = null;
      let victim = false;
      if (dto.kind === 'PROSECUTION') {
        await this.support.requireMandate(manager, actor, MANDATES.prosecution);
        const offence = dto.offence as NonNullable<OpenFlagDto['offence']>;
        const sop = await this.support.sop(manager, context);
        if (sop.safeguards.NON_CRIMINALISATION.enabled) {
          const facts = await this.support.facts(manager, caseId);
          victim = isTraffickingVictim(facts);
          const refusal = prosecutionRefusal(facts, offence, { bySupervisor: permissionsOf(actor.roles).has(Permission.SafeguardOverride), text: dto.unrelatedOffenceFinding });
          if (refusal !== null && !victim) {
            // Not the safeguard: a finding nobody needed, given by someone who may not make one or not written out.
            throw invalid('unrelatedOffenceFinding', REFUSAL_TEXT[refusal]);
          }
          if (refusal !== null) {
            await this.support.trail(manager, actor, caseId, { safeguard: 'NON_CRIMINALISATION', outcome: 'BLOCKED', attempted: `FLAG_PROSECUTION:${offence}`, reasons: ['TRAFFICKING_VICTIM'] }, correlationId);
            return new Refused(
              CaseworkErrors.raise('SAFEGUARD.NON_CRIMINALISATION', REFUSAL_TEXT[refusal], {
                offence,
                reasons: ['TRAFFICKING_VICTIM'],
                ...(refusal === 'STATUS_OFFENCE' ? {} : { finding: refusal }),
                ...(refusal === 'FINDING_REQUIRED' ? { missing: ['unrelatedOffenceFinding'] } : {}),
              }),
            );
          }
        }
        finding = dto.unrelatedOffenceFinding ?? null;
      }
      const id = randomUUID();
      await insertFlag(manager, id, caseId, actor.agencyId, actor.userId, dto.kind, dto.kind === 'PROSECUTION' ? dto.offence : null, dto.reason, finding, finding === null ? null : actor.userId);
      if (finding !== null && victim) {
        // The monitor sees the finding on the safeguard trail, as it sees a detention override.
        await this.support.trail(manager, actor, caseId, { safeguard: 'NON_CRIMINALISATION', outcome: 'OVERRIDDEN', attempted: 'FLAG_PROSECUTION:OTHER', reasons: ['TRAFFICKING_VICTIM'], justification: finding }, correlationId);
      }
      await this.support.audited(manager, actor, caseId, `FLAG.${dto.kind}_OPENED`, FieldGroup.RETURN, { flagId: id }, correlationId);
      return this.read(manager, id);
    });
  }

  /** Closed by the agency that raised it, or for a refoulement risk by the asylum authority, with a reason. */
  close(actor: Actor, caseId: string, flagId: string, dto: CloseFlagDto, correlationId?: string): Promise<FlagView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.support.requireCase(manager, caseId);
      const [flag] = await lockFlag(manager, flagId, caseId);
      if (!flag) throw notFound('flag');
      if (flag.closed_at) throw CaseworkErrors.raise('FLAG.CLOSED');
      if (flag.agency_id !== actor.agencyId) {
        if (flag.kind === 'PROSECUTION') await this.support.requireMandate(manager, actor, MANDATES.prosecution);
        else await this.support.requireMandate(manager, actor, MANDATES.asylum);
      }
      await markFlagClosed(manager, flag.id, actor.userId, dto.reason);
      await this.support.audited(manager, actor, caseId, `FLAG.${flag.kind}_CLOSED`, FieldGroup.RETURN, { flagId: flag.id }, correlationId);
      return this.read(manager, flag.id);
    });
  }

  private async read(manager: EntityManager, id: string): Promise<FlagView> {
    const [row] = await readFlag(manager, id);
    return flagView(row);
  }
}

import { FieldGroup } from '@kivuko/access';
import { Actor, actorScope } from '@kivuko/platform';
import { prosecutionBlocked } from '@kivuko/safeguards';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloseFlagDto, OpenFlagDto } from './records.dto';
import { conflict, MANDATES, notFound, RecordSupport, Refused, SafeguardError } from './record-support';

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
  agencyId: string;
}

export const FLAG_COLUMNS = `id, kind, offence, reason, created_at, recorded_by, closed_at, close_reason, agency_id`;

interface FlagRow {
  id: string;
  kind: FlagView['kind'];
  offence: string | null;
  reason: string;
  created_at: Date;
  recorded_by: string;
  closed_at: Date | null;
  close_reason: string | null;
  agency_id: string;
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
  agencyId: r.agency_id,
});

/**
 * Protection flags. Anyone working the case may raise a refoulement-risk flag (it locks removal and
 * return until closed); a prosecution flag is the border or immigration authority's, and is refused for
 * a presumed or identified trafficking victim's status offences (non-criminalisation).
 */
@Injectable()
export class FlagsService {
  constructor(private readonly support: RecordSupport) {}

  open(actor: Actor, caseId: string, dto: OpenFlagDto, correlationId?: string): Promise<FlagView> {
    return this.support.run(actorScope(actor), async (manager) => {
      const context = await this.support.requireCase(manager, caseId);
      if (dto.kind === 'PROSECUTION') {
        await this.support.requireMandate(manager, actor, MANDATES.prosecution);
        const offence = dto.offence as NonNullable<OpenFlagDto['offence']>;
        const sop = await this.support.sop(manager, context);
        if (sop.safeguards.NON_CRIMINALISATION.enabled && prosecutionBlocked(await this.support.facts(manager, caseId), offence)) {
          await this.support.trail(manager, actor, caseId, { safeguard: 'NON_CRIMINALISATION', outcome: 'BLOCKED', attempted: `FLAG_PROSECUTION:${offence}`, reasons: ['TRAFFICKING_VICTIM'] }, correlationId);
          return new Refused(
            new SafeguardError('SAFEGUARD.NON_CRIMINALISATION', 'A presumed or identified victim of trafficking is not prosecuted for irregular entry or status offences', {
              offence,
              reasons: ['TRAFFICKING_VICTIM'],
            }),
          );
        }
      }
      const id = randomUUID();
      await manager.query(`INSERT INTO protection_flag (id, case_id, agency_id, recorded_by, kind, offence, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        id,
        caseId,
        actor.agencyId,
        actor.userId,
        dto.kind,
        dto.kind === 'PROSECUTION' ? dto.offence : null,
        dto.reason,
      ]);
      await this.support.audited(manager, actor, caseId, `FLAG.${dto.kind}_OPENED`, FieldGroup.Return, { flagId: id }, correlationId);
      return this.read(manager, id);
    });
  }

  /** Closed by the agency that raised it, or for a refoulement risk by the asylum authority, with a reason. */
  close(actor: Actor, caseId: string, flagId: string, dto: CloseFlagDto, correlationId?: string): Promise<FlagView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.support.requireCase(manager, caseId);
      const [flag] = await manager.query<FlagRow[]>(`SELECT ${FLAG_COLUMNS} FROM protection_flag WHERE id = $1 AND case_id = $2 FOR UPDATE`, [flagId, caseId]);
      if (!flag) throw notFound('flag');
      if (flag.closed_at) throw conflict('FLAG.CLOSED', 'This flag is already closed');
      if (flag.agency_id !== actor.agencyId) {
        if (flag.kind === 'PROSECUTION') await this.support.requireMandate(manager, actor, MANDATES.prosecution);
        else await this.support.requireMandate(manager, actor, MANDATES.asylum);
      }
      await manager.query(`UPDATE protection_flag SET closed_at = now(), closed_by = $2, close_reason = $3, version = version + 1, updated_at = now() WHERE id = $1`, [flag.id, actor.userId, dto.reason]);
      await this.support.audited(manager, actor, caseId, `FLAG.${flag.kind}_CLOSED`, FieldGroup.Return, { flagId: flag.id }, correlationId);
      return this.read(manager, flag.id);
    });
  }

  private async read(manager: EntityManager, id: string): Promise<FlagView> {
    const [row] = await manager.query<FlagRow[]>(`SELECT ${FLAG_COLUMNS} FROM protection_flag WHERE id = $1`, [id]);
    return flagView(row);
  }
}

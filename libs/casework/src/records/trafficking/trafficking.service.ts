import { FieldGroup } from '@kivuko/access';
import { CasePolicy, loadCaseFacts } from '@kivuko/cases';
import { Actor, actorScope, Clock, FieldCipher } from '@kivuko/platform';
import { deriveFacts } from '@kivuko/profiling';
import { TraffickingStatus } from '@kivuko/safeguards';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { HTCDS_FIELDS, htcdsRecord, HtcdsRow, validateHtcdsRecord } from './htcds';
import { ReflectionPeriodDto, ResidencePermitDto, TraffickingAssistanceDto, TraffickingIdentificationDto } from './trafficking.dto';
import { checkVersion, invalid, MANDATES, RecordSupport } from '../record-support';
import { CaseworkErrors } from '../../casework.errors';
import {
  appendAssistance,
  bumpRecordVersion,
  caseRegisteredAt,
  insertRecord,
  lockRecordOfCase,
  recordOfCase,
  TraffickingRow,
  setIdentificationStatus,
  setPermit,
  setReflectionPeriod,
} from './trafficking.queries';

export interface TraffickingView {
  id: string;
  status: TraffickingStatus;
  reflectionPeriod: { startsOn: string; endsOn: string; endedOn: string | null; running: boolean } | null;
  residencePermit: { reference: string; grantedOn: string; expiresOn: string | null } | null;
  assistance: { kind: string; providedOn: string; provider: string }[];
  agencyId: string;
  version: number;
}

/** Where an identification may go from each status: a NOT_IDENTIFIED finding may be reopened on new evidence; IDENTIFIED is final. */
const NEXT: Readonly<Record<TraffickingStatus, readonly TraffickingStatus[]>> = {
  POTENTIAL: ['PRESUMED', 'NOT_IDENTIFIED'],
  PRESUMED: ['IDENTIFIED', 'NOT_IDENTIFIED'],
  IDENTIFIED: [],
  NOT_IDENTIFIED: ['PRESUMED'],
};

/** The anti-trafficking coordinator's record: identification, the reflection and recovery period, permit, assistance. */
@Injectable()
export class TraffickingService {
  constructor(
    private readonly support: RecordSupport,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly policy: CasePolicy,
  ) {}

  /**
   * The case as one de-identified row in the HTCDS / CTDC field layout, for the anti-trafficking agency
   * to pool: the record's own id stands in for the case, no name, no narrative. Audited as an export.
   */
  exportHtcds(actor: Actor, caseId: string, correlationId?: string): Promise<{ layout: string; fields: string[]; row: HtcdsRow }> {
    return this.support.uow.run(actorScope(actor), async (manager) => {
      await this.support.readCase(manager, caseId);
      await this.support.requireMandate(manager, actor, MANDATES.trafficking);
      const record = await this.lock(manager, caseId);
      if (!record) throw CaseworkErrors.raise('TRAFFICKING.NO_RECORD');
      if (record.status === 'NOT_IDENTIFIED') throw CaseworkErrors.raise('TRAFFICKING.NOT_IDENTIFIED');
      const facts = await loadCaseFacts(manager, this.cipher, caseId);
      const derived = deriveFacts(facts, (await this.policy.forCase(manager, caseId)).ruleSet.primaFacie);
      const [registered] = await caseRegisteredAt(manager, caseId);
      const row = htcdsRecord({
        recordId: record.id,
        registeredAt: registered.registered_at.toISOString(),
        sex: facts.person.sex,
        ageAtRegistration: derived.age,
        presumedChild: derived.isChild,
        nationalities: facts.person.nationalities,
        identificationStatus: record.status,
        documentsHeldByOther: facts.person.documentsHeldByOther ?? null,
        screeningAnswers: facts.answers ?? {},
      });
      const problems = validateHtcdsRecord(row);
      if (problems.length > 0) throw new Error(`HTCDS row does not fit the layout: ${problems.join('; ')}`);
      await this.support.audit.record(manager, { action: 'TRAFFICKING.EXPORTED', actor, caseId, fieldGroups: [FieldGroup.TRAFFICKING], purpose: 'EXPORT', correlationId, details: { layout: 'HTCDS' } });
      return { layout: 'HTCDS/CTDC global dataset', fields: HTCDS_FIELDS.map((f) => f.name), row };
    });
  }

  identify(actor: Actor, caseId: string, dto: TraffickingIdentificationDto, correlationId?: string): Promise<TraffickingView> {
    return this.support.run(actorScope(actor), async (manager) => {
      await this.support.requireCase(manager, caseId);
      await this.support.requireMandate(manager, actor, MANDATES.trafficking);
      const row = await this.lock(manager, caseId);
      if (!row) {
        if (dto.status !== 'POTENTIAL' && dto.status !== 'PRESUMED') throw CaseworkErrors.raise('TRAFFICKING.STATUS_NOT_ALLOWED', undefined, { status: null, to: dto.status });
        await insertRecord(manager, randomUUID(), caseId, actor.agencyId, actor.userId, dto.status);
      } else {
        checkVersion(row.version, dto.version, 'trafficking record');
        if (!NEXT[row.status].includes(dto.status)) throw CaseworkErrors.raise('TRAFFICKING.STATUS_NOT_ALLOWED', `A ${row.status} identification cannot become ${dto.status}`, { status: row.status, to: dto.status });
        // A person found not to be a victim: a reflection period still running ends today.
        const today = this.clock.now().toISOString().slice(0, 10);
        // Presumed again on new evidence: the person is owed a reflection period again (the earlier one is in the audit trail).
        const again = row.status === 'NOT_IDENTIFIED';
        await setIdentificationStatus(manager, row.id, dto.status, today, again);
      }
      await this.support.audited(manager, actor, caseId, 'TRAFFICKING.IDENTIFICATION', FieldGroup.TRAFFICKING, { status: dto.status }, correlationId);
      return this.view(manager, caseId);
    });
  }

  startReflection(actor: Actor, caseId: string, dto: ReflectionPeriodDto, correlationId?: string): Promise<TraffickingView> {
    return this.change(actor, caseId, dto.version, 'TRAFFICKING.REFLECTION_STARTED', correlationId, async (manager, row, context) => {
      if (row.starts_on) throw CaseworkErrors.raise('TRAFFICKING.REFLECTION_EXISTS', undefined, { startsOn: row.starts_on, endsOn: row.ends_on });
      if (row.status === 'NOT_IDENTIFIED') throw CaseworkErrors.raise('TRAFFICKING.NOT_IDENTIFIED', 'The person was found not to be a victim of trafficking');
      const endsOn = this.support.reflectionEnd(await this.support.sop(manager, context), dto.startsOn, dto.days);
      await setReflectionPeriod(manager, row.id, dto.startsOn, endsOn);
      await this.support.actionDone(manager, actor, caseId, 'START_REFLECTION_PERIOD');
    });
  }

  grantPermit(actor: Actor, caseId: string, dto: ResidencePermitDto, correlationId?: string): Promise<TraffickingView> {
    return this.change(actor, caseId, dto.version, 'TRAFFICKING.PERMIT_GRANTED', correlationId, async (manager, row) => {
      if (dto.expiresOn <= dto.grantedOn) throw invalid('expiresOn', 'A permit expires after it was granted');
      await setPermit(manager, row.id, dto.reference, dto.grantedOn, dto.expiresOn);
    });
  }

  addAssistance(actor: Actor, caseId: string, dto: TraffickingAssistanceDto, correlationId?: string): Promise<TraffickingView> {
    return this.change(actor, caseId, undefined, 'TRAFFICKING.ASSISTANCE_GIVEN', correlationId, async (manager, row) => {
      await appendAssistance(manager, row.id, JSON.stringify([{ kind: dto.kind, providedOn: dto.providedOn, provider: dto.provider }]));
    });
  }

  async view(manager: EntityManager, caseId: string): Promise<TraffickingView> {
    const [r] = await recordOfCase(manager, caseId);
    return traffickingView(r, this.clock.now());
  }

  private async lock(manager: EntityManager, caseId: string): Promise<TraffickingRow | undefined> {
    const [row] = await lockRecordOfCase(manager, caseId);
    return row;
  }

  private change(
    actor: Actor,
    caseId: string,
    version: number | undefined,
    action: string,
    correlationId: string | undefined,
    work: (manager: EntityManager, row: TraffickingRow, context: Awaited<ReturnType<RecordSupport['requireCase']>>) => Promise<void>,
  ): Promise<TraffickingView> {
    return this.support.run(actorScope(actor), async (manager) => {
      const context = await this.support.requireCase(manager, caseId);
      await this.support.requireMandate(manager, actor, MANDATES.trafficking);
      const row = await this.lock(manager, caseId);
      if (!row) throw CaseworkErrors.raise('TRAFFICKING.NO_RECORD');
      checkVersion(row.version, version, 'trafficking record');
      await work(manager, row, context);
      await bumpRecordVersion(manager, row.id);
      await this.support.audited(manager, actor, caseId, action, FieldGroup.TRAFFICKING, {}, correlationId);
      return this.view(manager, caseId);
    });
  }
}

export function traffickingView(r: TraffickingRow, now: Date): TraffickingView {
  const today = now.toISOString().slice(0, 10);
  return {
    id: r.id,
    status: r.status,
    reflectionPeriod:
      r.starts_on && r.ends_on ? { startsOn: r.starts_on, endsOn: r.ends_on, endedOn: r.ended_on, running: r.ended_on === null && r.starts_on <= today && today < r.ends_on } : null,
    residencePermit: r.permit_reference && r.permit_granted_on ? { reference: r.permit_reference, grantedOn: r.permit_granted_on, expiresOn: r.permit_expires_on } : null,
    assistance: r.assistance,
    agencyId: r.agency_id,
    version: r.version,
  };
}


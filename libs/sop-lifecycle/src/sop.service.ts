import { AuditService } from '@kivuko/audit';
import { DEFAULT_QUESTIONNAIRE, loadCaseFacts } from '@kivuko/cases';
import { Actor, actorScope, BadInputError, Clock, DomainError, FieldCipher, FieldProblem, systemScope, UnitOfWork, validationFailed } from '@kivuko/platform';
import { PROFILES } from '@kivuko/profiling';
import {
  BUILT_IN_SAMPLES,
  ChangeEntry,
  DEFAULT_SOP_DOCUMENT,
  describeChange,
  diffSops,
  InvalidSopError,
  loadSop,
  SAFEGUARD_CODES,
  simulateSop,
  Sop,
  SopSimulation,
  targetKey,
  validateSop,
} from '@kivuko/sop';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, QueryFailedError } from 'typeorm';
import { ListSopsQuery, SimulateSopDto } from './sop.dto';
import { ProfileSimulationSummary, RecentCaseSimulation, simulateRecentCase, summariseByProfile } from './recent-simulation';
import { checkSopReferences } from './sop-references';
import { simulationAgencies, toSamples } from './sop-simulation';
import { SopLifecycleErrors } from './sop-lifecycle.errors';
import {
  activateDraft,
  findAnyActiveId,
  findForApproval,
  findIdByLabel,
  findLifecycleRow,
  findMissingApprovals,
  findRecentCases,
  readOnly,
  findVersionView,
  insertActiveVersion,
  insertApproval,
  insertDemoApprovals,
  insertDraft,
  listVersions,
  retireDraft,
  retireIfActive,
  SopLifecycleRow,
} from './sop-lifecycle.queries';
import { ActiveSopRow, SopVersions } from './sop-versions';
import { AgencyRef, sopRef, sopSummary, SopVersionRef, SopVersionSummary, SopVersionView, sopVersionView } from './sop-view';

/** What `POST /sops/validate` says about a valid document. */
export interface SopDocumentSummary {
  version: string;
  title: string | null;
  jurisdiction: { country: string; borderPoints: string[] };
  effectiveFrom: string;
  deadlinesFrom: string;
  signatories: AgencyRef[];
  coordinatingBody: string;
  profilingRules: { version: string; rules: number; primaFacie: number };
  routing: { profiles: number; targets: number };
  escalationSteps: number;
  safeguardsOff: string[];
}

export interface SopDiffView {
  from: SopVersionRef;
  to: SopVersionRef;
  changes: (ChangeEntry & { description: string })[];
}

export interface SopSimulationView {
  source: 'SAMPLES';
  version: SopVersionRef;
  /** The active version it is compared with; null when the jurisdiction has none. */
  active: SopVersionRef | null;
  simulation: SopSimulation;
}

/** The recent cases of the jurisdiction under the active version and this one: per profile first, then per case. */
export interface SopRecentSimulationView {
  source: 'RECENT';
  version: SopVersionRef;
  active: SopVersionRef | null;
  /** The period read: the last `days` days up to `to`, at most `limit` cases (the newest). */
  period: { days: number; from: string; to: string };
  limit: number;
  /** True when the period holds more cases than `limit`. */
  truncated: boolean;
  summary: { cases: number; changed: number; unchanged: number };
  profiles: ProfileSimulationSummary[];
  cases: RecentCaseSimulation[];
}

const DAY_MS = 86_400_000;

const notFound = (): DomainError => SopLifecycleErrors.raise('SOP.NOT_FOUND');
const invalid = (problems: FieldProblem[]): BadInputError =>
  SopLifecycleErrors.badInput('SOP.INVALID', problems, `The SOP is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}): nothing was stored`);
const notADraft = (row: Pick<SopLifecycleRow, 'status'>, what: string): DomainError =>
  SopLifecycleErrors.raise('SOP.NOT_A_DRAFT', `Only a draft can be ${what}; this version is ${row.status}`, { status: row.status });
function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; constraint?: string };
  return driver.code === '23505' && driver.constraint === constraint;
}
/** The moment a document's effective date starts (dates are read in UTC, as everywhere in the SOP). */
const effectiveMoment = (sop: Sop): Date => new Date(`${sop.effectiveFrom}T00:00:00Z`);

/**
 * Joint SOP versions: DRAFT → approved by a manager of every signatory agency → ACTIVE (superseding
 * the jurisdiction's previous version, which is RETIRED in the same transaction) → RETIRED. Versions
 * change status, never content (the database refuses it), so an approval is of what was uploaded.
 */
@Injectable()
export class SopService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly versions: SopVersions,
    private readonly cipher: FieldCipher,
  ) {}

  /** Loads the default SOP as the active version of its jurisdiction unless one is active already. */
  async activateDefaultForDemo(): Promise<string | null> {
    const sop = loadSop(DEFAULT_SOP_DOCUMENT);
    return this.uow.run(systemScope('demo: default joint SOP'), async (manager) => {
      if (await findAnyActiveId(manager, sop.jurisdiction.country)) return null;
      const references = await checkSopReferences(manager, sop);
      if (references.problems.length > 0) throw new Error(`The default SOP does not fit the demo data: ${references.problems.map((p) => `${p.path}: ${p.problem}`).join('; ')}`);
      const signatories = references.signatories.map((s) => s.id);
      const id = randomUUID();
      await insertActiveVersion(manager, {
        id,
        jurisdiction: sop.jurisdiction.country,
        label: sop.version,
        document: sop.document,
        signatoryAgencyIds: signatories,
        effectiveFrom: effectiveMoment(sop),
      });
      await insertDemoApprovals(manager, id, signatories);
      await this.audit.record(manager, { action: 'SOP.ACTIVATED', details: { sopVersionId: id, jurisdiction: sop.jurisdiction.country, label: sop.version } });
      return id;
    });
  }

  /** Checks a document as an upload would (schema, then the agencies and border points it names), storing nothing. */
  async validate(actor: Actor, document: unknown): Promise<{ valid: true; summary: SopDocumentSummary }> {
    const sop = this.readDocument(document);
    const signatories = await this.uow.run(actorScope(actor), (manager) => this.checkReferences(manager, sop));
    return { valid: true, summary: documentSummary(sop, signatories) };
  }

  /** Stores a valid document as a DRAFT of its jurisdiction, labelled with its `version`. */
  async upload(actor: Actor, document: unknown, correlationId?: string): Promise<SopVersionView> {
    const sop = this.readDocument(document);
    return this.uow.run(actorScope(actor), async (manager) => {
      const signatories = await this.checkReferences(manager, sop);
      const id = randomUUID();
      const version = {
        id,
        jurisdiction: sop.jurisdiction.country,
        label: sop.version,
        document: sop.document,
        signatoryAgencyIds: signatories.map((s) => s.id),
        effectiveFrom: effectiveMoment(sop),
      };
      if (!(await insertDraft(manager, version, actor.userId))) {
        const existing = await findIdByLabel(manager, sop.jurisdiction.country, sop.version);
        throw SopLifecycleErrors.raise('SOP.LABEL_TAKEN', `${sop.jurisdiction.country} already has an SOP version labelled ${sop.version}: give the new one another "version"`, {
          jurisdiction: sop.jurisdiction.country,
          label: sop.version,
          sopVersionId: existing,
        });
      }
      await this.audit.record(manager, {
        action: 'SOP.UPLOADED',
        actor,
        correlationId,
        details: { sopVersionId: id, jurisdiction: sop.jurisdiction.country, label: sop.version },
      });
      return this.view(manager, id);
    });
  }

  /** Versions, newest first, with which signatories approved and which have not. */
  async list(actor: Actor, query: ListSopsQuery): Promise<{ items: SopVersionSummary[]; nextCursor?: string }> {
    const limit = query.limit ?? 50;
    return this.uow.run(actorScope(actor), async (manager) => {
      const rows = await listVersions(manager, { jurisdiction: query.jurisdiction, status: query.status, cursor: query.cursor }, limit + 1);
      const items = rows.slice(0, limit).map(sopSummary);
      return rows.length > limit ? { items, nextCursor: items[items.length - 1].id } : { items };
    });
  }

  async get(actor: Actor, id: string): Promise<SopVersionView> {
    return this.uow.run(actorScope(actor), (manager) => this.view(manager, id));
  }

  /** What changed from `against` (default: the jurisdiction's active version) to this version. */
  async diff(actor: Actor, id: string, against?: string): Promise<SopDiffView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const version = await this.lifecycleRow(manager, id, 'read');
      const before = against ? await this.lifecycleRow(manager, against, 'read') : await this.versions.activeRow(manager, version.jurisdiction, this.clock.now());
      if (!before) {
        throw SopLifecycleErrors.raise('SOP.NO_ACTIVE_VERSION', `${version.jurisdiction} has no active SOP version to compare with: name one with ?against=`, { jurisdiction: version.jurisdiction });
      }
      const changes = diffSops(await this.parse(manager, before), await this.parse(manager, version)).map((change) => ({ ...change, description: describeChange(change) }));
      return { from: sopRef(before), to: sopRef(version), changes };
    });
  }

  /**
   * Runs sample arrivals (default: the built-in ones) through this version and the jurisdiction's
   * active version, choosing among the real agencies; capacity counts as unused, so the outcome does
   * not depend on today's load. With `source: RECENT`, the jurisdiction's recent cases instead.
   */
  async simulate(actor: Actor, id: string, dto: SimulateSopDto, correlationId?: string): Promise<SopSimulationView | SopRecentSimulationView> {
    const recent = dto.source === 'RECENT';
    const misplaced: FieldProblem[] = recent
      ? dto.samples
        ? [{ path: 'samples', problem: 'samples are simulated with source SAMPLES, not RECENT' }]
        : []
      : (['days', 'limit'] as const).filter((key) => dto[key] !== undefined).map((key) => ({ path: key, problem: `${key} applies to source RECENT only` }));
    if (misplaced.length > 0) throw validationFailed(misplaced);
    if (recent) return this.simulateRecent(actor, id, { days: dto.days ?? 30, limit: dto.limit ?? 200 }, correlationId);
    const samples = dto.samples ? toSamples(dto.samples) : BUILT_IN_SAMPLES;
    const now = this.clock.now();
    return this.uow.run(actorScope(actor), async (manager) => {
      const version = await this.lifecycleRow(manager, id, 'read');
      const active = await this.versions.activeRow(manager, version.jurisdiction, now);
      const simulation = simulateSop(await this.parse(manager, version), active && (await this.parse(manager, active)), samples, await simulationAgencies(manager), now);
      return { source: 'SAMPLES' as const, version: sopRef(version), active: active && sopRef(active), simulation };
    });
  }

  /**
   * Re-runs profiling and routing on the cases registered in the last `days` at the jurisdiction's border
   * points (the newest `limit`), under the active version and this one, in one read-only transaction.
   * The cases are read under the system scope (an SOP administrator sees no case), and the answer keeps
   * of each only its number, border point, profiles and routes. Recorded in the audit trail afterwards,
   * with who simulated which version on how many cases.
   */
  private async simulateRecent(actor: Actor, id: string, options: { days: number; limit: number }, correlationId?: string): Promise<SopRecentSimulationView> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - options.days * DAY_MS);
    const view = await this.uow.run(systemScope(`SOP simulation on recent cases by ${actor.userId}`), async (manager) => {
      await readOnly(manager);
      const version = await this.lifecycleRow(manager, id, 'read');
      const draft = await this.parse(manager, version);
      const activeRow = await this.versions.activeRow(manager, version.jurisdiction, now);
      const active = activeRow && (await this.parse(manager, activeRow));
      const agencies = await simulationAgencies(manager);
      const rows = await findRecentCases(manager, { country: version.jurisdiction, borderPointCodes: draft.jurisdiction.borderPoints, since }, options.limit + 1);
      const cases: RecentCaseSimulation[] = [];
      for (const row of rows.slice(0, options.limit)) {
        const facts = await loadCaseFacts(manager, this.cipher, row.id);
        cases.push(simulateRecentCase(draft, active, { caseNumber: row.case_number, borderPointCode: row.border_point_code, region: row.region, languages: row.languages, facts }, agencies, now));
      }
      const changed = cases.filter((c) => c.changed).length;
      return {
        source: 'RECENT' as const,
        version: sopRef(version),
        active: activeRow && sopRef(activeRow),
        period: { days: options.days, from: since.toISOString(), to: now.toISOString() },
        limit: options.limit,
        truncated: rows.length > options.limit,
        summary: { cases: cases.length, changed, unchanged: cases.length - changed },
        profiles: summariseByProfile(cases),
        cases,
      };
    });
    await this.uow.run(actorScope(actor), (manager) =>
      this.audit.record(manager, {
        action: 'SOP.SIMULATED',
        actor,
        correlationId,
        details: { sopVersionId: id, source: 'RECENT', days: options.days, limit: options.limit, cases: view.summary.cases, changed: view.summary.changed },
      }),
    );
    return view;
  }

  /** Approves a draft on behalf of the caller's agency, which must be a signatory; once per agency. */
  async approve(actor: Actor, id: string, correlationId?: string): Promise<SopVersionView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const row = await findForApproval(manager, id, actor.agencyId);
      if (!row) throw notFound();
      if (!row.signatory) throw SopLifecycleErrors.raise('SOP.NOT_A_SIGNATORY', undefined, { agencyId: actor.agencyId });
      if (row.status !== 'DRAFT') throw notADraft(row, 'approved');
      if (!(await insertApproval(manager, id, actor.agencyId, actor.userId))) throw SopLifecycleErrors.raise('SOP.ALREADY_APPROVED', undefined, { agencyId: actor.agencyId });
      await this.audit.record(manager, { action: 'SOP.APPROVED', actor, correlationId, details: { sopVersionId: id, agencyId: actor.agencyId } });
      return this.view(manager, id);
    });
  }

  /**
   * Makes a fully approved draft the jurisdiction's active version from now, retiring the previous one
   * in the same transaction. Refused before the document's effective date (no scheduled activation),
   * and when another version was activated at the same time.
   */
  async activate(actor: Actor, id: string, correlationId?: string): Promise<SopVersionView & { superseded: SopVersionRef | null }> {
    const now = this.clock.now();
    return this.uow.run(actorScope(actor), async (manager) => {
      const row = await this.lifecycleRow(manager, id, 'lock');
      if (row.status !== 'DRAFT') throw notADraft(row, 'activated');
      const missing = await findMissingApprovals(manager, id);
      if (missing.length > 0) {
        throw SopLifecycleErrors.raise('SOP.APPROVALS_MISSING', `${missing.length} signator${missing.length === 1 ? 'y has' : 'ies have'} not approved this version yet: ${missing.map((m) => m.name).join(', ')}`, {
          missing,
        });
      }
      // Checked again as the rules stand today: what the router cannot read must not become active.
      const check = validateSop(row.document, { questions: DEFAULT_QUESTIONNAIRE.questions });
      if (!check.ok) throw SopLifecycleErrors.raise('SOP.NO_LONGER_VALID', undefined, { fields: check.problems });
      if (now < effectiveMoment(check.sop)) {
        throw SopLifecycleErrors.raise('SOP.NOT_YET_EFFECTIVE', `This version takes effect on ${check.sop.effectiveFrom}: activate it on or after that day`, { effectiveFrom: check.sop.effectiveFrom });
      }
      // The version to supersede is whichever is ACTIVE, in effect yet or not.
      const previous = await this.versions.activeRow(manager, row.jurisdiction, null);
      const concurrently = (): DomainError =>
        SopLifecycleErrors.raise('SOP.ACTIVATED_CONCURRENTLY', `Another version of ${row.jurisdiction} was activated at the same time: read the versions again`, { jurisdiction: row.jurisdiction });
      if (previous) {
        // Compare-and-set: of two activations superseding the same version, one retires it and the other finds it gone.
        if (!(await retireIfActive(manager, previous.id))) throw concurrently();
      }
      try {
        await activateDraft(manager, id, actor.userId);
      } catch (error) {
        // The first version of a jurisdiction, activated twice at once: the one-active-per-jurisdiction index decides.
        if (isUniqueViolation(error, 'sop_version_active_uq')) throw concurrently();
        throw error;
      }
      if (previous) {
        await this.audit.record(manager, { action: 'SOP.RETIRED', actor, correlationId, details: { sopVersionId: previous.id, from: 'ACTIVE', supersededBy: id } });
      }
      await this.audit.record(manager, {
        action: 'SOP.ACTIVATED',
        actor,
        correlationId,
        details: { sopVersionId: id, jurisdiction: row.jurisdiction, label: row.label, supersedes: previous?.id ?? null },
      });
      return { ...(await this.view(manager, id)), superseded: previous ? { ...sopRef(previous), status: 'RETIRED' } : null };
    });
  }

  /**
   * Withdraws a draft (it can no longer be approved or activated). An active version is retired only by
   * activating its successor: retiring it alone would leave the jurisdiction's new cases unrouted.
   */
  async retire(actor: Actor, id: string, correlationId?: string): Promise<SopVersionView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const row = await this.lifecycleRow(manager, id, 'lock');
      switch (row.status) {
        case 'ACTIVE':
          throw SopLifecycleErrors.raise(
            'SOP.ACTIVE_NEEDS_SUCCESSOR',
            `This is the active SOP of ${row.jurisdiction}: activate the version that replaces it (which retires this one); without an active SOP new cases are not routed`,
            { jurisdiction: row.jurisdiction },
          );
        case 'RETIRED':
          throw SopLifecycleErrors.raise('SOP.ALREADY_RETIRED');
        case 'DRAFT':
          break;
      }
      await retireDraft(manager, id);
      await this.audit.record(manager, { action: 'SOP.RETIRED', actor, correlationId, details: { sopVersionId: id, from: 'DRAFT' } });
      return this.view(manager, id);
    });
  }

  /** A document checked against the schema and the questionnaire the intake asks; every problem with its path. */
  private readDocument(document: unknown): Sop {
    const result = validateSop(document, { questions: DEFAULT_QUESTIONNAIRE.questions });
    if (!result.ok) throw invalid(result.problems);
    return result.sop;
  }

  private async checkReferences(manager: EntityManager, sop: Sop): Promise<AgencyRef[]> {
    const references = await checkSopReferences(manager, sop);
    if (references.problems.length > 0) throw invalid(references.problems);
    return references.signatories;
  }

  private async view(manager: EntityManager, id: string): Promise<SopVersionView> {
    const row = await findVersionView(manager, id);
    if (!row) throw notFound();
    return sopVersionView(row);
  }

  private async lifecycleRow(manager: EntityManager, id: string, mode: 'read' | 'lock'): Promise<SopLifecycleRow> {
    const row = await findLifecycleRow(manager, id, mode);
    if (!row) throw notFound();
    return row;
  }

  /** A stored version's document, parsed once per version; one that no longer passes validation is refused. */
  private async parse(manager: EntityManager, row: SopLifecycleRow | ActiveSopRow): Promise<Sop> {
    try {
      return await this.versions.parsed(manager, row.id, 'document' in row ? row.document : undefined);
    } catch (error) {
      if (error instanceof InvalidSopError) {
        throw SopLifecycleErrors.raise('SOP.NO_LONGER_VALID', `Version ${row.label} no longer passes validation`, { sopVersionId: row.id, fields: error.problems });
      }
      throw error;
    }
  }
}

function documentSummary(sop: Sop, signatories: AgencyRef[]): SopDocumentSummary {
  return {
    version: sop.version,
    title: sop.title ?? null,
    jurisdiction: { country: sop.jurisdiction.country, borderPoints: sop.jurisdiction.borderPoints },
    effectiveFrom: sop.effectiveFrom,
    deadlinesFrom: sop.deadlinesFrom,
    signatories,
    coordinatingBody: sop.escalation.coordinatingBody,
    profilingRules: { version: sop.ruleSet.version, rules: sop.ruleSet.rules.length, primaFacie: sop.ruleSet.primaFacie.length },
    routing: { profiles: PROFILES.length, targets: new Set(PROFILES.flatMap((p) => [sop.routing[p].lead, ...sop.routing[p].supporting].map(targetKey))).size },
    escalationSteps: sop.escalation.steps.length,
    safeguardsOff: SAFEGUARD_CODES.filter((code) => !sop.safeguards[code].enabled),
  };
}

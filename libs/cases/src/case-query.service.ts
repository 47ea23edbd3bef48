import { allowedGroups, DEFAULT_DATA_SHARING, FIELD_GROUPS, FieldGroup, shapeRecord, WithheldReason } from '@kivuko/access';
import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, Clock, FieldCipher, PlatformErrors, UnitOfWork } from '@kivuko/platform';
import { maskMatchReasons } from '@kivuko/matching';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CasePolicy } from './case-policy';
import { ListCasesQuery } from './dto/case-query.dto';
import { agencyKindOf } from './agency-kind.queries';
import { caseNotFound } from './consent/consent.service';
import { ageAt } from './intake-checks';
import { CaseStatus } from './intake.enums';
import { sectionContext } from './person-record';
import { CaseProfileView, CaseProfilingService, PROFILE_GROUP } from './profiling/case-profiling.service';
import { ProfileCode } from '@kivuko/profiling';
import { readingRights } from './readable-groups';
import * as q from './case-query.queries';
import { CaseRow } from './case-query.queries';

export interface CaseView {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  version: number;
  borderPoint: { id: string; code: string; name: string };
  arrivedAt: string;
  registeredAt: string;
  updatedAt: string;
  /** The field groups in `sections`, and those the case has but the caller's agency may not see (by name only). */
  fieldGroups: FieldGroup[];
  withheldFieldGroups: FieldGroup[];
  /** Each withheld group with why: the SOP shares it with the caller's kind of agency only with consent (missing), or not at all. */
  withheld: { fieldGroup: FieldGroup; reason: WithheldReason }[];
  sections: Partial<Record<FieldGroup, unknown>>;
  openTasks: { id: string; kind: string; dueAt: string | null }[];
  /** The case's profiles this reader may see (GET /cases/:id/profiles has their history). */
  profiles: CaseProfileView[];
}

export interface CaseListItem {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  version: number;
  borderPoint: { id: string; code: string };
  arrivedAt: string;
  registeredAt: string;
  nationalities: string[];
  urgentNeeds: string[];
  /** Profiles not removed, as far as the reader may see them. */
  profiles: string[];
  /** The same profiles, each with its status (SUGGESTED, CONFIRMED, ...). */
  profileStatuses: { profile: string; status: string }[];
  /** The age is an estimate: the date of birth is estimated, or there is only a stated age. */
  ageEstimated: boolean;
  /** Present when the caller's agency may see identities. */
  person?: { givenName: string | null; familyName: string | null; description: string | null; sex: string; ageAtArrival: number | null };
}

export interface CasePage {
  items: CaseListItem[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

const DEFAULT_PAGE = 25;

export function encodeCursor(arrivedAt: Date, id: string): string {
  return Buffer.from(`${arrivedAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { arrivedAt: Date; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(text);
  if (!match || Number.isNaN(new Date(match[1]).getTime())) {
    throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [
      { path: 'cursor', problem: 'must be the nextCursor of an earlier page' },
    ], 'The cursor is not one this list gave out');
  }
  return { arrivedAt: new Date(match[1]), id: match[2] };
}

/**
 * Reading cases within the caller's scope. Row-level security decides which cases exist for the
 * caller (an unseen case is a 404, never a 403); the joint SOP's sharing map and the case's consent
 * records decide which field groups come back. Every read is audited in its own transaction.
 */
@Injectable()
export class CaseQueryService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly profiling: CaseProfilingService,
    private readonly policy: CasePolicy,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, caseId: string, correlationId?: string): Promise<CaseView> {
    return this.uow.run(actorScope(actor), async (manager) => {
      const view = await this.read(manager, actor, caseId);
      await this.audit.record(manager, {
        action: 'CASE.READ',
        actor,
        caseId,
        fieldGroups: view.fieldGroups,
        purpose: 'CASE_WORK',
        correlationId,
        details: { withheld: view.withheldFieldGroups.length },
      });
      return view;
    });
  }

  /** The case as the caller may see it, inside the caller's transaction (not audited: the caller does). */
  async read(manager: EntityManager, actor: Actor, caseId: string): Promise<CaseView> {
    const row = await q.caseRow(manager, caseId);
    if (!row) throw caseNotFound();
    const { allowed, whyWithheld } = await readingRights(manager, this.policy, actor, caseId);

    const sectionRows = await q.sectionRows(manager, caseId);
    const present = new Set<FieldGroup>([FieldGroup.IDENTITY, FieldGroup.ARRIVAL, ...sectionRows.map((s) => s.field_group)]);
    const record: Partial<Record<FieldGroup, unknown>> = {};

    for (const section of sectionRows) {
      if (!allowed.has(section.field_group) || section.field_group === FieldGroup.ARRIVAL) continue;
      record[section.field_group] = section.ciphertext
        ? JSON.parse(this.cipher.decrypt(section.ciphertext, sectionContext(caseId, section.field_group)))
        : section.content;
    }
    if (allowed.has(FieldGroup.NEEDS) && row.urgent_needs.length > 0) {
      record[FieldGroup.NEEDS] = { ...(record[FieldGroup.NEEDS] as object | undefined), urgentNeeds: row.urgent_needs };
      present.add(FieldGroup.NEEDS);
    }
    if (allowed.has(FieldGroup.IDENTITY)) record[FieldGroup.IDENTITY] = await this.identity(manager, caseId, row.arrived_at);
    if (allowed.has(FieldGroup.ARRIVAL)) {
      const info = sectionRows.find((s) => s.field_group === FieldGroup.ARRIVAL)?.content ?? {};
      record[FieldGroup.ARRIVAL] = { ...(await this.arrival(manager, row)), ...info };
    }

    const sections = shapeRecord(record, allowed);
    const returned = FIELD_GROUPS.filter((g) => Object.hasOwn(sections, g));
    const tasks = await q.openTasks(manager, caseId);
    const withheld = FIELD_GROUPS.filter((g) => present.has(g) && !allowed.has(g));
    return {
      id: row.id,
      caseNumber: row.case_number,
      status: row.status,
      version: row.version,
      borderPoint: { id: row.border_point_id, code: row.bp_code, name: row.bp_name },
      arrivedAt: row.arrived_at.toISOString(),
      registeredAt: row.registered_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      fieldGroups: returned,
      withheldFieldGroups: withheld,
      withheld: withheld.map((fieldGroup) => ({ fieldGroup, reason: whyWithheld(fieldGroup) })),
      sections,
      openTasks: tasks.map((t) => ({ id: t.id, kind: t.kind, dueAt: t.due_at?.toISOString() ?? null })),
      profiles: await this.profiling.visibleTo(manager, actor, caseId, row.border_point_id, await this.profiling.current(manager, caseId)),
    };
  }

  private async identity(manager: EntityManager, caseId: string, arrivedAt: Date): Promise<unknown> {
    const person = await q.personRow(manager, caseId);
    const documents = await q.documentRows(manager, caseId);
    const history = await q.identityHistory(manager, person.identity_id, caseId);
    const encounters = await q.possibleEncountersOf(manager, caseId);
    return {
      givenName: person.given_name,
      familyName: person.family_name,
      otherNames: person.other_names,
      description: person.description,
      sex: person.sex,
      dateOfBirth: person.date_of_birth,
      dateOfBirthEstimated: person.date_of_birth_estimated,
      statedAge: person.stated_age,
      ageAtArrival: person.date_of_birth ? ageAt(person.date_of_birth, arrivedAt) : person.stated_age,
      nationalities: person.nationalities,
      areaOfOrigin: person.area_of_origin ? { name: person.area_of_origin, code: person.area_of_origin_code } : null,
      languages: person.languages,
      interpreter: person.interpreter_needed === null ? null : { needed: person.interpreter_needed, sex: person.interpreter_sex },
      documents: documents.map((d) => ({ kind: d.kind, number: d.number, issuingCountry: d.issuing_country, expiresOn: d.expires_on })),
      documentsHeldByOther: person.documents_held_by_other,
      previousEncounters: history.map((h) => ({ caseId: h.case_id, caseNumber: h.case_number, arrivedAt: h.arrived_at.toISOString(), status: h.status })),
      possibleEncounters: encounters.map((e) => ({
        id: e.id,
        matchedCaseId: e.matched_case_id,
        caseNumber: e.case_number,
        score: e.score,
        // The other record may be at a border point the reader cannot see: its document number is masked.
        reasons: maskMatchReasons(e.reasons),
        status: e.status,
      })),
    };
  }

  private async arrival(manager: EntityManager, row: CaseRow): Promise<Record<string, unknown>> {
    const companions = await q.companionRows(manager, row.id);
    return {
      arrivedAt: row.arrived_at.toISOString(),
      mode: row.arrival_mode,
      how: row.arrival_how,
      route: row.route,
      intendedDestination: row.intended_destination,
      smugglerUsed: row.smuggler_used,
      // Claimed relationships read from the side that made the claim: "this person says X is their MOTHER".
      travelledWith: companions.map((c) =>
        c.case_id === row.id
          ? { caseId: c.companion_case_id, caseNumber: c.case_number, relationship: c.relationship, claimedBy: 'THIS_PERSON', verified: c.verified }
          : { caseId: c.case_id, caseNumber: c.case_number, relationship: c.relationship, claimedBy: 'COMPANION', verified: c.verified },
      ),
    };
  }

  async list(actor: Actor, query: ListCasesQuery, correlationId?: string): Promise<CasePage> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (query.arrivedFrom && query.arrivedTo && new Date(query.arrivedFrom) > new Date(query.arrivedTo)) {
      throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path: 'arrivedTo', problem: 'must not be before arrivedFrom' }], 'The arrival range is empty');
    }
    return this.uow.run(actorScope(actor), async (manager) => {
      const rows = await q.listCases(manager, query, after, limit + 1, this.clock.now().toISOString().slice(0, 10));
      const kind = await agencyKindOf(manager, actor.agencyId);
      const sharing = DEFAULT_DATA_SHARING[kind];
      const listGroups = allowedGroups(DEFAULT_DATA_SHARING, kind, { consentFor: [] });
      const profileVisible = (r: { border_point_id: string }, profile: ProfileCode): boolean =>
        actor.borderPointIds.includes(r.border_point_id) || listGroups.has(PROFILE_GROUP[profile]);
      const showIdentity = sharing.groups.includes(FieldGroup.IDENTITY) && !sharing.consentRequiredFor.includes(FieldGroup.IDENTITY);
      const page = rows.slice(0, limit);
      const items: CaseListItem[] = page.map((r) => {
        const visible = r.profile_statuses.filter((p) => profileVisible(r, p.profile));
        return {
          id: r.id,
          caseNumber: r.case_number,
          status: r.status,
          version: r.version,
          borderPoint: { id: r.border_point_id, code: r.bp_code },
          arrivedAt: r.arrived_at.toISOString(),
          registeredAt: r.registered_at.toISOString(),
          nationalities: r.nationalities,
          urgentNeeds: r.urgent_needs,
          profiles: visible.map((p) => p.profile),
          profileStatuses: visible.map(({ profile, status }) => ({ profile, status })),
          ageEstimated: r.date_of_birth ? r.date_of_birth_estimated : r.stated_age !== null,
          ...(showIdentity
            ? {
                person: {
                  givenName: r.given_name,
                  familyName: r.family_name,
                  description: r.description,
                  sex: r.sex,
                  ageAtArrival: r.date_of_birth ? ageAt(r.date_of_birth, r.arrived_at) : r.stated_age,
                },
              }
            : {}),
        };
      });
      await this.audit.record(manager, {
        action: 'CASE.LISTED',
        actor,
        fieldGroups: showIdentity ? [FieldGroup.IDENTITY, FieldGroup.ARRIVAL] : [FieldGroup.ARRIVAL],
        purpose: 'CASE_WORK',
        correlationId,
        details: { returned: items.length },
      });
      const last = page[page.length - 1];
      return rows.length > limit && last ? { items, nextCursor: encodeCursor(last.arrived_at, last.id) } : { items };
    });
  }
}

export { agencyKindOf };

import { allowedGroups, DEFAULT_DATA_SHARING, FIELD_GROUPS, FieldGroup, shapeRecord } from '@kivuko/access';
import { AuditService } from '@kivuko/audit';
import { Actor, actorScope, BadInputError, FieldCipher, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CasePolicy } from './case-policy';
import { ListCasesQuery } from './dto/case-query.dto';
import { agencyKindOf } from './agency-kind';
import { caseNotFound } from './consent/consent.service';
import { ageAt } from './intake-checks';
import { CaseStatus } from './intake.enums';
import { sectionContext } from './person-record';
import { CaseProfileView, CaseProfilingService, PROFILE_GROUP } from './profiling/case-profiling.service';
import { ProfileCode } from '@kivuko/profiling';
import { readableGroups } from './readable-groups';

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

interface CaseRow {
  id: string;
  case_number: string;
  status: CaseStatus;
  version: number;
  border_point_id: string;
  bp_code: string;
  bp_name: string;
  arrived_at: Date;
  arrival_mode: string;
  arrival_how: string | null;
  route: string[];
  intended_destination: string | null;
  smuggler_used: boolean | null;
  urgent_needs: string[];
  registered_at: Date;
  updated_at: Date;
}

/** A row of the list query. */
type ListRow = CaseRow & {
  profile_statuses: { profile: ProfileCode; status: string }[];
  nationalities: string[];
  given_name: string | null;
  family_name: string | null;
  description: string | null;
  sex: string;
  date_of_birth: string | null;
  date_of_birth_estimated: boolean;
  stated_age: number | null;
};

interface PersonRow {
  identity_id: string;
  given_name: string | null;
  family_name: string | null;
  other_names: string[];
  description: string | null;
  sex: string;
  date_of_birth: string | null;
  date_of_birth_estimated: boolean;
  stated_age: number | null;
  nationalities: string[];
  area_of_origin: string | null;
  area_of_origin_code: string | null;
  languages: string[];
  interpreter_needed: boolean | null;
  interpreter_sex: string | null;
  documents_held_by_other: boolean | null;
}

const DEFAULT_PAGE = 25;

export function encodeCursor(arrivedAt: Date, id: string): string {
  return Buffer.from(`${arrivedAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { arrivedAt: Date; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(text);
  if (!match || Number.isNaN(new Date(match[1]).getTime())) {
    throw new BadInputError('REQUEST.VALIDATION_FAILED', 'The cursor is not one this list gave out', [
      { path: 'cursor', problem: 'must be the nextCursor of an earlier page' },
    ]);
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
    const [row] = await manager.query<CaseRow[]>(
      `SELECT c.*, bp.code AS bp_code, bp.name AS bp_name FROM case_file c JOIN border_point bp ON bp.id = c.border_point_id WHERE c.id = $1`,
      [caseId],
    );
    if (!row) throw caseNotFound();
    const allowed = await readableGroups(manager, this.policy, actor, caseId);

    const sectionRows = await manager.query<{ field_group: FieldGroup; content: Record<string, unknown> | null; ciphertext: string | null }[]>(
      `SELECT field_group, content, ciphertext FROM case_section WHERE case_id = $1`,
      [caseId],
    );
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
    const tasks = await manager.query<{ id: string; kind: string; due_at: Date | null }[]>(
      `SELECT id, kind, due_at FROM case_task WHERE case_id = $1 AND status = 'OPEN' ORDER BY due_at NULLS LAST, id`,
      [caseId],
    );
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
      withheldFieldGroups: FIELD_GROUPS.filter((g) => present.has(g) && !allowed.has(g)),
      sections,
      openTasks: tasks.map((t) => ({ id: t.id, kind: t.kind, dueAt: t.due_at?.toISOString() ?? null })),
      profiles: await this.profiling.visibleTo(manager, actor, caseId, row.border_point_id, await this.profiling.current(manager, caseId)),
    };
  }

  private async identity(manager: EntityManager, caseId: string, arrivedAt: Date): Promise<unknown> {
    const [person] = await manager.query<PersonRow[]>(
      `SELECT identity_id, given_name, family_name, other_names, description, sex, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
         date_of_birth_estimated, stated_age, nationalities, area_of_origin, area_of_origin_code, languages, interpreter_needed,
         interpreter_sex, documents_held_by_other
       FROM person WHERE case_id = $1`,
      [caseId],
    );
    const documents = await manager.query<{ kind: string; number: string; issuing_country: string; expires_on: string | null }[]>(
      `SELECT kind, number, issuing_country, to_char(expires_on, 'YYYY-MM-DD') AS expires_on FROM person_document WHERE case_id = $1 ORDER BY position`,
      [caseId],
    );
    const history = await manager.query<{ case_id: string; case_number: string; arrived_at: Date; status: string }[]>(
      `SELECT case_id, case_number, arrived_at, status FROM kivuko_identity_history($1) WHERE case_id <> $2`,
      [person.identity_id, caseId],
    );
    const encounters = await manager.query<{ id: string; matched_case_id: string; case_number: string; score: number; reasons: unknown; status: string }[]>(
      `SELECT e.id, e.matched_case_id, kivuko_case_number(e.matched_case_id) AS case_number, e.score, e.reasons, e.status
       FROM possible_encounter e
       WHERE e.case_id = $1 ORDER BY e.score DESC, e.id`,
      [caseId],
    );
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
        reasons: e.reasons,
        status: e.status,
      })),
    };
  }

  private async arrival(manager: EntityManager, row: CaseRow): Promise<Record<string, unknown>> {
    const companions = await manager.query<{ case_id: string; companion_case_id: string; relationship: string; verified: boolean; case_number: string | null }[]>(
      `SELECT cc.case_id, cc.companion_case_id, cc.relationship, cc.verified,
              kivuko_case_number(CASE WHEN cc.case_id = $1 THEN cc.companion_case_id ELSE cc.case_id END) AS case_number
       FROM case_companion cc WHERE cc.case_id = $1 OR cc.companion_case_id = $1 ORDER BY cc.case_id, cc.companion_case_id`,
      [row.id],
    );
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
      throw new BadInputError('REQUEST.VALIDATION_FAILED', 'The arrival range is empty', [{ path: 'arrivedTo', problem: 'must not be before arrivedFrom' }]);
    }
    return this.uow.run(actorScope(actor), async (manager) => {
      const { sql, params } = listQuery(query, after, limit + 1);
      const rows = await manager.query<ListRow[]>(sql, params);
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

/** The list query: each filter narrows an index that is already in list order (newest arrival first). */
export function listQuery(query: ListCasesQuery, after: { arrivedAt: Date; id: string } | undefined, limit: number): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (query.borderPointId) add((p) => `c.border_point_id = ${p}`, query.borderPointId);
  if (query.status) add((p) => `c.status = ${p}`, query.status);
  if (query.nationality) add((p) => `c.nationalities @> ARRAY[${p}]::text[]`, query.nationality);
  if (query.profile) add((p) => `EXISTS (SELECT 1 FROM case_profile cp WHERE cp.case_id = c.id AND cp.profile = ${p} AND cp.status NOT IN ('REMOVED', 'SUPERSEDED'))`, query.profile);
  if (query.urgent !== undefined) where.push(query.urgent ? `cardinality(c.urgent_needs) > 0` : `cardinality(c.urgent_needs) = 0`);
  if (query.arrivedFrom) add((p) => `c.arrived_at >= ${p}`, new Date(query.arrivedFrom));
  if (query.arrivedTo) add((p) => `c.arrived_at < ${p}`, new Date(query.arrivedTo));
  if (after) {
    params.push(after.arrivedAt, after.id);
    where.push(`(c.arrived_at, c.id) < ($${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push(limit);
  const sql = `
    SELECT c.id, c.case_number, c.status, c.version, c.border_point_id, bp.code AS bp_code, c.arrived_at, c.registered_at, c.nationalities,
           c.urgent_needs,
           COALESCE((SELECT json_agg(json_build_object('profile', cp.profile, 'status', cp.status) ORDER BY cp.profile)
                     FROM case_profile cp WHERE cp.case_id = c.id AND cp.status NOT IN ('REMOVED', 'SUPERSEDED')), '[]'::json) AS profile_statuses,
           p.given_name, p.family_name, p.description, p.sex, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.date_of_birth_estimated, p.stated_age
    FROM case_file c JOIN person p ON p.case_id = c.id JOIN border_point bp ON bp.id = c.border_point_id
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY c.arrived_at DESC, c.id DESC
    LIMIT $${params.length}`;
  return { sql, params };
}

export { agencyKindOf };

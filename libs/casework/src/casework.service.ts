import { FieldGroup, isFieldGroup } from '@kivuko/access';
import { AuditService } from '@kivuko/audit';
import { caseNotFound, CasePolicy, CaseProfilingService, readableGroups } from '@kivuko/cases';
import { Actor, actorScope, Clock, FieldCipher, PlatformErrors, UnitOfWork } from '@kivuko/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AddNoteDto, NoteSensitivity, TimelineQuery } from './casework.dto';
import { CaseworkErrors } from './casework.errors';
import { caseBorderPoint, caseTimeline, insertNote, notesOfCase } from './casework.queries';

export interface NoteView {
  id: string;
  sensitivity: NoteSensitivity;
  fieldGroup: FieldGroup | null;
  text: string;
  authorUserId: string;
  authorAgencyId: string;
  createdAt: string;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  actorUserId: string | null;
  actorAgencyId: string | null;
  details: Record<string, unknown>;
}

const noteContext = (id: string): string => `case_note.body:${id}`;

/**
 * Working a case: notes with their sensitivity, and one ordered history of everything that happened
 * to it. Both within the caller's scope, both audited as reads.
 */
@Injectable()
export class CaseworkService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly policy: CasePolicy,
    private readonly profiling: CaseProfilingService,
    private readonly clock: Clock,
  ) {}

  /** The field groups this reader may see on this case (the SOP's map and the case's consents). */
  private readable(manager: EntityManager, actor: Actor, caseId: string): Promise<Set<FieldGroup>> {
    return readableGroups(manager, this.policy, actor, caseId);
  }

  private async requireCase(manager: EntityManager, caseId: string): Promise<string> {
    const [row] = await caseBorderPoint(manager, caseId);
    if (!row) throw caseNotFound();
    return row.border_point_id;
  }

  async addNote(actor: Actor, caseId: string, dto: AddNoteDto, correlationId?: string): Promise<NoteView> {
    const sensitive = dto.sensitivity === NoteSensitivity.Sensitive;
    const problems = [];
    if (sensitive && !dto.fieldGroup) problems.push({ path: 'fieldGroup', problem: 'a SENSITIVE note names the field group it belongs to' });
    if (!sensitive && dto.fieldGroup) problems.push({ path: 'fieldGroup', problem: 'only a SENSITIVE note names a field group' });
    if (problems.length > 0) throw CaseworkErrors.badInput('NOTE.INVALID', problems, `The note has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}`);

    return this.uow.run(actorScope(actor), async (manager) => {
      await this.requireCase(manager, caseId);
      if (sensitive && !(await this.readable(manager, actor, caseId)).has(dto.fieldGroup as FieldGroup)) {
        throw CaseworkErrors.badInput('NOTE.GROUP_NOT_YOURS', [
          { path: 'fieldGroup', problem: 'is not a field group your agency may see on this case' },
        ]);
      }
      const id = randomUUID();
      await insertNote(manager, id, caseId, actor.userId, actor.agencyId, dto.sensitivity, dto.fieldGroup ?? null, sensitive ? null : dto.text, sensitive ? this.cipher.encrypt(dto.text, noteContext(id)) : null);
      await this.audit.record(manager, {
        action: 'CASE.NOTE_ADDED',
        actor,
        caseId,
        fieldGroups: dto.fieldGroup ? [dto.fieldGroup] : [],
        purpose: 'CASE_WORK',
        correlationId,
        details: { noteId: id, sensitivity: dto.sensitivity },
      });
      return { id, sensitivity: dto.sensitivity, fieldGroup: dto.fieldGroup ?? null, text: dto.text, authorUserId: actor.userId, authorAgencyId: actor.agencyId, createdAt: this.clock.now().toISOString() };
    });
  }

  /** The notes this reader may read: restricted ones of other agencies never reach here (row-level security), sensitive ones only with their group. */
  async notes(actor: Actor, caseId: string, correlationId?: string): Promise<{ notes: NoteView[]; withheld: number }> {
    return this.uow.run(actorScope(actor), async (manager) => {
      await this.requireCase(manager, caseId);
      const groups = await this.readable(manager, actor, caseId);
      const rows = await notesOfCase(manager, caseId);
      const readable = rows.filter((r) => r.sensitivity !== NoteSensitivity.Sensitive || (r.field_group !== null && isFieldGroup(r.field_group) && groups.has(r.field_group)));
      const notes = readable.map((r) => ({
        id: r.id,
        sensitivity: r.sensitivity,
        fieldGroup: r.field_group,
        text: r.body_ciphertext ? this.cipher.decrypt(r.body_ciphertext, noteContext(r.id)) : (r.body as string),
        authorUserId: r.author_user_id,
        authorAgencyId: r.author_agency_id,
        createdAt: r.created_at.toISOString(),
      }));
      await this.audit.record(manager, {
        action: 'CASE.NOTES_READ',
        actor,
        caseId,
        fieldGroups: [...new Set(readable.flatMap((r) => (r.field_group ? [r.field_group] : [])))],
        purpose: 'CASE_WORK',
        correlationId,
        details: { notes: notes.length },
      });
      return { notes, withheld: rows.length - readable.length };
    });
  }

  /**
   * Everything that happened to the case, oldest first, as far as the reader may see it: registration,
   * profiling runs and decisions, referrals and their transitions, notes, tasks, consents, encounters.
   * Each entry names who acted; contents stay where their own reads are shaped (a note's text, a profile
   * of a section the reader may not see are not shown here).
   */
  async timeline(actor: Actor, caseId: string, query: TimelineQuery, correlationId?: string): Promise<{ items: TimelineEntry[]; nextCursor?: string }> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeTimelineCursor(query.cursor) : undefined;
    return this.uow.run(actorScope(actor), async (manager) => {
      const borderPointId = await this.requireCase(manager, caseId);
      const visibleProfiles = new Set(
        (await this.profiling.visibleTo(manager, actor, caseId, borderPointId, await this.profiling.current(manager, caseId))).map((p) => p.profile as string),
      );
      const everything = actor.borderPointIds.includes(borderPointId);
      const readable = await this.readable(manager, actor, caseId);
      const rows = await caseTimeline(manager, caseId, limit, [...readable], after, query.order === 'desc');
      const page = rows
        .slice(0, limit)
        // A profile decision on a section the reader may not see shows as a decision, without the profile.
        .map((r) => (r.kind.startsWith('PROFILE_') && !everything && !visibleProfiles.has(String(r.details.profile)) ? { ...r, details: {} } : r));
      await this.audit.record(manager, { action: 'CASE.TIMELINE_READ', actor, caseId, purpose: 'CASE_WORK', correlationId, details: { entries: page.length } });
      const last = rows.length > limit ? page[page.length - 1] : undefined;
      const items = page.map((r) => ({ at: r.at.toISOString(), kind: r.kind, actorUserId: r.actor_user_id, actorAgencyId: r.actor_agency_id, details: r.details }));
      return last ? { items, nextCursor: encodeTimelineCursor(last) } : { items };
    });
  }
}

/** Microseconds, as PostgreSQL keeps them: a millisecond cursor would repeat or skip entries. */
function encodeTimelineCursor(row: { at_us: string; kind: string; ref: string }): string {
  return Buffer.from(JSON.stringify([row.at_us, row.kind, row.ref]), 'utf8').toString('base64url');
}

function decodeTimelineCursor(cursor: string): { atUs: string; kind: string; ref: string } {
  try {
    const [atUs, kind, ref] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string, string];
    if (typeof atUs !== 'string' || !/^\d{1,20}$/.test(atUs) || typeof kind !== 'string' || typeof ref !== 'string') throw new Error('bad cursor');
    return { atUs, kind, ref };
  } catch {
    throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path: 'cursor', problem: 'must be the nextCursor of an earlier page' }], 'The cursor is not one this timeline gave out');
  }
}

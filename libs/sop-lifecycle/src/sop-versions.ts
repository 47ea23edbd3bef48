import { Clock } from '@kivuko/platform';
import { loadSop, Sop } from '@kivuko/sop';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActiveSopRow, findActiveVersion, findVersionDocument } from './sop-lifecycle.queries';

export type { ActiveSopRow } from './sop-lifecycle.queries';

/** The SOP version a use case works under: its id and its parsed document. */
export interface ActiveSop {
  id: string;
  sop: Sop;
}

/**
 * The one place that reads stored SOP versions for use: which version of a jurisdiction is active, and a
 * version's parsed document. A version's document never changes (the database refuses it), so each is
 * parsed once per version and kept by id for every context that routes, escalates or records under it.
 */
@Injectable()
export class SopVersions {
  private readonly parsedById = new Map<string, Sop>();

  constructor(private readonly clock: Clock) {}

  /**
   * The jurisdiction's ACTIVE version: with `at` (default: now), only when in effect by then (what routing
   * uses); with `null`, whichever is ACTIVE, in effect yet or not (what an activation supersedes).
   */
  async activeRow(manager: EntityManager, jurisdiction: string, at: Date | null = this.clock.now()): Promise<ActiveSopRow | null> {
    return findActiveVersion(manager, jurisdiction, at);
  }

  /** The active version of a jurisdiction in effect at `at` (default: now), parsed; null when there is none. */
  async active(manager: EntityManager, jurisdiction: string, at: Date = this.clock.now()): Promise<ActiveSop | null> {
    const row = await this.activeRow(manager, jurisdiction, at);
    return row ? { id: row.id, sop: await this.parsed(manager, row.id) } : null;
  }

  /**
   * A stored version's document, parsed once per version (`document`: when the caller has read it already).
   * Throws the SOP library's InvalidSopError when the document no longer passes validation.
   */
  async parsed(manager: EntityManager, versionId: string, document?: unknown): Promise<Sop> {
    let sop = this.parsedById.get(versionId);
    if (!sop) {
      if (document === undefined) {
        const row = await findVersionDocument(manager, versionId);
        if (!row) throw new Error(`no SOP version ${versionId}`);
        document = row.document;
      }
      sop = loadSop(document);
      this.parsedById.set(versionId, sop);
    }
    return sop;
  }
}

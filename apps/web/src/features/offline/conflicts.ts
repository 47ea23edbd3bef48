import type { ApiClient } from '../../api/client';
import { unwrap } from '../../api/client';
import { completionCaseId, Outbox, OutboxItem } from './outbox';

export interface ServerVersion {
  /** The server's version in the shape of the record's own body part (`person` of a completion); null when it cannot be shown. */
  theirs: unknown;
  /** The case's current version (a completion's conflict). */
  version: number | null;
}

/** The part of the user's record the review compares: the person of a completion, the whole intake otherwise. */
export function mineOf(item: OutboxItem): unknown {
  return item.kind === 'completion' ? (item.body as { person?: unknown }).person : item.body;
}

/**
 * The server's side of a conflict. A completion's case is read again (GET /cases/:id): its sections,
 * merged, against the person sent. A registration refused because its id was used for another body has
 * nothing to read back (the server keeps only a fingerprint of the first body).
 */
export async function loadServerVersion(api: ApiClient, item: OutboxItem): Promise<ServerVersion> {
  if (item.kind !== 'completion') return { theirs: null, version: null };
  const view = await unwrap<{ version: number; sections?: Record<string, unknown> }>(
    api.GET('/api/v1/cases/{id}', { params: { path: { id: completionCaseId(item.id) } } }),
  );
  const merged: Record<string, unknown> = {};
  for (const section of Object.values(view.sections ?? {})) {
    if (section && typeof section === 'object' && !Array.isArray(section)) Object.assign(merged, section);
  }
  return { theirs: merged, version: view.version };
}

/**
 * "Send mine": a completion goes again on the case's new version; a registration whose id was taken goes
 * as a new registration with a new id. The record keeps its place in the outbox and is sent at once.
 */
export async function sendMine(outbox: Outbox, item: OutboxItem, server: ServerVersion, newId: () => string = () => crypto.randomUUID()): Promise<string> {
  if (item.kind === 'completion') {
    const version = server.version ?? (item.body as { version?: number }).version ?? 1;
    const id = `${completionCaseId(item.id)}@${version}`;
    await outbox.update(item.id, { ...(item.body as object), version }, { id });
    return id;
  }
  const intakeId = newId();
  await outbox.update(item.id, { ...(item.body as object), intakeId }, { id: intakeId });
  return intakeId;
}

/** Where "Edit" opens a record back in its form; the intake and mass-arrival pages register theirs. */
const editors = new Map<OutboxItem['kind'], (item: OutboxItem) => string | null>();

/** `href` answers null for a record its form cannot reopen (e.g. a mass-arrival chunk, kept without a form). */
export function registerOutboxEditor(kind: OutboxItem['kind'], href: (item: OutboxItem) => string | null): void {
  editors.set(kind, href);
}

export function editorHref(item: OutboxItem): string | null {
  return editors.get(item.kind)?.(item) ?? null;
}

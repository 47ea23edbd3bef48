import { PROFILES, ProfileCode, URGENCIES, Urgency } from '@kivuko/profiling';
import { compareDurations } from '../duration';
import { RequiredAction, RoutingEntry, RoutingTarget } from '../sop';
import {
  ACTION_CODES,
  AGENCY_KINDS,
  AGENCY_SERVICES,
  CONSENT_PURPOSES,
  NON_RECEIVING_KINDS,
  PRIORITIES,
  Priority,
  PROHIBITION_CODES,
} from '../vocabulary';
import { child, Problems, shown } from './problems';

/** One referral per case and target: a kind, or a kind and the service the SOP names (`NGO/SAFE_SHELTER`). */
export function targetKey(target: Pick<RoutingTarget, 'kind' | 'service'>): string {
  return target.service ? `${target.kind}/${target.service}` : target.kind;
}

/** Reads the routing table: an entry for every profile, nothing else. */
export class RoutingReader {
  constructor(
    private readonly problems: Problems,
    /** Durations are compared from here (the effective date), which only matters for years and months. */
    private readonly reference: Date,
  ) {}

  read(raw: unknown): Record<ProfileCode, RoutingEntry> | undefined {
    const table = this.problems.object(raw, 'routing', 'an object with an entry for every profile');
    if (!table) return undefined;
    for (const key of Object.keys(table)) {
      if (!(PROFILES as readonly string[]).includes(key)) this.problems.add(child('routing', key), `is not a profile (${PROFILES.join(', ')})`, 'NOT_ONE_OF', { value: key });
    }
    const out: Partial<Record<ProfileCode, RoutingEntry>> = {};
    for (const profile of PROFILES) {
      const path = child('routing', profile);
      if (!(profile in table)) {
        this.problems.add(path, 'is required: every profile needs its lead agency and deadlines', 'REQUIRED');
        continue;
      }
      const entry = this.entry(table[profile], path);
      if (entry) out[profile] = entry;
    }
    return PROFILES.every((p) => out[p]) ? (out as Record<ProfileCode, RoutingEntry>) : undefined;
  }

  private entry(raw: unknown, path: string): RoutingEntry | undefined {
    const entry = this.problems.object(raw, path, 'an object with lead, supporting, firstContact, priority and prohibitions');
    if (!entry) return undefined;
    this.problems.onlyKeys(entry, ['lead', 'supporting', 'firstContact', 'priority', 'prohibitions', 'description'], path);
    const description = this.problems.optionalText(entry['description'], child(path, 'description'), 2_000);
    const lead = this.target(entry['lead'], child(path, 'lead'));
    const keys = new Map<string, string>(lead ? [[targetKey(lead), child(path, 'lead')]] : []);
    const supporting = entry['supporting'] === undefined ? [] : this.problems.list(entry['supporting'], child(path, 'supporting'), (t, at) => {
      const target = this.target(t, at);
      if (!target) return undefined;
      const key = targetKey(target);
      const earlier = keys.get(key);
      if (earlier) return this.problems.add(at, `${key} is already ${earlier}: one target gets one referral per case`, 'TARGET_TWICE', { target: key, earlier });
      keys.set(key, at);
      return target;
    }, { nonEmpty: false });
    const firstContact = this.byUrgency(entry['firstContact'], child(path, 'firstContact'), (v, at) => this.problems.duration(v, at, { positive: true }));
    if (firstContact) this.noSlowerWhenMoreUrgent(firstContact, child(path, 'firstContact'));
    const priority = this.byUrgency(entry['priority'], child(path, 'priority'), (v, at) => this.problems.oneOf(v, PRIORITIES, at));
    if (priority) this.noLowerWhenMoreUrgent(priority, child(path, 'priority'));
    const prohibitions = entry['prohibitions'] === undefined ? [] : this.problems.codes(entry['prohibitions'], PROHIBITION_CODES, child(path, 'prohibitions'));
    if (!lead || !supporting || !firstContact || !priority || !prohibitions || description === undefined) return undefined;
    return { lead, supporting, firstContact, priority, prohibitions, ...(description !== null && { description }) };
  }

  private target(raw: unknown, path: string): RoutingTarget | undefined {
    const target = this.problems.object(raw, path, 'an object with kind, and optionally service and actions');
    if (!target) return undefined;
    this.problems.onlyKeys(target, ['kind', 'service', 'actions', 'description'], path);
    this.problems.optionalText(target['description'], child(path, 'description'), 500);
    let kind = this.problems.oneOf(target['kind'], AGENCY_KINDS, child(path, 'kind'));
    if (kind && NON_RECEIVING_KINDS.includes(kind)) kind = this.problems.add(child(path, 'kind'), `${kind} never receives referrals`, 'NEVER_RECEIVES', { kind });
    const service = target['service'] === undefined ? null : this.problems.oneOf(target['service'], AGENCY_SERVICES, child(path, 'service'));
    const seen = new Set<string>();
    const actions = target['actions'] === undefined ? [] : this.problems.list(target['actions'], child(path, 'actions'), (a, at) => this.action(a, at, seen), { nonEmpty: false });
    if (!kind || service === undefined || !actions) return undefined;
    return { kind, ...(service !== null && { service }), actions };
  }

  private action(raw: unknown, path: string, seen: Set<string>): RequiredAction | undefined {
    const entry = this.problems.object(raw, path, 'an object with action and within');
    if (!entry) return undefined;
    this.problems.onlyKeys(entry, ['action', 'within', 'period', 'consentPurpose', 'note'], path);
    let action = this.problems.oneOf(entry['action'], ACTION_CODES, child(path, 'action'));
    if (action && seen.has(action)) action = this.problems.add(child(path, 'action'), `"${action}" is listed twice for this target`, 'LISTED_TWICE', { value: action });
    else if (action) seen.add(action);
    const within = this.problems.duration(entry['within'], child(path, 'within'), { positive: true });
    const period = entry['period'] === undefined ? null : this.problems.duration(entry['period'], child(path, 'period'), { positive: true });
    const purpose = entry['consentPurpose'] === undefined ? null : this.problems.oneOf(entry['consentPurpose'], CONSENT_PURPOSES, child(path, 'consentPurpose'));
    const note = this.problems.optionalText(entry['note'], child(path, 'note'), 500);
    if (!action || !within || period === undefined || purpose === undefined || note === undefined) return undefined;
    return { action, within, ...(period !== null && { period }), ...(purpose !== null && { consentPurpose: purpose }), ...(note !== null && { note }) };
  }

  /** An object with exactly one value per urgency. */
  private byUrgency<T>(raw: unknown, path: string, read: (value: unknown, at: string) => T | undefined): Record<Urgency, T> | undefined {
    const map = this.problems.object(raw, path, `an object with ${URGENCIES.join(', ')}`);
    if (!map) return undefined;
    this.problems.onlyKeys(map, URGENCIES, path);
    const out: Partial<Record<Urgency, T>> = {};
    for (const urgency of URGENCIES) {
      const value = urgency in map ? read(map[urgency], child(path, urgency)) : this.problems.add(child(path, urgency), 'is required: every urgency needs its value', 'REQUIRED');
      if (value !== undefined) out[urgency] = value;
    }
    return URGENCIES.every((u) => out[u] !== undefined) ? (out as Record<Urgency, T>) : undefined;
  }

  private noSlowerWhenMoreUrgent(deadlines: Record<Urgency, string>, path: string): void {
    for (let i = 0; i + 1 < URGENCIES.length; i += 1) {
      const [urgent, lessUrgent] = [URGENCIES[i], URGENCIES[i + 1]];
      if (compareDurations(deadlines[urgent], deadlines[lessUrgent], this.reference) > 0) {
        this.problems.add(child(path, urgent), `${shown(deadlines[urgent])} is longer than ${lessUrgent} (${shown(deadlines[lessUrgent])}): a more urgent case must not wait longer`, 'DEADLINE_ORDER', { value: String(deadlines[urgent]), urgency: urgent, lessUrgent, lessUrgentValue: String(deadlines[lessUrgent]) });
      }
    }
  }

  private noLowerWhenMoreUrgent(priorities: Record<Urgency, Priority>, path: string): void {
    for (let i = 0; i + 1 < URGENCIES.length; i += 1) {
      const [urgent, lessUrgent] = [URGENCIES[i], URGENCIES[i + 1]];
      if (priorities[urgent] > priorities[lessUrgent]) {
        this.problems.add(child(path, urgent), `${priorities[urgent]} is a lower priority than ${lessUrgent} (${priorities[lessUrgent]}): a more urgent case must not come later in the queue`, 'PRIORITY_ORDER', { value: String(priorities[urgent]), urgency: urgent, lessUrgent, lessUrgentValue: String(priorities[lessUrgent]) });
      }
    }
  }
}

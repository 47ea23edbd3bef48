import { ProfileCode, profileOrder, Urgency } from './profiles';

/** What the diff needs of a stored or fresh suggestion. */
export interface ProfileSnapshot {
  profile: ProfileCode;
  urgency: Urgency;
  needsCodes: readonly string[];
  indicators: readonly { id: string }[];
}

export interface ProfileChange {
  profile: ProfileCode;
  /** null when the urgency stayed the same. */
  urgency: { from: Urgency; to: Urgency } | null;
  indicatorsAdded: string[];
  indicatorsRemoved: string[];
  needsCodesAdded: string[];
  needsCodesRemoved: string[];
}

export interface ProfileDiff<P extends ProfileSnapshot = ProfileSnapshot> {
  added: P[];
  removed: P[];
  changed: ProfileChange[];
  unchanged: ProfileCode[];
}

/**
 * What changed between two profiling runs of one case (the previous run may be empty: everything is
 * added). Every list is in the order of `PROFILES`; indicator and code lists are sorted.
 */
export function diffProfiles<P extends ProfileSnapshot>(previous: readonly P[], next: readonly P[]): ProfileDiff<P> {
  const before = byProfile(previous);
  const after = byProfile(next);
  const diff: ProfileDiff<P> = { added: [], removed: [], changed: [], unchanged: [] };
  const all = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => profileOrder(a) - profileOrder(b));
  for (const profile of all) {
    const old = before.get(profile);
    const now = after.get(profile);
    if (!old && now) diff.added.push(now);
    else if (old && !now) diff.removed.push(old);
    else if (old && now) {
      const change = compare(old, now);
      if (change) diff.changed.push(change);
      else diff.unchanged.push(profile);
    }
  }
  return diff;
}

/** Whether two runs suggested the same thing. */
export function isEmptyDiff(diff: ProfileDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

function byProfile<P extends ProfileSnapshot>(snapshots: readonly P[]): Map<ProfileCode, P> {
  const map = new Map<ProfileCode, P>();
  for (const snapshot of snapshots) {
    if (map.has(snapshot.profile)) throw new Error(`Profile ${snapshot.profile} is listed twice in one profiling run`);
    map.set(snapshot.profile, snapshot);
  }
  return map;
}

function compare(old: ProfileSnapshot, now: ProfileSnapshot): ProfileChange | null {
  const [indicatorsAdded, indicatorsRemoved] = setChanges(
    old.indicators.map((i) => i.id),
    now.indicators.map((i) => i.id),
  );
  const [needsCodesAdded, needsCodesRemoved] = setChanges(old.needsCodes, now.needsCodes);
  const urgency = old.urgency === now.urgency ? null : { from: old.urgency, to: now.urgency };
  if (!urgency && indicatorsAdded.length + indicatorsRemoved.length + needsCodesAdded.length + needsCodesRemoved.length === 0) return null;
  return { profile: now.profile, urgency, indicatorsAdded, indicatorsRemoved, needsCodesAdded, needsCodesRemoved };
}

function setChanges(before: readonly string[], after: readonly string[]): [string[], string[]] {
  const was = new Set(before);
  const is = new Set(after);
  return [[...is].filter((x) => !was.has(x)).sort(), [...was].filter((x) => !is.has(x)).sort()];
}

import type { CaseView, Identity } from '../intake/intake-api';

export type Verdict = 'SAME' | 'DIFFERENT' | 'ONE_SIDE' | 'NEITHER';

export type ComparedField = 'name' | 'otherNames' | 'sex' | 'dateOfBirth' | 'nationalities' | 'documents' | 'borderPoint' | 'arrived';

/** A field's raw values on each side (formatting is the page's), and whether they agree. */
export interface Comparison {
  field: ComparedField;
  left: string[];
  right: string[];
  verdict: Verdict;
}

/** How names and numbers are compared: case, accents, punctuation and spacing do not make two values differ. */
export const normalise = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function verdictOf(left: string[], right: string[]): Verdict {
  if (left.length === 0 && right.length === 0) return 'NEITHER';
  if (left.length === 0 || right.length === 0) return 'ONE_SIDE';
  const a = [...new Set(left.map(normalise))].sort();
  const b = [...new Set(right.map(normalise))].sort();
  return a.length === b.length && a.every((value, i) => value === b[i]) ? 'SAME' : 'DIFFERENT';
}

const fullName = (identity: Identity | undefined): string[] => {
  const name = [identity?.givenName, identity?.familyName].filter(Boolean).join(' ');
  return name ? [name] : [];
};

/** The date of birth as `YYYY-MM-DD` (with `~` when estimated), else the stated age as `age:N`. */
const birth = (identity: Identity | undefined): string[] =>
  identity?.dateOfBirth ? [`${identity.dateOfBirth}${identity.dateOfBirthEstimated ? '~' : ''}`] : identity?.statedAge != null ? [`age:${identity.statedAge}`] : [];

/** The two records field by field. `right` is missing when the earlier record is outside the reader's scope. */
export function compareRecords(left: CaseView, right: CaseView | undefined): Comparison[] {
  const a = left.sections.IDENTITY;
  const b = right?.sections.IDENTITY;
  const rows: [ComparedField, string[], string[]][] = [
    ['name', fullName(a), fullName(b)],
    ['otherNames', a?.otherNames ?? [], b?.otherNames ?? []],
    ['sex', a?.sex ? [a.sex] : [], b?.sex ? [b.sex] : []],
    ['dateOfBirth', birth(a), birth(b)],
    ['nationalities', a?.nationalities ?? [], b?.nationalities ?? []],
    ['documents', (a?.documents ?? []).map((d) => `${d.kind} ${d.issuingCountry} ${d.number}`), (b?.documents ?? []).map((d) => `${d.kind} ${d.issuingCountry} ${d.number}`)],
    ['borderPoint', [left.borderPoint.name], right ? [right.borderPoint.name] : []],
    ['arrived', [left.arrivedAt], right ? [right.arrivedAt] : []],
  ];
  return rows.map(([field, l, r]) => ({
    field,
    left: l,
    right: r,
    // Where and when each arrived always differ for two arrivals: shown, not judged.
    verdict: field === 'arrived' || (field === 'borderPoint' && right) ? (verdictOf(l, r) === 'SAME' ? 'SAME' : 'DIFFERENT') : verdictOf(l, r),
  }));
}

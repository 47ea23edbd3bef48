import type { CaseView, Identity } from '../intake/intake-api';

/** SIMILAR: the names are spelled differently but the matcher reads them alike (Mohamed and Maxamed). */
export type Verdict = 'SAME' | 'SIMILAR' | 'DIFFERENT' | 'ONE_SIDE' | 'NEITHER';

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

/**
 * The words of two names that differ in spelling, paired in order ("Mohamed"/"Maxamed"), when both names have
 * as many words; the words that agree are left out. Empty when the names cannot be paired word by word.
 */
export function spellingVariants(left: string, right: string): [string, string][] {
  const a = left.trim().split(/\s+/).filter(Boolean);
  const b = right.trim().split(/\s+/).filter(Boolean);
  if (a.length === 0 || a.length !== b.length) return [];
  return a.flatMap((word, i): [string, string][] => {
    const other = b[i] ?? '';
    return normalise(word) === normalise(other) ? [] : [[word, other]];
  });
}

/**
 * The two records field by field. `right` is missing when the earlier record is outside the reader's scope.
 * `namesAlike`: the matcher found the names similar, so differently spelled names read "similar", not "different".
 */
export function compareRecords(left: CaseView, right: CaseView | undefined, namesAlike = false): Comparison[] {
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
  return rows.map(([field, l, r]) => {
    // Where and when each arrived always differ for two arrivals: shown, not judged.
    const verdict = field === 'arrived' || (field === 'borderPoint' && right) ? (verdictOf(l, r) === 'SAME' ? 'SAME' : 'DIFFERENT') : verdictOf(l, r);
    return { field, left: l, right: r, verdict: field === 'name' && verdict === 'DIFFERENT' && namesAlike ? 'SIMILAR' : verdict };
  });
}

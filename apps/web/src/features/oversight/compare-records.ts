import type { ComparedRecord, MatchReason } from './oversight-api';

/**
 * SIMILAR: the names are spelled differently but the matcher reads them alike (Mohamed and Maxamed).
 * EXPECTED: a difference two arrivals always have (where and when each arrived), shown, not held against the match.
 */
export type Verdict = 'SAME' | 'SIMILAR' | 'DIFFERENT' | 'EXPECTED' | 'ONE_SIDE' | 'NEITHER';

export type ComparedField = 'name' | 'otherNames' | 'sex' | 'dateOfBirth' | 'nationalities' | 'languages' | 'documents' | 'borderPoint' | 'arrived';

/** The match score in words: strong from 85 %, possible from 60 %, weak below. */
export type MatchLevel = 'STRONG' | 'POSSIBLE' | 'WEAK';
export const matchLevel = (score: number): MatchLevel => (score >= 0.85 ? 'STRONG' : score >= 0.6 ? 'POSSIBLE' : 'WEAK');

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

const fullName = (record: ComparedRecord | undefined): string[] => {
  const name = [record?.givenName, record?.familyName].filter(Boolean).join(' ');
  return name ? [name] : [];
};

/** The date of birth as `YYYY-MM-DD` (with `~` when estimated), else the stated age as `age:N`. */
const birth = (record: ComparedRecord | undefined): string[] =>
  record?.dateOfBirth ? [`${record.dateOfBirth}${record.dateOfBirthEstimated ? '~' : ''}`] : record?.statedAge != null ? [`age:${record.statedAge}`] : [];

/** A masked number as the page writes it: a dot per hidden character, then the last characters the api gave (`•••••567`). */
export const maskedNumber = (numberEnding: string, numberLength: number): string => {
  const ending = [...numberEnding];
  return `${'•'.repeat(Math.max(numberLength - ending.length, 0))}${ending.join('')}`;
};

/** A document as `KIND COUNTRY ••••321`: the api gives only the number's last characters and its length. */
export const maskedDocument = (d: ComparedRecord['documents'][number]): string => `${d.kind} ${d.issuingCountry} ${maskedNumber(d.numberEnding, d.numberLength)}`;

/** What a document match tells, from the api's parts (never the number: its last characters and its length). */
export function documentMatchParts(reason: Extract<MatchReason, { code: 'DOCUMENT_MATCH' }>): { kinds: string[]; country: string; number: string } {
  return { kinds: reason.kinds, country: reason.country, number: maskedNumber(reason.numberEnding, reason.numberLength) };
}

/** The numbers are masked, so the api says which documents both records hold: one in common reads the same. */
function documentsVerdict(left: ComparedRecord, right: ComparedRecord | undefined): Verdict | undefined {
  if (!right || left.documents.length === 0 || right.documents.length === 0) return undefined;
  return left.documents.some((d) => d.onOtherRecord) ? 'SAME' : 'DIFFERENT';
}

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
 * The two records field by field. `right` is missing while the earlier record is not (yet) read.
 * `namesAlike`: the matcher found the names similar, so differently spelled names read "similar", not "different".
 */
export function compareRecords(left: ComparedRecord, right: ComparedRecord | undefined, namesAlike = false): Comparison[] {
  const rows: [ComparedField, string[], string[]][] = [
    ['name', fullName(left), fullName(right)],
    ['otherNames', left.otherNames, right?.otherNames ?? []],
    ['sex', [left.sex], right ? [right.sex] : []],
    ['dateOfBirth', birth(left), birth(right)],
    ['nationalities', left.nationalities, right?.nationalities ?? []],
    ['languages', left.languages, right?.languages ?? []],
    ['documents', left.documents.map(maskedDocument), (right?.documents ?? []).map(maskedDocument)],
    ['borderPoint', [left.borderPoint.name], right ? [right.borderPoint.name] : []],
    ['arrived', [left.arrivedAt], right ? [right.arrivedAt] : []],
  ];
  return rows.map(([field, l, r]) => {
    // Where and when each arrived always differ for two arrivals: shown, not judged.
    const shownOnly = field === 'arrived' || (field === 'borderPoint' && right);
    // Times are shown to the minute: two in the same minute read the same, as they look.
    const minute = (values: string[]) => (field === 'arrived' ? values.map((value) => value.slice(0, 16)) : values);
    const verdict: Verdict = shownOnly ? (verdictOf(minute(l), minute(r)) === 'SAME' ? 'SAME' : 'EXPECTED') : field === 'documents' ? (documentsVerdict(left, right) ?? verdictOf(l, r)) : verdictOf(l, r);
    return { field, left: l, right: r, verdict: field === 'name' && verdict === 'DIFFERENT' && namesAlike ? 'SIMILAR' : verdict };
  });
}

import { OutboxQueuedError } from '../offline/send-via-outbox';
import { COUNTRY_ALPHA2 as ALPHA2_OF } from '../../i18n/countries';
import type { ChunkBody, IntakeResult } from './send-chunk';

/** The api's limit on persons per intake: a mass arrival goes out in chunks of at most this many. */
export const CHUNK_SIZE = 50;

export const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;
export type Sex = (typeof SEXES)[number];

/** The key (by physical position, so any keyboard layout works) that sets each sex. */
export const SEX_KEYS: Readonly<Record<string, Sex>> = { KeyF: 'FEMALE', KeyM: 'MALE', KeyO: 'OTHER', KeyU: 'UNKNOWN' };

export const URGENT_FLAGS = ['MEDICAL_EMERGENCY', 'UNACCOMPANIED_CHILD', 'SEPARATED_CHILD', 'TRAFFICKING_SUSPECTED', 'RECENT_SEXUAL_VIOLENCE', 'ASYLUM_WISH'] as const;
export type UrgentFlag = (typeof URGENT_FLAGS)[number];

/** Digits 1–6 toggle the urgent flags in the flags cell, in this order. */
export const FLAG_KEYS: Readonly<Record<string, UrgentFlag>> = Object.fromEntries(URGENT_FLAGS.map((flag, i) => [`Digit${i + 1}`, flag]));

export const ARRIVAL_MODES = ['LAND', 'SEA', 'AIR'] as const;
export type ArrivalMode = (typeof ARRIVAL_MODES)[number];

export const STATELESS = 'STATELESS';
export const UNKNOWN_NATIONALITY = 'UNKNOWN';

export interface Row {
  key: string;
  /** A name, or (when `described`) a description of a person whose name is not taken now. */
  text: string;
  described: boolean;
  sex: Sex | null;
  age: string;
  /** What the official typed; resolved to a code by `resolveNationality`. */
  nationality: string;
  flags: UrgentFlag[];
}

export interface Arrival {
  borderPointId: string;
  /** `YYYY-MM-DDTHH:mm`, local time (a datetime-local input's value). */
  arrivedAt: string;
  mode: ArrivalMode;
}

export type ChunkState =
  | { status: 'waiting' }
  | { status: 'sent'; cases: { id: string; caseNumber: string }[] }
  /** No answer in time (no network): kept sealed in the outbox, which sends it by itself when the link is back. */
  | { status: 'queued' }
  | { status: 'failed'; code: string; reference?: string };

/** One POST /api/v1/intakes: its intake id is made once, so sending it again is a replay, never a second registration. */
export interface Chunk {
  intakeId: string;
  rowKeys: string[];
  state: ChunkState;
}

/** A mass arrival in progress: what survives a reload. */
export interface Draft {
  arrival: Arrival;
  rows: Row[];
  /** Set when sending starts; the rows are then fixed. */
  chunks: Chunk[] | null;
}

export const newKey = (): string => crypto.randomUUID();

export const emptyRow = (): Row => ({ key: newKey(), text: '', described: false, sex: null, age: '', nationality: '', flags: [] });

/** Whether nothing was typed in the row (the grid's trailing row, skipped when sending). */
export const isBlank = (row: Row): boolean => row.text.trim() === '' && row.sex === null && row.age.trim() === '' && row.nationality.trim() === '' && row.flags.length === 0;

/** `YYYY-MM-DDTHH:mm` of a date, in local time. */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Whether the arrival's date and 24-hour time are whole and not in the future (a few minutes of clock drift allowed). */
export function arrivalTimeValid(arrivedAt: string, now: Date = new Date()): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(arrivedAt)) return false;
  const at = new Date(arrivedAt);
  return !Number.isNaN(at.getTime()) && at.getTime() <= now.getTime() + 5 * 60_000;
}

/** Folded for matching: case and accents ignored. */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();

export interface Country {
  code: string;
  name: string;
  /** The names matched against what is typed (the UI language's and English). */
  folded: string[];
}

/** Every country with its name in the UI language (from the browser), sorted by that name. */
export function countryList(locale: string): Country[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  return [...ALPHA2_OF]
    .map(([code, alpha2]) => {
      const name = names.of(alpha2) ?? code;
      return { code, name, folded: [fold(name), fold(english.of(alpha2) ?? code)] };
    })
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/**
 * The nationality code a typed text stands for: empty is UNKNOWN; a country's alpha-3 code as typed;
 * "stateless" / "unknown" (or the UI's words for them); otherwise the first country whose name starts
 * with the text, else whose name contains it. Null when nothing matches.
 */
export function resolveNationality(typed: string, countries: readonly Country[], words: { stateless: string; unknown: string }): string | null {
  const text = fold(typed);
  if (text === '') return UNKNOWN_NATIONALITY;
  const upper = typed.trim().toUpperCase();
  if (ALPHA2_OF.has(upper)) return upper;
  if (upper === STATELESS || fold(words.stateless).startsWith(text)) return STATELESS;
  if (upper === UNKNOWN_NATIONALITY || fold(words.unknown).startsWith(text)) return UNKNOWN_NATIONALITY;
  const starts = countries.find((country) => country.folded.some((name) => name.startsWith(text)));
  if (starts) return starts.code;
  return countries.find((country) => country.folded.some((name) => name.includes(text)))?.code ?? null;
}

export type RowProblem = 'name' | 'sex' | 'age' | 'nationality';

/** What a filled row still lacks (a blank row lacks nothing: it is skipped). */
export function rowProblems(row: Row, nationality: string | null): RowProblem[] {
  if (isBlank(row)) return [];
  const problems: RowProblem[] = [];
  if (row.text.trim() === '') problems.push('name');
  if (row.sex === null) problems.push('sex');
  const age = Number(row.age);
  if (row.age.trim() === '' || !Number.isInteger(age) || age < 0 || age > 120) problems.push('age');
  if (nationality === null) problems.push('nationality');
  return problems;
}

/** A row as the api's person: a name split into given name and family name (the last word), or a description. */
export function toPerson(row: Row, nationality: string): Record<string, unknown> {
  const text = row.text.trim().replace(/\s+/g, ' ');
  const words = text.split(' ');
  const name = row.described
    ? { description: text }
    : words.length > 1
      ? { givenName: words.slice(0, -1).join(' '), familyName: words[words.length - 1] }
      : { givenName: text };
  return {
    ref: row.key,
    ...name,
    sex: row.sex,
    statedAge: Number(row.age),
    nationalities: [nationality],
    ...(row.flags.length > 0 ? { urgentNeeds: row.flags } : {}),
  };
}

/** The rows to send in chunks of at most `size`, each with its own intake id. */
export function planChunks(rowKeys: readonly string[], size = CHUNK_SIZE): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0; start < rowKeys.length; start += size) {
    chunks.push({ intakeId: newKey(), rowKeys: rowKeys.slice(start, start + size), state: { status: 'waiting' } });
  }
  return chunks;
}

/** The arrival as the api's `arrival` (the local time as an instant). */
export const arrivalBody = (arrival: Arrival): Record<string, unknown> => ({
  borderPointId: arrival.borderPointId,
  arrivedAt: new Date(arrival.arrivedAt).toISOString(),
  mode: arrival.mode,
});

/**
 * Sends the chunks not yet registered (or only the one named), one after the other so that the case
 * numbers follow the rows, each with its own kept intake id; reports each chunk's new state. A failed
 * chunk does not stop the next.
 */
export async function sendChunks(
  draft: Draft & { chunks: Chunk[] },
  personOf: (row: Row) => Record<string, unknown>,
  send: (body: ChunkBody) => Promise<IntakeResult>,
  onState: (intakeId: string, state: ChunkState) => void,
  only?: string,
): Promise<void> {
  const rows = new Map(draft.rows.map((row) => [row.key, row]));
  for (const chunk of draft.chunks) {
    if (chunk.state.status === 'sent' || chunk.state.status === 'queued' || (only !== undefined && chunk.intakeId !== only)) continue;
    const persons = chunk.rowKeys.flatMap((key) => {
      const row = rows.get(key);
      return row ? [personOf(row)] : [];
    });
    try {
      const result = await send({ intakeId: chunk.intakeId, mode: 'MASS_ARRIVAL', arrival: arrivalBody(draft.arrival), persons });
      onState(chunk.intakeId, { status: 'sent', cases: result.cases.map((c) => ({ id: c.id, caseNumber: c.caseNumber })) });
    } catch (error) {
      if (error instanceof OutboxQueuedError) {
        onState(chunk.intakeId, { status: 'queued' });
        continue;
      }
      const failure = error as { code?: unknown; correlationId?: unknown };
      onState(chunk.intakeId, {
        status: 'failed',
        code: typeof failure.code === 'string' ? failure.code : 'NETWORK.UNREACHABLE',
        ...(typeof failure.correlationId === 'string' ? { reference: failure.correlationId } : {}),
      });
    }
  }
}

/** Whether a draft holds anything worth keeping (typed rows, or chunks not yet registered). */
export function draftHasWork(draft: Draft | null | undefined): boolean {
  if (!draft) return false;
  if (draft.chunks) return draft.chunks.some((chunk) => chunk.state.status !== 'sent');
  return draft.rows.some((row) => !isBlank(row));
}

/** A draft read back from the sealed profile, or null when it is not one. */
export function asDraft(value: unknown): Draft | null {
  const draft = value as Partial<Draft> | null | undefined;
  return draft && Array.isArray(draft.rows) && typeof draft.arrival === 'object' && draft.arrival !== null ? (draft as Draft) : null;
}

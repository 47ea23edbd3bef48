import { describe, expect, it } from 'vitest';
import {
  arrivalTimeValid,
  CHUNK_SIZE,
  Chunk,
  ChunkState,
  countryList,
  Draft,
  emptyRow,
  planChunks,
  resolveNationality,
  Row,
  rowProblems,
  sendChunks,
  toPerson,
} from './mass-arrival';
import type { ChunkBody } from './send-chunk';

const words = { stateless: 'Stateless', unknown: 'Unknown' };
const countries = countryList('en');
const row = (patch: Partial<Row>): Row => ({ ...emptyRow(), ...patch });

describe('nationality typed as a code or a name', () => {
  it('takes a code as typed, then the start of a name, then any part of one', () => {
    expect(resolveNationality('som', countries, words)).toBe('SOM');
    expect(resolveNationality('Somal', countries, words)).toBe('SOM');
    expect(resolveNationality('eritr', countries, words)).toBe('ERI');
    expect(resolveNationality('Congo - Kin', countries, words)).toBe('COD');
    expect(resolveNationality('', countries, words)).toBe('UNKNOWN');
    expect(resolveNationality('statel', countries, words)).toBe('STATELESS');
    expect(resolveNationality('qqqq', countries, words)).toBeNull();
  });

  it('matches the names in the UI language too (French: Érythrée, accents ignored)', () => {
    expect(resolveNationality('erythree', countryList('fr'), { stateless: 'Apatride', unknown: 'Inconnue' })).toBe('ERI');
  });
});

describe('a row as the api’s person', () => {
  it('splits a name at its last word, keeps a description whole, and sends flags only when there are some', () => {
    expect(toPerson(row({ key: 'r1', text: ' Amina  Abdi Hassan ', sex: 'FEMALE', age: '34' }), 'SOM')).toEqual({
      ref: 'r1',
      givenName: 'Amina Abdi',
      familyName: 'Hassan',
      sex: 'FEMALE',
      statedAge: 34,
      nationalities: ['SOM'],
    });
    expect(toPerson(row({ key: 'r2', text: 'boy in a red shirt', described: true, sex: 'MALE', age: '9', flags: ['UNACCOMPANIED_CHILD'] }), 'UNKNOWN')).toEqual({
      ref: 'r2',
      description: 'boy in a red shirt',
      sex: 'MALE',
      statedAge: 9,
      nationalities: ['UNKNOWN'],
      urgentNeeds: ['UNACCOMPANIED_CHILD'],
    });
  });

  it('names what a filled row lacks, and nothing for a blank row', () => {
    expect(rowProblems(emptyRow(), 'UNKNOWN')).toEqual([]);
    expect(rowProblems(row({ text: 'Amina', age: '130' }), null)).toEqual(['sex', 'age', 'nationality']);
    expect(rowProblems(row({ text: 'Amina', sex: 'FEMALE', age: '0' }), 'UNKNOWN')).toEqual([]);
  });
});

describe('chunks of a mass arrival', () => {
  const rows = Array.from({ length: 120 }, (_, i) => row({ key: `r${i}`, text: `Person ${i}`, sex: 'UNKNOWN', age: '30' }));

  it('holds at most 50 persons each, in row order, each with its own intake id', () => {
    const chunks = planChunks(rows.map((r) => r.key));
    expect(chunks.map((chunk) => chunk.rowKeys.length)).toEqual([CHUNK_SIZE, CHUNK_SIZE, 20]);
    expect(chunks.flatMap((chunk) => chunk.rowKeys)).toEqual(rows.map((r) => r.key));
    expect(new Set(chunks.map((chunk) => chunk.intakeId)).size).toBe(3);
    expect(chunks[0]?.intakeId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends each chunk once with MASS_ARRIVAL; a failed chunk is retried with the same intake id and the sent ones are not sent again', async () => {
    const draft: Draft & { chunks: Chunk[] } = {
      arrival: { borderPointId: 'bp', arrivedAt: '2026-12-06T22:30', mode: 'SEA' },
      rows,
      chunks: planChunks(rows.map((r) => r.key)),
    };
    const sent: ChunkBody[] = [];
    let failSecond = true;
    const send = async (body: ChunkBody) => {
      sent.push(body);
      if (body.intakeId === draft.chunks[1]?.intakeId && failSecond) throw Object.assign(new Error('down'), { code: 'NETWORK.UNREACHABLE' });
      return { intakeId: body.intakeId, mode: 'MASS_ARRIVAL', cases: body.persons.map((p, i) => ({ id: `${String(p.ref)}-case`, caseNumber: `N-${i}`, status: 'INCOMPLETE' })) };
    };
    const states = new Map<string, ChunkState>();
    const onState = (intakeId: string, state: ChunkState) => {
      states.set(intakeId, state);
      draft.chunks = draft.chunks.map((chunk) => (chunk.intakeId === intakeId ? { ...chunk, state } : chunk));
    };
    const personOf = (r: Row) => toPerson(r, 'UNKNOWN');

    await sendChunks(draft, personOf, send, onState);
    expect(sent.map((body) => body.persons.length)).toEqual([50, 50, 20]);
    expect(sent.every((body) => body.mode === 'MASS_ARRIVAL' && body.arrival.mode === 'SEA' && body.arrival.borderPointId === 'bp')).toBe(true);
    expect(draft.chunks.map((chunk) => chunk.state.status)).toEqual(['sent', 'failed', 'sent']);
    expect(states.get(draft.chunks[1]?.intakeId ?? '')).toEqual({ status: 'failed', code: 'NETWORK.UNREACHABLE' });

    failSecond = false;
    const secondId = draft.chunks[1]?.intakeId;
    await sendChunks(draft, personOf, send, onState);
    expect(sent).toHaveLength(4);
    expect(sent[3]?.intakeId).toBe(secondId);
    expect(sent[3]?.persons.map((p) => p.ref)).toEqual(rows.slice(50, 100).map((r) => r.key));
    expect(draft.chunks.every((chunk) => chunk.state.status === 'sent')).toBe(true);
  });
});

describe('the arrival time', () => {
  it('is a whole date and 24-hour time, not in the future', () => {
    const now = new Date('2026-12-07T03:00:00');
    expect(arrivalTimeValid('2026-12-06T21:30', now)).toBe(true);
    expect(arrivalTimeValid('2026-12-06T24:00', now)).toBe(false);
    expect(arrivalTimeValid('2026-12-06T9:30', now)).toBe(false);
    expect(arrivalTimeValid('2026-12-07T04:00', now)).toBe(false);
  });
});

import { inputProblems, MAX_INPUT_DEPTH, requestInputProblems } from './input-guard';

const nested = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe('the input check (NUL, lone surrogates, depth)', () => {
  it('names each string with a NUL or a lone surrogate by its path, and passes well-formed text', () => {
    const body = { name: 'Amina\u0000', persons: [{ givenName: 'Hodan' }, { givenName: 'X\ud800', notes: ['ok', '\udc00y'] }], emoji: '\ud83d\ude00', rtl: 'مرحبا' };
    expect(inputProblems(body).map((p) => p.path)).toEqual(['name', 'persons[1].givenName', 'persons[1].notes[1]']);
    expect(inputProblems(body)[0].problem).toBe('name must not contain a NUL character (U+0000)');
    expect(inputProblems(body)[1].problem).toContain('unpaired surrogate');
    expect(inputProblems({ text: 'ordinary text, with a pair \ud83d\udc69\u200d\ud83d\udc67' })).toEqual([]);
  });

  it('names a bad key quoted and escaped, so that no NUL comes back in the answer', () => {
    const [problem] = inputProblems({ answers: { 'fear\u0000': true } });
    expect(problem.path).toBe('answers["fear\\u0000"]');
    expect(problem.path).not.toContain('\u0000');
  });

  it(`refuses nesting deeper than ${MAX_INPUT_DEPTH} levels and accepts ${MAX_INPUT_DEPTH}`, () => {
    expect(inputProblems({ a: nested(MAX_INPUT_DEPTH - 1) })).toEqual([]);
    const [problem] = inputProblems({ a: nested(MAX_INPUT_DEPTH) });
    expect(problem.path).toMatch(/^a\[0\]/);
    expect(problem.problem).toContain(`nested deeper than ${MAX_INPUT_DEPTH} levels`);
  });

  it('walks a million levels without overflowing the stack, and shortens the path it names', () => {
    const [problem, ...rest] = inputProblems({ deep: nested(1_000_000) });
    expect(rest).toEqual([]);
    expect(problem.path.length).toBeLessThanOrEqual(81);
    expect(problem.path.startsWith('deep[0][0]')).toBe(true);
  });

  it('names at most 20 problems however many there are', () => {
    expect(inputProblems(Array.from({ length: 10_000 }, () => '\u0000'))).toHaveLength(20);
  });

  it('checks path parameters and query values by their names, and the body', () => {
    const problems = requestInputProblems({ params: { id: 'a\u0000' }, query: { q: ['ok', '\ud800'] }, body: { note: '\u0000' } });
    expect(problems.map((p) => p.path)).toEqual(['id', 'q[1]', 'note']);
    expect(requestInputProblems({ params: { '*': 'no-such-route\u0000' }, query: {}, body: undefined })).toEqual([]);
  });
});

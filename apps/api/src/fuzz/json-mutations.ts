import fc from 'fast-check';

/*
 * Mutations of a valid request: what a careless client, a broken device or a fuzzer sends. A mutation
 * changes one place of the body (a field dropped, nulled, given the wrong type, a poisoned string, an
 * array for an object, nesting 20,000 deep, ...), a path parameter, or the query string.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Key = string | number;

/** Stands for a value nested 20,000 levels deep: put into the serialised text (no recursion in the test). */
export const DEEP_NESTING = '__kivuko_fuzz_deep_nesting__';
const DEEP_TEXT = '['.repeat(20_000) + ']'.repeat(20_000);

/** Every place in a value, the root included, as the keys that lead there. */
export function placesOf(value: Json, at: Key[] = []): Key[][] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => placesOf(v, [...at, i])));
  if (value !== null && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => placesOf(v, [...at, k])));
  return here;
}

/** The value at a place, or undefined where an earlier mutation took the place away. */
function valueAt(value: Json | undefined, at: Key[]): Json | undefined {
  return at.reduce<Json | undefined>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<Key, Json>)[key] : undefined), value);
}

const poisoned = (text: string): fc.Arbitrary<string> =>
  fc.constantFrom(
    `${text}\u0000`,
    `\u0000`,
    `${text.slice(0, 1)}\ud800${text.slice(1)}`,
    `\udc00${text}`,
    `${text}\ud83d`,
    'x'.repeat(5_000),
    '',
    ' ',
    '\u202e\u0645\u0631\u062d\u0628\u0627 \ud83d\udc69\u200d\ud83d\udc67',
    "'; DROP TABLE case_file; --",
    '2026-02-30',
    '2026-13-01T25:61:00Z',
    '00000000-0000-0000-0000-000000000000',
    'not-a-uuid',
    'true',
    '1e309',
  );

const wrongScalar: fc.Arbitrary<Json> = fc.constantFrom<Json>(
  0,
  -1,
  1.5,
  -0.000001,
  2 ** 53 + 1,
  1e308,
  -1e308,
  1e21,
  true,
  false,
  'x',
  '',
);

/** A replacement for the value found at a place (`current`). */
function replacementFor(current: Json): fc.Arbitrary<Json> {
  const options: fc.Arbitrary<Json>[] = [
    fc.constant(null),
    wrongScalar,
    fc.constantFrom<Json>([], {}, [[]], [null], [{}], DEEP_NESTING),
    fc.constant([current]),
    fc.constant({ value: current }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  ];
  // Poisoned text is what broke the service most: for a string it is the likeliest replacement.
  if (typeof current === 'string') return fc.oneof({ arbitrary: poisoned(current), weight: 3 }, { arbitrary: fc.oneof(...options), weight: 2 });
  return fc.oneof(...options);
}

export interface Mutation {
  /** What was done, for the counterexample fast-check prints. */
  describe: string;
  apply(body: Json | undefined, params: Record<string, string>, query: string[]): Json | undefined;
}

function setAt(body: Json | undefined, at: Key[], value: Json | undefined): Json | undefined {
  if (at.length === 0) return value;
  const parent = valueAt(body, at.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return body;
  const key = at[at.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete (parent as Record<Key, Json>)[key];
  } else (parent as Record<Key, Json>)[key] = value;
  return body;
}

/** One mutation of the body at one of its places. */
function bodyMutation(base: Json): fc.Arbitrary<Mutation> {
  const places = placesOf(base);
  return fc.constantFrom(...places).chain((at) => {
    const current = valueAt(base, at) as Json;
    const where = at.length === 0 ? '(body)' : at.join('.');
    const kinds: fc.Arbitrary<Mutation>[] = [
      replacementFor(current).map((value) => ({ describe: `${where} := ${JSON.stringify(value).slice(0, 80)}`, apply: (b) => setAt(b, at, value) })),
    ];
    if (at.length > 0) kinds.push(fc.constant({ describe: `drop ${where}`, apply: (b: Json | undefined) => setAt(b, at, undefined) }));
    if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
      kinds.push(
        fc.constantFrom('unexpected', '\u0000', 'a\ud800', '__proto__', 'constructor').map((key) => ({
          describe: `${where} gets the key ${JSON.stringify(key)}`,
          apply: (b: Json | undefined) => {
            const target = valueAt(b, at);
            if (target !== null && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, key, { value: 1, enumerable: true, writable: true, configurable: true });
            return b;
          },
        })),
      );
    }
    return fc.oneof(...kinds);
  });
}

const described = (describe: string, apply: Mutation['apply']): Mutation => ({ describe, apply });

/**
 * The mutations every route gets before the random ones (fast-check's examples): a NUL and a lone
 * surrogate in each string and path parameter, null for each field, 20,000 levels of nesting in each field and for the
 * body, at most `limit` of them.
 */
export function systematicMutations(base: Json | undefined, paramNames: string[], limit = 24): Mutation[][] {
  const inParams = paramNames.flatMap((name) =>
    ['a%00b', '%ED%A0%80'].map((value) => [described(`path parameter ${name} := ${value}`, (b, params) => ((params[name] = value), b))]),
  );
  if (base === undefined) return [[described('(body) := nested 20,000 deep', () => DEEP_NESTING)], ...inParams];
  const places = placesOf(base).filter((at) => at.length > 0);
  const strings = places.filter((at) => typeof valueAt(base, at) === 'string');
  const name = (at: Key[]): string => at.join('.');
  const all: Mutation[][] = [
    [described('(body) := nested 20,000 deep', () => DEEP_NESTING)],
    ...inParams,
    ...strings.map((at) => [described(`${name(at)} gets a NUL`, (b) => setAt(b, at, `${valueAt(b, at) as string}\u0000`))]),
    ...strings.map((at) => [described(`${name(at)} gets a lone surrogate`, (b) => setAt(b, at, `\ud800${valueAt(b, at) as string}`))]),
    ...places.map((at) => [described(`${name(at)} := nested 20,000 deep`, (b) => setAt(b, at, DEEP_NESTING))]),
    ...places.map((at) => [described(`${name(at)} := null`, (b) => setAt(b, at, null))]),
    ...places.map((at) => [described(`${name(at)} := []`, (b) => setAt(b, at, []))]),
  ];
  // An even spread over the kinds when there are more than the limit.
  const step = Math.max(1, all.length / limit);
  return Array.from({ length: Math.min(limit, all.length) }, (_, i) => all[Math.floor(i * step)]);
}

/** Path parameters and query values that must never reach the database as they are. */
const BAD_URL_PARTS = ['%00', 'a%00b', '%ED%A0%80', '%F0%9F%98%80', 'x'.repeat(300), '..%2F..', '%25', '%C0%80', '-1', '1e309', 'null'];

function paramMutation(names: string[]): fc.Arbitrary<Mutation> {
  return fc.record({ name: fc.constantFrom(...names), value: fc.constantFrom(...BAD_URL_PARTS) }).map(({ name, value }) => ({
    describe: `path parameter ${name} := ${value.slice(0, 40)}`,
    apply: (b: Json | undefined, params: Record<string, string>) => {
      params[name] = value;
      return b;
    },
  }));
}

const queryMutation: fc.Arbitrary<Mutation> = fc
  .record({ name: fc.constantFrom('version', 'q', 'id', '\u0000'), value: fc.constantFrom(...BAD_URL_PARTS) })
  .map(({ name, value }) => ({
    describe: `query ${JSON.stringify(name)}=${value.slice(0, 40)}`,
    apply: (b: Json | undefined, _params: Record<string, string>, query: string[]) => {
      query.push(`${encodeURIComponent(name)}=${value}`);
      return b;
    },
  }));

/** One to three mutations of a request (its body, if it has one; its path parameters; its query). */
export function requestMutations(base: Json | undefined, paramNames: string[]): fc.Arbitrary<Mutation[]> {
  const one: fc.Arbitrary<Mutation>[] = [queryMutation];
  if (base !== undefined) one.push(bodyMutation(base), bodyMutation(base), bodyMutation(base), bodyMutation(base));
  if (paramNames.length > 0) one.push(paramMutation(paramNames));
  return fc.array(fc.oneof(...one), { minLength: 1, maxLength: 3 });
}

/** The body as sent: the deep-nesting stand-in becomes 20,000 levels of arrays. */
export function serialise(body: Json | undefined): string | undefined {
  if (body === undefined) return undefined;
  return JSON.stringify(body).split(JSON.stringify(DEEP_NESTING)).join(DEEP_TEXT);
}

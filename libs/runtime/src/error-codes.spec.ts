import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ERROR_CATALOGS, ERROR_CODES } from './error-codes';

const ROOT = resolve(__dirname, '../../..');
const WEB_LIST = join(ROOT, 'apps/web/src/i18n/api-error-codes.ts');

const CODE = String.raw`['\`]([A-Z][A-Z_]*\.[A-Z][A-Z0-9_]*)['\`]`;
/** Where the source names a code it answers with, read as apps/web/scripts/api-error-codes.mjs reads it. */
const ANSWERED = [
  new RegExp(String.raw`new \w*Error\(\s*${CODE}`, 'g'),
  new RegExp(String.raw`\b(?:super|conflict)\(\s*${CODE}`, 'g'),
  new RegExp(String.raw`validationFailed\([^()]*?,\s*${CODE}`, 'g'),
  new RegExp(String.raw`[(,]\s*code = ${CODE}`, 'g'),
  new RegExp(String.raw`this\.write\(\s*actor,\s*(?:\`[^\`]*\`|'[^']*'),\s*${CODE}`, 'g'),
  new RegExp(String.raw`\bcode: ${CODE}`, 'g'),
  new RegExp(String.raw`^\s*\d{3}: ${CODE}`, 'gm'),
];
/** A refusal built by hand from a literal code instead of raised through the context's catalogue. */
const BUILT_BY_HAND = new RegExp(String.raw`new (?:DomainError|BadInputError|NotFoundError|ConflictError)\(\s*${CODE}`, 'g');

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.errors.ts')) yield path;
  }
}

/** Each code the files of `dir` answer with, and where. */
function codesAnsweredIn(dir: string, rules: RegExp[]): [code: string, where: string][] {
  const found: [string, string][] = [];
  for (const file of sources(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const rule of rules) {
      for (const match of text.matchAll(rule)) found.push([match[1], `${relative(ROOT, file)}:${text.slice(0, match.index).split('\n').length}`]);
    }
  }
  return found;
}

const published = new Set(ERROR_CODES.map((e) => e.code));
const contexts = ERROR_CATALOGS.map((c) => c.context);

describe('the published list of error codes', () => {
  it('holds every code of every catalogue once, with the status its kind gives', () => {
    const declared = ERROR_CATALOGS.flatMap((c) => c.entries().map((e) => e.code));
    expect(new Set(declared).size).toBe(declared.length);
    expect(ERROR_CODES.map((e) => e.code).sort()).toEqual([...declared].sort());
    expect(new Set(contexts).size).toBe(contexts.length);
    expect(ERROR_CODES.find((e) => e.code === 'AUTH.TOO_MANY_ATTEMPTS')).toEqual({
      code: 'AUTH.TOO_MANY_ATTEMPTS',
      context: 'access',
      kind: 'TOO_MANY',
      status: 429,
      message: 'Too many sign-in attempts; try again later',
    });
    expect(ERROR_CODES.find((e) => e.code === 'SERVICE.DATABASE_UNAVAILABLE')).toMatchObject({ context: 'platform', status: 503 });
  });

  it('is the web app\'s list of codes, which gives each a message: every code the api answers with is catalogued', () => {
    const web = [...readFileSync(WEB_LIST, 'utf8').matchAll(/^ {2}'([A-Z_.0-9]+)',$/gm)].map((m) => m[1]);
    expect(web.length).toBeGreaterThan(100);
    expect([...published].sort()).toEqual([...web].sort());
  });

  describe.each(contexts)('the %s context', (context) => {
    const dir = join(ROOT, 'libs', context, 'src');

    it('lives in libs/<context>/src', () => {
      expect([context, existsSync(dir)]).toEqual([context, true]);
    });

    it('answers only with codes of the published list', () => {
      const strays = codesAnsweredIn(dir, ANSWERED).filter(([code]) => !published.has(code));
      expect(strays.map(([code, where]) => `${code} at ${where}`)).toEqual([]);
    });

    it('raises its refusals through a catalogue, never from a literal code', () => {
      const byHand = codesAnsweredIn(dir, [BUILT_BY_HAND]);
      expect(byHand.map(([code, where]) => `${code} at ${where}`)).toEqual([]);
    });
  });

  it('would see a code raised by hand, or one missing from the list', () => {
    const sample = `throw new ConflictError('CASE.GONE', 'x');\nthrow validationFailed(fields, 'INTAKE.INVALID');\n  409: 'REQUEST.CONFLICT',\n`;
    expect([...sample.matchAll(BUILT_BY_HAND)].map((m) => m[1])).toEqual(['CASE.GONE']);
    expect(ANSWERED.flatMap((rule) => [...sample.matchAll(rule)].map((m) => m[1])).sort()).toEqual(['CASE.GONE', 'INTAKE.INVALID', 'REQUEST.CONFLICT']);
  });
});

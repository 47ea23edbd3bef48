import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULE_SET_DOCUMENT } from './default-rule-set';
import { FACT_NAMES } from './fact-catalogue';
import { DERIVED_ONLY_PROFILES, PROFILES, URGENCIES } from './profiles';
import { COMPARISON_OPERATORS } from './rule-set';
import { validateRuleSet } from './validation/rule-set-validator';

/** The published schema (libs/profiling/rule-set.schema.json), which the SOP's rule files refer to. */
const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', 'rule-set.schema.json'), 'utf8')) as Schema;

type Schema = { [keyword: string]: unknown };
const KNOWN = new Set([
  '$schema', '$id', 'title', 'description', 'format', '$defs', '$ref', 'type', 'enum', 'properties', 'required', 'additionalProperties',
  'items', 'minItems', 'uniqueItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'oneOf', 'anyOf', 'allOf',
]);

/**
 * Just enough of JSON Schema 2020-12 to check the published schema against the engine's validator
 * (no schema library is a dependency). Unknown keywords fail loudly rather than pass silently.
 */
function conforms(value: unknown, schema: Schema, root: Schema = schema): boolean {
  for (const keyword of Object.keys(schema)) if (!KNOWN.has(keyword)) throw new Error(`keyword ${keyword} is not supported by this check`);
  if (typeof schema['$ref'] === 'string') {
    const name = schema['$ref'].replace('#/$defs/', '');
    return conforms(value, (root['$defs'] as Record<string, Schema>)[name], root);
  }
  const types = schema['type'] === undefined ? null : ([] as unknown[]).concat(schema['type']);
  if (types && !types.some((t) => hasType(value, t as string))) return false;
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(value)) return false;
  if (typeof value === 'string') {
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) return false;
    if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength']) return false;
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) return false;
  }
  if (typeof value === 'number' && typeof schema['minimum'] === 'number' && value < schema['minimum']) return false;
  if (Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) return false;
    if (schema['uniqueItems'] === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) return false;
    if (schema['items'] && !value.every((v) => conforms(v, schema['items'] as Schema, root))) return false;
  }
  if (isPlainObject(value)) {
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    if (Array.isArray(schema['required']) && !schema['required'].every((key: string) => key in value)) return false;
    for (const [key, v] of Object.entries(value)) {
      if (key in properties) {
        if (!conforms(v, properties[key], root)) return false;
      } else if (schema['additionalProperties'] === false) return false;
    }
  }
  const matches = (key: string) => ((schema[key] ?? []) as Schema[]).filter((s) => conforms(value, s, root)).length;
  if (schema['oneOf'] && matches('oneOf') !== 1) return false;
  if (schema['anyOf'] && matches('anyOf') === 0) return false;
  if (schema['allOf'] && matches('allOf') !== (schema['allOf'] as Schema[]).length) return false;
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

const defs = SCHEMA['$defs'] as Record<string, Schema & { properties: Record<string, Schema> }>;

describe('the published JSON Schema of rule files', () => {
  it('accepts the default rule set', () => {
    expect(conforms(DEFAULT_RULE_SET_DOCUMENT, SCHEMA)).toBe(true);
  });

  it('names the same profiles, urgencies, facts and operators as the engine', () => {
    expect(((SCHEMA['properties'] as Record<string, Schema>)['profiles'] as Schema)['required']).toEqual([...PROFILES]);
    expect(defs['rule'].properties['profile']['enum']).toEqual(PROFILES.filter((p) => !DERIVED_ONLY_PROFILES.includes(p)));
    expect(defs['urgency']['enum']).toEqual([...URGENCIES]);
    expect(defs['comparison'].properties['fact']['enum']).toEqual(FACT_NAMES);
    expect(Object.keys(defs['comparison'].properties).filter((k) => !['answer', 'fact', 'label'].includes(k))).toEqual([...COMPARISON_OPERATORS]);
  });

  it('refuses the structural mistakes the validator refuses', () => {
    const broken: [string, (d: Record<string, unknown> & { rules: Record<string, unknown>[] }) => void][] = [
      ['a bound that is not a number', (d) => (d.rules[0]['when'] = { answer: 'sexual_violence_hours_ago', gte: '72' })],
      ['no operator', (d) => (d.rules[0]['when'] = { answer: 'fear_of_return' })],
      ['two operators', (d) => (d.rules[0]['when'] = { answer: 'fear_of_return', eq: true, ne: false })],
      ['an unknown fact', (d) => (d.rules[0]['when'] = { fact: 'person.isMinor', eq: true })],
      ['two forms', (d) => (d.rules[0]['when'] = { all: [{ answer: 'injured', eq: true }], any: [{ answer: 'injured', eq: true }] })],
      ['an empty any', (d) => (d.rules[0]['when'] = { any: [] })],
      ['a rule for PRIMA_FACIE_REFUGEE', (d) => (d.rules[0]['profile'] = 'PRIMA_FACIE_REFUGEE')],
      ['an unknown urgency', (d) => (d.rules[0]['urgency'] = 'URGENT')],
      ['a missing profile', (d) => delete (d['profiles'] as Record<string, unknown>)['MIGRANT']],
      ['an unknown top-level key', (d) => (d['rule'] = [])],
      ['a prima facie entry without a source', (d) => delete (d['primaFacie'] as Record<string, unknown>[])[0]['source']],
      ['graded with weak indicators only', (d) => (d.rules[0]['when'] = { graded: { weak: [{ answer: 'journey_debt', eq: true }], oneMediumSuffices: { fact: 'person.isChild', eq: true } } })],
      ['graded with the retired anyOneSuffices', (d) => (d.rules[0]['when'] = { graded: { strong: [{ answer: 'threatened', eq: true }], anyOneSuffices: { fact: 'person.isChild', eq: true } } })],
    ];
    for (const [what, breakIt] of broken) {
      const document = JSON.parse(JSON.stringify(DEFAULT_RULE_SET_DOCUMENT)) as Record<string, unknown> & { rules: Record<string, unknown>[] };
      breakIt(document);
      expect([what, validateRuleSet(document).ok, conforms(document, SCHEMA)]).toEqual([what, false, false]);
    }
  });

  it('accepts every rule file the engine accepts (random changes to the default file)', () => {
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(DEFAULT_RULE_SET_DOCUMENT, []);
    let accepted = 0;
    const replacement = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('HIGH', 'MIGRANT', 'SC-UC', '2026-01-01', 'person.age', 1, 0, true, false));
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), replacement, fc.boolean(), (path, value, remove) => {
        const document = JSON.parse(JSON.stringify(DEFAULT_RULE_SET_DOCUMENT)) as Record<string, unknown>;
        let parent: Record<string | number, unknown> = document;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        const last = path[path.length - 1];
        if (remove && !Array.isArray(parent)) delete parent[last];
        else parent[last] = value;
        if (!validateRuleSet(document).ok) return;
        accepted += 1;
        expect(conforms(document, SCHEMA)).toBe(true);
      }),
      { numRuns: 600 },
    );
    // Enough changed files were accepted for the comparison to mean something.
    expect(accepted).toBeGreaterThan(60);
  });
});

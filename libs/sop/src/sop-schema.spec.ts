import { PROFILES } from '@kivuko/profiling';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SOP_DOCUMENT } from './default-sop';
import { Editable, editableDefault, getAt, removeAt, setAt } from './testing/documents';
import { validateSop } from './validation/sop-validator';
import {
  ACTION_CODES,
  AGENCY_KINDS,
  AGENCY_SERVICES,
  CHOICE_CRITERIA,
  CONSENT_PURPOSES,
  DEADLINE_CLOCKS,
  ESCALATION_TARGETS,
  FIELD_GROUPS,
  LEGAL_BASES,
  PRIORITIES,
  PROHIBITION_CODES,
  SAFEGUARD_CODES,
} from './vocabulary';

type Schema = { [keyword: string]: unknown } | boolean;
type SchemaObject = { [keyword: string]: unknown };

const read = (path: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', path), 'utf8')) as SchemaObject;
/** The published schema, and the profiling schema it refers to by $id. */
const SCHEMA = read('sop/sop.schema.json');
const REGISTRY = new Map<string, SchemaObject>([SCHEMA, read('profiling/rule-set.schema.json')].map((s) => [s['$id'] as string, s]));

const KNOWN = new Set([
  '$schema', '$id', 'title', 'description', 'format', '$defs', '$ref', 'type', 'enum', 'const', 'properties', 'required', 'additionalProperties',
  'items', 'minItems', 'uniqueItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'oneOf', 'anyOf', 'allOf',
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'object') return isPlainObject(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'null') return value === null;
  return typeof value === type;
}

/**
 * Just enough of JSON Schema 2020-12 (no schema library is a dependency): references by $id and within
 * a document, boolean schemas, const. Unknown keywords fail loudly rather than pass silently.
 */
function conforms(value: unknown, schema: Schema, root: SchemaObject = SCHEMA): boolean {
  if (typeof schema === 'boolean') return schema;
  for (const keyword of Object.keys(schema)) if (!KNOWN.has(keyword)) throw new Error(`keyword ${keyword} is not supported by this check`);
  if (typeof schema['$ref'] === 'string') {
    const [file, pointer = ''] = schema['$ref'].split('#');
    const target = file === '' ? root : REGISTRY.get(new URL(file, root['$id'] as string).href);
    if (!target) throw new Error(`unknown schema ${schema['$ref']}`);
    const resolved = pointer === '' ? target : (target['$defs'] as Record<string, Schema>)[pointer.replace('/$defs/', '')];
    if (!conforms(value, resolved, target)) return false;
  }
  const types = schema['type'] === undefined ? null : ([] as unknown[]).concat(schema['type']);
  if (types && !types.some((t) => hasType(value, t as string))) return false;
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(value)) return false;
  if ('const' in schema && JSON.stringify(schema['const']) !== JSON.stringify(value)) return false;
  if (typeof value === 'string') {
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) return false;
    if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength']) return false;
    if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value)) return false;
  }
  if (typeof value === 'number' && typeof schema['minimum'] === 'number' && value < schema['minimum']) return false;
  if (Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) return false;
    if (schema['uniqueItems'] === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) return false;
    if (schema['items'] !== undefined && !value.every((v) => conforms(v, schema['items'] as Schema, root))) return false;
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

const defs = SCHEMA['$defs'] as Record<string, SchemaObject & { properties: Record<string, SchemaObject> }>;
const properties = SCHEMA['properties'] as Record<string, SchemaObject & { properties: Record<string, SchemaObject & { properties: Record<string, SchemaObject> }> }>;

describe('the published JSON Schema of SOP documents', () => {
  it('accepts the default SOP', () => {
    expect(conforms(DEFAULT_SOP_DOCUMENT, SCHEMA)).toBe(true);
  });

  it('names the same vocabularies as the library', () => {
    expect(properties['routing']['required']).toEqual([...PROFILES]);
    expect(defs['target'].properties['kind']['enum']).toEqual(AGENCY_KINDS.filter((k) => k !== 'MONITOR'));
    expect(defs['target'].properties['service']['enum']).toEqual([...AGENCY_SERVICES]);
    expect(defs['action'].properties['action']['enum']).toEqual(ACTION_CODES);
    expect(defs['action'].properties['consentPurpose']['enum']).toEqual([...CONSENT_PURPOSES]);
    expect((defs['routingEntry'].properties['prohibitions']['items'] as SchemaObject)['enum']).toEqual(PROHIBITION_CODES);
    expect(defs['priority']['enum']).toEqual([...PRIORITIES]);
    expect(properties['deadlinesFrom']['enum']).toEqual([...DEADLINE_CLOCKS]);
    expect(properties['dataSharing'].properties['recipients']['required']).toEqual([...AGENCY_KINDS]);
    expect((defs['sharing'].properties['groups']['items'] as SchemaObject)['enum']).toEqual([...FIELD_GROUPS]);
    expect(properties['dataSharing'].properties['purposes']['required']).toEqual([...CONSENT_PURPOSES]);
    expect(Object.keys(properties['dataSharing'].properties['legalBases'].properties)).toEqual([...LEGAL_BASES]);
    expect(defs['escalationStep'].properties['notify']['enum']).toEqual([...ESCALATION_TARGETS]);
    expect((properties['agencyChoice'].properties['criteria']['items'] as SchemaObject & { properties: Record<string, SchemaObject> }).properties['criterion']['enum']).toEqual([...CHOICE_CRITERIA]);
    expect(properties['safeguards']['required']).toEqual(SAFEGUARD_CODES);
  });

  it('refuses the structural mistakes the validator refuses', () => {
    const broken: [string, (d: Editable) => void][] = [
      ['an unknown top-level key', (d) => setAt(d, 'colour', 'blue')],
      ['a bad duration', (d) => setAt(d, 'routing.TRAFFICKING_VICTIM.firstContact.IMMEDIATE', 'PT25X')],
      ['a duration with only T', (d) => setAt(d, 'routing.MIGRANT.firstContact.NORMAL', 'P1DT')],
      ['a missing profile', (d) => removeAt(d, 'routing.MIGRANT')],
      ['a monitor as lead', (d) => setAt(d, 'routing.SGBV_SURVIVOR.lead.kind', 'MONITOR')],
      ['an unknown action', (d) => setAt(d, 'routing.MIGRANT.lead.actions[0].action', 'PRAY')],
      ['a sensitive group for monitors', (d) => setAt(d, 'dataSharing.recipients.MONITOR.groups', ['ARRIVAL', 'SGBV'])],
      ['non-refoulement off', (d) => setAt(d, 'safeguards.NON_REFOULEMENT.enabled', false)],
      ['the detention guard off without a law', (d) => setAt(d, 'safeguards.DETENTION_GUARD.enabled', false)],
      ['an AGENCY step without an agency', (d) => removeAt(d, 'escalation.steps[4].agency')],
      ['an agency on a manager step', (d) => setAt(d, 'escalation.steps[0].agency', 'Refugee Agency')],
      ['best interests for adults', (d) => setAt(d, 'dataSharing.legalBases.CHILD_BEST_INTERESTS.childOnly', false)],
      ['an automatic legal obligation', (d) => setAt(d, 'dataSharing.legalBases.LEGAL_OBLIGATION.automatic', true)],
      ['a broken profiling rule', (d) => setAt(d, 'profiling.rules[0].urgency', 'URGENT')],
      ['an unknown profiling key', (d) => setAt(d, 'profiling.rule', [])],
    ];
    for (const [what, breakIt] of broken) {
      const document = editableDefault();
      breakIt(document);
      expect([what, validateSop(document).ok, conforms(document, SCHEMA)]).toEqual([what, false, false]);
    }
  });

  it('accepts every SOP the validator accepts (random changes to the default SOP)', () => {
    const paths: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (path !== '' && !path.startsWith('profiling.')) paths.push(path);
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
    };
    walk(DEFAULT_SOP_DOCUMENT, '');
    let accepted = 0;
    const replacement = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('PT1H', 'P3D', 'PT0S', 'P1M', 'P1', 'P1', 'P2', 'P4', 'NGO', 'HEALTH', 'SAFE_SHELTER', 'SGBV', 'AGENCY', 'Refugee Agency', true, false, [], ['P1'], ['ARRIVAL']),
    );
    // The rule set has its own schema test in the profiling library; a small one keeps this test quick.
    const rules = { version: 'small-1', profiles: Object.fromEntries(PROFILES.map((p) => [p, { urgency: 'NORMAL' }])), rules: [{ id: 'a.b', profile: 'MIGRANT', reason: 'r', when: { answer: 'x', eq: true } }] };
    const base = JSON.stringify(setAt(editableDefault(), 'profiling', rules));
    fc.assert(
      fc.property(fc.constantFrom(...paths), replacement, fc.boolean(), (path, value, remove) => {
        const document = JSON.parse(base) as Editable;
        if (remove && !/\]$/.test(path)) removeAt(document, path);
        else setAt(document, path, value);
        if (getAt(document, path) === undefined && !remove) return;
        if (!validateSop(document).ok) return;
        accepted += 1;
        expect(conforms(document, SCHEMA)).toBe(true);
      }),
      { numRuns: 1500 },
    );
    // Enough changed documents were accepted for the comparison to mean something.
    expect(accepted).toBeGreaterThan(100);
  });
});

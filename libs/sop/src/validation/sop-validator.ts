import { QuestionRef, RuleSet, validateRuleSet } from '@kivuko/profiling';
import { BorderPointTasks, DEFAULT_BORDER_POINT_TASKS, JsonObject, Sop } from '../sop';
import { DEADLINE_CLOCKS } from '../vocabulary';
import { child, isObject, Problems, SopProblem } from './problems';
import { RoutingReader } from './routing-reader';
import { SectionsReader } from './sections-reader';

export type SopValidation = { ok: true; sop: Sop } | { ok: false; problems: SopProblem[] };

export interface SopOptions {
  /** The screening questionnaire the profiling rules refer to; answers to unknown questions are refused. */
  questions?: readonly QuestionRef[];
}

/** A refused SOP carries every problem, each with its path. */
export class InvalidSopError extends Error {
  readonly code = 'SOP.INVALID';

  constructor(readonly problems: SopProblem[]) {
    super(`The SOP is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.map((p) => `${p.path}: ${p.problem}`).join('; ')}`);
    this.name = 'InvalidSopError';
  }
}

const TOP_LEVEL = [
  '$schema',
  'version',
  'title',
  'description',
  'jurisdiction',
  'effectiveFrom',
  'signatories',
  'deadlinesFrom',
  'borderPointTasks',
  'profiling',
  'routing',
  'agencyChoice',
  'dataSharing',
  'escalation',
  'safeguards',
] as const;

const VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const COUNTRY = /^[A-Z]{3}$/;
const BORDER_POINT = /^[A-Z0-9]{2,10}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Checks an SOP document (parsed JSON) and reads it into an {@link Sop}; every problem is reported with its JSON path. */
export function validateSop(document: unknown, options: SopOptions = {}): SopValidation {
  const problems = new Problems();
  const sop = read(document, problems, options);
  return sop && problems.found.length === 0 ? { ok: true, sop } : { ok: false, problems: problems.found };
}

/** The SOP, or an {@link InvalidSopError} (code `SOP.INVALID`) listing every problem. */
export function loadSop(document: unknown, options: SopOptions = {}): Sop {
  const result = validateSop(document, options);
  if (!result.ok) throw new InvalidSopError(result.problems);
  return result.sop;
}

function read(document: unknown, problems: Problems, options: SopOptions): Sop | undefined {
  if (!isObject(document)) return problems.add('', 'must be a JSON object (an SOP document)', 'NOT_OBJECT');
  problems.onlyKeys(document, TOP_LEVEL, '');
  if ('$schema' in document && typeof document['$schema'] !== 'string') problems.add('$schema', 'must be a string', 'NOT_TEXT');
  const version = problems.text(document['version'], 'version', { max: 64, pattern: VERSION, shape: 'a version label such as tza-joint-sop-2026.1' });
  const title = problems.optionalText(document['title'], 'title', 200);
  const description = problems.optionalText(document['description'], 'description', 4_000);
  const jurisdiction = readJurisdiction(document['jurisdiction'], problems);
  const effectiveFrom = isCalendarDate(document['effectiveFrom']) ? document['effectiveFrom'] : problems.add('effectiveFrom', 'must be a date (YYYY-MM-DD)', 'NOT_DATE');
  const signatories = readSignatories(document['signatories'], problems);
  const deadlinesFrom = problems.oneOf(document['deadlinesFrom'], DEADLINE_CLOCKS, 'deadlinesFrom');
  const borderPointTasks = readBorderPointTasks(document['borderPointTasks'], problems);
  const ruleSet = readRuleSet(document['profiling'], problems, options);
  const reference = new Date(`${effectiveFrom ?? '2000-01-01'}T00:00:00Z`);
  const routing = new RoutingReader(problems, reference).read(document['routing']);
  const sections = new SectionsReader(problems, reference);
  const agencyChoice = sections.agencyChoice(document['agencyChoice']);
  const dataSharing = sections.dataSharing(document['dataSharing']);
  const escalation = sections.escalation(document['escalation'], signatories);
  const safeguards = sections.safeguards(document['safeguards']);
  if (
    !version ||
    title === undefined ||
    description === undefined ||
    !jurisdiction ||
    !effectiveFrom ||
    !signatories ||
    !deadlinesFrom ||
    !borderPointTasks ||
    !ruleSet ||
    !routing ||
    !agencyChoice ||
    !dataSharing ||
    !escalation ||
    !safeguards
  ) {
    return undefined;
  }
  return {
    version,
    ...(title !== null && { title }),
    ...(description !== null && { description }),
    jurisdiction,
    effectiveFrom,
    signatories,
    deadlinesFrom,
    borderPointTasks,
    ruleSet,
    routing,
    agencyChoice,
    dataSharing,
    escalation,
    safeguards,
    document: deepFreeze(JSON.parse(JSON.stringify(document)) as JsonObject),
  };
}

/** Optional, as each of its durations: an older document keeps today's deadlines (72 hours, 1 day). */
function readBorderPointTasks(raw: unknown, problems: Problems): BorderPointTasks | undefined {
  const path = 'borderPointTasks';
  if (raw === undefined) return { ...DEFAULT_BORDER_POINT_TASKS };
  const section = problems.object(raw, path, 'an object with completeIntake and obtainConsent durations');
  if (!section) return undefined;
  problems.onlyKeys(section, ['completeIntake', 'obtainConsent'], path);
  const read = (key: keyof BorderPointTasks): string | undefined =>
    section[key] === undefined ? DEFAULT_BORDER_POINT_TASKS[key] : problems.duration(section[key], child(path, key), { positive: true });
  const completeIntake = read('completeIntake');
  const obtainConsent = read('obtainConsent');
  return completeIntake && obtainConsent ? { completeIntake, obtainConsent } : undefined;
}

function readJurisdiction(raw: unknown, problems: Problems): Sop['jurisdiction'] | undefined {
  const path = 'jurisdiction';
  const section = problems.object(raw, path, 'an object with country and optionally borderPoints');
  if (!section) return undefined;
  problems.onlyKeys(section, ['country', 'borderPoints'], path);
  const country = problems.text(section['country'], child(path, 'country'), { max: 3, pattern: COUNTRY, shape: 'an ISO 3166-1 alpha-3 code such as TZA' });
  const seen = new Set<string>();
  const borderPoints =
    section['borderPoints'] === undefined
      ? []
      : problems.list(section['borderPoints'], child(path, 'borderPoints'), (code, at) => {
          const text = problems.text(code, at, { max: 10, pattern: BORDER_POINT, shape: 'a border point code such as NMG' });
          if (text !== undefined && seen.has(text)) return problems.add(at, `"${text}" is listed twice`, 'LISTED_TWICE', { value: text });
          if (text !== undefined) seen.add(text);
          return text;
        }, { nonEmpty: true });
  return country && borderPoints ? { country, borderPoints } : undefined;
}

function readSignatories(raw: unknown, problems: Problems): string[] | undefined {
  const seen = new Set<string>();
  return problems.list(raw, 'signatories', (name, at) => {
    const text = problems.text(name, at, { max: 200, shape: 'an agency name or id' });
    if (text !== undefined && seen.has(text.trim().toLowerCase())) return problems.add(at, `"${text}" is listed twice`, 'LISTED_TWICE', { value: text });
    if (text !== undefined) seen.add(text.trim().toLowerCase());
    return text;
  }, { nonEmpty: true });
}

/** The profiling engine checks its own rule set; its problems come back under `profiling`. */
function readRuleSet(raw: unknown, problems: Problems, options: SopOptions): RuleSet | undefined {
  if (raw === undefined) return problems.add('profiling', 'is required (the profiling rule set, with its prima facie list)', 'REQUIRED');
  const result = validateRuleSet(raw, options.questions ? { questions: options.questions } : {});
  if (result.ok) return result.ruleSet;
  for (const p of result.problems) problems.add(p.path === '(rule set)' ? 'profiling' : child('profiling', p.path), p.problem, 'PROFILING_RULES');
  return undefined;
}

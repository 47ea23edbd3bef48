import { CaseFacts } from '@kivuko/profiling';
import { SampleCase, SimulationAgency } from '../simulation';
import { AGENCY_KINDS, AGENCY_SERVICES } from '../vocabulary';
import { child, isObject, Problems, SopProblem } from '../validation/problems';

/** A file the CLI could not use, with every problem found (paths for JSON content). */
export class InputFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: SopProblem[],
  ) {
    super(`${file}: ${problems.map((p) => `${p.path}: ${p.problem}`).join('; ')}`);
    this.name = 'InputFileError';
  }
}

/** Parses a JSON file's text. SOP files are JSON only: YAML is refused with a clear message. */
export function parseJsonFile(file: string, text: string): unknown {
  if (/\.ya?ml$/i.test(file)) throw new InputFileError(file, [{ path: '(file)', problem: 'YAML is not accepted: write the SOP as JSON (the schema is libs/sop/sop.schema.json)', code: 'BAD_FORMAT' }]);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputFileError(file, [{ path: '(file)', problem: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, code: 'BAD_FORMAT' }]);
  }
}

function strings(problems: Problems, raw: unknown, path: string): string[] | undefined {
  return problems.list(raw, path, (s, at) => problems.text(s, at, { max: 200 }), { nonEmpty: false });
}

/**
 * Sample intakes: a list of `{ name, borderPointCode, region?, languages?, facts }`, where `facts` is
 * the profiling engine's CaseFacts (person with sex and nationalities, arrival with arrivedAt and mode,
 * and optionally urgentNeeds, answers, assessments). Only the shape is checked here.
 */
export function readSamples(file: string, document: unknown): SampleCase[] {
  const problems = new Problems();
  const list = isObject(document) && 'samples' in document ? document['samples'] : document;
  const samples = problems.list(list, 'samples', (raw, path): SampleCase | undefined => {
    const sample = problems.object(raw, path, 'an object with name, borderPointCode and facts');
    if (!sample) return undefined;
    problems.onlyKeys(sample, ['name', 'borderPointCode', 'region', 'languages', 'facts'], path);
    const name = problems.text(sample['name'], child(path, 'name'), { max: 300 });
    const borderPointCode = problems.text(sample['borderPointCode'], child(path, 'borderPointCode'), { max: 10 });
    const region = problems.optionalText(sample['region'], child(path, 'region'), 200);
    const languages = sample['languages'] === undefined ? [] : strings(problems, sample['languages'], child(path, 'languages'));
    const facts = problems.object(sample['facts'], child(path, 'facts'), 'the profiling facts (person, arrival, answers)');
    let ok = facts !== undefined;
    if (facts) {
      const person = problems.object(facts['person'], child(child(path, 'facts'), 'person'), 'an object with sex and nationalities');
      const arrival = problems.object(facts['arrival'], child(child(path, 'facts'), 'arrival'), 'an object with arrivedAt and mode');
      if (!person || !Array.isArray(person['nationalities'])) ok = problems.refuse(child(child(path, 'facts'), 'person.nationalities'), 'must be a list of ISO 3166-1 alpha-3 codes', 'NOT_LIST');
      if (!arrival || typeof arrival['arrivedAt'] !== 'string') ok = problems.refuse(child(child(path, 'facts'), 'arrival.arrivedAt'), 'must be an ISO 8601 date-time with a time zone', 'BAD_FORMAT');
      if (facts['answers'] !== undefined && !isObject(facts['answers'])) ok = problems.refuse(child(child(path, 'facts'), 'answers'), 'must be an object of answers by question id', 'NOT_OBJECT');
    }
    if (!name || !borderPointCode || region === undefined || !languages || !ok) return undefined;
    return { name, borderPointCode, region, languages, facts: facts as unknown as CaseFacts };
  }, { nonEmpty: true });
  if (!samples) throw new InputFileError(file, problems.found);
  return samples;
}

/** Agencies: a list of `{ id, name, kind, services, coverageBorderPointCodes, coverageRegions, languages, dailyCapacity, acceptedToday }`. */
export function readAgencies(file: string, document: unknown): SimulationAgency[] {
  const problems = new Problems();
  const agencies = problems.list(document, 'agencies', (raw, path): SimulationAgency | undefined => {
    const agency = problems.object(raw, path, 'an agency object');
    if (!agency) return undefined;
    problems.onlyKeys(agency, ['id', 'name', 'kind', 'services', 'coverageBorderPointCodes', 'coverageRegions', 'languages', 'dailyCapacity', 'acceptedToday'], path);
    const id = problems.text(agency['id'], child(path, 'id'), { max: 200 });
    const name = problems.text(agency['name'], child(path, 'name'), { max: 200 });
    const kind = problems.oneOf(agency['kind'], AGENCY_KINDS, child(path, 'kind'));
    const services = agency['services'] === undefined ? [] : problems.codes(agency['services'], AGENCY_SERVICES, child(path, 'services'));
    const points = agency['coverageBorderPointCodes'] === undefined ? [] : strings(problems, agency['coverageBorderPointCodes'], child(path, 'coverageBorderPointCodes'));
    const regions = agency['coverageRegions'] === undefined ? [] : strings(problems, agency['coverageRegions'], child(path, 'coverageRegions'));
    const languages = agency['languages'] === undefined ? [] : strings(problems, agency['languages'], child(path, 'languages'));
    const capacity = agency['dailyCapacity'] ?? null;
    const accepted = agency['acceptedToday'] ?? 0;
    let ok = true;
    if (capacity !== null && !(Number.isInteger(capacity) && (capacity as number) >= 0)) ok = problems.refuse(child(path, 'dailyCapacity'), 'must be a whole number or null', 'BAD_FORMAT');
    if (!(Number.isInteger(accepted) && (accepted as number) >= 0)) ok = problems.refuse(child(path, 'acceptedToday'), 'must be a whole number', 'BAD_FORMAT');
    if (!id || !name || !kind || !services || !points || !regions || !languages || !ok) return undefined;
    return {
      id,
      name,
      kind,
      services,
      coverageBorderPointCodes: points,
      coverageRegions: regions,
      languages,
      dailyCapacity: capacity as number | null,
      acceptedToday: accepted as number,
    };
  }, { nonEmpty: true });
  if (!agencies) throw new InputFileError(file, problems.found);
  return agencies;
}

import { checkAnswers, DEFAULT_QUESTIONNAIRE } from '@kivuko/cases';
import { validationFailed } from '@kivuko/platform';
import { AGENCY_KINDS, AgencyKind, SampleCase, SimulationAgency } from '@kivuko/sop';
import { EntityManager } from 'typeorm';
import { SimulateSopDto } from './sop.dto';

/** Samples of sound shape (the DTO), with answers checked against the questionnaire the intake asks. */
export function toSamples(samples: NonNullable<SimulateSopDto['samples']>): SampleCase[] {
  const byId = new Map(DEFAULT_QUESTIONNAIRE.questions.map((q) => [q.id, q]));
  const problems = samples.flatMap((sample, index) => checkAnswers(byId, sample.facts.answers ?? {}, `samples[${index}].facts.answers`));
  if (problems.length > 0) throw validationFailed(problems);
  return samples.map((sample) => ({
    name: sample.name,
    borderPointCode: sample.borderPointCode,
    region: sample.region ?? null,
    languages: sample.languages ?? [],
    facts: sample.facts as SampleCase['facts'],
  }));
}

/** Every active agency of a kind the SOP routes to, as simulation chooses among them. */
export async function simulationAgencies(manager: EntityManager): Promise<SimulationAgency[]> {
  const rows = await manager.query<{ id: string; name: string; kind: string; services: string[]; codes: string[]; regions: string[]; languages: string[]; daily_capacity: number | null }[]>(
    `SELECT a.id, a.name, a.kind, a.services, a.coverage_regions AS regions, a.languages, a.daily_capacity,
            ARRAY(SELECT bp.code FROM border_point bp WHERE bp.id = ANY (a.coverage_border_point_ids) ORDER BY bp.code) AS codes
     FROM agency a WHERE a.active ORDER BY a.name`,
  );
  const kinds: readonly string[] = AGENCY_KINDS;
  return rows
    .filter((r) => kinds.includes(r.kind))
    .map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind as AgencyKind,
      services: r.services as SimulationAgency['services'],
      coverageBorderPointCodes: r.codes,
      coverageRegions: r.regions,
      languages: r.languages,
      dailyCapacity: r.daily_capacity,
      acceptedToday: 0,
    }));
}

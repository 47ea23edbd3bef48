import { checkAnswers, DEFAULT_QUESTIONNAIRE } from '@kivuko/cases';
import { validationFailed } from '@kivuko/platform';
import { AGENCY_KINDS, AgencyKind, SampleCase, SimulationAgency } from '@kivuko/sop';
import { EntityManager } from 'typeorm';
import { findActiveAgencies } from './sop-lifecycle.queries';
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
  const rows = await findActiveAgencies(manager);
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

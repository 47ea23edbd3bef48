import { Sop, SopProblem } from '@kivuko/sop';
import { EntityManager } from 'typeorm';
import { findAgenciesNamed, findBorderPointCodes } from './sop-lifecycle.queries';
import { AgencyRef } from './sop-view';

export interface SopReferences {
  /** The signatory agencies, in the document's order (complete only when there are no problems). */
  signatories: AgencyRef[];
  problems: SopProblem[];
}

/**
 * What a valid SOP document names outside itself, checked against the database: every signatory and
 * every agency an escalation step alerts is an agency (by name or id), no agency signs twice, and the
 * border points the SOP is limited to are border points of its country.
 */
export async function checkSopReferences(manager: EntityManager, sop: Sop): Promise<SopReferences> {
  const stepAgencies = sop.escalation.steps.map((step) => step.agency ?? null);
  const named = [...new Set([...sop.signatories, ...stepAgencies.filter((a): a is string => a !== null)])];
  const agencies = await findAgenciesNamed(manager, named);
  const find = (nameOrId: string): AgencyRef | undefined => agencies.find((a) => a.name === nameOrId || a.id === nameOrId);
  const problems: SopProblem[] = [];
  const signatories: AgencyRef[] = [];
  const signedAt = new Map<string, number>();
  sop.signatories.forEach((nameOrId, index) => {
    const path = `signatories[${index}]`;
    const agency = find(nameOrId);
    if (!agency) {
      problems.push({ path, problem: `${JSON.stringify(nameOrId)} is not an agency (give an agency's exact name or its id)`, code: 'NOT_AN_AGENCY', params: { value: JSON.stringify(nameOrId) } });
      return;
    }
    const earlier = signedAt.get(agency.id);
    if (earlier !== undefined) {
      problems.push({ path, problem: `names the same agency as signatories[${earlier}] (${agency.name})`, code: 'SAME_AGENCY_TWICE', params: { earlier: `signatories[${earlier}]`, agency: agency.name } });
      return;
    }
    signedAt.set(agency.id, index);
    signatories.push({ id: agency.id, name: agency.name });
  });
  stepAgencies.forEach((nameOrId, index) => {
    if (nameOrId !== null && !find(nameOrId)) {
      problems.push({ path: `escalation.steps[${index}].agency`, problem: `${JSON.stringify(nameOrId)} is not an agency (give an agency's exact name or its id)`, code: 'NOT_AN_AGENCY', params: { value: JSON.stringify(nameOrId) } });
    }
  });
  if (sop.jurisdiction.borderPoints.length > 0) {
    const known = await findBorderPointCodes(manager, sop.jurisdiction.country, sop.jurisdiction.borderPoints);
    sop.jurisdiction.borderPoints.forEach((code, index) => {
      if (!known.includes(code)) {
        problems.push({ path: `jurisdiction.borderPoints[${index}]`, problem: `"${code}" is not a border point of ${sop.jurisdiction.country}`, code: 'NOT_A_BORDER_POINT', params: { value: code, country: sop.jurisdiction.country } });
      }
    });
  }
  return { signatories, problems };
}

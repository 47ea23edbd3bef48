import { AgencyRequirement } from './referral-plan';
import { Sop } from './sop';
import { AgencyKind, AgencyService, ChoiceCriterion } from './vocabulary';

/** An agency as far as choosing it needs (the database side fills this from its agency rows). */
export interface AgencyCandidate {
  id: string;
  name: string;
  /** When given, a candidate of another kind is not eligible. */
  kind?: AgencyKind;
  services: readonly AgencyService[];
  coverageBorderPointCodes: readonly string[];
  coverageRegions: readonly string[];
  languages: readonly string[];
  /** New referrals it takes per day; null: no limit. */
  dailyCapacity: number | null;
  acceptedToday: number;
}

export interface RankedAgency {
  id: string;
  name: string;
  /** 1 for the chosen agency, then its fallbacks in order. */
  rank: number;
  /** Why it stands where it does: one line per criterion, in the SOP's order (and a tie-break if any). */
  reasons: string[];
}

export interface IneligibleAgency {
  id: string;
  name: string;
  reasons: string[];
}

export interface AgencyChoice {
  kind: AgencyKind;
  /** Null when no agency is left: the coordinating body is to be alerted (`alert`). */
  chosen: RankedAgency | null;
  /** Who to ask next, in order, when the chosen one declines or is full. */
  fallbacks: RankedAgency[];
  ineligible: IneligibleAgency[];
  alert: { coordinatingBody: string; reason: string } | null;
}

interface Assessment {
  score: number;
  reason: string;
}

function remaining(agency: AgencyCandidate): number {
  return agency.dailyCapacity === null ? Number.POSITIVE_INFINITY : Math.max(0, agency.dailyCapacity - agency.acceptedToday);
}

/** Higher scores rank first; a required criterion refuses a score of 0. */
function assess(criterion: ChoiceCriterion, agency: AgencyCandidate, need: AgencyRequirement): Assessment {
  switch (criterion) {
    case 'COVERAGE':
      if (agency.coverageBorderPointCodes.includes(need.borderPointCode)) return { score: 2, reason: `covers border point ${need.borderPointCode}` };
      if (need.region && agency.coverageRegions.includes(need.region)) return { score: 1, reason: `covers region ${need.region} (not border point ${need.borderPointCode} itself)` };
      return { score: 0, reason: `does not cover border point ${need.borderPointCode}${need.region ? ` or region ${need.region}` : ''}` };
    case 'SERVICE':
      if (!need.service) return { score: 1, reason: 'no particular service required' };
      return agency.services.includes(need.service) ? { score: 1, reason: `offers ${need.service}` } : { score: 0, reason: `does not offer ${need.service}` };
    case 'LANGUAGE': {
      if (need.languages.length === 0) return { score: 1, reason: 'no language recorded for the person' };
      const index = need.languages.findIndex((language) => agency.languages.includes(language));
      if (index < 0) return { score: 0, reason: `speaks none of ${need.languages.join(', ')}` };
      // The person's first language counts most.
      return { score: need.languages.length - index, reason: `speaks ${need.languages[index]}${index === 0 ? '' : ` (the person's language no. ${index + 1})`}` };
    }
    case 'CAPACITY': {
      const left = remaining(agency);
      if (agency.dailyCapacity === null) return { score: left, reason: 'no daily limit' };
      return left > 0
        ? { score: left, reason: `${left} of ${agency.dailyCapacity} places left today` }
        : { score: 0, reason: `full today (${agency.acceptedToday} of ${agency.dailyCapacity} taken)` };
    }
  }
}

function byName(a: AgencyCandidate, b: AgencyCandidate): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Ranks the agencies of one kind for a referral by the SOP's criteria, in its order, then by name (and
 * id). Agencies that declined (`excluded` ids) and those failing a required criterion are left out,
 * with why. The first is chosen and the rest are the fallback order; when none is left the
 * coordinating body is alerted.
 */
export function chooseAgency(
  sop: Sop,
  kind: AgencyKind,
  requirement: AgencyRequirement,
  candidates: readonly AgencyCandidate[],
  excluded: readonly string[] = [],
): AgencyChoice {
  const ineligible: IneligibleAgency[] = [];
  const eligible: { agency: AgencyCandidate; assessments: Assessment[] }[] = [];
  for (const agency of [...candidates].sort(byName)) {
    if (agency.kind !== undefined && agency.kind !== kind) {
      ineligible.push({ id: agency.id, name: agency.name, reasons: [`is ${agency.kind}, not ${kind}`] });
      continue;
    }
    if (excluded.includes(agency.id)) {
      ineligible.push({ id: agency.id, name: agency.name, reasons: ['declined this referral already'] });
      continue;
    }
    const assessments = sop.agencyChoice.criteria.map((rule) => assess(rule.criterion, agency, requirement));
    const failed = sop.agencyChoice.criteria.flatMap((rule, i) => (rule.required && assessments[i].score === 0 ? [assessments[i].reason] : []));
    if (failed.length > 0) ineligible.push({ id: agency.id, name: agency.name, reasons: failed });
    else eligible.push({ agency, assessments });
  }

  eligible.sort((a, b) => {
    for (let i = 0; i < a.assessments.length; i += 1) {
      if (a.assessments[i].score !== b.assessments[i].score) return b.assessments[i].score - a.assessments[i].score;
    }
    return byName(a.agency, b.agency);
  });
  const ranked: RankedAgency[] = eligible.map(({ agency, assessments }, index) => {
    const previous = eligible[index - 1];
    const tied = previous && previous.assessments.every((p, i) => p.score === assessments[i].score);
    return {
      id: agency.id,
      name: agency.name,
      rank: index + 1,
      reasons: [...assessments.map((a) => a.reason), ...(tied ? [`level with ${previous.agency.name} on every criterion: after it by name`] : [])],
    };
  });

  const [chosen = null, ...fallbacks] = ranked;
  const what = `${kind}${requirement.service ? ` offering ${requirement.service}` : ''} at ${requirement.borderPointCode}`;
  return {
    kind,
    chosen,
    fallbacks,
    ineligible,
    alert: chosen ? null : { coordinatingBody: sop.escalation.coordinatingBody, reason: `no ${what} is left to refer to` },
  };
}

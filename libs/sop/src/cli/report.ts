import { PROFILES } from '@kivuko/profiling';
import { ConsentRequirement } from '../consent';
import { ChangeEntry, describeChange } from '../diff';
import { CaseSimulation, SimulatedOutcome, SimulatedReferral, SopSimulation } from '../simulation';
import { Sop } from '../sop';
import { SopProblem } from '../validation/problems';
import { targetKey } from '../validation/routing-reader';
import { SAFEGUARD_CODES } from '../vocabulary';

/** `2026-11-20 14:00 UTC`. */
function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** A span in whole units for a reader: `8 hours`, `3 days`, `1 day 2 hours`, `45 minutes`. */
function span(fromIso: string, toIso: string): string {
  const minutes = Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
  if (minutes < 0) return `${span(toIso, fromIso)} before planning`;
  const [days, hours, mins] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  const units: [number, string][] = [[days, 'day'], [hours, 'hour'], [mins, 'minute']];
  const parts = units.filter(([n]) => n !== 0).map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`);
  return parts.length === 0 ? 'at once' : parts.join(' ');
}

export function problemLines(file: string, problems: readonly SopProblem[]): string[] {
  return [`${file}: invalid (${problems.length} problem${problems.length === 1 ? '' : 's'})`, ...problems.map((p) => `  ${p.path}: ${p.problem}`)];
}

export function validSummary(file: string, sop: Sop): string[] {
  const targets = new Set(PROFILES.flatMap((p) => [sop.routing[p].lead, ...sop.routing[p].supporting].map(targetKey)));
  const off = SAFEGUARD_CODES.filter((code) => !sop.safeguards[code].enabled);
  return [
    `${file}: valid`,
    `  ${sop.version}${sop.title ? `: ${sop.title}` : ''}`,
    `  jurisdiction ${sop.jurisdiction.country}${sop.jurisdiction.borderPoints.length > 0 ? ` (border points ${sop.jurisdiction.borderPoints.join(', ')})` : ' (whole country)'}, effective from ${sop.effectiveFrom}, deadlines from ${sop.deadlinesFrom === 'REFERRAL' ? 'the referral' : 'the arrival'}`,
    `  ${sop.signatories.length} signatories; coordinating body: ${sop.escalation.coordinatingBody}`,
    `  profiling rules ${sop.ruleSet.version}: ${sop.ruleSet.rules.length} rules, ${sop.ruleSet.primaFacie.length} prima facie entr${sop.ruleSet.primaFacie.length === 1 ? 'y' : 'ies'}`,
    `  routing: ${PROFILES.length} profiles to ${targets.size} targets; agency choice by ${sop.agencyChoice.criteria.map((c) => `${c.criterion}${c.required ? ' (required)' : ''}`).join(', ')}`,
    `  escalation: ${sop.escalation.steps.length} steps`,
    `  safeguards: ${off.length === 0 ? 'all on' : `off: ${off.map((code) => `${code} (${sop.safeguards[code].legalReference ?? ''})`).join(', ')}`}`,
  ];
}

function consentLine(consent: readonly ConsentRequirement[]): string {
  if (consent.length === 0) return 'no consent needed';
  return consent
    .map((c) => {
      const what = c.fieldGroups.length > 0 ? `${c.purpose} for ${c.fieldGroups.join(', ')}` : c.purpose;
      if (c.automaticBasis) return `${what}: proceeds on ${c.automaticBasis} (recorded as such)`;
      return c.legalBases.length > 0 ? `${what} (or a recorded ${c.legalBases.join(' / ')})` : what;
    })
    .join('; ');
}

function referralLines(referral: SimulatedReferral, plannedAt: string): string[] {
  const target = `${referral.agencyKind}${referral.service ? ` offering ${referral.service}` : ''}`;
  const agency = referral.agency ? `→ ${referral.agency}${referral.fallbacks.length > 0 ? ` (then ${referral.fallbacks.join(', ')})` : ''}` : `→ NO AGENCY LEFT: ${referral.alert ?? ''}`;
  return [
    `    ${referral.priority} ${referral.role} ${target} ${agency}`,
    `       first contact by ${when(referral.dueAt)} (${span(plannedAt, referral.dueAt)}); for ${referral.profiles.map((p) => `${p.profile} (${p.role.toLowerCase()})`).join(', ')}`,
    ...(referral.actions.length > 0 ? [`       actions: ${referral.actions.map((a) => `${a.action} in ${span(plannedAt, a.dueAt)}`).join(', ')}`] : []),
    `       shares: ${referral.fieldGroups.join(', ') || 'nothing'}; ${consentLine(referral.consent)}`,
  ];
}

function outcomeLines(outcome: SimulatedOutcome, plannedAt: string): string[] {
  const profiles = outcome.profiles.map((p) => `${p.profile} (${p.urgency})`).join(', ') || 'none';
  return [
    `  profiles: ${profiles}${outcome.withheld.length > 0 ? `; withheld: ${outcome.withheld.join(', ')}` : ''}${outcome.heldBack.length > 0 ? `; held back: ${outcome.heldBack.join(', ')}` : ''}`,
    `  referrals (${outcome.referrals.length}):`,
    ...outcome.referrals.flatMap((r) => referralLines(r, plannedAt)),
  ];
}

/** A referral that appears or disappears is named by what matters, not dumped whole. */
function describeCaseChange(change: CaseSimulation['differences'][number]): string {
  const value = change.change === 'ADDED' ? change.after : change.before;
  if (/^referrals\[[^\]]+\]$/.test(change.path) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const referral = value as unknown as SimulatedReferral;
    const summary = `${referral.priority} ${referral.role} → ${referral.agency ?? 'no agency left'}, first contact by ${when(referral.dueAt)}`;
    return `${change.path}: ${change.change === 'ADDED' ? 'added' : 'removed'} (${summary})`;
  }
  return describeChange(change);
}

function caseLines(index: number, simulation: CaseSimulation, plannedAt: string, compared: boolean): string[] {
  const lines = [`${index + 1}. ${simulation.name}`, ...outcomeLines(simulation.draft, plannedAt)];
  if (!compared) return lines;
  if (simulation.differences.length === 0) return [...lines, '  same outcome under the active SOP'];
  return [...lines, `  changes from the active SOP (${simulation.differences.length}):`, ...simulation.differences.map((d) => `    ${describeCaseChange(d)}`)];
}

export function simulationReport(simulation: SopSimulation): string[] {
  const { summary } = simulation;
  const compared = simulation.activeVersion !== null;
  return [
    `Simulation of ${simulation.draftVersion}${compared ? ` against the active ${simulation.activeVersion}` : ' (no active SOP to compare with)'}, planned at ${when(simulation.now)}`,
    `${summary.cases} sample case${summary.cases === 1 ? '' : 's'}${compared ? `, ${summary.casesThatDiffer} with differences` : ''}; ${summary.draftReferrals} referrals${
      summary.activeReferrals !== null ? ` (active: ${summary.activeReferrals})` : ''
    }, ${summary.draftWithoutAgency} with no agency left (the coordinating body is alerted)`,
    'Every suggested profile is treated as confirmed; each case is planned on its own, with no capacity used up between cases.',
    '',
    ...simulation.cases.flatMap((c, i) => [...caseLines(i, c, simulation.now, compared), '']),
  ];
}

export function diffLines(changes: readonly ChangeEntry[]): string[] {
  if (changes.length === 0) return ['no differences'];
  return changes.map((change) => describeChange(change));
}

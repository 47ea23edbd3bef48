import { MonitorReport, OUTCOMES, ReportFilters, SAFEGUARDS } from './oversight-api';

export const REPORTS: readonly MonitorReport[] = ['detentions', 'safeguard-events', 'overdue-referrals'];

/** The monitor page's URL: which report, and its filters; anything the api would refuse is dropped. */
export interface MonitorSearch extends ReportFilters {
  report?: MonitorReport;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: unknown): value is string => typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export function validateMonitorSearch(search: Record<string, unknown>): MonitorSearch {
  const out: MonitorSearch = {};
  if (typeof search.report === 'string' && (REPORTS as readonly string[]).includes(search.report) && search.report !== 'detentions') out.report = search.report as MonitorReport;
  if (isDay(search.from)) out.from = search.from;
  if (isDay(search.to)) out.to = search.to;
  if (search.open === true || search.open === 'true') out.open = true;
  if (typeof search.outcome === 'string' && (OUTCOMES as readonly string[]).includes(search.outcome)) out.outcome = search.outcome as MonitorSearch['outcome'];
  if (typeof search.safeguard === 'string' && (SAFEGUARDS as readonly string[]).includes(search.safeguard)) out.safeguard = search.safeguard as MonitorSearch['safeguard'];
  return out;
}

/** A period that ends before it starts is not asked for. */
export const periodIsValid = (filters: ReportFilters): boolean => !filters.from || !filters.to || filters.from <= filters.to;

import { queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';

/** A note on a case: NORMAL (whoever may see the case), RESTRICTED (the author's agency), SENSITIVE (readers of its section). */
export interface Note {
  id: string;
  sensitivity: 'NORMAL' | 'RESTRICTED' | 'SENSITIVE';
  fieldGroup: string | null;
  text: string;
  authorUserId: string;
  authorAgencyId: string;
  createdAt: string;
}

export interface CaseTask {
  id: string;
  caseId: string;
  kind: string;
  title: string | null;
  note: string | null;
  holder: { agencyId: string | null; borderPointId: string | null };
  assignedTo: string | null;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  dueAt: string;
  overdue: boolean;
  createdAt: string;
}

export interface DeliveredService {
  id: string;
  kind: string;
  provider: string;
  deliveredOn: string;
  note: string | null;
  agencyId: string;
  referralId: string | null;
  recordedAt: string;
}

export interface Transfer {
  id: string;
  caseId: string;
  caseNumber: string | null;
  fromAgency: { id: string; name: string };
  toAgency: { id: string; name: string };
  reason: string;
  basis: { kind: 'CONSENT' | 'LEGAL_BASIS'; consentId: string; legalBasis: string | null };
  status: 'PROPOSED' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED';
  proposedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface Responsibility {
  lead: { agencyId: string; agencyName: string; since: string; source: 'REFERRAL' | 'TRANSFER' } | null;
  assignments: { agencyId: string; userId: string; displayName: string; since: string }[];
  transfers: Transfer[];
}

export interface Colleague {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  roles: string[];
  active: boolean;
}

export interface AgencyOption {
  id: string;
  name: string;
  kind: string;
  active: boolean;
}

/** The sensitivities a note may have, in the order the form offers them. */
export const NOTE_SENSITIVITIES = ['NORMAL', 'RESTRICTED', 'SENSITIVE'] as const;

/** What the api accepts as a delivered service's kind. */
export const SERVICE_KINDS = ['SHELTER', 'MEDICAL_CARE', 'PSYCHOSOCIAL', 'LEGAL_AID', 'INTERPRETATION', 'FAMILY_TRACING', 'CASH', 'FOOD', 'NON_FOOD_ITEMS', 'EDUCATION', 'DOCUMENTATION', 'TRANSPORT', 'OTHER'] as const;

/** A closed case's outcome codes. */
export const CLOSURE_OUTCOMES = [
  'RECOGNISED_REFUGEE',
  'COMPLEMENTARY_PROTECTION',
  'FAMILY_REUNIFIED',
  'LOCAL_INTEGRATION',
  'RESETTLED',
  'RETURNED_VOLUNTARILY',
  'REMOVED',
  'REGULARISED',
  'NO_PROTECTION_NEEDS',
  'LOST_CONTACT',
  'DECEASED',
  'OTHER',
] as const;

/** The case page starts its reads at once (the route's loader); a section drawn a moment later uses that answer rather than asking again. Changes invalidate them. */
const SECTION_STALE = 15_000;

export const notesQuery = (api: ApiClient, caseId: string) =>
  queryOptions({
    queryKey: ['case', caseId, 'notes'],
    staleTime: SECTION_STALE,
    queryFn: () => unwrap<{ notes: Note[]; withheld: number }>(api.GET('/api/v1/cases/{id}/notes', { params: { path: { id: caseId } } })),
  });

export const caseTasksQuery = (api: ApiClient, caseId: string) =>
  queryOptions({
    queryKey: ['case', caseId, 'tasks'],
    staleTime: SECTION_STALE,
    queryFn: () => unwrap<CaseTask[]>(api.GET('/api/v1/cases/{id}/tasks', { params: { path: { id: caseId } } })),
  });

export const servicesQuery = (api: ApiClient, caseId: string) =>
  queryOptions({
    queryKey: ['case', caseId, 'services'],
    staleTime: SECTION_STALE,
    queryFn: () => unwrap<DeliveredService[]>(api.GET('/api/v1/cases/{id}/services', { params: { path: { id: caseId } } })),
  });

export const responsibilityQuery = (api: ApiClient, caseId: string) =>
  queryOptions({
    queryKey: ['case', caseId, 'responsibility'],
    staleTime: SECTION_STALE,
    queryFn: () => unwrap<Responsibility>(api.GET('/api/v1/cases/{id}/responsibility', { params: { path: { id: caseId } } })),
  });

/** The users of the manager's own agency (GET /users answers only them to a user who does not manage users). */
export const colleaguesQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: ['colleagues'],
    queryFn: () => unwrap<Colleague[]>(api.GET('/api/v1/users')),
    staleTime: 5 * 60_000,
  });

export const agencyOptionsQuery = (api: ApiClient) =>
  queryOptions({ queryKey: ['agencies'], queryFn: () => unwrap<AgencyOption[]>(api.GET('/api/v1/agencies')), staleTime: 10 * 60_000 });

/** Open tasks first, soonest due first; then the closed ones, most recent first. */
export function orderTasks(tasks: readonly CaseTask[]): CaseTask[] {
  const open = tasks.filter((task) => task.status === 'OPEN').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const closed = tasks.filter((task) => task.status !== 'OPEN').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return [...open, ...closed];
}

/** The caseworker of this agency holding the case, if any. */
export function assigneeOf(responsibility: Responsibility | undefined, agencyId: string): Responsibility['assignments'][number] | null {
  return responsibility?.assignments.find((assignment) => assignment.agencyId === agencyId) ?? null;
}

/** A date input's day (YYYY-MM-DD) and a time (HH:MM) in the browser's zone as an ISO instant with its offset. */
export function zonedDateTime(day: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const local = new Date(`${day}T${time}:00`);
  if (Number.isNaN(local.getTime())) return null;
  return local.toISOString();
}

/** Today's date (YYYY-MM-DD) in the browser's zone. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

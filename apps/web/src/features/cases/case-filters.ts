import { profileMessages } from '../../i18n/vocabulary';

export const CASE_STATUSES = ['OPEN', 'INCOMPLETE', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The profiles a list can be filtered by (the api's PROFILES). */
export const FILTER_PROFILES = Object.keys(profileMessages);

/** The case list's filters as they stand in the URL (`/?status=INCOMPLETE&urgent=true`), so a reload or a shared link keeps them. */
export interface CaseFilters {
  status?: CaseStatus;
  profile?: string;
  borderPoint?: string;
  urgent?: true;
  /** Open cases no agency leads yet (the supervisors' dashboard links here). */
  withoutLead?: true;
  /** Persons detained now, or with the detention review overdue (the dashboard links here). */
  detention?: CaseDetention;
}

export const CASE_DETENTIONS = ['OPEN', 'REVIEW_OVERDUE'] as const;
export type CaseDetention = (typeof CASE_DETENTIONS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters read from the URL's search params; a value that is not one the api takes is dropped, never sent. */
export function validateCaseFilters(search: Record<string, unknown>): CaseFilters {
  const filters: CaseFilters = {};
  if (typeof search.status === 'string' && (CASE_STATUSES as readonly string[]).includes(search.status)) filters.status = search.status as CaseStatus;
  if (typeof search.profile === 'string' && FILTER_PROFILES.includes(search.profile)) filters.profile = search.profile;
  if (typeof search.borderPoint === 'string' && UUID.test(search.borderPoint)) filters.borderPoint = search.borderPoint;
  if (search.urgent === true || search.urgent === 'true') filters.urgent = true;
  if (search.withoutLead === true || search.withoutLead === 'true') filters.withoutLead = true;
  if (typeof search.detention === 'string' && (CASE_DETENTIONS as readonly string[]).includes(search.detention)) filters.detention = search.detention as CaseDetention;
  return filters;
}

/** How many filters are on (the "Filters (n)" button). */
export const activeFilterCount = (filters: CaseFilters): number =>
  [filters.status, filters.profile, filters.borderPoint, filters.urgent, filters.withoutLead, filters.detention].filter((value) => value !== undefined).length;

/** The filters as GET /api/v1/cases takes them. */
export function caseListParams(filters: CaseFilters): { status?: CaseStatus; profile?: string; borderPointId?: string; urgent?: boolean; withoutLead?: boolean; detention?: CaseDetention } {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.profile ? { profile: filters.profile } : {}),
    ...(filters.borderPoint ? { borderPointId: filters.borderPoint } : {}),
    ...(filters.urgent ? { urgent: true } : {}),
    ...(filters.withoutLead ? { withoutLead: true } : {}),
    ...(filters.detention ? { detention: filters.detention } : {}),
  };
}

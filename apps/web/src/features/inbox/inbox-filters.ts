import { profileMessages } from '../../i18n/vocabulary';
import { REFERRAL_STATUSES, ReferralStatus } from '../referrals/referrals-api';

/** The profiles the inbox can be filtered by (the api's PROFILES). */
export const INBOX_PROFILES = Object.keys(profileMessages);

/** The statuses a receiving agency's queue holds (the final ones are asked for explicitly). */
export const INBOX_STATUSES: readonly ReferralStatus[] = REFERRAL_STATUSES;

/** The inbox filters as they stand in the URL (`/referrals/inbox?status=PENDING&overdue=true`), so a reload or a shared link keeps them. */
export interface InboxFilters {
  status?: ReferralStatus;
  profile?: string;
  borderPoint?: string;
  overdue?: true;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters read from the URL's search params; a value the api would not take is dropped, never sent. */
export function validateInboxFilters(search: Record<string, unknown>): InboxFilters {
  const filters: InboxFilters = {};
  if (typeof search.status === 'string' && (INBOX_STATUSES as readonly string[]).includes(search.status)) filters.status = search.status as ReferralStatus;
  if (typeof search.profile === 'string' && INBOX_PROFILES.includes(search.profile)) filters.profile = search.profile;
  if (typeof search.borderPoint === 'string' && UUID.test(search.borderPoint)) filters.borderPoint = search.borderPoint;
  if (search.overdue === true || search.overdue === 'true') filters.overdue = true;
  return filters;
}

/** How many filters are on (the "Filters (n)" button). */
export const activeInboxFilterCount = (filters: InboxFilters): number =>
  [filters.status, filters.profile, filters.borderPoint, filters.overdue].filter((value) => value !== undefined).length;

/** The filters as GET /api/v1/referrals takes them. */
export function inboxParams(filters: InboxFilters): { status?: ReferralStatus; profile?: string; borderPointId?: string; overdue?: boolean } {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.profile ? { profile: filters.profile } : {}),
    ...(filters.borderPoint ? { borderPointId: filters.borderPoint } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
  };
}

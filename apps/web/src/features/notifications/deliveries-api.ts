import { infiniteQueryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';
import { components } from '../../api/schema';
import { EMAIL_KINDS, EmailKind } from './notifications-api';

export type Delivery = components['schemas']['DeliveryView'];
export type DeliveryStatus = Delivery['status'];
export type DeliveryPage = components['schemas']['DeliveryPageView'];

/** The statuses a delivery may have, in the order the filter offers them (the ones to act on first). */
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['FAILED', 'NOT_SENT', 'PENDING', 'SENT'];

/** How far back the list looks: a preset period, counted back from when the page asks. */
export const DELIVERY_PERIODS = ['DAY', 'WEEK', 'MONTH'] as const;
export type DeliveryPeriod = (typeof DELIVERY_PERIODS)[number];
const PERIOD_MS: Record<DeliveryPeriod, number> = { DAY: 86_400_000, WEEK: 7 * 86_400_000, MONTH: 30 * 86_400_000 };

/** The filters as they stand in the URL (`/settings/notifications/deliveries?status=FAILED&period=WEEK`). */
export interface DeliveryFilters {
  status?: DeliveryStatus;
  kind?: EmailKind;
  period?: DeliveryPeriod;
}

/** The filters read from the URL's search params; a value the api would not take is dropped, never sent. */
export function validateDeliveryFilters(search: Record<string, unknown>): DeliveryFilters {
  const filters: DeliveryFilters = {};
  if (typeof search.status === 'string' && (DELIVERY_STATUSES as readonly string[]).includes(search.status)) filters.status = search.status as DeliveryStatus;
  if (typeof search.kind === 'string' && (EMAIL_KINDS as readonly string[]).includes(search.kind)) filters.kind = search.kind as EmailKind;
  if (typeof search.period === 'string' && (DELIVERY_PERIODS as readonly string[]).includes(search.period)) filters.period = search.period as DeliveryPeriod;
  return filters;
}

export const activeDeliveryFilterCount = (filters: DeliveryFilters): number => [filters.status, filters.kind, filters.period].filter((value) => value !== undefined).length;

/** The filters as GET /api/v1/notifications/deliveries takes them; a period starts `now` minus its length. */
export function deliveryParams(filters: DeliveryFilters, now: Date): { status?: DeliveryStatus; kind?: EmailKind; from?: string } {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.period ? { from: new Date(now.getTime() - PERIOD_MS[filters.period]).toISOString() } : {}),
  };
}

/** The e-mails of referral events, newest first: the agency's for a manager, every agency's for a system administrator. */
export const deliveriesQuery = (api: ApiClient, filters: DeliveryFilters, now: Date) =>
  infiniteQueryOptions({
    queryKey: ['notifications', 'deliveries', filters.status ?? 'ALL', filters.kind ?? 'ALL', filters.period ?? 'ALL'],
    queryFn: ({ pageParam }) =>
      unwrap<DeliveryPage>(api.GET('/api/v1/notifications/deliveries', { params: { query: { ...deliveryParams(filters, now), limit: 25, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });

export const resendDelivery = (api: ApiClient, id: string) => unwrap<Delivery>(api.POST('/api/v1/notifications/deliveries/{id}/resend', { params: { path: { id } } }));

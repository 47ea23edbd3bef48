import { queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

/** The roles, agency kinds, services and border-point kinds the api accepts (from the OpenAPI document). */
export type Role = components['schemas']['CreateUserDto']['roles'][number];
export type AgencyKind = components['schemas']['CreateAgencyDto']['kind'];
export type AgencyService = NonNullable<components['schemas']['CreateAgencyDto']['services']>[number];
export type BorderPointKind = components['schemas']['CreateBorderPointDto']['kind'];

export const ROLES: readonly Role[] = ['BORDER_OFFICIAL', 'CASEWORKER', 'SUPERVISOR', 'AGENCY_MANAGER', 'SOP_ADMIN', 'ANALYST', 'MONITOR', 'SYSADMIN'];
export const AGENCY_KINDS: readonly AgencyKind[] = [
  'BORDER_AUTHORITY',
  'IMMIGRATION',
  'ASYLUM_AUTHORITY',
  'CHILD_PROTECTION',
  'ANTI_TRAFFICKING',
  'HEALTH',
  'NGO',
  'INTERNATIONAL_ORGANIZATION',
  'MONITOR',
];
export const AGENCY_SERVICES: readonly AgencyService[] = [
  'FAMILY_TRACING',
  'TORTURE_REHABILITATION',
  'SAFE_SHELTER',
  'LEGAL_AID',
  'MEDICAL_CARE',
  'PSYCHOSOCIAL',
  'VOLUNTARY_RETURN',
  'INTERIM_CARE',
  'GBV_CASE_MANAGEMENT',
];
export const BORDER_POINT_KINDS: readonly BorderPointKind[] = ['LAND', 'SEA', 'AIR', 'RECEPTION_CENTRE'];

/** One row of GET /api/v1/users (no response schema yet). */
export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  roles: Role[];
  borderPointIds: string[];
  active: boolean;
  /** Signed in with a password someone else chose (first one, reset) and not yet replaced. */
  mustChangePassword: boolean;
}

/** One row of GET /api/v1/agencies. */
export interface AdminAgency {
  id: string;
  name: string;
  kind: AgencyKind;
  services: AgencyService[];
  coverageBorderPointIds: string[];
  coverageRegions: string[];
  languages: string[];
  dailyCapacity: number | null;
  contactEmail: string | null;
  contactPhone: string | null;
  active: boolean;
}

/** One row of GET /api/v1/border-points. */
export interface AdminBorderPoint {
  id: string;
  code: string;
  name: string;
  country: string;
  kind: BorderPointKind;
  region: string | null;
  active: boolean;
}

export interface WebhookStatus {
  url: string | null;
  registeredAt: string | null;
}

export type AuditVerification = components['schemas']['AuditVerificationDto'];

export const usersQuery = (api: ApiClient) => queryOptions({ queryKey: ['users'], queryFn: () => unwrap<AdminUser[]>(api.GET('/api/v1/users')) });

/** The same key as the agency directory's: a change here refreshes it too. */
export const agenciesQuery = (api: ApiClient) => queryOptions({ queryKey: ['agencies'], queryFn: () => unwrap<AdminAgency[]>(api.GET('/api/v1/agencies')) });

export const borderPointsQuery = (api: ApiClient) =>
  queryOptions({ queryKey: ['border-points'], queryFn: () => unwrap<AdminBorderPoint[]>(api.GET('/api/v1/border-points')) });

export const webhookQuery = (api: ApiClient, agencyId: string) =>
  queryOptions({
    queryKey: ['agencies', agencyId, 'webhook'],
    queryFn: () => unwrap<WebhookStatus>(api.GET('/api/v1/agencies/{id}/webhook', { params: { path: { id: agencyId } } })),
  });

/** Recomputes every chain: not cached, each visit and each "Verify again" asks afresh. */
export const auditVerifyQuery = (api: ApiClient) =>
  queryOptions({ queryKey: ['audit', 'verify'], queryFn: () => unwrap<AuditVerification>(api.GET('/api/v1/audit/verify')), staleTime: 0, gcTime: 0 });

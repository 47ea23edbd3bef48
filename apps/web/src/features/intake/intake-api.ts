import { queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';
import { untyped } from './questionnaire';

/** POST /api/v1/intakes: one case per person. */
export interface IntakeResult {
  intakeId: string;
  mode: 'FULL' | 'MASS_ARRIVAL';
  cases: {
    id: string;
    caseNumber: string;
    status: string;
    version: number;
    ref?: string;
    possibleEncounters: { matchedCaseId: string; caseNumber: string; score: number }[];
    profiles: { profile: string; urgency: string; status: string; routable: boolean }[];
  }[];
}

export interface FiredIndicator {
  id: string;
  source: 'RULE' | 'PRINCIPLE';
  reason: string;
  evidence: string[];
}

export interface CaseProfile {
  profile: string;
  origin: 'SUGGESTED' | 'ADDED';
  status: 'SUGGESTED' | 'CONFIRMED' | 'REMOVED' | 'SUPERSEDED';
  urgency: 'IMMEDIATE' | 'HIGH' | 'NORMAL';
  routable: boolean;
  suggested: boolean;
  indicators: FiredIndicator[];
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

/** GET /api/v1/cases/:id/profiles. */
export interface CaseProfiles {
  current: CaseProfile[];
  history: { version: number; ranAt: string; profiles: { profile: string; urgency: string; indicators: FiredIndicator[] }[] }[];
}

export interface Identity {
  givenName: string | null;
  familyName: string | null;
  otherNames: string[] | null;
  description: string | null;
  sex: string;
  dateOfBirth: string | null;
  dateOfBirthEstimated: boolean | null;
  statedAge: number | null;
  nationalities: string[];
  languages: string[] | null;
  interpreter: { needed: boolean; sex: string | null } | null;
  documents: { kind: string; number: string; issuingCountry: string; expiresOn: string | null }[];
  documentsHeldByOther: boolean | null;
  possibleEncounters: { id: string; matchedCaseId: string; caseNumber: string; score: number; status: string }[];
}

export interface ArrivalSection {
  arrivedAt: string;
  mode: string;
  informationGiven?: { topics: string[]; language: string; leafletVersion?: string };
  travelledWith?: { caseId: string; caseNumber: string | null; relationship: string; claimedBy: 'THIS_PERSON' | 'COMPANION'; verified: boolean }[];
}

/** GET /api/v1/cases/:id, as far as these pages read it. */
export interface CaseView {
  id: string;
  caseNumber: string;
  status: 'OPEN' | 'INCOMPLETE' | 'CLOSED';
  version: number;
  borderPoint: { id: string; code: string; name: string };
  arrivedAt: string;
  sections: {
    IDENTITY?: Identity;
    ARRIVAL?: ArrivalSection;
    NEEDS?: { urgentNeeds?: string[] } & { questionnaire?: string; answers?: Record<string, unknown> };
  } & Record<string, { questionnaire?: string; answers?: Record<string, unknown> } | undefined>;
  profiles: CaseProfile[];
}

export interface Referral {
  id: string;
  caseId: string;
  agency: { id: string; name: string; kind: string };
  role: 'LEAD' | 'SUPPORTING';
  profiles: string[];
  status: string;
  dueAt: string;
  overdue: boolean;
}

export const caseQuery = (api: ApiClient, caseId: string) =>
  queryOptions({
    queryKey: ['case', caseId],
    queryFn: () => unwrap<CaseView>(untyped(api).GET(`/api/v1/cases/${encodeURIComponent(caseId)}`)),
  });

export const caseProfilesQuery = (api: ApiClient, caseId: string) =>
  queryOptions({
    queryKey: ['case', caseId, 'profiles'],
    queryFn: () => unwrap<CaseProfiles>(untyped(api).GET(`/api/v1/cases/${encodeURIComponent(caseId)}/profiles`)),
  });

/** The referrals sent from the user's border points (newest 100), for the result page to pick a case's from. */
export const sentReferralsQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: ['referrals', 'SENT'],
    queryFn: () => unwrap<{ items: Referral[] }>(untyped(api).GET('/api/v1/referrals', { params: { query: { view: 'SENT', limit: 100 } } })),
  });

interface UntypedWrite {
  POST: (path: string, init?: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  PUT: (path: string, init?: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
}
export const writes = (api: ApiClient): UntypedWrite => api as unknown as UntypedWrite;

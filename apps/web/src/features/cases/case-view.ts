import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';

/** The record's sections (the api's field groups), in the api's order. */
export const FIELD_GROUPS = ['IDENTITY', 'CONTACT', 'ARRIVAL', 'NEEDS', 'ASYLUM', 'CHILD', 'TRAFFICKING', 'HEALTH', 'SGBV', 'TORTURE', 'DETENTION', 'RETURN'] as const;

/** Sections folded on a shared screen until "Show protection details" is on (like the list's sensitive profiles). */
export const SENSITIVE_SECTIONS: ReadonlySet<string> = new Set(['CONTACT', 'ASYLUM', 'CHILD', 'TRAFFICKING', 'HEALTH', 'SGBV', 'TORTURE', 'DETENTION', 'RETURN']);

export interface Identity {
  givenName: string | null;
  familyName: string | null;
  otherNames: string[];
  description: string | null;
  sex: string;
  dateOfBirth: string | null;
  dateOfBirthEstimated: boolean;
  statedAge: number | null;
  ageAtArrival: number | null;
  nationalities: string[];
  areaOfOrigin: { name: string; code: string | null } | null;
  languages: string[];
  interpreter: { needed: boolean; sex: string | null } | null;
  documents: { kind: string; number: string; issuingCountry: string; expiresOn: string | null }[];
  documentsHeldByOther: boolean | null;
  previousEncounters: { caseId: string; caseNumber: string; arrivedAt: string; status: string }[];
}

export interface Companion {
  caseId: string;
  caseNumber: string | null;
  relationship: string;
  claimedBy: 'THIS_PERSON' | 'COMPANION';
  verified: boolean;
}

export interface Arrival {
  arrivedAt: string;
  mode: string;
  how: string | null;
  route: string[];
  intendedDestination: string | null;
  smugglerUsed: boolean | null;
  travelledWith: Companion[];
  /** The rights information given at intake, in the person's language. */
  informationGiven?: { topics: string[]; language: string; leafletVersion?: string };
}

export interface CaseProfile {
  profile: string;
  origin: 'SUGGESTED' | 'ADDED';
  status: 'SUGGESTED' | 'CONFIRMED' | 'REMOVED' | 'SUPERSEDED';
  urgency: string;
  routable: boolean;
}

/** GET /api/v1/cases/:id: the sections the joint SOP shares with the reader's agency, and the names of those withheld. */
export interface CaseView {
  id: string;
  caseNumber: string;
  status: 'OPEN' | 'INCOMPLETE' | 'CLOSED';
  version: number;
  borderPoint: { id: string; code: string; name: string };
  arrivedAt: string;
  registeredAt: string;
  updatedAt: string;
  fieldGroups: string[];
  withheldFieldGroups: string[];
  /** Each withheld section with why: shared with the reader's kind of agency only with consent (none on record), or not at all. */
  withheld?: { fieldGroup: string; reason: 'CONSENT_MISSING' | 'NOT_SHARED' }[];
  sections: { IDENTITY?: Identity; ARRIVAL?: Arrival; NEEDS?: { urgentNeeds?: string[] } & Record<string, unknown> } & Record<string, unknown>;
  openTasks: { id: string; kind: string; dueAt: string | null }[];
  profiles: CaseProfile[];
}

export interface TimelineEntry {
  at: string;
  kind: string;
  actorUserId: string | null;
  actorAgencyId: string | null;
  details: Record<string, unknown>;
}

export const caseQuery = (api: ApiClient, caseId: string) =>
  queryOptions({
    queryKey: ['case', caseId],
    queryFn: () => unwrap<CaseView>(api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })),
  });

export const TIMELINE_PAGE = 25;

/** The case's history, newest first, page by page (each next page goes further back). */
export const timelineQuery = (api: ApiClient, caseId: string) =>
  infiniteQueryOptions({
    queryKey: ['case', caseId, 'timeline'],
    queryFn: ({ pageParam }) =>
      unwrap<{ items: TimelineEntry[]; nextCursor?: string }>(
        api.GET('/api/v1/cases/{id}/timeline', { params: { path: { id: caseId }, query: { limit: TIMELINE_PAGE, cursor: pageParam, order: 'desc' } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });

/** The person's name as recorded, or null. */
export const fullName = (identity: Pick<Identity, 'givenName' | 'familyName'>): string | null =>
  [identity.givenName, identity.familyName].filter(Boolean).join(' ') || null;

/** Whether the age is an estimate: an estimated date of birth, or only a stated age. */
export const ageEstimated = (identity: Identity): boolean => (identity.dateOfBirth ? identity.dateOfBirthEstimated : identity.statedAge !== null);

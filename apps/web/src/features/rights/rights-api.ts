import { queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';

/** The languages the rights leaflet is written in, in the order the picker lists them. */
export const LEAFLET_LANGUAGES = ['en', 'fr', 'pt', 'sw', 'ar', 'am', 'so', 'ti'] as const;
export type LeafletLanguage = (typeof LEAFLET_LANGUAGES)[number];

export const isLeafletLanguage = (code: string): code is LeafletLanguage => (LEAFLET_LANGUAGES as readonly string[]).includes(code);

export type LeafletTopic = 'ASYLUM' | 'NGO_ACCESS' | 'LEGAL_AID' | 'COUNSELLING' | 'VOLUNTARY_RETURN' | 'DATA_USE';

/** GET /api/v1/leaflets/{language}: the rights information in one language (its texts are data, versioned). */
export interface Leaflet {
  language: string;
  version: string;
  direction: 'ltr' | 'rtl';
  title: string;
  sections: { topic: LeafletTopic; heading: string; body: string }[];
  /** NATIVE_REVIEW_PENDING: no native speaker has reviewed the translation yet (the official is told so). */
  reviewStatus: 'SOURCE' | 'GLOSSARY_CHECKED' | 'NATIVE_REVIEW_PENDING';
}

export const leafletQuery = (api: ApiClient, language: string) =>
  queryOptions({
    queryKey: ['leaflet', language],
    queryFn: () => unwrap<Leaflet>(api.GET('/api/v1/leaflets/{language}', { params: { path: { language } } })),
    staleTime: 60 * 60_000,
  });

export interface ConsentInterpreter {
  used: boolean;
  language?: string;
  name?: string;
}

/** The legal bases that may stand in for consent (recorded by supervisors and agency managers, with a reason). */
export const LEGAL_BASES = ['CHILD_BEST_INTERESTS', 'LEGAL_OBLIGATION', 'VITAL_INTEREST', 'CHILD_PROTECTION_MANDATE'] as const;

/** One consent or legal basis recorded on a case (GET /api/v1/cases/{id}/consents). */
export interface Consent {
  id: string;
  caseId: string;
  purpose: 'REFERRAL' | 'DATA_SHARING' | 'FAMILY_TRACING' | 'STATISTICS';
  recipientAgencyId: string | null;
  recipientAgencyKind: string | null;
  fieldGroups: string[];
  decision: 'GIVEN' | 'REFUSED' | 'LEGAL_BASIS';
  legalBasis: string | null;
  reason: string | null;
  language: string | null;
  /** Whether an interpreter helped ask; null on records that do not say. */
  interpreter: ConsentInterpreter | null;
  recordedBy: string;
  recordedByAgencyId: string;
  recordedAt: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawalReason: string | null;
}

export const CONSENT_PURPOSES = ['REFERRAL', 'DATA_SHARING', 'FAMILY_TRACING', 'STATISTICS'] as const;

export const consentsQuery = (api: ApiClient, caseId: string) =>
  queryOptions({
    queryKey: ['consents', caseId],
    queryFn: () => unwrap<Consent[]>(api.GET('/api/v1/cases/{id}/consents', { params: { path: { id: caseId } } })),
  });

/** What a referral waits for: the consent requirements the SOP set (basis.requirements) and those met. */
export interface ConsentRequirement {
  purpose: string;
  fieldGroups: string[];
  legalBases: string[];
  automaticBasis: string | null;
}

/** One referral as GET /api/v1/referrals lists it (the fields this page reads). */
export interface Referral {
  id: string;
  caseId: string;
  caseNumber: string;
  agency: { id: string; name: string; kind: string };
  status: string;
  profiles: string[];
  priority: number;
  basis: { requirements?: ConsentRequirement[]; met?: unknown } | null;
  updatedAt: string;
}

/** The case's referrals sent from the user's border points (every status), the api filtering by case. */
export const caseReferralsQuery = (api: ApiClient, caseId: string) =>
  queryOptions({
    queryKey: ['referrals', 'case', caseId],
    queryFn: async () => {
      const found: Referral[] = [];
      let cursor: string | undefined;
      do {
        const result = await unwrap<{ items: Referral[]; nextCursor?: string }>(
          api.GET('/api/v1/referrals', { params: { query: { view: 'SENT', caseId, limit: 100, ...(cursor ? { cursor } : {}) } } }),
        );
        found.push(...result.items);
        cursor = result.nextCursor;
      } while (cursor);
      return found;
    },
  });

/** The consent body of POST /api/v1/cases/{id}/consents: the person's answer, or a legal basis standing in for it. */
export type RecordConsent = {
  purpose: Consent['purpose'];
  recipientAgencyId?: string;
  recipientAgencyKind?: string;
} & (
  | { decision: 'GIVEN' | 'REFUSED'; language: string; interpreter: ConsentInterpreter }
  | { legalBasis: (typeof LEGAL_BASES)[number]; reason: string }
);

/** The interpreter as the api records it: the language spoken is the one the question was asked in. */
export const interpreterOf = (used: boolean, language: string, name: string): ConsentInterpreter =>
  used ? { used, language, ...(name.trim() ? { name: name.trim() } : {}) } : { used };

/** The purposes a held referral still waits for: its requirements not met by a consent or legal basis. */
export function waitingPurposes(referral: Pick<Referral, 'basis'>): Consent['purpose'][] {
  const requirements = referral.basis?.requirements ?? [];
  const met = Array.isArray(referral.basis?.met) ? (referral.basis.met as { purpose?: string }[]) : [];
  const open = requirements.filter((requirement) => !met.some((done) => done.purpose === requirement.purpose)).map((requirement) => requirement.purpose);
  return [...new Set(open)].filter((purpose): purpose is Consent['purpose'] => (CONSENT_PURPOSES as readonly string[]).includes(purpose));
}

import { infiniteQueryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';
import { CaseFilters, caseListParams } from './case-filters';

/** One row of GET /api/v1/cases (the document has no response schema for it yet). */
export interface CaseListItem {
  id: string;
  caseNumber: string;
  status: 'OPEN' | 'INCOMPLETE' | 'CLOSED';
  version: number;
  borderPoint: { id: string; code: string };
  arrivedAt: string;
  registeredAt: string;
  nationalities: string[];
  urgentNeeds: string[];
  profiles: string[];
  /** The same profiles, each with its status: a SUGGESTED one awaits an official's decision. */
  profileStatuses?: { profile: string; status: string }[];
  /** The age is an estimate (an estimated date of birth, or only a stated age). */
  ageEstimated?: boolean;
  person?: { givenName: string | null; familyName: string | null; description: string | null; sex: string; ageAtArrival: number | null };
}

export interface CasePage {
  items: CaseListItem[];
  nextCursor?: string;
}

export const PAGE_SIZE = 100;

/** The cases the user may see, newest first, filtered by the api (status, profile, border point, urgency). */
export const casesQuery = (api: ApiClient, filters: CaseFilters = {}) =>
  infiniteQueryOptions({
    queryKey: ['cases', filters],
    queryFn: ({ pageParam }) =>
      unwrap<CasePage>(api.GET('/api/v1/cases', { params: { query: { ...caseListParams(filters), limit: PAGE_SIZE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });

/**
 * The profiles the case list names openly: the officials act on them at once and they reveal no claim, no
 * child's situation and no violence suffered. Every other profile (asylum-seeker, refugee, the child-protection
 * profiles, trafficking, abused smuggled migrant, torture, SGBV, and any code this app does not know) is
 * sensitive: the list counts them in one neutral chip until the user asks to see them.
 */
export const OPEN_PROFILES: ReadonlySet<string> = new Set(['MEDICAL_EMERGENCY', 'MIGRANT', 'STRANDED_MIGRANT_RETURN', 'SPECIFIC_NEEDS']);

/** A case's profiles split into those the list names and the sensitive ones. */
export function splitProfiles(profiles: readonly string[]): { open: string[]; sensitive: string[] } {
  return { open: profiles.filter((profile) => OPEN_PROFILES.has(profile)), sensitive: profiles.filter((profile) => !OPEN_PROFILES.has(profile)) };
}

/** Eastern Arabic (٠–٩) and Persian (۰–۹) digits as 0–9, so ٠٠٠٠٤٢ finds case 000042. */
export const westernDigits = (text: string): string =>
  text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String((digit.charCodeAt(0) - 0x0660) % 0x90));

/** Search text folded for matching: case-insensitive, accents ignored (Amína finds Amina), any digits as 0–9. */
export const fold = (text: string): string =>
  westernDigits(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();

/** Whether the person has no name recorded, only a description (mass arrivals registered by description). */
export const describedOnly = (person: NonNullable<CaseListItem['person']>): boolean => !person.givenName && !person.familyName && Boolean(person.description);

/** Whether a case matches the search by its number or any part of the person's name or description. */
export function matchesSearch(item: CaseListItem, search: string): boolean {
  const wanted = fold(search);
  if (!wanted) return true;
  const person = item.person;
  const haystack = [item.caseNumber, person?.givenName, person?.familyName, person?.description, [person?.givenName, person?.familyName].filter(Boolean).join(' ')]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .map(fold);
  return haystack.some((part) => part.includes(wanted));
}

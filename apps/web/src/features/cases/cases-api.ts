import { infiniteQueryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';

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
  person?: { givenName: string | null; familyName: string | null; description: string | null; sex: string; ageAtArrival: number | null };
}

export interface CasePage {
  items: CaseListItem[];
  nextCursor?: string;
}

export const PAGE_SIZE = 100;

export const casesQuery = (api: ApiClient) =>
  infiniteQueryOptions({
    queryKey: ['cases'],
    queryFn: ({ pageParam }) => unwrap<CasePage>(api.GET('/api/v1/cases', { params: { query: { limit: PAGE_SIZE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });

/** Search text folded for matching: case-insensitive, accents ignored (Amína finds Amina). */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();

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

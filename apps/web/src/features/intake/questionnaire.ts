import { queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';

/** Text in each UI language the questionnaire carries (`en` always). */
export type Translated = Partial<Record<string, string>> & { en: string };

export type QuestionType = 'BOOLEAN' | 'TEXT' | 'CHOICE' | 'MULTI_CHOICE' | 'INTEGER';

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { answer: string; equals: boolean | string | number }
  | { answer: string; includes: string }
  | { answer: string; answered: true }
  | { person: 'mayBeChild' }
  | { person: 'sexIn'; values: string[] };

export interface Question {
  id: string;
  group: string;
  type: QuestionType;
  min?: number;
  max?: number;
  maxLength?: number;
  options?: { value: string; label: Translated }[];
  prompt: Translated;
  showWhen?: Condition;
}

/** GET /api/v1/questionnaire: the active screening questionnaire with its translations and conditions. */
export interface Questionnaire {
  code: string;
  version: number;
  languages: string[];
  groups: { id: string; title: Translated }[];
  questions: Question[];
}

export type Answer = boolean | string | number | string[];
export type Answers = Record<string, Answer>;

/** The groups whose answers are encrypted and shown only to the agencies the SOP names. */
export const SENSITIVE_GROUPS: ReadonlySet<string> = new Set(['ASYLUM', 'TRAFFICKING', 'HEALTH', 'SGBV', 'TORTURE']);

/** DEFAULT_TEXT_LIMIT of the server's questionnaire. */
export const DEFAULT_TEXT_LIMIT = 4_000;

/** The text in the UI language (`sw-TZ` reads `sw`), else English. */
export const translated = (text: Translated, locale: string): string => text[locale] ?? text[locale.split('-')[0] ?? ''] ?? text.en;

/** The document has no schema for this route yet: it is read through the untyped path. */
interface UntypedGet {
  GET: (path: string, init?: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
}
export const untyped = (api: ApiClient): UntypedGet => api as unknown as UntypedGet;

export const questionnaireQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: ['questionnaire'],
    queryFn: () => unwrap<Questionnaire>(untyped(api).GET('/api/v1/questionnaire')),
    staleTime: 60 * 60_000,
  });

import { queryOptions } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { ApiClient, unwrap } from '../../api/client';

export type Questionnaire = components['schemas']['QuestionnaireDto'];
export type Question = components['schemas']['QuestionDto'];
type Translated = components['schemas']['TranslatedTextDto'];

/** GET /api/v1/questionnaire: the questions' prompts, option labels and group titles in the five UI languages. */
export const questionnaireQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: ['questionnaire'],
    queryFn: () => unwrap<Questionnaire>(api.GET('/api/v1/questionnaire')),
    staleTime: 60 * 60_000,
  });

/** A questionnaire text in the UI language, English when it has none. */
export function translated(text: Translated, locale: string): string {
  const language = locale.split('-')[0] as keyof Translated;
  return text[language] || text.en;
}

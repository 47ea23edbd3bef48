import { queryOptions } from '@tanstack/react-query';
import { ApiClient, unwrap } from '../../api/client';
import { COUNTRY_ALPHA2 } from '../../i18n/countries';
import { untyped } from './questionnaire';
import type { Option } from './components/fields';

/**
 * Languages offered in the pickers: every ISO 639-1 language the api accepts, and the region's languages
 * that only have an ISO 639-3 code (Luo, Kalenjin, Maasai, Nuer, Dinka, Tigre, Kunama, Saho, Bari, Zande).
 */
const LANGUAGE_CODES = (
  'aa ab af ak am ar as ay az be bg bm bn bo bs ca ce cs cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu ' +
  'ha he hi hr ht hu hy ia id ig ii is it ja jv ka kg ki kk km kn ko kr ks ku ky la lb lg ln lo lt lu lv mg mi mk ml mn mr ms mt my ' +
  'nb nd ne nl nn no nr ny om or pa pl ps pt qu rm rn ro ru rw sa sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ' +
  'ug uk ur uz ve vi wo xh yi yo zh zu luo kln mas nus din tig kun ssy bfa zne'
).split(' ');

const collator = (locale: string) => new Intl.Collator(locale);

function displayNames(locale: string, type: 'region' | 'language'): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type, fallback: 'none' });
  } catch {
    return undefined;
  }
}

/** Countries by their name in the UI language, valued by the alpha-3 code the api takes. */
export function countryOptions(locale: string): Option[] {
  const names = displayNames(locale, 'region');
  const compare = collator(locale);
  return [...COUNTRY_ALPHA2.entries()]
    .map(([alpha3, alpha2]) => ({ value: alpha3, label: names?.of(alpha2) ?? alpha3 }))
    .sort((a, b) => compare.compare(a.label, b.label));
}

/** Languages by their name in the UI language, valued by their ISO 639 code. */
export function languageOptions(locale: string): Option[] {
  const names = displayNames(locale, 'language');
  const compare = collator(locale);
  return LANGUAGE_CODES.map((code) => {
    let label: string | undefined;
    try {
      label = names?.of(code);
    } catch {
      label = undefined;
    }
    return { value: code, label: label && label !== code ? label : code };
  }).sort((a, b) => compare.compare(a.label, b.label));
}

/** GET /api/v1/leaflets: the rights leaflets, each language with its current version. */
export interface LeafletSummary {
  language: string;
  version: string;
  title: string;
  direction: 'ltr' | 'rtl';
}

export const leafletsQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: ['leaflets'],
    queryFn: () => unwrap<{ leaflets: LeafletSummary[] }>(untyped(api).GET('/api/v1/leaflets')),
    staleTime: 60 * 60_000,
    retry: false,
  });

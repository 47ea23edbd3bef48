import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import countries from 'i18n-iso-countries';
import { STATELESS, UNKNOWN_NATIONALITY } from '../intake.enums';

/** ISO 639-1 (two letters). Three-letter ISO 639-3 codes are accepted by shape: the region's many languages without a two-letter code (e.g. `kin` is `rw`, but `luo`, `kln`, `mas` have none). */
const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ' +
    'ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my ' +
    'na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ' +
    'ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

export function isLanguageCode(value: unknown): boolean {
  return typeof value === 'string' && (ISO_639_1.has(value) || /^[a-z]{3}$/.test(value));
}

export function isCountryCode(value: unknown): boolean {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value) && countries.isValid(value);
}

@ValidatorConstraint({ name: 'isNationality' })
export class IsNationality implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return value === STATELESS || value === UNKNOWN_NATIONALITY || isCountryCode(value);
  }
  defaultMessage(): string {
    return `$property must be an ISO 3166-1 alpha-3 country code (e.g. SOM), ${STATELESS} or ${UNKNOWN_NATIONALITY}`;
  }
}

@ValidatorConstraint({ name: 'isCountry' })
export class IsCountry implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCountryCode(value);
  }
  defaultMessage(): string {
    return '$property must be an ISO 3166-1 alpha-3 country code such as KEN';
  }
}

@ValidatorConstraint({ name: 'isLanguage' })
export class IsLanguage implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isLanguageCode(value);
  }
  defaultMessage(): string {
    return '$property must be an ISO 639 language code in lower case (e.g. so, sw, or a three-letter ISO 639-3 code)';
  }
}

/** YYYY-MM-DD that is a real calendar date. */
@ValidatorConstraint({ name: 'isCalendarDate' })
export class IsCalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }
  defaultMessage(): string {
    return '$property must be a calendar date written YYYY-MM-DD';
  }
}

/** An ISO 8601 date-time with a time zone (Z or an offset), e.g. 2026-11-26T08:30:00Z. */
@ValidatorConstraint({ name: 'isZonedDateTime' })
export class IsZonedDateTime implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return (
      typeof value === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
      !Number.isNaN(new Date(value).getTime())
    );
  }
  defaultMessage(): string {
    return '$property must be an ISO 8601 date-time with a time zone, e.g. 2026-11-26T08:30:00Z';
  }
}

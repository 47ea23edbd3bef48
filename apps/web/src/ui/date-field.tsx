import { CalendarDate, CalendarDateTime, parseDate, parseDateTime, parseTime, Time } from '@internationalized/date';
import { DateField as AriaDateField, DateInput, DateSegment, FieldError, Label, Text, TimeField as AriaTimeField } from 'react-aria-components';
import styles from './date-field.module.css';

/** A `YYYY-MM-DD` text as a calendar date; anything else (an empty or half-typed value) as none. */
export function isoToDate(value: string | undefined): CalendarDate | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/** A `YYYY-MM-DDTHH:mm` text (a datetime-local value, the user's own clock) as a date and time; anything else as none. */
export function isoToDateTime(value: string | undefined): CalendarDateTime | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  try {
    return parseDateTime(value);
  } catch {
    return null;
  }
}

/** A `HH:mm` text as a time of day; anything else as none. */
export function isoToTime(value: string | undefined): Time | null {
  if (!value || !/^\d{2}:\d{2}$/.test(value)) return null;
  const [hour, minute] = value.split(':').map(Number) as [number, number];
  if (hour > 23 || minute > 59) return null;
  try {
    return parseTime(value);
  } catch {
    return null;
  }
}

/** A date and time as `YYYY-MM-DDTHH:mm` (no seconds: what a datetime-local input gives). */
const minuteText = (value: CalendarDateTime): string => value.toString().slice(0, 16);
/** A time as `HH:mm`. */
const timeText = (value: Time): string => value.toString().slice(0, 5);

interface Common {
  label: string;
  id?: string;
  /** The form's name for the field: a Form's validationErrors (the api's 400) for this name show under it. */
  name?: string;
  description?: string;
  isRequired?: boolean;
  /** The field is wrong (the api named it): the field is marked invalid and `errorMessage` shows under it. */
  isInvalid?: boolean;
  errorMessage?: string;
  className?: string;
}

interface DateProps extends Common {
  /**
   * day (the default): `YYYY-MM-DD`; minute: `YYYY-MM-DDTHH:mm`, a date and a time of day on the user's own clock
   * (as a datetime-local input gives it), with the hours in the language's own cycle (24 h in French, 12 h in US English).
   */
  granularity?: 'day' | 'minute';
  /** The ISO text for the granularity, or '' for none. */
  value: string;
  /** The ISO text once the date (and time) is whole, '' when it is cleared or not whole yet. */
  onChange: (value: string) => void;
  /** The latest allowed, as ISO text of the same granularity (e.g. today, for something already done). */
  max?: string;
  min?: string;
}

function Bottom({ description, errorMessage }: { description?: string; errorMessage?: string }) {
  return (
    <>
      {description ? (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      ) : null}
      <FieldError className={styles.error}>{(validation) => errorMessage ?? validation.validationErrors.join(' ')}</FieldError>
    </>
  );
}

/**
 * A date (or a date and time) typed in the app's language and its order of day, month and year (the browser's own
 * date input follows the browser's locale instead: mm/dd/yyyy in an Arabic or French page). Forms get and give ISO text.
 */
export function DateField({ label, value, onChange, max, min, id, name, description, isRequired, isInvalid, errorMessage, className, granularity = 'day' }: DateProps) {
  const minute = granularity === 'minute';
  const read = minute ? isoToDateTime : isoToDate;
  return (
    <AriaDateField<CalendarDate | CalendarDateTime>
      id={id}
      name={name}
      value={read(value)}
      onChange={(date) => onChange(!date ? '' : date instanceof CalendarDateTime ? minuteText(date) : date.toString())}
      maxValue={read(max) ?? undefined}
      minValue={read(min) ?? undefined}
      granularity={granularity}
      // Out of range shows at once (a date after today for something done), not only when a form is submitted.
      validationBehavior="aria"
      isRequired={isRequired}
      isInvalid={isInvalid || undefined}
      className={[styles.field, className].filter(Boolean).join(' ')}
    >
      <Label className={styles.label}>{label}</Label>
      <DateInput className={styles.input}>{(segment) => <DateSegment segment={segment} className={styles.segment} />}</DateInput>
      <Bottom description={description} errorMessage={errorMessage} />
    </AriaDateField>
  );
}

interface TimeProps extends Common {
  /** `HH:mm`, or '' for none. */
  value: string;
  /** `HH:mm` once hours and minutes are both typed, '' when cleared or not whole yet. */
  onChange: (value: string) => void;
}

/** A time of day (hours and minutes) in the app's language and its hour cycle; forms get and give `HH:mm`. */
export function TimeField({ label, value, onChange, id, name, description, isRequired, isInvalid, errorMessage, className }: TimeProps) {
  return (
    <AriaTimeField
      id={id}
      name={name}
      value={isoToTime(value)}
      onChange={(time) => onChange(time ? timeText(time) : '')}
      granularity="minute"
      validationBehavior="aria"
      isRequired={isRequired}
      isInvalid={isInvalid || undefined}
      className={[styles.field, className].filter(Boolean).join(' ')}
    >
      <Label className={styles.label}>{label}</Label>
      <DateInput className={`${styles.input} ${styles.time}`}>{(segment) => <DateSegment segment={segment} className={styles.segment} />}</DateInput>
      <Bottom description={description} errorMessage={errorMessage} />
    </AriaTimeField>
  );
}

import { CalendarDate, parseDate } from '@internationalized/date';
import { DateField as AriaDateField, DateInput, DateSegment, FieldError, Label, Text } from 'react-aria-components';
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

interface Props {
  label: string;
  /** `YYYY-MM-DD`, or '' for none. */
  value: string;
  /** `YYYY-MM-DD` once the date is whole, '' when it is cleared or not whole yet. */
  onChange: (value: string) => void;
  /** `YYYY-MM-DD`: the latest date allowed (e.g. today, for something already done). */
  max?: string;
  min?: string;
  id?: string;
  description?: string;
  isRequired?: boolean;
  className?: string;
}

/**
 * A date typed in the app's language and its order of day, month and year (the browser's own date input follows
 * the browser's locale instead: mm/dd/yyyy in an Arabic or French page). Forms get and give ISO `YYYY-MM-DD`.
 */
export function DateField({ label, value, onChange, max, min, id, description, isRequired, className }: Props) {
  return (
    <AriaDateField
      id={id}
      value={isoToDate(value)}
      onChange={(date) => onChange(date ? date.toString() : '')}
      maxValue={isoToDate(max) ?? undefined}
      minValue={isoToDate(min) ?? undefined}
      granularity="day"
      // Out of range shows at once (a date after today for something done), not only when a form is submitted.
      validationBehavior="aria"
      isRequired={isRequired}
      className={[styles.field, className].filter(Boolean).join(' ')}
    >
      <Label className={styles.label}>{label}</Label>
      <DateInput className={styles.input}>{(segment) => <DateSegment segment={segment} className={styles.segment} />}</DateInput>
      {description ? (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      ) : null}
      <FieldError className={styles.error} />
    </AriaDateField>
  );
}

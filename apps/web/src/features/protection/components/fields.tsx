import { ReactNode, useId } from 'react';
import { DateField } from '../../../ui/date-field';
import styles from './record-card.module.css';

interface InputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  required?: boolean;
  wide?: boolean;
  maxLength?: number;
}

/** A labelled native input (a date is a DayField instead). */
export function InputField({ label, value, onChange, hint, required, wide, maxLength, type = 'text', min, max }: InputProps & { type?: 'text' | 'number'; min?: number; max?: number }) {
  const id = useId();
  return (
    <div className={`${styles.field} ${wide ? styles.wide : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={styles.input}
        type={type}
        value={value}
        required={required}
        maxLength={maxLength}
        min={min}
        max={max}
        autoComplete="off"
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** A date (`YYYY-MM-DD`) typed in the UI language's order and digits, in a record card's form. */
export function DayField({ label, value, onChange, hint, required, min, max }: Omit<InputProps, 'wide' | 'maxLength'> & { min?: string; max?: string }) {
  return <DateField className={styles.field} label={label} value={value} onChange={onChange} description={hint} isRequired={required} min={min} max={max} />;
}

export function TextAreaField({ label, value, onChange, hint, required, maxLength }: InputProps) {
  const id = useId();
  return (
    <div className={`${styles.field} ${styles.wide}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className={styles.input}
        value={value}
        rows={3}
        required={required}
        maxLength={maxLength}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

export function SelectField({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className={styles.input} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}

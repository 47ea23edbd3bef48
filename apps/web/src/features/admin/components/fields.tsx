import { ReactNode, useId } from 'react';
import { useIntl } from 'react-intl';
import type { ProblemKey } from '../admin-forms';
import { PASSWORD_MIN } from '../admin-forms';
import { adminMessages } from '../messages';
import styles from './admin.module.css';

const PROBLEM_MESSAGES = {
  required: adminMessages.problemRequired,
  tooShort: adminMessages.problemTooShort,
  usernameFormat: adminMessages.problemUsernameFormat,
  passwordShort: adminMessages.problemPasswordShort,
  rolesRequired: adminMessages.problemRolesRequired,
  codeFormat: adminMessages.problemCodeFormat,
  countryFormat: adminMessages.problemCountryFormat,
  capacityFormat: adminMessages.problemCapacityFormat,
  languageFormat: adminMessages.problemLanguageFormat,
  emailFormat: adminMessages.problemEmailFormat,
} as const;

/** A form check's problem in words (for TextField's errorMessage and the fields below). */
export function useProblemText(): (problem: ProblemKey | undefined) => string | undefined {
  const intl = useIntl();
  return (problem) => (problem ? intl.formatMessage(PROBLEM_MESSAGES[problem], { min: PASSWORD_MIN }) : undefined);
}

/** A labelled native select (light, and right to left by itself). */
export function SelectField({
  label,
  value,
  onChange,
  placeholder,
  options,
  problem,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  options: { value: string; label: string }[];
  problem?: string;
}) {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select
        id={id}
        className={styles.select}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
      >
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {problem ? (
        <p id={`${id}-problem`} className={styles.problem}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** Checkboxes in a fieldset: roles, services, border points. */
export function CheckGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
  problem,
}: {
  legend: string;
  options: { value: T; label: ReactNode }[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  problem?: string;
}) {
  const id = useId();
  return (
    <fieldset className={styles.fieldset} aria-describedby={problem ? `${id}-problem` : undefined}>
      <legend>{legend}</legend>
      <div className={styles.checks}>
        {options.map((option) => (
          <label key={option.value} className={styles.check}>
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) => onChange(event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value))}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {problem ? (
        <p id={`${id}-problem`} className={styles.problem}>
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A single checkbox (active or not). */
export function CheckField({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className={styles.check}>
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

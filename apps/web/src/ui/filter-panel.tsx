import { ReactNode, useId, useState } from 'react';
import { Button } from './button';
import { ChevronDown } from './icons';
import styles from './filter-panel.module.css';

interface Props {
  /** The group's accessible name, when the page has more than one group of controls. */
  label?: string;
  /** The fold button's words on a narrow screen, e.g. "Filters (2)". */
  toggle: string;
  /** How many filters are on: "Clear filters" is offered when any is. */
  count: number;
  clear: string;
  onClear: () => void;
  /** The fields, given an id prefix unique to this panel for their labels. */
  children: (id: string) => ReactNode;
}

/**
 * A list's filters: a row of fields on a wide screen; on a narrow one they fold behind a button that says how
 * many are on. The fields use the panel's `field`, `select`, `checks` and `check` styles.
 */
export function FilterPanel({ label, toggle, count, clear, onClear, children }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.filters} role={label ? 'group' : undefined} aria-label={label}>
      <button type="button" className={styles.toggle} aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
        {toggle}
        <ChevronDown />
      </button>
      <div id={`${id}-panel`} className={styles.panel} data-open={open}>
        {children(id)}
        {count > 0 ? (
          <Button variant="quiet" className={styles.clear} onPress={onClear}>
            {clear}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** The filters with a change applied; a filter set to undefined is taken out (so the URL carries only those on). */
export function withChange<T extends object>(filters: T, change: Partial<T>): T {
  const next = { ...filters, ...change };
  for (const key of Object.keys(next) as (keyof T)[]) if (next[key] === undefined) delete next[key];
  return next;
}

interface SelectProps<T extends string> {
  id: string;
  label: string;
  value: string | undefined;
  /** The first choice, which sets no filter ("All statuses"). */
  all: string;
  options: readonly { value: T; label: string }[];
  /** The chosen option's value, or undefined for the first choice (or a value that is none of the options). */
  onChange: (value: T | undefined) => void;
}

/** One filter as a labelled choice among the options, the first of which filters nothing. */
export function FilterSelect<T extends string>({ id, label, value, all, options, onChange }: SelectProps<T>) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className={styles.select} value={value ?? ''} onChange={(event) => onChange(options.find((option) => option.value === event.target.value)?.value)}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One on/off filter, in the panel's row of checks. */
export function FilterCheck({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className={styles.check}>
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

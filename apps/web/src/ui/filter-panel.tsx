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

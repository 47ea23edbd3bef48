import { Link, LinkProps } from '@tanstack/react-router';
import { ReactNode } from 'react';
import styles from './bar-table.module.css';

export interface BarRow {
  key: string;
  label: ReactNode;
  /** The label as plain text: it completes the number link's accessible name ("3 Open"). */
  labelText: string;
  value: number;
  /** The list behind the number; none: the number stands alone. */
  to?: LinkProps;
  tone?: 'danger' | 'neutral';
}

interface Props {
  caption: string;
  labelHeader: string;
  valueHeader: string;
  rows: BarRow[];
  empty: string;
}

/**
 * A bar chart that is its own table: each row's label, a bar drawn in CSS (hidden from assistive
 * technology: the number says it) and the number as a link to the list behind it.
 */
export function BarTable({ caption, labelHeader, valueHeader, rows, empty }: Props) {
  const max = Math.max(1, ...rows.map((row) => row.value));
  return (
    <figure className={styles.chart}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col" className={styles.valueHead}>
              {valueHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={2} className={styles.empty}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className={styles.label}>
                  {row.label}
                </th>
                <td className={styles.valueCell}>
                  <div className={styles.valueRow}>
                    <span className={styles.track} aria-hidden="true">
                      <span className={styles.bar} data-tone={row.tone ?? 'neutral'} style={{ inlineSize: `${(row.value / max) * 100}%` }} />
                    </span>
                    <Count row={row} />
                  </div>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </figure>
  );
}

/** A number, a link when a list stands behind it. */
export function Count({ row, className }: { row: Pick<BarRow, 'value' | 'labelText' | 'to'>; className?: string }) {
  const text = (
    <>
      {row.value}
      <span className={styles.hidden}> {row.labelText}</span>
    </>
  );
  return row.to ? (
    <Link {...row.to} className={`${styles.number} ${styles.link} ${className ?? ''}`}>
      {text}
    </Link>
  ) : (
    <span className={`${styles.number} ${className ?? ''}`}>{text}</span>
  );
}

import { KeyboardEvent, useRef, useSyncExternalStore } from 'react';
import { useIntl } from 'react-intl';
import { westernDigits } from '../../cases/cases-api';
import { Country, emptyRow, FLAG_KEYS, SEXES, isBlank, resolveNationality, Row, RowProblem, rowProblems, SEX_KEYS, URGENT_FLAGS } from '../mass-arrival';
import { massArrivalMessages as m } from '../messages';
import styles from './arrival-grid.module.css';

interface Props {
  rows: Row[];
  onChange: (rows: Row[]) => void;
  countries: readonly Country[];
  /** Mark the cells a filled row still lacks (after a first try to send). */
  showProblems: boolean;
}

/** The rows with a blank one at the end, so that typing always has a next row to move to. */
export function withTrailingRow(rows: Row[]): Row[] {
  const last = rows[rows.length - 1];
  return last && isBlank(last) ? rows : [...rows, emptyRow()];
}

/** A phone's width (the grid's cards, in its stylesheet, start at the same width). */
const NARROW = '(max-width: 40rem)';

/** Whether the screen is phone-narrow, following rotation and resizing (a browser without matchMedia is wide). */
function useNarrow(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const query = window.matchMedia(NARROW);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => typeof window.matchMedia === 'function' && window.matchMedia(NARROW).matches,
  );
}

/**
 * The keyboard grid of a mass arrival: one row per person (name or description, sex, approximate age,
 * nationality, urgent flags). Tab and Enter move to the next cell; single keys set the sex and the flags;
 * the nationality takes a code or the start of a country's name.
 */
export function ArrivalGrid({ rows, onChange, countries, showProblems }: Props) {
  const intl = useIntl();
  const table = useRef<HTMLTableElement>(null);
  // A phone offers its choices to tap (a list for the sex, a toggle per flag) instead of the single-key cells.
  const narrow = useNarrow();
  const words = { stateless: intl.formatMessage(m.stateless), unknown: intl.formatMessage(m.unknownNationality) };
  const byCode = new Map(countries.map((country) => [country.code, country.name]));

  const update = (index: number, patch: Partial<Row>) => {
    const next = rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
    onChange(withTrailingRow(next));
  };

  /** Enter moves on like Tab (a new row is always there at the end). */
  const moveOn = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return false;
    event.preventDefault();
    const cells = [...(table.current?.querySelectorAll<HTMLInputElement>('[data-cell]') ?? [])];
    const at = cells.indexOf(event.currentTarget);
    event.currentTarget.blur();
    cells[at + 1]?.focus();
    return true;
  };

  const nationalityName = (code: string | null): string =>
    code === null
      ? intl.formatMessage(m.noMatch)
      : code === 'STATELESS'
        ? words.stateless
        : code === 'UNKNOWN'
          ? words.unknown
          : `${byCode.get(code) ?? code} (${code})`;

  return (
    <table ref={table} className={styles.grid}>
      <caption className={styles.caption}>{intl.formatMessage(m.persons)}</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.numberHead}>
            {intl.formatMessage(m.colNumber)}
          </th>
          <th scope="col">{intl.formatMessage(m.colName)}</th>
          <th scope="col">{intl.formatMessage(m.colSex)}</th>
          <th scope="col">{intl.formatMessage(m.colAge)}</th>
          <th scope="col">{intl.formatMessage(m.colNationality)}</th>
          <th scope="col">{intl.formatMessage(m.colFlags)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const number = index + 1;
          const code = resolveNationality(row.nationality, countries, words);
          const problems: RowProblem[] = showProblems ? rowProblems(row, code) : [];
          const invalid = (problem: RowProblem) => (problems.includes(problem) ? true : undefined);
          return (
            <tr key={row.key} className={problems.length > 0 ? styles.rowInvalid : undefined}>
              <th scope="row" className={styles.number}>
                {intl.formatNumber(number)}
              </th>
              <td className={styles.cellName}>
                <div className={styles.nameBox}>
                {row.described ? <span className={styles.tag}>{intl.formatMessage(m.describedTag)}</span> : null}
                <input
                  data-cell
                  className={styles.input}
                  aria-label={intl.formatMessage(row.described ? m.cellDescription : m.cellName, { row: number })}
                  aria-invalid={invalid('name')}
                  autoComplete="off"
                  spellCheck={false}
                  dir="auto"
                  value={row.text}
                  maxLength={row.described ? 300 : 200}
                  onChange={(event) => update(index, { text: event.target.value })}
                  onKeyDown={(event) => {
                    if (event.altKey && event.code === 'KeyN') {
                      event.preventDefault();
                      update(index, { described: !row.described });
                      return;
                    }
                    moveOn(event);
                  }}
                />
                </div>
              </td>
              <td className={styles.cellSex}>
                {narrow ? (
                  <span className={styles.cardLabel} aria-hidden>
                    {intl.formatMessage(m.colSex)}
                  </span>
                ) : null}
                {narrow ? (
                  <select
                    data-cell
                    className={styles.input}
                    aria-label={intl.formatMessage(m.cellSex, { row: number })}
                    aria-invalid={invalid('sex')}
                    value={row.sex ?? ''}
                    onChange={(event) => update(index, { sex: (event.target.value || null) as Row['sex'] })}
                  >
                    <option value="" />
                    {SEXES.map((sex) => (
                      <option key={sex} value={sex}>
                        {intl.formatMessage(m[`sex${sex}`])}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    data-cell
                    readOnly
                    className={`${styles.input} ${styles.keyInput}`}
                    aria-label={intl.formatMessage(m.cellSex, { row: number })}
                    aria-invalid={invalid('sex')}
                    value={row.sex ? intl.formatMessage(m[`sex${row.sex}`]) : ''}
                    onKeyDown={(event) => {
                      if (moveOn(event) || event.ctrlKey || event.metaKey || event.altKey) return;
                      const sex = SEX_KEYS[event.code];
                      if (sex) {
                        event.preventDefault();
                        update(index, { sex });
                      } else if (event.key === 'Backspace' || event.key === 'Delete') {
                        event.preventDefault();
                        update(index, { sex: null });
                      }
                    }}
                  />
                )}
              </td>
              <td className={styles.cellAge}>
                {narrow ? (
                  <span className={styles.cardLabel} aria-hidden>
                    {intl.formatMessage(m.colAge)}
                  </span>
                ) : null}
                <input
                  data-cell
                  className={styles.input}
                  inputMode="numeric"
                  aria-label={intl.formatMessage(m.cellAge, { row: number })}
                  aria-invalid={invalid('age')}
                  autoComplete="off"
                  value={row.age}
                  maxLength={3}
                  onChange={(event) => update(index, { age: westernDigits(event.target.value).replace(/\D/g, '') })}
                  onKeyDown={moveOn}
                />
              </td>
              <td className={styles.cellNationality}>
                {narrow ? (
                  <span className={styles.cardLabel} aria-hidden>
                    {intl.formatMessage(m.colNationality)}
                  </span>
                ) : null}
                <input
                  data-cell
                  className={styles.input}
                  aria-label={intl.formatMessage(m.cellNationality, { row: number })}
                  aria-invalid={invalid('nationality')}
                  aria-describedby={`nationality-${row.key}`}
                  autoComplete="off"
                  spellCheck={false}
                  value={row.nationality}
                  maxLength={60}
                  onChange={(event) => update(index, { nationality: event.target.value })}
                  onBlur={() => {
                    if (code && row.nationality.trim() !== '' && row.nationality !== code) update(index, { nationality: code });
                  }}
                  onKeyDown={moveOn}
                />
                <span id={`nationality-${row.key}`} className={code === null ? styles.noMatch : styles.resolved}>
                  {row.nationality.trim() === '' && isBlank(row) ? '' : nationalityName(code)}
                </span>
              </td>
              <td className={styles.cellFlags}>
                {narrow ? (
                  <span className={styles.cardLabel} aria-hidden>
                    {intl.formatMessage(m.colFlags)}
                  </span>
                ) : null}
                {narrow ? (
                  <div role="group" aria-label={intl.formatMessage(m.cellFlags, { row: number })} className={styles.flagToggles}>
                    {URGENT_FLAGS.map((flag) => (
                      <button
                        key={flag}
                        type="button"
                        aria-pressed={row.flags.includes(flag)}
                        className={styles.flagToggle}
                        onClick={() =>
                          update(index, { flags: row.flags.includes(flag) ? row.flags.filter((f) => f !== flag) : URGENT_FLAGS.filter((f) => f === flag || row.flags.includes(f)) })
                        }
                      >
                        {intl.formatMessage(m[`flag${flag}`])}
                      </button>
                    ))}
                  </div>
                ) : (
                  <input
                    data-cell
                    readOnly
                    className={`${styles.input} ${styles.keyInput} ${row.flags.length > 0 ? styles.flagged : ''}`}
                    aria-label={intl.formatMessage(m.cellFlags, { row: number })}
                    value={row.flags.length > 0 ? row.flags.map((flag) => intl.formatMessage(m[`flag${flag}`])).join(', ') : ''}
                    placeholder={intl.formatMessage(m.noFlags)}
                    onKeyDown={(event) => {
                      if (moveOn(event) || event.ctrlKey || event.metaKey || event.altKey) return;
                      const flag = FLAG_KEYS[event.code] ?? FLAG_KEYS[`Digit${westernDigits(event.key)}`];
                      if (flag) {
                        event.preventDefault();
                        const flags = row.flags.includes(flag) ? row.flags.filter((f) => f !== flag) : URGENT_FLAGS.filter((f) => f === flag || row.flags.includes(f));
                        update(index, { flags });
                      } else if (event.key === 'Backspace' || event.key === 'Delete') {
                        event.preventDefault();
                        update(index, { flags: [] });
                      }
                    }}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

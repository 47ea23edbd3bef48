import { useIntl } from 'react-intl';
import { Button } from '../../../ui/button';
import { offlineMessages } from '../messages';
import type { OutboxItem } from '../outbox';
import styles from './conflict-review.module.css';

/** Leaf paths of a JSON value and their values as text: `persons[0].givenName` → `Amina`. */
export function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value) && value.every((entry) => entry === null || typeof entry !== 'object')) {
    if (prefix) into.set(prefix, value.join(', '));
  } else if (Array.isArray(value)) {
    value.forEach((entry, index) => flatten(entry, `${prefix}[${index}]`, into));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) flatten(entry, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix && value !== undefined && value !== null) {
    into.set(prefix, String(value));
  }
  return into;
}

/** The rows of the review: every field either version has, in a stable order, with whether they differ. */
export function compareVersions(theirs: unknown, mine: unknown): { path: string; theirs: string | undefined; mine: string | undefined; differs: boolean }[] {
  const left = flatten(theirs);
  const right = flatten(mine);
  const paths = [...new Set([...right.keys(), ...left.keys()])];
  return paths.map((path) => ({ path, theirs: left.get(path), mine: right.get(path), differs: left.get(path) !== right.get(path) }));
}

interface Props {
  item: OutboxItem;
  /** The server's version in the same shape as `mine`; null when the server cannot show it; undefined while loading. */
  theirs: unknown;
  mine: unknown;
  onKeepServer: () => void;
  onSendMine: () => void;
  onEdit?: () => void;
  busy?: boolean;
}

/**
 * A 409 from the api, side by side: the server's version and the user's, field by field, with the fields
 * that differ marked (in words as well as colour). The user keeps the server's, sends theirs (on the new
 * version, or as a new registration), or edits theirs.
 */
export function ConflictReview({ item, theirs, mine, onKeepServer, onSendMine, onEdit, busy = false }: Props) {
  const intl = useIntl();
  const versionConflict = item.kind === 'completion';
  const rows = theirs === undefined ? [] : compareVersions(theirs ?? {}, mine);
  const differing = rows.filter((row) => row.differs).length;
  const titleId = `conflict-${item.id}`;
  const empty = <span className={styles.empty}>{intl.formatMessage(offlineMessages.empty)}</span>;
  return (
    <section className={styles.review} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.title}>
        {intl.formatMessage(offlineMessages.conflictTitle)}
      </h2>
      <p>{intl.formatMessage(versionConflict ? offlineMessages.conflictVersion : offlineMessages.conflictId)}</p>
      {theirs === undefined ? (
        <p role="status">{intl.formatMessage(offlineMessages.loading)}</p>
      ) : (
        <>
          {theirs === null ? <p className={styles.note}>{intl.formatMessage(offlineMessages.notShown)}</p> : null}
          <p role="status" className={styles.count}>
            {intl.formatMessage(offlineMessages.differences, { count: differing })}
          </p>
          <div className={styles.scroll}>
            <table className={styles.table}>
              <caption className={styles.caption}>{intl.formatMessage(offlineMessages.conflictTable)}</caption>
              <thead>
                <tr>
                  <th scope="col">{intl.formatMessage(offlineMessages.field)}</th>
                  <th scope="col">{intl.formatMessage(offlineMessages.server)}</th>
                  <th scope="col">{intl.formatMessage(offlineMessages.mine)}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.path} className={row.differs ? styles.differs : undefined} data-differs={row.differs || undefined}>
                    <th scope="row">
                      <bdi className={styles.path}>{row.path}</bdi>
                      {row.differs ? <span className={styles.mark}>{intl.formatMessage(offlineMessages.differs)}</span> : null}
                    </th>
                    <td>{row.theirs === undefined ? empty : <bdi>{row.theirs}</bdi>}</td>
                    <td>{row.mine === undefined ? empty : <bdi>{row.mine}</bdi>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className={styles.actions}>
        <Button variant="secondary" onPress={onKeepServer} isDisabled={busy}>
          {intl.formatMessage(offlineMessages.keepServer)}
        </Button>
        <Button onPress={onSendMine} isDisabled={busy || theirs === undefined}>
          {intl.formatMessage(versionConflict ? offlineMessages.sendMine : offlineMessages.sendMineNew)}
        </Button>
        {onEdit ? (
          <Button variant="quiet" onPress={onEdit} isDisabled={busy}>
            {intl.formatMessage(offlineMessages.edit)}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

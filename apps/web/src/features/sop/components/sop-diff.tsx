import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { IntlShape, useIntl } from 'react-intl';
import { ApiClient } from '../../../api/client';
import { ApiError } from '../../../api/api-error';
import { describeError } from '../../../i18n/error-messages';
import { nameOf } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { StatusChip } from '../../../ui/status-chip';
import { groupChanges, readDuration } from '../diff-format';
import { describePath } from '../path-messages';
import { BreakableAtDots } from './breakable-at-dots';
import { sopMessages, sopStatusMessages } from '../messages';
import { SopChange, sopDiffQuery, SopSummary, SopVersion } from '../sop-api';
import section from './sop-section.module.css';
import styles from './sop-diff.module.css';

const TONE = { ADDED: 'success', REMOVED: 'danger', CHANGED: 'warning' } as const;

/** A value as the diff shows it: a duration also in words ("PT8H · 8 hours"), other values as compact JSON. */
export function shownValue(intl: IntlShape, value: unknown): string {
  if (typeof value === 'string') {
    const duration = readDuration(value);
    if (duration) {
      const words = [
        duration.days ? intl.formatMessage(sopMessages.days, { count: duration.days }) : null,
        duration.hours ? intl.formatMessage(sopMessages.hours, { count: duration.hours }) : null,
      ].filter((part): part is string => part !== null);
      return words.length > 0 ? `${value} · ${intl.formatList(words)}` : value;
    }
    return value;
  }
  const text = JSON.stringify(value) ?? '';
  return text.length > 400 ? `${text.slice(0, 399)}…` : text;
}

function Change({ change }: { change: SopChange }) {
  const intl = useIntl();
  return (
    <li className={`${styles.change} ${styles[change.change]}`}>
      <div className={styles.changeHead}>
        <StatusChip tone={TONE[change.change]}>{intl.formatMessage(sopMessages[change.change])}</StatusChip>
        <span className={styles.pathBlock}>
          <span className={styles.pathLabel}>{describePath(intl, change.path)}</span>
          <code className={styles.path} dir="ltr">
            <BreakableAtDots text={change.path} />
          </code>
        </span>
      </div>
      <dl className={styles.values}>
        {change.change !== 'ADDED' ? (
          <div className={styles.before}>
            <dt>{intl.formatMessage(sopMessages.before)}</dt>
            <dd>
              <code dir="ltr">{shownValue(intl, change.before)}</code>
            </dd>
          </div>
        ) : null}
        {change.change !== 'REMOVED' ? (
          <div className={styles.after}>
            <dt>{intl.formatMessage(sopMessages.after)}</dt>
            <dd>
              <code dir="ltr">{shownValue(intl, change.after)}</code>
            </dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

/** What this version changes against the active one (or another version chosen), by section, in words and colours. */
export function SopDiffView({ api, version, others }: { api: ApiClient; version: SopVersion; others: readonly SopSummary[] }) {
  const intl = useIntl();
  const id = useId();
  const [against, setAgainst] = useState<string>('');
  const diff = useQuery(sopDiffQuery(api, version.id, against || undefined));
  const noActive = diff.error instanceof ApiError && diff.error.code === 'SOP.NO_ACTIVE_VERSION';
  return (
    <section aria-labelledby="sop-diff" className={section.section}>
      <div className={styles.head}>
        <h2 id="sop-diff">{intl.formatMessage(sopMessages.diffTitle)}</h2>
        <div className={styles.compare}>
          <label htmlFor={`${id}-against`}>{intl.formatMessage(sopMessages.compareWith)}</label>
          <select id={`${id}-against`} className={styles.select} value={against} onChange={(event) => setAgainst(event.target.value)}>
            <option value="">{intl.formatMessage(sopMessages.activeVersionOption)}</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {intl.formatMessage(sopMessages.versionOption, { label: `\u2068${other.label}\u2069`, status: nameOf(intl, sopStatusMessages, other.status) })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {noActive ? <Alert tone="info">{intl.formatMessage(sopMessages.noActive)}</Alert> : null}
      {diff.isError && !noActive ? (
        <Alert>
          {intl.formatMessage(sopMessages.diffFailed)} {describeError(intl, diff.error)}
        </Alert>
      ) : null}
      {diff.data ? <Changes from={diff.data.from.label} to={diff.data.to.label} changes={diff.data.changes} /> : null}
    </section>
  );
}

function Changes({ from, to, changes }: { from: string; to: string; changes: SopChange[] }) {
  const intl = useIntl();
  const count = (kind: SopChange['change']) => changes.filter((c) => c.change === kind).length;
  return (
    <>
      <p>
        {intl.formatMessage(sopMessages.diffSummary, {
          from: (
            <bdi key="from" dir="ltr" className={styles.versionLabel}>
              {from}
            </bdi>
          ),
          to: (
            <bdi key="to" dir="ltr" className={styles.versionLabel}>
              {to}
            </bdi>
          ),
          count: changes.length,
        })}
        {changes.length > 0 ? (
          <>
            {' '}
            <span className={section.muted}>{intl.formatMessage(sopMessages.diffCounts, { added: count('ADDED'), removed: count('REMOVED'), changed: count('CHANGED') })}</span>
          </>
        ) : null}
      </p>
      {groupChanges(changes).map(([name, entries]) => (
        <div key={name} className={styles.group}>
          <h3 className={styles.groupTitle}>
            {describePath(intl, name)}
            <code dir="ltr" className={styles.groupCode}>
              {name}
            </code>
          </h3>
          <ul className={styles.list}>
            {entries.map((change) => (
              <Change key={`${change.change}-${change.path}`} change={change} />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

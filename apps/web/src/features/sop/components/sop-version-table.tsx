import { Link } from '@tanstack/react-router';
import { useIntl } from 'react-intl';
import { DATE_TIME } from '../../../i18n/due-time';
import { nameOf } from '../../../i18n/vocabulary';
import { StatusChip } from '../../../ui/status-chip';
import { sopMessages, sopStatusMessages } from '../messages';
import { SopSummary } from '../sop-api';
import { sopTone } from './sop-status';
import styles from './sop-version-table.module.css';

/** The versions as a dense table (cards on a narrow screen): label and title, status, effective date, approvals. */
export function SopVersionTable({ versions }: { versions: readonly SopSummary[] }) {
  const intl = useIntl();
  const col = {
    version: intl.formatMessage(sopMessages.colVersion),
    status: intl.formatMessage(sopMessages.colStatus),
    effective: intl.formatMessage(sopMessages.colEffective),
    approvals: intl.formatMessage(sopMessages.colApprovals),
    created: intl.formatMessage(sopMessages.colCreated),
  };
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th scope="col">{col.version}</th>
          <th scope="col">{col.status}</th>
          <th scope="col">{col.effective}</th>
          <th scope="col">{col.approvals}</th>
          <th scope="col">{col.created}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((version) => (
          <tr key={version.id}>
            <td data-label={col.version}>
              <div className={styles.versionCell}>
                <Link to="/sops/$sopId" params={{ sopId: version.id }} className={styles.label}>
                  <bdi>{version.label}</bdi>
                </Link>
                {version.title ? (
                  <span className={styles.title}>
                    <bdi>{version.title}</bdi>
                  </span>
                ) : null}
              </div>
            </td>
            <td data-label={col.status}>
              <StatusChip tone={sopTone(version.status)}>{nameOf(intl, sopStatusMessages, version.status)}</StatusChip>
            </td>
            <td data-label={col.effective}>
              {version.effectiveFrom ? intl.formatDate(version.effectiveFrom, { dateStyle: 'medium', timeZone: 'UTC' }) : intl.formatMessage(sopMessages.notSet)}
            </td>
            <td data-label={col.approvals}>
              <StatusChip tone={version.approvals.complete ? 'success' : version.status === 'DRAFT' ? 'warning' : 'neutral'}>
                {intl.formatMessage(sopMessages.approvalsCount, { approved: version.approvals.approved.length, total: version.signatories.length })}
              </StatusChip>
            </td>
            <td data-label={col.created} className={styles.nowrap}>
              {intl.formatDate(version.createdAt, DATE_TIME)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useIntl } from 'react-intl';
import { nameOf, profileMessages, referralStatusMessages } from '../../../i18n/vocabulary';
import { FilterPanel, withChange } from '../../../ui/filter-panel';
import { activeInboxFilterCount, INBOX_PROFILES, INBOX_STATUSES, InboxFilters as Filters } from '../inbox-filters';
import { inboxMessages } from '../messages';
import styles from '../../../ui/filter-panel.module.css';

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** Every border point, by name. */
  borderPoints: readonly { id: string; name: string }[];
}

/**
 * The inbox filters: status, profile, border point, overdue only. On a narrow screen they fold behind a
 * "Filters (n)" button that says how many are on.
 */
export function InboxFilters({ filters, onChange, borderPoints }: Props) {
  const intl = useIntl();
  const count = activeInboxFilterCount(filters);
  const set = (change: Partial<Filters>) => onChange(withChange(filters, change));

  return (
    <FilterPanel
      label={intl.formatMessage(inboxMessages.filtersLabel)}
      toggle={intl.formatMessage(inboxMessages.filtersToggle, { count })}
      count={count}
      clear={intl.formatMessage(inboxMessages.filterClear)}
      onClear={() => onChange({})}
    >
      {(id) => (
        <>
          <div className={styles.field}>
            <label htmlFor={`${id}-status`}>{intl.formatMessage(inboxMessages.filterStatus)}</label>
            <select
              id={`${id}-status`}
              className={styles.select}
              value={filters.status ?? ''}
              onChange={(event) => set({ status: (INBOX_STATUSES as readonly string[]).includes(event.target.value) ? (event.target.value as Filters['status']) : undefined })}
            >
              <option value="">{intl.formatMessage(inboxMessages.filterAllOpen)}</option>
              {INBOX_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {status === 'PENDING' ? intl.formatMessage(inboxMessages.statusPending) : nameOf(intl, referralStatusMessages, status)}
                </option>
              ))}
            </select>
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-profile`}>{intl.formatMessage(inboxMessages.filterProfile)}</label>
            <select id={`${id}-profile`} className={styles.select} value={filters.profile ?? ''} onChange={(event) => set({ profile: event.target.value || undefined })}>
              <option value="">{intl.formatMessage(inboxMessages.filterAllProfiles)}</option>
              {INBOX_PROFILES.map((profile) => (
                <option key={profile} value={profile}>
                  {nameOf(intl, profileMessages, profile)}
                </option>
              ))}
            </select>
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-point`}>{intl.formatMessage(inboxMessages.filterBorderPoint)}</label>
            <select id={`${id}-point`} className={styles.select} value={filters.borderPoint ?? ''} onChange={(event) => set({ borderPoint: event.target.value || undefined })}>
              <option value="">{intl.formatMessage(inboxMessages.filterAllBorderPoints)}</option>
              {borderPoints.map((point) => (
                <option key={point.id} value={point.id}>
                  {point.name}
                </option>
              ))}
            </select>
          </div>
          <div className={styles.checks}>
            <label className={styles.check}>
              <input type="checkbox" checked={filters.overdue === true} onChange={(event) => set({ overdue: event.target.checked ? true : undefined })} />
              {intl.formatMessage(inboxMessages.filterOverdue)}
            </label>
          </div>
        </>
      )}
    </FilterPanel>
  );
}

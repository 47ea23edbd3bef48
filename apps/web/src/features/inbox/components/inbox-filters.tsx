import { useIntl } from 'react-intl';
import { nameOf, profileMessages, referralStatusMessages } from '../../../i18n/vocabulary';
import { FilterCheck, FilterPanel, FilterSelect, withChange } from '../../../ui/filter-panel';
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
          <FilterSelect
            id={`${id}-status`}
            label={intl.formatMessage(inboxMessages.filterStatus)}
            value={filters.status}
            all={intl.formatMessage(inboxMessages.filterAllOpen)}
            options={INBOX_STATUSES.map((status) => ({
              value: status,
              label: status === 'PENDING' ? intl.formatMessage(inboxMessages.statusPending) : nameOf(intl, referralStatusMessages, status),
            }))}
            onChange={(status) => set({ status })}
          />
          <FilterSelect
            id={`${id}-profile`}
            label={intl.formatMessage(inboxMessages.filterProfile)}
            value={filters.profile}
            all={intl.formatMessage(inboxMessages.filterAllProfiles)}
            options={INBOX_PROFILES.map((profile) => ({ value: profile, label: nameOf(intl, profileMessages, profile) }))}
            onChange={(profile) => set({ profile })}
          />
          <FilterSelect
            id={`${id}-point`}
            label={intl.formatMessage(inboxMessages.filterBorderPoint)}
            value={filters.borderPoint}
            all={intl.formatMessage(inboxMessages.filterAllBorderPoints)}
            options={borderPoints.map((point) => ({ value: point.id, label: point.name }))}
            onChange={(borderPoint) => set({ borderPoint })}
          />
          <div className={styles.checks}>
            <FilterCheck label={intl.formatMessage(inboxMessages.filterOverdue)} checked={filters.overdue === true} onChange={(on) => set({ overdue: on ? true : undefined })} />
          </div>
        </>
      )}
    </FilterPanel>
  );
}

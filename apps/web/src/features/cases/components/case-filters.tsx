import { useIntl } from 'react-intl';
import { nameOf, profileMessages, statusMessages } from '../../../i18n/vocabulary';
import { FilterCheck, FilterPanel, FilterSelect, withChange } from '../../../ui/filter-panel';
import { activeFilterCount, CASE_DETENTIONS, CASE_STATUSES, CaseFilters as Filters, FILTER_PROFILES } from '../case-filters';
import { caseMessages } from '../messages';
import styles from '../../../ui/filter-panel.module.css';

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** The user's border points: a choice among them only when there are several. */
  borderPoints: { id: string; name: string }[];
}

/**
 * The case list's filters: status, records to complete, profile, border point, urgent only. On a narrow
 * screen they fold behind a "Filters (n)" button that says how many are on.
 */
export function CaseFilters({ filters, onChange, borderPoints }: Props) {
  const intl = useIntl();
  const count = activeFilterCount(filters);
  const set = (change: Partial<Filters>) => onChange(withChange(filters, change));

  return (
    <FilterPanel
      toggle={intl.formatMessage(caseMessages.filtersToggle, { count })}
      count={count}
      clear={intl.formatMessage(caseMessages.filterClear)}
      onClear={() => onChange({})}
    >
      {(id) => (
        <>
          <FilterSelect
            id={`${id}-status`}
            label={intl.formatMessage(caseMessages.filterStatus)}
            value={filters.status}
            all={intl.formatMessage(caseMessages.filterAllStatuses)}
            options={CASE_STATUSES.map((status) => ({ value: status, label: nameOf(intl, statusMessages, status) }))}
            onChange={(status) => set({ status })}
          />
          <FilterSelect
            id={`${id}-profile`}
            label={intl.formatMessage(caseMessages.filterProfile)}
            value={filters.profile}
            all={intl.formatMessage(caseMessages.filterAllProfiles)}
            options={FILTER_PROFILES.map((profile) => ({ value: profile, label: nameOf(intl, profileMessages, profile) }))}
            onChange={(profile) => set({ profile })}
          />
          {borderPoints.length > 1 ? (
            <FilterSelect
              id={`${id}-point`}
              label={intl.formatMessage(caseMessages.filterBorderPoint)}
              value={filters.borderPoint}
              all={intl.formatMessage(caseMessages.filterAllBorderPoints)}
              options={borderPoints.map((point) => ({ value: point.id, label: point.name }))}
              onChange={(borderPoint) => set({ borderPoint })}
            />
          ) : null}
          {filters.detention ? (
            <FilterSelect
              id={`${id}-detention`}
              label={intl.formatMessage(caseMessages.filterDetention)}
              value={filters.detention}
              all={intl.formatMessage(caseMessages.filterDetentionAny)}
              options={CASE_DETENTIONS.map((code) => ({
                value: code,
                label: intl.formatMessage(code === 'OPEN' ? caseMessages.filterDetentionOPEN : caseMessages.filterDetentionREVIEW_OVERDUE),
              }))}
              onChange={(detention) => set({ detention })}
            />
          ) : null}
          <div className={styles.checks}>
            <FilterCheck label={intl.formatMessage(caseMessages.filterUrgent)} checked={filters.urgent === true} onChange={(on) => set({ urgent: on ? true : undefined })} />
            <FilterCheck
              label={intl.formatMessage(caseMessages.filterToComplete)}
              checked={filters.status === 'INCOMPLETE'}
              onChange={(on) => set({ status: on ? 'INCOMPLETE' : undefined })}
            />
            <FilterCheck label={intl.formatMessage(caseMessages.filterWithoutLead)} checked={filters.withoutLead === true} onChange={(on) => set({ withoutLead: on ? true : undefined })} />
          </div>
        </>
      )}
    </FilterPanel>
  );
}

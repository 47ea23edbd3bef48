import { useIntl } from 'react-intl';
import { nameOf, profileMessages, statusMessages } from '../../../i18n/vocabulary';
import { FilterPanel, withChange } from '../../../ui/filter-panel';
import { activeFilterCount, CASE_DETENTIONS, CASE_STATUSES, CaseDetention, CaseFilters as Filters, FILTER_PROFILES } from '../case-filters';
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
          <div className={styles.field}>
            <label htmlFor={`${id}-status`}>{intl.formatMessage(caseMessages.filterStatus)}</label>
            <select
              id={`${id}-status`}
              className={styles.select}
              value={filters.status ?? ''}
              onChange={(event) => set({ status: (CASE_STATUSES as readonly string[]).includes(event.target.value) ? (event.target.value as Filters['status']) : undefined })}
            >
              <option value="">{intl.formatMessage(caseMessages.filterAllStatuses)}</option>
              {CASE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {nameOf(intl, statusMessages, status)}
                </option>
              ))}
            </select>
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-profile`}>{intl.formatMessage(caseMessages.filterProfile)}</label>
            <select id={`${id}-profile`} className={styles.select} value={filters.profile ?? ''} onChange={(event) => set({ profile: event.target.value || undefined })}>
              <option value="">{intl.formatMessage(caseMessages.filterAllProfiles)}</option>
              {FILTER_PROFILES.map((profile) => (
                <option key={profile} value={profile}>
                  {nameOf(intl, profileMessages, profile)}
                </option>
              ))}
            </select>
          </div>
          {borderPoints.length > 1 ? (
            <div className={styles.field}>
              <label htmlFor={`${id}-point`}>{intl.formatMessage(caseMessages.filterBorderPoint)}</label>
              <select id={`${id}-point`} className={styles.select} value={filters.borderPoint ?? ''} onChange={(event) => set({ borderPoint: event.target.value || undefined })}>
                <option value="">{intl.formatMessage(caseMessages.filterAllBorderPoints)}</option>
                {borderPoints.map((point) => (
                  <option key={point.id} value={point.id}>
                    {point.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {filters.detention ? (
            <div className={styles.field}>
              <label htmlFor={`${id}-detention`}>{intl.formatMessage(caseMessages.filterDetention)}</label>
              <select
                id={`${id}-detention`}
                className={styles.select}
                value={filters.detention}
                onChange={(event) => set({ detention: (CASE_DETENTIONS as readonly string[]).includes(event.target.value) ? (event.target.value as CaseDetention) : undefined })}
              >
                <option value="">{intl.formatMessage(caseMessages.filterDetentionAny)}</option>
                {CASE_DETENTIONS.map((code) => (
                  <option key={code} value={code}>
                    {intl.formatMessage(code === 'OPEN' ? caseMessages.filterDetentionOPEN : caseMessages.filterDetentionREVIEW_OVERDUE)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className={styles.checks}>
            <label className={styles.check}>
              <input type="checkbox" checked={filters.urgent === true} onChange={(event) => set({ urgent: event.target.checked ? true : undefined })} />
              {intl.formatMessage(caseMessages.filterUrgent)}
            </label>
            <label className={styles.check}>
              <input
                type="checkbox"
                checked={filters.status === 'INCOMPLETE'}
                onChange={(event) => set({ status: event.target.checked ? 'INCOMPLETE' : undefined })}
              />
              {intl.formatMessage(caseMessages.filterToComplete)}
            </label>
            <label className={styles.check}>
              <input type="checkbox" checked={filters.withoutLead === true} onChange={(event) => set({ withoutLead: event.target.checked ? true : undefined })} />
              {intl.formatMessage(caseMessages.filterWithoutLead)}
            </label>
          </div>
        </>
      )}
    </FilterPanel>
  );
}

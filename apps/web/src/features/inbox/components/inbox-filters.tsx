import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { nameOf, profileMessages, referralStatusMessages } from '../../../i18n/vocabulary';
import { Button } from '../../../ui/button';
import { ChevronDown } from '../../../ui/icons';
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
  const id = useId();
  const [open, setOpen] = useState(false);
  const count = activeInboxFilterCount(filters);
  const set = (change: Partial<Filters>) => {
    const next: Filters = { ...filters, ...change };
    for (const key of Object.keys(next) as (keyof Filters)[]) if (next[key] === undefined) delete next[key];
    onChange(next);
  };

  return (
    <div className={styles.filters} role="group" aria-label={intl.formatMessage(inboxMessages.filtersLabel)}>
      <button type="button" className={styles.toggle} aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
        {intl.formatMessage(inboxMessages.filtersToggle, { count })}
        <ChevronDown />
      </button>
      <div id={`${id}-panel`} className={styles.panel} data-open={open}>
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
        {count > 0 ? (
          <Button variant="quiet" className={styles.clear} onPress={() => onChange({})}>
            {intl.formatMessage(inboxMessages.filterClear)}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

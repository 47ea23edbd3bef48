import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { Button } from '../../../ui/button';
import { ChevronDown } from '../../../ui/icons';
import { activeDeliveryFilterCount, DELIVERY_PERIODS, DELIVERY_STATUSES, DeliveryFilters as Filters, DeliveryPeriod, DeliveryStatus } from '../deliveries-api';
import { deliveryMessages as m } from '../messages';
import { EMAIL_KINDS, EmailKind } from '../notifications-api';
import styles from '../../../ui/filter-panel.module.css';

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** Status, kind of e-mail and period; on a narrow screen folded behind a "Filters (n)" button. */
export function DeliveryFilters({ filters, onChange }: Props) {
  const intl = useIntl();
  const id = useId();
  const [open, setOpen] = useState(false);
  const count = activeDeliveryFilterCount(filters);
  const set = (change: Partial<Filters>) => {
    const next: Filters = { ...filters, ...change };
    for (const key of Object.keys(next) as (keyof Filters)[]) if (next[key] === undefined) delete next[key];
    onChange(next);
  };
  const pick = <T extends string>(values: readonly T[], value: string): T | undefined => (values as readonly string[]).includes(value) ? (value as T) : undefined;

  return (
    <div className={styles.filters} role="group" aria-label={intl.formatMessage(m.filtersLabel)}>
      <button type="button" className={styles.toggle} aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
        {intl.formatMessage(m.filtersToggle, { count })}
        <ChevronDown />
      </button>
      <div id={`${id}-panel`} className={styles.panel} data-open={open}>
        <div className={styles.field}>
          <label htmlFor={`${id}-status`}>{intl.formatMessage(m.filterStatus)}</label>
          <select id={`${id}-status`} className={styles.select} value={filters.status ?? ''} onChange={(event) => set({ status: pick<DeliveryStatus>(DELIVERY_STATUSES, event.target.value) })}>
            <option value="">{intl.formatMessage(m.filterAllStatuses)}</option>
            {DELIVERY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {intl.formatMessage(m[`status${status}`])}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-kind`}>{intl.formatMessage(m.filterKind)}</label>
          <select id={`${id}-kind`} className={styles.select} value={filters.kind ?? ''} onChange={(event) => set({ kind: pick<EmailKind>(EMAIL_KINDS, event.target.value) })}>
            <option value="">{intl.formatMessage(m.filterAllKinds)}</option>
            {EMAIL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {intl.formatMessage(m[`kind${kind}`])}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-period`}>{intl.formatMessage(m.filterPeriod)}</label>
          <select id={`${id}-period`} className={styles.select} value={filters.period ?? ''} onChange={(event) => set({ period: pick<DeliveryPeriod>(DELIVERY_PERIODS, event.target.value) })}>
            <option value="">{intl.formatMessage(m.filterAnyTime)}</option>
            {DELIVERY_PERIODS.map((period) => (
              <option key={period} value={period}>
                {intl.formatMessage(m[`period${period}`])}
              </option>
            ))}
          </select>
        </div>
        {count > 0 ? (
          <Button variant="quiet" className={styles.clear} onPress={() => onChange({})}>
            {intl.formatMessage(m.filterClear)}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

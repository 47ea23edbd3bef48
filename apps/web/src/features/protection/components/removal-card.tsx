import { FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { StatusChip } from '../../../ui/status-chip';
import { protectionMessages as m } from '../messages';
import { dayOf, RemovalOrder } from '../protection-api';
import { formatDay } from '../safeguard-refusal';
import { useRecord } from '../use-record';
import { InputField } from './fields';
import { RefusalAlert } from './refusal-alert';
import styles from './record-card.module.css';

const ORDER_TONE = { ORDERED: 'warning', EXECUTED: 'neutral', CANCELLED: 'neutral' } as const;

/** Removal orders (the immigration authority's), under the non-refoulement lock: a refusal is explained in words. */
export function RemovalCard({ api, caseId, orders, mandate }: { api: ApiClient; caseId: string; orders: RemovalOrder[] | undefined; mandate: boolean }) {
  const intl = useIntl();
  const [decidedOn, setDecidedOn] = useState(() => dayOf(new Date()));
  const [legalBasis, setLegalBasis] = useState('');
  const [destination, setDestination] = useState('');
  const [done, setDone] = useState(false);
  const order = useRecord(
    caseId,
    (body: { decidedOn: string; legalBasis: string; destinationCountry: string }) =>
      unwrap<RemovalOrder>(api.POST('/api/v1/cases/{id}/removal-orders', { params: { path: { id: caseId } }, body: body as never })),
    () => {
      setLegalBasis('');
      setDestination('');
      setDone(true);
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    order.mutate({ decidedOn, legalBasis: legalBasis.trim(), destinationCountry: destination.trim().toUpperCase() });
  };
  return (
    <section aria-labelledby="removal-title" className={styles.card}>
      <h2 id="removal-title">{intl.formatMessage(m.returnTitle)}</h2>
      {orders && orders.length > 0 ? (
        <ul className={styles.rows}>
          {orders.map((o) => (
            <li key={o.id} className={styles.row}>
              <span className={styles.rowMain}>
                {intl.formatMessage(m.orderLine, { date: formatDay(intl, o.decidedOn), country: o.destinationCountry, basis: <bdi key="basis">{o.legalBasis}</bdi> })}
              </span>
              <StatusChip tone={ORDER_TONE[o.status]}>{intl.formatMessage(m[`orderStatus${o.status}`])}</StatusChip>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{intl.formatMessage(m.none)}</p>
      )}
      {mandate ? (
        <div className={styles.block}>
          <h3 id="order-removal-title">{intl.formatMessage(m.orderRemoval)}</h3>
          <form className={styles.form} onSubmit={submit} aria-labelledby="order-removal-title">
          <InputField type="date" label={intl.formatMessage(m.decidedOn)} value={decidedOn} onChange={setDecidedOn} required />
          <InputField label={intl.formatMessage(m.legalBasis)} value={legalBasis} onChange={setLegalBasis} required maxLength={400} />
          <InputField label={intl.formatMessage(m.destination)} value={destination} onChange={setDestination} required maxLength={3} />
          <Button type="submit" isDisabled={order.isPending || !legalBasis.trim() || destination.trim().length !== 3}>
              {intl.formatMessage(m.orderRemoval)}
            </Button>
          </form>
        </div>
      ) : null}
      <div aria-live="polite">{done && !order.error ? <Alert tone="info">{intl.formatMessage(m.saved)}</Alert> : null}</div>
      {order.error ? <RefusalAlert error={order.error} /> : null}
    </section>
  );
}

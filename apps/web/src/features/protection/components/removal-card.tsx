import { FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { StatusChip } from '../../../ui/status-chip';
import { TextField } from '../../../ui/text-field';
import { legalMessages as l, protectionMessages as m } from '../messages';
import { dayOf, RemovalOrder } from '../protection-api';
import { formatDay } from '../safeguard-refusal';
import { countryText, useCountries } from '../pickers';
import { useRecord } from '../use-record';
import { DayField, InputField, SelectField } from './fields';
import { DialogDate, instantOf, localNow, RecordDialog } from './record-dialog';
import { RefusalAlert } from './refusal-alert';
import legal from './legal.module.css';
import styles from './record-card.module.css';

const ORDER_TONE = { ORDERED: 'warning', EXECUTED: 'neutral', CANCELLED: 'neutral' } as const;

/** Removal orders (the immigration authority's), under the non-refoulement lock: a refusal is explained in words. */
export function RemovalCard({ api, caseId, orders, mandate }: { api: ApiClient; caseId: string; orders: RemovalOrder[] | undefined; mandate: boolean }) {
  const intl = useIntl();
  const countries = useCountries();
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
    order.mutate({ decidedOn, legalBasis: legalBasis.trim(), destinationCountry: destination });
  };
  // The order a follow-up dialog is open for: carry it out, or cancel it with a reason.
  const [step, setStep] = useState<{ kind: 'execute' | 'cancel'; order: RemovalOrder } | null>(null);
  const [executedAt, setExecutedAt] = useState(localNow);
  const [cancelledOn, setCancelledOn] = useState(() => dayOf(new Date()));
  const [reason, setReason] = useState('');
  const follow = useRecord(
    caseId,
    ({ kind, id, body }: { kind: 'execute' | 'cancel'; id: string; body: object }) =>
      unwrap<RemovalOrder>(
        api.POST(`/api/v1/cases/{id}/removal-orders/{orderId}/${kind}`, { params: { path: { id: caseId, orderId: id } }, body: body as never }),
      ),
    () => {
      setStep(null);
      setReason('');
      setDone(true);
    },
  );
  const openStep = (kind: 'execute' | 'cancel', o: RemovalOrder) => {
    follow.reset();
    setDone(false);
    setExecutedAt(localNow());
    setCancelledOn(dayOf(new Date()));
    setStep({ kind, order: o });
  };
  const sendStep = () => {
    if (!step) return;
    const version = { version: step.order.version };
    if (step.kind === 'execute') follow.mutate({ kind: 'execute', id: step.order.id, body: { executedAt: instantOf(executedAt), ...version } });
    else follow.mutate({ kind: 'cancel', id: step.order.id, body: { on: cancelledOn, reason: reason.trim(), ...version } });
  };
  return (
    <section aria-labelledby="removal-title" className={styles.card}>
      <h2 id="removal-title">{intl.formatMessage(m.returnTitle)}</h2>
      {orders && orders.length > 0 ? (
        <ul className={styles.rows}>
          {orders.map((o) => (
            <li key={o.id} className={styles.row}>
              <span className={styles.rowMain}>
                {intl.formatMessage(m.orderLine, { date: formatDay(intl, o.decidedOn), country: <bdi key="country">{countryText(intl.locale, o.destinationCountry)}</bdi>, basis: <bdi key="basis">{o.legalBasis}</bdi> })}
              </span>
              <StatusChip tone={ORDER_TONE[o.status]}>{intl.formatMessage(m[`orderStatus${o.status}`])}</StatusChip>
              {o.executedAt ? <span className={styles.rowDetail}>{intl.formatMessage(l.executedLine, { date: intl.formatDate(o.executedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</span> : null}
              {o.cancelledOn ? (
                <span className={styles.rowDetail}>{intl.formatMessage(l.cancelledLine, { date: formatDay(intl, o.cancelledOn), reason: <bdi key="reason">{o.cancelReason ?? ''}</bdi> })}</span>
              ) : null}
              {mandate && o.status === 'ORDERED' ? (
                <span className={legal.actions}>
                  <Button variant="secondary" onPress={() => openStep('execute', o)} data-testid="execute-removal">
                    {intl.formatMessage(l.execute)}
                  </Button>
                  <Button variant="quiet" className={legal.destructive} onPress={() => openStep('cancel', o)}>
                    {intl.formatMessage(l.cancel)}
                  </Button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{intl.formatMessage(m.none)}</p>
      )}
      {mandate ? (
        <div className={styles.block}>
          <h3 id="order-removal-title">{intl.formatMessage(m.orderRemoval)}</h3>
          <form className={styles.form} onSubmit={submit} aria-labelledby="order-removal-title" onChange={order.error ? () => order.reset() : undefined}>
          <DayField label={intl.formatMessage(m.decidedOn)} value={decidedOn} onChange={setDecidedOn} required />
          <InputField label={intl.formatMessage(m.legalBasis)} value={legalBasis} onChange={setLegalBasis} required maxLength={400} />
          <SelectField label={intl.formatMessage(m.destination)} value={destination} onChange={setDestination}>
            <option value="">{intl.formatMessage(l.chooseCountry)}</option>
            {countries.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </SelectField>
          {/* After a refusal the same order would be refused again: the button waits for a change to the form. */}
          <Button type="submit" isDisabled={order.isPending || Boolean(order.error) || !legalBasis.trim() || !destination}>
              {intl.formatMessage(m.orderRemoval)}
            </Button>
          </form>
        </div>
      ) : null}
      <div aria-live="polite">{done && !order.error ? <Alert tone="info">{intl.formatMessage(m.saved)}</Alert> : null}</div>
      {order.error ? <RefusalAlert error={order.error} /> : null}
      <RecordDialog
        isOpen={step?.kind === 'execute'}
        onClose={() => setStep(null)}
        onSubmit={sendStep}
        title={intl.formatMessage(l.executeTitle)}
        body={
          <>
            {step ? <p>{intl.formatMessage(m.orderLine, { date: formatDay(intl, step.order.decidedOn), country: <bdi key="country">{countryText(intl.locale, step.order.destinationCountry)}</bdi>, basis: <bdi key="basis">{step.order.legalBasis}</bdi> })}</p> : null}
            <p>{intl.formatMessage(l.executeBody)}</p>
          </>
        }
        confirmLabel={intl.formatMessage(l.execute)}
        pending={follow.isPending}
        error={follow.error}
        onEdit={() => follow.reset()}
        fields={['executedAt']}
      >
        <DialogDate granularity="minute" name="executedAt" label={intl.formatMessage(l.executedAt)} value={executedAt} onChange={setExecutedAt} isRequired />
      </RecordDialog>
      <RecordDialog
        isOpen={step?.kind === 'cancel'}
        onClose={() => setStep(null)}
        onSubmit={sendStep}
        title={intl.formatMessage(l.cancelTitle)}
        body={<p>{intl.formatMessage(l.cancelBody)}</p>}
        confirmLabel={intl.formatMessage(l.cancel)}
        pending={follow.isPending}
        error={follow.error}
        onEdit={() => follow.reset()}
        fields={['on', 'reason']}
        tone="danger"
      >
        <DialogDate name="on" label={intl.formatMessage(l.cancelledOn)} value={cancelledOn} onChange={setCancelledOn} isRequired />
        <TextField
          name="reason"
          rows={3}
          label={intl.formatMessage(l.reason)}
          value={reason}
          onChange={setReason}
          isRequired
          maxLength={1000}
        />
      </RecordDialog>
    </section>
  );
}

import { FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { StatusChip } from '../../../ui/status-chip';
import { protectionMessages as m, returnMessages as r } from '../messages';
import { dayOf, VoluntaryReturn } from '../protection-api';
import { formatDay } from '../safeguard-refusal';
import { useRecord } from '../use-record';
import { InputField } from './fields';
import { RefusalAlert } from './refusal-alert';
import styles from './record-card.module.css';

/** Assisted voluntary returns: each with its steps; the return agency requests one (withdrawal stays possible at any time). */
export function ReturnCard({ api, caseId, returns, mandate }: { api: ApiClient; caseId: string; returns: VoluntaryReturn[]; mandate: boolean }) {
  const intl = useIntl();
  const [requestedOn, setRequestedOn] = useState(() => dayOf(new Date()));
  const [destination, setDestination] = useState('');
  const [done, setDone] = useState(false);
  const request = useRecord(
    caseId,
    (body: object) => unwrap<VoluntaryReturn>(api.POST('/api/v1/cases/{id}/voluntary-returns', { params: { path: { id: caseId } }, body: body as never })),
    () => {
      setDestination('');
      setDone(true);
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    request.mutate({ requestedOn, destinationCountry: destination.trim().toUpperCase() });
  };
  return (
    <section aria-labelledby="return-title" className={styles.card}>
      <h2 id="return-title">{intl.formatMessage(r.title)}</h2>
      {returns.length > 0 ? (
        <ul className={styles.rows}>
          {returns.map((v) => (
            <li key={v.id} className={styles.row}>
              <span className={styles.rowMain}>{intl.formatMessage(r.line, { country: v.destinationCountry, date: formatDay(intl, v.requestedOn) })}</span>
              <StatusChip tone={v.status === 'DEPARTED' ? 'success' : v.status === 'WITHDRAWN' ? 'neutral' : 'info'}>{intl.formatMessage(r[`status${v.status}`])}</StatusChip>
              <span className={styles.rowDetail}>
                {intl.formatMessage(r.steps, {
                  sessions: v.counsellingSessions.length,
                  voluntary: intl.formatMessage(v.voluntarinessConfirmedOn ? r.voluntaryYes : r.voluntaryNo),
                })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{intl.formatMessage(m.none)}</p>
      )}
      {mandate ? (
        <div className={styles.block}>
          <h3 id="request-return-title">{intl.formatMessage(r.request)}</h3>
          <form className={styles.form} onSubmit={submit} aria-labelledby="request-return-title">
            <InputField type="date" label={intl.formatMessage(m.date)} value={requestedOn} onChange={setRequestedOn} required />
            <InputField label={intl.formatMessage(m.destination)} value={destination} onChange={setDestination} required maxLength={3} />
            <Button type="submit" isDisabled={request.isPending || destination.trim().length !== 3}>
              {intl.formatMessage(r.request)}
            </Button>
          </form>
        </div>
      ) : null}
      <div aria-live="polite">{done && !request.error ? <Alert tone="info">{intl.formatMessage(m.saved)}</Alert> : null}</div>
      {request.error ? <RefusalAlert error={request.error} /> : null}
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { StatusChip } from '../../../ui/status-chip';
import { TextField } from '../../../ui/text-field';
import { legalMessages as l, protectionMessages as m, returnMessages as r } from '../messages';
import { dayOf, ReturnStep, returnSteps, safeguardsQuery, StepState, VoluntaryReturn, VULNERABILITY_OUTCOMES } from '../protection-api';
import { formatDay } from '../safeguard-refusal';
import { countryText, useCountries } from '../pickers';
import { useRecord } from '../use-record';
import { DayField, SelectField } from './fields';
import { DialogCheck, DialogDate, DialogSelect, instantOf, localNow, RecordDialog } from './record-dialog';
import { RefusalAlert } from './refusal-alert';
import legal from './legal.module.css';
import styles from './record-card.module.css';

const STEP_PATH: Readonly<Record<ReturnStep, string>> = {
  counselling: 'counselling',
  vulnerability: 'vulnerability-assessment',
  voluntariness: 'voluntariness',
  departure: 'depart',
};

// One scale: done is green, what can be taken now is blue, what cannot yet is grey (a step not yet possible is no warning).
const STATE_TONE = { done: 'success', next: 'info', open: 'info', blocked: 'neutral' } as const;

/** What is on record for a step, in a line (the sessions, the assessment's outcome, the dates). */
function StepDetail({ v, step }: { v: VoluntaryReturn; step: ReturnStep }) {
  const intl = useIntl();
  const last = v.counsellingSessions.at(-1);
  if (step === 'counselling' && last) return <>{intl.formatMessage(l.counsellingDone, { count: v.counsellingSessions.length, date: formatDay(intl, last.heldOn) })}</>;
  if (step === 'vulnerability' && v.vulnerabilityAssessment) {
    return <>{intl.formatMessage(l.assessedDone, { outcome: intl.formatMessage(l[`outcome${v.vulnerabilityAssessment.outcome}`]), date: formatDay(intl, v.vulnerabilityAssessment.assessedOn) })}</>;
  }
  if (step === 'voluntariness' && v.voluntarinessConfirmedOn) return <>{intl.formatMessage(l.confirmedDone, { date: formatDay(intl, v.voluntarinessConfirmedOn) })}</>;
  if (step === 'departure' && v.departedAt) return <>{intl.formatMessage(l.departedDone, { date: intl.formatDate(v.departedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</>;
  return null;
}

/** The four steps after the request, each with its state (done, next, possible, or not yet possible and why) and, for the return agency, its form. */
function ReturnSteps({ v, states, mandate, onStep }: { v: VoluntaryReturn; states: StepState[]; mandate: boolean; onStep: (step: ReturnStep) => void }) {
  const intl = useIntl();
  const closed = v.status === 'DEPARTED' || v.status === 'WITHDRAWN';
  return (
    <ol className={legal.steps} aria-label={intl.formatMessage(l.steps)}>
      {states.map((s) => (
        <li key={s.step} className={legal.step} data-state={s.state} data-testid={`step-${s.step}`}>
          <span className={legal.stepName}>{intl.formatMessage(l[`step${s.step}`])}</span>
          <StatusChip tone={STATE_TONE[s.state]}>{intl.formatMessage(closed && s.state === 'blocked' ? l.stateclosed : l[`state${s.state}`])}</StatusChip>
          {s.state === 'done' ? (
            <span className={legal.stepDetail}>
              <StepDetail v={v} step={s.step} />
            </span>
          ) : s.why && s.why !== 'CLOSED' ? (
            <span className={legal.stepDetail}>{intl.formatMessage(l[`why${s.why}`])}</span>
          ) : null}
          {mandate && s.action ? (
            <span className={legal.stepAction}>
              <Button variant={s.state === 'next' ? 'primary' : 'secondary'} onPress={() => onStep(s.step)}>
                {intl.formatMessage(l[`do${s.step}`])}
              </Button>
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Assisted voluntary returns: each with its steps in the order the api enforces; the return agency requests one and takes each step (withdrawal stays possible until departure). */
export function ReturnCard({ api, caseId, returns, mandate }: { api: ApiClient; caseId: string; returns: VoluntaryReturn[]; mandate: boolean }) {
  const intl = useIntl();
  const countries = useCountries();
  const safeguards = useQuery(safeguardsQuery(api, caseId));
  const lockClear = safeguards.data?.voluntaryReturn.allowed ?? true;
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
    request.mutate({ requestedOn, destinationCountry: destination });
  };

  // The step a dialog is open for, on which return, and the dialog's fields.
  const [open, setOpen] = useState<{ step: ReturnStep | 'withdraw'; v: VoluntaryReturn } | null>(null);
  const [on, setOn] = useState(() => dayOf(new Date()));
  const [at, setAt] = useState(localNow);
  const [counsellor, setCounsellor] = useState('');
  const [interpreter, setInterpreter] = useState(false);
  const [outcome, setOutcome] = useState('');
  const [free, setFree] = useState(false);
  const [freeMissing, setFreeMissing] = useState(false);
  const [reason, setReason] = useState('');
  const step = useRecord(
    caseId,
    ({ path, id, body }: { path: string; id: string; body: object }) =>
      unwrap<VoluntaryReturn>(api.POST(`/api/v1/cases/{id}/voluntary-returns/{returnId}/${path}` as '/api/v1/cases/{id}/voluntary-returns/{returnId}/counselling', { params: { path: { id: caseId, returnId: id } }, body: body as never })),
    () => {
      setOpen(null);
      setDone(true);
    },
  );
  const start = (s: ReturnStep | 'withdraw', v: VoluntaryReturn) => {
    step.reset();
    setDone(false);
    setOn(dayOf(new Date()));
    setAt(localNow());
    setCounsellor('');
    setInterpreter(false);
    setOutcome('');
    setFree(false);
    setFreeMissing(false);
    setReason('');
    setOpen({ step: s, v });
  };
  const send = () => {
    if (!open) return;
    const version = open.v.version === undefined ? {} : { version: open.v.version };
    const go = (path: string, body: object) => step.mutate({ path, id: open.v.id, body: { ...body, ...version } });
    switch (open.step) {
      case 'counselling':
        return go(STEP_PATH.counselling, { heldOn: on, counsellor: counsellor.trim(), interpreter });
      case 'vulnerability':
        return go(STEP_PATH.vulnerability, { assessedOn: on, outcome });
      case 'voluntariness':
        if (!free) return setFreeMissing(true);
        return go(STEP_PATH.voluntariness, { confirmedOn: on, freeAndInformed: true });
      case 'departure':
        return go(STEP_PATH.departure, { departedAt: instantOf(at) });
      case 'withdraw':
        return go('withdraw', { on, reason: reason.trim() });
    }
  };
  const dateField = (name: string, label: string) => <DialogDate name={name} label={label} value={on} onChange={setOn} isRequired />;
  const dialog = (s: ReturnStep | 'withdraw') => ({
    isOpen: open?.step === s,
    onClose: () => setOpen(null),
    onSubmit: send,
    pending: step.isPending,
    error: step.error,
    onEdit: () => step.reset(),
  });

  return (
    <section aria-labelledby="return-title" className={styles.card}>
      <h2 id="return-title">{intl.formatMessage(r.title)}</h2>
      {returns.length > 0 ? (
        <ul className={styles.rows}>
          {returns.map((v) => (
            <li key={v.id} className={styles.row} data-testid="voluntary-return">
              <span className={styles.rowMain}>{intl.formatMessage(r.line, { country: <bdi key="country">{countryText(intl.locale, v.destinationCountry)}</bdi>, date: formatDay(intl, v.requestedOn) })}</span>
              <StatusChip tone={v.status === 'DEPARTED' ? 'success' : v.status === 'WITHDRAWN' ? 'neutral' : 'info'}>{intl.formatMessage(r[`status${v.status}`])}</StatusChip>
              <span className={styles.rowDetail}>
                {intl.formatMessage(r.steps, {
                  sessions: v.counsellingSessions.length,
                  voluntary: intl.formatMessage(v.voluntarinessConfirmedOn ? r.voluntaryYes : r.voluntaryNo),
                })}
              </span>
              {v.withdrawnOn ? (
                <span className={styles.rowDetail}>{intl.formatMessage(l.withdrawnLine, { date: formatDay(intl, v.withdrawnOn), reason: <bdi key="reason">{v.withdrawalReason ?? ''}</bdi> })}</span>
              ) : null}
              {v.status !== 'WITHDRAWN' ? <ReturnSteps v={v} states={returnSteps(v, lockClear)} mandate={mandate} onStep={(s) => start(s, v)} /> : null}
              {mandate && (v.status === 'REQUESTED' || v.status === 'CONFIRMED') ? (
                <span className={`${legal.actions} ${legal.apart}`}>
                  <Button variant="quiet" className={legal.destructive} onPress={() => start('withdraw', v)}>
                    {intl.formatMessage(l.withdraw)}
                  </Button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{intl.formatMessage(m.none)}</p>
      )}
      {mandate && !returns.some((v) => v.status === 'REQUESTED' || v.status === 'CONFIRMED') ? (
        <div className={styles.block}>
          <h3 id="request-return-title">{intl.formatMessage(r.request)}</h3>
          <form className={styles.form} onSubmit={submit} aria-labelledby="request-return-title" onChange={request.error ? () => request.reset() : undefined}>
            <DayField label={intl.formatMessage(m.date)} value={requestedOn} onChange={setRequestedOn} required />
            <SelectField label={intl.formatMessage(m.destination)} value={destination} onChange={setDestination}>
              <option value="">{intl.formatMessage(l.chooseCountry)}</option>
              {countries.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </SelectField>
            <Button type="submit" isDisabled={request.isPending || Boolean(request.error) || !destination}>
              {intl.formatMessage(r.request)}
            </Button>
          </form>
        </div>
      ) : null}
      <div aria-live="polite">{done && !request.error ? <Alert tone="info">{intl.formatMessage(m.saved)}</Alert> : null}</div>
      {request.error ? <RefusalAlert error={request.error} /> : null}

      <RecordDialog {...dialog('counselling')} title={intl.formatMessage(l.docounselling)} body={<p>{intl.formatMessage(l.bodycounselling)}</p>} confirmLabel={intl.formatMessage(m.record)} fields={['heldOn', 'counsellor', 'interpreter']}>
        {dateField('heldOn', intl.formatMessage(l.heldOn))}
        <TextField name="counsellor" label={intl.formatMessage(l.counsellor)} value={counsellor} onChange={setCounsellor} isRequired maxLength={200} />
        <DialogCheck label={intl.formatMessage(l.interpreter)} checked={interpreter} onChange={setInterpreter} />
      </RecordDialog>
      <RecordDialog {...dialog('vulnerability')} title={intl.formatMessage(l.dovulnerability)} body={<p>{intl.formatMessage(l.bodyvulnerability)}</p>} confirmLabel={intl.formatMessage(m.record)} fields={['assessedOn', 'outcome']}>
        {dateField('assessedOn', intl.formatMessage(l.assessedOn))}
        <DialogSelect label={intl.formatMessage(l.outcome)} name="outcome" value={outcome} onChange={setOutcome} error={step.error}>
          <option value="">{intl.formatMessage(l.choose)}</option>
          {VULNERABILITY_OUTCOMES.map((code) => (
            <option key={code} value={code}>
              {intl.formatMessage(l[`outcome${code}`])}
            </option>
          ))}
        </DialogSelect>
      </RecordDialog>
      <RecordDialog {...dialog('voluntariness')} title={intl.formatMessage(l.dovoluntariness)} body={<p>{intl.formatMessage(l.bodyvoluntariness)}</p>} confirmLabel={intl.formatMessage(l.dovoluntariness)} fields={['confirmedOn', 'freeAndInformed']}>
        {dateField('confirmedOn', intl.formatMessage(l.confirmedOn))}
        <DialogCheck
          label={intl.formatMessage(l.freeAndInformed)}
          checked={free}
          onChange={(checked) => {
            setFree(checked);
            setFreeMissing(false);
          }}
          missing={freeMissing}
        />
      </RecordDialog>
      <RecordDialog {...dialog('departure')} title={intl.formatMessage(l.dodeparture)} body={<p>{intl.formatMessage(l.bodydeparture)}</p>} confirmLabel={intl.formatMessage(l.dodeparture)} fields={['departedAt']}>
        <DialogDate granularity="minute" name="departedAt" label={intl.formatMessage(l.departedAt)} value={at} onChange={setAt} isRequired />
      </RecordDialog>
      <RecordDialog {...dialog('withdraw')} title={intl.formatMessage(l.withdrawTitle)} body={<p>{intl.formatMessage(l.withdrawBody)}</p>} confirmLabel={intl.formatMessage(l.withdraw)} fields={['on', 'reason']} tone="danger">
        {dateField('on', intl.formatMessage(l.withdrawnOn))}
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

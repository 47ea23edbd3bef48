import { FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { Button } from '../../../ui/button';
import { StatusChip } from '../../../ui/status-chip';
import { protectionMessages as m } from '../messages';
import { BestInterests, BID_DECISIONS, dayOf } from '../protection-api';
import { formatDay } from '../safeguard-refusal';
import { useRecord } from '../use-record';
import { DayField, SelectField, TextAreaField } from './fields';
import { RefusalAlert } from './refusal-alert';
import styles from './record-card.module.css';

/** Best-interests procedures: each listed with its outcome; with the mandate, open one, and complete an open one (a BID by its panel). */
export function BestInterestsBlock({ api, caseId, procedures, mandate, onSaved }: { api: ApiClient; caseId: string; procedures: BestInterests[]; mandate: boolean; onSaved: () => void }) {
  const intl = useIntl();
  const [kind, setKind] = useState<'BIA' | 'BID'>('BID');
  const [openedOn, setOpenedOn] = useState(() => dayOf(new Date()));
  const open = useRecord(caseId, (body: object) => unwrap<BestInterests>(api.POST('/api/v1/cases/{id}/best-interests', { params: { path: { id: caseId } }, body: body as never })), onSaved);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate({ kind, openedOn });
  };
  return (
    <div className={styles.block}>
      <h3>{intl.formatMessage(m.bestInterestsTitle)}</h3>
      {procedures.length > 0 ? (
        <ul className={styles.rows}>
          {procedures.map((procedure) => (
            <Procedure key={procedure.id} api={api} caseId={caseId} procedure={procedure} mandate={mandate} onSaved={onSaved} />
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{intl.formatMessage(m.none)}</p>
      )}
      {mandate ? (
        <form className={styles.form} onSubmit={submit}>
          <SelectField label={intl.formatMessage(m.procedureKind)} value={kind} onChange={(value) => setKind(value as 'BIA' | 'BID')}>
            <option value="BIA">{intl.formatMessage(m.kindBIA)}</option>
            <option value="BID">{intl.formatMessage(m.kindBID)}</option>
          </SelectField>
          <DayField label={intl.formatMessage(m.date)} value={openedOn} onChange={setOpenedOn} required />
          <Button type="submit" isDisabled={open.isPending || procedures.some((p) => p.kind === kind && !p.completedOn)}>
            {intl.formatMessage(m.openProcedure)}
          </Button>
        </form>
      ) : null}
      {open.error ? <RefusalAlert error={open.error} /> : null}
    </div>
  );
}

function Procedure({ api, caseId, procedure, mandate, onSaved }: { api: ApiClient; caseId: string; procedure: BestInterests; mandate: boolean; onSaved: () => void }) {
  const intl = useIntl();
  const [completing, setCompleting] = useState(false);
  const [completedOn, setCompletedOn] = useState(() => dayOf(new Date()));
  const [panel, setPanel] = useState('');
  const [decision, setDecision] = useState<string>(BID_DECISIONS[0]);
  const [reasons, setReasons] = useState('');
  const complete = useRecord(
    caseId,
    (body: object) =>
      unwrap<BestInterests>(api.POST('/api/v1/cases/{id}/best-interests/{procedureId}/complete', { params: { path: { id: caseId, procedureId: procedure.id } }, body: body as never })),
    () => {
      setCompleting(false);
      onSaved();
    },
  );
  const kindName = intl.formatMessage(procedure.kind === 'BID' ? m.kindBID : m.kindBIA);
  const bid = procedure.kind === 'BID';
  const members = panel
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    complete.mutate({ completedOn, reasons: reasons.trim(), version: procedure.version, ...(bid ? { panelMembers: members, decision } : {}) });
  };
  return (
    <li className={styles.row} data-testid="best-interests">
      <span className={styles.rowMain}>
        <strong className={styles.name}>{kindName}</strong>
        <span className={styles.hint}>{intl.formatMessage(m.openedOn, { date: formatDay(intl, procedure.openedOn) })}</span>
      </span>
      {procedure.completedOn ? (
        <StatusChip tone="success">{intl.formatMessage(m.completedOnLine, { date: formatDay(intl, procedure.completedOn) })}</StatusChip>
      ) : mandate && !completing ? (
        <Button variant="secondary" onPress={() => setCompleting(true)}>
          {intl.formatMessage(m.complete)}
        </Button>
      ) : null}
      {procedure.decision ? <span className={styles.rowDetail}>{intl.formatMessage(m.decisionLine, { decision: intl.formatMessage(m[`decision${procedure.decision as (typeof BID_DECISIONS)[number]}`]) })}</span> : null}
      {procedure.panelMembers.length > 0 ? (
        <span className={styles.rowDetail}>
          {intl.formatMessage(m.panelLine, { members: intl.formatList(procedure.panelMembers.map((member) => <bdi key={member}>{member}</bdi>), { type: 'conjunction' }) })}
        </span>
      ) : null}
      {procedure.reasons ? <span className={styles.rowDetail}>{procedure.reasons}</span> : null}
      {completing ? (
        <form className={`${styles.form} ${styles.wide}`} onSubmit={submit} aria-label={intl.formatMessage(m.completeTitle, { kind: kindName })}>
          <DayField label={intl.formatMessage(m.completedOn)} value={completedOn} onChange={setCompletedOn} required />
          {bid ? (
            <SelectField label={intl.formatMessage(m.decision)} value={decision} onChange={setDecision}>
              {BID_DECISIONS.map((code) => (
                <option key={code} value={code}>
                  {intl.formatMessage(m[`decision${code}`])}
                </option>
              ))}
            </SelectField>
          ) : null}
          {bid ? <TextAreaField label={intl.formatMessage(m.panel)} value={panel} onChange={setPanel} hint={intl.formatMessage(m.panelHint)} required /> : null}
          <TextAreaField label={intl.formatMessage(m.reasons)} value={reasons} onChange={setReasons} required maxLength={8000} />
          <Button type="submit" isDisabled={complete.isPending || !reasons.trim() || (bid && members.length < 2)}>
            {intl.formatMessage(m.completeTitle, { kind: kindName })}
          </Button>
          <Button variant="quiet" onPress={() => setCompleting(false)}>
            {intl.formatMessage(m.cancel)}
          </Button>
        </form>
      ) : null}
      {complete.error ? (
        <div className={styles.wide}>
          <RefusalAlert error={complete.error} />
        </div>
      ) : null}
    </li>
  );
}

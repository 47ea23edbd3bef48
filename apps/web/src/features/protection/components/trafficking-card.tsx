import { FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { agencyKindMessages, nameOf } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { StatusChip } from '../../../ui/status-chip';
import { ASSISTANCE_KINDS, dayOf, htcdsCsv, NEXT_STATUS, TraffickingRecord, TraffickingStatus } from '../protection-api';
import { formatDay } from '../safeguard-refusal';
import { useRecord } from '../use-record';
import { assistanceKindMessages, protectionMessages as m } from '../messages';
import { DayField, InputField, SelectField } from './fields';
import { ReflectionCountdown } from './reflection-countdown';
import { RefusalAlert } from './refusal-alert';
import styles from './record-card.module.css';

const STATUS_TONE = { POTENTIAL: 'info', PRESUMED: 'warning', IDENTIFIED: 'warning', NOT_IDENTIFIED: 'neutral' } as const;

interface Props {
  api: ApiClient;
  caseId: string;
  record: TraffickingRecord | null;
  mandate: boolean;
}

/**
 * The anti-trafficking coordinator's record: identification, the reflection period with its countdown, the
 * residence permit, assistance, and the de-identified HTCDS row as a download. Forms only with the mandate.
 */
export function TraffickingCard({ api, caseId, record, mandate }: Props) {
  const intl = useIntl();
  const [notice, setNotice] = useState(false);
  const path = { params: { path: { id: caseId } } };
  const saved = () => setNotice(true);
  const status = record?.status ?? 'NONE';
  const next = NEXT_STATUS[status];
  const [nextStatus, setNextStatus] = useState<TraffickingStatus | ''>('');
  // Nothing is chosen for the user: IDENTIFIED is final, so the step is always a deliberate pick.
  const chosen = nextStatus && next.includes(nextStatus) ? nextStatus : '';
  const identify = useRecord(caseId, (body: { status: string; version?: number }) => unwrap<TraffickingRecord>(api.PUT('/api/v1/cases/{id}/trafficking/identification', { ...path, body: body as never })), saved);
  const [startsOn, setStartsOn] = useState(() => dayOf(new Date()));
  const [days, setDays] = useState('');
  const reflection = useRecord(caseId, (body: { startsOn: string; days?: number; version?: number }) => unwrap<TraffickingRecord>(api.POST('/api/v1/cases/{id}/trafficking/reflection-period', { ...path, body: body as never })), saved);
  const [reference, setReference] = useState('');
  const [grantedOn, setGrantedOn] = useState(() => dayOf(new Date()));
  const [expiresOn, setExpiresOn] = useState('');
  const permit = useRecord(caseId, (body: object) => unwrap<TraffickingRecord>(api.POST('/api/v1/cases/{id}/trafficking/residence-permit', { ...path, body: body as never })), saved);
  const [kind, setKind] = useState<string>(ASSISTANCE_KINDS[0]);
  const [providedOn, setProvidedOn] = useState(() => dayOf(new Date()));
  const [provider, setProvider] = useState('');
  const assistance = useRecord(caseId, (body: object) => unwrap<TraffickingRecord>(api.POST('/api/v1/cases/{id}/trafficking/assistance', { ...path, body: body as never })), () => {
    setProvider('');
    saved();
  });
  const download = useRecord(caseId, async () => {
    const data = await unwrap<{ fields: string[]; row: Record<string, unknown> }>(api.GET('/api/v1/cases/{id}/trafficking/export', path));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([htcdsCsv(data.fields, data.row)], { type: 'text/csv;charset=utf-8' }));
    link.download = 'htcds.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  });
  const mutations = [identify, reflection, permit, assistance, download];
  const error = mutations.find((mutation) => mutation.error)?.error;
  const run = (event: FormEvent, action: () => void) => {
    event.preventDefault();
    setNotice(false);
    mutations.forEach((mutation) => mutation.reset());
    action();
  };
  const version = record ? { version: record.version } : {};
  const period = record?.reflectionPeriod ?? null;
  const victim = record?.status === 'PRESUMED' || record?.status === 'IDENTIFIED';

  const mandateHint = <p className={styles.hint}>{intl.formatMessage(m.notYourMandate, { kind: nameOf(intl, agencyKindMessages, 'ANTI_TRAFFICKING') })}</p>;
  if (!mandate && !record) {
    return (
      <section aria-labelledby="trafficking-title" className={styles.card}>
        <h2 id="trafficking-title">{intl.formatMessage(m.traffickingTitle)}</h2>
        <p className={styles.muted}>{intl.formatMessage(m.none)}</p>
        {mandateHint}
      </section>
    );
  }
  return (
    <section aria-labelledby="trafficking-title" className={styles.card}>
      <h2 id="trafficking-title">{intl.formatMessage(m.traffickingTitle)}</h2>

      <div className={styles.statusLine}>
        <strong>{intl.formatMessage(m.identificationStatus)}</strong>
        {record ? <StatusChip tone={STATUS_TONE[record.status]}>{intl.formatMessage(m[`status${record.status}`])}</StatusChip> : <span className={styles.muted}>{intl.formatMessage(m.none)}</span>}
      </div>
      {mandate && next.length > 0 ? (
        <form className={styles.form} onSubmit={(event) => run(event, () => identify.mutate({ status: chosen, ...version }, { onSuccess: () => setNextStatus('') }))}>
          <SelectField label={intl.formatMessage(m.identification)} value={chosen} onChange={(value) => setNextStatus(value as TraffickingStatus)}>
            <option value="">{intl.formatMessage(m.chooseStatus)}</option>
            {next.map((code) => (
              <option key={code} value={code}>
                {intl.formatMessage(m[`status${code}`])}
              </option>
            ))}
          </SelectField>
          <Button type="submit" isDisabled={identify.isPending || !chosen}>
            {intl.formatMessage(m.record)}
          </Button>
        </form>
      ) : null}
      {record?.status === 'IDENTIFIED' ? <p className={styles.muted}>{intl.formatMessage(m.identificationFinal)}</p> : null}

      <div className={styles.block}>
        <h3>{intl.formatMessage(m.reflectionTitle)}</h3>
        {period ? <ReflectionCountdown period={period} /> : <p className={styles.muted}>{intl.formatMessage(m.reflectionNone)}</p>}
        {mandate && victim && (!period || period.endedOn) ? (
          <form
            className={styles.form}
            onSubmit={(event) => run(event, () => reflection.mutate({ startsOn, ...(days ? { days: Number(days) } : {}), ...version }))}
          >
            <DayField label={intl.formatMessage(m.startsOn)} value={startsOn} onChange={setStartsOn} required />
            <InputField type="number" label={intl.formatMessage(m.days)} value={days} onChange={setDays} min={1} max={365} hint={intl.formatMessage(m.daysHint)} />
            <Button type="submit" isDisabled={reflection.isPending}>
              {intl.formatMessage(m.reflectionStart)}
            </Button>
          </form>
        ) : null}
      </div>

      <div className={styles.block}>
        <h3>{intl.formatMessage(m.permitTitle)}</h3>
        {record?.residencePermit ? (
          <p className={styles.rowMain}>
            {intl.formatMessage(m.permitLine, {
              reference: <bdi key="reference">{record.residencePermit.reference}</bdi>,
              grantedOn: formatDay(intl, record.residencePermit.grantedOn),
              expiresOn: record.residencePermit.expiresOn ? formatDay(intl, record.residencePermit.expiresOn) : '—',
            })}
          </p>
        ) : (
          <p className={styles.muted}>{intl.formatMessage(m.permitNone)}</p>
        )}
        {mandate && victim ? (
          <form className={styles.form} onSubmit={(event) => run(event, () => permit.mutate({ reference: reference.trim(), grantedOn, expiresOn, ...version }))}>
            <InputField label={intl.formatMessage(m.reference)} value={reference} onChange={setReference} required maxLength={80} />
            <DayField label={intl.formatMessage(m.grantedOn)} value={grantedOn} onChange={setGrantedOn} required />
            <DayField label={intl.formatMessage(m.expiresOn)} value={expiresOn} onChange={setExpiresOn} required />
            <Button type="submit" isDisabled={permit.isPending || !reference.trim() || !expiresOn}>
              {intl.formatMessage(m.record)}
            </Button>
          </form>
        ) : null}
      </div>

      <div className={styles.block}>
        <h3>{intl.formatMessage(m.assistanceTitle)}</h3>
        <p className={styles.muted}>{intl.formatMessage(m.assistanceNotConditional)}</p>
        {record && record.assistance.length > 0 ? (
          <ul className={styles.rows}>
            {record.assistance.map((a, i) => (
              <li key={`${a.kind}-${a.providedOn}-${i}`} className={styles.row}>
                {intl.formatMessage(m.assistanceLine, { kind: nameOf(intl, assistanceKindMessages, a.kind), date: formatDay(intl, a.providedOn), provider: <bdi key="provider">{a.provider}</bdi> })}
              </li>
            ))}
          </ul>
        ) : null}
        {mandate && record ? (
          <form className={styles.form} onSubmit={(event) => run(event, () => assistance.mutate({ kind, providedOn, provider: provider.trim() }))}>
            <SelectField label={intl.formatMessage(m.assistanceKind)} value={kind} onChange={setKind}>
              {ASSISTANCE_KINDS.map((code) => (
                <option key={code} value={code}>
                  {nameOf(intl, assistanceKindMessages, code)}
                </option>
              ))}
            </SelectField>
            <DayField label={intl.formatMessage(m.date)} value={providedOn} onChange={setProvidedOn} required />
            <InputField label={intl.formatMessage(m.provider)} value={provider} onChange={setProvider} required maxLength={200} />
            <Button type="submit" isDisabled={assistance.isPending || !provider.trim()}>
              {intl.formatMessage(m.record)}
            </Button>
          </form>
        ) : null}
      </div>

      {mandate && victim ? (
        <div className={styles.block}>
          <Button variant="secondary" onPress={() => download.mutate(undefined)} isDisabled={download.isPending}>
            {intl.formatMessage(m.htcds)}
          </Button>
          <span className={styles.hint}>{intl.formatMessage(m.htcdsHint)}</span>
        </div>
      ) : null}
      {!mandate ? mandateHint : null}
      <div aria-live="polite">{notice && !error ? <Alert tone="info">{intl.formatMessage(m.saved)}</Alert> : null}</div>
      {error ? <RefusalAlert error={error} /> : null}
    </section>
  );
}

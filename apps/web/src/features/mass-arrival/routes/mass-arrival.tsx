import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../../api/api-error';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { westernDigits } from '../../cases/cases-api';
import { Me, meQuery } from '../../auth/me';
import { DateInputField } from '../../intake/components/fields';
import { ArrivalGrid, withTrailingRow } from '../components/arrival-grid';
import {
  ARRIVAL_MODES,
  arrivalTimeValid,
  asDraft,
  Chunk,
  countryList,
  Draft,
  draftHasWork,
  isBlank,
  localDateTime,
  planChunks,
  resolveNationality,
  rowProblems,
  sendChunks,
  toPerson,
} from '../mass-arrival';
import { massArrivalMessages as m } from '../messages';
import { offlineMessages } from '../../offline/messages';
import { useOffline, useVault } from '../../offline/offline-context';
import { sendChunk } from '../send-chunk';
import styles from './mass-arrival.module.css';
import { CaseNumber } from '../../../ui/case-number';

export const Route = createFileRoute('/_signed-in/mass-arrival')({
  component: MassArrival,
});

const newDraft = (borderPointId: string): Draft => ({
  arrival: { borderPointId, arrivedAt: localDateTime(new Date()), mode: 'LAND' },
  rows: withTrailingRow([]),
  chunks: null,
});

/**
 * Mass arrival: the arrival once, then one keyboard row per person; sent in chunks of at most 50 persons
 * (each its own intake, so a retry never registers twice), and the case numbers at the end. Until every
 * chunk is registered or in the outbox, the draft is kept sealed in the user's profile on the device (the
 * offline vault), so a reload or a sign-out loses nothing and the next user of the laptop sees nothing.
 */
function MassArrival() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const me = useQuery(meQuery(api));
  if (me.isError) return <Alert>{describeError(intl, me.error)}</Alert>;
  if (!me.data) return null;
  if (me.data.borderPoints.length === 0) return <Alert tone="info">{intl.formatMessage(m.noBorderPoint)}</Alert>;
  return <SealedDraft borderPoints={me.data.borderPoints} />;
}

/** Opens the draft kept sealed for this user (asking for the password after a reload), then the form. */
function SealedDraft({ borderPoints }: { borderPoints: Me['borderPoints'] }) {
  const intl = useIntl();
  const offline = useOffline();
  const vault = useVault();
  const [restored, setRestored] = useState<{ for: string; draft: Draft | null } | null>(null);
  useEffect(() => {
    if (!vault.username) {
      offline.vault.requestUnlock();
      return;
    }
    let live = true;
    const username = vault.username;
    offline.vault
      .profile()
      .then((profile) => live && setRestored({ for: username, draft: asDraft(profile?.massArrivalDraft) }))
      .catch(() => live && setRestored({ for: username, draft: null }));
    return () => {
      live = false;
    };
  }, [vault.username, offline.vault]);
  if (!vault.username) return <Alert tone="info">{intl.formatMessage(m.locked)}</Alert>;
  if (restored?.for !== vault.username) return null;
  return <MassArrivalForm key={vault.username} borderPoints={borderPoints} restored={restored.draft} />;
}

function MassArrivalForm({ borderPoints, restored }: { borderPoints: Me['borderPoints']; restored: Draft | null }) {
  const intl = useIntl();
  const offline = useOffline();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => restored ?? newDraft(borderPoints.length === 1 ? (borderPoints[0]?.id ?? '') : ''));
  const [showProblems, setShowProblems] = useState(false);
  const [sending, setSending] = useState(false);
  const latest = useRef(draft);

  const countries = useMemo(() => countryList(intl.locale), [intl.locale]);
  const words = { stateless: intl.formatMessage(m.stateless), unknown: intl.formatMessage(m.unknownNationality) };

  useEffect(() => {
    latest.current = draft;
    // Sealed under the user's key; a burst of keystrokes is saved once.
    const timer = window.setTimeout(() => void offline.vault.saveProfile({ massArrivalDraft: draftHasWork(draft) ? draft : null }).catch(() => undefined), 300);
    return () => window.clearTimeout(timer);
  }, [draft, offline.vault]);

  const filled = draft.rows.filter((row) => !isBlank(row));
  const timeValid = arrivalTimeValid(draft.arrival.arrivedAt);
  // With several border points the official chooses one: a whole group registered at the wrong post is hard to undo.
  const borderPointValid = borderPoints.some((point) => point.id === draft.arrival.borderPointId);
  const incomplete = filled.filter((row) => rowProblems(row, resolveNationality(row.nationality, countries, words)).length > 0);
  const locked = draft.chunks !== null;
  const rowByKey = new Map(draft.rows.map((row) => [row.key, row]));
  const numberOf = new Map(draft.rows.map((row, i) => [row.key, i + 1]));

  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const setChunk = (intakeId: string, state: Chunk['state']) =>
    setDraft((current) => (current.chunks ? { ...current, chunks: current.chunks.map((chunk) => (chunk.intakeId === intakeId ? { ...chunk, state } : chunk)) } : current));

  /** Sends the chunks not yet registered, one after the other (the api numbers cases in order). */
  const send = async (only?: string) => {
    const current = latest.current;
    if (sending) return;
    let chunks = current.chunks;
    if (!chunks) {
      if (incomplete.length > 0 || filled.length === 0 || !timeValid || !borderPointValid) {
        setShowProblems(true);
        return;
      }
      chunks = planChunks(filled.map((row) => row.key));
      const planned: Draft = { ...current, rows: filled, chunks };
      latest.current = planned;
      setDraft(planned);
      await offline.vault.saveProfile({ massArrivalDraft: planned }).catch(() => undefined);
    }
    setSending(true);
    const draftNow = latest.current;
    await sendChunks(
      { ...draftNow, chunks },
      (row) => toPerson(row, resolveNationality(row.nationality, countries, words) ?? 'UNKNOWN'),
      (body) => sendChunk(offline.outbox, body),
      setChunk,
      only,
    );
    setSending(false);
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
  };

  const startNew = () => {
    void offline.vault.saveProfile({ massArrivalDraft: null }).catch(() => undefined);
    setShowProblems(false);
    setDraft(newDraft(draft.arrival.borderPointId));
  };

  const chunks = draft.chunks ?? [];
  const total = chunks.reduce((sum, chunk) => sum + chunk.rowKeys.length, 0);
  const sent = chunks.reduce((sum, chunk) => sum + (chunk.state.status === 'sent' ? chunk.rowKeys.length : 0), 0);
  const queued = chunks.reduce((sum, chunk) => sum + (chunk.state.status === 'queued' ? chunk.rowKeys.length : 0), 0);
  const finished = locked && sent + queued === total;
  const slips = chunks.flatMap((chunk) =>
    chunk.state.status === 'sent' ? chunk.state.cases.map((registered, i) => ({ caseNumber: registered.caseNumber, name: rowByKey.get(chunk.rowKeys[i] ?? '')?.text ?? '' })) : [],
  );
  const borderPointName = borderPoints.find((point) => point.id === draft.arrival.borderPointId)?.name ?? '';
  const arrivedOn = arrivalTimeValid(draft.arrival.arrivedAt) ? intl.formatDate(`${draft.arrival.arrivedAt.slice(0, 10)}T12:00:00`, { dateStyle: 'long' }) : draft.arrival.arrivedAt.slice(0, 10);
  const range = (chunk: Chunk) => ({ from: numberOf.get(chunk.rowKeys[0] ?? '') ?? 0, to: numberOf.get(chunk.rowKeys[chunk.rowKeys.length - 1] ?? '') ?? 0 });

  return (
    <section aria-labelledby="mass-arrival-title" className={styles.page}>
      <h1 id="mass-arrival-title">{intl.formatMessage(m.title)}</h1>
      <p className={styles.intro}>{intl.formatMessage(m.intro)}</p>
      {restored && !locked && restored.rows.some((row) => !isBlank(row)) ? <Alert tone="info">{intl.formatMessage(m.restored)}</Alert> : null}

      <fieldset className={styles.arrival} disabled={locked}>
        <legend>{intl.formatMessage(m.arrival)}</legend>
        <label className={styles.field}>
          <span>{intl.formatMessage(m.borderPoint)}</span>
          <select
            value={draft.arrival.borderPointId}
            required
            aria-invalid={showProblems && !borderPointValid ? true : undefined}
            aria-describedby={showProblems && !borderPointValid ? 'arrival-border-point-problem' : undefined}
            onChange={(event) => update({ arrival: { ...draft.arrival, borderPointId: event.target.value } })}
          >
            {borderPointValid ? null : <option value="">{intl.formatMessage(m.chooseBorderPoint)}</option>}
            {borderPoints.map((point) => (
              <option key={point.id} value={point.id}>
                {point.name}
              </option>
            ))}
          </select>
          {showProblems && !borderPointValid ? (
            <span id="arrival-border-point-problem" className={styles.problem}>
              {intl.formatMessage(m.chooseBorderPointProblem)}
            </span>
          ) : null}
        </label>
        {/* The same day-first date segments as the registration form, in the UI's language (a browser's own date
            input follows the browser's locale, and 12/07 reads as 12 July to some and 7 December to others). */}
        <DateInputField
          label={intl.formatMessage(m.arrivedOn)}
          path="arrival.date"
          value={draft.arrival.arrivedAt.slice(0, 10)}
          onChange={(date) => update({ arrival: { ...draft.arrival, arrivedAt: `${date}T${draft.arrival.arrivedAt.slice(11)}` } })}
        />
        <label className={styles.field}>
          <span>{intl.formatMessage(m.arrivedTime)}</span>
          <input
            type="text"
            inputMode="numeric"
            required
            autoComplete="off"
            maxLength={5}
            aria-invalid={timeValid ? undefined : true}
            aria-describedby={timeValid ? undefined : 'arrival-time-problem'}
            value={draft.arrival.arrivedAt.slice(11)}
            onChange={(event) =>
              update({ arrival: { ...draft.arrival, arrivedAt: `${draft.arrival.arrivedAt.slice(0, 10)}T${westernDigits(event.target.value).replace(/[^\d:]/g, '')}` } })
            }
          />
          {timeValid ? null : (
            <span id="arrival-time-problem" className={styles.problem}>
              {intl.formatMessage(m.badTime)}
            </span>
          )}
        </label>
        <label className={styles.field}>
          <span>{intl.formatMessage(m.mode)}</span>
          <select value={draft.arrival.mode} onChange={(event) => update({ arrival: { ...draft.arrival, mode: event.target.value as Draft['arrival']['mode'] } })}>
            {ARRIVAL_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {intl.formatMessage(m[`mode${mode}`])}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      {!locked ? (
        <>
          <div className={styles.gridHead}>
            <div className={styles.keyboardHints}>
              <p className={styles.hint} id="grid-shortcuts">
                {intl.formatMessage(m.shortcuts)}
              </p>
              <p className={styles.hint}>{intl.formatMessage(m.flagKeys)}</p>
            </div>
            <p className={styles.counter} role="status" aria-live="polite" data-testid="row-counter">
              {intl.formatMessage(m.rowCount, { count: filled.length })}
            </p>
          </div>
          <div className={styles.gridFrame}>
            <ArrivalGrid rows={draft.rows} onChange={(rows) => update({ rows })} countries={countries} showProblems={showProblems} />
          </div>
          {showProblems && incomplete.length > 0 ? <Alert>{intl.formatMessage(m.problems, { count: incomplete.length })}</Alert> : null}
          <div className={styles.actions}>
            <Button onPress={() => void send()} isDisabled={filled.length === 0}>
              {intl.formatMessage(m.send, { count: filled.length })}
            </Button>
          </div>
        </>
      ) : (
        <div className={styles.sending}>
          <p role="status" className={styles.counter}>
            {intl.formatMessage(m.progress, { sent, total })}
          </p>
          <progress max={total} value={sent} className={styles.progress} aria-label={intl.formatMessage(m.progress, { sent, total })} />
          <ul className={styles.chunks}>
            {chunks.map((chunk) =>
              chunk.state.status === 'failed' ? (
                <li key={chunk.intakeId} className={styles.failed}>
                  <Alert>
                    {intl.formatMessage(m.chunkFailed, {
                      ...range(chunk),
                      reason: describeError(intl, new ApiError(0, chunk.state.code, chunk.state.reference)),
                    })}
                  </Alert>
                  <Button variant="secondary" onPress={() => void send(chunk.intakeId)} isDisabled={sending}>
                    {intl.formatMessage(m.retry, range(chunk))}
                  </Button>
                </li>
              ) : chunk.state.status === 'queued' ? (
                <li key={chunk.intakeId}>
                  <Alert tone="info">{intl.formatMessage(m.chunkQueued, range(chunk))}</Alert>
                </li>
              ) : null,
            )}
          </ul>
          {queued > 0 ? (
            <p className={styles.hint}>
              {intl.formatMessage(m.queuedNote)} <Link to="/outbox">{intl.formatMessage(offlineMessages.openOutbox)}</Link>
            </p>
          ) : null}
          {finished ? (
            <div className={styles.done}>
              <h2>{intl.formatMessage(m.done, { count: total })}</h2>
              <p className={styles.hint}>{intl.formatMessage(m.doneHint)}</p>
              {/* A narrow screen scrolls the table sideways, not the page. */}
              <div className={styles.resultsFrame}>
              <table className={styles.results}>
                <caption className={styles.caption}>{intl.formatMessage(m.caseNumbers)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{intl.formatMessage(m.colNumber)}</th>
                    <th scope="col">{intl.formatMessage(m.colName)}</th>
                    <th scope="col">{intl.formatMessage(m.colCaseNumber)}</th>
                  </tr>
                </thead>
                <tbody>
                  {chunks.flatMap((chunk) =>
                    chunk.state.status === 'sent'
                      ? chunk.state.cases.map((registered, i) => {
                          const key = chunk.rowKeys[i] ?? '';
                          return (
                            <tr key={registered.id}>
                              <td>{intl.formatNumber(numberOf.get(key) ?? 0)}</td>
                              <td>
                                <bdi>{rowByKey.get(key)?.text}</bdi>
                              </td>
                              <td>
                                <CaseNumber caseNumber={registered.caseNumber} />
                              </td>
                            </tr>
                          );
                        })
                      : [],
                  )}
                </tbody>
              </table>
              </div>
              <div className={styles.actions}>
                <Button onPress={() => window.print()} isDisabled={slips.length === 0}>
                  {intl.formatMessage(m.printSlips)}
                </Button>
                <Button variant="secondary" onPress={startNew}>
                  {intl.formatMessage(m.startNew)}
                </Button>
              </div>
            </div>
          ) : null}
        </div>
      )}
      {finished && slips.length > 0 ? (
        // Only on paper: one slip per person, several to an A4 page, with cut lines between them.
        <div className={styles.slips} aria-label={intl.formatMessage(m.slipsLabel)} role="region" data-testid="slips">
          {slips.map((slip) => (
            <div key={slip.caseNumber} className={styles.slip} data-testid="slip">
              <span className={styles.slipLabel}>{intl.formatMessage(m.slipCaseNumber)}</span>
              <bdi className={styles.slipNumber}>{slip.caseNumber}</bdi>
              <bdi className={styles.slipName}>{slip.name}</bdi>
              <span className={styles.slipWhere}>
                <bdi>{borderPointName}</bdi>
                <time dateTime={draft.arrival.arrivedAt.slice(0, 10)}>{arrivedOn}</time>
              </span>
              <span className={styles.slipKeep}>{intl.formatMessage(m.slipKeep)}</span>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { FormEvent, useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { agencyKindMessages, nameOf } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { can, meQuery } from '../../auth/me';
import { caseQuery } from '../../cases/case-view';
import { consentMessages as m, leafletLanguageNames, legalBasisMessages } from '../messages';
import {
  caseReferralsQuery,
  Consent,
  CONSENT_PURPOSES,
  consentsQuery,
  interpreterOf,
  LEAFLET_LANGUAGES,
  LEGAL_BASES,
  RecordConsent,
  Referral,
  waitingPurposes,
} from '../rights-api';
import styles from './consent.module.css';
import { CaseNumber } from '../../../ui/case-number';
import { StatusChip, toneOf } from '../../../ui/status-chip';

export const Route = createFileRoute('/_signed-in/cases/$caseId/consent')({
  component: ConsentPage,
});

/** Referrals no longer going ahead (declined, withdrawn, or suspended by a protection profile). */
const CLOSED_STATUSES: readonly string[] = ['DECLINED', 'WITHDRAWN', 'SUSPENDED'];

/** The recorded-at time: a 24-hour clock in every language. */
const RECORDED_FORMAT = { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' } as const;

/**
 * Consent per purpose and recipient: which referrals of the case wait for which consent, the person's
 * answer recorded for each (the held referral goes to its agency once consent is on record), and the
 * consents and legal bases on record, each withdrawable by whom the api allows.
 */
function ConsentPage() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const { caseId } = Route.useParams();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery(api));
  const consents = useQuery(consentsQuery(api, caseId));
  const referrals = useQuery(caseReferralsQuery(api, caseId));
  // The languages the person speaks, where the border point may see identity (none otherwise: no default, no warning).
  const person = useQuery(caseQuery(api, caseId));
  const spoken = person.data?.sections.IDENTITY?.languages ?? [];
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['consents', caseId] }), queryClient.invalidateQueries({ queryKey: ['referrals', 'case', caseId] })]);
  };

  /** Records the answers, then tells how many held referrals went to their agencies. */
  const record = useMutation({
    mutationFn: async (bodies: RecordConsent[]) => {
      const waitingBefore = new Set((referrals.data ?? []).filter((r) => r.status === 'AWAITING_CONSENT').map((r) => r.id));
      for (const body of bodies) {
        await unwrap<Consent>(api.POST('/api/v1/cases/{id}/consents', { params: { path: { id: caseId } }, body: body as never }));
      }
      await refresh();
      const after = await queryClient.fetchQuery(caseReferralsQuery(api, caseId));
      const released = after.filter((r) => waitingBefore.has(r.id) && r.status !== 'AWAITING_CONSENT').length;
      return { released, refused: bodies.some((body) => 'decision' in body && body.decision === 'REFUSED') };
    },
    onSuccess: ({ released, refused }) =>
      setNotice(
        released > 0
          ? intl.formatMessage(m.releasedNow, { count: released })
          : refused
            ? intl.formatMessage(m.refusedStillHeld)
            : intl.formatMessage(m.recorded),
      ),
  });

  const withdraw = useMutation({
    mutationFn: (consentId: string) =>
      unwrap<Consent>(api.POST('/api/v1/cases/{id}/consents/{consentId}/withdraw', { params: { path: { id: caseId, consentId } }, body: {} as never })),
    onSuccess: async () => {
      setNotice(intl.formatMessage(m.withdrawnDone));
      await refresh();
    },
  });

  const mayRecord = can(me.data, 'CONSENT_RECORD');
  const waiting = (referrals.data ?? []).filter((referral) => referral.status === 'AWAITING_CONSENT');
  const sent = (referrals.data ?? []).filter((referral) => referral.status !== 'AWAITING_CONSENT');
  const agencyNames = new Map((referrals.data ?? []).map((referral) => [referral.agency.id, referral.agency.name]));
  const caseNumber = referrals.data?.[0]?.caseNumber;
  const error = record.error ?? withdraw.error;

  return (
    <section aria-labelledby="consent-title" className={styles.page}>
      <h1 id="consent-title">
        {caseNumber
          ? intl.formatMessage(m.titleCase, {
              caseNumber: (
                <CaseNumber key="caseNumber" caseNumber={caseNumber} />
              ),
            })
          : intl.formatMessage(m.title)}
      </h1>
      <p className={styles.intro}>{intl.formatMessage(m.intro)}</p>
      <div aria-live="polite" role="status" className={styles.notice}>
        {notice && !error ? <Alert tone="info">{notice}</Alert> : null}
      </div>
      {error ? <Alert>{describeError(intl, error)}</Alert> : null}

      <section aria-labelledby="waiting-title" className={styles.card}>
        <h2 id="waiting-title">{intl.formatMessage(m.waitingTitle)}</h2>
        {referrals.isError ? <Alert>{describeError(intl, referrals.error)}</Alert> : null}
        {referrals.isSuccess && waiting.length === 0 ? <p className={styles.muted}>{intl.formatMessage(m.waitingNone)}</p> : null}
        <ul className={styles.referrals}>
          {(person.isPending ? [] : waiting).map((referral) => (
            <WaitingReferral
              key={referral.id}
              referral={referral}
              spoken={spoken}
              mayRecord={mayRecord}
              pending={record.isPending}
              onRecord={(bodies) => {
                setNotice(null);
                withdraw.reset();
                record.mutate(bodies);
              }}
            />
          ))}
        </ul>
        {sent.length > 0 ? (
          <>
            <h3 className={styles.subhead}>{intl.formatMessage(m.otherReferrals)}</h3>
            <ul className={styles.referrals}>
              {sent.map((referral) => (
                <li key={referral.id} className={styles.referral} data-testid="referral-sent">
                  <bdi className={styles.agency}>{referral.agency.name}</bdi>
                  <span className={styles.kind}>{nameOf(intl, agencyKindMessages, referral.agency.kind)}</span>
                  {CLOSED_STATUSES.includes(referral.status) ? (
                    <StatusChip tone="neutral">{intl.formatMessage(m.referralClosed)}</StatusChip>
                  ) : (
                    <StatusChip tone={toneOf('referral', 'PENDING')}>{intl.formatMessage(m.released)}</StatusChip>
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="consents-title" className={styles.card}>
        <h2 id="consents-title">{intl.formatMessage(m.summaryTitle)}</h2>
        {consents.isError ? (
          <Alert>
            {intl.formatMessage(m.loadFailed)} {describeError(intl, consents.error)}
          </Alert>
        ) : null}
        {consents.isSuccess && consents.data.length === 0 ? <p className={styles.muted}>{intl.formatMessage(m.none)}</p> : null}
        {consents.data && consents.data.length > 0 ? (
          <div className={styles.tableFrame}>
            <table className={styles.table}>
              <caption className={styles.caption}>{intl.formatMessage(m.summaryTitle)}</caption>
              <thead>
                <tr>
                  <th scope="col">{intl.formatMessage(m.colPurpose)}</th>
                  <th scope="col">{intl.formatMessage(m.colRecipient)}</th>
                  <th scope="col">{intl.formatMessage(m.colDecision)}</th>
                  <th scope="col">{intl.formatMessage(m.colRecorded)}</th>
                  <th scope="col">{intl.formatMessage(m.colActions)}</th>
                </tr>
              </thead>
              <tbody>
                {consents.data.map((consent) => {
                  const purpose = intl.formatMessage(m[`purpose${consent.purpose}`]);
                  const recipient = recipientOf(intl, consent, agencyNames);
                  return (
                    <tr key={consent.id} className={consent.withdrawnAt ? styles.withdrawnRow : undefined}>
                      <td>{purpose}</td>
                      <td>
                        <bdi>{recipient}</bdi>
                      </td>
                      <td>
                        <StatusChip tone={toneOf('consent', consent.decision)}>
                          {consent.decision === 'LEGAL_BASIS'
                            ? intl.formatMessage(m.decisionLEGAL_BASIS, { basis: consent.legalBasis ? nameOf(intl, legalBasisMessages, consent.legalBasis) : '' })
                            : intl.formatMessage(consent.decision === 'GIVEN' ? m.decisionGIVEN : m.decisionREFUSED)}
                        </StatusChip>
                        {consent.language && isKnownLanguage(consent.language) ? (
                          <span className={`${styles.muted} ${styles.askedIn}`}>
                            {intl.formatMessage(m.askedIn, {
                              language: (
                                <span key="language" lang={consent.language}>
                                  {intl.formatMessage(leafletLanguageNames[consent.language])}
                                </span>
                              ),
                            })}
                          </span>
                        ) : null}
                        {consent.interpreter ? (
                          <span className={`${styles.muted} ${styles.askedIn}`}>
                            {consent.interpreter.used
                              ? consent.interpreter.name
                                ? intl.formatMessage(m.throughInterpreterNamed, { name: <bdi key="name">{consent.interpreter.name}</bdi> })
                                : intl.formatMessage(m.throughInterpreter)
                              : intl.formatMessage(m.noInterpreter)}
                          </span>
                        ) : null}
                        {consent.withdrawnAt ? (
                          <span className={styles.withdrawn}>{intl.formatMessage(m.withdrawn, { date: intl.formatDate(consent.withdrawnAt, RECORDED_FORMAT) })}</span>
                        ) : null}
                      </td>
                      <td>
                        <time dateTime={consent.recordedAt}>{intl.formatDate(consent.recordedAt, RECORDED_FORMAT)}</time>
                      </td>
                      <td>
                        {mayRecord && !consent.withdrawnAt && consent.decision !== 'REFUSED' ? (
                          <Button
                            variant="secondary"
                            aria-label={intl.formatMessage(m.withdrawLabel, { purpose, recipient })}
                            isDisabled={withdraw.isPending}
                            onPress={() => {
                              setNotice(null);
                              record.reset();
                              withdraw.mutate(consent.id);
                            }}
                          >
                            {intl.formatMessage(m.withdraw)}
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      {/* Shown once the referrals and the person's languages are in: its defaults come from them, and an official's
          choices are never reset under their hands by a late answer. */}
      {mayRecord && !referrals.isPending && !person.isPending ? (
        <RecordForm
          spoken={spoken}
          agencies={[...new Map((referrals.data ?? []).map((r) => [r.agency.id, r.agency])).values()]}
          mayUseLegalBasis={can(me.data, 'CONSENT_LEGAL_BASIS')}
          pending={record.isPending}
          onRecord={(body) => {
            setNotice(null);
            withdraw.reset();
            record.mutate([body]);
          }}
        />
      ) : null}
    </section>
  );
}

/** The api asks a legal basis's reason to say why in at least this many characters. */
const REASON_MIN = 10;

const isKnownLanguage = (code: string): code is keyof typeof leafletLanguageNames => (LEAFLET_LANGUAGES as readonly string[]).includes(code);

function recipientOf(intl: ReturnType<typeof useIntl>, consent: Consent, agencyNames: Map<string, string>): string {
  if (consent.recipientAgencyId) return agencyNames.get(consent.recipientAgencyId) ?? consent.recipientAgencyId.slice(0, 8);
  if (consent.recipientAgencyKind) return intl.formatMessage(m.anyAgencyOfKind, { kind: nameOf(intl, agencyKindMessages, consent.recipientAgencyKind) });
  return '';
}

/**
 * The person's first recorded language the list offers; else the UI language if the list has it, else English.
 */
const defaultLanguage = (locale: string, spoken: readonly string[]): string => spoken.find(isKnownLanguage) ?? (isKnownLanguage(locale) ? locale : 'en');

/**
 * The language the question was asked in; a warning when the person is not recorded as speaking it and no
 * interpreter helped (a consent asked in a language the person does not understand is not informed).
 */
function LanguageSelect({ value, onChange, spoken, interpreterUsed }: { value: string; onChange: (value: string) => void; spoken: readonly string[]; interpreterUsed: boolean }) {
  const intl = useIntl();
  const warningId = useId();
  const notSpoken = spoken.length > 0 && !spoken.includes(value) && !interpreterUsed;
  return (
    <label className={styles.field}>
      <span>{intl.formatMessage(m.askedLanguage)}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={notSpoken ? warningId : undefined}>
        {LEAFLET_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {intl.formatMessage(leafletLanguageNames[code])}
          </option>
        ))}
      </select>
      {notSpoken ? (
        <span id={warningId} className={styles.languageWarning} data-testid="language-warning">
          {intl.formatMessage(m.notSpokenWarning)}
        </span>
      ) : null}
    </label>
  );
}

type Answer = 'GIVEN' | 'REFUSED' | 'LEGAL_BASIS';

function Decision({ value, onChange, name, legalBasis = false }: { value: Answer | null; onChange: (value: Answer) => void; name: string; legalBasis?: boolean }) {
  const intl = useIntl();
  const answers: Answer[] = legalBasis ? ['GIVEN', 'REFUSED', 'LEGAL_BASIS'] : ['GIVEN', 'REFUSED'];
  const label = { GIVEN: m.given, REFUSED: m.refused, LEGAL_BASIS: m.useLegalBasis } as const;
  return (
    <fieldset className={styles.decision}>
      <legend>{intl.formatMessage(m.decision)}</legend>
      {answers.map((decision) => (
        <label key={decision} className={styles.radio}>
          <input type="radio" name={name} value={decision} checked={value === decision} onChange={() => onChange(decision)} required />
          {intl.formatMessage(label[decision])}
        </label>
      ))}
    </fieldset>
  );
}

/** Whether an interpreter helped ask, and who (the language they spoke is the one the question was asked in). */
function InterpreterField({ used, onUsedChange, name, onNameChange }: { used: boolean; onUsedChange: (used: boolean) => void; name: string; onNameChange: (name: string) => void }) {
  const intl = useIntl();
  return (
    <fieldset className={styles.interpreter}>
      <legend>{intl.formatMessage(m.interpreter)}</legend>
      <label className={styles.check}>
        <input type="checkbox" checked={used} onChange={(event) => onUsedChange(event.target.checked)} />
        {intl.formatMessage(m.interpreterUsed)}
      </label>
      {used ? (
        <label className={styles.field}>
          <span>{intl.formatMessage(m.interpreterName)}</span>
          <input className={styles.input} value={name} maxLength={200} autoComplete="off" onChange={(event) => onNameChange(event.target.value)} />
        </label>
      ) : null}
    </fieldset>
  );
}

/** One referral held for consent: what it waits for, and the person's answer for its agency. */
function WaitingReferral({
  referral,
  spoken,
  mayRecord,
  pending,
  onRecord,
}: {
  referral: Referral;
  spoken: readonly string[];
  mayRecord: boolean;
  pending: boolean;
  onRecord: (bodies: RecordConsent[]) => void;
}) {
  const intl = useIntl();
  const name = useId();
  const [decision, setDecision] = useState<'GIVEN' | 'REFUSED' | null>(null);
  const [language, setLanguage] = useState(() => defaultLanguage(intl.locale, spoken));
  const [interpreterUsed, setInterpreterUsed] = useState(false);
  const [interpreterName, setInterpreterName] = useState('');
  const purposes = waitingPurposes(referral);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    const interpreter = interpreterOf(interpreterUsed, language, interpreterName);
    onRecord(purposes.map((purpose) => ({ purpose, recipientAgencyId: referral.agency.id, decision, language, interpreter })));
  };
  return (
    <li className={`${styles.referral} ${styles.referralWaiting}`} data-testid="referral-waiting">
      <div className={styles.referralHead}>
        <bdi className={styles.agency}>{referral.agency.name}</bdi>
        <span className={styles.kind}>{nameOf(intl, agencyKindMessages, referral.agency.kind)}</span>
        <StatusChip tone={toneOf('referral', 'AWAITING_CONSENT')}>{intl.formatMessage(m.awaiting)}</StatusChip>
      </div>
      <p className={styles.waitsFor}>
        {intl.formatMessage(m.waitingFor, { purposes: intl.formatList(purposes.map((purpose) => intl.formatMessage(m[`purpose${purpose}`])), { type: 'conjunction' }) })}
      </p>
      {mayRecord ? (
        <form className={styles.inlineForm} onSubmit={submit} aria-label={intl.formatMessage(m.recordFor, { agency: referral.agency.name })}>
          <Decision value={decision} onChange={(answer) => setDecision(answer === 'LEGAL_BASIS' ? null : answer)} name={name} />
          <LanguageSelect value={language} onChange={setLanguage} spoken={spoken} interpreterUsed={interpreterUsed} />
          <InterpreterField used={interpreterUsed} onUsedChange={setInterpreterUsed} name={interpreterName} onNameChange={setInterpreterName} />
          <Button type="submit" isDisabled={pending || !decision}>
            {intl.formatMessage(m.record)}
          </Button>
        </form>
      ) : null}
    </li>
  );
}

/**
 * Any other consent: a purpose, a recipient (an agency of the case's referrals, or every agency of a kind), the
 * answer; or, for the roles that may, a legal basis standing in for consent, with why.
 */
function RecordForm({
  agencies,
  spoken,
  pending,
  onRecord,
  mayUseLegalBasis,
}: {
  agencies: Referral['agency'][];
  spoken: readonly string[];
  pending: boolean;
  onRecord: (body: RecordConsent) => void;
  mayUseLegalBasis: boolean;
}) {
  const intl = useIntl();
  const name = useId();
  const kinds = Object.keys(agencyKindMessages).filter((kind) => kind !== 'MONITOR' && kind !== 'BORDER_AUTHORITY');
  const [purpose, setPurpose] = useState<Consent['purpose']>('REFERRAL');
  const [recipient, setRecipient] = useState(agencies[0] ? `agency:${agencies[0].id}` : `kind:${kinds[0]}`);
  const [decision, setDecision] = useState<Answer | null>(null);
  const [language, setLanguage] = useState(() => defaultLanguage(intl.locale, spoken));
  const [interpreterUsed, setInterpreterUsed] = useState(false);
  const [interpreterName, setInterpreterName] = useState('');
  const [legalBasis, setLegalBasis] = useState<(typeof LEGAL_BASES)[number]>(LEGAL_BASES[0]);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const reasonShort = decision === 'LEGAL_BASIS' && reason.trim().length < REASON_MIN;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!decision || reasonShort) return;
    const [type, value] = recipient.split(':');
    const to = { purpose, ...(type === 'agency' ? { recipientAgencyId: value } : { recipientAgencyKind: value }) };
    onRecord(
      decision === 'LEGAL_BASIS'
        ? { ...to, legalBasis, reason: reason.trim() }
        : { ...to, decision, language, interpreter: interpreterOf(interpreterUsed, language, interpreterName) },
    );
  };
  return (
    <section aria-labelledby="record-title" className={styles.card}>
      <h2 id="record-title">{intl.formatMessage(m.formTitle)}</h2>
      <form className={styles.form} onSubmit={submit}>
        <label className={styles.field}>
          <span>{intl.formatMessage(m.purpose)}</span>
          <select value={purpose} onChange={(event) => setPurpose(event.target.value as Consent['purpose'])}>
            {CONSENT_PURPOSES.map((code) => (
              <option key={code} value={code}>
                {intl.formatMessage(m[`purpose${code}`])}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>{intl.formatMessage(m.recipient)}</span>
          <select value={recipient} onChange={(event) => setRecipient(event.target.value)}>
            {agencies.map((agency) => (
              <option key={agency.id} value={`agency:${agency.id}`}>
                {intl.formatMessage(m.recipientAgency, { agency: agency.name })}
              </option>
            ))}
            {kinds.map((kind) => (
              <option key={kind} value={`kind:${kind}`}>
                {intl.formatMessage(m.recipientKind, { kind: nameOf(intl, agencyKindMessages, kind) })}
              </option>
            ))}
          </select>
        </label>
        <Decision value={decision} onChange={setDecision} name={name} legalBasis={mayUseLegalBasis} />
        {decision === 'LEGAL_BASIS' ? (
          <>
            <label className={styles.field}>
              <span>{intl.formatMessage(m.legalBasis)}</span>
              <select value={legalBasis} onChange={(event) => setLegalBasis(event.target.value as (typeof LEGAL_BASES)[number])}>
                {LEGAL_BASES.map((basis) => (
                  <option key={basis} value={basis}>
                    {nameOf(intl, legalBasisMessages, basis)}
                  </option>
                ))}
              </select>
            </label>
            <div className={`${styles.field} ${styles.wide}`}>
              <label htmlFor={reasonId}>{intl.formatMessage(m.legalBasisReason)}</label>
              <textarea
                id={reasonId}
                className={styles.input}
                value={reason}
                rows={3}
                maxLength={1000}
                required
                aria-describedby={`${reasonId}-hint`}
                onChange={(event) => setReason(event.target.value)}
              />
              <span id={`${reasonId}-hint`} className={styles.hint}>
                {intl.formatMessage(m.legalBasisReasonHint, { min: REASON_MIN })}
              </span>
            </div>
          </>
        ) : (
          <>
            <LanguageSelect value={language} onChange={setLanguage} spoken={spoken} interpreterUsed={interpreterUsed} />
            <InterpreterField used={interpreterUsed} onUsedChange={setInterpreterUsed} name={interpreterName} onNameChange={setInterpreterName} />
          </>
        )}
        <Button type="submit" isDisabled={pending || !decision || reasonShort}>
          {intl.formatMessage(m.record)}
        </Button>
      </form>
    </section>
  );
}

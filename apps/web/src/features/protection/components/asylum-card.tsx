import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { agencyKindMessages, nameOf } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { StatusChip } from '../../../ui/status-chip';
import { TextField } from '../../../ui/text-field';
import { asylumMessages as a, legalMessages as l, protectionMessages as m } from '../messages';
import { AsylumClaim, asylumWithdrawals, dayOf, protectionQuery, safeguardsQuery } from '../protection-api';
import { formatDay } from '../safeguard-refusal';
import { useLanguages } from '../pickers';
import { useRecord } from '../use-record';
import { DayField, InputField, SelectField } from './fields';
import { DialogCheck, DialogDate, DialogSelect, RecordDialog } from './record-dialog';
import { RefusalAlert } from './refusal-alert';
import legal from './legal.module.css';
import styles from './record-card.module.css';

const PROCEDURES = ['PRIMA_FACIE', 'REGULAR', 'ACCELERATED'] as const;
const DECISIONS = ['RECOGNISED', 'COMPLEMENTARY_PROTECTION', 'REJECTED'] as const;
const OUTCOMES = ['ALLOWED', 'DISMISSED'] as const;

/** The next step the asylum authority records on the claim in force: register, interview and decide, appeal, appeal outcome. */
type Step = 'register' | 'decide' | 'appeal' | 'appealOutcome' | null;

export function nextAsylumStep(claim: AsylumClaim | undefined): Step {
  if (!claim || claim.withdrawnOn) return 'register';
  if (!claim.decision) return 'decide';
  if (claim.decision === 'REJECTED' && !claim.appealLodgedOn) return 'appeal';
  if (claim.appealLodgedOn && !claim.appealOutcome) return 'appealOutcome';
  return null;
}

/** The asylum claim: registration, interviews, decision and appeal; the forms only for the asylum authority. */
export function AsylumCard({ api, caseId, claims, mandate }: { api: ApiClient; caseId: string; claims: AsylumClaim[]; mandate: boolean }) {
  const intl = useIntl();
  const languages = useLanguages();
  const claim = claims.at(-1);
  const step = nextAsylumStep(claim);
  const [notice, setNotice] = useState(false);
  const [on, setOn] = useState(() => dayOf(new Date()));
  const [reference, setReference] = useState('');
  const [choice, setChoice] = useState('');
  const post = (path: string) => (body: object) => unwrap<AsylumClaim>(api.POST(`/api/v1/cases/{id}/asylum-claim${path}` as '/api/v1/cases/{id}/asylum-claim', { params: { path: { id: caseId } }, body: body as never }));
  const done = () => {
    setChoice('');
    setReference('');
    setNotice(true);
  };
  const register = useRecord(caseId, post(''), done);
  const interview = useRecord(caseId, post('/interviews'), done);
  const decide = useRecord(caseId, post('/decision'), done);
  const appeal = useRecord(caseId, post('/appeal'), done);
  const outcome = useRecord(caseId, post('/appeal-outcome'), done);
  const mutations = [register, interview, decide, appeal, outcome];
  const error = mutations.find((mutation) => mutation.error)?.error;
  const run = (event: FormEvent, action: () => void) => {
    event.preventDefault();
    setNotice(false);
    mutations.forEach((mutation) => mutation.reset());
    action();
  };
  const version = claim ? { version: claim.version } : {};

  // Withdrawals: of the claim in force, or of a wish to seek asylum no claim answers for yet. Only the person withdraws; the asylum authority records it.
  const records = useQuery(protectionQuery(api, caseId));
  const safeguards = useQuery(safeguardsQuery(api, caseId));
  const wishWithdrawal = records.data?.asylumWishWithdrawal ?? null;
  const wishPending = (safeguards.data?.removal.reasons ?? []).some((reason) => reason.code === 'ASYLUM_WISH_PENDING');
  const withdrawable = asylumWithdrawals(claims, wishPending, wishWithdrawal !== null);
  const [withdrawing, setWithdrawing] = useState<'claim' | 'wish' | null>(null);
  const [withdrawnOn, setWithdrawnOn] = useState(() => dayOf(new Date()));
  const [chose, setChose] = useState(false);
  const [choseMissing, setChoseMissing] = useState(false);
  const [words, setWords] = useState('');
  const [interpreterUsed, setInterpreterUsed] = useState(false);
  const [language, setLanguage] = useState('');
  const closeWithdrawal = () => {
    setWithdrawing(null);
    setNotice(true);
  };
  const withdrawClaim = useRecord(caseId, post('/withdraw'), closeWithdrawal);
  const withdrawWish = useRecord(
    caseId,
    (body: object) => unwrap<unknown>(api.POST('/api/v1/cases/{id}/asylum-wish/withdrawal', { params: { path: { id: caseId } }, body: body as never })),
    closeWithdrawal,
  );
  const startWithdrawal = (what: 'claim' | 'wish') => {
    withdrawClaim.reset();
    withdrawWish.reset();
    setNotice(false);
    setWithdrawnOn(dayOf(new Date()));
    setChose(false);
    setChoseMissing(false);
    setWords('');
    setInterpreterUsed(false);
    setLanguage('');
    setWithdrawing(what);
  };
  const sendWithdrawal = () => {
    if (!chose) return setChoseMissing(true);
    if (withdrawing === 'claim' && withdrawable.claim) withdrawClaim.mutate({ withdrawnOn, version: withdrawable.claim.version });
    if (withdrawing === 'wish') withdrawWish.mutate({ withdrawnOn, words: words.trim(), interpreterUsed, language });
  };
  const personChose = (label: string) => (
    <DialogCheck
      label={label}
      checked={chose}
      onChange={(checked) => {
        setChose(checked);
        setChoseMissing(false);
      }}
      missing={choseMissing}
    />
  );
  const dateField = <DayField label={intl.formatMessage(m.date)} value={on} onChange={setOn} required />;

  return (
    <section aria-labelledby="asylum-title" className={styles.card}>
      <h2 id="asylum-title">{intl.formatMessage(m.asylumTitle)}</h2>
      {claims.length > 0 ? (
        <ul className={styles.rows}>
          {claims.map((c) => (
            <li key={c.id} className={styles.row}>
              <span className={styles.rowMain}>{intl.formatMessage(m.claimLine, { reference: <bdi key="reference">{c.reference}</bdi>, date: formatDay(intl, c.registeredOn) })}</span>
              <StatusChip tone={c.decision ? (c.decision === 'REJECTED' ? 'neutral' : 'success') : 'warning'}>
                {c.withdrawnOn ? intl.formatMessage(a.withdrawn) : c.decision ? intl.formatMessage(a[`decision${c.decision as (typeof DECISIONS)[number]}`]) : intl.formatMessage(m.claimPending)}
              </StatusChip>
              <span className={styles.rowDetail}>
                {intl.formatList(
                  [
                    intl.formatMessage(a[`procedure${c.procedure as (typeof PROCEDURES)[number]}`]),
                    ...(c.interviewDates.length > 0 ? [intl.formatMessage(a.interviews, { dates: intl.formatList(c.interviewDates.map((d) => formatDay(intl, d))) })] : []),
                    ...(c.appealLodgedOn ? [intl.formatMessage(a.appealLodged, { date: formatDay(intl, c.appealLodgedOn) })] : []),
                    ...(c.appealOutcome ? [intl.formatMessage(a[`outcome${c.appealOutcome as (typeof OUTCOMES)[number]}`])] : []),
                    ...(c.withdrawnOn ? [intl.formatMessage(l.claimWithdrawnLine, { date: formatDay(intl, c.withdrawnOn) })] : []),
                  ],
                  { type: 'unit', style: 'narrow' },
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{intl.formatMessage(m.none)}</p>
      )}
      {mandate && step === 'register' ? (
        <form className={`${styles.form}`} onSubmit={(event) => run(event, () => register.mutate({ registeredOn: on, reference: reference.trim(), procedure: choice }))}>
          {dateField}
          <InputField label={intl.formatMessage(m.reference)} value={reference} onChange={setReference} required maxLength={80} />
          <SelectField label={intl.formatMessage(a.procedure)} value={choice} onChange={setChoice}>
            <option value="">{intl.formatMessage(a.choose)}</option>
            {PROCEDURES.map((code) => (
              <option key={code} value={code}>
                {intl.formatMessage(a[`procedure${code}`])}
              </option>
            ))}
          </SelectField>
          <Button type="submit" isDisabled={register.isPending || !reference.trim() || !choice}>
            {intl.formatMessage(a.register)}
          </Button>
        </form>
      ) : null}
      {mandate && step === 'decide' ? (
        <form className={styles.form} onSubmit={(event) => run(event, () => (choice ? decide.mutate({ decision: choice, decidedOn: on, ...version }) : interview.mutate({ date: on, ...version })))}>
          {dateField}
          <SelectField label={intl.formatMessage(a.step)} value={choice} onChange={setChoice}>
            <option value="">{intl.formatMessage(a.interview)}</option>
            {DECISIONS.map((code) => (
              <option key={code} value={code}>
                {intl.formatMessage(a.decide, { decision: intl.formatMessage(a[`decision${code}`]) })}
              </option>
            ))}
          </SelectField>
          <Button type="submit" isDisabled={decide.isPending || interview.isPending}>
            {intl.formatMessage(m.record)}
          </Button>
        </form>
      ) : null}
      {mandate && step === 'appeal' ? (
        <form className={styles.form} onSubmit={(event) => run(event, () => appeal.mutate({ lodgedOn: on, ...version }))}>
          {dateField}
          <Button type="submit" isDisabled={appeal.isPending}>
            {intl.formatMessage(a.lodgeAppeal)}
          </Button>
        </form>
      ) : null}
      {mandate && step === 'appealOutcome' ? (
        <form className={styles.form} onSubmit={(event) => run(event, () => outcome.mutate({ outcome: choice, decidedOn: on, ...version }))}>
          {dateField}
          <SelectField label={intl.formatMessage(a.appealOutcome)} value={choice} onChange={setChoice}>
            <option value="">{intl.formatMessage(a.choose)}</option>
            {OUTCOMES.map((code) => (
              <option key={code} value={code}>
                {intl.formatMessage(a[`outcome${code}`])}
              </option>
            ))}
          </SelectField>
          <Button type="submit" isDisabled={outcome.isPending || !choice}>
            {intl.formatMessage(m.record)}
          </Button>
        </form>
      ) : null}
      {mandate && withdrawable.claim ? (
        <span className={legal.actions}>
          <Button variant="quiet" className={legal.destructive} onPress={() => startWithdrawal('claim')}>
            {intl.formatMessage(l.withdrawClaim)}
          </Button>
        </span>
      ) : null}
      {wishWithdrawal || withdrawable.wish ? (
        <div className={`${styles.block} ${legal.wish}`}>
          <h3>{intl.formatMessage(l.wishTitle)}</h3>
          {withdrawable.wish ? <p>{intl.formatMessage(l.wishStands)}</p> : null}
          {wishWithdrawal ? <p className={styles.muted}>{intl.formatMessage(l.wishWithdrawnLine, { date: formatDay(intl, wishWithdrawal.withdrawnOn) })}</p> : null}
          {mandate && withdrawable.wish ? (
            <span className={legal.actions}>
              <Button variant="quiet" onPress={() => startWithdrawal('wish')} data-testid="withdraw-wish">
                {intl.formatMessage(l.withdrawWish)}
              </Button>
            </span>
          ) : null}
        </div>
      ) : null}
      {!mandate ? <p className={styles.hint}>{intl.formatMessage(m.notYourMandate, { kind: nameOf(intl, agencyKindMessages, 'ASYLUM_AUTHORITY') })}</p> : null}
      <div aria-live="polite">{notice && !error ? <Alert tone="info">{intl.formatMessage(m.saved)}</Alert> : null}</div>
      {error ? <RefusalAlert error={error} /> : null}
      <RecordDialog
        isOpen={withdrawing === 'claim'}
        onClose={() => setWithdrawing(null)}
        onSubmit={sendWithdrawal}
        title={intl.formatMessage(l.withdrawClaimTitle)}
        body={
          <>
            {withdrawable.claim ? <p>{intl.formatMessage(m.claimLine, { reference: <bdi key="reference">{withdrawable.claim.reference}</bdi>, date: formatDay(intl, withdrawable.claim.registeredOn) })}</p> : null}
            <p>{intl.formatMessage(l.withdrawClaimBody)}</p>
          </>
        }
        confirmLabel={intl.formatMessage(l.withdrawConfirm)}
        pending={withdrawClaim.isPending}
        error={withdrawClaim.error}
        onEdit={() => withdrawClaim.reset()}
        fields={['withdrawnOn']}
        tone="danger"
      >
        <DialogDate name="withdrawnOn" label={intl.formatMessage(l.withdrawnOn)} value={withdrawnOn} onChange={setWithdrawnOn} isRequired />
        {personChose(intl.formatMessage(l.claimPersonChose))}
      </RecordDialog>
      <RecordDialog
        isOpen={withdrawing === 'wish'}
        onClose={() => setWithdrawing(null)}
        onSubmit={sendWithdrawal}
        title={intl.formatMessage(l.withdrawWishTitle)}
        body={<p>{intl.formatMessage(l.withdrawWishBody)}</p>}
        confirmLabel={intl.formatMessage(l.withdrawConfirm)}
        pending={withdrawWish.isPending}
        error={withdrawWish.error}
        onEdit={() => withdrawWish.reset()}
        fields={['withdrawnOn', 'words', 'interpreterUsed', 'language']}
        tone="danger"
      >
        <DialogDate name="withdrawnOn" label={intl.formatMessage(l.withdrawnOn)} value={withdrawnOn} onChange={setWithdrawnOn} isRequired />
        <TextField name="words" rows={4} label={intl.formatMessage(l.words)} description={intl.formatMessage(l.wordsHint)} value={words} onChange={setWords} isRequired maxLength={4000} />
        <DialogCheck label={intl.formatMessage(l.interpreterUsed)} checked={interpreterUsed} onChange={setInterpreterUsed} />
        <DialogSelect label={intl.formatMessage(l.language)} name="language" value={language} onChange={setLanguage} error={withdrawWish.error}>
          <option value="">{intl.formatMessage(l.chooseLanguage)}</option>
          {languages.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </DialogSelect>
        {personChose(intl.formatMessage(l.wishPersonChose))}
      </RecordDialog>
    </section>
  );
}

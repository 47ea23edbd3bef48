import { useMutation, useQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError, FieldProblem } from '../../../api/api-error';
import { describeError, errorMessages } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { can, Me, meQuery } from '../../auth/me';
import { ArrivalFields } from '../components/arrival-fields';
import { focusFirstInvalid, Radios } from '../components/fields';
import { PersonFields } from '../components/person-fields';
import { useFieldErrors } from '../field-errors';
import { arrivedAtOf, emptyIntake, emptyPerson, IntakeForm, intakeBody, IntakeMode, LIMITS, nextRef, PersonForm, validateIntake } from '../form-state';
import { intakeMessages } from '../messages';
import { leafletsQuery } from '../options';
import { questionnaireQuery } from '../questionnaire';
import { offlineMessages } from '../../offline/messages';
import { useOffline, useOutboxItems } from '../../offline/offline-context';
import { OutboxQueuedError } from '../../offline/send-via-outbox';
import { VaultError } from '../../offline/vault';
import { IntakeBody, newIntakeId, sendIntake } from '../send-intake';
import styles from '../components/intake-form.module.css';

/** Registering one person, or a family or group who arrived together. */
export const Route = createFileRoute('/_signed-in/intake/new')({
  // `outbox`: the id of a kept registration the api refused, reopened here to be corrected.
  validateSearch: (search: Record<string, unknown>): { outbox?: string } => (typeof search['outbox'] === 'string' ? { outbox: search['outbox'] } : {}),
  component: NewIntake,
});

/** Whether a value kept in the outbox is this form's state (it was sealed by this page). */
const isIntakeForm = (value: unknown): value is IntakeForm => typeof value === 'object' && value !== null && Array.isArray((value as IntakeForm).persons) && typeof (value as IntakeForm).arrival === 'object';

/** The rights leaflets' languages, when the api cannot list them. */
const FALLBACK_LEAFLETS = ['en', 'fr', 'pt', 'sw', 'ar', 'am', 'so', 'ti'].map((language) => ({ language, version: '', title: '', direction: language === 'ar' ? ('rtl' as const) : ('ltr' as const) }));

export const personLabel = (person: PersonForm): string => [person.givenName.trim(), person.familyName.trim()].filter(Boolean).join(' ') || person.description.trim();

function NewIntake() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const me = useQuery(meQuery(api));
  if (me.isError) return <Alert>{describeError(intl, me.error)}</Alert>;
  if (!me.data) return null;
  if (!can(me.data, 'INTAKE_REGISTER')) return <Alert>{intl.formatMessage(errorMessages['ACCESS.FORBIDDEN'])}</Alert>;
  return <KeptOrNew me={me.data} />;
}

/** A new form, or a kept registration reopened from the outbox (once the outbox has loaded it). */
function KeptOrNew({ me }: { me: Me }) {
  const { outbox: keptId } = Route.useSearch();
  const items = useOutboxItems();
  if (!keptId) return <IntakeEditor key="new" me={me} />;
  const kept = items.find((item) => item.id === keptId && item.kind === 'intake' && item.status !== 'sent');
  if (!kept || !isIntakeForm(kept.form)) return null;
  return <IntakeEditor key={kept.id} me={me} kept={{ id: kept.id, form: kept.form, fields: kept.lastError?.fields ?? [] }} />;
}

function IntakeEditor({ me, kept }: { me: Me; kept?: { id: string; form: IntakeForm; fields: readonly FieldProblem[] } }) {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const offline = useOffline();
  const navigate = useNavigate();
  const questionnaire = useQuery(questionnaireQuery(api));
  const leaflets = useQuery(leafletsQuery(api));
  const freshForm = () => emptyIntake(new Date(), me.borderPoints.length === 1 ? (me.borderPoints[0]?.id ?? '') : '');
  const [form, setForm] = useState<IntakeForm>(() => kept?.form ?? freshForm());
  /** Made once per form: sending again (after a lost answer) is the same registration; a kept one keeps its id. */
  const [intakeId, setIntakeId] = useState(() => kept?.id ?? newIntakeId());
  /** How many persons the last registration kept on the device (no answer from the server). */
  const [keptCount, setKeptCount] = useState<number | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors = useFieldErrors();
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current);
  }, [focusRequest]);

  // A kept registration the api refused: its problems on their fields, the first focused.
  const { showServerProblems } = fieldErrors;
  useEffect(() => {
    if (!kept || kept.fields.length === 0) return;
    showServerProblems(kept.fields, formRef.current);
    const frame = requestAnimationFrame(() => focusFirstInvalid(formRef.current));
    return () => cancelAnimationFrame(frame);
  }, [kept, showServerProblems]);

  const send = useMutation({
    mutationFn: (body: IntakeBody) => sendIntake(offline.outbox, body, form),
    onSuccess: (result) => navigate({ to: '/intake/result', search: { cases: result.cases.map((c) => c.id).join(',') } }),
    onError: (error) => {
      if (error instanceof OutboxQueuedError) {
        // Kept sealed in the outbox and sent when the link is back: the official goes on with the next arrival.
        setKeptCount(form.persons.length);
        setForm(freshForm());
        setIntakeId(newIntakeId());
        fieldErrors.clear();
        if (kept) void navigate({ to: '/intake/new', search: {} });
        window.scrollTo({ top: 0 });
        return;
      }
      if (error instanceof ApiError && error.status === 400 && error.fields.length > 0) {
        fieldErrors.showServerProblems(error.fields, formRef.current);
        setFocusRequest((n) => n + 1);
      }
    },
  });

  const arrivedAt = arrivedAtOf(form.arrival) ?? new Date().toISOString();
  const setPerson = (index: number, person: PersonForm) => setForm({ ...form, persons: form.persons.map((p, i) => (i === index ? person : p)) });
  const removePerson = (index: number) => {
    const removed = form.persons[index]?.ref;
    setForm({
      ...form,
      persons: form.persons.filter((_, i) => i !== index).map((p) => ({ ...p, travelledWith: p.travelledWith.filter((c) => c.ref !== removed) })),
    });
  };
  const fullNeedsScreening = form.mode === 'FULL' && !questionnaire.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateIntake(form, new Date());
    if (problems.length > 0) {
      fieldErrors.showClientProblems(problems);
      setFocusRequest((n) => n + 1);
      return;
    }
    if (fullNeedsScreening) return;
    fieldErrors.clear();
    setKeptCount(null);
    const q = questionnaire.data;
    send.mutate(intakeBody(form, intakeId, q?.questions, q ? { code: q.code, version: q.version } : undefined) as IntakeBody);
  };

  const personCount = form.persons.length;
  return (
    <form ref={formRef} className={styles.page} onSubmit={submit} noValidate aria-labelledby="intake-title">
      <div>
        <h1 id="intake-title">{intl.formatMessage(intakeMessages.title)}</h1>
        <p className={styles.intro}>{intl.formatMessage(intakeMessages.intro)}</p>
      </div>

      {keptCount !== null ? (
        <Alert tone="info">
          {intl.formatMessage(offlineMessages.keptRegistration, { count: keptCount })} <Link to="/outbox">{intl.formatMessage(offlineMessages.openOutbox)}</Link>
        </Alert>
      ) : null}

      <section className={styles.card} aria-labelledby="arrival-title">
        <h2 id="arrival-title">{intl.formatMessage(intakeMessages.sectionArrival)}</h2>
        <Radios
          label={intl.formatMessage(intakeMessages.mode)}
          path="mode"
          inline
          value={form.mode}
          onChange={(mode) => setForm({ ...form, mode: mode as IntakeMode })}
          options={[
            { value: 'FULL', label: intl.formatMessage(intakeMessages.modeFull) },
            { value: 'MASS_ARRIVAL', label: intl.formatMessage(intakeMessages.modeMass) },
          ]}
        />
        <ArrivalFields arrival={form.arrival} onChange={(arrival) => setForm({ ...form, arrival })} borderPoints={me.borderPoints} errorsFor={fieldErrors.errorsFor} />
      </section>

      {questionnaire.isError ? (
        <Alert tone="warning">
          <span>{intl.formatMessage(intakeMessages.screeningUnavailable)}</span>
          <Button variant="quiet" onPress={() => void questionnaire.refetch()}>
            {intl.formatMessage(intakeMessages.retry)}
          </Button>
        </Alert>
      ) : null}

      {form.persons.map((person, index) => {
        const label = personLabel(person);
        const others = form.persons
          .map((p, i) => ({ ref: p.ref, label: personLabel(p) ? intl.formatMessage(intakeMessages.personHeadingNamed, { number: i + 1, name: personLabel(p) }) : intl.formatMessage(intakeMessages.personHeading, { number: i + 1 }) }))
          .filter((_, i) => i !== index);
        return (
          <section key={person.ref} className={styles.card} aria-labelledby={`person-${person.ref}`}>
            <div className={styles.personHeader}>
              <h2 id={`person-${person.ref}`}>
                {label ? intl.formatMessage(intakeMessages.personHeadingNamed, { number: index + 1, name: <bdi key="name">{label}</bdi> }) : intl.formatMessage(intakeMessages.personHeading, { number: index + 1 })}
              </h2>
              {personCount > 1 ? (
                <Button variant="quiet" onPress={() => removePerson(index)}>
                  {intl.formatMessage(intakeMessages.removePerson, { number: index + 1 })}
                </Button>
              ) : null}
            </div>
            <PersonFields
              person={person}
              onChange={(next) => setPerson(index, next)}
              path={`persons[${index}]`}
              mode={form.mode}
              arrivedAt={arrivedAt}
              others={others}
              questionnaire={questionnaire.data}
              leaflets={leaflets.data?.leaflets ?? FALLBACK_LEAFLETS}
              errorsFor={fieldErrors.errorsFor}
            />
          </section>
        );
      })}

      {personCount < LIMITS.persons ? (
        <div>
          <Button variant="secondary" onPress={() => setForm({ ...form, persons: [...form.persons, emptyPerson(nextRef(form.persons))] })}>
            {intl.formatMessage(intakeMessages.addPerson)}
          </Button>
        </div>
      ) : null}

      {fieldErrors.count > 0 || (send.isError && !(send.error instanceof OutboxQueuedError) && !(send.error instanceof ApiError && send.error.fields.length > 0)) ? (
        <div className={styles.problems}>
          <Alert>
            {fieldErrors.count > 0
              ? intl.formatMessage(intakeMessages.problemsSummary, { count: fieldErrors.count })
              : send.error instanceof VaultError
                ? intl.formatMessage(offlineMessages.lockedToSend)
                : send.error instanceof ApiError && send.error.status === 409
                  ? intl.formatMessage(offlineMessages.conflictInOutbox)
                  : describeError(intl, send.error)}
            {send.error instanceof ApiError && send.error.status === 409 ? (
              <>
                {' '}
                <Link to="/outbox">{intl.formatMessage(offlineMessages.openOutbox)}</Link>
              </>
            ) : null}
            {fieldErrors.unplaced.length > 0 ? (
              <ul>
                {fieldErrors.unplaced.map((text) => (
                  <li key={text}>
                    <bdi>{text}</bdi>
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        </div>
      ) : null}

      <div className={styles.submitBar}>
        <p>{intl.formatMessage(intakeMessages.personCount, { count: personCount })}</p>
        <Button type="submit" isPending={send.isPending} isDisabled={fullNeedsScreening}>
          {send.isPending ? intl.formatMessage(intakeMessages.submitting) : intl.formatMessage(intakeMessages.submit, { count: personCount })}
        </Button>
      </div>
    </form>
  );
}

import { useMutation, useQuery } from '@tanstack/react-query';
import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../../api/api-error';
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
import { IntakeBody, newIntakeId, sendIntake } from '../send-intake';
import styles from '../components/intake-form.module.css';

/** Registering one person, or a family or group who arrived together. */
export const Route = createFileRoute('/_signed-in/intake/new')({
  component: NewIntake,
});

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
  return <IntakeEditor me={me.data} />;
}

function IntakeEditor({ me }: { me: Me }) {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const navigate = useNavigate();
  const questionnaire = useQuery(questionnaireQuery(api));
  const leaflets = useQuery(leafletsQuery(api));
  const [form, setForm] = useState<IntakeForm>(() => emptyIntake(new Date(), me.borderPoints.length === 1 ? (me.borderPoints[0]?.id ?? '') : ''));
  /** Made once per form: sending again (after a lost answer) is the same registration. */
  const [intakeId] = useState(newIntakeId);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors = useFieldErrors();
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current);
  }, [focusRequest]);

  const send = useMutation({
    mutationFn: (body: IntakeBody) => sendIntake(api, body),
    onSuccess: (result) => navigate({ to: '/intake/result', search: { cases: result.cases.map((c) => c.id).join(',') } }),
    onError: (error) => {
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

      {fieldErrors.count > 0 || (send.isError && !(send.error instanceof ApiError && send.error.fields.length > 0)) ? (
        <div className={styles.problems}>
          <Alert>
            {fieldErrors.count > 0 ? intl.formatMessage(intakeMessages.problemsSummary, { count: fieldErrors.count }) : describeError(intl, send.error)}
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

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../../api/api-error';
import { unwrap } from '../../../api/client';
import { describeError } from '../../../i18n/error-messages';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { focusFirstInvalid } from '../components/fields';
import { PersonFields } from '../components/person-fields';
import { useFieldErrors } from '../field-errors';
import { personBody, PersonForm, personFromCase, validatePerson } from '../form-state';
import { CaseView, caseQuery, writes } from '../intake-api';
import { intakeMessages } from '../messages';
import { leafletsQuery } from '../options';
import { questionnaireQuery, untyped } from '../questionnaire';
import styles from '../components/intake-form.module.css';
import { CaseNumber } from '../../../ui/case-number';

/** A refused save because the case changed meanwhile: what was sent and the case as it now stands. */
export class VersionConflict extends Error {
  constructor(
    readonly sent: Record<string, unknown>,
    readonly current: CaseView | undefined,
  ) {
    super('INTAKE.VERSION_CONFLICT');
  }
}

/** Completing a mass-arrival record, or correcting an intake: the person form prefilled from the case. */
export const Route = createFileRoute('/_signed-in/cases/$caseId/complete')({
  component: CompleteIntake,
});

const FALLBACK_LEAFLETS = ['en', 'fr', 'pt', 'sw', 'ar', 'am', 'so', 'ti'].map((language) => ({ language, version: '', title: '', direction: language === 'ar' ? ('rtl' as const) : ('ltr' as const) }));

function CompleteIntake() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const { caseId } = Route.useParams();
  const view = useQuery({ ...caseQuery(api, caseId), staleTime: Infinity });
  const [loads, setLoads] = useState(0);
  if (view.isError) return <Alert>{describeError(intl, view.error)}</Alert>;
  if (!view.data) return null;
  return (
    <CompleteEditor
      key={`${loads}-${view.dataUpdatedAt}`}
      initial={view.data}
      onReload={() => {
        setLoads((n) => n + 1);
        void view.refetch();
      }}
    />
  );
}

function CompleteEditor({ initial, onReload }: { initial: CaseView; onReload: () => void }) {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const caseId = initial.id;
  const queryClient = useQueryClient();
  const questionnaire = useQuery(questionnaireQuery(api));
  const leaflets = useQuery(leafletsQuery(api));
  const [person, setPerson] = useState<PersonForm>(() => personFromCase(initial));
  const [version, setVersion] = useState(initial.version);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors = useFieldErrors();
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current);
  }, [focusRequest]);

  const save = useMutation({
    mutationFn: async (body: Record<string, unknown>) => {
      try {
        return await unwrap<CaseView>(writes(api).PUT(`/api/v1/cases/${encodeURIComponent(caseId)}/intake`, { body }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          const current = await unwrap<CaseView>(untyped(api).GET(`/api/v1/cases/${encodeURIComponent(caseId)}`)).catch(() => undefined);
          throw new VersionConflict(body, current);
        }
        throw error;
      }
    },
    onSuccess: (saved) => {
      setVersion(saved.version);
      void queryClient.invalidateQueries({ queryKey: ['case', caseId, 'profiles'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400 && error.fields.length > 0) {
        fieldErrors.showServerProblems(error.fields, formRef.current);
        setFocusRequest((n) => n + 1);
      }
    },
  });

  const arrivedAt = initial.arrivedAt;
  const q = questionnaire.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validatePerson(person, 'FULL', 'person', new Date());
    if (problems.length > 0) {
      fieldErrors.showClientProblems(problems);
      setFocusRequest((n) => n + 1);
      return;
    }
    fieldErrors.clear();
    const body = { version, person: { ...personBody(person, 'FULL', arrivedAt, q?.questions, q ? { code: q.code, version: q.version } : undefined), ref: undefined } };
    save.mutate(JSON.parse(JSON.stringify(body)) as Record<string, unknown>);
  };

  const conflict = save.error instanceof VersionConflict ? save.error : null;
  return (
    <form ref={formRef} className={styles.page} onSubmit={submit} noValidate aria-labelledby="complete-title">
      <div>
        <h1 id="complete-title">{intl.formatMessage(intakeMessages.completeTitle, { caseNumber: <CaseNumber key="n" caseNumber={initial.caseNumber} /> })}</h1>
        <p className={styles.intro}>{intl.formatMessage(intakeMessages.completeIntro)}</p>
      </div>
      {conflict ? (
        <div>
          <Alert tone="warning">
            <span>{intl.formatMessage(intakeMessages.conflict)}</span>
            <Button
              variant="quiet"
              onPress={onReload}
            >
              {intl.formatMessage(intakeMessages.reload)}
            </Button>
          </Alert>
        </div>
      ) : null}
      <section className={styles.card} aria-labelledby="complete-person">
        <h2 id="complete-person">{intl.formatMessage(intakeMessages.identity)}</h2>
        <PersonFields
          person={person}
          onChange={setPerson}
          path="person"
          mode="FULL"
          arrivedAt={arrivedAt}
          questionnaire={q}
          leaflets={leaflets.data?.leaflets ?? FALLBACK_LEAFLETS}
          errorsFor={fieldErrors.errorsFor}
        />
      </section>
      {fieldErrors.count > 0 ? <Alert>{intl.formatMessage(intakeMessages.problemsSummary, { count: fieldErrors.count })}</Alert> : null}
      {save.isError && !conflict && !(save.error instanceof ApiError && save.error.fields.length > 0) ? <Alert>{describeError(intl, save.error)}</Alert> : null}
      {save.isSuccess ? (
        <Alert tone="info">
          <span>{intl.formatMessage(intakeMessages.completeSaved)}</span>
          <Link to="/intake/result" search={{ cases: caseId }}>
            {intl.formatMessage(intakeMessages.profiles)}
          </Link>
        </Alert>
      ) : null}
      <div className={styles.submitBar}>
        <p>
          <CaseNumber caseNumber={initial.caseNumber} />
        </p>
        <Button type="submit" isPending={save.isPending}>
          {intl.formatMessage(intakeMessages.completeSubmit)}
        </Button>
      </div>
    </form>
  );
}

import { FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { agencyKindMessages, nameOf } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { protectionMessages as m, stepMessages as st } from '../messages';
import { AGE_METHODS, AgeAssessment, BestInterests, CarePlacement, dayOf, Guardian, Reunification, Tracing } from '../protection-api';
import { formatDay } from '../safeguard-refusal';
import { useRecord } from '../use-record';
import { BestInterestsBlock } from './best-interests';
import { CompleteAgeAssessment } from './child-steps';
import { FamilyBlock } from './family-block';
import { DayField, InputField, TextAreaField } from './fields';
import { RefusalAlert } from './refusal-alert';
import styles from './record-card.module.css';
import steps from './step-dialog.module.css';

interface Props {
  api: ApiClient;
  caseId: string;
  guardians: Guardian[];
  bestInterests: BestInterests[];
  ageAssessments: AgeAssessment[];
  tracing: Tracing[];
  reunifications: Reunification[];
  placements: CarePlacement[];
  mandate: boolean;
}

/**
 * Child protection's records: the guardian, best-interests procedures (a BID by its panel), family tracing,
 * reunification, interim care, and age assessments (only on a serious doubt).
 */
export function ChildrenCard({ api, caseId, guardians, bestInterests, ageAssessments, tracing, reunifications, placements, mandate }: Props) {
  const intl = useIntl();
  const [notice, setNotice] = useState(false);
  const saved = () => setNotice(true);
  const path = { params: { path: { id: caseId } } };
  const [guardianName, setGuardianName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [appointedOn, setAppointedOn] = useState(() => dayOf(new Date()));
  const appoint = useRecord(caseId, (body: object) => unwrap<Guardian>(api.POST('/api/v1/cases/{id}/guardians', { ...path, body: body as never })), () => {
    setGuardianName('');
    setOrganisation('');
    saved();
  });
  const [doubt, setDoubt] = useState('');
  const [requestedOn, setRequestedOn] = useState(() => dayOf(new Date()));
  const requestAge = useRecord(caseId, (body: object) => unwrap<AgeAssessment>(api.POST('/api/v1/cases/{id}/age-assessments', { ...path, body: body as never })), () => {
    setDoubt('');
    saved();
  });
  const submitGuardian = (event: FormEvent) => {
    event.preventDefault();
    setNotice(false);
    appoint.mutate({ guardianName: guardianName.trim(), appointedOn, ...(organisation.trim() ? { organisation: organisation.trim() } : {}) });
  };
  const submitAge = (event: FormEvent) => {
    event.preventDefault();
    setNotice(false);
    requestAge.mutate({ requestedOn, ...(doubt.trim() ? { seriousDoubt: doubt.trim() } : {}) });
  };
  const openAssessment = ageAssessments.some((a) => !a.completedOn);

  return (
    <section aria-labelledby="children-title" className={styles.card}>
      <h2 id="children-title">{intl.formatMessage(m.childrenTitle)}</h2>

      <div className={styles.block}>
        <h3>{intl.formatMessage(m.guardiansTitle)}</h3>
        {guardians.length > 0 ? (
          <ul className={styles.rows}>
            {guardians.map((g) => (
              <li key={g.id} className={styles.row}>
                <span className={styles.rowMain}>
                  {intl.formatMessage(m.guardianLine, { name: <bdi key="name">{g.guardianName}</bdi>, date: formatDay(intl, g.appointedOn) })}
                </span>
                {g.organisation ? <bdi className={styles.rowDetail}>{g.organisation}</bdi> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.locked} data-testid="no-guardian">
            {intl.formatMessage(st.noGuardian)}
          </p>
        )}
        {mandate ? (
          <form className={styles.form} onSubmit={submitGuardian}>
            <InputField label={intl.formatMessage(m.guardianName)} value={guardianName} onChange={setGuardianName} required maxLength={200} />
            <InputField label={intl.formatMessage(m.organisation)} value={organisation} onChange={setOrganisation} maxLength={200} />
            <DayField label={intl.formatMessage(m.date)} value={appointedOn} onChange={setAppointedOn} required />
            <Button type="submit" isDisabled={appoint.isPending || !guardianName.trim()} aria-describedby={guardianName.trim() ? undefined : 'guardian-name-first'}>
              {intl.formatMessage(m.appointGuardian)}
            </Button>
            {guardianName.trim() ? null : (
              <p id="guardian-name-first" className={styles.hint}>
                {intl.formatMessage(st.guardianNameFirst)}
              </p>
            )}
          </form>
        ) : null}
        {appoint.error ? <RefusalAlert error={appoint.error} /> : null}
      </div>

      <BestInterestsBlock api={api} caseId={caseId} procedures={bestInterests} mandate={mandate} onSaved={saved} />
      <FamilyBlock api={api} caseId={caseId} procedures={bestInterests} tracing={tracing} reunifications={reunifications} placements={placements} mandate={mandate} onSaved={saved} />

      <div className={styles.block}>
        <h3>{intl.formatMessage(m.ageTitle)}</h3>
        <p className={styles.muted}>{intl.formatMessage(m.ageOnlyOnDoubt)}</p>
        {ageAssessments.length > 0 ? (
          <ul className={styles.rows}>
            {ageAssessments.map((a) => (
              <li key={a.id} className={styles.row}>
                <span className={styles.rowMain} id={`row-${a.id}`}>{intl.formatMessage(m.ageRequested, { date: formatDay(intl, a.requestedOn), doubt: (
                    <bdi key="doubt" dir="auto" className={steps.freeText}>
                      {a.seriousDoubt}
                    </bdi>
                  ), })}</span>
                {a.ageRange && a.completedOn ? (
                  <>
                    <span className={styles.rowDetail}>{intl.formatMessage(m.ageRange, { minimum: a.ageRange.minimum, maximum: a.ageRange.maximum, date: formatDay(intl, a.completedOn) })}</span>
                    {a.method ? (
                      <span className={styles.rowDetail}>
                        {intl.formatMessage(st.ageMethodLine, { method: intl.formatMessage(st[`method${a.method as (typeof AGE_METHODS)[number]}`] ?? st.methodMULTIDISCIPLINARY), minimum: a.ageRange.minimum })}
                      </span>
                    ) : null}
                  </>
                ) : mandate ? (
                  <CompleteAgeAssessment api={api} caseId={caseId} assessment={a} onSaved={saved} describedBy={`row-${a.id}`} />
                ) : (
                  <span className={styles.hint}>{intl.formatMessage(st.ageOpen)}</span>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {mandate && !openAssessment ? (
          <form className={styles.form} onSubmit={submitAge}>
            <TextAreaField label={intl.formatMessage(m.seriousDoubt)} value={doubt} onChange={setDoubt} hint={intl.formatMessage(m.seriousDoubtHint)} maxLength={2000} />
            <DayField label={intl.formatMessage(m.date)} value={requestedOn} onChange={setRequestedOn} required />
            <Button type="submit" isDisabled={requestAge.isPending}>
              {intl.formatMessage(m.requestAge)}
            </Button>
          </form>
        ) : null}
        {requestAge.error ? <RefusalAlert error={requestAge.error} /> : null}
      </div>
      {!mandate ? <p className={styles.hint}>{intl.formatMessage(m.notYourMandate, { kind: nameOf(intl, agencyKindMessages, 'CHILD_PROTECTION') })}</p> : null}
      <div aria-live="polite">{notice ? <Alert tone="info">{intl.formatMessage(m.saved)}</Alert> : null}</div>
    </section>
  );
}

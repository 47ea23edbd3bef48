import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { COUNTRY_ALPHA2, countryName } from '../../../i18n/countries';
import { Button } from '../../../ui/button';
import { familyMessages as f, stepMessages as s } from '../messages';
import { ADULT_AGE, AGE_METHODS, AgeAssessment, BestInterests, CarePlacement, dayOf, Reunification, reunificationOutcomes, reunionMissing, Tracing, tracingSteps } from '../protection-api';
import { formatDay } from '../safeguard-refusal';
import { useStep } from '../use-step';
import { StepCheck, StepChoice, StepDate, StepDialog, StepInput, StepPair, StepSelect, StepTextArea } from './step-dialog';
import styles from './record-card.module.css';
import dialogStyles from './step-dialog.module.css';

const RELATIONSHIPS = ['MOTHER', 'FATHER', 'SIBLING', 'GRANDPARENT', 'AUNT_OR_UNCLE', 'COUSIN', 'SPOUSE', 'OTHER_RELATIVE', 'CUSTOMARY_CAREGIVER'] as const;
type Relationship = (typeof RELATIONSHIPS)[number];
type CareKind = 'FOSTER_FAMILY' | 'KINSHIP_CARE' | 'RESIDENTIAL_CARE' | 'SUPERVISED_INDEPENDENT_LIVING' | 'SAFE_SHELTER';

const today = () => dayOf(new Date());

/** The result of an open age assessment: the method, the range found; its lowest age is the one recorded. */
export function CompleteAgeAssessment({ api, caseId, assessment, onSaved, describedBy }: { api: ApiClient; caseId: string; assessment: AgeAssessment; onSaved: () => void; describedBy?: string }) {
  const intl = useIntl();
  const [method, setMethod] = useState<string>('PSYCHOSOCIAL_INTERVIEW');
  const [completedOn, setCompletedOn] = useState(today);
  const [minimumAge, setMinimumAge] = useState('');
  const [maximumAge, setMaximumAge] = useState('');
  const step = useStep(
    caseId,
    (body: object) =>
      unwrap<AgeAssessment>(api.POST('/api/v1/cases/{id}/age-assessments/{assessmentId}/complete', { params: { path: { id: caseId, assessmentId: assessment.id } }, body: body as never })),
    onSaved,
  );
  const number = (text: string): number | string => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim());
  const minimum = number(minimumAge);
  return (
    <>
      <Button variant="secondary" onPress={step.open} aria-describedby={describedBy}>
        {intl.formatMessage(s.ageAction)}
      </Button>
      <StepDialog
        isOpen={step.isOpen}
        onClose={step.close}
        title={intl.formatMessage(s.ageTitle)}
        intro={intl.formatMessage(s.ageIntro)}
        submitLabel={intl.formatMessage(s.ageSubmit)}
        pending={step.mutation.isPending}
        error={step.mutation.error}
        problems={{
          method: intl.formatMessage(s.problemChoose),
          completedOn: intl.formatMessage(s.problemCompletedOn),
          minimumAge: intl.formatMessage(s.problemAge),
          maximumAge: intl.formatMessage(s.problemMaximumAge),
        }}
        onSubmit={() => step.mutate({ method, completedOn, minimumAge: minimum, maximumAge: number(maximumAge), version: assessment.version })}
      >
        <StepSelect path="method" label={intl.formatMessage(s.ageMethod)} value={method} onChange={setMethod}>
          {AGE_METHODS.map((code) => (
            <option key={code} value={code}>
              {intl.formatMessage(s[`method${code}`])}
            </option>
          ))}
        </StepSelect>
        <StepDate path="completedOn" label={intl.formatMessage(s.completedOn)} value={completedOn} onChange={setCompletedOn} required />
        <StepPair>
          <StepInput path="minimumAge" type="number" min={0} max={120} label={intl.formatMessage(s.minimumAge)} value={minimumAge} onChange={setMinimumAge} required />
          <StepInput path="maximumAge" type="number" min={0} max={120} label={intl.formatMessage(s.maximumAge)} value={maximumAge} onChange={setMaximumAge} required />
        </StepPair>
        <p className={styles.hint}>{intl.formatMessage(s.benefitOfDoubt)}</p>
        {typeof minimum === 'number' && minimum >= ADULT_AGE ? <p className={styles.locked}>{intl.formatMessage(s.ageAdultWarning, { adult: ADULT_AGE })}</p> : null}
      </StepDialog>
    </>
  );
}

/** Stopping an open tracing that could endanger the child or the family, and recording its outcome. */
export function TracingSteps({
  api,
  caseId,
  tracing,
  mandate,
  onSaved,
  describedBy,
}: {
  api: ApiClient;
  caseId: string;
  tracing: Tracing;
  mandate: boolean;
  onSaved: () => void;
  describedBy?: string;
}) {
  const intl = useIntl();
  const steps = tracingSteps(tracing, mandate);
  const path = { params: { path: { id: caseId, tracingId: tracing.id } } };
  const [reason, setReason] = useState('');
  const stop = useStep(caseId, (body: object) => unwrap<Tracing>(api.POST('/api/v1/cases/{id}/family-tracing/{tracingId}/stop', { ...path, body: body as never })), onSaved);
  const [status, setStatus] = useState<'' | 'LOCATED' | 'NOT_FOUND'>('');
  const [on, setOn] = useState(today);
  const outcome = useStep(caseId, (body: object) => unwrap<Tracing>(api.POST('/api/v1/cases/{id}/family-tracing/{tracingId}/outcome', { ...path, body: body as never })), onSaved);
  if (!steps.stop && !steps.outcome) return null;
  const relationshipName = (code: string) => intl.formatMessage(f[`rel${code as Relationship}`] ?? f.relOTHER_RELATIVE);
  const sought = intl.formatList(tracing.soughtRelatives.map((r) => (r.name ? `${relationshipName(r.relationship)} (${r.name})` : relationshipName(r.relationship))));
  return (
    <span className={styles.statusLine}>
      <Button variant="secondary" onPress={outcome.open} aria-describedby={describedBy}>
        {intl.formatMessage(s.tracingOutcomeAction)}
      </Button>
      <Button variant="danger" className={dialogStyles.dangerAction} onPress={stop.open} aria-describedby={describedBy}>
        {intl.formatMessage(s.stopTracingAction)}
      </Button>
      <StepDialog
        isOpen={outcome.isOpen}
        onClose={() => {
          setStatus('');
          outcome.close();
        }}
        title={intl.formatMessage(s.tracingOutcomeTitle)}
        intro={intl.formatMessage(s.tracingFor, { relatives: <bdi key="relatives">{sought}</bdi> })}
        ready={status !== ''}
        submitLabel={intl.formatMessage(s.tracingOutcomeSubmit)}
        pending={outcome.mutation.isPending}
        error={outcome.mutation.error}
        problems={{ status: intl.formatMessage(s.problemChoose), on: intl.formatMessage(s.problemDate) }}
        onSubmit={() => outcome.mutate({ status, on, version: tracing.version })}
      >
        <StepChoice
          path="status"
          label={intl.formatMessage(s.tracingResult)}
          value={status}
          onChange={(value) => setStatus(value as '' | 'LOCATED' | 'NOT_FOUND')}
          options={[
            { value: 'LOCATED', label: intl.formatMessage(s.tracingLocated) },
            { value: 'NOT_FOUND', label: intl.formatMessage(s.tracingNotFound) },
          ]}
        />
        <StepDate path="on" label={intl.formatMessage(s.outcomeOn)} value={on} onChange={setOn} required />
      </StepDialog>
      <StepDialog
        isOpen={stop.isOpen}
        onClose={stop.close}
        tone="danger"
        title={intl.formatMessage(s.stopTracingTitle)}
        intro={intl.formatMessage(s.stopTracingIntro)}
        submitLabel={intl.formatMessage(s.stopTracingSubmit)}
        pending={stop.mutation.isPending}
        error={stop.mutation.error}
        problems={{ reason: intl.formatMessage(s.problemStopReason) }}
        onSubmit={() => stop.mutate({ reason: reason.trim(), version: tracing.version })}
      >
        <StepTextArea path="reason" label={intl.formatMessage(s.stopReason)} value={reason} onChange={setReason} hint={intl.formatMessage(s.stopReasonHint)} maxLength={2000} required />
      </StepDialog>
    </span>
  );
}

/** A proposal to reunite the child with a relative: verified or not, with the child's consent or not, here or abroad. */
export function ProposeReunification({ api, caseId, tracing, onSaved }: { api: ApiClient; caseId: string; tracing: Tracing[]; onSaved: () => void; describedBy?: string }) {
  const intl = useIntl();
  const relationshipName = (code: string) => intl.formatMessage(f[`rel${code as Relationship}`] ?? f.relOTHER_RELATIVE);
  const [relationship, setRelationship] = useState<string>('');
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [abroad, setAbroad] = useState(false);
  const [verified, setVerified] = useState(false);
  const [consent, setConsent] = useState(false);
  const [tracingId, setTracingId] = useState('');
  const countries = useMemo(() => [...COUNTRY_ALPHA2.keys()].map((code) => ({ code, name: countryName(intl.locale, code) })).sort((a, b) => a.name.localeCompare(b.name, intl.locale)), [intl.locale]);
  const located = tracing.filter((t) => t.status === 'LOCATED');
  const step = useStep(
    caseId,
    (body: object) => unwrap<Reunification>(api.POST('/api/v1/cases/{id}/reunifications', { params: { path: { id: caseId } }, body: body as never })),
    () => {
      setName('');
      onSaved();
    },
  );
  return (
    <>
      <div>
        <Button variant="secondary" onPress={step.open}>
          {intl.formatMessage(s.proposeAction)}
        </Button>
      </div>
      <StepDialog
        isOpen={step.isOpen}
        onClose={step.close}
        title={intl.formatMessage(s.proposeTitle)}
        intro={intl.formatMessage(s.proposeIntro)}
        submitLabel={intl.formatMessage(s.proposeSubmit)}
        ready={relationship !== ''}
        pending={step.mutation.isPending}
        error={step.mutation.error}
        problems={{
          'relative.relationship': intl.formatMessage(s.problemChoose),
          'relative.name': intl.formatMessage(s.problemRelativeName),
          'relative.country': intl.formatMessage(s.problemCountry),
          tracingId: intl.formatMessage(s.problemTracing),
        }}
        onSubmit={() =>
          step.mutate({
            relative: { relationship, name: name.trim(), country },
            abroad,
            relationshipVerified: verified,
            childConsent: consent,
            ...(tracingId ? { tracingId } : {}),
          })
        }
      >
        {located.flatMap((t) =>
          t.soughtRelatives.map((r, i) => (
            <Button
              key={`${t.id}-${i}`}
              variant="secondary"
              onPress={() => {
                setRelationship(r.relationship);
                if (r.name) setName(r.name);
                setTracingId(t.id);
              }}
            >
              {intl.formatMessage(s.useLocated, { relative: r.name ? `${relationshipName(r.relationship)} (${r.name})` : relationshipName(r.relationship) })}
            </Button>
          )),
        )}
        <StepSelect path="relative.relationship" label={intl.formatMessage(s.relative)} value={relationship} onChange={setRelationship}>
          <option value="">{intl.formatMessage(s.chooseRelative)}</option>
          {RELATIONSHIPS.map((code) => (
            <option key={code} value={code}>
              {relationshipName(code)}
            </option>
          ))}
        </StepSelect>
        <StepInput path="relative.name" label={intl.formatMessage(s.relativeName)} value={name} onChange={setName} maxLength={200} required />
        <StepSelect path="relative.country" label={intl.formatMessage(s.relativeCountry)} value={country} onChange={setCountry}>
          <option value="">{intl.formatMessage(s.chooseCountry)}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </StepSelect>
        <StepCheck path="abroad" label={intl.formatMessage(s.abroad)} checked={abroad} onChange={setAbroad} />
        <StepCheck path="relationshipVerified" label={intl.formatMessage(s.verified)} checked={verified} onChange={setVerified} />
        <StepCheck path="childConsent" label={intl.formatMessage(s.childConsent)} checked={consent} onChange={setConsent} />
        {located.length > 0 ? (
          <StepSelect path="tracingId" label={intl.formatMessage(s.foundBy)} value={tracingId} onChange={setTracingId}>
            <option value="">{intl.formatMessage(s.foundByNone)}</option>
            {located.map((t) => (
              <option key={t.id} value={t.id}>
                {intl.formatList(t.soughtRelatives.map((r) => (r.name ? `${relationshipName(r.relationship)} (${r.name})` : relationshipName(r.relationship))))}
              </option>
            ))}
          </StepSelect>
        ) : null}
        {!verified || !consent ? <p className={styles.hint}>{intl.formatMessage(s.proposeNotReady)}</p> : null}
      </StepDialog>
    </>
  );
}

/** The outcome of a proposed reunification; a reunion is offered only once nothing the api asks for is missing. */
export function ReunificationOutcomeStep({
  api,
  caseId,
  reunification,
  procedures,
  onSaved,
  describedBy,
}: {
  api: ApiClient;
  caseId: string;
  reunification: Reunification;
  procedures: BestInterests[];
  onSaved: () => void;
  /** The row the step is about (its buttons share their names with the other rows' ones). */
  describedBy?: string;
}) {
  const intl = useIntl();
  const outcomes = reunificationOutcomes(reunification, procedures);
  const missing = reunionMissing(reunification, procedures);
  const [status, setStatus] = useState<string>('');
  const [on, setOn] = useState(today);
  const [consent, setConsent] = useState('');
  const views = useStep(
    caseId,
    (body: object) =>
      unwrap<Reunification>(api.POST('/api/v1/cases/{id}/reunifications/{reunificationId}/child-views', { params: { path: { id: caseId, reunificationId: reunification.id } }, body: body as never })),
    () => {
      setConsent('');
      onSaved();
    },
  );
  const step = useStep(
    caseId,
    (body: object) =>
      unwrap<Reunification>(api.POST('/api/v1/cases/{id}/reunifications/{reunificationId}/outcome', { params: { path: { id: caseId, reunificationId: reunification.id } }, body: body as never })),
    onSaved,
  );
  if (outcomes.length === 0) return null;
  const chosen = outcomes.includes(status as never) ? status : '';
  const relative = intl.formatMessage(f[`rel${reunification.relative.relationship as Relationship}`] ?? f.relOTHER_RELATIVE);
  const name = <bdi key="name">{reunification.relative.name}</bdi>;
  const closeOutcome = () => {
    setStatus('');
    step.close();
  };
  return (
    <span className={styles.statusLine}>
      <Button variant="secondary" onPress={step.open} aria-describedby={describedBy}>
        {intl.formatMessage(s.reunificationOutcomeAction)}
      </Button>
      <Button variant="secondary" onPress={views.open} aria-describedby={describedBy}>
        {intl.formatMessage(s.childViewsAction)}
      </Button>
      <StepDialog
        isOpen={views.isOpen}
        onClose={() => {
          setConsent('');
          views.close();
        }}
        title={intl.formatMessage(s.childViewsTitle)}
        intro={intl.formatMessage(s.childViewsIntro, { relative, name })}
        submitLabel={intl.formatMessage(s.childViewsSubmit)}
        ready={consent !== ''}
        pending={views.mutation.isPending}
        error={views.mutation.error}
        problems={{ childConsent: intl.formatMessage(s.problemChoose) }}
        onSubmit={() => views.mutate({ childConsent: consent === 'yes', version: reunification.version })}
      >
        <StepChoice
          path="childConsent"
          label={intl.formatMessage(s.childViewsChoice)}
          value={consent}
          onChange={setConsent}
          options={[
            { value: 'yes', label: intl.formatMessage(s.childAgrees) },
            { value: 'no', label: intl.formatMessage(s.childDisagrees) },
          ]}
        />
      </StepDialog>
      <StepDialog
        isOpen={step.isOpen}
        onClose={closeOutcome}
        title={intl.formatMessage(s.reunificationOutcomeTitle)}
        intro={intl.formatMessage(s.reunificationWith, { relative, name })}
        ready={chosen !== ''}
        submitLabel={intl.formatMessage(s.reunificationOutcomeSubmit)}
        pending={step.mutation.isPending}
        error={step.mutation.error}
        problems={{ status: intl.formatMessage(s.problemChoose), on: intl.formatMessage(s.problemDate) }}
        onSubmit={() => step.mutate({ status: chosen, on, version: reunification.version })}
      >
        <StepChoice
          path="status"
          label={intl.formatMessage(s.reunificationResult)}
          value={chosen}
          onChange={setStatus}
          options={outcomes.map((code) => ({ value: code, label: intl.formatMessage(f[`reunification${code}`]) }))}
          hint={
            missing.length > 0
              ? intl.formatMessage(s.reunionMissing, {
                  missing: intl.formatList(
                    missing.map((m) => intl.formatMessage(s[`missing${m}`])),
                    { type: 'conjunction' },
                  ),
                })
              : undefined
          }
        />
        {missing.includes('CONSENT') ? (
          <div>
            <Button
              variant="secondary"
              onPress={() => {
                closeOutcome();
                views.open();
              }}
            >
              {intl.formatMessage(s.childViewsFirst)}
            </Button>
          </div>
        ) : null}
        <StepDate path="on" label={intl.formatMessage(s.outcomeOn)} value={on} onChange={setOn} required />
      </StepDialog>
    </span>
  );
}

/** The end of a care placement, with why it ended. */
export function EndPlacement({ api, caseId, placement, onSaved, describedBy }: { api: ApiClient; caseId: string; placement: CarePlacement; onSaved: () => void; describedBy?: string }) {
  const intl = useIntl();
  const [endedOn, setEndedOn] = useState(today);
  const [reason, setReason] = useState('');
  const step = useStep(
    caseId,
    (body: object) => unwrap<CarePlacement>(api.POST('/api/v1/cases/{id}/care-placements/{placementId}/end', { params: { path: { id: caseId, placementId: placement.id } }, body: body as never })),
    onSaved,
  );
  return (
    <>
      <Button variant="danger" className={dialogStyles.dangerAction} onPress={step.open} aria-describedby={describedBy}>
        {intl.formatMessage(s.endPlacementAction)}
      </Button>
      <StepDialog
        isOpen={step.isOpen}
        onClose={step.close}
        tone="danger"
        title={intl.formatMessage(s.endPlacementTitle)}
        intro={intl.formatMessage(f.placementLine, {
          kind: intl.formatMessage(f[`care${placement.kind as CareKind}`] ?? f.careFOSTER_FAMILY),
          provider: <bdi key="provider">{placement.provider}</bdi>,
          date: formatDay(intl, placement.startedOn),
        })}
        submitLabel={intl.formatMessage(s.endPlacementSubmit)}
        pending={step.mutation.isPending}
        error={step.mutation.error}
        problems={{ endedOn: intl.formatMessage(s.problemPlacementEnd), reason: intl.formatMessage(s.problemReason) }}
        onSubmit={() => step.mutate({ endedOn, reason: reason.trim() })}
      >
        <StepDate path="endedOn" label={intl.formatMessage(s.endedOn)} value={endedOn} onChange={setEndedOn} required />
        <StepTextArea
          path="reason"
          label={intl.formatMessage(s.placementEndReason)}
          value={reason}
          onChange={setReason}
          hint={intl.formatMessage(s.placementEndReasonHint)}
          maxLength={1000}
          required
        />
      </StepDialog>
    </>
  );
}

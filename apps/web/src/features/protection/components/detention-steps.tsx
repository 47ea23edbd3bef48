import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiClient, unwrap } from '../../../api/client';
import { Button } from '../../../ui/button';
import { stepMessages as s } from '../messages';
import { dayOf, Detention, detentionSteps, instantOf, timeOf, VISITOR_KINDS } from '../protection-api';
import { useStep } from '../use-step';
import { StepChoice, StepDate, StepDialog, StepInput, StepPair, StepSelect, StepTextArea, StepTime } from './step-dialog';
import { formatDay } from '../safeguard-refusal';
import styles from './record-card.module.css';
import dialogStyles from './step-dialog.module.css';

interface Props {
  api: ApiClient;
  caseId: string;
  episode: Detention;
  /** The reader's agency detains (reviews, ends) and/or logs access visits. */
  may: { detain: boolean; access: boolean };
  onSaved: () => void;
  /** The episode's row (its buttons share their names with the other episodes' ones). */
  describedBy?: string;
}

const validDay = (day: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(day);

const inDays = (days: number): string => dayOf(new Date(Date.now() + days * 86_400_000));

/** The follow-up steps of one detention episode: its review, an access visit, its end — each in a dialog. */
export function EpisodeSteps({ api, caseId, episode, may, onSaved, describedBy }: Props) {
  const intl = useIntl();
  const steps = detentionSteps(episode, may);
  const path = { params: { path: { id: caseId, episodeId: episode.id } } };

  const [reviewedOn, setReviewedOn] = useState(() => dayOf(new Date()));
  const [outcome, setOutcome] = useState<'' | 'CONTINUE' | 'RELEASE'>('');
  const [nextReviewOn, setNextReviewOn] = useState(() => inDays(7));
  const review = useStep(
    caseId,
    (body: object) => unwrap<Detention>(api.POST('/api/v1/cases/{id}/detentions/{episodeId}/reviews', { ...path, body: body as never })),
    () => {
      setOutcome('');
      onSaved();
    },
  );

  const [visitorKind, setVisitorKind] = useState<string>('LEGAL_REPRESENTATIVE');
  const [organisation, setOrganisation] = useState('');
  const [visitDay, setVisitDay] = useState(() => dayOf(new Date()));
  const [visitTime, setVisitTime] = useState(() => timeOf(new Date()));
  const [granted, setGranted] = useState<'' | 'yes' | 'no'>('');
  const [refusalReason, setRefusalReason] = useState('');
  const access = useStep(
    caseId,
    (body: object) => unwrap<Detention>(api.POST('/api/v1/cases/{id}/detentions/{episodeId}/access', { ...path, body: body as never })),
    () => {
      setOrganisation('');
      setRefusalReason('');
      setGranted('');
      onSaved();
    },
  );

  const [endDay, setEndDay] = useState(() => dayOf(new Date()));
  const [endTime, setEndTime] = useState(() => timeOf(new Date()));
  const [endReason, setEndReason] = useState('');
  const end = useStep(caseId, (body: object) => unwrap<Detention>(api.POST('/api/v1/cases/{id}/detentions/{episodeId}/end', { ...path, body: body as never })), onSaved);

  if (!steps.review && !steps.access && !steps.end) return null;
  const place = <bdi key="place">{episode.place}</bdi>;
  return (
    <div className={styles.statusLine}>
      {steps.review ? (
        <Button variant={episode.reviewOverdue ? 'primary' : 'secondary'} onPress={review.open} aria-describedby={describedBy}>
          {intl.formatMessage(s.reviewAction)}
        </Button>
      ) : null}
      {steps.access ? (
        <Button variant="secondary" onPress={access.open} aria-describedby={describedBy}>
          {intl.formatMessage(s.accessAction)}
        </Button>
      ) : null}
      {steps.end ? (
        <Button variant="danger" className={dialogStyles.dangerAction} onPress={end.open} aria-describedby={describedBy}>
          {intl.formatMessage(s.endDetentionAction)}
        </Button>
      ) : null}

      <StepDialog
        isOpen={review.isOpen}
        onClose={review.close}
        title={intl.formatMessage(s.reviewTitle)}
        intro={intl.formatMessage(s.reviewIntro, { place })}
        submitLabel={intl.formatMessage(s.reviewSubmit)}
        pending={review.mutation.isPending}
        error={review.mutation.error}
        problems={{
          reviewedOn: intl.formatMessage(s.problemReviewedOn),
          outcome: intl.formatMessage(s.problemChoose),
          nextReviewOn:
            validDay(reviewedOn) && validDay(nextReviewOn) && nextReviewOn <= reviewedOn
              ? intl.formatMessage(s.nextReviewBefore, { next: formatDay(intl, nextReviewOn), review: formatDay(intl, reviewedOn) })
              : intl.formatMessage(s.problemNextReviewOn),
        }}
        ready={outcome !== ''}
        onSubmit={() => review.mutate({ reviewedOn, outcome, ...(outcome === 'CONTINUE' ? { nextReviewOn } : {}) })}
      >
        <StepDate path="reviewedOn" label={intl.formatMessage(s.reviewedOn)} value={reviewedOn} onChange={setReviewedOn} required />
        <StepChoice
          path="outcome"
          label={intl.formatMessage(s.reviewOutcome)}
          value={outcome}
          onChange={(value) => setOutcome(value as '' | 'CONTINUE' | 'RELEASE')}
          options={[
            { value: 'CONTINUE', label: intl.formatMessage(s.outcomeContinue) },
            { value: 'RELEASE', label: intl.formatMessage(s.outcomeRelease) },
          ]}
        />
        {outcome === 'CONTINUE' ? (
          <StepDate path="nextReviewOn" label={intl.formatMessage(s.nextReviewOn)} value={nextReviewOn} onChange={setNextReviewOn} hint={intl.formatMessage(s.nextReviewHint)} required />
        ) : outcome === 'RELEASE' ? (
          <p className={styles.hint}>{intl.formatMessage(s.releaseHint)}</p>
        ) : null}
      </StepDialog>

      <StepDialog
        isOpen={access.isOpen}
        onClose={access.close}
        title={intl.formatMessage(s.accessTitle)}
        intro={intl.formatMessage(s.accessIntro, { place })}
        submitLabel={intl.formatMessage(s.accessSubmit)}
        ready={granted !== ''}
        pending={access.mutation.isPending}
        error={access.mutation.error}
        problems={{
          visitorKind: intl.formatMessage(s.problemChoose),
          organisation: intl.formatMessage(s.problemOrganisation),
          visitedAt: intl.formatMessage(s.problemVisitedAt),
          granted: intl.formatMessage(s.problemChoose),
          refusalReason: intl.formatMessage(s.problemRefusalReason),
        }}
        onSubmit={() =>
          access.mutate({
            visitorKind,
            organisation: organisation.trim(),
            visitedAt: instantOf(visitDay, visitTime),
            granted: granted === 'yes',
            ...(granted === 'no' ? { refusalReason: refusalReason.trim() } : {}),
          })
        }
      >
        <StepSelect path="visitorKind" label={intl.formatMessage(s.visitorKind)} value={visitorKind} onChange={setVisitorKind}>
          {VISITOR_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {intl.formatMessage(s[`visitor${kind}`])}
            </option>
          ))}
        </StepSelect>
        <StepInput
          path="organisation"
          label={intl.formatMessage(s.visitorOrganisation)}
          value={organisation}
          onChange={setOrganisation}
          hint={intl.formatMessage(s.visitorOrganisationHint)}
          maxLength={200}
          required
        />
        <StepPair>
          <StepDate path="visitedAt" label={intl.formatMessage(s.visitDay)} value={visitDay} onChange={setVisitDay} required />
          <StepTime path="visitedAt.time" label={intl.formatMessage(s.visitTime)} value={visitTime} onChange={setVisitTime} required />
        </StepPair>
        <StepChoice
          path="granted"
          label={intl.formatMessage(s.accessGiven)}
          value={granted}
          onChange={(value) => setGranted(value as '' | 'yes' | 'no')}
          options={[
            { value: 'yes', label: intl.formatMessage(s.accessYes) },
            { value: 'no', label: intl.formatMessage(s.accessNo) },
          ]}
        />
        {granted === 'no' ? <StepTextArea path="refusalReason" label={intl.formatMessage(s.refusalReason)} value={refusalReason} onChange={setRefusalReason} maxLength={1000} required /> : null}
      </StepDialog>

      <StepDialog
        isOpen={end.isOpen}
        onClose={end.close}
        tone="danger"
        title={intl.formatMessage(s.endDetentionTitle)}
        intro={intl.formatMessage(s.endDetentionIntro, { place })}
        submitLabel={intl.formatMessage(s.endDetentionSubmit)}
        pending={end.mutation.isPending}
        error={end.mutation.error}
        problems={{ endedAt: intl.formatMessage(s.problemEndedAt), reason: intl.formatMessage(s.problemReason) }}
        onSubmit={() => end.mutate({ endedAt: instantOf(endDay, endTime), reason: endReason.trim() })}
      >
        <StepPair>
          <StepDate path="endedAt" label={intl.formatMessage(s.endDay)} value={endDay} onChange={setEndDay} required />
          <StepTime path="endedAt.time" label={intl.formatMessage(s.endTime)} value={endTime} onChange={setEndTime} required />
        </StepPair>
        <StepTextArea path="reason" label={intl.formatMessage(s.endReason)} value={endReason} onChange={setEndReason} hint={intl.formatMessage(s.endReasonHint)} maxLength={1000} required />
      </StepDialog>
    </div>
  );
}

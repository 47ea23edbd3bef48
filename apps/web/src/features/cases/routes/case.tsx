import { useQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Switch } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { DueTime } from '../../../i18n/due-time';
import { describeError } from '../../../i18n/error-messages';
import { nameOf, statusMessages } from '../../../i18n/vocabulary';
import { Alert } from '../../../ui/alert';
import { AlertIcon } from '../../../ui/icons';
import { can, meQuery } from '../../auth/me';
import { ReferralCard } from '../../referrals/components/referral-card';
import { useWithdraw, WithdrawDialog } from '../../referrals/components/sent-referral-list';
import { caseReferralsQuery, Referral } from '../../referrals/referrals-api';
import { taskName } from '../../tasks/components/task-list';
import { taskMessages } from '../../tasks/messages';
import { caseMessages } from '../messages';
import { casePageMessages } from '../case-messages';
import { caseQuery } from '../case-view';
import { ArrivalSection, formatDateTime, OtherSections, PersonSection, ProfilesSection, Section } from '../components/case-record';
import { CaseTimeline } from '../components/case-timeline';
import { ProfileDecisions } from '../../intake/components/profile-decisions';
import { questionnaireQuery } from '../questionnaire';
import { protectionLinkMessages } from '../../protection/messages';
import { ConsentSummary } from '../../rights/components/consent-summary';
import styles from './case.module.css';
import { CaseNumber } from '../../../ui/case-number';
import { StatusChip, toneOf } from '../../../ui/status-chip';

/**
 * One case as the border point may see it: the sections the SOP shares (withheld ones named, with why),
 * the person, arrival and companions, profiles, tasks, referrals and the agencies' answers, the timeline,
 * and what to do next. Sensitive details stay folded until "Show protection details" is on (page state only).
 */
export const Route = createFileRoute('/_signed-in/cases/$caseId')({
  component: CasePage,
});

function CasePage() {
  const intl = useIntl();
  const { api } = Route.useRouteContext();
  const { caseId } = Route.useParams();
  const me = useQuery(meQuery(api));
  const view = useQuery(caseQuery(api, caseId));
  // Without it the answers still show, under their question ids.
  const questionnaire = useQuery(questionnaireQuery(api));
  const sentFromHere = (me.data?.borderPoints.length ?? 0) > 0;
  const referrals = useQuery({ ...caseReferralsQuery(api, caseId, sentFromHere), enabled: me.isSuccess && can(me.data, 'REFERRALS_READ') });
  const [showDetails, setShowDetails] = useState(false);
  /** The profile decisions (confirm, remove, add with a reason) open in place of the profiles list. */
  const [deciding, setDeciding] = useState(false);
  const withdraw = useWithdraw(api);
  const [withdrawing, setWithdrawing] = useState<Referral | null>(null);
  const m = casePageMessages;

  if (view.isError || me.isError) {
    return (
      <div className={styles.page}>
        <BackLink />
        <Alert>
          {intl.formatMessage(m.loadFailed)} {describeError(intl, view.error ?? me.error)}
        </Alert>
      </div>
    );
  }
  if (!view.data || !me.data) return null;
  const data = view.data;
  const identity = data.sections.IDENTITY;
  const arrival = data.sections.ARRIVAL;
  const urgentNeeds = data.fieldGroups.includes('NEEDS') ? (data.sections.NEEDS?.urgentNeeds ?? []) : null;
  const allReferrals = referrals.data?.items ?? [];
  const canWithdraw = can(me.data, 'REFERRALS_WITHDRAW') && me.data.borderPoints.some((point) => point.id === data.borderPoint.id);

  return (
    <article className={styles.page} aria-labelledby="case-title">
      <BackLink />
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <h1 id="case-title" className={styles.title}>
            {intl.formatMessage(m.title, { caseNumber: <CaseNumber key="number" caseNumber={data.caseNumber} /> })}
          </h1>
          <span className={styles.badges}>
            {urgentNeeds && urgentNeeds.length > 0 ? (
              <StatusChip tone="danger">
                <AlertIcon />
                {intl.formatMessage(caseMessages.urgent)}
              </StatusChip>
            ) : null}
            <StatusChip tone={toneOf('case', data.status)}>{nameOf(intl, statusMessages, data.status)}</StatusChip>
          </span>
        </div>
        <p className={styles.sub}>
          {intl.formatMessage(m.arrived, {
            date: (
              <time key="at" dateTime={data.arrivedAt}>
                {formatDateTime(intl, data.arrivedAt)}
              </time>
            ),
            borderPoint: <bdi key="point">{data.borderPoint.name}</bdi>,
          })}
        </p>
        <Switch className={styles.switch} isSelected={showDetails} onChange={setShowDetails}>
          <span className={styles.switchTrack} aria-hidden="true">
            <span className={styles.switchThumb} />
          </span>
          {intl.formatMessage(m.showDetails)}
        </Switch>
      </header>

      <nav aria-label={intl.formatMessage(m.actions)} className={styles.actions}>
        {can(me.data, 'INTAKE_UPDATE') && data.status !== 'CLOSED' ? (
          <Link to="/cases/$caseId/complete" params={{ caseId: data.id }} className={data.status === 'INCOMPLETE' ? styles.primaryAction : styles.action}>
            {intl.formatMessage(data.status === 'INCOMPLETE' ? m.completeRecord : m.correctRecord)}
          </Link>
        ) : null}
        {can(me.data, 'CONSENT_RECORD') ? (
          <Link
            to="/cases/$caseId/consent"
            params={{ caseId: data.id }}
            className={data.openTasks.some((task) => task.kind === 'OBTAIN_CONSENT') ? styles.primaryAction : styles.action}
          >
            {intl.formatMessage(m.recordConsent)}
          </Link>
        ) : null}
        <Link to="/cases/$caseId/protection" params={{ caseId: data.id }} className={styles.action}>
          {intl.formatMessage(protectionLinkMessages.open)}
        </Link>
        {can(me.data, 'PROFILES_DECIDE') ? (
          <button
            type="button"
            className={styles.action}
            aria-expanded={deciding}
            aria-controls="profiles-title"
            onClick={() => {
              setDeciding((open) => !open);
              requestAnimationFrame(() => document.getElementById('profiles-title')?.scrollIntoView({ block: 'start' }));
            }}
          >
            {intl.formatMessage(m.profileDecisions)}
          </button>
        ) : null}
      </nav>

      <div className={styles.columns}>
        <div className={styles.main}>
          {identity ? <PersonSection identity={identity} /> : null}
          {arrival ? <ArrivalSection arrival={arrival} urgentNeeds={urgentNeeds} showDetails={showDetails} /> : null}
          {deciding ? (
            <Section id="profiles-title" title={intl.formatMessage(m.profileDecisions)}>
              <ProfileDecisions api={api} caseId={data.id} />
            </Section>
          ) : (
            <ProfilesSection profiles={data.profiles} showDetails={showDetails} />
          )}
          <OtherSections view={data} showDetails={showDetails} questionnaire={questionnaire.data} />
        </div>
        <div className={styles.side}>
          <Section id="tasks-title" title={intl.formatMessage(m.tasks)}>
            {data.openTasks.length === 0 ? (
              <p className={styles.muted}>{intl.formatMessage(m.noTasks)}</p>
            ) : (
              <ul className={styles.tasks}>
                {data.openTasks.map((task) => {
                  const late = task.dueAt !== null && new Date(task.dueAt).getTime() < view.dataUpdatedAt;
                  return (
                    <li key={task.id} className={late ? styles.late : undefined}>
                      <span className={styles.taskName}>{taskName(intl, { kind: task.kind, title: null })}</span>
                      <span className={styles.muted}>
                        {late ? <span className={styles.overdue}>{intl.formatMessage(taskMessages.overdue)}</span> : null}
                        {task.dueAt ? intl.formatMessage(m.taskDue, { time: <DueTime key="due" intl={intl} at={task.dueAt} /> }) : intl.formatMessage(m.taskNoDue)}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </Section>
          {can(me.data, 'REFERRALS_READ') || can(me.data, 'CONSENT_RECORD') ? <ConsentSummary api={api} caseId={data.id} /> : null}
          {can(me.data, 'REFERRALS_READ') ? (
            <Section id="referrals-title" title={intl.formatMessage(m.referrals)}>
              {referrals.isError ? (
                <Alert>
                  {intl.formatMessage(m.referralsFailed)} {describeError(intl, referrals.error)}
                </Alert>
              ) : null}
              {referrals.isSuccess && allReferrals.length === 0 ? <p className={styles.muted}>{intl.formatMessage(m.noReferrals)}</p> : null}
              {allReferrals.length > 0 ? (
                <ul className={styles.referrals}>
                  {allReferrals.map((referral) => (
                    <li key={referral.id}>
                      <ReferralCard
                        referral={referral}
                        all={allReferrals}
                        onWithdraw={
                          canWithdraw
                            ? (chosen) => {
                                withdraw.reset();
                                setWithdrawing(chosen);
                              }
                            : undefined
                        }
                      />
                    </li>
                  ))}
                </ul>
              ) : null}
            </Section>
          ) : null}
        </div>
      </div>
      <CaseTimeline api={api} caseId={caseId} referrals={allReferrals} showDetails={showDetails} />
      <WithdrawDialog referral={withdrawing} onClose={() => setWithdrawing(null)} mutation={withdraw} onDone={() => setWithdrawing(null)} />
    </article>
  );
}

function BackLink() {
  const intl = useIntl();
  return (
    <Link to="/" className={styles.back}>
      {intl.formatMessage(casePageMessages.backToCases)}
    </Link>
  );
}

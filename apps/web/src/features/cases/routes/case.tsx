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
import { caseQuery, timelineQuery } from '../case-view';
import { ArrivalSection, formatDateTime, OtherSections, PersonSection, ProfilesSection, Section } from '../components/case-record';
import { CaseTimeline } from '../components/case-timeline';
import { ProfileDecisions } from '../../intake/components/profile-decisions';
import { questionnaireQuery } from '../questionnaire';
import { protectionLinkMessages } from '../../protection/messages';
import { ConsentSummary } from '../../rights/components/consent-summary';
import styles from './case.module.css';
import { CaseNumber } from '../../../ui/case-number';
import { StatusChip, toneOf } from '../../../ui/status-chip';
import { agencyOptionsQuery, caseTasksQuery, colleaguesQuery, notesQuery, responsibilityQuery, servicesQuery } from '../../casework/casework-api';
import { CaseSummary } from '../../casework/components/case-summary';
import { ClosureAction } from '../../casework/components/closure';
import { NotesSection } from '../../casework/components/notes-section';
import { ResponsibilitySection } from '../../casework/components/responsibility-section';
import { ServicesSection } from '../../casework/components/services-section';
import { TasksSection } from '../../casework/components/tasks-section';
import { WithheldSections } from '../../casework/components/withheld-sections';
import { workspaceMessages } from '../../casework/messages';

/**
 * One case as the reader may see it. For the receiving agencies it is their workspace: the summary from the
 * sections the SOP shares with them (withheld ones named with why), notes, tasks, services delivered, who
 * holds the case and the transfer of its lead, closure and reopening; the most used actions at the top.
 * For the border point: the sections the SOP shares (withheld ones named, with why),
 * the person, arrival and companions, profiles, tasks, referrals and the agencies' answers, the timeline,
 * and what to do next. Sensitive details stay folded until "Show protection details" is on (page state only).
 */
export const Route = createFileRoute('/_signed-in/cases/$caseId')({
  // Every read of the page starts at once, side by side, instead of each section's after the case's: a busy
  // case opens in one round of requests. Not on a hover's preload (a read is audited: only a real open reads).
  loader: ({ context: { api, queryClient }, params: { caseId }, preload }) => {
    if (preload) return;
    const me = queryClient.getQueryData(meQuery(api).queryKey);
    void queryClient.prefetchQuery(caseQuery(api, caseId));
    void queryClient.prefetchInfiniteQuery(timelineQuery(api, caseId));
    if (me && me.borderPoints.length === 0) {
      void queryClient.prefetchQuery(notesQuery(api, caseId));
      void queryClient.prefetchQuery(caseTasksQuery(api, caseId));
      void queryClient.prefetchQuery(servicesQuery(api, caseId));
      void queryClient.prefetchQuery(responsibilityQuery(api, caseId));
    }
  },
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
  /** The workspace's inline forms, opened from the sections or the page's shortcuts. */
  const [taskForm, setTaskForm] = useState(false);
  const [serviceForm, setServiceForm] = useState(false);
  const [notice, setNotice] = useState('');
  const responsibility = useQuery({ ...responsibilityQuery(api, caseId), enabled: me.isSuccess && !sentFromHere });
  const colleagues = useQuery({ ...colleaguesQuery(api), enabled: me.isSuccess && can(me.data, 'CASES_ASSIGN') && can(me.data, 'USERS_READ') });
  // The agencies' names, to say who did what on the timeline.
  const agencies = useQuery({ ...agencyOptionsQuery(api), enabled: me.isSuccess && can(me.data, 'REFERENCE_DATA_READ') });
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

  /** The receiving agency's workspace (no border point of its own): notes, tasks, services, responsibility, closure. */
  const workspace = !sentFromHere;
  const canManage = can(me.data, 'CASE_MANAGE');
  const self = { id: me.data.id, agencyId: me.data.agency.id };
  const referralsSection = can(me.data, 'REFERRALS_READ') ? (
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
  ) : null;

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
        {workspace ? <CaseSummary api={api} caseId={data.id} me={self} canAssign={can(me.data, 'CASES_ASSIGN')} /> : null}
        <Switch className={styles.switch} isSelected={showDetails} onChange={setShowDetails}>
          <span className={styles.switchTrack} aria-hidden="true">
            <span className={styles.switchThumb} />
          </span>
          {intl.formatMessage(m.showDetails)}
        </Switch>
      </header>

      <nav aria-label={intl.formatMessage(m.actions)} className={styles.actions}>
        {workspace && can(me.data, 'NOTES_WRITE') ? (
          <button type="button" className={styles.primaryAction} onClick={() => focusSoon(NOTE_TEXT_ID)}>
            {intl.formatMessage(workspaceMessages.jumpNote)}
          </button>
        ) : null}
        {workspace && canManage ? (
          <>
            <button type="button" className={styles.action} onClick={() => openAndScroll(setTaskForm, 'casework-tasks-title')}>
              {intl.formatMessage(workspaceMessages.jumpTask)}
            </button>
            <button type="button" className={styles.action} onClick={() => openAndScroll(setServiceForm, 'services-title')}>
              {intl.formatMessage(workspaceMessages.jumpService)}
            </button>
          </>
        ) : null}
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
        {workspace && canManage && responsibility.data?.lead?.agencyId === me.data.agency.id ? <ClosureAction api={api} caseId={data.id} status={data.status} version={data.version} onChanged={setNotice} /> : null}
      </nav>
      <p className={styles.notice} role="status">
        {notice}
      </p>
      {workspace && data.status === 'CLOSED' ? <Alert tone="info">{intl.formatMessage(workspaceMessages.closed)}</Alert> : null}

      {workspace ? (
        <div className={styles.columns}>
          <div className={styles.main}>
            {identity ? <PersonSection identity={identity} /> : null}
            <NotesSection api={api} caseId={data.id} me={self} fieldGroups={data.fieldGroups} canWrite={can(me.data, 'NOTES_WRITE')} textId={NOTE_TEXT_ID} />
            {arrival ? <ArrivalSection arrival={arrival} urgentNeeds={urgentNeeds} showDetails={showDetails} /> : null}
            {deciding ? (
              <Section id="profiles-title" title={intl.formatMessage(m.profileDecisions)}>
                <ProfileDecisions api={api} caseId={data.id} />
              </Section>
            ) : (
              <ProfilesSection profiles={data.profiles} showDetails={showDetails} />
            )}
            <OtherSections view={data} showDetails={showDetails} questionnaire={questionnaire.data} withheld={<WithheldSections view={data} showDetails={showDetails} />} />
          </div>
          <div className={styles.side}>
            <ResponsibilitySection api={api} caseId={data.id} me={self} canAssign={can(me.data, 'CASES_ASSIGN')} canManage={canManage} colleagues={colleagues.data} />
            <TasksSection api={api} caseId={data.id} me={self} canManage={canManage} colleagues={colleagues.data} formOpen={taskForm} onFormOpenChange={setTaskForm} />
            <ServicesSection api={api} caseId={data.id} agencyName={me.data.agency.name} canManage={canManage} formOpen={serviceForm} onFormOpenChange={setServiceForm} />
            {referralsSection}
            {can(me.data, 'REFERRALS_READ') || can(me.data, 'CONSENT_RECORD') ? <ConsentSummary api={api} caseId={data.id} /> : null}
          </div>
        </div>
      ) : (
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
            {referralsSection}
          </div>
        </div>
      )}
      <CaseTimeline
        api={api}
        caseId={caseId}
        referrals={allReferrals}
        showDetails={showDetails}
        people={{
          meId: me.data.id,
          users: new Map((colleagues.data ?? []).map((colleague) => [colleague.id, colleague.displayName])),
          agencies: new Map([...(agencies.data ?? []).map((agency): [string, string] => [agency.id, agency.name]), [me.data.agency.id, me.data.agency.name]]),
        }}
      />
      <WithdrawDialog referral={withdrawing} onClose={() => setWithdrawing(null)} mutation={withdraw} onDone={() => setWithdrawing(null)} />
    </article>
  );
}

const NOTE_TEXT_ID = 'casework-note-text';

/** Focuses a control once the page has drawn it (the shortcuts at the top of the workspace). */
function focusSoon(id: string) {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    element?.scrollIntoView({ block: 'center' });
    element?.focus();
  });
}

/** Opens a section's form and brings the section into view; the form's first control takes the focus. */
function openAndScroll(open: (value: boolean) => void, headingId: string) {
  open(true);
  requestAnimationFrame(() => document.getElementById(headingId)?.scrollIntoView({ block: 'start' }));
}

function BackLink() {
  const intl = useIntl();
  return (
    <Link to="/" className={styles.back}>
      {intl.formatMessage(casePageMessages.backToCases)}
    </Link>
  );
}
